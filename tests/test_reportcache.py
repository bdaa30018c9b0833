"""A target scanned again unchanged gets its kept report back (``analyzer.reportcache``):
byte-identical to a scan without any cache, and never reused once anything it was made from
changed (a file, a commit, ``.mailmap``, ``--now``, a weight)."""

import dataclasses
import json
import os
import pickle
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

import pytest

from analyzer import codec
from analyzer.cache import FILE_NAME
from analyzer.model import Location, Signal
from analyzer.report import Report
from analyzer.rules import Flag, Level
from analyzer.score import Score
from tests.conftest import Planted
from tests.gitrepo import CommitSpec, git, make_repo, write_files

NOW = "--now=2026-06-01"
PROBE = """
import sys
from analyzer.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
loaded = {"analyzer.engine", "analyzer.registry", "multiprocessing.forkserver", "libcst._nodes",
          "checks.type_hints"}
print(",".join(sorted(loaded & set(sys.modules))) or "kept", file=sys.stderr)
"""
FILES = {
    "shop/orders.py": "def total(prices: list[float]) -> float:\n    return sum(prices)\n",
    "shop/__init__.py": "",
    "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total() -> None:\n"
                            "    assert total([1.0]) == 1.0\n",
    "README.md": "# shop\n",
}


def _scan(target: Path, cache: Path, *args: str) -> tuple[str, str]:
    """The JSON report, and which heavy modules the scan loaded ("kept": none of them)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "scan", str(target), "--format=json", *args],
        capture_output=True, text=True, check=True,
        env={**os.environ, "MODERNITY_CACHE_DIR": str(cache)},
    )
    return done.stdout, done.stderr.strip().splitlines()[-1]


def _uncached(target: Path, tmp_path: Path, *args: str) -> str:
    return _scan(target, tmp_path / "never", "--no-cache", *args)[0]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "shop", FILES, [
        CommitSpec("start", date="2025-01-10T10:00:00+00:00"),
        CommitSpec("more", date="2026-03-01T10:00:00+00:00",
                   files={"shop/tax.py": "RATE = 0.2\n"}),
    ])


def test_an_unchanged_repository_gets_its_kept_report_without_analysis(
    repo: Path, tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    cold, cold_loaded = _scan(repo, cache, NOW)
    warm, warm_loaded = _scan(repo, cache, NOW)
    assert "analyzer.engine" in cold_loaded  # the first scan analysed
    assert warm_loaded == "kept"  # no engine, no check, no fork server, no libcst
    assert warm == cold == _uncached(repo, tmp_path, NOW)
    assert json.loads(warm)["commit"] == git(repo, "rev-parse", "HEAD").strip()


def test_a_plain_directory_is_kept_too(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    write_files(folder, FILES)
    cache = tmp_path / "cache"
    cold, _ = _scan(folder, cache, NOW)
    warm, loaded = _scan(folder, cache, NOW)
    assert loaded == "kept" and warm == cold == _uncached(folder, tmp_path, NOW)
    (folder / "notes.txt").write_text("a new file the report counts\n")
    changed, loaded = _scan(folder, cache, NOW)
    assert loaded != "kept" and changed != cold
    assert changed == _uncached(folder, tmp_path, NOW)


@pytest.mark.parametrize("change", ["same-size edit", "commit", "mailmap", "untracked file"])
def test_any_change_is_scanned_again(repo: Path, tmp_path: Path, change: str) -> None:
    cache = tmp_path / "cache"
    _scan(repo, cache, NOW)
    if change == "same-size edit":  # same size, same path: only the content tells
        path = repo / "shop" / "orders.py"
        path.write_text(path.read_text().replace("prices", "values"))
    elif change == "commit":  # the same files, one more commit: history changed
        git(repo, "-c", "user.name=B", "-c", "user.email=b@example.com", "commit", "-q",
            "--allow-empty", "-m", "later")
    elif change == "mailmap":  # git maps authors through it, untracked or not
        (repo / ".mailmap").write_text("Someone Else <author@example.com>\n")
    else:  # not tracked: git's listing leaves it out, so the report stays the same
        (repo / "scratch.py").write_text("x = 1\n")
    after, loaded = _scan(repo, cache, NOW)
    assert after == _uncached(repo, tmp_path, NOW)
    assert loaded == "kept" if change == "untracked file" else loaded != "kept"


@pytest.mark.parametrize("option", [["--weight", "type_hints=0"], ["--role", "ml"]])
def test_options_that_change_the_report_are_part_of_the_key(
    repo: Path, tmp_path: Path, option: list[str],
) -> None:
    cache = tmp_path / "cache"
    _scan(repo, cache, NOW)
    after, loaded = _scan(repo, cache, NOW, *option)
    assert loaded != "kept" and after == _uncached(repo, tmp_path, NOW, *option)
    assert "multiprocessing.forkserver" not in loaded  # every file was in the cache: no worker
    again, loaded = _scan(repo, cache, NOW, *option)
    assert "analyzer.engine" not in loaded and again == after  # --weight checks the name


def _dated(report: str) -> dict[str, object]:
    signals = {s["check"]: s for s in json.loads(report)["signals"]}
    return {"scanned_at": json.loads(report)["scanned_at"], "days": signals["last_commit"]["value"],
            "weeks": signals["history"]["details"]["active_weeks_last_year"]}


def test_another_date_folds_again_only_what_reads_it(repo: Path, tmp_path: Path) -> None:
    """A scan without --now (a new date each time) reuses the kept report, brought to its
    date: what reads the date is made again, and nothing of the old date survives."""
    cache = tmp_path / "cache"
    cold, _ = _scan(repo, cache, NOW)
    dates = ["--now=2027-06-01", "--now=2026-03-02T23:00:00-05:00", "--now=2026-06-01T00:00+02:00"]
    for date in dates:
        later, loaded = _scan(repo, cache, date)
        assert later == _uncached(repo, tmp_path, date)
        assert "analyzer.engine" not in loaded  # no file analysed, no fold of every check
        assert "checks.type_hints" not in loaded  # scored without importing every check
    assert _dated(_scan(repo, cache, dates[0])[0]) == {
        "scanned_at": "2027-06-01T00:00:00+00:00", "days": 456, "weeks": 0}
    assert _dated(cold) == {"scanned_at": "2026-06-01T00:00:00+00:00", "days": 91, "weeks": 1}
    again, loaded = _scan(repo, cache, NOW)
    assert again == cold and loaded == "kept"  # the date it was made for: nothing folded


def test_without_the_kept_grades_every_rule_is_imported(repo: Path, tmp_path: Path) -> None:
    from analyzer.redate import Kept  # noqa: PLC0415

    cache = tmp_path / "cache"
    _scan(repo, cache, NOW)
    with sqlite3.connect(cache / FILE_NAME) as db:
        [(row,)] = db.execute("SELECT payload FROM reports").fetchall()
        kept = codec.loads(row)
        assert isinstance(kept, Kept) and kept.graded
        db.execute("UPDATE reports SET payload = ?",
                   (codec.dumps(dataclasses.replace(kept, graded=None)),))
    later, loaded = _scan(repo, cache, "--now=2027-06-01")
    assert "checks.type_hints" in loaded and "analyzer.engine" not in loaded
    assert later == _uncached(repo, tmp_path, "--now=2027-06-01")


def test_another_date_on_a_changed_file_is_scanned_again(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _scan(repo, cache, NOW)
    path = repo / "shop" / "orders.py"
    path.write_text(path.read_text().replace("prices", "values"))
    after, loaded = _scan(repo, cache, "--now=2026-09-01")
    assert "analyzer.engine" in loaded and after == _uncached(repo, tmp_path, "--now=2026-09-01")


def test_a_plain_directory_on_another_date_changes_only_its_date(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    write_files(folder, FILES)
    cache = tmp_path / "cache"
    _scan(folder, cache, NOW)
    later, loaded = _scan(folder, cache, "--now=2030-01-01")
    assert loaded == "kept"  # no check reads the date without a history: none imported
    assert later == _uncached(folder, tmp_path, "--now=2030-01-01")


def test_a_planted_report_never_runs_code_and_is_a_miss(repo: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold, _ = _scan(repo, cache, NOW)
    marker = tmp_path / "ran"
    planted = [
        pickle.dumps(Planted(marker)),
        json.dumps({"c": "os:system", "v": {"command": f"touch {marker}"}}).encode(),
        json.dumps({"e": "subprocess:Popen", "v": "x"}).encode(),
        codec.dumps(_report("another target")),  # a valid report, of something else
    ]
    for payload in planted:
        with sqlite3.connect(cache / FILE_NAME) as db:
            assert db.execute("UPDATE reports SET payload = ?", (payload,)).rowcount == 1
            db.execute("DELETE FROM documents")  # else printed without reading the report
        after, loaded = _scan(repo, cache, NOW)
        assert loaded != "kept" and after == cold
        assert not marker.exists()


def test_a_planted_redo_is_a_miss(repo: Path, tmp_path: Path) -> None:
    """The row says which checks to import and what to fold again: it is untrusted too."""
    from analyzer.dated import Redo  # noqa: PLC0415
    from analyzer.redate import Kept  # noqa: PLC0415
    from analyzer.registry import all_checks  # noqa: PLC0415

    all_checks()  # the classes of the observations kept, for the codec
    cache = tmp_path / "cache"
    _scan(repo, cache, NOW)
    with sqlite3.connect(cache / FILE_NAME) as db:
        [(row,)] = db.execute("SELECT payload FROM reports").fetchall()
    kept = codec.loads(row)
    assert isinstance(kept, Kept) and kept.needs
    marker = tmp_path / "ran"
    redo = codec.loads(kept.redo.encode())
    assert isinstance(redo, tuple) and all(isinstance(item, Redo) for item in redo)
    planted = [
        dataclasses.replace(kept, needs=("os",)),  # not a check: never imported
        dataclasses.replace(kept, needs=("../history",)),
        dataclasses.replace(kept, needs=(), redo=kept.redo),  # its classes were never loaded
        dataclasses.replace(kept, redo=json.dumps({"c": "os:system", "v": {
            "command": f"touch {marker}"}})),
        dataclasses.replace(kept, redo=codec.dumps(tuple(  # a check it does not name
            dataclasses.replace(item, check="readme") for item in redo)).decode()),
    ]
    later = "--now=2027-01-01"
    for fake in planted:
        with sqlite3.connect(cache / FILE_NAME) as db:
            db.execute("UPDATE reports SET payload = ?", (codec.dumps(fake),))
            db.execute("DELETE FROM documents")  # else printed without reading the report
        after, loaded = _scan(repo, cache, later)
        assert "analyzer.engine" in loaded and after == _uncached(repo, tmp_path, later)
        assert not marker.exists()


def _report(target: str) -> Report:
    flag = Flag(Level.RED, "type_hints", "No type hints.")
    return Report(
        target=target, commit=None, scanned_at=datetime(2026, 6, 1, tzinfo=UTC),
        tool_version="1", signals=(Signal(check="type_hints", value=0.5, summary="half",
                                          evidence=(Location("a.py", 3),),
                                          details={"n": [1, 2], "m": {"k": (1, None)}}),),
        score=Score(40, {"type_hints": 40.0}, (flag,), "Weak."), analysed_files=1,
        python_files=1, excluded=MappingProxyType({"b.bin": "binary"}), unparsable={},
    )


def test_the_codec_carries_a_report_with_dates_levels_and_read_only_mappings() -> None:
    report = _report("/some/where")
    back = codec.loads(codec.dumps(report))
    assert back == report
    assert isinstance(back, Report) and back.score.flags[0].level is Level.RED
    assert back.scanned_at.isoformat() == "2026-06-01T00:00:00+00:00"
    with pytest.raises(codec.InvalidError):  # a date without a time zone is refused
        codec.loads(json.dumps({"z": "2026-06-01T00:00:00"}).encode())
    with pytest.raises(codec.InvalidError):  # not a member
        codec.loads(json.dumps({"e": "analyzer.rules:Level", "v": "purple"}).encode())


SLOW = "x = (a\n" + "[0]\n" * 4000  # libcst needs minutes for it (test_hostile_output)


def test_a_scan_with_a_timed_out_file_is_not_kept(tmp_path: Path) -> None:
    """A later scan with more time may finish that file: its report must not be frozen."""
    repo = make_repo(tmp_path / "slow", {"slow.py": SLOW, "app.py": FILES["shop/orders.py"]})
    cache = tmp_path / "cache"
    first, _ = _scan(repo, cache, NOW, "--file-timeout=1")
    assert "skipped: analysis took longer" in first
    with sqlite3.connect(cache / FILE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM reports").fetchone() == (0,)


def test_a_scan_for_an_author_is_not_kept(repo: Path, tmp_path: Path) -> None:
    """Blame has time budgets (files skipped when it runs long): never reused."""
    cache = tmp_path / "cache"
    first, _ = _scan(repo, cache, NOW, "--author", "author@example.com")
    again, loaded = _scan(repo, cache, NOW, "--author", "author@example.com")
    assert "analyzer.engine" in loaded and again == first
    with sqlite3.connect(cache / FILE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM reports").fetchone() == (0,)
