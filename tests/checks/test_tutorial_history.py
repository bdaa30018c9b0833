"""tutorial_code on repositories that share git history with a corpus source (real git repos)."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzer.api import Level
from analyzer.originality import corpus
from analyzer.originality.build import entry_from_target
from analyzer.repo import Repo
from analyzer.score import rules
from analyzer.walk import build_repo
from tests.conftest import signal_of
from tests.gitrepo import CommitSpec, git, make_repo
from tests.originality import samples

NOW = datetime(2026, 11, 28, tzinfo=UTC)
TUTOR = "Tess Tutor <tess@tutorials.example>"
STUDENT = "Sam Student <sam@students.example>"


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The reading-list tutorial's own repository (two commits by its author), in the corpus."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    root = make_repo(tmp_path / "tutorial", {"reading.py": samples.TUTORIAL}, (
        CommitSpec("start", "2025-01-10T10:00:00+00:00", TUTOR),
        CommitSpec("notes", "2025-01-11T10:00:00+00:00", TUTOR, files={"NOTES.md": "notes\n"}),
    ))
    corpus.save([entry_from_target("reading-list-tutorial", root)], corpus.user_corpus_path())
    return root


def _fork(source: Path, dest: Path, commits: int) -> Path:
    git(source.parent, "clone", "-q", "--no-local", str(source), str(dest))
    for n in range(commits):
        (dest / f"extra_{n}.md").write_text(f"change {n}\n")
        name, _, email = STUDENT.partition(" <")
        env = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email.rstrip(">"),
               "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email.rstrip(">"),
               "GIT_AUTHOR_DATE": f"2026-0{n + 2}-01T10:00:00+00:00",
               "GIT_COMMITTER_DATE": f"2026-0{n + 2}-01T10:00:00+00:00"}
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", f"mine {n}", env=env)
    return dest


def _flags(repo: Repo) -> tuple[dict[str, object], list[tuple[Level, str]]]:
    signal = signal_of(repo, "tutorial_code")
    lineage = signal.details.get("lineage")
    assert isinstance(lineage, list)
    return lineage[0], [(f.level, f.message) for f in rules()["tutorial_code"].flags(signal)]


def test_the_source_scanned_as_itself_is_no_copy(source: Path) -> None:
    repo = build_repo(source, now=NOW)
    signal = signal_of(repo, "tutorial_code")
    assert signal.value == 0.0 and signal.details["matches"] == []
    found, flags = _flags(repo)
    assert found["reaches_source"] is True and found["commits_beyond"] == 0
    assert isinstance(found["coverage"], float) and found["coverage"] >= 0.9
    assert "Nothing in it is beyond the project's own history" in signal.summary
    assert flags == [(Level.YELLOW, "This is reading-list-tutorial itself, or a fork with "
                                    "nothing added: only its authors can claim its code.")]


def test_the_sources_author_gets_no_flag_and_someone_else_a_red_one(source: Path) -> None:
    found, flags = _flags(build_repo(source, now=NOW, authors=("tess@tutorials.example",)))
    assert found["candidate_in_source"] is True and flags == []
    found, flags = _flags(build_repo(source, now=NOW, authors=("sam@students.example",)))
    assert found["candidate_in_source"] is False and found["candidate_beyond"] == 0
    assert flags == [(Level.RED, "A fork of reading-list-tutorial with no commits of the "
                                 "candidate's own.")]


def test_a_fork_counts_and_names_the_commits_beyond_the_source(
    source: Path, tmp_path: Path,
) -> None:
    fork = _fork(source, tmp_path / "fork", commits=2)
    repo = build_repo(fork, now=NOW, authors=("sam@students.example",))
    found, flags = _flags(repo)
    assert found["commits_beyond"] == 2 and found["candidate_beyond"] == 2
    assert found["authors_beyond"] == ["Sam Student <sam@students.example> (2)"]
    assert flags == [(Level.YELLOW, "A fork of reading-list-tutorial: 100% of the code is still "
                                    "the project's; 2 commit(s) go beyond it.")]
    assert "2 commit(s) go beyond the project's history, by Sam Student" in \
        signal_of(repo, "tutorial_code").summary


def test_a_fork_older_than_the_corpus_commit_cannot_separate_the_commits(
    source: Path, tmp_path: Path,
) -> None:
    """The corpus was built at the source's second commit; this fork left at its first."""
    older = tmp_path / "older"
    git(tmp_path, "clone", "-q", "--no-local", str(source), str(older))
    git(older, "reset", "-q", "--hard", "HEAD~1")
    found, _ = _flags(build_repo(_fork(older, tmp_path / "fork", commits=1), now=NOW))
    assert found["reaches_source"] is False and found["commits_beyond"] == 2
    assert found["authors_beyond"] == ["Sam Student <sam@students.example> (1)",
                                       "Tess Tutor <tess@tutorials.example> (1)"]


def test_a_retyped_copy_with_its_own_history_is_still_a_copy(
    source: Path, tmp_path: Path,
) -> None:
    copy = make_repo(tmp_path / "copy", {"app/reading.py": samples.TUTORIAL},
                     (CommitSpec("my app", "2026-03-01T10:00:00+00:00", STUDENT),))
    signal = signal_of(build_repo(copy, now=NOW), "tutorial_code")
    assert "lineage" not in signal.details
    [flag] = rules()["tutorial_code"].flags(signal)
    assert flag.level is Level.RED and "reading-list-tutorial" in flag.message


def test_the_lineage_finding_points_at_the_code_the_source_still_covers(source: Path) -> None:
    signal = signal_of(build_repo(source, now=NOW), "tutorial_code")
    [first, *_] = signal.evidence
    assert first.path == "reading.py" and first.line is not None
    assert samples.TUTORIAL.splitlines()[first.line - 1].startswith("def ")
