"""Choosing a format, the progress shown while a scan runs, and ``modernity schema``.

Progress goes to stderr only when stderr is a terminal (a person is watching)
and ``--quiet`` was not given; pipes, files and CI logs get nothing extra.
"""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # rich loads only when a scan runs: `modernity --help` stays fast
    from rich.console import Console

FORMATS = ("terminal", "json", "sarif", "html", "markdown", "codequality")


def render_document(fmt: str, reports: Sequence[Any]) -> str:
    """Every format but ``terminal``, for all targets (failed ones as ``{target, error}``)."""
    from analyzer.report import codequality, html, json_report, markdown, sarif  # noqa: PLC0415

    scanned = [r for r in reports if not isinstance(r, dict)]
    if fmt == "html":
        return html.render(reports)
    if fmt == "markdown":
        return markdown.render(reports)
    if fmt == "sarif":
        return sarif.render(scanned)
    if fmt == "codequality":
        return codequality.render(scanned)
    return json_report.render(reports)


@click.command(name="schema")
def schema_command() -> None:
    """Print the JSON Schema of the report that --format json writes (modernity/1)."""
    import json  # noqa: PLC0415

    from analyzer.report.schema import schema  # noqa: PLC0415

    click.echo(json.dumps(schema(), indent=2))


class Progress:
    """What the scan is doing now, on one self-erasing stderr line."""

    def __init__(self, console: "Console | None") -> None:
        self.console = console
        self._status: Any = None
        self._target = ""

    def stage(self, text: str) -> None:
        if self._status is not None:
            self._status.update(f"{self._target}: {text}")

    @contextmanager
    def running(self, target: str) -> Iterator["Progress"]:
        if self.console is None:
            yield self
            return
        self._target = target
        with self.console.status(f"{target}: starting") as status:
            self._status = status
            try:
                yield self
            finally:
                self._status = None


def progress(quiet: bool, console: "Console | None" = None) -> Progress:
    """A live display when a person watches stderr, else one that shows nothing."""
    from rich.console import Console  # noqa: PLC0415

    console = console or Console(stderr=True)
    return Progress(console if console.is_terminal and not quiet else None)
