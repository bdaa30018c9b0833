"""Stored results out: a terminal table, CSV (one row per target), JSON and HTML (per candidate).

JSON and HTML group the rows by candidate into candidate reports (``analyzer.candidate``);
the HTML is an index page linking one page per candidate, escaped by Jinja2.
"""

import csv
import hashlib
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment

from analyzer.batch.store import Row
from analyzer.candidate import Entry, build

COLUMNS = ("candidate", "target", "author", "role", "status", "score", "commit",
           "tool_version", "error", "scans", "finished_at", "seconds")
_ENV = Environment(autoescape=True)
_PAGE = _ENV.from_string("""<!doctype html><html lang="en"><meta charset="utf-8">
<title>modernity: {{ title }}</title>
<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;text-align:left}
.red{color:#b00}.yellow{color:#a60}.green{color:#070}</style>
{% if index %}<h1>Candidates</h1><table><tr><th>Candidate</th><th>Role</th><th>Best score</th>
<th>Scanned</th><th>Failed</th><th>Flags</th></tr>
{% for c in candidates %}<tr><td><a href="{{ c.page }}">{{ c.report.candidate }}</a></td>
<td>{{ c.role }}</td><td>{{ c.report.best_score if c.report.best_score is not none else "-" }}</td>
<td>{{ c.report.scanned }}</td><td>{{ c.report.failed }}</td>
<td>{% for f in c.report.flags %}<span class="{{ f.level }}">{{ f.message }}</span><br>
{% endfor %}</td></tr>{% endfor %}</table>
{% else %}<p><a href="index.html">All candidates</a></p><h1>{{ report.candidate }}</h1>
<ul>{% for f in report.flags %}<li class="{{ f.level }}">{{ f.message }}</li>{% endfor %}</ul>
<table><tr><th>Repository</th><th>Score</th><th>Why / status</th></tr>
{% for r in report.repositories %}<tr><td>{{ r.target }}</td>
<td>{{ r.score if r.score is not none else "-" }}</td><td>{{ r.why or r.status }}</td></tr>
{% endfor %}</table>{% endif %}</html>
""")


def _cell(value: object) -> object:
    """Text a spreadsheet would run as a formula (``=HYPERLINK(...)``) is quoted as text."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def _extra_columns(rows: Sequence[Row]) -> list[str]:
    return sorted({key for row in rows for key in row.extra} - set(COLUMNS))


def to_csv(rows: Sequence[Row]) -> str:
    extra = _extra_columns(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *extra])
    for row in rows:
        writer.writerow([_cell(value) for value in (
            row.candidate, row.target, row.author, row.role, row.status, row.score, row.commit,
            row.tool_version, row.error, row.scans, row.finished_at, row.seconds,
            *(row.extra.get(key, "") for key in extra),
        )])
    return out.getvalue()


def _entry(row: Row) -> Entry:
    if row.status == "done" and row.report is not None:
        return Entry(row.target, document=row.report)
    if row.status == "skipped":
        return Entry(row.target, skipped=row.error or "skipped")
    return Entry(row.target, error=row.error or row.status)


def candidates(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """One candidate report per candidate (in name order), with the CSV's author, role, extra."""
    names = sorted({row.candidate for row in rows})
    reports = []
    for name in names:
        mine = [row for row in rows if row.candidate == name]
        report = build(name, [_entry(row) for row in mine])
        first = mine[0]
        reports.append({**report, "author": first.author, "role": first.role,
                        "extra": dict(first.extra)})
    return reports


def to_json(rows: Sequence[Row]) -> str:
    return json.dumps(candidates(rows), indent=2, ensure_ascii=False) + "\n"


def _page_name(candidate: str) -> str:
    digest = hashlib.sha256(candidate.encode()).hexdigest()[:12]
    return f"candidate-{digest}.html"  # never a path made of the candidate's text


def to_html(rows: Sequence[Row], directory: Path) -> Path:
    """Write ``index.html`` and one page per candidate into ``directory``; the index's path."""
    directory.mkdir(parents=True, exist_ok=True)
    listed = []
    for report in candidates(rows):
        page = _page_name(report["candidate"])
        (directory / page).write_text(
            _PAGE.render(index=False, title=report["candidate"], report=report),
            encoding="utf-8")
        listed.append({"page": page, "report": report, "role": report["role"]})
    index = directory / "index.html"
    index.write_text(_PAGE.render(index=True, title="candidates", candidates=listed),
                     encoding="utf-8")
    return index


def print_table(rows: Sequence[Row]) -> None:
    from rich.console import Console  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    from analyzer.report.printable import clean  # noqa: PLC0415

    table = Table(expand=True)
    for column in ("Candidate", "Role", "Target", "Score", "Status"):
        table.add_column(column, overflow="fold", justify="right" if column == "Score" else "left")
    for row in rows:
        status = row.status if row.error is None else f"{row.status}: {row.error}"
        table.add_row(*(Text(clean(cell)) for cell in (row.candidate, row.role, row.target)),
                      "-" if row.score is None else str(row.score), Text(clean(status)))
    Console(soft_wrap=False).print(table)
