"""One assignment's submissions side by side: which pairs share code, and the groups they form.

The starter code handed to everyone is subtracted from both sides (its
fingerprints never count, and its lines leave the denominators), and so are
fingerprints shared by more than ``max(3, 20%)`` of the submissions: what most
of a cohort shares is the assignment's boilerplate, not copying. Similarity from
A to B is the share of A's own code lines in fingerprints B also has.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from analyzer.originality.corpus import Entry, SourceFile
from analyzer.originality.match import Fragment, Index, Match, coverage
from analyzer.originality.shape import Shape

PAIR_AT = 0.5  # a pair is reported when either direction reaches this similarity
Shapes = Mapping[str, Shape]


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    a_to_b: float
    b_to_a: float
    longest: Fragment | None  # on A's side, with B's lines as the source


@dataclass(frozen=True, slots=True)
class Cohort:
    pairs: tuple[Pair, ...]  # every pair, most similar first
    groups: tuple[tuple[str, ...], ...]  # connected components of pairs at PAIR_AT or more
    tutorials: Mapping[str, tuple[str, float]]  # submission -> best corpus entry and coverage


def as_entry(name: str, shapes: Shapes) -> Entry:
    files = tuple(SourceFile(path, len(s.lines), s.fingerprints, s.literals)
                  for path, s in sorted(shapes.items()))
    return Entry(name, name, "", "", "", files)


def _without(shapes: Shapes, ignored: set[int], starter: Shapes | None) -> dict[str, Shape]:
    """Shapes without ignored fingerprints, and without the lines those or the starter cover."""
    from_starter = _match(shapes, "starter", starter) if starter else None
    kept: dict[str, Shape] = {}
    for path, shape in shapes.items():
        dropped = {line for fp in shape.fingerprints if fp.hash in ignored
                   for line in range(fp.first, fp.last + 1)}
        dropped |= from_starter.covered.get(path, set()) if from_starter else set()
        kept[path] = replace(
            shape, fingerprints=tuple(fp for fp in shape.fingerprints if fp.hash not in ignored),
            lines=shape.lines - dropped,
        )
    return kept


def _match(a: Shapes, b_name: str, b: Shapes | None) -> Match | None:
    if not b:
        return None
    found = Index([as_entry(b_name, b)]).matches(a)
    return found[0] if found else None


def similarity(a: Shapes, b: Shapes) -> float:
    """Share of A's code lines in fingerprints that B has too."""
    match = _match(a, "b", b)
    return coverage(match, sum(len(s.lines) for s in a.values())) if match else 0.0


def compare(
    submissions: Mapping[str, Shapes], starter: Shapes | None = None,
    corpus: Sequence[Entry] = (),
) -> Cohort:
    counts: dict[int, int] = {}
    for shapes in submissions.values():
        for digest in {fp.hash for s in shapes.values() for fp in s.fingerprints}:
            counts[digest] = counts.get(digest, 0) + 1
    limit = max(3, 0.2 * len(submissions))
    ignored = {digest for digest, count in counts.items() if count > limit}
    ignored |= {fp.hash for s in (starter or {}).values() for fp in s.fingerprints}
    own = {name: _without(shapes, ignored, starter) for name, shapes in submissions.items()}
    pairs = []
    for a, b in combinations(sorted(own), 2):
        match = _match(own[a], b, own[b])
        pairs.append(Pair(a, b, similarity(own[a], own[b]), similarity(own[b], own[a]),
                          match.longest() if match else None))
    pairs.sort(key=lambda p: (-max(p.a_to_b, p.b_to_a), p.a, p.b))
    index = Index(corpus)
    tutorials: dict[str, tuple[str, float]] = {}
    for name, shapes in own.items():
        best = index.matches(shapes)[:1]
        total = sum(len(s.lines) for s in shapes.values())
        if best and coverage(best[0], total) >= PAIR_AT:
            tutorials[name] = (best[0].entry.title, coverage(best[0], total))
    return Cohort(tuple(pairs), _groups(own, pairs), tutorials)


def _groups(names: Mapping[str, object], pairs: Sequence[Pair]) -> tuple[tuple[str, ...], ...]:
    parent = {name: name for name in names}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for pair in pairs:
        if max(pair.a_to_b, pair.b_to_a) >= PAIR_AT:
            parent[root(pair.a)] = root(pair.b)
    members: dict[str, list[str]] = {}
    for name in sorted(names):
        members.setdefault(root(name), []).append(name)
    return tuple(sorted(tuple(group) for group in members.values() if len(group) > 1))
