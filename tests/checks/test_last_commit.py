from datetime import UTC, datetime

from analyzer.repo import Commit, GitFacts, Repo
from tests.conftest import signal_of

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _commit(when: datetime) -> Commit:
    return Commit("abc123", "A", "a@example.com", when, when)


def test_age_in_days_from_injected_now() -> None:
    """Age is measured from the injected scan date, so it is testable and repeatable."""
    git = GitFacts("abc123", (_commit(datetime(2026, 5, 1, tzinfo=UTC)),
                              _commit(datetime(2020, 1, 1, tzinfo=UTC))))
    signal = signal_of(Repo.from_files({}, now=NOW, git=git), "last_commit")
    assert signal.value == 31
    assert signal.details["commit"] == "abc123"


def test_plain_directory_is_not_applicable() -> None:
    """Without git there is no commit date: not applicable, not zero."""
    assert signal_of(Repo.from_files({}, now=NOW), "last_commit").value is None


def test_repository_without_commits_is_not_applicable() -> None:
    signal = signal_of(Repo.from_files({}, now=NOW, git=GitFacts(None)), "last_commit")
    assert signal.value is None
    assert "No commits" in signal.summary


def test_newest_commit_by_a_person_is_reported_beside_bot_commits() -> None:
    """A dependabot bump does not hide how long ago a person last committed."""
    bot = Commit("b1", "dependabot[bot]", "bot@users.noreply.github.com",
                 datetime(2026, 5, 30, tzinfo=UTC), datetime(2026, 5, 30, tzinfo=UTC))
    git = GitFacts("b1", (bot, _commit(datetime(2025, 6, 1, tzinfo=UTC))))
    signal = signal_of(Repo.from_files({}, now=NOW, git=git), "last_commit")
    assert (signal.value, signal.details["human_days"]) == (2, 365)
    assert "not a bot" in signal.summary
