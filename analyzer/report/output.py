"""Choosing a format, the progress shown while a scan runs, and ``modernity schema``.

Progress goes to stderr only when stderr is a terminal (a person is watching)
and ``--quiet`` was not given; pipes, files and CI logs get nothing extra.
"""

import importlib
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # rich loads only when a scan runs: `modernity --help` stays fast
    from rich.console import Console

FORMATS = ("terminal", "json", "sarif", "html", "markdown", "codequality")
_MODULES = {"json": "json_report"}


def render_document(fmt: str, reports: Sequence[Any]) -> str:
    """Every format but ``terminal``, for all targets (failed ones as ``{target, error}``).

    Only the chosen format's module is imported: the HTML report alone needs jinja2.
    """
    module = importlib.import_module(f"analyzer.report.{_MODULES.get(fmt, fmt)}")
    scanned = [r for r in reports if not isinstance(r, dict)]
    render: Callable[[Sequence[Any]], str] = module.render
    return render(scanned if fmt in {"sarif", "codequality"} else reports)


@click.command(name="schema")
def schema_command() -> None:
    """Print the JSON Schema of the report that --format json writes (modernity/1)."""
    import json  # noqa: PLC0415

    from analyzer.report.schema import schema  # noqa: PLC0415

    click.echo(json.dumps(schema(), indent=2))


_SPINNER = 2  # rich's spinner and the space after it


def fitted(target: str, stage: str, width: int) -> str:
    """``target: stage`` in ``width`` columns: the stage whole, the target cut at its start
    (its end names the repository) when the line would wrap; a long path spread the status
    over several lines, the spinner alone on the first."""
    room = width - _SPINNER - len(stage) - 2
    if len(target) > room:
        target = "…" + target[len(target) - max(room - 1, 0):] if room > 1 else ""
    return f"{target}: {stage}" if target else stage


class Progress:
    """What the scan is doing now, on one self-erasing stderr line."""

    def __init__(self, console: "Console | None") -> None:
        self.console = console
        self._status: Any = None
        self._target = ""

    def stage(self, text: str) -> None:
        if self._status is not None and self.console is not None:
            self._status.update(self._line(text))

    def _line(self, stage: str) -> Any:
        """A plain ``Text``: a path or URL holding ``[red]`` is shown, never read as markup."""
        from rich.text import Text  # noqa: PLC0415  (loaded already when a console shows)

        width = self.console.width if self.console is not None else 80
        return Text(fitted(self._target, stage, width))

    @contextmanager
    def running(self, target: str) -> Iterator["Progress"]:
        if self.console is None:
            yield self
            return
        self._target = target
        with self.console.status(self._line("starting")) as status:
            self._status = status
            try:
                yield self
            finally:
                self._status = None


def progress(quiet: bool, console: "Console | None" = None) -> Progress:
    """A live display when a person watches stderr, else one that shows nothing."""
    if console is None:
        if quiet or not sys.stderr.isatty():
            return Progress(None)  # and rich is never imported
        from rich.console import Console  # noqa: PLC0415

        console = Console(stderr=True)
    return Progress(console if console.is_terminal and not quiet else None)
