"""A self-contained HTML page for hiring managers: verdict, flags, charts, then evidence.

Everything in a report comes from a stranger's repository (paths, README words,
summaries quoting names, code excerpts), so the template autoescapes all of it.
The page loads nothing: no script, font, image or style sheet from anywhere
(its Content-Security-Policy says so to the browser too); the only URLs in it
are links from evidence to the lines on the forge, followed only when clicked.
"""

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from analyzer.report import Report, charts, format_value, plain
from analyzer.report.links import line_url
from analyzer.report.role_fit import as_dict
from analyzer.score import Level

MAX_EVIDENCE = 5
_ORDER = {Level.RED: 0, Level.YELLOW: 1, Level.GREEN: 2}
_FLAG_WORD = {Level.RED: "Concern", Level.YELLOW: "Worth asking", Level.GREEN: "Strength"}


def _colour(score: int) -> str:
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def _rows(report: Report, names: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for signal in report.signals:
        points = report.score.contributions.get(signal.check)
        possible = report.score.possible.get(signal.check)
        rows.append({
            "check": signal.check, "title": names.get(signal.check, signal.check),
            "sentence": plain.sentence(signal), "summary": signal.summary,
            "value": format_value(signal),
            "points": "-" if points is None else f"{points:.1f}",
            "possible": possible or 0.0,
            "stake": "" if points is None or not possible
            else f"{points:.1f} of {possible:.1f} points",
            "evidence": [
                {"text": str(loc), "url": line_url(report.target, report.commit, loc),
                 "code": report.excerpts.get(str(loc), ())}
                for loc in signal.evidence[:MAX_EVIDENCE]
            ],
            "more": max(0, len(signal.evidence) - MAX_EVIDENCE),
        })
    return rows


def _page(report: Report) -> dict[str, Any]:
    names = plain.titles()
    flags = sorted(report.score.flags, key=lambda f: _ORDER[f.level])
    months = charts.commits_per_month(report.signals)
    return {
        "target": report.target, "commit": report.commit, "error": None,
        "scanned_at": f"{report.scanned_at:%Y-%m-%d}", "tool_version": report.tool_version,
        "score": report.score.total, "verdict": report.score.verdict,
        "colour": _colour(report.score.total),
        "reds": sum(flag.level is Level.RED for flag in report.score.flags),
        "flags": [
            {"level": f.level.value, "word": _FLAG_WORD[f.level], "message": f.message,
             "caveat": f.caveat, "question": f.question,
             "title": names.get(f.check, f.check)}
            for f in flags
        ],
        "contributions": charts.contributions(report.score, names),
        "folders": charts.type_hints_by_folder(report.signals),
        "months": months,
        "busiest": max(months, key=lambda column: column.height).label.replace(": ", " (") + ")"
        if months else "",
        "rows": sorted(_rows(report, names), key=lambda row: -row["possible"]),
        "analysed": report.analysed_files, "python": report.python_files,
        "excluded": sorted(report.excluded.items()),
        "unparsable": sorted(report.cannot_run.items()),
        "not_analysed": sorted(report.not_analysed.items()),
        "fit": as_dict(report.fit).get("role"),
    }


def render(reports: Sequence[Report | dict[str, Any]]) -> str:
    """One page for all targets; a failed target (``{target, error}``) shows its error."""
    environment = Environment(
        loader=PackageLoader("analyzer.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    pages = [
        {"target": r["target"], "error": r["error"]} if isinstance(r, dict) else _page(r)
        for r in reports
    ]
    return environment.get_template("report.html.j2").render(pages=pages)
