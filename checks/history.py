"""How the project grew: commits, contributors, and how steadily it was worked on.

## What it measures
The number of commits on the scanned branch (the value), the first and last
commit dates, the number of people who committed (after `.mailmap`; bots such as
dependabot left out), and the number of distinct calendar weeks in the year
before the scan with at least one commit by a person. `one_commit_dump` is true
when a project of five or more files arrived in one or two commits.

## Why it matters
Real projects grow in many small commits over weeks and months. A whole project
appearing in one commit may have been developed elsewhere, copied, or generated.

## Example
42 commits from 2024-02-01 to 2026-05-20 by 2 people, with commits in 14 of the
last 52 weeks.

## Caveats
Some people squash history or publish a clean copy of private work. Commit dates
are set by the author's machine and can be rewritten. Ask how the project evolved.
"""

from analyzer.check import Check, Corpus
from analyzer.model import Signal
from checks._shared.people import human_commits, identity

DUMP_MAX_COMMITS = 2
DUMP_MIN_FILES = 5


class History(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        commits = repo.git.commits if repo.git is not None else ()
        if not commits:
            reason = "Not a git repository" if repo.git is None else "No commits yet"
            return cls.signal(None, f"{reason}: no history to measure.")
        people = human_commits(commits)
        first = min(c.authored_at for c in commits)
        last = max(c.committed_at for c in commits)
        weeks = {
            c.authored_at.isocalendar()[:2] for c in people
            # a commit dated after the scan (clock skew, --now earlier today) is recent, not ignored
            if (repo.now - c.authored_at).days < 365
        }
        contributors = len({identity("", c.author_email or c.author_name) for c in people})
        dump = len(commits) <= DUMP_MAX_COMMITS and len(repo.files) >= DUMP_MIN_FILES
        summary = (
            f"{len(commits):,} commit(s) from {first:%Y-%m-%d} to {last:%Y-%m-%d} by "
            f"{contributors} person(s); commits in {len(weeks)} of the last 52 weeks."
        )
        if dump:
            summary += " The whole project arrived in one or two commits."
        return cls.signal(
            len(commits), summary, first_commit=first.isoformat(), last_commit=last.isoformat(),
            human_commits=len(people), bot_commits=len(commits) - len(people),
            contributors=contributors, active_weeks_last_year=len(weeks), one_commit_dump=dump,
        )
