"""The vocabulary of rules: levels, flags, rules and small grading helpers."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from analyzer.model import Location, Signal


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
    # Where this flag's own evidence is, when its check raises several about different
    # files; else its signal's first evidence is. Not in the JSON flag (schema modernity/1):
    # questions and annotations carry it as their location.
    at: Location | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    weight: float
    grade: Callable[[Signal], float]
    flags: Callable[[Signal], list[Flag]] = lambda signal: []


def value(signal: Signal) -> float:
    return signal.value or 0.0


def saturate(full_at: float) -> Callable[[Signal], float]:
    return lambda signal: min(1.0, value(signal) / full_at)


def detail(signal: Signal, key: str, default: float = 0.0) -> float:
    value = signal.details.get(key, default)
    return float(value) if isinstance(value, int | float) else default


def flag(
    level: Level, message: str, caveat: str = "", question: str = "",
    at: Location | None = None,
) -> Callable[[Signal], list[Flag]]:
    return lambda signal: [Flag(level, signal.check, message, caveat, question, at)]


def when(
    test: Callable[[Signal], bool], *branches: Callable[[Signal], list[Flag]]
) -> Callable[[Signal], list[Flag]]:
    return lambda signal: [f for branch in branches for f in branch(signal)] if test(signal) else []


@dataclass(frozen=True, slots=True)
class Rubric:
    """How one role is judged: weight and flag-level overrides by check name, grade thresholds.

    A check's own ``rule`` stays its default; a rubric only overrides. A level mapped to
    ``None`` drops that flag (notebooks are normal for a data scientist).
    """

    name: str = "general"
    title: str = "general Python"
    weights: Mapping[str, float] = field(default_factory=dict)
    why: Mapping[str, str] = field(default_factory=dict)  # why each weight moved, by check
    levels: Mapping[str, Mapping[Level, Level | None]] = field(default_factory=dict)
    thresholds: tuple[int, int, int] = (75, 50, 25)  # strong, mixed, weak
    focus: tuple[str, ...] = ()  # checks in the order the role's interview asks about them
    questions: tuple[tuple[str, str], ...] = ()  # (check, question) the user added
