"""Reading notebooks as data (never running them), and counting lines of code."""

import json
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analyzer.api import Fold, Role

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


@dataclass
class Cells:
    lines: dict[str, int] = field(default_factory=dict)  # code lines per Python notebook
    cells: int = 0
    broken: list[str] = field(default_factory=list)


def notebook_code(fold: Fold[None]) -> Cells:
    """Every Python notebook outside test data, read as JSON; malformed ones are broken."""
    repo, found = fold.repo, Cells()
    for path in repo.notebooks:
        if fold.role_of(path) is Role.TEST_DATA:
            continue
        cells = None if repo.files[path] > MAX_NOTEBOOK_BYTES else code_cells(repo.text(path))
        if cells is None:
            found.broken.append(path)
        elif cells:
            found.cells += len(cells)
            found.lines[path] = sum(code_lines(cell) for cell in cells)
    return found


def python_lines(fold: Fold[None]) -> int:
    return sum(
        code_lines(fold.repo.text(p)) for p in fold.repo.python_files
        if fold.role_of(p) is Role.PRODUCTION and not is_build_script(p)
    )
