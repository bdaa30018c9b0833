"""Who wrote the code: the candidate's share of commits and surviving lines.

## What it measures
With `scan --author EMAIL_OR_NAME` (repeatable, for every address the candidate
used), the share of commits made by that person and the share of the surviving
lines of production Python files that `git blame -w` attributes to them; the
value is the line share (the commit share when no line could be blamed).
`.mailmap` is honoured, and addresses sharing a full name or a GitHub noreply
login are one person (as `history` counts them); bots (dependabot, renovate, github-actions,
pre-commit-ci, `[bot]` accounts) are left out of both counts. Without
`--author` the value is not applicable and the details list the top authors by
commits. Blame stops after 300 files or three minutes; the rest are listed as
skipped.

## Why it matters
A portfolio repository proves little about the candidate if someone else wrote
most of it. Surviving lines show whose code is still there today.

## Example
`--author ana@example.com` on a repository where Ana made 30 of 40 commits and
wrote 1,200 of 1,500 surviving lines: value 0.8, commit share 0.75.

## Caveats
Pair programming, squash merges and reformatting commits move lines between
people. An address with neither the candidate's full name nor their GitHub login,
and not mapped in `.mailmap`, is counted as another person: ask which they used.
"""

from collections import Counter
from typing import Any, TypedDict

from analyzer.api import Flag, Fold, Level, Repo, RepoCheck, Rule, Signal, flag, saturate, value
from checks._shared.people import People, human_commits, is_bot, matches, people

TOP = 5


def _flags(signal: Signal) -> list[Flag]:
    share = value(signal)
    if share < 0.1:
        return flag(
            Level.RED, f"The candidate wrote little of this code ({share:.0%} of the lines).",
            "They may have used another email address, or worked by pair programming.",
            "Which parts of this project did you write yourself?",
        )(signal)
    if share >= 0.5:
        return flag(Level.GREEN, f"Mostly the candidate's own code ({share:.0%}).")(signal)
    return []


def _top(counts: Counter[str], commits: int) -> list[dict[str, Any]]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    return [{"author": who, "commits": n, "share": round(n / commits, 4)} for who, n in ranked]


class Blamed(TypedDict):
    line_share: float | None
    lines: int
    total_lines: int
    blamed_files: int
    skipped_files: list[str]


def _blamed(repo: Repo, who: People, mine: set[str]) -> Blamed:
    """The surviving lines of the people in ``mine``, by ``git blame``, bots left out."""
    blame = repo.git.blame if repo.git else None
    lines = [(n, e, k) for n, e, k in (blame.lines if blame else ()) if not is_bot(n, e)]
    total = sum(k for _, _, k in lines)
    written = sum(k for n, e, k in lines
                  if who.person(n, e) in mine or matches(n, e, repo.authors))
    return Blamed(
        line_share=round(written / total, 4) if total else None, lines=written,
        total_lines=total, blamed_files=blame.files if blame else 0,
        skipped_files=list(blame.skipped) if blame else [],
    )


def _summary(repo: Repo, share: float, mine: int, people: int, blamed: Blamed, top: str) -> str:
    summary = f"{', '.join(repo.authors)}: {share:.0%} of the commits ({mine} of {people})"
    if blamed["line_share"] is not None:
        summary += (f", {blamed['line_share']:.0%} of the surviving lines "
                    f"({blamed['lines']:,} of {blamed['total_lines']:,})")
    summary += "." if mine else f". No commit matches; the top author is {top}."
    skipped = len(blamed["skipped_files"])
    return summary + f" {skipped} file(s) not blamed (over the cap, or unreadable)." * (skipped > 0)


class Authorship(RepoCheck):
    # Only applies with --author: how much of the code is the candidate's own.
    rule = Rule(5, saturate(0.5), _flags)

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        repo = fold.repo
        if repo.git is None:
            return cls.signal(None, "Not a git repository: no authors to measure.", authors=[])
        humans = human_commits(repo.git.commits)
        if not humans:
            return cls.signal(None, "No commits by people to attribute.", authors=[])
        who = people(humans)  # the same people as history counts
        persons = [who.person(c.author_name, c.author_email) for c in humans]
        counts = Counter(who.label(p) for p in persons)
        top = _top(counts, len(humans))
        if not repo.authors:
            summary = (f"{len(counts)} author(s); {top[0]['author']} made {top[0]['share']:.0%} "
                       "of the commits. Pass --author to measure the candidate's share.")
            return cls.signal(None, summary, authors=top, contributors=len(who))
        chosen = who.named(humans, repo.authors)
        mine = [c for c, p in zip(humans, persons, strict=True) if p in chosen]
        commit_share = round(len(mine) / len(humans), 4)
        blamed = _blamed(repo, who, chosen)
        line_share = blamed["line_share"]
        return cls.signal(
            line_share if line_share is not None else commit_share,
            _summary(repo, commit_share, len(mine), len(humans), blamed, top[0]["author"]),
            commit_share=commit_share, commits=len(mine), **blamed, authors=top,
            contributors=len(who),
            matched=sorted({f"{c.author_name} <{c.author_email.lower()}>" for c in mine}),
        )
