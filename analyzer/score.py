"""Scoring: weights times grades, summed to 100, plus flags and a one-line verdict.

A signal whose value is ``None`` does not apply and leaves the denominator, so a
plain directory is not punished for having no git history. The rules themselves
live in ``analyzer.rubric``.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analyzer.model import Signal
from analyzer.rules import Flag, Level, Rule

__all__ = ["Flag", "Level", "Rule", "Score", "rules", "score", "verdict"]
INFORMATIVE = Rule(0, lambda signal: 0.0)  # a check that declares no rule scores nothing


def rules() -> dict[str, Rule]:
    """Each check's own rule, by check name."""
    from analyzer.registry import all_checks  # noqa: PLC0415 - scoring stays importable alone
    from analyzer.rubric import RUBRIC  # noqa: PLC0415 - transitional

    return {cls.name: cls.rule or RUBRIC.get(cls.name, INFORMATIVE) for cls in all_checks()}


@dataclass(frozen=True, slots=True)
class Score:
    total: int
    contributions: Mapping[str, float | None]
    flags: tuple[Flag, ...]
    verdict: str


def verdict(total: int, flags: Sequence[Flag]) -> str:
    reds = sum(flag.level is Level.RED for flag in flags)
    if total >= 75 and not reds:
        return "Strong: modern, tested, documented Python."
    if total >= 50:
        return "Mixed: real engineering with gaps worth asking about."
    if total >= 25:
        return "Weak: little evidence of modern, maintained Python."
    return "Very weak: almost no evidence of production-quality Python."


def score(
    signals: Sequence[Signal], weights: Mapping[str, float] | None = None,
    rulebook: Mapping[str, Rule] | None = None,
) -> Score:
    """Points per check (summing to the total), flags in signal order, and a verdict."""
    weights = weights or {}
    rulebook = rules() if rulebook is None else rulebook
    graded: dict[str, tuple[float, float] | None] = {}
    flags: list[Flag] = []
    for signal in signals:
        rule = rulebook.get(signal.check, INFORMATIVE)
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
