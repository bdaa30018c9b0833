"""The candidate report: a person's repositories read together.

The hiring guide's red flags are about the portfolio ("no tests in any project",
"only Jupyter notebooks", "last commit 2+ years ago"), so they are decided across
every scanned repository, from the signals in each repository's JSON document
(``modernity/1``). Repositories are ranked best first, each with why.
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


SCHEMA = "modernity-candidate/1"
STALE_DAYS = 730
_STYLE = {"green": "green", "yellow": "yellow", "red": "bold red"}
_MARK = {"green": "+", "yellow": "?", "red": "!"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One repository of the candidate: its report document, or why there is none."""

    target: str
    document: Mapping[str, Any] | None = None
    error: str | None = None
    skipped: str | None = None


def _signals(document: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {s["check"]: s for s in document.get("signals", []) if isinstance(s, dict)}


def _value(document: Mapping[str, Any], check: str) -> float | None:
    value = _signals(document).get(check, {}).get("value")
    return float(value) if isinstance(value, int | float) else None


def portfolio_flags(documents: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Flags that only make sense across every repository the candidate showed."""
    if not documents:
        return [{"level": "red", "message": "No Python repository could be scanned."}]
    count = len(documents)
    flags = []
    tested = sum(bool(_value(d, "tests")) for d in documents)
    if not tested:
        flags.append({"level": "red", "message": f"No tests in any project ({count} scanned)."})
    else:
        flags.append({"level": "green", "message": f"Tests in {tested} of {count} project(s)."})
    notebooks = [_signals(d).get("notebooks", {}).get("details", {}) for d in documents]
    if all(isinstance(n, dict) and n.get("notebooks_only") is True for n in notebooks):
        flags.append({"level": "yellow", "message": "Only Jupyter notebooks: no Python "
                      "package or module outside notebooks in any project."})
    ages = [a for a in (_value(d, "last_commit") for d in documents) if a is not None]
    if ages and min(ages) > STALE_DAYS:
        flags.append({"level": "red", "message": "Last commit 2+ years ago in every project "
                      f"(most recent {int(min(ages)):,} days before the scan)."})
    return flags


def why(document: Mapping[str, Any]) -> str:
    """The strongest points of a repository and its first green flag, in one line."""
    score = document.get("score", {})
    points = {k: v for k, v in score.get("contributions", {}).items() if v}
    best = sorted(points, key=lambda k: (-points[k], k))[:3]
    parts = [", ".join(f"{name} {points[name]:g} pts" for name in best)] if best else []
    greens = [f["message"] for f in score.get("flags", []) if f.get("level") == "green"]
    return "; ".join(parts + greens[:1]) or "little to credit"


def _row(entry: Entry) -> dict[str, Any]:
    doc = entry.document
    if doc is None:
        status = f"skipped: {entry.skipped}" if entry.skipped else f"failed: {entry.error}"
        return {"target": entry.target, "score": None, "status": status}
    return {
        "target": entry.target, "score": doc["score"]["total"], "status": "scanned",
        "verdict": doc["score"]["verdict"], "commit": doc.get("commit"),
        "tests": _value(doc, "tests"), "last_commit_days": _value(doc, "last_commit"),
        "python_files": doc.get("files", {}).get("python"), "why": why(doc),
    }


def build(candidate: str, entries: Sequence[Entry]) -> dict[str, Any]:
    """The candidate report as a JSON-ready value; repositories best first."""
    documents = [e.document for e in entries if e.document is not None]
    ranked = sorted(entries, key=lambda e: (
        e.document is None, -(e.document or {}).get("score", {}).get("total", 0), e.target))
    scores = [d["score"]["total"] for d in documents]
    return {
        "schema": SCHEMA, "candidate": candidate,
        "best_score": max(scores) if scores else None,
        "scanned": len(documents), "failed": sum(e.error is not None for e in entries),
        "skipped": sum(e.skipped is not None for e in entries),
        "flags": portfolio_flags(documents),
        "repositories": [_row(e) for e in ranked],
    }


def render_json(report: Mapping[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def render_terminal(report: Mapping[str, Any], console: "Console") -> None:
    from rich.text import Text  # noqa: PLC0415 - rich loads only for terminal output

    from analyzer.report.printable import clean  # noqa: PLC0415

    best = report["best_score"]
    console.print(Text.assemble(
        ("Candidate ", "bold"), (clean(report["candidate"]), "bold"),
        f"  best {best}/100" if best is not None else "  nothing scanned",
        (f"  ({report['scanned']} scanned, {report['failed']} failed, "
         f"{report['skipped']} skipped)", "dim"),
    ))
    for flag in report["flags"]:
        console.print(Text.assemble((_MARK[flag["level"]], _STYLE[flag["level"]]), " ",
                                    flag["message"]))
    from rich.table import Table  # noqa: PLC0415

    table = Table(expand=True)
    for column in ("Repository", "Score", "Tests", "Last commit", "Why / status"):
        table.add_column(column, overflow="fold", justify="right" if column == "Score" else "left")
    for row in report["repositories"]:
        score = "-" if row["score"] is None else str(row["score"])
        tests = "-" if row.get("tests") is None else f"{int(row['tests']):,}"
        days = row.get("last_commit_days")
        age = "-" if days is None else f"{int(days):,} days ago"
        table.add_row(Text(clean(row["target"])), score, tests, age,  # Text: never markup
                      Text(clean(row.get("why") or row["status"])))
    console.print(table)
