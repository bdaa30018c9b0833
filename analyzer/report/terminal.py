"""The report a recruiter reads in a terminal: score, verdict, flags, then each signal."""

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from analyzer.report import Report, format_value
from analyzer.report.links import line_url
from analyzer.report.role_fit import judged_as, questions
from analyzer.score import Level

_STYLE = {Level.GREEN: "green", Level.YELLOW: "yellow", Level.RED: "bold red"}
_MARK = {Level.GREEN: "+", Level.YELLOW: "?", Level.RED: "!"}
MAX_EVIDENCE = 3


def _header(report: Report) -> Panel:
    commit = f" @ {report.commit[:10]}" if report.commit else ""
    score = report.score.total
    colour = "green" if score >= 75 else "yellow" if score >= 50 else "red"
    body = Text.assemble(
        (f"{score}/100", f"bold {colour}"), "  ", report.score.verdict, "\n",
        (f"{report.target}{commit} · scanned {report.scanned_at:%Y-%m-%d}", "dim"),
    )
    return Panel(body, title="modernity", title_align="left")


def _flags(report: Report) -> Table:
    table = Table.grid(padding=(0, 1))
    order = {Level.RED: 0, Level.YELLOW: 1, Level.GREEN: 2}
    for flag in sorted(report.score.flags, key=lambda f: order[f.level]):
        lines = Text(flag.message)
        if flag.caveat:
            lines.append(f"\nBut: {flag.caveat}", style="dim")
        if flag.question:
            lines.append(f"\nAsk: {flag.question}", style="italic")
        table.add_row(Text(_MARK[flag.level], style=_STYLE[flag.level]), lines)
    return table


def _signals(report: Report) -> Table:
    table = Table(show_lines=False, expand=True)
    table.add_column("Check", no_wrap=True)
    table.add_column("Value", justify="right", no_wrap=True)
    table.add_column("Points", justify="right", no_wrap=True)
    table.add_column("Finding", overflow="fold")
    for signal in report.signals:
        points = report.score.contributions.get(signal.check)
        finding = Text(signal.summary)
        for location in signal.evidence[:MAX_EVIDENCE]:
            url = line_url(report.target, report.commit, location)
            finding.append(f"\n  {location}", style=Style(color="cyan", link=url))
        if len(signal.evidence) > MAX_EVIDENCE:
            finding.append(f"\n  … and {len(signal.evidence) - MAX_EVIDENCE} more", style="dim")
        table.add_row(  # Text, never str: rich would read [...] in a string as markup
            Text(signal.check), Text(format_value(signal)),
            "-" if points is None else f"{points:.1f}", finding,
        )
    return table


def _skipped(report: Report) -> Text:
    text = Text(
        f"{report.analysed_files:,} files read, {report.python_files:,} Python files analysed.",
        style="dim",
    )
    if report.excluded:
        text.append(f"\nLeft out ({len(report.excluded)}):", style="dim")
        for path, reason in list(report.excluded.items())[:5]:
            text.append(f"\n  {path}: {reason}", style="dim")
        if len(report.excluded) > 5:
            text.append(f"\n  … and {len(report.excluded) - 5} more (see --format json)", "dim")
    for title, failures in zip(("Cannot run (syntax errors)", "Not analysed"),
                               (report.cannot_run, report.not_analysed), strict=True):
        if failures:
            text.append(f"\n{title} ({len(failures)}):", style="yellow")
            for path, reason in list(failures.items())[:5]:
                text.append(f"\n  {path}: {reason}", style="yellow")
    return text


def render(report: Report, console: Console) -> None:
    parts: list[RenderableType] = [_header(report)]
    if report.fit is not None:
        parts.append(judged_as(report))
    if report.score.flags:
        parts.append(_flags(report))
    parts += [_signals(report), _skipped(report)]
    if report.fit is not None and report.fit.questions:
        parts.append(questions(report))
    console.print(Group(*parts))
    console.print()


def render_summary(reports: Sequence[Report], failed: Sequence[str], console: Console) -> None:
    """Several targets side by side, and what holds across all of them."""
    table = Table(title="Summary", expand=True)
    table.add_column("Repository", overflow="fold")
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Red flags", justify="right", no_wrap=True)
    table.add_column("Verdict")
    for report in sorted(reports, key=lambda r: -r.score.total):
        reds = sum(flag.level is Level.RED for flag in report.score.flags)
        table.add_row(Text(report.target), str(report.score.total), str(reds),
                      Text(report.score.verdict))
    for target in failed:
        table.add_row(Text(target), "-", "-", Text("could not be scanned", style="red"))
    console.print(table)
    untested = [r for r in reports if any(s.check == "tests" and not s.value for s in r.signals)]
    if len(reports) > 1 and len(untested) == len(reports):
        console.print(Text(f"! No tests in any of the {len(reports)} repositories.", "bold red"))
    console.print()
