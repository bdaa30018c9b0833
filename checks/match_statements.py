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

from __future__ import annotations

import libcst as cst

from analyzer.api import Example, FileCheck, Fold, Level, Marks, Role, Rule, Signal, flag, saturate

_MATCH = "match x:\n    case 1: pass\n"


class MatchStatements(FileCheck[Marks]):
    rule = Rule(4, saturate(1), lambda s: flag(
        Level.GREEN, "Uses structural pattern matching (3.10+).")(s) if s.value else [])
    examples = (
        Example({"a.py": _MATCH, "b.py": "def f(x):\n    " + _MATCH.replace("\n ", "\n     ")},
                2, ("a.py:1", "b.py:2")),
        Example({"tests/test_a.py": _MATCH}, 1, note="tests are the candidate's code too"),
        Example({"tests/data/m.py": _MATCH}, 0, note="test data is not"),
        Example({"a.py": "match = re.match(r'x', s)\nmatch(1)\n"}, 0, note="a soft keyword"),
    )

    def visit_Match(self, node: cst.Match) -> None:
        self.mark("match", node)

    @classmethod
    def result(cls, fold: Fold[Marks]) -> Signal:
        evidence = fold.evidence("match", Role.PRODUCTION, Role.TEST)
        files = len({location.path for location in evidence})
        summary = (
            f"{len(evidence)} match statement(s) in {files} file(s)."
            if evidence else "No match statements (Python 3.10 pattern matching)."
        )
        return cls.signal(
            len(evidence), summary, evidence=evidence, files=files,
            in_notebooks=fold.count("match", Role.NOTEBOOK),
        )
