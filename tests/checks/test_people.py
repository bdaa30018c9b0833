"""One person is one person in both `history` and `authorship`: real git repositories."""

from pathlib import Path
from typing import Any, cast

import pytest

from analyzer.gitfacts import read_git_facts
from analyzer.repo import Repo
from analyzer.walk import Limits, git_runner
from tests.conftest import signals_of
from tests.gitrepo import CommitSpec, make_repo

ANA = "Ana Lima <ana@example.com>"


def _scan(root: Path, authors: list[str], mailmap: str = "", who: tuple[str, ...] = ()) -> Repo:
    """A repository whose commits are by ``authors`` in order (the first commit adds every file)."""
    files = {"app.py": "x = 1\n", **({".mailmap": mailmap} if mailmap else {})}
    commits = [CommitSpec(f"c{i}", author=a, files={f"f{i}.txt": str(i)})
               for i, a in enumerate(authors)]
    make_repo(root, files, commits)
    with git_runner(root, Limits(), own_clone=False) as runner:
        facts = read_git_facts(runner, ["app.py"])
    return Repo.from_files({}, git=facts, authors=who)


def _people(repo: Repo) -> tuple[object, object, list[tuple[str, float]]]:
    signals = signals_of(repo, ["history", "authorship"])
    authors = cast("list[dict[str, Any]]", signals["authorship"].details["authors"])
    return (signals["history"].details["contributors"],
            signals["authorship"].details["contributors"],
            [(a["author"], a["share"]) for a in authors])


@pytest.mark.parametrize(("authors", "people", "top"), [
    pytest.param([ANA, ANA, "Ana <ana@example.com>", "Ben Ode <ben@example.org>"],
                 2, ("Ana Lima <ana@example.com>", 0.75), id="one-email-two-names"),
    pytest.param([ANA, ANA, "Ana Lima <1234+alima@users.noreply.github.com>",
                  "ANA LIMA <ana@work.org>", "Ben Ode <ben@example.org>"],
                 2, ("Ana Lima <ana@example.com>", 0.8), id="same-full-name-three-emails"),
    pytest.param(["alima <alima@users.noreply.github.com>", "A. Lima <alima@gmail.com>",
                  "Ben Ode <ben@example.org>"],
                 2, ("A. Lima <alima@gmail.com>", 0.6667), id="noreply-login-is-local-part"),
    pytest.param(["Ana <77+anal@users.noreply.github.com>", "anal <ana.l@uni.edu>", ANA],
                 2, ("Ana <77+anal@users.noreply.github.com>", 0.6667),
                 id="noreply-login-is-a-name"),
    pytest.param(["Sam <sam@a.example>", "Sam <sam@b.example>", "Sam <sam@b.example>"],
                 2, ("Sam <sam@b.example>", 0.6667), id="bare-first-name-joins-nobody"),
    pytest.param([ANA, ANA, "Ana Maria Lima <ana.lima@work.example>", "Ben Ode <ben@example.org>"],
                 2, ("Ana Lima <ana@example.com>", 0.75), id="middle-name-is-the-same-person"),
    pytest.param([ANA, "Ana Maria Souza <ams@example.org>", "Ana Lima Souza <als@example.org>"],
                 3, ("Ana Lima <ana@example.com>", 0.3333), id="other-last-name-is-not"),
    pytest.param([ANA, "Ana Lima <\u201cANA@example.com\u201d>"],
                 1, ("Ana Lima <ana@example.com>", 1.0), id="quoted-email-and-case"),
    pytest.param([ANA, ANA, "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
                  "Ben Ode <ben@example.org>"],
                 2, ("Ana Lima <ana@example.com>", 0.6667), id="bots-apart"),
])
def test_history_and_authorship_count_the_same_people(
    tmp_path: Path, authors: list[str], people: int, top: tuple[str, float],
) -> None:
    history, authorship, ranked = _people(_scan(tmp_path / "r", authors))
    assert (history, authorship) == (people, people)
    assert ranked[0] == top


def test_mailmap_is_applied_first(tmp_path: Path) -> None:
    """`.mailmap` can join what no rule would (a different name and address)."""
    mailmap = "Ana Lima <ana@example.com> Nickname <old@school.example>\n"
    repo = _scan(tmp_path / "r", [ANA, "Nickname <old@school.example>", "Ben <b@x.org>"], mailmap)
    assert _people(repo) == (2, 2, [(ANA, 0.6667), ("Ben <b@x.org>", 0.3333)])


def test_one_author_address_counts_every_address_of_that_person(tmp_path: Path) -> None:
    """--author with one address finds the person's commits and lines under their other ones."""
    authors = ["Ana <ana@example.com>", "Ana Lima <9+alima@users.noreply.github.com>",
               "Ana Lima <ana@example.com>", "Ben Ode <ben@example.org>"]
    repo = _scan(tmp_path / "r", authors, who=("ana@example.com",))
    signal = signals_of(repo, ["authorship"])["authorship"]
    assert (signal.details["commits"], signal.details["commit_share"]) == (3, 0.75)
    assert signal.details["line_share"] == 1.0  # app.py came in the first commit, Ana's
