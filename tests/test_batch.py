"""`modernity batch`: interrupted half way, resumed, every good target scanned once."""

import json
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from analyzer.batch import children
from analyzer.batch.plan import Job
from analyzer.batch.worker import Settings, run_job
from tests.batch_setup import Batch, batch_env, count_rows, make_batch, start_batch, stored
from tests.gitrepo import materialise
from tests.planted_bug import BUG_MARK, DEATH_MARK, batch_children_started, planted_bug_env


@dataclass(frozen=True)
class Interrupted:
    batch: Batch
    db: Path
    tmp: Path
    first: tuple[int, str, int]  # exit code, stderr, rows stored when interrupted
    second: tuple[int, str]
    tmp_after_first: list[Path]


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory: pytest.TempPathFactory) -> Interrupted:
    root = tmp_path_factory.mktemp("batch")
    batch = make_batch(root)
    tmp, db = root / "tmp", root / "store" / "results.sqlite3"
    tmp.mkdir()
    env = batch_env(tmp, root / "cache")
    process = start_batch(batch, db, env, "--workers=2")
    deadline = time.monotonic() + 300
    while count_rows(db) < 6 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    first = (process.returncode, stderr, count_rows(db))
    left = sorted(tmp.iterdir())
    resumed = start_batch(batch, db, env, "--workers=2", "--resume")
    _, stderr = resumed.communicate(timeout=300)
    return Interrupted(batch, db, tmp, first, (resumed.returncode, stderr), left)


def test_sigint_stops_half_way_and_cleans_up(interrupted: Interrupted) -> None:
    code, _, rows = interrupted.first
    assert code == 130
    assert 6 <= rows < 12, "interrupted half way: some results kept, some left to do"
    assert interrupted.tmp_after_first == []


def test_resume_scans_every_good_target_exactly_once(interrupted: Interrupted) -> None:
    code, stderr = interrupted.second
    assert code == 2, stderr  # the unreachable and the hostile target failed: their fault
    results = stored(interrupted.db)
    assert len(results) == 12
    batch = interrupted.batch
    for (_, target), row in results.items():
        if target in batch.good:
            assert (row["status"], row["scans"]) == ("done", 1), target
    # independently of the store: the two runs' progress lines name each good target once
    first_log, second_log = interrupted.first[1], stderr
    done_lines = [line for line in (first_log + second_log).splitlines() if "] done: " in line]
    named = sorted(line.split("] done: ")[1].split(" ")[2].rstrip(":") for line in done_lines)
    assert named == sorted(batch.good)
    assert f"{10 - sum('] done: ' in line for line in first_log.splitlines())} scanned" in stderr


def test_failures_recorded_with_one_line_error(interrupted: Interrupted) -> None:
    by_target = {target: row for (_, target), row in stored(interrupted.db).items()}
    batch = interrupted.batch
    unreachable, hostile = by_target[batch.unreachable], by_target[batch.hostile]
    assert unreachable["status"] == "failed"
    assert unreachable["error"].startswith("could not clone https://127.0.0.1:9/gone.git")
    assert hostile["status"] == "failed" and "transport helper" in hostile["error"]
    assert "\n" not in unreachable["error"] + hostile["error"]
    assert not batch.marker.exists()
    assert sorted(interrupted.tmp.iterdir()) == []


def test_results_carry_the_csv_columns(interrupted: Interrupted) -> None:
    rows = stored(interrupted.db)
    mine = {(r["author"], r["role"], r["extra"]) for (who, _), r in rows.items()
            if who == "candidate 1"}
    assert mine == {("author@example.com", "backend", json.dumps({"source": "ad 1"}))}
    reports = [json.loads(row["report"]) for row in rows.values() if row["status"] == "done"]
    assert len(reports) == 10
    assert all(r["schema"] == "modernity/1" and r["scanned_at"].startswith("2026-06-01")
               for r in reports)


def test_target_over_the_time_limit_is_a_failed_row(tmp_path: Path) -> None:
    """A server that never answers costs one target, --timeout seconds, and leaves nothing."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        url = f"https://127.0.0.1:{server.getsockname()[1]}/r.git"
        (tmp_path / "c.csv").write_text(f"candidate,targets\nann,{url}\n")
        tmp = tmp_path / "tmp"
        tmp.mkdir()
        done = subprocess.run(
            [sys.executable, "-m", "analyzer", "batch", str(tmp_path / "c.csv"), "--db",
             str(tmp_path / "s.sqlite3"), "--timeout=2"],
            capture_output=True, text=True, check=False, env=batch_env(tmp, tmp_path / "cache"),
        )
    assert done.returncode == 2, done.stderr  # the target's fault, not ours
    [row] = stored(tmp_path / "s.sqlite3").values()
    assert row["status"] == "failed" and "2 s" in row["error"]
    assert list(tmp.iterdir()) == []


def test_a_bug_of_ours_in_one_target_exits_3_and_keeps_the_others(tmp_path: Path) -> None:
    """A target lost to an internal error makes the batch exit 3 (the input's failures 2)."""
    good = materialise("tiny_script", tmp_path / "good")
    buggy = materialise("tiny_script", tmp_path / BUG_MARK)
    (tmp_path / "c.csv").write_text(f"candidate,targets\nann,{good} {buggy}\n")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = planted_bug_env(tmp_path / "site", batch_env(tmp, tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "batch", str(tmp_path / "c.csv"), "--db",
         str(tmp_path / "s.sqlite3")], capture_output=True, text=True, check=False, env=env,
    )
    assert done.returncode == 3, done.stderr
    assert "1 failed (1 by an internal error: please report it)" in done.stderr
    rows = {target: row for (_, target), row in stored(tmp_path / "s.sqlite3").items()}
    assert rows[str(good)]["status"] == "done"
    assert rows[str(buggy)]["status"] == "failed"
    assert rows[str(buggy)]["error"].startswith("internal error: KeyError")


def test_one_child_serves_a_threads_targets_and_a_death_costs_one_target(tmp_path: Path) -> None:
    """Start-up is paid once per thread, not per target; a child killed mid-target loses that
    target only (recorded as ours: exit 3), and the next target gets a new child."""
    names = ("tiny_script", "modern_app", DEATH_MARK, "typed_library", "tiny_script")
    repos = [materialise("tiny_script" if name == DEATH_MARK else name,
                         tmp_path / f"{number}-{name}") for number, name in enumerate(names)]
    (tmp_path / "c.csv").write_text(
        "candidate,targets\n" + "".join(f"c{n},{repo}\n" for n, repo in enumerate(repos)))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "batch", str(tmp_path / "c.csv"), "--db",
         str(tmp_path / "s.sqlite3"), "--workers=1"], capture_output=True, text=True,
        check=False, env=planted_bug_env(site, batch_env(tmp, tmp_path / "cache")),
    )
    assert done.returncode == 3, done.stderr
    rows = {target: row for (_, target), row in stored(tmp_path / "s.sqlite3").items()}
    statuses = [rows[str(repo)]["status"] for repo in repos]
    assert statuses == ["done", "done", "failed", "done", "done"]
    assert rows[str(repos[2])]["error"] == "the analysis process died (signal 9)"
    assert batch_children_started(site) == 2  # the first, and the one after the death
    assert list(tmp.iterdir()) == []


def test_a_child_is_replaced_after_its_share_of_targets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a long-lived child could accumulate is bounded: a new one every MAX_TARGETS."""
    repo = materialise("tiny_script", tmp_path / "repo")
    site = tmp_path / "site"
    for name, value in planted_bug_env(site, batch_env(tmp_path, tmp_path / "cache")).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(children, "MAX_TARGETS", 2)
    settings = Settings(now="2026-06-01T00:00:00+00:00")
    try:
        outcomes = [run_job(Job(candidate="c", target=str(repo)), settings, keep_child=True)
                    for _ in range(5)]
    finally:
        children.stop_all()
        children.allow_children()
    assert [o.status for o in outcomes] == ["done"] * 5
    assert len({json.dumps(o.document, sort_keys=True) for o in outcomes}) == 1
    assert batch_children_started(site) == 3  # targets 1-2, 3-4, 5
    assert not children._LIVE
