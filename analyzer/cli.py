"""The ``modernity`` command: scan, checks, explain.

Exit codes: 0 done; 1 a score fell below ``--fail-under``; 2 bad input (target,
URL, option) or a target that could not be fetched; 3 an internal error.
"""

import re
import signal
import sys
import traceback
from datetime import UTC, datetime
from typing import Any, NoReturn, TextIO

import click

from analyzer import __version__
from analyzer.acquire import redact
from analyzer.errors import ConfigError, ModernityError
from analyzer.registry import all_checks, get_check

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


def _read_targets(stream: TextIO | None) -> tuple[str, ...]:
    if stream is None:
        return ()
    # A comment starts a line or follows white space, so "#" inside a URL survives.
    lines = (re.sub(r"(^|\s)#.*$", "", line).strip() for line in stream)
    return tuple(line for line in lines if line)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"modernity: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="modernity")
def main() -> None:
    """How modern and how real is a candidate's Python code? Evidence for every finding."""


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--targets-file", type=click.File("r"), metavar="FILE",
              help="Read more targets from FILE, one per line (# starts a comment; - is stdin).")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json", "sarif", "html"]),
              default="terminal", show_default=True, help="Report format.")
@click.option("--fail-under", type=click.IntRange(0, 100), metavar="N",
              help="Exit 1 when a score is below N (after the report).")
@click.option("--ref", help="Branch, tag or commit to scan (default: the default branch).")
@click.option("--now", "now_text", metavar="DATE",
              help="Measure ages from DATE (ISO 8601) instead of today; makes reports repeatable.")
@click.option("--weight", "weight_items", multiple=True, metavar="CHECK=N",
              help="Change a check's weight in the score (0 leaves it out). Repeatable.")
@click.option("--author", "authors", multiple=True, metavar="EMAIL_OR_NAME",
              help="The candidate's git email or name: measure their share. Repeatable.")
@click.option("--no-local", is_flag=True, help="Refuse local paths and file:// URLs.")
@click.option("--verbose", is_flag=True, help="Show tracebacks of internal errors.")
def scan(
    targets: tuple[str, ...], targets_file: TextIO | None, fmt: str, fail_under: int | None,
    ref: str | None, now_text: str | None, weight_items: tuple[str, ...],
    authors: tuple[str, ...], no_local: bool, verbose: bool,
) -> None:
    """Scan TARGETS: git URLs (https://, ssh://, git@host:path, file://) or local directories."""
    signal.signal(signal.SIGTERM, _terminate)
    targets += _read_targets(targets_file)
    if not targets:
        _fail("nothing to scan: give a URL or path, or --targets-file", EXIT_BAD_INPUT)
    try:
        now, weights = _parse_now(now_text), _parse_weights(weight_items)
    except ModernityError as error:
        _fail(str(error), error.exit_code)
    options = {
        "now": now, "ref": ref, "weights": weights, "allow_local": not no_local,
        "authors": authors,
    }
    reports, failures = _scan_all(targets, fmt, options, verbose=verbose)
    if failures:
        sys.exit(EXIT_INTERNAL if all(failures) else EXIT_BAD_INPUT)
    below = [
        f"{r.target} scored {r.score.total}" for r in reports
        if not isinstance(r, dict) and fail_under is not None and r.score.total < fail_under
    ]
    if below:
        _fail(f"score below --fail-under {fail_under}: {'; '.join(below)}", EXIT_BELOW_THRESHOLD)


def _scan_all(
    targets: tuple[str, ...], fmt: str, options: dict[str, Any], *, verbose: bool
) -> tuple[list[Any], list[bool]]:
    """Scan each target in turn, printing terminal reports as they come; one failure loses
    nothing. Returns the reports (a failed target as ``{target, error}``) and, per failure,
    whether it was an internal error."""
    from rich.console import Console  # noqa: PLC0415  (keeps --help fast)

    from analyzer.pipeline import scan as scan_one  # noqa: PLC0415
    from analyzer.report import terminal  # noqa: PLC0415

    reports: list[Any] = []
    failures: list[bool] = []
    console = Console(soft_wrap=False)
    for target in targets:
        internal = False
        try:
            report = scan_one(target, **options)
        except ModernityError as error:
            message = str(error)
        except Exception as error:  # a bug must not lose the other targets' reports
            if verbose:
                traceback.print_exc()
            message = f"internal error on {redact(target)}: {type(error).__name__}: {error}"
            internal = True
        else:
            reports.append(report)
            if fmt == "terminal":
                terminal.render(report, console)
            continue
        failures.append(internal)
        click.echo(f"modernity: {message}", err=True)
        reports.append({"target": redact(target), "error": message})
    if fmt == "terminal" and len(targets) > 1:
        terminal.render_summary([r for r in reports if not isinstance(r, dict)],
                                [r["target"] for r in reports if isinstance(r, dict)], console)
    elif fmt != "terminal":
        click.echo(_render_document(fmt, reports), nl=False)
    return reports, failures


def _render_document(fmt: str, reports: list[Any]) -> str:
    from analyzer.report import html, json_report, sarif  # noqa: PLC0415

    if fmt == "html":
        return html.render(reports)
    if fmt == "sarif":
        return sarif.render([r for r in reports if not isinstance(r, dict)])
    return json_report.render(reports)


@main.command(name="checks")
def list_checks() -> None:
    """List every check with its one-line title."""
    width = max(len(cls.name) for cls in all_checks())
    for cls in all_checks():
        click.echo(f"{cls.name:<{width}}  {cls.title()}")


@main.command()
@click.argument("name")
def explain(name: str) -> None:
    """Print the documentation of check NAME."""
    try:
        cls = get_check(name)
    except ModernityError as error:
        _fail(str(error), error.exit_code)
    click.echo(f"{cls.name}: {cls.doc}")
