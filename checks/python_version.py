"""The oldest Python the code can run on, and the versions the project declares.

## What it measures
The minimum Python version implied by the syntax and standard-library features
the code uses (more than 100 rules: walrus, `match`, `except*`, PEP 695 generics,
`tomllib`, `asyncio.TaskGroup`...), with the first line of each feature. The
value is that minimum as `100 * major + minor` (312 means 3.12; 207 means
Python 2.7). Details give the `declared` versions (requires-python,
classifiers, `.python-version`, tox, nox, CI matrices) and a `band`: `modern`
(3.10+), `common` (3.7-3.9) or `legacy` (Python-2-only code, or a declared
floor below 3.7). Code that uses no feature newer than 3.0 and declares nothing
is `common`: that is no evidence of age.

## Why it matters
Code that needs 3.10 or newer was written, or kept up, recently by someone who
uses what the language now offers. A project whose code needs a newer Python
than it declares will break for some of its users.

## Example
`type TaskIndex = dict[str, Task]` needs 3.12; `match event:` needs 3.10;
`async with asyncio.TaskGroup() as group:` needs 3.11.

## Caveats
A low minimum is not a fault: libraries support old Pythons on purpose and use
only old features. Code under `if sys.version_info >= ...`, `if TYPE_CHECKING:`
or `try: ... except ImportError:` does not raise the minimum; annotations count
only when Python evaluates them (not under `from __future__ import annotations`).
Test code counts (it must run too); test data never does; notebooks are reported
apart (`notebooks_minimum`). The band is `legacy`
when any file holds Python-2-only code (see `python2_idioms`).
"""

from dataclasses import replace

from analyzer.check import Corpus
from analyzer.model import Location, Signal
from analyzer.paths import Role
from checks._declared import declared
from checks._python2 import headline
from checks._python2_scan import python2_files
from checks._scope import local_modules
from checks._version_rules import Version, dotted
from checks._version_visitor import VersionFeatures


def band(implied: Version, lowest: Version | None, python2: bool) -> str:
    """Python 2 code, or a declared floor below 3.7, is legacy; using no new feature is not."""
    version = max(implied, lowest or implied)
    if python2 or (lowest is not None and lowest < (3, 7)):
        return "legacy"
    return "modern" if version >= (3, 10) else "common"


def _summary(ranked: list[tuple[str, tuple[Version, str, int]]], implied: Version,
             lowest: Version | None, agrees: bool) -> str:
    if ranked and ranked[0][1][0] == implied:
        label, (_, path, line) = ranked[0]
        summary = f"Needs Python {dotted(implied)} or newer ({label} at {path}:{line})."
    else:
        summary = f"Needs no feature newer than Python {dotted(implied)}."
    if lowest is not None:
        summary += f" Declares >={dotted(lowest)}"
        summary += "." if agrees else f", which disagrees: the code needs {dotted(implied)}."
    return summary


class PythonVersion(VersionFeatures):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        stated, lowest = declared(corpus.repo)
        if not corpus.repo.python_files:
            return cls.signal(None, "No Python files.", band=None, minimum=None, declared=stated)
        python2 = {p: found for p, found in python2_files(corpus).items()
                   if corpus.repo.role(p) is not Role.NOTEBOOK}
        own = local_modules(corpus.repo)
        first: dict[str, tuple[Version, str, int]] = {}
        notebooks: Version | None = None  # reported apart: notebooks never set the minimum
        for path, observed in cls.observed(corpus).items():
            if corpus.repo.role(path) is Role.NOTEBOOK:
                notebooks = max([notebooks or (3, 0), *((a, b) for _, a, b, _ in observed)])
                continue
            if corpus.repo.role(path) is Role.TEST_DATA:
                continue
            for label, major, minor, line in observed:
                if path in python2 and label.startswith("PEP 758"):
                    continue  # `except E, e:` in a Python 2 file
                if label.split(".", maxsplit=1)[0] in own:
                    continue  # the project's own `secrets.py`, not the standard library's
                if label not in first:
                    first[label] = ((major, minor), path, line)
        ranked = sorted(first.items(), key=lambda item: (item[1][0], item[0]), reverse=True)
        implied = ranked[0][1][0] if ranked else (3, 0)
        if python2 and implied < (3, 6):  # older features (u"", yield from) run on 2.7 too
            implied = (2, 7)
        features = [{"feature": label, "version": dotted(version), "path": path, "line": line}
                    for label, (version, path, line) in ranked]
        evidence = tuple(Location(path, line) for _, (_, path, line) in ranked[:12])
        # Python 2.7 runs whatever needs no newer feature than 3.0 (a 2/3 compatible file).
        agrees = lowest is None or max(lowest, (3, 0)) >= implied
        summary = _summary(ranked, implied, lowest, agrees)
        if python2:
            (path, found), *_ = python2.items()
            line, label = headline(found)
            summary = (f"Python 2 code: {label} at {path}:{line}; {len(python2)} file(s) only "
                       f"run on Python 2. {summary}")
            evidence = (Location(path, line), *evidence)
        return replace(cls.signal(
            implied[0] * 100 + implied[1], summary, evidence=evidence,
            minimum=dotted(implied), band=band(implied, lowest, bool(python2)),
            declared=stated, agrees=agrees, python2_files=len(python2), features=features,
            notebooks_minimum=dotted(notebooks) if notebooks else None,
        ), display=dotted(implied))
