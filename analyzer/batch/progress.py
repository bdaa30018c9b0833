"""Batch progress on stderr: a rich bar on a terminal, one line per finished target otherwise."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from analyzer.batch.worker import Outcome


class Progress:
    def __init__(self, total: int, workers: int, bar: Any = None) -> None:
        self.total, self.workers, self.finished, self.failed = total, workers, 0, 0
        self._bar = bar
        self._task = bar.add_task("targets", total=total, failed=0,
                                  running=self.running) if bar is not None else None

    @property
    def running(self) -> int:
        return min(self.workers, self.total - self.finished)

    def __call__(self, outcome: Outcome) -> None:
        from analyzer.report.printable import clean  # noqa: PLC0415

        self.finished += 1
        self.failed += outcome.status == "failed"
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed, running=self.running)
            return
        job = outcome.job
        result = (f"score {outcome.document['score']['total']}" if outcome.document
                  else outcome.error or "unchanged since the last scan")
        click.echo(clean(f"modernity: [{self.finished}/{self.total}] {outcome.status}: "
                         f"{job.candidate} {job.target}: {result} ({outcome.seconds:.1f} s)"),
                   err=True)


@contextmanager
def progress(total: int, workers: int) -> Iterator[Progress]:
    if not sys.stderr.isatty():
        yield Progress(total, workers)
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import (  # noqa: PLC0415
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar  # noqa: PLC0415

    counts = TextColumn("{task.fields[running]} running, {task.fields[failed]} failed")
    columns = (TextColumn("modernity batch"), BarColumn(), MofNCompleteColumn(), counts,
               TimeRemainingColumn())
    with Bar(*columns, console=Console(stderr=True), transient=False) as bar:
        yield Progress(total, workers, bar)
