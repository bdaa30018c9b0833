"""What tutorial_code reports about each matching source, and when its rule flags it."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict, cast

from analyzer.api import Flag, Level, Signal, flag

if TYPE_CHECKING:  # a fold's: the workers import this module for its rule alone
    from analyzer.originality.match import Match
    from checks.tutorial_code._history import Lineage

RED_AT, YELLOW_AT, REPORTED_AT = 0.5, 0.2, 0.05


class Literal(TypedDict):
    path: str
    line: int
    source_path: str
    source_line: int


class Found(TypedDict):
    source: str
    title: str
    url: str
    commit: str
    licence: str
    coverage: float
    lines: int
    of_lines: int
    longest: dict[str, object] | None
    literals: list[Literal]


def describe(match: Match, total: int) -> Found:
    from analyzer.originality.match import coverage  # noqa: PLC0415  (see the imports)

    entry, longest = match.entry, match.longest()
    return {
        "source": entry.name, "title": entry.title, "url": entry.url, "commit": entry.commit,
        "licence": entry.licence, "coverage": round(coverage(match, total), 3),
        "lines": match.lines(), "of_lines": total,
        "longest": None if longest is None else {
            "path": longest.path, "lines": [longest.first, longest.last],
            "source_path": longest.source_path,
            "source_lines": [longest.source_first, longest.source_last],
        },
        "literals": [{"path": p, "line": n, "source_path": sp, "source_line": sn}
                     for p, n, sp, sn in match.literals],
    }


def flags(signal: Signal) -> list[Flag]:
    """Red at 50% coverage, yellow at 20% or a shared key or URL; names the source.
    A source in the repository's own history is judged by what lies beyond it."""
    lineage = [_lineage_flag(signal.check, found) for found in _lineages(signal)]
    return [f for f in lineage if f is not None] + _copy_flags(signal)


def _copy_flags(signal: Signal) -> list[Flag]:
    matches = cast("list[Found]", signal.details.get("matches") or [])
    if not matches:
        return []
    top = matches[0]
    share = top["coverage"]
    if share < YELLOW_AT and not top["literals"]:
        return []
    message = (f"{share:.0%} of the code matches {top['title']}." if share >= YELLOW_AT else
               f"Shares a secret key or API URL with {top['title']}.")
    return flag(
        Level.RED if share >= RED_AT else Level.YELLOW, message,
        "Everyone learns from tutorials; an extended tutorial app can still be real work.",
        "What did you add beyond the tutorial, and why?",
    )(signal)


def _lineages(signal: Signal) -> list[Lineage]:
    return cast("list[Lineage]", signal.details.get("lineage") or [])[:1]


def _lineage_flag(check: str, found: Lineage) -> Flag | None:
    """The source's own repository or a fork: never red as a copy. Red only when --author
    names a candidate with no commit in it at all; yellow when nothing is beyond the source
    (only its authors can claim it) or when the source is still much of the code."""
    title, share = found["title"], found["coverage"]
    if found["candidate_in_source"]:
        return None  # the candidate is one of the project's authors
    if found["candidate_beyond"] == 0:
        return Flag(Level.RED, check,
                    f"A fork of {title} with no commits of the candidate's own.",
                    "A fork shows interest, not work; their own projects may be elsewhere.",
                    "Which of this repository's commits are yours?")
    if found["reaches_source"] and found["commits_beyond"] == 0:
        return Flag(Level.YELLOW, check,
                    f"This is {title} itself, or a fork with nothing added: "
                    "only its authors can claim its code.",
                    "Harmless if the candidate is one of its authors (scan with --author).",
                    f"What was your part in {title}?")
    if share < YELLOW_AT:
        return None
    return Flag(Level.YELLOW, check,
                f"A fork of {title}: {share:.0%} of the code is still the project's; "
                f"{found['commits_beyond']} commit(s) go beyond it.",
                "The commits beyond the project show what was added: read them.",
                f"What did you add to {title}, and why?")
