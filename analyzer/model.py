"""The values that flow from checks to the score and the reports."""

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in the scanned repository: a path relative to its root, and a 1-based line."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Signal:
    """One check's measurement of a repository. Measures, never judges.

    ``value`` is in the check's natural unit (a share, a count, days); ``None``
    means the signal does not apply (e.g. commit age of a plain directory).
    """

    check: str
    value: float | None
    summary: str
    evidence: tuple[Location, ...] = ()
    details: Mapping[str, object] = field(default_factory=dict)
    display: str | None = None  # how a person reads the value ("3.12"), when a number misleads
