"""Jupyter notebooks as Python source whose line N is line N of the ``.ipynb`` file.

Each code cell's lines are placed at the line of the notebook's JSON where they are
stored (nbformat writes one source line per JSON line), and every other line is
left blank, so ``file:line`` evidence opens the notebook at the right place and no
line map has to travel with the checks. IPython syntax is not Python: line magics
(``%timeit``), shell escapes (``!pip``), help (``obj?``) and cell magics whose body
is not Python (``%%bash``) are blanked. The JSON is parsed as data, defensively:
anything odd becomes an ``Unreadable`` reason, never an exception.
"""

import bisect
import json
import json.scanner
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

MAX_CHARS = 25_000_000  # outputs included: the walk admits notebooks up to 25 MB
_LEADING_INDENT = re.compile(r"^[ \t]+")
MAX_LINES = 1_000_000  # code cells keep their notebook line numbers, past all outputs
MAX_CODE_CHARS = 1_000_000  # as for a .py file: what a parse may cost
# Cell magics whose body is Python and is run as such.
_PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "debug"})
_HELP = re.compile(r"\s*(\?{1,2}[\w.*]+|[\w.*\[\]()]+\?{1,2})\s*$")
_MAGIC_ASSIGNMENT = re.compile(r"\s*[\w.]+(\s*,\s*[\w.]+)*\s*=\s*[%!]")


@dataclass(frozen=True, slots=True)
class Unreadable:
    reason: str


class _Text(str):
    """A JSON string that remembers the offset where it starts in the document."""

    offset = 0


class _PositionDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__()
        self.parse_string = self._string
        self.scan_once = json.scanner.py_make_scanner(self)  # type: ignore[attr-defined]

    @staticmethod
    def _string(document: str, end: int, strict: bool = True) -> tuple[_Text, int]:
        value, after = json.decoder.scanstring(document, end, strict)  # type: ignore[attr-defined]
        text = _Text(value)
        text.offset = end - 1
        return text, after


def _cells(notebook: Any) -> Iterator[list[Any]]:
    """The source fragments of each code cell (nbformat 4, and 3's worksheets)."""
    if not isinstance(notebook, dict):
        return
    cells = notebook.get("cells")
    if not isinstance(cells, list):
        worksheets = notebook.get("worksheets")
        sheets = worksheets if isinstance(worksheets, list) else []
        cells = [
            cell for sheet in sheets if isinstance(sheet, dict)
            and isinstance(sheet.get("cells"), list) for cell in sheet["cells"]
        ]
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", cell.get("input", []))
            yield source if isinstance(source, list) else [source]


def _language(notebook: Any) -> str:
    metadata = notebook.get("metadata") if isinstance(notebook, dict) else None
    for key in ("kernelspec", "language_info"):
        info = metadata.get(key) if isinstance(metadata, dict) else None
        name = info.get("language" if key == "kernelspec" else "name") if isinstance(
            info, dict
        ) else None
        if isinstance(name, str) and name:
            return name.lower()
    return "python"


def _scan(line: str, depth: int, quote: str) -> tuple[int, str]:
    """Bracket depth and open triple quote after ``line`` (a cheap tokenizer)."""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if line.startswith(quote, index):
                index, quote = index + len(quote), ""
            else:
                index += 2 if char == "\\" else 1
            continue
        if char == "#":
            break
        if char in "\"'":
            quote = line[index : index + 3] if line[index : index + 3] in ('"""', "'''") else char
            index += len(quote)
            continue
        depth = max(0, depth + (char in "([{") - (char in ")]}"))
        index += 1
    return depth, quote if len(quote) == 3 else ""


def _clean(lines: list[str]) -> list[str]:
    """The cell's lines with IPython-only syntax blanked (a ``pass`` keeps blocks valid)."""
    if lines and (leading := _LEADING_INDENT.match(lines[0])):
        # IPython's leading_indent: a cell whose first line is indented runs dedented by it
        space = leading.group(0)
        lines = [line[len(space):] if line.startswith(space) else line for line in lines]
    first = lines[0].strip() if lines else ""
    if first.startswith("%%"):
        name = first[2:].split(maxsplit=1)
        if name and name[0] in _PYTHON_CELL_MAGICS:
            lines = ["", *lines[1:]]
        else:
            return [""] * len(lines)
    cleaned, depth, quote, continued = [], 0, "", False
    for line in lines:
        stripped = line.lstrip()
        at_start = not depth and not quote and not continued
        if at_start and (
            stripped[:1] in ("%", "!") or _HELP.match(line) or _MAGIC_ASSIGNMENT.match(line)
        ):
            indent = line[: len(line) - len(stripped)]
            cleaned.append(f"{indent}pass" if indent else "")
            continue
        cleaned.append(line)
        depth, quote = _scan(line, depth, quote)
        continued = line.rstrip().endswith("\\") and not quote
    return cleaned


def _cell_lines(fragments: list[Any], line_of: Callable[[int], int]) -> tuple[list[int], list[str]]:
    """Each line of a cell and the JSON line where it starts."""
    starts: list[int] = []
    lines: list[str] = []
    pending = False
    for fragment in fragments:
        if not isinstance(fragment, str):
            continue
        where = line_of(fragment.offset if isinstance(fragment, _Text) else 0)
        pieces = fragment.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for number, piece in enumerate(pieces):
            if pending:
                lines[-1] += piece
            else:
                starts.append(where)
                lines.append(piece)
            pending = number == len(pieces) - 1
    return starts, lines


def to_python(document: str) -> str | Unreadable:
    """The notebook's code cells as Python source aligned with the notebook's lines."""
    if len(document) > MAX_CHARS:
        return Unreadable(f"notebook too large to analyse ({len(document):,} characters)")
    try:
        notebook = _PositionDecoder().decode(document)
    except json.JSONDecodeError as error:
        return Unreadable(f"not a valid notebook: JSON error at line {error.lineno}: {error.msg}")
    except RecursionError:
        return Unreadable("not a valid notebook: JSON nested too deeply")
    if not isinstance(notebook, dict) or not ("cells" in notebook or "worksheets" in notebook):
        return Unreadable("not a valid notebook: no cells")
    if not _language(notebook).startswith("python"):
        return Unreadable(f"not a Python notebook ({_language(notebook)})")
    newlines = [match.start() for match in re.finditer("\n", document)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(newlines, offset) + 1

    out: list[str] = []
    for fragments in _cells(notebook):
        starts, lines = _cell_lines(fragments, line_of)
        for start, line in zip(starts, _clean(lines), strict=True):
            target = max(start, len(out) + 1)
            if target > MAX_LINES:
                return Unreadable(f"notebook too long to analyse (over {MAX_LINES:,} lines)")
            out.extend([""] * (target - 1 - len(out)))
            out.append(line)
    if sum(map(len, out)) > MAX_CODE_CHARS:
        return Unreadable(f"notebook code too large to analyse (over {MAX_CODE_CHARS:,} chars)")
    return "\n".join(out) + "\n" if out else ""
