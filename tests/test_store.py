"""The batch store and `modernity results`: schema and migrations, concurrent writers, exports."""

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.batch.plan import Job, Unscanned, plan
from analyzer.batch.store import MIGRATIONS, SCHEMA_VERSION, Row, Store, StoreError

_WRITER = """
import sys
from analyzer.batch.store import Row, Store
store = Store(__import__("pathlib").Path(sys.argv[1]))
for number in range(150):
    store.record(Row(sys.argv[2], f"t{number}", "", "", {}, "done", "c", "0", number % 100,
                     None, {"n": number}, 1, "2026-01-01T00:00:00+00:00", 0.1))
"""


def row(candidate: str, target: str, score: int | None, role: str = "backend",
        status: str = "done", **extra: str) -> Row:
    report = None if score is None else {
        "schema": "modernity/1", "score": {"total": score, "verdict": "v", "contributions":
                                           {"tests": 10.0}, "flags": []},
        "signals": [{"check": "tests", "value": 0, "details": {}}], "files": {"python": 1},
    }
    return Row(candidate, target, "a@example.com", role, extra, status, "abc", "0.1.0", score,
               None if score is not None else "could not clone x", report, 1,
               "2026-01-01T00:00:00+00:00", 1.0)


def results(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analyzer", "results", "--db", str(db), *args],
                          capture_output=True, text=True, check=False)


def test_migrates_an_old_store(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:  # a version-1 store, as the first release wrote it
        old.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        old.execute(MIGRATIONS[0])
        old.execute("INSERT INTO schema_version VALUES (1)")
    store = Store(path)
    assert store.version() == SCHEMA_VERSION == 2
    indexes = store._db.execute("SELECT name FROM sqlite_master WHERE type='index'").fetchall()
    assert ("results_by_score",) in indexes
    assert store._db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_refuses_a_newer_store(tmp_path: Path) -> None:
    Store(tmp_path / "s.sqlite3").close()
    with sqlite3.connect(tmp_path / "s.sqlite3") as db:
        db.execute("INSERT INTO schema_version VALUES (99)")
    with pytest.raises(StoreError, match="newer modernity"):
        Store(tmp_path / "s.sqlite3")


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    writers = [subprocess.Popen([sys.executable, "-c", _WRITER, str(db), name])
               for name in ("first", "second")]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    store = Store(db)
    assert len(store.rows(candidate="first")) == len(store.rows(candidate="second")) == 150
    assert store._db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_scans_accumulate_per_target(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    store.record(row("ann", "t", None, status="failed"))
    store.record(row("ann", "t", 70))
    [found] = store.rows()
    assert (found.status, found.score, found.scans) == ("done", 70, 2)
    assert store.done_commit("ann", "t", "0.1.0") == "abc"
    assert store.done_commit("ann", "t", "0.2.0") is None


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    store = Store(tmp_path / "s.sqlite3")
    store.record(row("ann", "https://example.com/a.git", 80, source="referral"))
    store.record(row("ann", "https://example.com/b.git", 40, source="referral"))
    store.record(row("<script>bob</script>", "https://example.com/c.git", 60, role="data"))
    store.record(row("=HYPERLINK(1)", "https://example.com/d.git", 10, role="ops"))
    store.record(row("cy", "https://example.com/gone.git", None, role="data", status="failed"))
    store.close()
    return tmp_path / "s.sqlite3"


def test_results_filter_and_csv(filled: Path) -> None:
    done = results(filled, "--format=csv", "--min-score=50")
    assert done.returncode == 0, done.stderr
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["candidate"], r["score"]) for r in table] == [
        ("<script>bob</script>", "60"), ("ann", "80")]
    assert table[1]["source"] == "referral"  # an extra CSV column, carried through
    data = results(filled, "--format=csv", "--role=data").stdout
    by_role = list(csv.DictReader(io.StringIO(data)))
    assert {r["candidate"] for r in by_role} == {"<script>bob</script>", "cy"}


def test_results_json_is_candidate_reports(filled: Path) -> None:
    [ann] = json.loads(results(filled, "--format=json", "--candidate=ann").stdout)
    assert (ann["candidate"], ann["best_score"], ann["scanned"]) == ("ann", 80, 2)
    assert [r["score"] for r in ann["repositories"]] == [80, 40]  # best work first
    assert "No tests in any project (2 scanned)." in [f["message"] for f in ann["flags"]]


def test_csv_cells_never_become_formulas(filled: Path) -> None:
    [found] = csv.DictReader(io.StringIO(results(filled, "--format=csv", "--role=ops").stdout))
    assert found["candidate"] == "'=HYPERLINK(1)"


def test_results_html_index_links_escaped_pages(filled: Path, tmp_path: Path) -> None:
    done = results(filled, "--format=html", "--output", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    index = (tmp_path / "site" / "index.html").read_text()
    pages = sorted(p.name for p in (tmp_path / "site").glob("candidate-*.html"))
    assert len(pages) == 4 and all(f'href="{page}"' in index for page in pages)
    assert "<script>bob" not in index and "&lt;script&gt;bob" in index


def test_results_html_needs_a_directory(filled: Path) -> None:
    done = results(filled, "--format=html")
    assert (done.returncode, done.stderr.count("\n")) == (2, 1)


def test_csv_without_required_columns_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("name,url\nann,https://example.com/a.git\n")
    done = subprocess.run([sys.executable, "-m", "analyzer", "batch", str(tmp_path / "c.csv"),
                           "--db", str(tmp_path / "s.sqlite3")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert done.stderr == "modernity: the candidates CSV needs the column(s) candidate, targets\n"


def test_plan_splits_targets_and_authors() -> None:
    text = ("Candidate,Targets,Author,Role,Team\n"
            "ann,https://a.example/x.git; /srv/y  ,ann@example.com; Ann A,backend,core\n"
            ",https://skipped.example/z.git,,,\n")
    [first, second] = plan(io.StringIO(text))
    assert isinstance(first, Job) and isinstance(second, Job)
    assert (first.target, second.target) == ("https://a.example/x.git", "/srv/y")
    assert first.authors == ("ann@example.com", "Ann A")
    assert (first.role, first.extra) == ("backend", {"team": "core"})


def test_unlistable_profile_is_a_failed_target_not_a_stopped_batch() -> None:
    text = "candidate,targets\nann,github:-bad\n"
    [item] = plan(io.StringIO(text))
    assert isinstance(item, Unscanned) and item.status == "failed"
