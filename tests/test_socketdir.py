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
