"""The versioned JSON document: the stable interface for pipelines (schema ``modernity/1``)."""

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from analyzer.model import Location, Signal
from analyzer.report import SCHEMA, Report
from analyzer.report.role_fit import as_dict


def _jsonable(value: object) -> Any:
    if isinstance(value, Location):
        return {"path": value.path, "line": value.line}
    if isinstance(value, frozenset | set):
        return sorted(value, key=str)
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot put {type(value).__name__} in a report")


def _signal(signal: Signal) -> dict[str, Any]:
    return {
        "check": signal.check,
        "value": signal.value,
        "display": signal.display,
        "summary": signal.summary,
        "evidence": [{"path": loc.path, "line": loc.line} for loc in signal.evidence],
        "details": dict(signal.details),
    }


def document(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "target": report.target,
        "commit": report.commit,
        "scanned_at": report.scanned_at.isoformat(),
        "tool_version": report.tool_version,
        "signals": [_signal(signal) for signal in report.signals],
        "score": {
            "total": report.score.total,
            "verdict": report.score.verdict,
            "contributions": dict(report.score.contributions),
            "flags": [{key: value for key, value in asdict(flag).items() if key != "at"}
                      for flag in report.score.flags],
        },
        "files": {
            "analysed": report.analysed_files,
            "python": report.python_files,
            "excluded": dict(report.excluded),
            # syntax errors apart from files past our own limits: only the former cannot run
            "unparsable": report.cannot_run,
            "not_analysed": report.not_analysed,
        },
        **as_dict(report.fit),  # "role": the rubric judged, weights moved, questions to ask
    }


def render(reports: Sequence[Report | dict[str, Any]]) -> str:
    """One document for one target; a list for several (failed targets as ``{target, error}``)."""
    docs = [r if isinstance(r, dict) else document(r) for r in reports]
    payload = docs[0] if len(docs) == 1 else docs
    return json.dumps(payload, indent=2, ensure_ascii=False, default=_jsonable) + "\n"
