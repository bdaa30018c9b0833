"""The ``modernity`` command: scan, checks, explain.

Exit codes: 0 done; 1 a score fell below ``--fail-under``; 2 bad input (target,
URL, option), a target that could not be fetched or one over a safety limit;
3 an internal error; 130 / 143 interrupted by SIGINT / SIGTERM (after cleanup).
"""

import signal
import sys
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from analyzer.cli_options import cores as _cores
from analyzer.cli_options import parse_now as _parse_now
from analyzer.cli_options import parse_weights as _parse_weights
from analyzer.cli_options import profile_options
from analyzer.cli_options import read_targets as _read_targets
from analyzer.cli_roles import role_options
from analyzer.cli_scan import scan_all
from analyzer.errors import ModernityError
from analyzer.report.output import FORMATS

# libcst, rich and git load inside the commands that use them: `modernity --help` stays fast.

EXIT_BELOW_THRESHOLD, EXIT_BAD_INPUT, EXIT_INTERNAL = 1, 2, 3


def _terminate(signum: int, frame: object) -> NoReturn:
    # A second signal during the cleanup would abandon it (a temporary clone left behind).
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise SystemExit(128 + signum)  # unwinds, so temporary clones are removed


def _show_stats(stats: Any) -> None:
    click.echo(
        f"modernity: {stats.files:,} Python files: {stats.cached:,} from the cache, "
        f"{stats.analysed:,} analysed by {stats.workers} worker(s), {stats.crashed} crashed",
        err=True,
    )


def _traceback() -> None:
    """The current exception's traceback on stderr, with URL credentials hidden."""
    import traceback  # noqa: PLC0415  (only with --verbose, after a failure)

    from analyzer.acquire import redact  # noqa: PLC0415

    click.echo(redact(traceback.format_exc()).rstrip(), err=True)


def _fail(message: str, code: int) -> NoReturn:
    from analyzer.report.printable import clean  # noqa: PLC0415

    click.echo(f"modernity: {clean(message)}", err=True)
    sys.exit(code)


# The commands besides ``scan``, each imported when run or listed (click's "lazily
# loading subcommands" pattern): a scan never pays for the batch machinery or the corpus.
_LAZY = {
    "batch": "analyzer.batch.commands:batch", "checks": "analyzer.cli_checks:checks_command",
    "compare": "analyzer.originality.commands:compare_command",
    "corpus": "analyzer.originality.commands:corpus_group",
    "explain": "analyzer.cli_checks:explain", "new-check": "analyzer.cli_checks:new_check",
    "results": "analyzer.batch.commands:results", "schema": "analyzer.report.output:schema_command",
}


class _OneLineErrors(click.Group):
    """Usage errors (an unknown option such as ``--upload-pack=...``) are one line, exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *_LAZY])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _LAZY:
            return super().get_command(ctx, cmd_name)
        import importlib  # noqa: PLC0415

        module, _, name = _LAZY[cmd_name].partition(":")
        command = getattr(importlib.import_module(module), name)
        if not isinstance(command, click.Command):
            raise TypeError(f"{_LAZY[cmd_name]} is not a command")
        return command

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.ClickException as error:
            _fail(f"{error.format_message().strip().splitlines()[0]} (see --help)", EXIT_BAD_INPUT)
        except click.Abort:
            _fail("interrupted", 128 + signal.SIGINT)
        except ModernityError as error:
            _fail(str(error), error.exit_code)
        sys.exit(code if isinstance(code, int) else 0)


def _print_version(ctx: click.Context, _: click.Parameter, asked: bool) -> None:
    """``click.version_option``'s answer, the version read only when asked: finding it
    scans ``sys.path``, which a scan never needs."""
    if asked and not ctx.resilient_parsing:
        from analyzer import __version__  # noqa: PLC0415

        click.echo(f"modernity, version {__version__}")
        ctx.exit()


@click.group(cls=_OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True,
              callback=_print_version, help="Show the version and exit.")
def main() -> None:
    """How modern and how real is a candidate's Python code? Evidence for every finding."""


@main.command()
@click.argument("targets", nargs=-1)
@click.option("--targets-file", type=click.File("r"), metavar="FILE",
              help="Read more targets from FILE, one per line (# starts a comment; - is stdin).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="terminal",
              show_default=True, help="Report format.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=False),
              metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress display; only errors on standard error.")
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
@click.option("--timeout", "timeout", type=click.FloatRange(min=1), default=300,
              show_default=True, metavar="SECONDS",
              help="Give up a clone, or any one git command, after SECONDS.")
@click.option("--file-timeout", type=click.FloatRange(min=0.1), default=60, show_default=True,
              metavar="SECONDS", help="Skip a file whose analysis takes longer than SECONDS.")
@click.option("--output-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write each target's report to its own file in DIR as soon as it is done.")
@click.option("--max-repo-mb", type=click.FloatRange(min=0), default=500, show_default=True,
              metavar="MB", help="Refuse a repository larger than MB (clone or working tree).")
@click.option("--max-files", type=click.IntRange(min=1), default=50_000, show_default=True,
              metavar="N", help="Refuse a repository with more than N files.")
@click.option("--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes that analyse files (default: one per CPU core).")
@click.option("--no-cache", is_flag=True,
              help="Analyse every file again instead of reusing results from earlier scans.")
@click.option("--verbose", is_flag=True,
              help="Add tracebacks to error messages, and say how files were analysed.")
@profile_options
@role_options
def scan(
    targets: tuple[str, ...], targets_file: TextIO | None, fmt: str, output: TextIO | None,
    quiet: bool, fail_under: int | None,
    ref: str | None, now_text: str | None, weight_items: tuple[str, ...],
    authors: tuple[str, ...], no_local: bool, timeout: float, file_timeout: float,
    output_dir: str | None, max_repo_mb: float, max_files: int, jobs: int | None,
    no_cache: bool, verbose: bool, judging: dict[str, Any], **profile: Any,
) -> None:
    """Scan TARGETS: git URLs (https://, ssh://, git@host:path, file://) or local directories;
    or one candidate's GitHub profile (github:LOGIN or https://github.com/LOGIN)."""
    from analyzer.deferred import defer  # noqa: PLC0415
    from analyzer.pool import prepare, session  # noqa: PLC0415

    defer("libcst")  # before any check module is imported; workers import it themselves
    if no_cache or not all(Path(target).is_dir() for target in targets):
        prepare()  # first: the workers' fork server imports libcst while this process does too
    # else the scan decides: a directory scanned before may need no worker (analyzer.pipeline)
    from analyzer.profile_target import names_a_profile  # noqa: PLC0415
    from analyzer.walk import Limits  # noqa: PLC0415

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    limits = Limits(max_files=max_files, max_repo_mb=max_repo_mb, timeout_seconds=timeout,
                    file_timeout_seconds=file_timeout)
    targets += _read_targets(targets_file)
    if not targets:
        _fail("nothing to scan: give a URL or path, or --targets-file", EXIT_BAD_INPUT)
    with session():  # workers start with the first file to analyse and serve every target
        try:
            now, weights = _parse_now(now_text), _parse_weights(weight_items)
            options_out = {"fmt": fmt, "directory": _directory(output_dir)}
        except ModernityError as error:
            _fail(str(error), error.exit_code)
        options = {
            "now": now, "ref": ref, "weights": weights, "allow_local": not no_local,
            "authors": authors, "limits": limits, "jobs": jobs or _cores(),
            "use_cache": not no_cache, "on_stats": _show_stats if verbose and not quiet else None,
            **judging,
        }
        if any(names_a_profile(target) for target in targets):
            from analyzer.profile_scan import run_cli  # noqa: PLC0415

            if run_cli(targets, fmt, options, **profile):  # a profile: the candidate report
                return
        out = {**options_out, "quiet": quiet, "output": output}
        reports, failures = scan_all(targets, out, options, _traceback if verbose else None)
    if failures:
        sys.exit(EXIT_INTERNAL if any(failures) else EXIT_BAD_INPUT)  # a bug is never hidden
    below = [
        f"{r.target} scored {_total(r)}" for r in reports
        if not isinstance(r, dict) and fail_under is not None and _total(r) < fail_under
    ]
    if below:
        _fail(f"score below --fail-under {fail_under}: {'; '.join(below)}", EXIT_BELOW_THRESHOLD)


def _total(report: Any) -> int:
    """A report's score, or that of a document kept with it (``analyzer.documents``)."""
    from analyzer.documents import Document  # noqa: PLC0415

    return report.total if isinstance(report, Document) else int(report.score.total)


def _directory(text: str | None) -> Any:
    from analyzer.output import prepare_directory  # noqa: PLC0415

    return prepare_directory(Path(text)) if text else None
