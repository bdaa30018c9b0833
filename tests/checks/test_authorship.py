import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from analyzer.repo import Blame, Commit, GitFacts, Repo
from tests.conftest import signal_of
from tests.gitrepo import git, materialise

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
BOT = "dependabot[bot]"


def _commits(*authors: tuple[str, str]) -> tuple[Commit, ...]:
    return tuple(
        Commit(f"c{i}", name, email, WHEN, WHEN) for i, (name, email) in enumerate(authors)
    )


ANA, BEN = ("Ana", "ana@example.com"), ("Ben", "ben@example.com")
BOT_ID = (BOT, "49699333+dependabot[bot]@users.noreply.github.com")


def test_without_author_lists_the_distribution() -> None:
    """Without --author the value is not applicable; the top people are listed, bots left out."""
    git_facts = GitFacts("c0", _commits(ANA, ANA, ANA, BEN, BOT_ID))
    signal = signal_of(Repo.from_files({}, git=git_facts), "authorship")
    assert signal.value is None
    assert signal.details["authors"] == [
        {"author": "Ana <ana@example.com>", "commits": 3, "share": 0.75},
        {"author": "Ben <ben@example.com>", "commits": 1, "share": 0.25},
    ]


def test_author_share_of_commits_and_lines() -> None:
    """With --author, the value is the share of surviving lines; bots count in neither total."""
    blame = Blame(lines=(("Ana", "ana@example.com", 60), ("Ben", "ben@example.com", 20),
                         (BOT, BOT_ID[1], 500)), files=3)
    git_facts = GitFacts("c0", _commits(ANA, BEN, BEN, BEN, BOT_ID), blame=blame)
    repo = Repo.from_files({}, git=git_facts, authors=("ANA@example.com",))
    signal = signal_of(repo, "authorship")
    assert signal.value == 0.75
    assert (signal.details["commit_share"], signal.details["line_share"]) == (0.25, 0.75)


def test_unknown_author_has_zero_share() -> None:
    """An address that made no commit gets a share of zero, and the summary says so."""
    repo = Repo.from_files({}, git=GitFacts("c0", _commits(BEN)), authors=("nobody@example.com",))
    signal = signal_of(repo, "authorship")
    assert signal.value == 0.0
    assert "No commit matches" in signal.summary


def test_plain_directory_is_not_applicable() -> None:
    """A folder without history has no authors."""
    assert signal_of(Repo.from_files({}), "authorship").value is None


def _share(counts: Counter[str], who: str) -> float:
    humans = {k: v for k, v in counts.items() if BOT not in k}
    return round(humans.get(who, 0) / sum(humans.values()), 4)


def test_three_authors_match_git_shortlog_and_blame(tmp_path: Path) -> None:
    """The three_authors fixture: --author gives the shares git shortlog and git blame give."""
    repo = materialise("three_authors", tmp_path / "repo")
    ana = "Ana Lima <ana@example.com>"
    shortlog = Counter[str]()
    for line in git(repo, "shortlog", "-sne", "HEAD").splitlines():
        count, _, who = line.strip().partition("\t")
        shortlog[who] = int(count)
    assert ana in shortlog and len(shortlog) == 4  # .mailmap joined Ana's two addresses
    blamed = Counter[str]()
    for path in git(repo, "ls-files", "src/*.py").split():
        output = git(repo, "blame", "-w", "--line-porcelain", "HEAD", "--", path)
        names = [ln[7:] for ln in output.splitlines() if ln.startswith("author ")]
        mails = [ln[12:] for ln in output.splitlines() if ln.startswith("author-mail ")]
        blamed.update(f"{name} {mail}" for name, mail in zip(names, mails, strict=True))
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", repo.as_uri(), "--format=json",
         "--now=2026-06-01", "--author", "ana@example.com"],
        capture_output=True, text=True, check=True,
    )
    [signal] = [s for s in json.loads(done.stdout)["signals"] if s["check"] == "authorship"]
    assert signal["details"]["commit_share"] == _share(shortlog, ana)
    assert signal["details"]["line_share"] == _share(blamed, ana)
    assert signal["value"] == _share(blamed, ana)
    assert signal["details"]["commit_share"] == 0.6  # 3 of 5: the dependabot bump is left out
    assert 0 < signal["details"]["line_share"] < 1


def test_several_identities_by_name_or_email_add_up() -> None:
    """--author is repeatable and matches a name, an email or ``Name <email>``, in any case."""
    git_facts = GitFacts("c0", _commits(ANA, BEN, ("Ana L", "ana@work.example"), BEN))
    repo = Repo.from_files({}, git=git_facts, authors=("ana", "Ana L <ANA@WORK.EXAMPLE>"))
    signal = signal_of(repo, "authorship")
    assert (signal.value, signal.details["commits"]) == (0.5, 2)
