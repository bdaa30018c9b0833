"""End to end: each fixture, made a real git repo, scanned through the real CLI over file://.

``UPDATE_GOLDEN=1 pytest tests/test_fixtures.py`` rewrites the golden files; read the diff.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import FIXTURES, fixture_names, materialise

NOW = "2026-06-01T00:00:00+00:00"
TARGET_PLACEHOLDER = "file://FIXTURE"


def scan_json(target: str, *extra: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", target, "--format=json", f"--now={NOW}", *extra],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_matches_golden(name: str, tmp_path: Path) -> None:
    """Scanning the fixture's repository gives exactly its golden JSON (but for the temp path)."""
    repo = materialise(name, tmp_path / name)
    document = scan_json(repo.as_uri())
    assert document["target"] == repo.as_uri()
    document["target"] = TARGET_PLACEHOLDER
    golden = FIXTURES / name / "expected.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    assert document == json.loads(golden.read_text())


def test_fixture_commits_are_reproducible(tmp_path: Path) -> None:
    """Fixed author, dates and content give the same commit id on every machine."""
    first = materialise("modern_app", tmp_path / "a")
    second = materialise("modern_app", tmp_path / "b")
    assert scan_json(first.as_uri())["commit"] == scan_json(second.as_uri())["commit"]
