"""Writing reports: one document on standard output, or one file per target as it finishes.

Every string reaches a format through ``report.printable`` first: ``valid`` UTF-8
for JSON and SARIF (which then escape invisible characters themselves),
visibly escaped for the terminal and HTML. With ``--output-dir`` each target's
report is written (to a temporary name, then renamed) before the next target
starts, so a target that hangs or a scan that is killed loses nothing finished.
"""

import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError
from analyzer.report.printable import escape_json, prepared

_EXTENSION = {
    "terminal": "txt", "json": "json", "sarif": "sarif", "html": "html", "markdown": "md",
    "codequality": "json",
}
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def render_document(fmt: str, reports: Sequence[Any]) -> str:
    """``reports`` (a failed target as ``{target, error}``) as one document of format ``fmt``:
    every string made visible for people (HTML, Markdown), kept valid and escaped for JSON."""
    from analyzer.report.output import render_document as render  # noqa: PLC0415

    if fmt in {"html", "markdown"}:
        return render(fmt, [prepared(r, visible=True) for r in reports])
    return escape_json(render(fmt, [prepared(r, visible=False) for r in reports]))


def render_terminal_text(report: Any) -> str:
    """The terminal report as plain text (no colour, no escape sequences), for a file."""
    from rich.console import Console  # noqa: PLC0415

    from analyzer.report import terminal  # noqa: PLC0415

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, color_system=None, force_terminal=False)
    if isinstance(report, dict):
        console.print(prepared(f"{report['target']}: {report['error']}", visible=True),
                      markup=False, highlight=False)
    else:
        terminal.render(prepared(report, visible=True), console)
    return buffer.getvalue()


def prepare_directory(directory: Path) -> Path:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"--output-dir {directory}: {error.strerror}") from None
    return directory


def file_name(index: int, target: str, fmt: str) -> str:
    """``007-github.com_owner_repo.json``: numbered in target order, safe on any file system."""
    slug = _UNSAFE_NAME.sub("_", target.rstrip("/").split("://")[-1])[-80:].strip("._") or "target"
    return f"{index:03d}-{slug}.{_EXTENSION[fmt]}"


def write_one(directory: Path, index: int, target: str, fmt: str, report: Any) -> Path:
    """Write one target's report atomically; the path it now has."""
    text = render_terminal_text(report) if fmt == "terminal" else render_document(fmt, [report])
    final = directory / file_name(index, target, fmt)
    import tempfile  # noqa: PLC0415  (not on a warm scan's path: 3 ms with shutil, bz2, lzma)

    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return final
