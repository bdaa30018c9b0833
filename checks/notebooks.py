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

import json
from pathlib import PurePosixPath
from typing import Any

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal
from analyzer.paths import Role

BUILD_SCRIPTS = frozenset({"setup.py", "noxfile.py", "fabfile.py", "tasks.py", "dodo.py",
                           "conf.py"})
BUILD_DIRS = frozenset({"scripts", "docs", "doc"})
MAX_NOTEBOOK_BYTES = 5_000_000
TRIVIAL_LINES = 30


def is_build_script(path: str) -> bool:
    pure = PurePosixPath(path)
    return pure.name in BUILD_SCRIPTS or bool(BUILD_DIRS & set(pure.parts[:-1]))


def code_cells(text: str) -> list[str] | None:
    """The code of each cell of a Python notebook ([] for other kernels); None if malformed."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(document, dict):
        return None
    meta = document.get("metadata")
    kernel = meta.get("kernelspec", {}) if isinstance(meta, dict) else {}
    language = kernel.get("language", "python") if isinstance(kernel, dict) else "python"
    cells = document.get("cells")
    if cells is None:  # nbformat 3 kept cells in worksheets
        sheets = document.get("worksheets")
        sheets = sheets if isinstance(sheets, list) else []
        cells = [c for s in sheets if isinstance(s, dict) for c in s.get("cells", [])]
    if not isinstance(cells, list):
        return None
    found = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", cell.get("input", ""))
        if isinstance(source, list):
            source = "".join(part for part in source if isinstance(part, str))
        found.append(source if isinstance(source, str) else "")
    return found if str(language).lower() == "python" else []


def code_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip())


class Notebooks(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        broken: list[str] = []
        lines: dict[str, int] = {}
        cells = 0
        for path in repo.notebooks:
            if repo.role(path) is Role.TEST_DATA:
                continue
            found = None if repo.files[path] > MAX_NOTEBOOK_BYTES else code_cells(repo.text(path))
            if found is None:
                broken.append(path)
            elif found:
                cells += len(found)
                lines[path] = sum(code_lines(cell) for cell in found)
        python = sum(
            code_lines(repo.text(p)) for p in repo.python_files
            if repo.role(p) is Role.PRODUCTION and not is_build_script(p)
        )
        total = sum(lines.values()) + python
        share = round(sum(lines.values()) / total, 4) if total else 0.0
        only = bool(lines) and (python < TRIVIAL_LINES or share >= 0.95)
        details: dict[str, Any] = {
            "notebooks": len(lines), "code_cells": cells, "notebook_lines": sum(lines.values()),
            "python_lines": python, "notebooks_only": only, "broken": broken,
        }
        if not lines:  # leaves the score rather than earning points for having no notebooks
            return cls.signal(None, "No Python notebooks.", **details)
        summary = (f"{share:.0%} of {total:,} lines of Python code are in {len(lines)} "
                   f"notebook(s), {cells:,} code cells")
        summary += "; there is no real package outside them." if only else "."
        evidence = tuple(Location(p) for p in sorted(lines, key=lambda p: -lines[p])[:5])
        return cls.signal(share, summary, evidence=evidence, **details)
