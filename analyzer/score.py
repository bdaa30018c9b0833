"""The rubric: turns measurements into points and flags. It never reads files.

Each check has one ``Rule``: a weight, a grade (0..1) of its signal and the flags
its signal raises. A signal whose value is ``None`` does not apply and leaves the
denominator, so a plain directory is not punished for having no git history.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from analyzer.model import Signal


class Level(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


@dataclass(frozen=True, slots=True)
class Flag:
    level: Level
    check: str
    message: str
    caveat: str = ""
    question: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    weight: float
    grade: Callable[[Signal], float]
    flags: Callable[[Signal], list[Flag]] = lambda signal: []


@dataclass(frozen=True, slots=True)
class Score:
    total: int
    contributions: Mapping[str, float | None]
    flags: tuple[Flag, ...]
    verdict: str


def _value(signal: Signal) -> float:
    return signal.value or 0.0


def _saturate(full_at: float) -> Callable[[Signal], float]:
    return lambda signal: min(1.0, _value(signal) / full_at)


def _detail(signal: Signal, key: str, default: float = 0.0) -> float:
    value = signal.details.get(key, default)
    return float(value) if isinstance(value, int | float) else default


def _grade_tests(signal: Signal) -> float:
    if not signal.value:
        return 0.0
    # Full marks at one test per two production functions, or 30 tests, whichever is lower.
    target = min(30.0, max(3.0, _detail(signal, "production_functions") / 2))
    return min(1.0, signal.value / target)


def _grade_age(signal: Signal) -> float:
    days = _value(signal)
    for limit, grade in ((90, 1.0), (365, 0.8), (730, 0.5)):
        if days <= limit:
            return grade
    return 0.0


def _flag(level: Level, message: str, caveat: str = "", question: str = "") -> Callable[
    [Signal], list[Flag]
]:
    return lambda signal: [Flag(level, signal.check, message, caveat, question)]


def _when(
    test: Callable[[Signal], bool], *branches: Callable[[Signal], list[Flag]]
) -> Callable[[Signal], list[Flag]]:
    return lambda signal: [f for branch in branches for f in branch(signal)] if test(signal) else []


def _type_hint_flags(signal: Signal) -> list[Flag]:
    share = _value(signal)
    if share >= 0.8:
        return _flag(Level.GREEN, f"Typed code: {share:.0%} of functions have type hints.")(signal)
    if share < 0.2:
        return _flag(
            Level.YELLOW, f"Mostly untyped code: {share:.0%} of functions have type hints.",
            "Untyped code is common in scripts, notebooks and older projects.",
            "Do you use type hints at work, and which type checker?",
        )(signal)
    return []


def _readme_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return _flag(
            Level.RED, "No README.", "Some people document elsewhere (a wiki, a site).",
            "How would a new colleague learn to run this project?",
        )(signal)
    if _value(signal) < 30:
        return _flag(Level.YELLOW, "README is a stub (under 30 words).")(signal)
    return []


def _complexity_flags(signal: Signal) -> list[Flag]:
    ranks = signal.details.get("ranks")
    tangled = sum(ranks.get(r, 0) for r in "EF") if isinstance(ranks, dict) else 0
    if tangled:
        return _flag(
            Level.YELLOW, f"{tangled} function(s) with cyclomatic complexity over 30 (rank E/F).",
            "Parsers and state machines are branchy by nature.",
            "Walk me through your most complex function: how would you test or split it?",
        )(signal)
    return []


def _hygiene_flags(signal: Signal) -> list[Flag]:
    flags = []
    if signal.details.get("secrets"):
        flags += _flag(
            Level.RED, "Secret-looking values committed in a .env file (see evidence).",
            "The value may be a harmless local default; the scan never prints it.",
            "How do you keep passwords and API keys out of a repository?",
        )(signal)
    if signal.details.get("trees") or signal.details.get("bytecode_files"):
        flags += _flag(
            Level.YELLOW, "Committed clutter: virtualenv, bytecode or build output.",
            "Often a one-off accident early in someone's learning.",
            "What belongs in a .gitignore for a Python project, and why?",
        )(signal)
    return flags


def _grade_history(signal: Signal) -> float:
    # Half for a real history (30 commits), half for steady recent work (12 active weeks).
    return min(1.0, _value(signal) / 30) / 2 + min(
        1.0, _detail(signal, "active_weeks_last_year") / 12) / 2


def _history_flags(signal: Signal) -> list[Flag]:
    weeks = int(_detail(signal, "active_weeks_last_year"))
    if signal.details.get("one_commit_dump") is True:
        return _flag(
            Level.YELLOW, "The whole project arrived in one or two commits.",
            "Some people develop privately and publish a clean copy.",
            "How did this project evolve? What did the first working version look like?",
        )(signal)
    if weeks >= 12:
        return _flag(Level.GREEN, f"Steady work: commits in {weeks} of the last 52 weeks.")(signal)
    return []


def _authorship_flags(signal: Signal) -> list[Flag]:
    share = _value(signal)
    if share < 0.1:
        return _flag(
            Level.RED, f"The candidate wrote little of this code ({share:.0%} of the lines).",
            "They may have used another email address, or worked by pair programming.",
            "Which parts of this project did you write yourself?",
        )(signal)
    if share >= 0.5:
        return _flag(Level.GREEN, f"Mostly the candidate's own code ({share:.0%}).")(signal)
    return []


RUBRIC: Mapping[str, Rule] = {
    "type_hints": Rule(20, _value, _type_hint_flags),
    "match_statements": Rule(4, _saturate(1), _when(
        lambda s: _value(s) > 0, _flag(Level.GREEN, "Uses structural pattern matching (3.10+)."),
    )),
    "async_code": Rule(6, _saturate(3), _when(
        lambda s: _value(s) > 0, _flag(Level.GREEN, "Writes asynchronous code (async/await)."),
    )),
    "tests": Rule(25, _grade_tests, _when(
        lambda s: not s.value, _flag(
            Level.RED, "No tests found.",
            "Tests may live elsewhere, or the project may be a one-off script.",
            "How do you test your code? Show me a test you are proud of.",
        ),
    )),
    "readme": Rule(15, _saturate(150), _readme_flags),
    "last_commit": Rule(15, _grade_age, _when(
        lambda s: _value(s) > 730, _flag(
            Level.RED, "Last commit over 2 years ago.",
            "Finished projects need no commits, and most paid work is private.",
            "What have you been building recently?",
        ),
    )),
    # Simple functions earn credit only once there are enough of them to mean something.
    "complexity": Rule(5, lambda s: _detail(s, "share_a_or_b") * min(
        1.0, _detail(s, "functions") / 10), _complexity_flags),
    # Code kept only in notebooks is rarely tested or reused: it earns less.
    "notebooks": Rule(3, lambda s: 1 - _value(s), _when(
        lambda s: s.details.get("notebooks_only") is True, _flag(
            Level.YELLOW, "All the Python is in notebooks: no package or module outside them.",
            "Notebooks are the normal tool for data analysis.",
            "How would you turn this analysis into code a colleague could reuse and test?",
        ),
    )),
    "hygiene": Rule(5, lambda s: max(0.0, 1 - _value(s) / 2), _hygiene_flags),
    "history": Rule(5, _grade_history, _history_flags),
    # Only applies with --author: how much of the code is the candidate's own.
    "authorship": Rule(5, _saturate(0.5), _authorship_flags),
}
DEFAULT_WEIGHT = 5.0


def verdict(total: int, flags: Sequence[Flag]) -> str:
    reds = sum(flag.level is Level.RED for flag in flags)
    if total >= 75 and not reds:
        return "Strong: modern, tested, documented Python."
    if total >= 50:
        return "Mixed: real engineering with gaps worth asking about."
    if total >= 25:
        return "Weak: little evidence of modern, maintained Python."
    return "Very weak: almost no evidence of production-quality Python."


def score(signals: Sequence[Signal], weights: Mapping[str, float] | None = None) -> Score:
    """Points per check (summing to the total), flags in signal order, and a verdict."""
    weights = weights or {}
    graded: dict[str, tuple[float, float] | None] = {}
    flags: list[Flag] = []
    for signal in signals:
        rule = RUBRIC.get(signal.check, Rule(DEFAULT_WEIGHT, lambda s: 0.0))
        weight = weights.get(signal.check, rule.weight)
        if signal.value is None or weight <= 0:
            graded[signal.check] = None
            continue
        graded[signal.check] = (weight, max(0.0, min(1.0, rule.grade(signal))))
        flags.extend(rule.flags(signal))
    denominator = sum(pair[0] for pair in graded.values() if pair is not None)
    contributions = {
        name: None if pair is None or not denominator
        else round(100 * pair[0] * pair[1] / denominator, 1)
        for name, pair in graded.items()
    }
    total = round(sum(points for points in contributions.values() if points is not None))
    return Score(total, contributions, tuple(flags), verdict(total, flags))
