"""``modernity batch`` and ``modernity results``: registered on the main command group.

Batch exit codes: 0 every target done (or unchanged); 2 bad input: the CSV, an option or
the store (nothing ran), or targets that failed through their own fault (unreachable,
unsafe, over a limit; the others were scanned); 3 some target failed through a bug of
ours (an internal error, an analysis process that died); 130 / 143 interrupted (finished
results are kept; ``--resume`` continues). Each failed target is in the store with its
one-line error.
"""

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import click

if TYPE_CHECKING:
    from analyzer.batch.store import Store

EXIT_BAD_INPUT, EXIT_INTERNAL = 2, 3


def _terminate(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)  # unwinds: children are stopped, temporary files removed


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> NoReturn:
    from analyzer.report.printable import clean  # noqa: PLC0415

    click.echo(f"modernity: {clean(message)}", err=True)
    sys.exit(code)


def _open_store(db: Path | None) -> "Store":
    from analyzer.batch.store import Store, StoreError, default_path  # noqa: PLC0415

    try:
        return Store(db or default_path())
    except (StoreError, OSError) as error:
        _fail(str(error))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


_DB = click.option("--db", type=click.Path(dir_okay=False, path_type=Path), metavar="PATH",
                   help="The SQLite store (default: batches.sqlite3 in the user data directory).")


@click.command()
@click.argument("candidates", type=click.File("r", encoding="utf-8-sig"))
@_DB
@click.option("--resume", is_flag=True,
              help="Skip targets already done at the same commit by this modernity version.")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Targets scanned at once (default: one per CPU core; Dask: per cluster).")
@click.option("--timeout", type=click.FloatRange(min=1), default=600, show_default=True,
              metavar="SECONDS", help="Give up one target (clone and analysis) after SECONDS.")
@click.option("--dask", "scheduler", envvar="MODERNITY_DASK", metavar="SCHEDULER",
              help="Run on Dask distributed: a scheduler address, or 'local' for a "
              "LocalCluster (default: $MODERNITY_DASK).")
@click.option("--now", "now_text", metavar="DATE", help="Measure ages from DATE (ISO 8601).")
@click.option("--github-api", metavar="URL", help="GitHub API base URL for github:LOGIN.")
@click.option("--max-repos", type=click.IntRange(min=1), default=10, show_default=True,
              metavar="N", help="Scan at most N repositories of each GitHub profile.")
@click.option("--no-local", is_flag=True, help="Refuse local paths and file:// URLs.")
@click.option("--max-repo-mb", type=click.FloatRange(min=0), default=500, show_default=True,
              metavar="MB", help="Refuse a repository larger than MB.")
@click.option("--max-files", type=click.IntRange(min=1), default=50_000, show_default=True,
              metavar="N", help="Refuse a repository with more than N files.")
def batch(candidates: TextIO, db: Path | None, resume: bool, workers: int | None,
          timeout: float, scheduler: str | None, now_text: str | None, github_api: str | None,
          max_repos: int, no_local: bool, max_repo_mb: float, max_files: int) -> None:
    """Scan every target of CANDIDATES, a CSV with columns candidate, targets, author, role."""
    from dataclasses import replace  # noqa: PLC0415

    from analyzer.batch import runner  # noqa: PLC0415
    from analyzer.batch.plan import Job, Unscanned, plan  # noqa: PLC0415
    from analyzer.batch.progress import progress  # noqa: PLC0415
    from analyzer.batch.worker import Settings  # noqa: PLC0415
    from analyzer.cli_options import parse_now as _parse_now  # noqa: PLC0415
    from analyzer.errors import ModernityError  # noqa: PLC0415

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    try:
        now = _parse_now(now_text)
        items = plan(candidates, api=github_api, max_repos=max_repos)
    except ModernityError as error:
        _fail(str(error))
    store = _open_store(db)
    unscanned = [item for item in items if isinstance(item, Unscanned)]
    jobs = [item for item in items if isinstance(item, Job)]
    if resume:
        from analyzer import __version__  # noqa: PLC0415

        jobs = [replace(job, known_commit=store.done_commit(job.candidate, job.target,
                                                            __version__)) for job in jobs]
    settings = Settings(now=now.isoformat(), timeout=timeout, allow_local=not no_local,
                        max_files=max_files, max_repo_mb=max_repo_mb)
    try:
        runner.record_unscanned(store, unscanned)
        with progress(len(jobs), workers or _cores()) as report:
            if scheduler:
                with runner.dask_client(scheduler, workers or _cores()) as client:
                    outcomes = runner.run(store, jobs, settings, workers=workers or 1,
                                          client=client, on_outcome=report)
            else:
                outcomes = runner.run(store, jobs, settings, workers=workers or _cores(),
                                      on_outcome=report)
    finally:
        store.close()
    failed = sum(o.status == "failed" for o in outcomes) + sum(
        u.status == "failed" for u in unscanned)
    internal = sum(o.status == "failed" and o.internal for o in outcomes)
    done = sum(o.status == "done" for o in outcomes)
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    ours = f" ({internal} by an internal error: please report it)" if internal else ""
    click.echo(f"modernity: {done} scanned, {unchanged} unchanged since the last scan, "
               f"{failed} failed{ours}; results in {store.path}", err=True)
    sys.exit(exit_code(failed, internal))


def exit_code(failed: int, internal: int) -> int:
    """0 when nothing failed; 3 when a bug of ours cost a target; else 2 (the input's fault)."""
    if internal:
        return EXIT_INTERNAL
    return EXIT_BAD_INPUT if failed else 0


@click.command()
@_DB
@click.option("--candidate", help="Only this candidate.")
@click.option("--min-score", type=click.IntRange(0, 100), metavar="N",
              help="Only targets scoring N or more.")
@click.option("--role", help="Only candidates for this role.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "html"]),
              default="table", show_default=True, help="Output format.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="For --format html: the directory for index.html and candidate pages.")
def results(db: Path | None, candidate: str | None, min_score: int | None, role: str | None,
            fmt: str, output: Path | None) -> None:
    """List, filter and export the results of earlier batches."""
    from analyzer.batch import export  # noqa: PLC0415

    if fmt == "html" and output is None:
        _fail("--format html writes several pages: give --output DIR")
    store = _open_store(db)
    try:
        rows = store.rows(candidate=candidate, min_score=min_score, role=role)
    finally:
        store.close()
    if fmt == "csv":
        click.echo(export.to_csv(rows), nl=False)
    elif fmt == "json":
        click.echo(export.to_json(rows), nl=False)
    elif fmt == "html" and output is not None:
        click.echo(str(export.to_html(rows, output)))
    else:
        export.print_table(rows)
