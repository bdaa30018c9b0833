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


def _idiom_flags(signal: Signal) -> list[Flag]:
    share, flags = signal.value, []
    old = _detail(signal, "percent_format") + _detail(signal, "format_calls")
    if share is not None and share >= 0.8 and _detail(signal, "f_strings") >= 5:
        flags += _flag(Level.GREEN, f"Formats strings with f-strings ({share:.0%}).")(signal)
    elif share is not None and share < 0.3 and old >= 10:
        flags += _flag(
            Level.YELLOW, f"Mostly old-style string formatting: {old:.0f} % or .format uses.",
            "Code that still supports Python 2 or 3.5 cannot use f-strings.",
            "Which string formatting do you use today, and why?",
        )(signal)
    if _detail(signal, "print_calls") >= 5 and not _detail(signal, "logging_calls"):
        flags += _flag(
            Level.YELLOW, "Library code reports with print(), not logging.",
            "Command-line tools print by design; scripts and __main__ files are not counted.",
            "How would you find out what this code did in production last night?",
        )(signal)
    return flags


def _readme_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return _flag(
            Level.RED, "No README.", "Some people document elsewhere (a wiki, a site).",
            "How would a new colleague learn to run this project?",
        )(signal)
    if signal.details.get("stub", _value(signal) < 30):
        return _flag(
            Level.YELLOW, "README is a stub (under 30 words).",
            "A small tool may need little explanation.",
            "How would someone install and use this?",
        )(signal)
    return []


def _grade_docs(signal: Signal) -> float:
    site = bool(signal.details.get("sphinx") or signal.details.get("mkdocs")
                or signal.details.get("docs_folders"))
    return 0.7 * _value(signal) + 0.3 * site


def _docs_flags(signal: Signal) -> list[Flag]:
    share = _value(signal)
    if share >= 0.8:
        return _flag(Level.GREEN, f"Documented code: {share:.0%} of public code has docstrings.")(
            signal)
    if share < 0.2:
        return _flag(
            Level.YELLOW, f"Few docstrings: {share:.0%} of public code has one.",
            "Applications and scripts often rely on clear names instead.",
            "How do you document code that others will call?",
        )(signal)
    return []


def _packaging_flags(signal: Signal) -> list[Flag]:
    if signal.value == 2:
        return _flag(Level.GREEN, "Modern packaging: dependencies declared in pyproject.toml.")(
            signal)
    if not signal.value:
        return _flag(
            Level.YELLOW, "No packaging or dependency list.",
            "A script using only the standard library needs none.",
            "How would someone install what this project needs?",
        )(signal)
    return []


def _tooling_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return _flag(
            Level.YELLOW, "No linter, formatter or type checker configured.",
            "Many people run these tools from their editor without committing a config.",
            "Which linters or type checkers do you use, and how?",
        )(signal)
    if signal.details.get("mypy_strict") or signal.details.get("pyright_mode") == "strict":
        return _flag(Level.GREEN, "Strict type checking is configured.")(signal)
    return []


def _grade_ci(signal: Signal) -> float:
    if not signal.value:
        return 0.0
    grade = 1.0 if signal.details.get("runs_tests") else 0.6
    return grade / 2 if signal.details.get("legacy_only") else grade


def _ci_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return _flag(
            Level.YELLOW, "No continuous integration.",
            "Personal projects often skip it, and company builds run on private servers.",
            "How are your changes tested before they are merged at work?",
        )(signal)
    if signal.details.get("legacy_only"):
        return _flag(
            Level.YELLOW, "CI only on a legacy service (Travis CI or AppVeyor).",
            "It may have worked when the project was active.",
            "What CI do you use today?",
        )(signal)
    if signal.details.get("runs_tests"):
        return _flag(Level.GREEN, "CI runs the tests on every change.")(signal)
    return []


def _framework_flags(signal: Signal) -> list[Flag]:
    used = signal.details.get("frameworks")
    shallow = signal.details.get("shallow")
    primary = signal.details.get("primary_archetype")
    if not isinstance(used, list) or not isinstance(shallow, list) or not primary:
        return []
    names = ", ".join(f"{u['name']} in {u['files']} file(s)" for u in used[:3])
    flags = [Flag(Level.GREEN, signal.check, f"Profile: {primary}; {names}.")]
    if len(used) >= 4 and len(shallow) * 3 >= len(used) * 2:
        flags.append(Flag(
            Level.YELLOW, signal.check,
            f"Many frameworks, mostly shallow: {len(shallow)} of {len(used)} appear in one file.",
            "Experiments and tutorials leave single imports; that is not a lack of depth.",
            "Which of these frameworks have you used in production, and for what?",
        ))
    return flags


RUBRIC: Mapping[str, Rule] = {
    "type_hints": Rule(20, _value, _type_hint_flags),
    "match_statements": Rule(4, _saturate(1), _when(
        lambda s: _value(s) > 0, _flag(Level.GREEN, "Uses structural pattern matching (3.10+)."),
    )),
    "idioms": Rule(6, _value, _idiom_flags),
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
    # Skills describe the role, not quality: informative flags, no points.
    "frameworks": Rule(0, lambda s: 0.0, _framework_flags),
    "tutorial_code": Rule(5, lambda s: 0.0 if s.value else 1.0, _when(
        lambda s: bool(s.value), _flag(
            Level.YELLOW, "Contains code from a well-known tutorial.",
            "Everyone learns from tutorials; an extended tutorial app can still be real work.",
            "What did you add beyond the tutorial, and why?",
        ),
    )),
    "docs": Rule(6, _grade_docs, _docs_flags),
    "packaging": Rule(8, lambda s: _value(s) / 2, _packaging_flags),
    "tooling": Rule(8, _saturate(3), _tooling_flags),
    "ci": Rule(8, _grade_ci, _ci_flags),
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
        if signal.value is None:
            graded[signal.check] = None
            continue
        flags.extend(rule.flags(signal))  # a check weighted 0 still informs, it just scores nothing
        graded[signal.check] = (
            None if weight <= 0 else (weight, max(0.0, min(1.0, rule.grade(signal))))
        )
    denominator = sum(pair[0] for pair in graded.values() if pair is not None)
    contributions = {
        name: None if pair is None or not denominator
        else round(100 * pair[0] * pair[1] / denominator, 1)
        for name, pair in graded.items()
    }
    total = round(sum(points for points in contributions.values() if points is not None))
    return Score(total, contributions, tuple(flags), verdict(total, flags))
