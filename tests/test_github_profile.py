"""`modernity scan github:LOGIN` against a recorded GitHub API served on 127.0.0.1."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.batch.plan import Job, Unscanned, plan
from analyzer.errors import TargetError
from analyzer.github import choose
from analyzer.profile_target import profile_login
from tests.github_api import fake_github
from tests.gitrepo import materialise

NO_PROXY = {"http_proxy": "", "HTTP_PROXY": "", "all_proxy": "", "ALL_PROXY": "",
            "no_proxy": "*", "NO_PROXY": "*"}


def modernity(api: str, *args: str, env: dict[str, str] | None = None,
              ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", *args, "--now=2026-02-01"],
        capture_output=True, text=True, check=False,
        env={**os.environ, **NO_PROXY, "MODERNITY_GITHUB_API": api, **(env or {})},
    )


def fixture_repos(tmp: Path, alpha: str, beta: str) -> Path:
    repos = tmp / "repos"
    materialise(alpha, repos / "alpha")
    materialise(beta, repos / "beta")
    return repos


def test_profile_follows_pages_and_skips_forks_and_other_languages(tmp_path: Path) -> None:
    """beta is only on page 2; the fork, the JavaScript site and the archived repo are skipped."""
    with fake_github(fixture_repos(tmp_path, "tiny_script", "notebooks_only")) as api:
        done = modernity(api.url, "scan", "github:ada-l", "--format=json")
    assert done.returncode == 0, done.stderr
    assert api.requests[1].startswith("/user/9001/repos?"), api.requests  # the Link header's URL
    report = json.loads(done.stdout)
    rows = {row["target"].rsplit("/", 1)[1]: row["status"] for row in report["repositories"]}
    assert rows == {
        "alpha": "scanned", "beta": "scanned", "requests": "skipped: fork",
        "homepage": "skipped: not Python (JavaScript)", "thesis-2019": "skipped: archived",
    }
    messages = [flag["message"] for flag in report["flags"]]
    assert "No tests in any project (2 scanned)." in messages


def test_no_tests_flag_only_when_true(tmp_path: Path) -> None:
    """One tested repository is enough: the portfolio flag turns into a count, best work first."""
    with fake_github(fixture_repos(tmp_path, "modern_app", "notebooks_only")) as api:
        done = modernity(api.url, "scan", "https://github.com/ada-l", "--format=json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    messages = [flag["message"] for flag in report["flags"]]
    assert "Tests in 1 of 2 project(s)." in messages
    assert not any(m.startswith("No tests in any project") for m in messages)
    first = report["repositories"][0]
    assert first["target"].endswith("/alpha") and first["why"]
    assert first["score"] >= report["repositories"][1]["score"]


def test_terminal_candidate_report(tmp_path: Path) -> None:
    with fake_github(fixture_repos(tmp_path, "tiny_script", "notebooks_only")) as api:
        done = modernity(api.url, "scan", "github:ada-l", env={"COLUMNS": "160"})
    assert done.returncode == 0, done.stderr
    assert "! No tests in any project (2 scanned)." in done.stdout
    assert "skipped: fork" in done.stdout


def test_rate_limit_is_one_line_with_reset_time_and_exit_2(tmp_path: Path) -> None:
    with fake_github(tmp_path) as api:
        done = modernity(api.url, "scan", "github:limited")
    assert done.returncode == 2
    assert done.stderr == (
        "modernity: GitHub API rate limit reached; it resets at 2026-11-28 11:00:00 UTC "
        "(set GITHUB_TOKEN for a higher limit)\n"
    )
    assert done.stdout == ""


def test_unknown_user_is_one_line(tmp_path: Path) -> None:
    with fake_github(tmp_path) as api:
        done = modernity(api.url, "scan", "github:nobody-here", "--github-api", api.url)
    assert (done.returncode, done.stderr) == (2, "modernity: no GitHub user 'nobody-here'\n")


def test_token_is_sent_to_the_api(tmp_path: Path) -> None:
    with fake_github(tmp_path) as api:
        modernity(api.url, "scan", "github:limited", env={"GITHUB_TOKEN": "t0ken"})
    assert api.headers[0].get("Authorization") == "Bearer t0ken"


@pytest.mark.parametrize(("text", "login"), [
    ("github:ada-l", "ada-l"), ("https://github.com/ada-l", "ada-l"),
    ("https://github.com/ada-l/", "ada-l"), ("https://github.com/ada-l/alpha", None),
    ("https://github.com/settings", None), ("https://gitlab.com/ada-l", None),
    ("/some/path", None),
])
def test_profile_told_apart_from_repository(text: str, login: str | None) -> None:
    assert profile_login(text) == login


def test_bad_login_is_refused() -> None:
    with pytest.raises(TargetError):
        profile_login("github:-rm")


def test_choose_caps_most_recently_pushed_first() -> None:
    items: list[dict[str, object]] = [
        {"name": n, "language": "Python", "pushed_at": p, "clone_url": f"https://h/{n}"}
        for n, p in (("old", "2020-01-01T00:00:00Z"), ("new", "2025-01-01T00:00:00Z"),
                     ("mid", "2023-01-01T00:00:00Z"))
    ]
    chosen = choose(items, max_repos=2)
    assert [(r.name, r.skipped) for r in chosen] == [
        ("new", None), ("mid", None), ("old", "over --max-repos 2")]


def test_clone_url_must_be_a_url() -> None:
    """An API answer naming a local path (/etc) is skipped, never read from disk."""
    item: dict[str, object] = {"name": "x", "language": "Python", "clone_url": "/etc"}
    [repo] = choose([item], max_repos=5)
    assert repo.skipped == "no https:// clone URL"


def test_batch_expands_a_profile_into_its_repositories(tmp_path: Path) -> None:
    text = "candidate,targets,author\nAda,github:ada-l,ada@example.com\n"
    with fake_github(tmp_path) as api:
        items = plan(io.StringIO(text), api=api.url)
    jobs = [i for i in items if isinstance(i, Job)]
    skipped = {i.job.target.rsplit("/", 1)[1]: i.reason for i in items
               if isinstance(i, Unscanned)}
    assert [job.target for job in jobs] == [(tmp_path / n).as_uri() for n in ("alpha", "beta")]
    assert jobs[0].authors == ("ada@example.com", "ada-l", "ada-l@users.noreply.github.com",
                               "9001+ada-l@users.noreply.github.com")
    assert skipped == {"requests": "fork", "homepage": "not Python (JavaScript)",
                       "thesis-2019": "archived"}


def test_rate_limited_profile_in_a_batch_is_one_failed_row(tmp_path: Path) -> None:
    with fake_github(tmp_path) as api:
        [item] = plan(io.StringIO("candidate,targets\nLee,github:limited\n"), api=api.url)
    assert isinstance(item, Unscanned) and item.status == "failed"
    assert item.reason.startswith("GitHub API rate limit reached; it resets at 2026-11-28 11:00")
