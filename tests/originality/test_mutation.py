"""A disguised copy still covers its source: rename, strip, reorder, dead code, reformat.

The sources are small original programs; ``benchmarks/originality.py mutate``
measures the same mutations on the real corpus.
"""

from collections.abc import Callable

import pytest

from analyzer.originality.compare import as_entry
from analyzer.originality.match import Index, coverage
from analyzer.originality.shape import shape
from tests.originality import mutations, samples

SOURCES = {"alice": samples.ALICE, "carol": samples.CAROL, "dan": samples.DAN,
           "erin": samples.ERIN, "tutorial": samples.TUTORIAL, "script": samples.SCRIPT}
MUTATIONS: dict[str, Callable[[str], str]] = {
    m.__name__: m for m in mutations.ALL} | {"all": mutations.disguise}


def covered(original: str, copy: str) -> float:
    mine = {"copy.py": shape(copy)}
    [match] = Index([as_entry("original", {"original.py": shape(original)})]).matches(mine)
    return coverage(match, len(mine["copy.py"].lines))


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_a_mutated_copy_keeps_coverage_of_at_least_0_9(name: str, mutation: str) -> None:
    copy = MUTATIONS[mutation](SOURCES[name])
    assert copy != SOURCES[name]
    assert covered(SOURCES[name], copy) >= 0.9


def test_the_mutations_really_change_the_text() -> None:
    """Rename touches every identifier; reformat changes the layout; all of them drop comments."""
    disguised = mutations.disguise(samples.TUTORIAL)
    assert "add_book" not in disguised and "READING_LIST_FILE" not in disguised
    assert "#" not in disguised and "Build a reading list" not in disguised
    assert "unused_marker" in mutations.dead_code(samples.TUTORIAL)


@pytest.mark.parametrize(("a", "b"), [("alice", "carol"), ("alice", "dan"), ("carol", "erin"),
                                      ("dan", "tutorial"), ("erin", "tutorial"),
                                      ("script", "tutorial"), ("alice", "script")])
def test_independent_solutions_stay_apart(a: str, b: str) -> None:
    """Two programs written apart for the same task share at most 15% either way."""
    mine = {"copy.py": shape(SOURCES[b])}
    found = Index([as_entry(a, {"a.py": shape(SOURCES[a])})]).matches(mine)
    assert not found or coverage(found[0], len(mine["copy.py"].lines)) <= 0.15
