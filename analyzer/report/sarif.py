"""SARIF 2.1.0, so code-scanning dashboards and CI annotations can show modernity's flags.

One run per target. Each check is a rule (its documentation is the rule's help);
each flag is a result at its signal's evidence: red is ``error``, yellow
``warning``, green ``note``. The score and verdict ride in the run's properties.
"""

import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from analyzer.registry import all_checks
from analyzer.report import Report
from analyzer.report.role_fit import as_dict
from analyzer.score import Level

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_LOCATIONS = 10
_LEVEL = {Level.RED: "error", Level.YELLOW: "warning", Level.GREEN: "note"}


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": cls.name,
            "name": "".join(part.title() for part in cls.name.split("_")),
            "shortDescription": {"text": cls.title()},
            "fullDescription": {"text": cls.title()},
            "help": {"text": cls.doc, "markdown": cls.doc},
        }
        for cls in all_checks()
    ]


def _run(report: Report, rule_index: dict[str, int]) -> dict[str, Any]:
    results = []
    for flag in report.score.flags:
        text = flag.message + (f" Caveat: {flag.caveat}" if flag.caveat else "")
        result: dict[str, Any] = {
            "ruleId": flag.check,
            "level": _LEVEL[flag.level],
            "message": {"text": text},
            "locations": [
                {"physicalLocation": {
                    "artifactLocation": {"uri": quote(loc.path), "uriBaseId": "SRCROOT"},
                    **({"region": {"startLine": loc.line}} if loc.line else {}),
                }}
                for loc in report.evidence_of(flag)[:MAX_LOCATIONS]
            ],
        }
        if flag.check in rule_index:
            result["ruleIndex"] = rule_index[flag.check]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "modernity", "version": report.tool_version, "rules": _rules(),
        }},
        "results": results,
        "properties": {
            "target": report.target, "score": report.score.total,
            "verdict": report.score.verdict, "scannedAt": report.scanned_at.isoformat(),
            **as_dict(report.fit),  # the role judged and the interview questions
        },
    }
    if report.commit and "://" in report.target:
        run["versionControlProvenance"] = [
            {"repositoryUri": report.target, "revisionId": report.commit}
        ]
    return run


def render(reports: Sequence[Report]) -> str:
    rule_index = {cls.name: index for index, cls in enumerate(all_checks())}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [_run(report, rule_index) for report in reports],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
