"""Who wrote the code: the candidate's share of commits and surviving lines.

## What it measures
With `scan --author EMAIL_OR_NAME` (repeatable, for every address the candidate
used), the share of commits made by that person and the share of the surviving
lines of production Python files that `git blame -w` attributes to them; the
value is the line share (the commit share when no line could be blamed).
`.mailmap` is honoured; bots (dependabot, renovate, github-actions,
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
people. Someone who used an address not given with `--author` and not mapped in
`.mailmap` is counted as another person: ask which addresses they used.
"""

from collections import Counter

from analyzer.check import Check, Corpus
from analyzer.model import Signal
from checks._shared.people import human_commits, identity, is_bot, matches

TOP = 5


class Authorship(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        if repo.git is None:
            return cls.signal(None, "Not a git repository: no authors to measure.", authors=[])
        people = human_commits(repo.git.commits)
        if not people:
            return cls.signal(None, "No commits by people to attribute.", authors=[])
        counts = Counter(identity(c.author_name, c.author_email) for c in people)
        top = [{"author": who, "commits": n, "share": round(n / len(people), 4)}
               for who, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]]
        if not repo.authors:
            summary = (f"{len(counts)} author(s); {top[0]['author']} made {top[0]['share']:.0%} "
                       "of the commits. Pass --author to measure the candidate's share.")
            return cls.signal(None, summary, authors=top, contributors=len(counts))
        mine = [c for c in people if matches(c.author_name, c.author_email, repo.authors)]
        commit_share = round(len(mine) / len(people), 4)
        blame = repo.git.blame
        lines = [(n, e, k) for n, e, k in (blame.lines if blame else ()) if not is_bot(n, e)]
        total = sum(k for _, _, k in lines)
        written = sum(k for n, e, k in lines if matches(n, e, repo.authors))
        line_share = round(written / total, 4) if total else None
        who = ", ".join(repo.authors)
        summary = f"{who}: {commit_share:.0%} of the commits ({len(mine)} of {len(people)})"
        if line_share is not None:
            summary += f", {line_share:.0%} of the surviving lines ({written:,} of {total:,})"
        summary += "." if mine else f". No commit matches; the top author is {top[0]['author']}."
        skipped = list(blame.skipped) if blame else []
        if skipped:
            summary += f" {len(skipped)} file(s) not blamed (over the cap, or unreadable)."
        return cls.signal(
            line_share if line_share is not None else commit_share, summary,
            commit_share=commit_share, commits=len(mine), line_share=line_share,
            lines=written, total_lines=total, blamed_files=blame.files if blame else 0,
            skipped_files=skipped, authors=top, contributors=len(counts),
            matched=sorted({identity(c.author_name, c.author_email) for c in mine}),
        )
