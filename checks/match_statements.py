"""Structural pattern matching (`match` statements).

## What it measures
The number of `match` statements (Python 3.10+), each with its location. Test
data and vendored code are not counted; tests are, since they are the
candidate's code too. Those in notebooks are counted apart (`in_notebooks`).

## Why it matters
`match` arrived in Python 3.10. Using it where it fits shows the candidate keeps
up with the language and knows its newer tools.

## Example
```python
match status_code:
    case 200: return "success"
    case _: return "error"
```

## Caveats
Zero is normal: most code has no natural place for `match`, and a library that
supports Python 3.9 cannot use it. One `match` inside copied course code is weak
evidence, so look at where it is.
"""

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role


class MatchStatements(Check[tuple[int, ...]]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.lines: list[int] = []

    def visit_Match(self, node: cst.Match) -> None:
        self.lines.append(self.line(node))

    def observe(self) -> tuple[int, ...]:
        return tuple(self.lines)

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        observed = cls.observed(corpus)
        evidence = tuple(
            Location(path, line)
            for path, lines in observed.items()
            if corpus.repo.role(path) not in {Role.TEST_DATA, Role.NOTEBOOK}
            for line in lines
        )
        in_notebooks = sum(
            len(lines) for path, lines in observed.items()
            if corpus.repo.role(path) is Role.NOTEBOOK
        )
        files = len({location.path for location in evidence})
        summary = (
            f"{len(evidence)} match statement(s) in {files} file(s)."
            if evidence else "No match statements (Python 3.10 pattern matching)."
        )
        return cls.signal(
            len(evidence), summary, evidence=evidence, files=files, in_notebooks=in_notebooks,
        )
