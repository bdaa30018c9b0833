"""A kept report made for another ``--now``, brought to this scan's date.

A scan without ``--now`` has a new date every time, so the kept report
(``analyzer.reportcache``) is keyed by everything but the date, and holds beside the report
how to fold again the checks that read the date (``analyzer.dated.Redo``). Reusing it
folds only those checks, with the repository's history read again, then scores and quotes
the evidence again, exactly as a full scan does after its fold. Every other signal was
made without the date, from the same files, commits and options: it is the same.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from analyzer import codec
from analyzer.dated import Redo, StaleError, fold_again
from analyzer.model import Signal
from analyzer.report import Report
from analyzer.rules import Flag, Rule
from analyzer.walk import Found


@dataclass(frozen=True, slots=True)
class Graded:
    """A check's rule applied to its signal: scoring a signal that did not change again
    needs no rule, so not every check's module is imported to score a new date."""

    check: str
    weight: float
    grade: float | None  # None: the signal does not apply (its rule is never asked)
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class Kept:
    """What a kept row holds: the report, and (decoded once ``needs`` are imported) ``redo``."""

    report: Report
    date: str  # ``repr`` of the date it was made for (what the key held before it dropped it)
    needs: tuple[str, ...]  # the checks whose observations ``redo`` holds
    redo: str  # a ``codec`` payload: ``tuple[Redo, ...]``
    graded: tuple[Graded, ...] | None  # every signal's, unless a rule failed on one


def payload(report: Report, redo: tuple[Redo, ...]) -> bytes:
    """The row to keep; ``codec.InvalidError`` when something cannot be carried."""
    needs = sorted({item.check for item in redo}.union(*(item.others for item in redo)))
    return codec.dumps(Kept(report, repr(report.scanned_at), tuple(needs),
                            codec.dumps(redo).decode("ascii"), _graded(report.signals)))


def _graded(signals: Sequence[Signal]) -> tuple[Graded, ...] | None:
    from analyzer.score import INFORMATIVE, rules  # noqa: PLC0415  (every check is loaded)

    book, graded = rules(), []
    for signal in signals:
        rule = book.get(signal.check, INFORMATIVE)
        applies = signal.value is not None
        try:
            grade = rule.grade(signal) if applies else None
            flags = tuple(rule.flags(signal)) if applies else ()
        except Exception:  # a rule that fails where scoring never asks: all are imported
            return None
        graded.append(Graded(signal.check, rule.weight, grade, flags))
    return tuple(graded)


def _rulebook(kept: Kept, dated: Mapping[str, Any]) -> dict[str, Rule] | None:
    """The rules scoring needs: the kept outcome of each unchanged signal, the real rule
    of each folded again (``None``: every rule, from every check's module)."""
    if kept.graded is None:
        return None
    from analyzer.score import INFORMATIVE  # noqa: PLC0415

    book = {item.check: Rule(item.weight, _grade(item), _flags(item)) for item in kept.graded}
    return book | {name: cls.rule or INFORMATIVE for name, cls in dated.items()}


def _grade(item: Graded) -> Any:
    def grade(signal: Signal) -> float:
        if item.grade is None:
            raise StaleError(f"{item.check} applied")
        return item.grade
    return grade


def _flags(item: Graded) -> Any:
    return lambda signal: list(item.flags)


def reuse(row: bytes, target: str, found: Found, options: Mapping[str, Any]) -> Report | None:
    """``target``'s kept report for this scan's date and options, or ``None`` (scan again)."""
    import analyzer.fit  # noqa: F401, PLC0415  (the classes a report holds, for the codec)

    try:
        kept = codec.loads(row)
    except codec.InvalidError:
        return None
    if not isinstance(kept, Kept) or kept.report.target != target:
        return None
    if kept.date == repr(options["now"]):  # made for this very date: nothing to fold again
        return kept.report
    try:
        return _redated(kept, replace(kept.report, scanned_at=options["now"]), found, options)
    except (codec.InvalidError, StaleError, LookupError):
        return None


def _redated(kept: Kept, report: Report, found: Found, options: Mapping[str, Any]) -> Report:
    checks = _imported(kept.needs) if kept.needs else {}  # their classes, for the codec
    redo = codec.loads(kept.redo.encode("ascii"))
    if not isinstance(redo, tuple) or not all(isinstance(item, Redo) for item in redo):
        raise codec.InvalidError("not a tuple of Redo")
    if not redo:  # no check read the date: only ``scanned_at`` says when
        return report
    from analyzer.fit import judge  # noqa: PLC0415
    from analyzer.report.excerpts import collect  # noqa: PLC0415

    signals = {signal.check: signal for signal in report.signals}
    if len(signals) != len(report.signals) or not {i.check for i in redo} <= signals.keys():
        raise codec.InvalidError("the kept signals and checks differ")
    repo = found.complete()
    for item in redo:
        signals[item.check] = fold_again(checks[item.check], item, repo, report.unparsable)
    folded = tuple(signals.values())
    judged, fit = judge(folded, options["weights"], options["role"], options["rubric"],
                        options["rubric_source"],
                        rulebook=_rulebook(kept, {item.check: checks[item.check] for item in redo}))
    return replace(report, signals=folded, score=judged, fit=fit,
                   excerpts=collect(repo, folded))


def _imported(names: tuple[str, ...]) -> dict[str, Any]:
    """The check classes named (the registry's own names only: the row is untrusted)."""
    from analyzer.errors import ConfigError  # noqa: PLC0415
    from analyzer.registry import load  # noqa: PLC0415  (libcst, the checks: only when needed)

    try:
        return {name: load(name) for name in names}
    except ConfigError as error:
        raise StaleError(str(error)) from None
