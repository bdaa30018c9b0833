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
is none (`tests_minimum`: suites skip tests on older Pythons), notebooks only when
they hold all the Python; otherwise examples, docs and notebooks are reported apart
(`examples_minimum`, `notebooks_minimum`), and so is Python 2 code in tests; test
data never counts. `except A, b:` is Python 2 when `b` is a variable (lowercase, not a
class of the module, or used in the handler) and PEP 758 (3.14) when it names a
class. Parenthesised context managers, `with (a as b, c as d):`, count as 3.9:
the language reference documents them for 3.10, but CPython 3.9's parser already
runs them, and the minimum is the oldest interpreter that runs the code (vermin
and black say 3.9 too). One switch, `PARENTHESISED_WITH`, sets it.
"""

from dataclasses import replace

from analyzer.api import Example, FileCheck, Fold, Location, Role, Signal
from checks._scope import local_modules
from checks._shared.code_role import code_role
from checks._shared.python2_files import python2_files
from checks.python_version._fold import apart_summary, fold_roles, verdict
from checks.python_version._rules import dotted
from checks.python_version._score import RULE
from checks.python_version._syntax import Feature
from checks.python_version._visitor import VersionFeatures

_MATCH = "match x:\n    case 1:\n        pass\n"


class PythonVersion(VersionFeatures, FileCheck[tuple[Feature, ...]]):
    rule = RULE
    examples = (
        Example({"a.py": _MATCH}, 310, ("a.py:1",)),
        Example({"a.py": "row = [*head, last]\n"}, 305, ("a.py:1",)),
        Example({"a.py": "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n"}, 314,
                ("a.py:3",), note="two classes: PEP 758"),
        Example({"tests/data/a.py": "type A = int\n", "a.py": "x = 1\n"}, 300,
                note="test data never counts"),
    )

    @classmethod
    def result(cls, fold: Fold[tuple[Feature, ...]]) -> Signal:
        # Reading the declared versions is a fold's: the workers' fork server never loads it.
        from checks.python_version._declared import declared  # noqa: PLC0415

        repo = fold.repo
        stated, lowest = declared(repo)
        old = python2_files(fold)
        groups = fold_roles(fold, old, local_modules(repo))
        apart = {role: [p for p in old if fold.role_of(p) is role] for role in Role}
        aside = (apart_summary("examples and docs", groups[Role.EXAMPLE], len(apart[Role.EXAMPLE]))
                 + apart_summary("notebooks", groups[Role.NOTEBOOK], len(apart[Role.NOTEBOOK])))
        extra: dict[str, object] = {
            f"{name}_minimum": dotted(found) if (found := groups[role].minimum()) else None
            for name, role in (("tests", Role.TEST), ("notebooks", Role.NOTEBOOK),
                               ("examples", Role.EXAMPLE))
        }
        counted = code_role(fold)
        if counted is None:
            return cls.signal(None, "No Python files." + aside, band=None, minimum=None,
                              declared=stated, python2_files=0, details=extra)
        if counted is Role.NOTEBOOK:  # the notebooks hold all the Python: they are the code
            aside = apart_summary("examples and docs", groups[Role.EXAMPLE],
                                  len(apart[Role.EXAMPLE]))
        elif counted is Role.PRODUCTION and apart[Role.TEST]:
            aside += f" Tests apart: {len(apart[Role.TEST])} file(s) of Python 2 code."
        python2 = {p: old[p] for p in old if fold.role_of(p) is counted}
        said = verdict(groups[counted], python2, stated, lowest)
        text = ("Notebook code: " if counted is Role.NOTEBOOK else "") + said.text
        return replace(cls.signal(
            said.implied[0] * 100 + said.implied[1], text + aside,
            evidence=tuple(Location(path, line) for path, line in said.evidence),
            details={**said.details, **extra},
        ), display=dotted(said.implied))
