"""Cyclomatic complexity, maintainability and size of the production code.

## What it measures
radon's cyclomatic complexity (CC) of every function and method in production code
(tests, test data, notebooks and vendored code left out), as its ranks A (1-5) to
F (41+); the value is the average CC of a function. Also the maintainability index
(MI, 0-100, radon's formula, averaged over files weighted by source lines) and raw
size: lines, source lines, comment lines and the share of commented lines. The
most complex functions are the evidence. Source is read, never run: radon's rules
are applied to the parsed tree that every check shares.

## Why it matters
A function with many branches is hard to read, test and change. Code that is
mostly rank A and B was split into small pieces by someone who cares about the
next reader; a handful of rank E/F functions is where bugs live.

## Example
`def handle(event):` with twelve `if`/`elif` branches has CC 13, rank C; a
project whose functions average CC 2.4 is mostly small, simple functions.

## Caveats
Some problems are branchy by nature (parsers, state machines), and a low average
can hide one monster function: read the evidence. MI is a rough old formula; use
it to compare files, not people.
"""

from __future__ import annotations

import libcst as cst
from radon.complexity import cc_rank

from analyzer.api import (
    Example,
    FileCheck,
    Flag,
    Fold,
    Level,
    Location,
    Role,
    Rule,
    Signal,
    SourceFile,
    detail,
    flag,
)
from checks.complexity._metrics import FileComplexity, measure
from checks.complexity._summary import summarise
from checks.complexity._walk import RadonCounting


def _flags(signal: Signal) -> list[Flag]:
    ranks = signal.details.get("ranks")
    tangled = sum(ranks.get(r, 0) for r in "EF") if isinstance(ranks, dict) else 0
    return flag(
        Level.YELLOW, f"{tangled} function(s) with cyclomatic complexity over 30 (rank E/F).",
        "Parsers and state machines are branchy by nature.",
        "Walk me through your most complex function: how would you test or split it?",
    )(signal) if tangled else []


class Complexity(RadonCounting, FileCheck[FileComplexity | None]):
    # Simple functions earn credit only once there are enough of them to mean something.
    rule = Rule(5, lambda s: detail(s, "share_a_or_b") * min(1.0, detail(s, "functions") / 10),
                _flags)
    examples = (
        Example({"a.py": "def f(x):\n    if x:\n        return 1\n    return 2\n"}, 2, ("a.py:1",)),
        Example({"tests/test_a.py": "def test_f():\n    pass\n"}, None, note="production only"),
    )

    def __init__(self, source: SourceFile) -> None:
        FileCheck.__init__(self, source)
        RadonCounting.__init__(self)
        self.text: str | None = None

    def visit_Module(self, node: cst.Module) -> None:
        # examples too: in a repository of nothing but examples they are the product
        if self.source.role in (Role.PRODUCTION, Role.EXAMPLE) and not self.source.notebook:
            # the source as written (libcst round-trips it exactly, but regenerating costs)
            self.text = self.source.text or node.code
            self.counting = True

    def observe(self) -> FileComplexity | None:
        if self.text is None:
            return None
        return measure(self.text, self.source.tokens, self.ranked, self.halstead)

    @classmethod
    def result(cls, fold: Fold[FileComplexity | None]) -> Signal:
        files = {p: o for p, o in fold.production.items() if o is not None}
        details, scored, worst = summarise(files)
        if not scored:
            return cls.signal(None, "No production functions to measure.", details=details)
        average = round(sum(s[0] for s in scored) / len(scored), 2)
        summary = (
            f"Average complexity {average:.1f} ({cc_rank(average)}) over "
            f"{len(scored):,} functions; {details['share_a_or_b']:.0%} rank A or B; "
            f"worst: {worst[0][3]} ({worst[0][0]}, rank {cc_rank(worst[0][0])})."
        )
        evidence = tuple(Location(p, line) for _, p, line, _ in worst)
        value = int(average) if average.is_integer() else average  # 1.0 would read as 100%
        return cls.signal(value, summary, evidence=evidence, details=details)
