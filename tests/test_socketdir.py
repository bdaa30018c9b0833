"""A long TMPDIR (a CI runner's nested folder) must not break the worker pool."""

import os
import subprocess
import sys
from pathlib import Path


def test_a_scan_works_under_a_very_long_tmpdir(tmp_path: Path) -> None:
    """The fork server's socket would exceed AF_UNIX's ~107 bytes under this TMPDIR."""
    deep = tmp_path / ("t" * 60) / ("m" * 60)
    deep.mkdir(parents=True)
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "app.py").write_text("def f(a: int) -> int:\n    return a\n")
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(repo), "--format=json", "--now=2026-06-01",
         "--no-cache", "--jobs=1"],
        capture_output=True, text=True, check=False, env={**os.environ, "TMPDIR": str(deep)},
    )
    assert done.returncode == 0, done.stderr
    assert '"app.py"' in done.stdout


TRACKER_LATER = """
from multiprocessing import resource_tracker
from pathlib import Path
import sys
from analyzer.pool import analyse_in_workers, prepare, session

prepare()
tracker = resource_tracker._resource_tracker
print("after the fork server:", tracker._pid is not None)
root = Path(sys.argv[1])
with session():
    done, crashed, late = analyse_in_workers(root, {"app.py": 40}, ["type_hints"], 1)
print("after a worker:", tracker._pid is not None)
print("analysed:", sorted(done), crashed, late)
"""


def test_the_fork_server_starts_without_the_resource_tracker(tmp_path: Path) -> None:
    """The tracker (a third interpreter) starts with the first worker, which needs it,
    not while the fork server and the scan itself are importing."""
    (tmp_path / "app.py").write_text("def f(a: int) -> int:\n    return a\n")
    done = subprocess.run([sys.executable, "-c", TRACKER_LATER, str(tmp_path)],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "after the fork server: False", "after a worker: True", "analysed: ['app.py'] [] []",
    ]
