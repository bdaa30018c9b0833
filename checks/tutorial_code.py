"""Code that matches well-known tutorials (Django polls, Flask flaskr, FastAPI's items example...).

## What it measures
Fingerprints of tutorial projects that many people type out while learning:
the Django tutorial's polls app (`Question` and `Choice` models with
`question_text` and `choice_text`), the Flask tutorial's flaskr blog
(`create_app` with `get_db`/`init_db` in a `flaskr` package), the FastAPI
documentation's `/items/{item_id}` example, the four-function console
calculator, and weather apps calling the OpenWeatherMap API. The value is the
number of tutorial fingerprints found, each with the line where it starts.

## Why it matters
Hiring guides warn against portfolios made only of tutorial or bootcamp
projects: following a tutorial shows the candidate learned, not that they can
design something of their own.

## Example
`polls/models.py` defining `class Question(models.Model)` with
`question_text = models.CharField(max_length=200)` is the Django tutorial.

## Caveats
Everyone starts with tutorials; a tutorial app that was then extended far
beyond the original is real work. A match says "look here", not "copied".
Test data and vendored code are not examined.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role
from analyzer.rules import Level, Rule, flag, when
from checks._fingerprints import STRING_PATTERNS, TUTORIALS, Traits


@dataclass(frozen=True, slots=True)
class FileTraits:
    names: tuple[tuple[str, int], ...]  # defined or assigned names of interest, with lines
    strings: tuple[tuple[str, int], ...]  # string literals of interest, with lines


class TutorialCode(Check[FileTraits]):
    rule = Rule(5, lambda s: 0.0 if s.value else 1.0, when(lambda s: bool(s.value), flag(
        Level.YELLOW, "Contains code from a well-known tutorial.",
        "Everyone learns from tutorials; an extended tutorial app can still be real work.",
        "What did you add beyond the tutorial, and why?",
    )))
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.names: dict[str, int] = {}
        self.strings: dict[str, int] = {}

    def _name(self, name: str, node: cst.CSTNode) -> None:
        if name in Traits.NAMES and name not in self.names:
            self.names[name] = self.line(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._name(node.name.value, node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._name(node.name.value, node)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        if isinstance(node.target, cst.Name):
            self._name(node.target.value, node)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self._string(node.value, node)

    def visit_FormattedStringText(self, node: cst.FormattedStringText) -> None:
        self._string(node.value, node)

    def _string(self, value: str, node: cst.CSTNode) -> None:
        text = value.lower()
        for marker, pattern in STRING_PATTERNS.items():
            if marker not in self.strings and pattern.search(text):
                self.strings[marker] = self.line(node)

    def observe(self) -> FileTraits:
        return FileTraits(tuple(sorted(self.names.items())), tuple(sorted(self.strings.items())))

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        found: list[tuple[str, Location]] = []
        for path, traits in cls.observed(corpus).items():
            if corpus.repo.role(path) is not Role.PRODUCTION:
                continue
            seen = dict(traits.names) | dict(traits.strings)
            for tutorial in TUTORIALS:
                line = tutorial.match(path, seen)
                if line is not None:
                    found.append((tutorial.title, Location(path, line)))
        titles = sorted({title for title, _ in found})
        summary = (
            f"Matches {len(titles)} well-known tutorial(s): {', '.join(titles)}."
            if titles else "No well-known tutorial code recognised."
        )
        return cls.signal(
            len(titles), summary, evidence=tuple(loc for _, loc in found),
            tutorials=[{"tutorial": t, "path": loc.path, "line": loc.line} for t, loc in found],
        )
