"""The batch store: one SQLite file holding every target's latest result.

Schema (version 2; ``schema_version`` holds the number, ``MIGRATIONS`` upgrade older files)::

    schema_version(version INTEGER NOT NULL)
    results(
        candidate TEXT, target TEXT,       -- the key: one row per candidate's target
        author TEXT, role TEXT, extra TEXT, -- from the CSV; extra is a JSON object
        status TEXT,                        -- 'done' | 'failed' | 'skipped'
        commit_sha TEXT, tool_version TEXT, score INTEGER,
        error TEXT,                         -- one line, for 'failed' and 'skipped'
        report TEXT,                        -- the modernity/1 JSON document, for 'done'
        scans INTEGER,                      -- how many scans ever finished for this row
        finished_at TEXT, seconds REAL)
    index results_by_score(score)           -- version 2: --min-score without a table scan

Two batches may share a file: WAL journaling, a busy timeout and one short
``BEGIN IMMEDIATE`` transaction per result make writers wait for each other.
"""

import json
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.cache import enable_wal

BUSY_SECONDS = 60
MIGRATIONS = (
    """CREATE TABLE results (
        candidate TEXT NOT NULL, target TEXT NOT NULL, author TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '', extra TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL, commit_sha TEXT, tool_version TEXT NOT NULL, score INTEGER,
        error TEXT, report TEXT, scans INTEGER NOT NULL DEFAULT 0, finished_at TEXT NOT NULL,
        seconds REAL, PRIMARY KEY (candidate, target))""",
    "CREATE INDEX results_by_score ON results (score)",
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_path() -> Path:
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("modernity")) / "batches.sqlite3"


@dataclass(frozen=True, slots=True)
class Row:
    candidate: str
    target: str
    author: str
    role: str
    extra: Mapping[str, str]
    status: str
    commit: str | None
    tool_version: str
    score: int | None
    error: str | None
    report: Mapping[str, Any] | None
    scans: int
    finished_at: str
    seconds: float | None


class StoreError(Exception):
    """The store file is unusable (not a database, or from a newer modernity)."""


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            self._db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None,
                                       check_same_thread=False)
            self._db.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            enable_wal(self._db)  # a new file: the first switch needs it alone, so wait
            self._migrate()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot use the store {path}: {error}") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def version(self) -> int:
        row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        with self._write() as db:
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.version()
            if current > SCHEMA_VERSION:
                raise StoreError(f"the store {self.path} is from a newer modernity "
                                 f"(schema {current}, this one knows {SCHEMA_VERSION})")
            for number, statement in enumerate(MIGRATIONS[current:], start=current + 1):
                db.execute(statement)
                db.execute("INSERT INTO schema_version VALUES (?)", (number,))

    def done_commit(self, candidate: str, target: str, tool_version: str) -> str | None:
        """The commit a target was scanned at by this tool version ('' for no commit)."""
        row = self._db.execute(
            "SELECT commit_sha FROM results WHERE candidate=? AND target=? AND status='done' "
            "AND tool_version=?", (candidate, target, tool_version)).fetchone()
        return None if row is None else row[0] or ""

    def record(self, row: Row) -> None:
        """Insert or replace a target's result; ``scans`` counts finished scans over time."""
        values = (
            row.candidate, row.target, row.author, row.role, json.dumps(dict(row.extra)),
            row.status, row.commit, row.tool_version, row.score, row.error,
            None if row.report is None else json.dumps(row.report), row.scans,
            row.finished_at, row.seconds,
        )
        with self._write() as db:
            db.execute(
                "INSERT INTO results VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT (candidate, target) DO UPDATE SET author=excluded.author, "
                "role=excluded.role, extra=excluded.extra, status=excluded.status, "
                "commit_sha=excluded.commit_sha, tool_version=excluded.tool_version, "
                "score=excluded.score, error=excluded.error, report=excluded.report, "
                "scans=results.scans + excluded.scans, finished_at=excluded.finished_at, "
                "seconds=excluded.seconds", values)

    def rows(self, *, candidate: str | None = None, min_score: int | None = None,
             role: str | None = None) -> list[Row]:
        query = "SELECT * FROM results WHERE 1=1"
        args: list[object] = []
        for clause, value in (("candidate=?", candidate), ("score>=?", min_score),
                              ("role=?", role)):
            if value is not None:
                query += f" AND {clause}"
                args.append(value)
        found = self._db.execute(query + " ORDER BY candidate, target", args).fetchall()
        return [_row(values) for values in found]

    def close(self) -> None:
        self._db.close()


def _row(values: tuple[Any, ...]) -> Row:
    (candidate, target, author, role, extra, status, commit, tool_version, score, error,
     report, scans, finished_at, seconds) = values
    return Row(candidate, target, author, role, json.loads(extra), status, commit, tool_version,
               score, error, None if report is None else json.loads(report), scans,
               finished_at, seconds)
