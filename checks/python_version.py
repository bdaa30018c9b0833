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
from checks._declared import declared
from checks._python2 import headline
from checks._python2_scan import python2_files
from checks._scope import local_modules
from checks._version_fold import (
    PYTHON2_ALSO,
    Features,
    band,
    fold,
    group,
    python2_only_declared,
    summary,
)
from checks._version_rules import Version, dotted
from checks._version_visitor import VersionFeatures


def _apart(name: str, features: Features, python2: int) -> str:
    if python2:
        return f" {name.capitalize()} apart: {python2} file(s) of Python 2 code."
    found = features.minimum()
    return f" {name.capitalize()} apart: need {dotted(found)}." if found and found > (3, 0) else ""


class PythonVersion(VersionFeatures):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        stated, lowest = declared(repo)
        old = python2_files(corpus)
        by_group = {name: [p for p in old if group(repo, p) == name]
                    for name in ("code", "apart", "notebook")}
        groups = fold(repo, cls.observed(corpus), old, local_modules(repo))
        aside = (_apart("examples and docs", groups["apart"], len(by_group["apart"]))
                 + _apart("notebooks", groups["notebook"], len(by_group["notebook"])))
        notebooks, examples = groups["notebook"].minimum(), groups["apart"].minimum()
        extra: dict[str, object] = {
            "notebooks_minimum": dotted(notebooks) if notebooks else None,
            "examples_minimum": dotted(examples) if examples else None,
        }
        code = [p for p in repo.python_files if group(repo, p) == "code"]
        if not code:
            return cls.signal(None, "No Python files." + aside, evidence=(), band=None,
                              minimum=None, declared=stated, python2_files=0, **extra)
        python2 = {p: old[p] for p in by_group["code"]}
        legacy = bool(python2) or python2_only_declared(stated, lowest)
        features = groups["code"]
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
            text = _python2_summary(python2, ranked, lowest)
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


def _python2_summary(python2: dict[str, tuple[tuple[int, str], ...]],
                     ranked: list[tuple[str, tuple[Version, str, int]]],
                     lowest: Version | None) -> str:
    """A Python 2 project: say so, and never quote a Python 3 minimum beside it."""
    if python2:
        (path, found), *_ = python2.items()
        line, label = headline(found)
        text = (f"Python 2 code: {label} at {path}:{line}; {len(python2)} file(s) only run on "
                "Python 2.")
    else:
        text = f"Python 2 project: declares Python {dotted(lowest or (2, 7))} and no Python 3."
    if python2 and ranked:
        label, (_, path, line) = ranked[0]
        text += f" Other files use Python 3 features ({label} at {path}:{line})."
    return text
