"""A self-contained HTML page for hiring managers: flags, then evidence linked to the lines.

Everything in a report comes from a stranger's repository (paths, README words,
summaries quoting names), so the template autoescapes all of it. The page loads
nothing from the network.
"""

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from analyzer.registry import all_checks
from analyzer.report import Report, format_value
from analyzer.report.links import line_url
from analyzer.report.role_fit import as_dict
from analyzer.score import Level

MAX_EVIDENCE = 10
_ORDER = {Level.RED: 0, Level.YELLOW: 1, Level.GREEN: 2}


def _colour(score: int) -> str:
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def _page(report: Report) -> dict[str, Any]:
    titles = {cls.name: cls.title() for cls in all_checks()}
    rows = []
    for signal in report.signals:
        points = report.score.contributions.get(signal.check)
        rows.append({
            "check": signal.check, "title": titles.get(signal.check, ""),
            "value": format_value(signal),
            "points": "-" if points is None else f"{points:.1f}",
            "summary": signal.summary,
            "evidence": [
                {"text": str(loc), "url": line_url(report.target, report.commit, loc)}
                for loc in signal.evidence[:MAX_EVIDENCE]
            ],
            "more": max(0, len(signal.evidence) - MAX_EVIDENCE),
        })
    return {
        "target": report.target, "commit": report.commit, "error": None,
        "scanned_at": f"{report.scanned_at:%Y-%m-%d}", "tool_version": report.tool_version,
        "score": report.score.total, "verdict": report.score.verdict,
        "colour": _colour(report.score.total),
        "reds": sum(flag.level is Level.RED for flag in report.score.flags),
        "flags": sorted(report.score.flags, key=lambda f: _ORDER[f.level]),
        "rows": rows, "analysed": report.analysed_files, "python": report.python_files,
        "excluded": sorted(report.excluded.items()),
        "unparsable": sorted(report.unparsable.items()),
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
