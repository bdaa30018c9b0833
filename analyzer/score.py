"""Scoring: weights times grades, summed to 100, plus flags and a one-line verdict.

A signal whose value is ``None`` does not apply and leaves the denominator, so a
plain directory is not punished for having no git history. The rules themselves
live beside each check (its ``rule``).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

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
    possible: Mapping[str, float] = field(default_factory=dict)  # a check's points at full marks


_BANDS = ((75, "Strong"), (50, "Mixed"), (25, "Weak"), (0, "Very weak"))
_NAMES = frozenset({"Python", "Jupyter", "Django", "Flask", "FastAPI", "GitHub", "PEP"})


def _plain(message: str) -> str:
    """A flag's sentence as a clause: no full stop, lower case unless it starts with a name."""
    text = message.strip().rstrip(".")
    word = text.split(" ", 1)[0].rstrip(":,;")
    lower = len(word) > 1 and word[1:].islower() and word not in _NAMES
    return text[0].lower() + text[1:] if lower else text


def verdict(
    total: int, flags: Sequence[Flag], weights: Mapping[str, float] | None = None,
    thresholds: tuple[int, int, int] = (75, 50, 25),
) -> str:
    """The band and the two or three strongest reasons for it, taken from the flags shown.

    Reasons are the flags themselves (red before yellow, heavier checks first; with
    ``weights``, only flags of checks that score), so the verdict can never say the
    opposite of a flag beside it; "Strong" needs no red flag.
    """
    floors = (*thresholds, 0)  # a role's rubric may move the bands (data science: 70, 45, 20)
    band = next(name for floor, (_, name) in zip(floors, _BANDS, strict=True) if total >= floor)
    if band == "Strong" and any(flag.level is Level.RED for flag in flags):
        band = "Mixed"
    weight = (weights or {}).get
    if weights is not None:  # a check that scores nothing (a profile, say) is no reason
        flags = [flag for flag in flags if weight(flag.check, 0) > 0]
    good = sorted((f for f in flags if f.level is Level.GREEN), key=lambda f: -weight(f.check, 0))
    bad = sorted((f for f in flags if f.level is not Level.GREEN),
                 key=lambda f: (f.level is not Level.RED, -weight(f.check, 0)))
    high = total >= thresholds[1]
    first, then, label = (good, bad, "To ask about") if high else (bad, good, "In its favour")
    if not first:
        first, then = then, []
    if not first:
        return f"{band}: no single check stands out; see the details below."
    said = f"{band}: {'; '.join(_plain(f.message) for f in first[:2])}."
    if then:
        said += f" {label}: {_plain(then[0].message)}."
    return said


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
    possible = {
        name: round(100 * pair[0] / denominator, 1)
        for name, pair in graded.items() if pair is not None and denominator
    }
    weights_used = {name: pair[0] for name, pair in graded.items() if pair is not None}
    return Score(
        total, contributions, tuple(flags),
        verdict(total, flags, weights_used, rubric.thresholds), possible,
    )


def _relevel(flags: list[Flag], rubric: Rubric) -> list[Flag]:
    """The role's level for each flag; a level mapped to None is dropped for this role."""
    moved = [(f, rubric.levels.get(f.check, {}).get(f.level, f.level)) for f in flags]
    return [replace(f, level=level) for f, level in moved if level is not None]
