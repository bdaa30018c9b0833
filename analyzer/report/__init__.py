"""What a scan produced, in one value that every output format renders."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from analyzer.fit import RoleFit
from analyzer.model import Signal
from analyzer.score import Score

SCHEMA = "modernity/1"


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


def cannot_run(reason: str) -> bool:
    """A syntax error CPython would raise (``line N, column M: ...``) or a notebook Jupyter
    cannot open, as opposed to a file we chose not to analyse: nested past our limits,
    unreadable, past the time limit."""
    return reason.startswith(("line ", "not a valid notebook"))


def split_failures(failures: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(files that cannot run, files not analysed) from the engine's failures."""
    broken = {path: why for path, why in failures.items() if cannot_run(why)}
    return broken, {path: why for path, why in failures.items() if path not in broken}


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
