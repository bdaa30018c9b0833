"""Scanning the scan command's targets in turn: one failure loses nothing, output as it comes."""

from collections.abc import Callable
from typing import Any

import click


def scan_all(
    targets: tuple[str, ...], out: dict[str, Any], options: dict[str, Any],
    on_error: Callable[[], None] | None,
) -> tuple[list[Any], list[bool]]:
    """Scan each target, printing terminal reports (or writing each target's file,
    ``out["directory"]``) as they come. Returns the reports (a failed target as
    ``{target, error}``) and, per failure, whether it was an internal error."""
    from analyzer.acquire import redact  # noqa: PLC0415
    from analyzer.documents import Document, Renderer  # noqa: PLC0415
    from analyzer.output import render_document, write_one  # noqa: PLC0415
    from analyzer.pipeline import scan_or_error  # noqa: PLC0415
    from analyzer.report.output import progress  # noqa: PLC0415
    from analyzer.report.printable import clean, printable  # noqa: PLC0415

    fmt, directory, output = out["fmt"], out["directory"], out["output"]
    reports: list[Any] = []
    failures: list[bool] = []
    if fmt == "terminal":  # rich costs a tenth of a second: only the terminal report needs it
        from rich.console import Console  # noqa: PLC0415

        from analyzer.report import terminal  # noqa: PLC0415

        console = Console(soft_wrap=False, file=output, width=100 if output else None)
    shown = progress(out["quiet"])
    # One target, one document: the scan keeps it with the report (analyzer.documents).
    one = fmt != "terminal" and directory is None and len(targets) == 1
    renderer = Renderer(fmt, lambda report: render_document(fmt, [report])) if one else None
    for target in targets:
        with shown.running(clean(target)):
            result, internal = scan_or_error(
                target, {**options, "on_stage": shown.stage}, on_error, renderer)
        if isinstance(result, dict):
            failures.append(internal)
            click.echo(f"modernity: {clean(result['error'])}", err=True)
        elif fmt == "terminal" and not isinstance(result, Document):
            terminal.render(printable(result), console)
        reports.append(result)
        if directory is not None:
            write_one(directory, len(reports), redact(target), fmt, result)
    if fmt == "terminal" and len(targets) > 1:
        terminal.render_summary([printable(r) for r in reports if not isinstance(r, dict)],
                                [clean(r["target"]) for r in reports if isinstance(r, dict)],
                                console)
    elif fmt != "terminal" and directory is None:
        documents = [r.text for r in reports if isinstance(r, Document)]
        click.echo(documents[0] if documents else render_document(fmt, reports), nl=False,
                   file=output)
    return reports, failures
