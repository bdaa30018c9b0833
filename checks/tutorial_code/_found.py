"""What tutorial_code found, sorted: copies, partial matches, and sources in the repo's history."""

from dataclasses import dataclass

from analyzer.api import Location, Repo
from analyzer.originality.match import Match, coverage
from checks.tutorial_code._history import Lineage, lineage
from checks.tutorial_code._history import summary as history_summary
from checks.tutorial_code._report import REPORTED_AT, YELLOW_AT, describe

SHOWN = 5
# Below a copy, a few lines in common are what any two programs of one kind share (a loop
# over a dict, a CORS set-up): 4 to 12 such lines named Airflow and psutil scripts
# "matches nanoGPT". A partial match needs this many lines of its own.
PARTIAL_LINES = 20


@dataclass(frozen=True)
class Found:
    total: int  # the candidate's code lines
    copies: list[tuple[Match, float]]  # sources not in the repository's own history
    own: list[Lineage]  # sources whose root commit is in it
    own_matches: list[Match]  # their matches: the evidence of what the source still covers

    @property
    def matches(self) -> list[Match]:
        """Called a copy: 20% or more of the code, or a shared key or URL."""
        return [m for m, share in self.copies if share >= YELLOW_AT or m.literals][:SHOWN]

    @property
    def partial(self) -> list[Match]:
        """Shown, not called a copy: 5% to 20% and nothing distinctive shared."""
        return [m for m, share in self.copies if share < YELLOW_AT and not m.literals][:SHOWN]

    def top(self) -> float:
        # Code in a source's own history is no copy: the value is the closest other source.
        return round(max((share for _, share in self.copies), default=0.0), 3)

    def evidence(self) -> tuple[Location, ...]:
        fragments = tuple(Location(f.path, f.first)
                          for m in self.own_matches[:1] + self.matches + self.partial
                          if (f := m.longest()) is not None)
        literals = tuple(Location(p, n) for m in self.matches for p, n, _, _ in m.literals[:3])
        return tuple(dict.fromkeys(fragments + literals))

    def summary(self) -> str:
        parts = [history_summary(self.own[0])] if self.own else []
        if self.matches or self.partial:
            first = (self.matches or self.partial)[0]
            parts.append(f"{coverage(first, self.total):.0%} of the code ({first.lines()} of "
                         f"{self.total} lines) matches {first.entry.title}"
                         + ("." if self.matches else
                            f", below the {YELLOW_AT:.0%} that makes a copy."))
        elif not self.own:
            parts.append("No code from a known tutorial, course or starter found.")
        return " ".join(parts)

    def details(self) -> dict[str, object]:
        # partial and lineage appear only when present: other reports keep their shape.
        details: dict[str, object] = {"matches": [describe(m, self.total) for m in self.matches]}
        if self.partial:
            details["partial"] = [describe(m, self.total) for m in self.partial]
        if self.own:
            details["lineage"] = self.own
        return details


def sort(repo: Repo, matches: list[Match], total: int) -> Found:
    shown = [(m, share) for m in matches if _shown(m, share := coverage(m, total))]
    lines = [(m, share, lineage(repo, m.entry, share)) for m, share in shown]
    return Found(total, [(m, share) for m, share, line in lines if line is None],
                 [line for _, _, line in lines if line is not None],
                 [m for m, _, line in lines if line is not None])


def _shown(match: Match, share: float) -> bool:
    return bool(match.literals) or share >= YELLOW_AT or (
        share >= REPORTED_AT and match.lines() >= PARTIAL_LINES)
