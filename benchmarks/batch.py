"""What a batch of small repositories costs per target: start-up amortised or not.

Run on demand, from the project's virtualenv, at the repository root:

    .venv/bin/python benchmarks/batch.py [--copies 2] [--repeat 3]

Every fixture repository (``fixtures/*``, as real git repositories with fixed dates)
is made ``--copies`` times, then ``modernity batch`` scans them cold (a new cache and
store each run) on 1 and on 2 workers. Prints the median wall time, the CPU time of
every process it waited for, and the wall time per target.
"""

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.gitrepo import fixture_names, materialise  # noqa: E402


def targets(folder: Path, copies: int) -> list[Path]:
    made = []
    for copy in range(copies):
        for name in fixture_names():
            made.append(materialise(name, folder / f"{copy}-{name}"))
    return made


def run(batch: Path, workers: int, work: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one cold batch."""
    for name in ("store.sqlite3", "cache"):
        subprocess.run(["rm", "-rf", str(work / name)], check=True)
    env = {**os.environ, "MODERNITY_CACHE_DIR": str(work / "cache")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "batch", str(batch), "--db", str(work / "store.sqlite3"),
         "--now=2026-06-01", f"--workers={workers}"],
        capture_output=True, text=True, check=False, env=env, cwd=ROOT,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"batch exited {done.returncode}: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="modernity-batch-bench-") as folder:
        work = Path(folder)
        repos = targets(work / "repos", args.copies)
        batch = work / "candidates.csv"
        with batch.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["candidate", "targets"])
            writer.writerows([f"c{n}", str(repo)] for n, repo in enumerate(repos))
        print(f"{len(repos)} targets; {os.cpu_count()} cores; load {os.getloadavg()}")
        for workers in (1, 2):
            runs = [run(batch, workers, work) for _ in range(args.repeat)]
            wall = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            print(f"--workers {workers}: {wall:.2f} s wall (median of {args.repeat}), "
                  f"{cpu:.2f} CPU s, {wall / len(repos):.3f} s per target")


if __name__ == "__main__":
    main()
