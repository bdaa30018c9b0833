"""Scoring: weights times grades, summed to 100, plus flags and a one-line verdict.

A signal whose value is ``None`` does not apply and leaves the denominator, so a
plain directory is not punished for having no git history. The rules themselves
live beside each check (its ``rule``).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from analyzer.model import Signal
from analyzer.rules import Flag, Level, Rubric, Rule

__all__ = ["Flag", "Level", "Rubric", "Rule", "Score", "rules", "score", "verdict"]
GENERAL = Rubric()
INFORMATIVE = Rule(0, lambda signal: 0.0)  # a check that declares no rule scores nothing


def rules() -> dict[str, Rule]:
    """Each check's own rule, by check name."""
    from analyzer.registry import all_checks  # noqa: PLC0415 - scoring stays importable alone
    return {cls.name: cls.rule or INFORMATIVE for cls in all_checks()}


@dataclass(frozen=True, slots=True)
class Score:
    total: int
    contributions: Mapping[str, float | None]
    flags: tuple[Flag, ...]
    verdict: str


def verdict(
    total: int, flags: Sequence[Flag], thresholds: tuple[int, int, int] = (75, 50, 25),
) -> str:
    reds = sum(flag.level is Level.RED for flag in flags)
    strong, mixed, weak = thresholds
    if total >= strong and not reds:
        return "Strong: modern, tested, documented Python."
    if total >= mixed:
        return "Mixed: real engineering with gaps worth asking about."
    if total >= weak:
        return "Weak: little evidence of modern, maintained Python."
    return "Very weak: almost no evidence of production-quality Python."


def score(
    signals: Sequence[Signal], weights: Mapping[str, float] | None = None,
    rulebook: Mapping[str, Rule] | None = None, rubric: Rubric = GENERAL,
) -> Score:
    """Points per check (summing to the total), flags in signal order, and a verdict.

    ``rubric`` is the role being judged (an input, never read from a file here); explicit
    ``weights`` override it, as it overrides each check's own rule.
    """
    weights = {**rubric.weights, **(weights or {})}
    rulebook = rules() if rulebook is None else rulebook
    graded: dict[str, tuple[float, float] | None] = {}
    flags: list[Flag] = []
    for signal in signals:
        rule = rulebook.get(signal.check, INFORMATIVE)
        weight = weights.get(signal.check, rule.weight)
        if signal.value is None:
            graded[signal.check] = None
            continue
        flags.extend(_relevel(rule.flags(signal), rubric))  # weight 0 still informs
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
    return Score(total, contributions, tuple(flags), verdict(total, flags, rubric.thresholds))


def _relevel(flags: list[Flag], rubric: Rubric) -> list[Flag]:
    """The role's level for each flag; a level mapped to None is dropped for this role."""
    moved = [(f, rubric.levels.get(f.check, {}).get(f.level, f.level)) for f in flags]
    return [replace(f, level=level) for f, level in moved if level is not None]
