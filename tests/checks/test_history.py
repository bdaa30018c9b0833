from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from analyzer.repo import Commit, GitFacts, Repo
from analyzer.walk import build_repo
from checks.history import History
from tests.conftest import signal_of
from tests.gitrepo import CommitSpec, make_repo

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _commit(days_ago: int, author: str = "Ana", email: str = "ana@example.com") -> Commit:
    when = NOW - timedelta(days=days_ago)
    return Commit(f"c{days_ago}", author, email, when, when)


def test_counts_dates_people_and_active_weeks() -> None:
    """Commit count, first date, contributors and active weeks come from the history."""
    commits = (_commit(1), _commit(2), _commit(10, "Ben", "ben@example.com"), _commit(400),
               _commit(3, "dependabot[bot]", "bot@users.noreply.github.com"))
    repo = Repo.from_files({"a.py": ""}, now=NOW, git=GitFacts("c1", commits))
    signal = signal_of(repo, "history")
    assert signal.value == 5
    assert signal.details["first_commit"] == (NOW - timedelta(days=400)).isoformat()
    assert signal.details["contributors"] == 2
    assert signal.details["bot_commits"] == 1
    assert signal.details["active_weeks_last_year"] == 2  # days 1-2 share a week; day 400 is old


@pytest.mark.parametrize(("commits", "files", "dump"), [
    pytest.param(1, 8, True, id="one-commit-project"),
    pytest.param(2, 8, True, id="two-commit-project"),
    pytest.param(3, 8, False, id="three-commits"),
    pytest.param(1, 2, False, id="one-commit-gist"),
])
def test_one_commit_dump(commits: int, files: int, dump: bool) -> None:
    """A project of five or more files that arrived in one or two commits is flagged."""
    git = GitFacts("c0", tuple(_commit(day) for day in range(commits)))
    repo = Repo.from_files({f"f{i}.py": "" for i in range(files)}, now=NOW, git=git)
    assert signal_of(repo, "history").details["one_commit_dump"] is dump


def test_plain_directory_is_not_applicable() -> None:
    """Without git there is no history: not applicable, not zero."""
    assert signal_of(Repo.from_files({}, now=NOW), "history").value is None


def test_commits_after_the_scan_date_are_recent() -> None:
    """A commit later the same day than --now (or from a fast clock) is recent activity."""
    later_today = NOW + timedelta(hours=20)
    git = GitFacts("c", (Commit("c", "Ana", "ana@example.com", later_today, later_today),))
    repo = Repo.from_files({"a.py": ""}, now=NOW, git=git)
    assert signal_of(repo, "history").details["active_weeks_last_year"] == 1


_PROJECT = {f"app/m{i}.py": f"x = {i}\n" for i in range(5)} | {"README.md": "# app\n"}


@pytest.mark.parametrize(("later", "sitting", "code_commits"), [
    pytest.param({"README.md": "# app\nmore\n"}, True, 0, id="later-commits-only-docs"),
    pytest.param({"app/m1.py": "x = 10\n"}, False, 1, id="later-commit-changes-code"),
    pytest.param({"app/new.py": "y = 1\n"}, False, None, id="code-added-later"),
])
def test_uploaded_in_one_sitting(
    tmp_path: Path, later: dict[str, str], sitting: bool, code_commits: int | None,
) -> None:
    """All the code in the first commit and only docs after it: the work's history is hidden."""
    root = make_repo(tmp_path / "r", _PROJECT, [
        CommitSpec("all of it"), CommitSpec("docs", files={"README.md": "# app\nusage\n"}),
        CommitSpec("more", date="2026-02-01T12:00:00+00:00", files=later),
    ])
    signal = signal_of(build_repo(root, now=NOW), "history")
    assert signal.value == 3
    assert signal.details["one_commit_dump"] is sitting
    assert signal.details["code_commits_after_first"] == code_commits
    assert History.rule is not None
    messages = [f.message for f in History.rule.flags(signal)]
    assert any("one sitting" in m for m in messages) is sitting


@pytest.mark.parametrize(("later", "newest_paths"), [
    pytest.param({"README.md": "# app\nmore\n"}, ("README.md",), id="all-code-in-the-first"),
    pytest.param({"app/new.py": "y = 1\n"}, (), id="code-added-later"),
])
def test_git_reports_later_paths_only_when_the_first_commit_holds_all_code(
    tmp_path: Path, later: dict[str, str], newest_paths: tuple[str, ...],
) -> None:
    """The paths of later commits (a diff per commit for git) are read only when the
    one-sitting signal needs them; the first commit's always are."""
    root = make_repo(tmp_path / "r", _PROJECT, [CommitSpec("all of it"),
                                                CommitSpec("more", files=later)])
    git = build_repo(root, now=NOW).git
    assert git is not None
    newest, first = git.commits
    assert set(first.paths) == set(_PROJECT)
    assert newest.paths == newest_paths


def _code_lines(repo: Repo, path: str) -> int:
    from analyzer.originality.shape import repo_shapes  # noqa: PLC0415

    return len(repo_shapes(repo)[path].lines)


def test_first_commit_share_counts_unchanged_files_whole_and_edited_ones_by_fingerprints(
    tmp_path: Path,
) -> None:
    """loans.py is untouched since the first commit, state.py was extended (its first
    version's code survives), db.py arrived later: only the first two count."""
    from tests.originality import samples  # noqa: PLC0415

    root = make_repo(tmp_path / "r", {"app/loans.py": samples.ALICE,
                                      "app/state.py": samples.CAROL}, (
        CommitSpec("start", "2026-01-01T10:00:00+00:00"),
        CommitSpec("more", "2026-02-01T10:00:00+00:00",
                   files={"app/state.py": samples.CAROL + "\n\n" + samples.DAN,
                          "app/db.py": samples.ERIN}),
    ))
    repo = build_repo(root, now=NOW)
    signal = signal_of(repo, "history")
    loans, state, db = (_code_lines(repo, f"app/{name}.py") for name in ("loans", "state", "db"))
    carol = _code_lines(Repo.from_files({"app/state.py": samples.CAROL}), "app/state.py")
    share = signal.details["first_commit_code_share"]
    assert isinstance(share, float)
    assert share == pytest.approx((loans + carol) / (loans + state + db), abs=0.03)
    assert signal.details["first_commit_unread"] == 0
    assert f"{share:.0%} of today's code was already in the first commit." in signal.summary


def test_first_commit_files_over_the_bounds_are_counted_as_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only edited first-commit files are read (unchanged ones match by blob id), at most
    MAX_FILES of them: the rest are reported, and the share is a lower bound."""
    from analyzer import firstcommit  # noqa: PLC0415
    from tests.originality import samples  # noqa: PLC0415

    monkeypatch.setattr(firstcommit, "MAX_FILES", 1)
    first = {"a.py": samples.ALICE, "b.py": samples.CAROL, "c.py": samples.DAN,
             "d.py": samples.ERIN}
    edited = {path: text + "\n\ndef extra():\n    return 1\n" for path, text in first.items()
              if path != "d.py"}
    root = make_repo(tmp_path / "r", first, (
        CommitSpec("start", "2026-01-01T10:00:00+00:00"),
        CommitSpec("edit", "2026-02-01T10:00:00+00:00", files=edited),
    ))
    facts = build_repo(root, now=NOW).git
    assert facts is not None and facts.first is not None
    assert facts.first.unchanged == frozenset({"d.py"})
    assert list(facts.first.texts) == ["a.py"] and facts.first.unread == 2
