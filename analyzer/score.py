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


_BAND_GRADES = {"modern": 1.0, "common": 0.6, "legacy": 0.2}


def _grade_version(signal: Signal) -> float:
    if signal.details.get("python2_files"):
        return 0.0
    return _BAND_GRADES.get(str(signal.details.get("band")), 0.0)


def _version_flags(signal: Signal) -> list[Flag]:
    flags = []
    minimum = signal.details.get("minimum")
    if signal.details.get("band") == "modern" and not signal.details.get("python2_files"):
        flags += _flag(Level.GREEN, "Targets modern Python (3.10 or newer).")(signal)
    declared = signal.details.get("declared")
    if signal.details.get("agrees") is False and isinstance(declared, Mapping):
        lowest = declared.get("lowest")
        flags += _flag(
            Level.YELLOW, f"Code needs Python {minimum} but the project declares {lowest}.",
            "Often a forgotten requires-python bump, not a broken release.",
            "Which Python versions does this project support, and how do you check that?",
        )(signal)
    return flags


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
    "python_version": Rule(8, _grade_version, _version_flags),
    "python2_idioms": Rule(5, lambda s: 0.0 if _value(s) > 0 else 1.0, _when(
        lambda s: _value(s) > 0, _flag(
            Level.RED, "Python 2-only code.",
            "It may be a historic project kept as it was; Python 2 ended in 2020.",
            "Have you ported code from Python 2 to 3? What changed?",
        ),
    )),
    "last_commit": Rule(15, _grade_age, _when(
        lambda s: _value(s) > 730, _flag(
            Level.RED, "Last commit over 2 years ago.",
            "Finished projects need no commits, and most paid work is private.",
            "What have you been building recently?",
        ),
    )),
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
