"""Who is a person: bots that commit on their own are left out of authorship figures."""

from analyzer.repo import Commit

_BOT_MARKERS = ("[bot]", "dependabot", "renovate", "github-actions", "pre-commit-ci",
                "greenkeeper", "snyk-bot", "allcontributors")


def is_bot(name: str, email: str) -> bool:
    who = f"{name} {email}".lower()
    return any(marker in who for marker in _BOT_MARKERS)


def human_commits(commits: tuple[Commit, ...]) -> list[Commit]:
    return [c for c in commits if not is_bot(c.author_name, c.author_email)]


def identity(name: str, email: str) -> str:
    """One person per (mailmapped) email; the name for display."""
    return f"{name} <{email.lower()}>" if email else name


def matches(name: str, email: str, queries: tuple[str, ...]) -> bool:
    """True when the name or email equals one of ``queries`` (``Name <email>`` too), any case."""
    wanted = {q.rpartition("<")[2].rstrip(">").strip().casefold() for q in queries}
    return name.casefold() in wanted or email.casefold() in wanted
