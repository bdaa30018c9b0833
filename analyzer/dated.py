"""Which checks read the scan date, and what they folded from, so a scan with another
``--now`` folds only those again (``analyzer.redate``) instead of every check.

The date reaches a check only as ``fold.repo.now``. While the checks fold, that attribute
is watched: a check that reads it, once, in any branch, is recorded with what else it
was handed that a kept report does not hold: its own observations and the other checks'
observations it looked up (``fold.other_checks``). A check that never read the date made
the same signal from the same files whatever the date; a check that reads the clock
itself would break ``--now`` for every scan, and ``tests/test_dated.py`` forbids it.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from analyzer.fold import Fold
from analyzer.model import Signal
from analyzer.repo import Repo

if TYPE_CHECKING:
    from analyzer.registry import CheckClass

Observations = Mapping[str, Mapping[str, object]]


@dataclass(frozen=True, slots=True)
class Redo:
    """One check that read the date, and everything it folded from besides the repository."""

    check: str
    files: Mapping[str, object]  # its own observations, by path
    others: Mapping[str, Mapping[str, object]]  # the other checks' it looked up and found
    looked: frozenset[str]  # every check name it looked up, found or not
    everything: bool  # it went through ``other_checks`` itself: ``others`` holds them all


class StaleError(Exception):
    """Folding again for another date, a check asked for what it had not asked for before."""


class _Reading:
    """Whose fold is running, and who has read the date (one watch at a time, one thread)."""

    def __init__(self) -> None:
        self.check: str | None = None
        self.readers: set[str] = set()


_READING = _Reading()


class _Watched(Repo):
    """The repository as the checks see it while they fold: reading ``now`` is noted."""

    @property
    def now(self) -> datetime:
        if _READING.check is not None:
            _READING.readers.add(_READING.check)
        date: datetime = self.__dict__["now"]
        return date

    @now.setter
    def now(self, date: datetime) -> None:  # ``dataclasses.replace`` makes a watched copy
        self.__dict__["now"] = date


class _Looked(Mapping[str, Mapping[str, object]]):
    """``other_checks`` for one check, noting what it looks up."""

    def __init__(self, every: Observations) -> None:
        self.every, self.looked, self.everything = every, set[str](), False

    def __getitem__(self, name: str) -> Mapping[str, object]:
        self.looked.add(name)
        return self.every[name]

    def __iter__(self) -> Iterator[str]:
        self.everything = True
        return iter(self.every)

    def __len__(self) -> int:
        self.everything = True
        return len(self.every)


def watched(repo: Repo) -> Repo:
    """A copy of ``repo`` whose date is watched (its cached facts shared, not recomputed)."""
    copy = object.__new__(_Watched)
    copy.__dict__.update(repo.__dict__)
    return copy


def fold_all(
    repo: Repo, checks: Sequence["CheckClass"], observations: Observations,
    unparsable: Mapping[str, str],
) -> tuple[tuple[Signal, ...], tuple[Redo, ...]]:
    """Every check's signal, and how to fold again each check that read the date."""
    seen, signals, redo = watched(repo), [], []
    _READING.readers = set()
    try:
        for cls in checks:
            others = _Looked(observations)
            _READING.check = cls.name
            signals.append(cls.result(Fold(seen, observations[cls.name], unparsable, others)))
            _READING.check = None
            if cls.name in _READING.readers:
                found = observations if others.everything else {
                    name: observations[name] for name in sorted(others.looked)
                    if name in observations}
                redo.append(Redo(cls.name, observations[cls.name], found,
                                 frozenset(others.looked), others.everything))
    finally:
        _READING.check, _READING.readers = None, set()
    return tuple(signals), tuple(redo)


class _Replay(Mapping[str, Mapping[str, object]]):
    """``other_checks`` folding again: what the check looked up before, nothing else."""

    def __init__(self, redo: Redo) -> None:
        self.redo = redo

    def __getitem__(self, name: str) -> Mapping[str, object]:
        if not self.redo.everything and name not in self.redo.looked:
            raise StaleError(name)
        return self.redo.others[name]

    def __iter__(self) -> Iterator[str]:
        if not self.redo.everything:
            raise StaleError("every check")
        return iter(self.redo.others)

    def __len__(self) -> int:
        if not self.redo.everything:
            raise StaleError("every check")
        return len(self.redo.others)


def fold_again(cls: "CheckClass", redo: Redo, repo: Repo, unparsable: Mapping[str, str]) -> Any:
    """``cls``'s signal for ``repo`` (with its new date); ``StaleError`` when the check now
    wants an input it did not read before, which only a full fold can give it."""
    return cls.result(Fold(repo, redo.files, unparsable, _Replay(redo)))
