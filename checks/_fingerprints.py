"""Fingerprints of tutorial projects: names and strings that occur together in one file.

A fingerprint needs *all* its names (or strings) in the same file, and
optionally a folder name, so a lone ``Question`` class or ``add`` function never
matches on its own.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True, slots=True)
class Tutorial:
    title: str
    requires: frozenset[str]
    folder: str | None = None

    def match(self, path: str, seen: Mapping[str, int]) -> int | None:
        """The line where the fingerprint starts in this file, or None when it is incomplete."""
        if self.folder is not None and self.folder not in PurePosixPath(path).parts[:-1]:
            return None
        if not self.requires <= seen.keys():
            return None
        return min(seen[name] for name in self.requires)


TUTORIALS = (
    Tutorial("Django tutorial (polls app)",
             frozenset({"Question", "Choice", "question_text", "choice_text"})),
    Tutorial("Flask tutorial (flaskr)", frozenset({"create_app", "get_db"}), folder="flaskr"),
    Tutorial("FastAPI docs example (/items/{item_id})",
             frozenset({"read_item", "items-route"})),
    Tutorial("Console calculator exercise",
             frozenset({"add", "subtract", "multiply", "divide", "enter-choice-prompt"})),
    Tutorial("Weather app (OpenWeatherMap API)", frozenset({"openweathermap-url"})),
)


# String markers are patterns, named: a pattern's own source text never matches it, so a
# catalogue like this one (or a test listing the markers) does not match itself.
STRING_PATTERNS = {
    "items-route": re.compile(r"/items/\{item_id\}"),
    "enter-choice-prompt": re.compile(r"enter\s+choice", re.IGNORECASE),
    "openweathermap-url": re.compile(r"https?://api\.openweathermap\.org", re.IGNORECASE),
}


class Traits:
    """What the visitor must record: every name and string any fingerprint uses."""

    ALL = frozenset().union(*(t.requires for t in TUTORIALS))
    STRINGS = frozenset(STRING_PATTERNS)
    NAMES = ALL - STRINGS
