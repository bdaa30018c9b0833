"""What tutorial_code reports about each matching source, and when its rule flags it."""

from typing import TypedDict, cast

from analyzer.api import Flag, Level, Signal, flag
from analyzer.originality.match import Match, coverage

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
    """Red at 50% coverage, yellow at 20% or a shared key or URL; names the source."""
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
