"""SARIF output: valid shape, one rule per check, flags as results at their evidence."""

import json
import subprocess
import sys
from pathlib import Path

from analyzer.registry import all_checks
from tests.gitrepo import materialise


def test_sarif_has_rules_results_and_score(tmp_path: Path) -> None:
    """Each check is a rule; each flag a result with its level and file:line locations."""
    repo = materialise("modern_app", tmp_path / "r")
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", repo.as_uri(), "--format=sarif",
         "--now=2026-06-01"],
        capture_output=True, text=True, check=True,
    )
    document = json.loads(done.stdout)
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [cls.name for cls in all_checks()]
    by_rule = {result["ruleId"]: result for result in run["results"]}
    match = by_rule["match_statements"]
    assert match["level"] == "note"
    assert rules[match["ruleIndex"]]["id"] == "match_statements"
    assert match["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": "src/taskboard/models.py", "uriBaseId": "SRCROOT"},
        "region": {"startLine": 28},
    }}]
    assert run["properties"]["score"] > 0
    assert run["versionControlProvenance"][0]["revisionId"]


def test_red_flags_are_errors(tmp_path: Path) -> None:
    """A missing README and missing tests are SARIF errors."""
    repo = materialise("tiny_script", tmp_path / "r")
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(repo), "--format=sarif",
         "--now=2026-06-01"],
        capture_output=True, text=True, check=True,
    )
    [run] = json.loads(done.stdout)["runs"]
    errors = {r["ruleId"] for r in run["results"] if r["level"] == "error"}
    assert {"readme", "tests"} <= errors
