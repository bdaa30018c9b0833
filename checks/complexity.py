"""Cyclomatic complexity, maintainability and size of the production code.

## What it measures
radon's cyclomatic complexity (CC) of every function and method in production code
(tests, test data, notebooks and vendored code left out), as its ranks A (1-5) to
F (41+); the value is the average CC of a function. Also the maintainability index
(MI, 0-100, radon's formula, averaged over files weighted by source lines) and raw
size: lines, source lines, comment lines and the share of commented lines. The
most complex functions are the evidence. Source is parsed with `ast`, never run.

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
it to compare files, not people. Files `ast` cannot read (Python 2, or syntax newer
than the scanner's Python) get raw counts only.
"""

from typing import Any

import libcst as cst
from radon.complexity import cc_rank

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role
from checks._metrics import FileComplexity, measure

RANKS = "ABCDEF"
WORST = 5


class Complexity(Check[FileComplexity | None]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.text: str | None = None

    def visit_Module(self, node: cst.Module) -> None:
        if self.source.role is Role.PRODUCTION and not self.source.notebook:
            # the source as written (libcst round-trips it exactly, but regenerating costs)
            self.text = self.source.text or node.code

    def observe(self) -> FileComplexity | None:
        return None if self.text is None else measure(self.text)

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        files = {p: o for p, o in cls.observed(corpus).items() if o is not None}
        raws = [o.raw for o in files.values() if o.raw is not None]
        sloc = sum(r.sloc for r in raws)
        comments = sum(r.comments for r in raws)
        scored = sorted((s, p, line, name) for p, o in files.items() for s, line, name in o.scores)
        ranks = {rank: 0 for rank in RANKS}
        for score, *_ in scored:
            ranks[cc_rank(score)] += 1
        weighted = [(o.mi, o.raw.sloc) for o in files.values() if o.mi is not None and o.raw]
        weight = sum(w for _, w in weighted)
        mi = round(sum(m * w for m, w in weighted) / weight, 1) if weight else None
        worst = sorted(scored, key=lambda s: (-s[0], s[1], s[2]))[:WORST]
        details: dict[str, Any] = {
            "functions": len(scored), "ranks": ranks,
            "share_a_or_b": round((ranks["A"] + ranks["B"]) / len(scored), 4) if scored else None,
            "worst": [{"path": p, "line": line, "name": name, "score": s, "rank": cc_rank(s)}
                      for s, p, line, name in worst],
            "maintainability_index": mi, "loc": sum(r.loc for r in raws), "sloc": sloc,
            "comment_lines": comments, "blank": sum(r.blank for r in raws),
            "docstring_lines": sum(r.docstrings for r in raws),
            "comment_ratio": round(comments / sloc, 4) if sloc else None,
            "files": len(files),
            "data_files": [p for p, o in files.items() if o.data],
            "not_measured": [p for p, o in files.items() if not o.measured and not o.data],
        }
        if not scored:
            return cls.signal(None, "No production functions to measure.", **details)
        average = round(sum(s[0] for s in scored) / len(scored), 2)
        summary = (
            f"Average complexity {average:.1f} ({cc_rank(average)}) over "
            f"{len(scored):,} functions; {details['share_a_or_b']:.0%} rank A or B; "
            f"worst: {worst[0][3]} ({worst[0][0]}, rank {cc_rank(worst[0][0])})."
        )
        evidence = tuple(Location(p, line) for _, p, line, _ in worst)
        value = int(average) if average.is_integer() else average  # 1.0 would read as 100%
        return cls.signal(value, summary, evidence=evidence, **details)
