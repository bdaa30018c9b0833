"""Per-file observations kept between scans in an SQLite file in the user's cache directory.

A row is keyed by everything that can change a file's observations: the check set's
fingerprint (tool, Python and libcst versions plus the source of every module that
shapes an observation), the file's path (its role derives from the path) and the git
blob id of its bytes. The cache directory may be shared or restored from elsewhere,
so a row is untrusted: payloads are JSON of plain data and dataclasses
(``analyzer.codec``, which can build nothing but modernity's own already-imported
dataclasses, each field checked), and a row that does not decode to the expected
result is a miss. A directory not owned by the user, or writable by group or
others, is refused (one warning, the scan runs without a cache). A file that is
not a readable database is replaced.

Two scans may share the file: WAL journaling, a busy timeout and short
``BEGIN IMMEDIATE`` transactions of ``INSERT OR REPLACE`` make concurrent writers wait
for each other instead of failing.
"""

import contextlib
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from analyzer import codec
from analyzer.fingerprint import SHAPING_MODULES, fingerprint

__all__ = ["SHAPING_MODULES", "Cache", "UnsafeCacheError", "enable_wal", "fingerprint"]

SCHEMA = 2
_DAMAGED = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
FILE_NAME = f"observations-v{SCHEMA}.sqlite3"
_KEPT = ("reports", "documents")  # tables of one row per target: the names are ours, never input


def default_directory() -> Path:
    override = os.environ.get("MODERNITY_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415  (only scans that use the cache pay for it)

    return Path(platformdirs.user_cache_dir("modernity"))


class Cache:
    """Observations by (fingerprint, path, blob id); every failure degrades to a miss."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_directory()
        self.path = self.directory / FILE_NAME
        self.rebuilt = False
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            self._failed(error)
        except UnsafeCacheError as error:
            _warn_once(str(error))
        except OSError:
            self._db = None  # an unwritable cache directory: scan without a cache

    def _open(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        _check_private(self.directory)
        with contextlib.suppress(FileNotFoundError):
            _check_private(self.path)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            enable_wal(db)
            db.execute("PRAGMA synchronous=NORMAL")
            # Two scans creating the file at once: an autocommit CREATE reads the schema, then
            # upgrades to a write lock, and SQLite fails that upgrade at once (no busy wait)
            # when the other wrote in between; the scan then silently ran without a cache.
            # BEGIN IMMEDIATE takes the write lock first, so the second writer waits instead.
            db.execute("BEGIN IMMEDIATE")
            db.execute(
                "CREATE TABLE IF NOT EXISTS observations (fingerprint TEXT NOT NULL, "
                "path BLOB NOT NULL, blob TEXT NOT NULL, payload BLOB NOT NULL, "
                "PRIMARY KEY (fingerprint, path, blob)) WITHOUT ROWID"
            )
            for table in _KEPT:  # the latest of each target (analyzer.reportcache, .documents)
                db.execute(f"CREATE TABLE IF NOT EXISTS {table} (target BLOB PRIMARY KEY, "
                           "key TEXT NOT NULL, payload BLOB NOT NULL) WITHOUT ROWID")
            db.execute("COMMIT")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _failed(self, error: sqlite3.DatabaseError) -> None:
        """A damaged file is rebuilt; anything else (locked too long, disk full) skips the cache."""
        if getattr(error, "sqlite_errorcode", None) in _DAMAGED:
            self._rebuild()
        else:
            self.close()

    def _rebuild(self) -> None:
        """Throw the unreadable file away and start empty; without a usable file, no cache."""
        self.close()
        self.rebuilt = True
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{self.path}{suffix}").unlink()
        try:
            self._db = self._open()
        except (sqlite3.DatabaseError, OSError):
            self._db = None

    def load(self, key: str, blobs: Mapping[str, str], expected: type) -> dict[str, Any]:
        """The cached result of each path whose blob id matches, keyed ``key`` (a fingerprint)."""
        found: dict[str, Any] = {}
        if self._db is None:
            return found
        query = "SELECT payload FROM observations WHERE fingerprint=? AND path=? AND blob=?"
        try:
            for path, blob in blobs.items():
                row = self._db.execute(query, (key, _key(path), blob)).fetchone()
                if row is not None and (result := _decoded(row[0], expected, path)) is not None:
                    found[path] = result
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return {}
        return found

    def store(self, key: str, results: Iterable[tuple[str, str, Any]]) -> None:
        """Remember ``(path, blob id, result)`` triples under ``key``, in one transaction."""
        if self._db is None:
            return
        rows = []
        for path, blob, result in results:
            with contextlib.suppress(codec.InvalidError):  # a value it cannot carry: not kept
                rows.append((key, _key(path), blob, codec.dumps(result)))
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.executemany("INSERT OR REPLACE INTO observations VALUES (?, ?, ?, ?)", rows)
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            self._failed(error)

    def report(self, target: str, table: str = "reports") -> tuple[str, bytes] | None:
        """The key and payload of the report (or of its ``documents``) last kept for
        ``target``, if any."""
        if self._db is None or table not in _KEPT:
            return None
        try:
            row = self._db.execute(f"SELECT key, payload FROM {table} WHERE target=?",
                                   (_key(target),)).fetchone()
        except sqlite3.DatabaseError as error:
            self._failed(error)
            return None
        if row is None or not isinstance(row[0], str) or not isinstance(row[1], bytes):
            return None
        return row[0], row[1]

    def keep_report(self, target: str, key: str, payload: bytes, table: str = "reports") -> None:
        """Keep ``payload`` as ``target``'s report (or document), replacing the one before."""
        if self._db is None or table not in _KEPT:
            return
        try:
            self._db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)",
                             (_key(target), key, payload))
        except sqlite3.DatabaseError as error:
            self._failed(error)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def enable_wal(db: sqlite3.Connection, patience: float = 30.0) -> None:
    """WAL journaling; switching needs a moment alone with the file, so wait for it."""
    deadline = time.monotonic() + patience
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "lock" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class UnsafeCacheError(OSError):
    """The cache directory or file could be written by someone else."""


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    if message not in _warned:
        _warned.add(message)
        print(f"modernity: warning: {message}", file=sys.stderr)


def _check_private(path: Path) -> None:
    """Refuse a cache path another user could have planted rows in."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeCacheError(f"cache {path} is a symbolic link; running without a cache")
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        raise UnsafeCacheError(
            f"cache {path} is not owned by you or is writable by others; running without a cache"
        )


def _key(path: str) -> bytes:
    return path.encode("utf-8", "surrogateescape")  # file names need not be UTF-8


def _decoded(payload: bytes, expected: type, path: str) -> Any | None:
    try:
        result = codec.loads(payload)
    except codec.InvalidError:
        return None
    if not isinstance(result, expected) or getattr(result, "path", None) != path:
        return None
    return result
