"""How the project grew: commits, contributors, and how steadily it was worked on.

## What it measures
The number of commits on the scanned branch (the value), the first and last
commit dates, the number of people who committed (counted as `authorship`
counts them: after `.mailmap`, addresses sharing a full name or GitHub login are
one person; bots such as dependabot left out), and the number of distinct calendar weeks in the year
before the scan with at least one commit by a person. `one_commit_dump` is true
when a project of five or more files was uploaded in one sitting: it arrived in
one or two commits, or all its code (`.py`, notebooks; vendored trees aside) is
in the first commit and later commits touch only other files (README, docs).
`code_commits_after_first` counts later commits that change code;
`commits_per_month` counts every commit by the month it was written.
`first_commit_code_share` is the share of today's code lines (product code, as
`tutorial_code` reads it) already in the first commit: unchanged files whole,
edited ones by shared token fingerprints (`first_commit_unread` counts first-commit
files git did not hold locally or that were over 300 files / 2 MB).

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

from collections import Counter
from typing import TypedDict, cast

from analyzer.api import Example, Flag, Fold, Level, RepoCheck, Rule, Signal, flag, value
from checks._shared.people import human_commits, people
from checks.history._first import first_commit
from checks.history._sitting import code_after_first

DUMP_MAX_COMMITS = 2
DUMP_MIN_FILES = 5


class Details(TypedDict, total=False):
    first_commit: str
    last_commit: str
    human_commits: int
    bot_commits: int
    contributors: int
    active_weeks_last_year: int
    one_commit_dump: bool
    commits_per_month: dict[str, int]
    code_commits_after_first: int
    first_commit_code_share: float
    first_commit_unread: int


def _grade(signal: Signal) -> float:
    # Half for a real history (30 commits), half for steady recent work (12 active weeks).
    weeks = cast("Details", signal.details).get("active_weeks_last_year", 0)
    return min(1.0, value(signal) / 30) / 2 + min(1.0, weeks / 12) / 2


def _flags(signal: Signal) -> list[Flag]:
    details = cast("Details", signal.details)
    weeks = details.get("active_weeks_last_year", 0)
    if details.get("one_commit_dump") is True:
        return flag(
            Level.YELLOW, "Uploaded in one sitting: all the code arrived at once.",
            "Some people develop privately and publish a clean copy.",
            "How did this project evolve? What did the first working version look like?",
        )(signal)
    if weeks >= 12:
        return flag(Level.GREEN, f"Steady work: commits in {weeks} of the last 52 weeks.")(signal)
    return []


class History(RepoCheck):
    rule = Rule(5, _grade, _flags)
    examples = (Example({"a.py": "x = 1\n"}, None, note="a plain directory has no history"),)

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        repo = fold.repo
        commits = repo.git.commits if repo.git is not None else ()
        if not commits:
            reason = "Not a git repository" if repo.git is None else "No commits yet"
            return cls.signal(None, f"{reason}: no history to measure.")
        humans = human_commits(commits)
        first = min(c.authored_at for c in commits)
        last = max(c.committed_at for c in commits)
        weeks = {
            c.authored_at.isocalendar()[:2] for c in humans
            # a commit dated after the scan (clock skew, --now earlier today) is recent, not ignored
            if (repo.now - c.authored_at).days < 365
        }
        months = Counter(f"{c.authored_at:%Y-%m}" for c in commits)
        contributors = len(people(humans))  # the same people as authorship counts
        later = code_after_first(repo)
        sitting = len(commits) > DUMP_MAX_COMMITS and later == 0
        dump = len(repo.files) >= DUMP_MIN_FILES and (len(commits) <= DUMP_MAX_COMMITS or sitting)
        summary = (
            f"{len(commits):,} commit(s) from {first:%Y-%m-%d} to {last:%Y-%m-%d} by "
            f"{contributors} person(s); commits in {len(weeks)} of the last 52 weeks."
        )
        sentence, extra = first_commit(repo, fold.other_checks.get("tutorial_code"))
        summary += sentence
        if dump:
            summary += (" All the code arrived in the first commit; later ones touch no code."
                        if sitting else " The whole project arrived in one or two commits.")
        return cls.signal(
            len(commits), summary, first_commit=first.isoformat(), last_commit=last.isoformat(),
            human_commits=len(humans), bot_commits=len(commits) - len(humans),
            contributors=contributors, active_weeks_last_year=len(weeks), one_commit_dump=dump,
            commits_per_month=dict(sorted(months.items())),
            code_commits_after_first=later, details=extra,
        )
