"""The ``modernity`` command: scan, checks, explain.

Exit codes: 0 done; 1 a score fell below ``--fail-under``; 2 bad input (target,
URL, option) or a target that could not be fetched; 3 an internal error.
"""

import os
import signal
import sys
import traceback
from datetime import UTC, datetime
from typing import Any, NoReturn

import click

from analyzer import __version__
from analyzer.errors import ConfigError, ModernityError

# libcst, rich and git load inside the commands that use them: `modernity --help` stays fast.

EXIT_BELOW_THRESHOLD, EXIT_BAD_INPUT, EXIT_INTERNAL = 1, 2, 3


def _terminate(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)  # unwinds, so temporary clones are removed


def _parse_now(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise ConfigError(f"--now wants an ISO date such as 2026-06-01, not {text!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse_weights(items: tuple[str, ...]) -> dict[str, float]:
    from analyzer.registry import get_check  # noqa: PLC0415

    weights: dict[str, float] = {}
    for item in items:
        name, _, number = item.partition("=")
        get_check(name)
        try:
            weights[name] = float(number)
        except ValueError:
            raise ConfigError(f"--weight wants CHECK=NUMBER, not {item!r}") from None
        if weights[name] < 0:
            raise ConfigError(f"--weight {item!r}: weights cannot be negative")
    return weights


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except AttributeError:
        return os.cpu_count() or 1


def _show_stats(stats: Any) -> None:
    click.echo(
        f"modernity: {stats.files:,} Python files: {stats.cached:,} from the cache, "
        f"{stats.analysed:,} analysed by {stats.workers} worker(s), {stats.crashed} crashed",
        err=True,
    )


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"modernity: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="modernity")
def main() -> None:
    """How modern and how real is a candidate's Python code? Evidence for every finding."""


@main.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Report format.")
@click.option("--fail-under", type=click.IntRange(0, 100), metavar="N",
              help="Exit 1 when a score is below N (after the report).")
@click.option("--ref", help="Branch, tag or commit to scan (default: the default branch).")
@click.option("--now", "now_text", metavar="DATE",
              help="Measure ages from DATE (ISO 8601) instead of today; makes reports repeatable.")
@click.option("--weight", "weight_items", multiple=True, metavar="CHECK=N",
              help="Change a check's weight in the score (0 leaves it out). Repeatable.")
@click.option("--no-local", is_flag=True, help="Refuse local paths and file:// URLs.")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes that analyse files (default: one per CPU core).")
@click.option("--no-cache", is_flag=True,
              help="Analyse every file again instead of reusing results from earlier scans.")
@click.option("--verbose", is_flag=True,
              help="Show tracebacks of internal errors and how files were analysed.")
def scan(
    targets: tuple[str, ...], fmt: str, fail_under: int | None, ref: str | None,
    now_text: str | None, weight_items: tuple[str, ...], no_local: bool, jobs: int | None,
    no_cache: bool, verbose: bool,
) -> None:
    """Scan TARGETS: git URLs (https://, ssh://, git@host:path, file://) or local directories."""
    from analyzer.pool import prepare  # noqa: PLC0415

    prepare()  # first: the workers' fork server imports libcst while this process does too
    from rich.console import Console  # noqa: PLC0415

    from analyzer.acquire import redact  # noqa: PLC0415
    from analyzer.pipeline import scan as scan_one  # noqa: PLC0415
    from analyzer.report import json_report, terminal  # noqa: PLC0415

    signal.signal(signal.SIGTERM, _terminate)
    try:
        now, weights = _parse_now(now_text), _parse_weights(weight_items)
    except ModernityError as error:
        _fail(str(error), error.exit_code)
    reports: list[Any] = []
    failures: list[str] = []
    below: list[str] = []
    console = Console(soft_wrap=False)
    workers = jobs or _cores()
    for target in targets:
        try:
            report = scan_one(
                target, now=now, ref=ref, weights=weights, allow_local=not no_local,
                jobs=workers, use_cache=not no_cache, on_stats=_show_stats if verbose else None,
            )
        except ModernityError as error:
            failures.append(str(error))
            click.echo(f"modernity: {error}", err=True)
            reports.append({"target": redact(target), "error": str(error)})
            continue
        except Exception as error:  # a bug must not lose the other targets' reports
            if verbose:
                traceback.print_exc()
            failures.append(f"internal error on {redact(target)}")
            click.echo(f"modernity: internal error on {redact(target)}: "
                       f"{type(error).__name__}: {error}", err=True)
            reports.append({"target": redact(target), "error": f"internal: {error}"})
            continue
        reports.append(report)
        if fmt == "terminal":
            terminal.render(report, console)
        if fail_under is not None and report.score.total < fail_under:
            below.append(f"{report.target} scored {report.score.total}")
    if fmt == "json":
        click.echo(json_report.render(reports), nl=False)
    if failures:
        sys.exit(EXIT_INTERNAL if all("internal" in f for f in failures) else EXIT_BAD_INPUT)
    if below:
        _fail(f"score below --fail-under {fail_under}: {'; '.join(below)}", EXIT_BELOW_THRESHOLD)


@main.command(name="checks")
def list_checks() -> None:
    """List every check with its one-line title."""
    from analyzer.registry import all_checks  # noqa: PLC0415

    width = max(len(cls.name) for cls in all_checks())
    for cls in all_checks():
        click.echo(f"{cls.name:<{width}}  {cls.title()}")


@main.command()
@click.argument("name")
def explain(name: str) -> None:
    """Print the documentation of check NAME."""
    from analyzer.registry import get_check  # noqa: PLC0415

    try:
        cls = get_check(name)
    except ModernityError as error:
        _fail(str(error), error.exit_code)
    click.echo(f"{cls.name}: {cls.doc}")
