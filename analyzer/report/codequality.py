"""GitLab Code Quality JSON: the concerns (red and yellow flags) as merge-request annotations.

One issue per flag, at its own evidence when it has one, else at its signal's first
(or the repository root when the flag is about something missing, like a README).
Fingerprints hash the check, the place and the message, never the scan's target or
date, so GitLab recognises the same issue on the next pipeline; several targets in one
document are told apart.

The interview questions ride along as ``info`` entries, each at the ``file:line`` it
asks about. GitLab reads only ``description``, ``check_name``, ``fingerprint``,
``severity`` (info, minor, major, critical, blocker) and ``location`` from each
entry of the list, and a list of entries is all the format has; ``info``, its lowest
severity, is the level for what is not a defect, the check name
``modernity/question/<check>`` and the description's "Interview question" keep them
apart from the concerns, and their fingerprint (check, place, text) is stable, so a
question shows once and never comes back as "new" on the next pipeline.
"""

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from analyzer.fit import RoleFit
from analyzer.report import Report
from analyzer.score import Level

_SEVERITY = {Level.RED: "major", Level.YELLOW: "minor"}


def _issues(report: Report, salt: str) -> list[dict[str, Any]]:
    issues = []
    for flag in report.score.flags:
        if flag.level not in _SEVERITY:
            continue
        places = report.evidence_of(flag)
        path, line = (places[0].path, places[0].line or 1) if places else (".", 1)
        text = flag.message + (f" Ask: {flag.question}" if flag.question else "")
        key = "\0".join((salt, flag.check, flag.level, path, str(line), flag.message))
        issues.append({
            "type": "issue",
            "description": text,
            "check_name": f"modernity/{flag.check}",
            "categories": ["Style"],
            "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
            "severity": _SEVERITY[flag.level],
            "location": {"path": path, "lines": {"begin": line}},
        })
    return issues


def _questions(fit: RoleFit | None, salt: str) -> list[dict[str, Any]]:
    if fit is None:
        return []
    entries = []
    for question in fit.questions:
        path, line = question.location.path, question.location.line or 1
        key = "\0".join((salt, "question", question.check, path, str(line), question.text))
        entries.append({
            "type": "issue",
            "description": f"Interview question ({fit.title}): {question.text}",
            "check_name": f"modernity/question/{question.check}",
            "categories": ["Clarity"],
            "fingerprint": hashlib.sha256(key.encode()).hexdigest(),
            "severity": "info",
            "location": {"path": path, "lines": {"begin": line}},
        })
    return entries


def render(reports: Sequence[Report]) -> str:
    several = len(reports) > 1
    issues = [
        issue for report in reports
        for salt in [report.target if several else ""]
        for issue in [*_issues(report, salt), *_questions(report.fit, salt)]
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
