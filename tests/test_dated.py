"""The checks that read the scan date are found, every time: a report brought to another
``--now`` folds only those again (``analyzer.redate``), so one that slipped past the watch
would show a recruiter a stale age."""

import dataclasses
import re
import typing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from analyzer.api import Fold, RepoCheck, Signal
from analyzer.dated import StaleError, fold_again, fold_all
from analyzer.engine import run
from analyzer.repo import Commit, GitFacts, Repo

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 6, 1, tzinfo=UTC)
# Calls that read the machine's clock instead of the scan's date.
CLOCK = re.compile(r"\.(now|today|utcnow|fromtimestamp)\(|\btime\.(time|time_ns|localtime|"
                   r"gmtime|ctime|strftime)\(|\bfrom time import")


def _history(now: datetime = NOW) -> Repo:
    """A repository with commits a year apart, and code to fold."""
    def commit(days: int, who: str) -> Commit:
        when = NOW - timedelta(days=days)
        return Commit(f"c{days}", who, f"{who}@example.com", when, when, ("app/main.py",))

    commits = tuple(commit(days, who) for days, who in
                    ((3, "ana"), (40, "ben"), (200, "ana"), (500, "dependabot[bot]"), (900, "ana")))
    files = {"app/main.py": "def main(items: list[int]) -> int:\n    return sum(items)\n",
             "app/__init__.py": "", "tests/test_main.py": "def test_main() -> None:\n    pass\n",
             "README.md": "# app\n"}
    return Repo.from_files(files, now=now, git=GitFacts("c3", commits))


def test_no_check_and_no_scoring_reads_the_clock() -> None:
    """The date reaches a check only as ``fold.repo.now``, which the fold watches."""
    sources = [*(ROOT / "checks").rglob("*.py"),
               *(ROOT / "analyzer" / name for name in ("score.py", "fit.py", "rules.py",
                                                       "questions.py", "roles.py")),
               ROOT / "analyzer" / "report" / "excerpts.py"]
    found = [f"{path.relative_to(ROOT)}: {match.group()}" for path in sources
             for match in CLOCK.finditer(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_date_is_the_only_dated_fact_of_a_repository() -> None:
    """A second date field would reach the checks unwatched."""
    hints = typing.get_type_hints(Repo)
    dated = [f.name for f in dataclasses.fields(Repo) if "datetime" in str(hints[f.name])]
    assert dated == ["now"]


def test_every_check_that_did_not_read_the_date_gives_the_same_signal_on_another() -> None:
    before, later = run(_history()), _history(NOW + timedelta(days=800))
    after = run(later)
    readers = {redo.check for redo in before.redo}
    assert {"history", "last_commit"} <= readers
    for old, new in zip(before.signals, after.signals, strict=True):
        if old.check not in readers:
            assert new == old, f"{old.check} depends on the date unseen"
    changed = {old.check for old, new in zip(before.signals, after.signals, strict=True)
               if new != old}
    assert {"history", "last_commit"} <= changed <= readers
    by_name = {signal.check: signal for signal in after.signals}
    from analyzer.registry import load  # noqa: PLC0415

    for redo in before.redo:  # folded again from what was kept: what a full fold gives
        assert fold_again(load(redo.check), redo, later, before.unparsable) == by_name[redo.check]


def test_a_plain_directory_has_no_check_that_reads_the_date() -> None:
    repo = Repo.from_files({"a.py": "x = 1\n", "tests/test_a.py": "def test() -> None: ...\n"})
    assert run(repo).redo == ()


class _Copies(RepoCheck):
    """Reads the date through a copy of the repository, in a helper."""

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        return cls.signal(_year(dataclasses.replace(fold.repo, authors=("x",))), "copied")


class _Asks(RepoCheck):
    """Reads another check's observations only in some years."""

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        if fold.repo.now.year > 2026:
            return cls.signal(len(fold.other_checks["type_hints"]), "asked")
        return cls.signal(0, "did not ask")


def _year(repo: Repo) -> int:
    return repo.now.year


def _fold(*checks: type[RepoCheck], repo: Repo) -> tuple[tuple[Signal, ...], dict[str, object]]:
    for cls in checks:
        cls.name = cls.__name__.lower()
    observations: dict[str, dict[str, object]] = {cls.name: {} for cls in checks}
    observations["type_hints"] = {"a.py": None}
    signals, redo = fold_all(repo, checks, observations, {})
    return signals, {item.check: item for item in redo}


def test_a_date_read_through_a_copy_or_a_helper_is_seen() -> None:
    signals, redo = _fold(_Copies, repo=_history())
    assert signals[0].value == 2026 and set(redo) == {"_copies"}


def test_a_check_wanting_more_on_another_date_cannot_be_folded_again() -> None:
    signals, redo = _fold(_Asks, repo=_history())
    assert signals[0].summary == "did not ask"
    with pytest.raises(StaleError):  # the type_hints observations were never kept
        fold_again(_Asks, redo["_asks"], _history(NOW + timedelta(days=365)), {})  # type: ignore[arg-type]

