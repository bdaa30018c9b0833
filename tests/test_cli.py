"""The command line as users and pipelines meet it: exit codes, one-line errors, formats."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepo import materialise
from tests.planted_bug import BUG_MARK, planted_bug_env

NOW = "--now=2026-06-01"


def modernity(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args], capture_output=True, text=True, check=False,
    )


@pytest.mark.parametrize("target", [
    pytest.param("https://nonexistent.invalid/x/y.git", id="unreachable-host"),
    pytest.param("ext::sh -c touch% /tmp/pwned", id="ext-transport"),
    pytest.param("--upload-pack=touch /tmp/pwned", id="option-like"),
    pytest.param("ftp://example.com/repo.git", id="unsupported-scheme"),
    pytest.param("/no/such/directory/anywhere", id="missing-path"),
    pytest.param("https://example.com/a\nb", id="newline"),
])
def test_bad_target_is_one_line_and_exit_2(target: str) -> None:
    """Bad input: exit 2, exactly one line on stderr, no traceback, nothing on stdout."""
    done = modernity("scan", "--", target) if target.startswith("-") else modernity("scan", target)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_ext_url_executes_nothing(tmp_path: Path) -> None:
    """The ext:: transport would run a shell command; it must never reach git."""
    marker = tmp_path / "pwned"
    done = modernity("scan", f"ext::sh -c touch% {marker}")
    assert done.returncode == 2
    assert not marker.exists()


def test_fail_under_reports_then_exits_1(tmp_path: Path) -> None:
    """--fail-under prints the full report first, then says why on stderr and exits 1."""
    repo = materialise("tiny_script", tmp_path / "r")
    done = modernity("scan", str(repo), "--format=json", NOW, "--fail-under=90")
    assert done.returncode == 1
    document = json.loads(done.stdout)
    assert document["score"]["total"] < 90
    assert done.stderr.strip() == (
        f"modernity: score below --fail-under 90: {repo} scored {document['score']['total']}"
    )


def test_one_bad_target_does_not_lose_the_others(tmp_path: Path) -> None:
    """With several targets, a failure is reported and the good targets still get reports."""
    repo = materialise("tiny_script", tmp_path / "r")
    done = modernity("scan", str(repo), "/no/such/dir", "--format=json", NOW)
    assert done.returncode == 2
    good, bad = json.loads(done.stdout)
    assert good["signals"] and bad == {"target": "/no/such/dir", "error": "no such directory: "
                                                                          "/no/such/dir"}


def test_a_bug_of_ours_exits_3_even_beside_bad_input(tmp_path: Path) -> None:
    """Exit 3 is never hidden by another target's bad input, and loses no other report."""
    repo = materialise("tiny_script", tmp_path / "r")
    buggy = materialise("tiny_script", tmp_path / BUG_MARK)
    env = planted_bug_env(tmp_path / "site", dict(os.environ))
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(repo), "/no/such/dir", str(buggy),
         "--format=json", NOW], capture_output=True, text=True, check=False, env=env,
    )
    assert done.returncode == 3, done.stderr
    good, bad, bug = json.loads(done.stdout)
    assert good["signals"] and "no such directory" in bad["error"]
    assert bug["error"].startswith("internal error on ") and "KeyError" in bug["error"]
    assert len(done.stderr.strip().splitlines()) == 2 and "Traceback" not in done.stderr


def test_terminal_report_shows_score_verdict_and_evidence(tmp_path: Path) -> None:
    """The recruiter's view has the score, a verdict, each check and file:line evidence."""
    repo = materialise("modern_app", tmp_path / "r")
    done = modernity("scan", repo.as_uri(), NOW)
    assert done.returncode == 0, done.stderr
    assert "/100" in done.stdout and "Strong" in done.stdout
    assert "src/taskboard/models.py:28" in done.stdout
    for name in ("type_hints", "match_statements", "async_code", "tests", "readme"):
        assert name in done.stdout


def test_plain_directory_is_scanned_without_history(tmp_path: Path) -> None:
    """A folder that is not a git repository is scanned; commit age does not apply."""
    (tmp_path / "app.py").write_text("def f(x: int) -> int:\n    return x\n")
    document = json.loads(modernity("scan", str(tmp_path), "--format=json", NOW).stdout)
    signals = {s["check"]: s for s in document["signals"]}
    assert signals["last_commit"]["value"] is None
    assert document["score"]["contributions"]["last_commit"] is None
    assert signals["type_hints"]["value"] == 1.0


def test_weight_changes_the_score(tmp_path: Path) -> None:
    """--weight CHECK=0 removes a check from the score; unknown checks are refused."""
    repo = materialise("tiny_script", tmp_path / "r")
    base = json.loads(modernity("scan", str(repo), "--format=json", NOW).stdout)
    zero = json.loads(
        modernity("scan", str(repo), "--format=json", NOW, "--weight=readme=0").stdout
    )
    assert zero["score"]["contributions"]["readme"] is None
    assert zero["score"]["total"] != base["score"]["total"]
    refused = modernity("scan", str(repo), "--weight=nonsense=2")
    assert refused.returncode == 2
    assert "unknown check 'nonsense'" in refused.stderr


def test_checks_and_explain() -> None:
    """`checks` lists each check with its title; `explain` prints its documentation."""
    listing = modernity("checks")
    assert listing.returncode == 0
    assert any(line.startswith("type_hints ") for line in listing.stdout.splitlines())
    explained = modernity("explain", "match_statements")
    assert "## Caveats" in explained.stdout
    unknown = modernity("explain", "nope")
    assert unknown.returncode == 2
    assert len(unknown.stderr.strip().splitlines()) == 1


def test_targets_file_and_summary(tmp_path: Path) -> None:
    """Targets come from a file (comments ignored); several targets end with a summary table."""
    first = materialise("tiny_script", tmp_path / "one")
    second = materialise("notebooks_only", tmp_path / "two")
    listing = tmp_path / "candidates.txt"
    listing.write_text(f"# candidate A\n{first}\n\n{second}  # notebooks\n")
    done = modernity("scan", "--targets-file", str(listing), NOW)
    assert done.returncode == 0, done.stderr
    assert "Summary" in done.stdout
    assert "No tests in any of the 2 repositories." in done.stdout


def test_no_target_at_all_is_bad_input() -> None:
    done = modernity("scan")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "modernity: nothing to scan: give a URL or path, or --targets-file"
    )
@pytest.mark.parametrize("args", [
    pytest.param(["ext::sh -c touch% {marker}"], id="ext-transport"),
    pytest.param(["fd::17"], id="fd-transport"),
    pytest.param(["--upload-pack=touch {marker}", "https://example.com/r.git"], id="upload-pack"),
    pytest.param(["--", "--upload-pack=touch {marker}"], id="upload-pack-after-dashes"),
    pytest.param(["-c", "core.sshCommand=touch {marker}", "ssh://h/r"], id="dash-c"),
    pytest.param(["--", "-c core.sshCommand=touch {marker}"], id="dash-c-as-target"),
    pytest.param(["ssh://-oProxyCommand=touch% {marker}/r"], id="ssh-host-option"),
    pytest.param(["git@-oProxyCommand=touch:{marker}"], id="scp-host-option"),
    pytest.param(["https://example.com/r.git\n--upload-pack=touch {marker}"], id="newline"),
])
def test_hostile_arguments_exit_2_with_one_line_and_run_nothing(
    args: list[str], tmp_path: Path,
) -> None:
    """Each hostile URL or option: exit 2, one line on stderr, and its command never runs."""
    marker = tmp_path / "pwned"
    done = modernity("scan", *[arg.format(marker=marker) for arg in args])
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert done.stdout == ""
    assert not marker.exists()


@pytest.mark.parametrize("verbose", [[], ["--verbose"]], ids=["plain", "verbose"])
def test_credentials_never_appear(verbose: list[str]) -> None:
    """A token in the URL is hidden in the JSON target, the error and git's own message."""
    for url in ("https://user:s3cr3t@127.0.0.1:9/r.git", "https://user:p@ss@127.0.0.1:9/r.git"):
        done = modernity("scan", url, "--format=json", *verbose)
        assert done.returncode == 2
        output = done.stdout + done.stderr
        assert "s3cr3t" not in output and "ss@" not in output and "user" not in output
        document = json.loads(done.stdout)
        assert document["target"] == "https://***@127.0.0.1:9/r.git"
        assert "could not clone https://***@127.0.0.1:9/r.git" in document["error"]
        assert ("Traceback" in done.stderr) == bool(verbose)
        assert done.stderr.strip().splitlines()[-1].startswith("modernity: could not clone")


def test_no_local_refuses_local_targets_end_to_end(tmp_path: Path) -> None:
    """--no-local (modernity as a service): paths and file:// URLs exit 2 without reading."""
    repo = materialise("tiny_script", tmp_path / "r")
    for target in (str(repo), repo.as_uri()):
        done = modernity("scan", "--no-local", target, "--format=json")
        assert done.returncode == 2
        assert "(--no-local)" in done.stderr and len(done.stderr.splitlines()) == 1
        assert "signals" not in done.stdout
