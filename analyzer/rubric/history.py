"""Rules for history and red flags: recency, authorship, notebooks, clutter, tutorials."""

from analyzer.model import Signal
from analyzer.rules import Flag, Level, Rule, detail, flag, saturate, value, when


def _grade_age(signal: Signal) -> float:
    days = value(signal)
    for limit, grade in ((90, 1.0), (365, 0.8), (730, 0.5)):
        if days <= limit:
            return grade
    return 0.0


def _hygiene_flags(signal: Signal) -> list[Flag]:
    flags = []
    if signal.details.get("secrets"):
        flags += flag(
            Level.RED, "Secret-looking values committed in a .env file (see evidence).",
            "The value may be a harmless local default; the scan never prints it.",
            "How do you keep passwords and API keys out of a repository?",
        )(signal)
    if signal.details.get("trees") or signal.details.get("bytecode_files"):
        flags += flag(
            Level.YELLOW, "Committed clutter: virtualenv, bytecode or build output.",
            "Often a one-off accident early in someone's learning.",
            "What belongs in a .gitignore for a Python project, and why?",
        )(signal)
    return flags


def _grade_history(signal: Signal) -> float:
    # Half for a real history (30 commits), half for steady recent work (12 active weeks).
    return min(1.0, value(signal) / 30) / 2 + min(
        1.0, detail(signal, "active_weeks_last_year") / 12) / 2


def _history_flags(signal: Signal) -> list[Flag]:
    weeks = int(detail(signal, "active_weeks_last_year"))
    if signal.details.get("one_commit_dump") is True:
        return flag(
            Level.YELLOW, "The whole project arrived in one or two commits.",
            "Some people develop privately and publish a clean copy.",
            "How did this project evolve? What did the first working version look like?",
        )(signal)
    if weeks >= 12:
        return flag(Level.GREEN, f"Steady work: commits in {weeks} of the last 52 weeks.")(signal)
    return []


def _authorship_flags(signal: Signal) -> list[Flag]:
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


RULES: dict[str, Rule] = {
    "last_commit": Rule(15, _grade_age, when(
        lambda s: value(s) > 730, flag(
            Level.RED, "Last commit over 2 years ago.",
            "Finished projects need no commits, and most paid work is private.",
            "What have you been building recently?",
        ),
    )),
    "history": Rule(5, _grade_history, _history_flags),
    # Only applies with --author: how much of the code is the candidate's own.
    "authorship": Rule(5, saturate(0.5), _authorship_flags),
    # Code kept only in notebooks is rarely tested or reused: it earns less.
    "notebooks": Rule(3, lambda s: 1 - value(s), when(
        lambda s: s.details.get("notebooks_only") is True, flag(
            Level.YELLOW, "All the Python is in notebooks: no package or module outside them.",
            "Notebooks are the normal tool for data analysis.",
            "How would you turn this analysis into code a colleague could reuse and test?",
        ),
    )),
    "hygiene": Rule(5, lambda s: max(0.0, 1 - value(s) / 2), _hygiene_flags),
    "tutorial_code": Rule(5, lambda s: 0.0 if s.value else 1.0, when(
        lambda s: bool(s.value), flag(
            Level.YELLOW, "Contains code from a well-known tutorial.",
            "Everyone learns from tutorials; an extended tutorial app can still be real work.",
            "What did you add beyond the tutorial, and why?",
        ),
    )),
}
