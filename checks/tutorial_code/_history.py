"""Shared git history with a corpus source: the source itself or a fork of it, not a copy.

A repository whose history holds a source's root commit descends from the source's
own repository: nobody re-typed it. What matters then is what lies beyond the
source's history (the commits that are not ancestors of the commit the corpus was
built from) and who wrote them.
"""

from collections import Counter
from typing import TypedDict

from analyzer.api import Repo
from analyzer.originality.corpus import Entry
from analyzer.repo import Commit
from checks._shared.people import People, human_commits, people


class Lineage(TypedDict):
    source: str
    title: str
    url: str
    commit: str
    coverage: float
    # False when this history does not reach the commit the corpus was built from: the
    # source's commits and later ones cannot be told apart, so every commit is counted.
    reaches_source: bool
    commits_beyond: int  # commits not in the source's history (every commit if not reached)
    authors_beyond: list[str]  # "Name <email> (n)", most commits first
    # None unless --author names the candidate: did they write any of the source's commits,
    # and how many of the commits beyond it?
    candidate_in_source: bool | None
    candidate_beyond: int | None


def _ancestors(start: str, parents: dict[str, tuple[str, ...]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def _authors(commits: list[Commit], who: People) -> list[str]:
    counts = Counter(who.person(c.author_name, c.author_email)
                     for c in human_commits(tuple(commits)))
    return [f"{who.label(p)} ({n})" for p, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]


def lineage(repo: Repo, entry: Entry, share: float) -> Lineage | None:
    """How ``repo`` descends from ``entry``'s repository, or None when it does not."""
    commits = repo.git.commits if repo.git is not None else ()
    shas = {c.sha for c in commits}
    if not shas.intersection(entry.roots):
        return None
    reached = entry.commit in shas
    known = _ancestors(entry.commit, {c.sha: c.parents for c in commits}) if reached else set()
    beyond = [c for c in commits if c.sha not in known]
    who = people(human_commits(commits))
    candidate = who.named(commits, repo.authors) if repo.authors else set()

    def theirs(chosen: list[Commit]) -> int | None:
        return sum(who.person(c.author_name, c.author_email) in candidate
                   for c in chosen) if repo.authors else None

    in_source = theirs([c for c in commits if c.sha in known])
    return {
        "source": entry.name, "title": entry.title, "url": entry.url, "commit": entry.commit,
        "coverage": round(share, 3), "reaches_source": reached, "commits_beyond": len(beyond),
        "authors_beyond": _authors(beyond, who),
        "candidate_in_source": None if in_source is None else in_source > 0,
        "candidate_beyond": theirs(beyond),
    }


def summary(found: Lineage) -> str:
    """What a recruiter reads: whose history this is and what lies beyond it."""
    head = (f"This repository shares its first commit with {found['title']}: it is that "
            "project or a fork of it, not a re-typed copy.")
    if not found["reaches_source"]:
        return (f"{head} Its history does not reach the version modernity knows, so its "
                f"{found['commits_beyond']} commit(s) (by {_names(found)}) cannot be told "
                "apart from the project's own.")
    if found["commits_beyond"] == 0:
        return (f"{head} Nothing in it is beyond the project's own history: only the "
                "project's authors can claim its code.")
    return (f"{head} {found['commits_beyond']} commit(s) go beyond the project's history, "
            f"by {_names(found)}; {found['coverage']:.0%} of today's code matches the project.")


def _names(found: Lineage) -> str:
    return ", ".join(found["authors_beyond"][:3]) or "bots only"
