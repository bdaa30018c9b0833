"""The oldest Python the code runs on, whether it is written in current Python, what it declares.

## What it measures
The minimum Python version implied by the syntax and standard-library features
the production code uses (more than 100 rules: generalized unpacking, async
generators, walrus, `match`, `except*`, PEP 695 generics, `tomllib`,
`asyncio.TaskGroup`...), with the first line of each feature. The value is that
minimum as `100 * major + minor` (312 means 3.12). Python 2 code has value 207 and
band `legacy`, never a 3.x value. Details give the `declared` versions
(requires-python, classifiers, `.python-version`, tox, nox, CI matrices) and a
`band` that answers "does the candidate write current Python?": `modern` when the
code needs 3.10+, declares 3.10+, or writes modern forms (PEP 604 `X | None` or
PEP 585 `list[int]` hints, with f-strings) while supporting an older floor on
purpose; `legacy` for Python 2 code or a declared floor below 3.7 without modern
forms; `common` otherwise (also for code that uses nothing newer than 3.0).

## Why it matters
Code that needs 3.10 or newer, or that writes today's forms, was written or kept
up recently by someone who uses what the language now offers. A project whose code
needs a newer Python than it declares will break for some of its users.

## Example
`type TaskIndex = dict[str, Task]` needs 3.12; `match event:` needs 3.10;
`def f(x: list[int] | None)` under `from __future__ import annotations` with
f-strings on a `>=3.9` library is "supports 3.9+, written in modern style".

## Caveats
A low minimum is not a fault: libraries support old Pythons on purpose. Code
under `if sys.version_info >= ...`, `if PY_3_14_PLUS:`, `if TYPE_CHECKING:` or
`try: ... except ImportError:` does not raise the minimum; annotations count only
when Python evaluates them. Production code sets the minimum; tests only when there
is none (`tests_minimum`: suites skip tests on older Pythons); examples, docs and
notebooks are reported apart (`examples_minimum`, `notebooks_minimum`); test data
never counts. `except A, b:` is Python 2 when `b` is a variable (lowercase, not a
class of the module, or used in the handler) and PEP 758 (3.14) when it names a
class. Parenthesised context managers, `with (a as b, c as d):`, count as 3.9:
the language reference documents them for 3.10, but CPython 3.9's parser already
runs them, and the minimum is the oldest interpreter that runs the code (vermin
and black say 3.9 too). One switch, `PARENTHESISED_WITH`, sets it.
"""

from dataclasses import replace

from analyzer.check import Corpus
from analyzer.model import Location, Signal
from checks._declared import declared
from checks._python2 import headline
from checks._python2_scan import python2_files
from checks._scope import local_modules
from checks._version_fold import (
    PYTHON2_ALSO,
    apart_summary,
    band,
    fold,
    group,
    python2_only_declared,
    python2_summary,
    summary,
)
from checks._version_rules import dotted
from checks._version_visitor import VersionFeatures


class PythonVersion(VersionFeatures):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        stated, lowest = declared(repo)
        old = python2_files(corpus)
        by_group = {name: [p for p in old if group(repo, p) == name]
                    for name in ("code", "tests", "apart", "notebook")}
        groups = fold(repo, cls.observed(corpus), old, local_modules(repo))
        aside = (apart_summary("examples and docs", groups["apart"], len(by_group["apart"]))
                 + apart_summary("notebooks", groups["notebook"], len(by_group["notebook"])))
        notebooks, examples = groups["notebook"].minimum(), groups["apart"].minimum()
        tests = groups["tests"].minimum()
        extra: dict[str, object] = {
            "tests_minimum": dotted(tests) if tests else None,
            "notebooks_minimum": dotted(notebooks) if notebooks else None,
            "examples_minimum": dotted(examples) if examples else None,
        }
        code = [p for p in repo.python_files if group(repo, p) in ("code", "tests")]
        if not code:
            return cls.signal(None, "No Python files." + aside, evidence=(), band=None,
                              minimum=None, declared=stated, python2_files=0, **extra)
        python2 = {p: old[p] for p in (*by_group["code"], *by_group["tests"])}
        legacy = bool(python2) or python2_only_declared(stated, lowest)
        features = groups["code"] if groups["code"].files else groups["tests"]
        if legacy:
            features.first = {k: v for k, v in features.first.items() if k not in PYTHON2_ALSO}
        ranked = features.ranked()
        style = features.modern_style()
        implied = (2, 7) if legacy else features.minimum() or (3, 0)
        listed = [{"feature": label, "version": dotted(version), "path": path, "line": line}
                  for label, (version, path, line) in ranked]
        evidence = tuple(Location(path, line) for _, (_, path, line) in ranked[:12])
        agrees = lowest is None or max(lowest, (3, 0)) >= implied
        if legacy:
            text = python2_summary(python2, ranked, lowest)
            evidence = (*(Location(p, headline(f)[0]) for p, f in list(python2.items())[:1]),
                        *evidence)
        else:
            text = summary(ranked, implied, lowest, agrees, style)
        return replace(cls.signal(
            implied[0] * 100 + implied[1], text + aside, evidence=tuple(evidence),
            minimum=dotted(implied), band=band(implied, lowest, legacy, style),
            declared=stated, agrees=agrees, python2_files=len(python2), features=listed,
            modern_style=style, **extra,
        ), display=dotted(implied))
