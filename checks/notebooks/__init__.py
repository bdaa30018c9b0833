"""How much of the Python lives in Jupyter notebooks.

## What it measures
The share of Python code lines (non-blank) that sit in notebook code cells rather
than in `.py` files. Counted: Python notebooks (`.ipynb`) outside test data, and
production `.py` files; build and documentation scripts (`setup.py`, `noxfile.py`,
`fabfile.py`, `tasks.py`, `scripts/`, `docs/`, any `conf.py`) and tests are not
production code. `notebooks_only` is true when there are notebooks and the
production `.py` code is absent or trivial (under 30 lines, or under 5% of the
code). A notebook that is not valid JSON is counted as broken, never opened as
code. Without Python notebooks the signal does not apply.

## Why it matters
Notebooks are the right tool for exploring data, but code that lives only in them
is rarely tested, reviewed or reused. A portfolio of notebooks alone shows
analysis skills more than software engineering.

## Example
Two notebooks with 120 lines of code in 14 cells and no package: share 1.0,
`notebooks_only` true. A package of 2,000 lines with one 50-line demo notebook:
share 0.02.

## Caveats
Data scientists work in notebooks by design; judge them against that role. Many
people refactor notebook code into a package at work, where nobody can see it.
"""

from typing import TypedDict, cast

from analyzer.api import Example, Fold, Level, Location, RepoCheck, Rule, Signal, flag, value, when
from checks.notebooks._cells import TRIVIAL_LINES, notebook_code, python_lines


class Details(TypedDict, total=False):
    notebooks: int
    code_cells: int
    notebook_lines: int
    python_lines: int
    notebooks_only: bool
    broken: list[str]


_NOTEBOOK = '{"cells": [{"cell_type": "code", "source": ["x = 1\\n", "y = 2"]}]}'


class Notebooks(RepoCheck):
    # Code kept only in notebooks is rarely tested or reused: it earns less.
    rule = Rule(3, lambda s: 1 - value(s), when(
        lambda s: cast("Details", s.details).get("notebooks_only") is True, flag(
            Level.YELLOW, "All the Python is in notebooks: no package or module outside them.",
            "Notebooks are the normal tool for data analysis.",
            "How would you turn this analysis into code a colleague could reuse and test?",
        ),
    ))
    examples = (
        Example({"a.ipynb": _NOTEBOOK, "b.py": "z = 3\nw = 4\n"}, 0.5, ("a.ipynb",)),
        Example({"a.py": "x = 1\n"}, None, note="no notebooks: does not apply"),
        Example({"a.ipynb": "not json"}, None, note="a broken notebook is never code"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        found, python = notebook_code(fold), python_lines(fold)
        lines = found.lines
        total = sum(lines.values()) + python
        share = round(sum(lines.values()) / total, 4) if total else 0.0
        only = bool(lines) and (python < TRIVIAL_LINES or share >= 0.95)
        details = Details(
            notebooks=len(lines), code_cells=found.cells, notebook_lines=sum(lines.values()),
            python_lines=python, notebooks_only=only, broken=found.broken,
        )
        if not lines:  # leaves the score rather than earning points for having no notebooks
            return cls.signal(None, "No Python notebooks.", **details)
        summary = (f"{share:.0%} of {total:,} lines of Python code are in {len(lines)} "
                   f"notebook(s), {found.cells:,} code cells")
        summary += "; there is no real package outside them." if only else "."
        evidence = tuple(Location(p) for p in sorted(lines, key=lambda p: -lines[p])[:5])
        return cls.signal(share, summary, evidence=evidence, **details)
