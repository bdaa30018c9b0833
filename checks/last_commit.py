"""How long ago the last commit was made.

## What it measures
The age, in whole days, of the newest commit on the scanned branch, counted from
the scan date (committer date, as git records it). Not applicable to a plain
directory with no git history. Details also give the newest commit by a person
(`human_date`, `human_days`): bots such as dependabot can keep a repository
looking fresh long after its author stopped working on it.

## Why it matters
Recent commits show the candidate still writes code. Hiring guides treat a last
commit more than two years old as a portfolio red flag.

## Example
A last commit on 2026-01-15 scanned on 2026-06-01 is 137 days old.

## Caveats
Old is not bad: a finished library needs no commits, and most professional work
lives in private repositories. Ask what the candidate works on now. Dates are
set by the committer's machine and can be rewritten.
"""

from analyzer.check import Check, Corpus
from analyzer.model import Signal
from checks._shared.people import human_commits


class LastCommit(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        git = corpus.repo.git
        last = git.last_commit if git is not None else None
        if last is None:
            reason = "Not a git repository" if git is None else "No commits yet"
            return cls.signal(None, f"{reason}: no commit date to measure.")
        now = corpus.repo.now
        days = max(0, (now - last.committed_at).days)
        summary = f"Last commit {last.committed_at:%Y-%m-%d}, {days:,} day(s) before the scan."
        human = next(iter(human_commits(git.commits if git else ())), None)
        if human is not None and human is not last:
            summary += f" Last commit by a person (not a bot): {human.committed_at:%Y-%m-%d}."
        return cls.signal(
            days, summary, commit=last.sha, date=last.committed_at.isoformat(),
            author=last.author_name,
            human_date=human.committed_at.isoformat() if human else None,
            human_days=max(0, (now - human.committed_at).days) if human else None,
        )
