"""What a scan produced, in one value that every output format renders."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from analyzer.fit import RoleFit
from analyzer.model import Location, Signal
from analyzer.rules import Flag
from analyzer.score import Score


@dataclass(frozen=True, slots=True)
class Report:
    target: str
    commit: str | None
    scanned_at: datetime
    tool_version: str
    signals: tuple[Signal, ...]
    score: Score
    analysed_files: int
    python_files: int
    excluded: Mapping[str, str]
    unparsable: Mapping[str, str]
    # "path:line" -> ((line, text), ...): code at the evidence, for the HTML page only
    excerpts: Mapping[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    fit: RoleFit | None = None  # the role judged, how it was chosen, questions to ask

    def evidence_of(self, flag: Flag) -> tuple[Location, ...]:
        """Where ``flag`` is: its own location when it has one, else its signal's evidence."""
        if flag.at is not None:
            return (flag.at,)
        return next((s.evidence for s in self.signals if s.check == flag.check), ())

    @property
    def cannot_run(self) -> dict[str, str]:
        """Files with a syntax error CPython would raise (``line N, column M: ...``) or
        notebooks Jupyter cannot open."""
        return {path: why for path, why in self.unparsable.items() if _breaks(why)}

    @property
    def not_analysed(self) -> dict[str, str]:
        """Files we chose not to analyse: past our nesting limits, unreadable, timed out."""
        return {path: why for path, why in self.unparsable.items() if not _breaks(why)}


def _breaks(reason: str) -> bool:
    return reason.startswith(("line ", "not a valid notebook"))


def format_value(signal: Signal) -> str:
    """A value as a person reads it: the check's own display, else shares as
    percentages and counts as integers."""
    value = signal.value
    if signal.display is not None:
        return signal.display
    if value is None:
        return "n/a"
    if isinstance(value, float) and 0 <= value <= 1:
        return f"{value:.0%}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"
