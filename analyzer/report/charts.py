"""The numbers behind the HTML report's charts, as plain data the template draws in SVG.

Bars are given as percentages of the chart's width, so the SVG scales to any
screen; labels stay HTML text, so they stay readable at phone width.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from analyzer.model import Signal
from analyzer.score import Score

MAX_MONTHS = 120  # ten years of columns; older months are summed into the first one


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    text: str  # the figure beside the bar, e.g. "11.4 of 13.0 points"
    track: float  # width of the whole bar (the maximum possible), percent of the chart
    fill: float  # width of the filled part, percent of the chart
    level: str  # green / yellow / red, for the fill colour


@dataclass(frozen=True, slots=True)
class Column:
    label: str  # "2026-03: 4 commits"
    x: float
    height: float  # percent of the chart's height


def _level(share: float) -> str:
    return "green" if share >= 0.75 else "yellow" if share >= 0.4 else "red"


def contributions(score: Score, titles: Mapping[str, str]) -> list[Bar]:
    """Points earned against points possible, per check that counted, biggest stake first."""
    widest = max(score.possible.values(), default=0.0)
    bars = []
    for check, possible in sorted(score.possible.items(), key=lambda item: (-item[1], item[0])):
        earned = score.contributions.get(check) or 0.0
        if not possible or not widest:
            continue
        bars.append(Bar(
            titles.get(check, check), f"{earned:.1f} of {possible:.1f} points",
            round(100 * possible / widest, 1), round(100 * earned / widest, 1),
            _level(earned / possible),
        ))
    return bars


def type_hints_by_folder(signals: tuple[Signal, ...]) -> list[Bar]:
    """Share of typed functions in each top-level folder, from the type_hints details."""
    folders = next((s.details.get("by_folder") for s in signals if s.check == "type_hints"), None)
    bars = []
    for folder, counts in (folders or {}).items() if isinstance(folders, Mapping) else ():
        typed, functions = int(counts.get("annotated", 0)), int(counts.get("functions", 0))
        if functions:
            name = "files at the top level" if folder == "." else f"{folder}/"
            bars.append(Bar(name, f"{typed:,} of {functions:,} functions", 100.0,
                            round(100 * typed / functions, 1), _level(typed / functions)))
    return bars


def _months(first: date, last: date) -> list[str]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def commits_per_month(signals: tuple[Signal, ...]) -> list[Column]:
    """One column per month from the first commit to the last, empty months included."""
    counts = next(
        (s.details.get("commits_per_month") for s in signals if s.check == "history"), None
    )
    if not isinstance(counts, Mapping) or not counts:
        return []
    keys = sorted(counts)
    try:
        first, last = (date.fromisoformat(f"{key}-01") for key in (keys[0], keys[-1]))
    except ValueError:
        return []
    months = _months(first, last)
    if len(months) > MAX_MONTHS:
        months = months[-MAX_MONTHS:]
    values = [int(counts.get(month, 0)) for month in months]
    values[0] += sum(int(n) for key, n in counts.items() if key < months[0])
    tallest = max(values) or 1
    width = 100 / len(months)
    return [
        Column(f"{month}: {count:,} commit{'' if count == 1 else 's'}",
               round(index * width, 2), round(100 * count / tallest, 1))
        for index, (month, count) in enumerate(zip(months, values, strict=True))
    ]
