"""How much of a candidate's code each known source covers, with the longest shared fragment.

Coverage is the share of the candidate's code lines (lines carrying a token) that
lie in a fingerprint shared with the source. Fingerprints present in more than
``COMMON`` sources are everyone's (a framework's idiom, not a tutorial's) and
never count.
"""

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from analyzer.originality.corpus import Entry
from analyzer.originality.shape import Shape

COMMON = 3
# An isolated shared fingerprint is often a coincidence of common idioms: a match needs
# at least this many fingerprints in a row (about k + 2w tokens, three or four lines).
MIN_RUN = 2
# Up to this many unmatched code lines between matched ones (dead code, a renamed call
# split differently) count as part of the copy.
GAP = 2
Place = tuple[int, int, int, int]  # entry index, file index, first line, last line
Hit = tuple[int, int, int, Place]  # fingerprint position, first line, last line, place


@dataclass(frozen=True, slots=True)
class Fragment:
    path: str
    first: int
    last: int
    source_path: str
    source_first: int
    source_last: int
    lines: int  # candidate code lines in the fragment


@dataclass(slots=True)
class Match:
    entry: Entry
    covered: dict[str, set[int]] = field(default_factory=dict)
    fragments: list[Fragment] = field(default_factory=list)
    literals: list[tuple[str, int, str, int]] = field(default_factory=list)

    def lines(self) -> int:
        return sum(len(lines) for lines in self.covered.values())

    def longest(self) -> Fragment | None:
        return max(self.fragments, key=lambda f: (f.lines, -f.first), default=None)


class Index:
    """Every source's fingerprints and literals by hash, common ones left out."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = tuple(entries)
        self.places: dict[int, list[Place]] = defaultdict(list)
        self.literal_places: dict[int, list[Place]] = defaultdict(list)
        for e, entry in enumerate(self.entries):
            for f, source in enumerate(entry.files):
                for fp in source.fingerprints:
                    self.places[fp.hash].append((e, f, fp.first, fp.last))
                for digest, line in source.literals:
                    self.literal_places[digest].append((e, f, line, line))
        for table in (self.places, self.literal_places):
            for digest in [d for d, where in table.items() if _sources(where) > COMMON]:
                del table[digest]

    def matches(self, files: Mapping[str, Shape]) -> list[Match]:
        found: dict[int, Match] = {}
        for path, shape in sorted(files.items()):
            hits: dict[int, list[Hit]] = defaultdict(list)
            for position, fp in enumerate(shape.fingerprints):
                for place in self.places.get(fp.hash, ()):
                    hits[place[0]].append((position, fp.first, fp.last, place))
            for e, entry_hits in sorted(hits.items()):
                runs = [run for run in _runs(entry_hits) if len({h[0] for h in run}) >= MIN_RUN]
                if not runs:
                    continue
                match = found.setdefault(e, Match(self.entries[e]))
                covered = match.covered.setdefault(path, set())
                for run in runs:
                    fragment = _fragment(path, shape, self.entries[e], run)
                    covered.update(line for line in range(fragment.first, fragment.last + 1)
                                   if line in shape.lines)
                    match.fragments.append(fragment)
            for e in hits:
                if e in found and path in found[e].covered:
                    _fill_gaps(found[e].covered[path], shape.lines)
            for digest, line in shape.literals:
                for e, f, source_line, _ in self.literal_places.get(digest, ()):
                    match = found.setdefault(e, Match(self.entries[e]))
                    if all(known[:2] != (path, line) for known in match.literals):
                        match.literals.append(
                            (path, line, self.entries[e].files[f].path, source_line))
        return sorted(found.values(), key=lambda m: (-m.lines(), m.entry.name))


def _fill_gaps(covered: set[int], code: frozenset[int]) -> None:
    """A few uncovered code lines between covered ones are inserted noise: count them."""
    ordered = sorted(line for line in code)
    marks = [line in covered for line in ordered]
    last = None
    for i, mark in enumerate(marks):
        if mark:
            if last is not None and 0 < i - last - 1 <= GAP:
                covered.update(ordered[last + 1:i])
            last = i


def _sources(places: list[Place]) -> int:
    return len({place[0] for place in places})


def _runs(hits: list[Hit]) -> list[list[Hit]]:
    """Consecutive matching fingerprints (one unmatched fingerprint between is allowed)."""
    runs: list[list[Hit]] = []
    for hit in sorted(hits):
        if runs and hit[0] - runs[-1][-1][0] <= 2:
            runs[-1].append(hit)
        else:
            runs.append([hit])
    return runs


def _fragment(path: str, shape: Shape, entry: Entry, run: list[Hit]) -> Fragment:
    first, last = shape.lines_of_run(run[0][0], run[-1][0])
    source_file = Counter(h[3][1] for h in run).most_common(1)[0][0]
    lines = [h[3][2:] for h in run if h[3][1] == source_file]
    return Fragment(
        path, first, last, entry.files[source_file].path,
        min(a for a, _ in lines), max(b for _, b in lines),
        sum(1 for line in shape.lines if first <= line <= last),
    )


def coverage(match: Match, total_lines: int) -> float:
    return match.lines() / total_lines if total_lines else 0.0
