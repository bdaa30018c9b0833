"""The observation cache: reused when nothing changed, never trusted when damaged, shareable."""

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from analyzer import codec
from analyzer.cache import FILE_NAME, Cache, fingerprint
from analyzer.engine import Analysis, run
from analyzer.fingerprint import NOT_SHAPING, SHAPING_MODULES
from analyzer.registry import all_checks
from analyzer.walk import build_repo
from tests.gitrepo import make_repo, write_files

NOW = datetime(2026, 6, 1, tzinfo=UTC)
FILES = {
    "app/core.py": "def load(path: str) -> str:\n    return path\n",
    "app/util.py": "def helper(x):\n    return x\n",
    "app/cli.py": "def main():\n    match 1:\n        case 1:\n            pass\n",
}


def _scan(root: Path, cache: Cache | None, jobs: int = 1) -> Analysis:
    return run(build_repo(root, now=NOW), jobs=jobs, cache=cache)


def _values(analysis: Analysis) -> dict[str, object]:
    return {s.check: (s.value, s.details, s.evidence) for s in analysis.signals}


def test_unchanged_files_come_from_the_cache_and_a_changed_one_is_analysed(tmp_path: Path) -> None:
    """After an edit in the working tree, only the edited file is analysed again."""
    root = make_repo(tmp_path / "repo", FILES)
    cache = Cache(tmp_path / "cache")
    cold = _scan(root, cache)
    assert (cold.stats.cached, cold.stats.analysed) == (0, 3)
    warm = _scan(root, cache)
    assert (warm.stats.cached, warm.stats.analysed) == (3, 0)
    assert _values(warm) == _values(cold)
    (root / "app/util.py").write_text("def helper(x: int) -> int:\n    return x\n")  # not committed
    edited = _scan(root, cache)
    assert (edited.stats.cached, edited.stats.analysed) == (2, 1)
    assert _values(edited) == _values(_scan(root, None))
    [before] = [s for s in cold.signals if s.check == "type_hints"]
    [after] = [s for s in edited.signals if s.check == "type_hints"]
    assert (before.details["annotated_functions"], after.details["annotated_functions"]) == (1, 2)


def test_same_bytes_at_another_path_is_a_miss(tmp_path: Path) -> None:
    """A file's role comes from its path, so identical bytes under tests/ are analysed again."""
    root = tmp_path / "plain"
    write_files(root, FILES)
    cache = Cache(tmp_path / "cache")
    _scan(root, cache)
    (root / "tests").mkdir()
    (root / "tests/test_util.py").write_bytes((root / "app/util.py").read_bytes())
    copied = _scan(root, cache)
    assert (copied.stats.cached, copied.stats.analysed) == (3, 1)


def test_a_different_check_set_does_not_share_rows() -> None:
    """The fingerprint differs between check sets, so a subset never reads a fuller set's rows."""
    every = [cls for cls in all_checks() if cls.is_file_level()]
    assert fingerprint(every) != fingerprint(every[:1])
    assert fingerprint(every) == fingerprint(list(reversed(every)))


def test_every_module_a_worker_loads_is_in_the_key_or_said_not_to_shape_observations() -> None:
    """A module that changes what a file's observation is (the lexer, the name helpers)
    must change the cache key, or scans would reuse observations an older version made."""
    probe = ("import sys, tempfile, pathlib, analyzer.warm\n"  # and what analysing a file loads
             "from analyzer.engine import analyse_file\n"
             "from analyzer.registry import all_checks\n"
             "root = pathlib.Path(tempfile.mkdtemp())\n"
             "(root / 'app.py').write_text('def f(a: int) -> int:\\n    return (a +\\n 1)\\n')\n"
             "analyse_file(root, 'app.py', [c for c in all_checks() if c.is_file_level()])\n"
             "print(' '.join(m for m in sys.modules if m.startswith('analyzer')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    assert {"analyzer.lexer", "analyzer.linescan"} <= set(loaded)
    assert sorted(set(loaded) - set(SHAPING_MODULES) - set(NOT_SHAPING)) == []


def test_garbage_database_file_is_rebuilt(tmp_path: Path) -> None:
    """A cache file that is not a database is replaced, and scanning works and caches again."""
    root = make_repo(tmp_path / "repo", FILES)
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / FILE_NAME).write_bytes(b"\x00garbage, not SQLite\xff" * 500)
    cache = Cache(directory)
    assert cache.rebuilt
    first = _scan(root, cache)
    assert first.stats.analysed == 3
    assert _scan(root, Cache(directory)).stats.cached == 3
    assert _values(first) == _values(_scan(root, None))


def test_corrupt_payload_row_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    """A row whose payload is damaged is analysed again, not trusted, and then overwritten."""
    root = make_repo(tmp_path / "repo", FILES)
    directory = tmp_path / "cache"
    cold = _scan(root, Cache(directory))
    with sqlite3.connect(directory / FILE_NAME) as db:
        db.execute("UPDATE observations SET payload = ? WHERE path = ?",
                   (b'{"c": "analyzer.engine:FileResult", "v": {"path": 1', b"app/core.py"))
        db.execute("UPDATE observations SET payload = ? WHERE path = ?",
                   (codec.dumps({"not": "a result"}), b"app/cli.py"))
    damaged = _scan(root, Cache(directory))
    assert (damaged.stats.cached, damaged.stats.analysed) == (1, 2)
    assert _values(damaged) == _values(cold)
    assert _scan(root, Cache(directory)).stats.cached == 3


WRITER = """
import sys
from pathlib import Path
from analyzer.cache import Cache
from analyzer.engine import FileResult
cache = Cache(Path(sys.argv[1]))
me = sys.argv[2]
for batch in range(40):
    rows = [(f"{me}/{batch}/{n}.py", "blob", FileResult(f"{me}/{batch}/{n}.py")) for n in range(25)]
    cache.store("key", rows)
    assert cache.load("key", {rows[0][0]: "blob"}, FileResult), "a write was lost"
cache.close()
"""


def test_two_processes_writing_the_same_database_lose_nothing(tmp_path: Path) -> None:
    """Concurrent writers wait for each other: every row of both is stored."""
    directory = tmp_path / "cache"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(directory), name])
        for name in ("first", "second")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    with sqlite3.connect(directory / FILE_NAME) as db:
        [(count,)] = db.execute("SELECT COUNT(*) FROM observations").fetchall()
    assert count == 2 * 40 * 25


def test_no_cache_scan_writes_no_database(tmp_path: Path) -> None:
    """--no-cache leaves the cache directory untouched."""
    root = make_repo(tmp_path / "repo", FILES)
    directory = tmp_path / "cache"
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(root), "--format=json", "--no-cache",
         "--now=2026-06-01"],
        capture_output=True, text=True, check=False,
        env={**os.environ, "MODERNITY_CACHE_DIR": str(directory)},
    )
    assert done.returncode == 0, done.stderr
    assert not directory.exists()
