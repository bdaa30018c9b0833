"""GitLab Code Quality JSON: the concerns (red and yellow flags) as merge-request annotations.

One issue per flag, at its signal's first evidence (or the repository root when
the flag is about something missing, like a README). Fingerprints hash the check,
the place and the message, never the scan's target or date, so GitLab recognises
the same issue on the next pipeline; several targets in one document are told apart.
"""

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from analyzer.report import Report
from analyzer.score import Level

_SEVERITY = {Level.RED: "major", Level.YELLOW: "minor"}


def _issues(report: Report, salt: str) -> list[dict[str, Any]]:
    evidence = {signal.check: signal.evidence for signal in report.signals}
    issues = []
    for flag in report.score.flags:
        if flag.level not in _SEVERITY:
            continue
        places = evidence.get(flag.check, ())
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


def render(reports: Sequence[Report]) -> str:
    several = len(reports) > 1
    issues = [
        issue for report in reports for issue in _issues(report, report.target if several else "")
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
