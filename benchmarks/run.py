"""Benchmark modernity against its parsing floor and its peers, on the same real files.

Run on demand (never in the test suite), from the project's virtualenv:

    .venv/bin/pip install -r benchmarks/requirements.txt
    .venv/bin/python benchmarks/run.py [--repeat 3] [--corpus flask --corpus django ...]

Corpora are PyPI sdists, downloaded once and unpacked under the cache directory
(``--cache``, default ``~/.cache/modernity-bench``). Each corpus is staged as a plain
directory holding exactly the Python files modernity analyses (vendored, generated
and over-limit files already left out), so every tool reads the same files.
Each measurement is the median wall time of ``--repeat`` runs of a fresh process.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

BIN = Path(sys.executable).parent
CORPORA = ("flask", "httpx", "requests", "django")
PARSE_ONLY = """
import sys
from pathlib import Path
import libcst
for path in sorted(Path(sys.argv[1]).rglob("*.py")):
    try:
        libcst.parse_module(path.read_bytes().decode("utf-8", "replace"))
    except Exception:
        pass
"""


def fetch(name: str, cache: Path) -> Path:
    """The unpacked sdist of ``name`` (downloaded on first use)."""
    sdists = cache / "sdists"
    if not any(sdists.glob(f"{name}-*.tar.gz")):
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:", "--no-deps",
             name, "-d", str(sdists)], check=True,
        )
    archive = max(sdists.glob(f"{name}-*.tar.gz"))
    target = cache / "src" / archive.name.removesuffix(".tar.gz")
    if not target.is_dir():
        with tarfile.open(archive) as tar:
            tar.extractall(cache / "src", filter="data")
    return target


def stage(source: Path, dest: Path) -> tuple[int, int]:
    """Copy the Python files modernity would analyse into ``dest``; return files and lines."""
    from analyzer.walk import build_repo  # noqa: PLC0415

    repo = build_repo(source, now=datetime.now(UTC))
    shutil.rmtree(dest, ignore_errors=True)
    lines = 0
    for path in repo.python_files:
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        data = (source / path).read_bytes()
        (dest / path).write_bytes(data)
        lines += data.count(b"\n")
    return len(repo.python_files), lines


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (shared pages counted each time)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) * 1024
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, IndexError):
            continue
    return total


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of the whole process tree."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - start
    sampler.join()
    if code not in (0, 1):  # radon and vermin exit 0; modernity 1 only below --fail-under
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return elapsed, peak


def measure(command: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    runs = [timed(command, env) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def bench(name: str, staged: Path, repeat: int, cache_dir: Path) -> dict[str, tuple[float, int]]:
    env = {**os.environ, "MODERNITY_CACHE_DIR": str(cache_dir)}
    scan = [str(BIN / "modernity"), "scan", str(staged), "--format=json", "--now=2026-06-01"]
    commands = {
        "libcst parse-only (1 process)": [sys.executable, "-c", PARSE_ONLY, str(staged)],
        "modernity cold --jobs 1": [*scan, "--no-cache", "--jobs=1"],
        "modernity cold --jobs 2": [*scan, "--no-cache", "--jobs=2"],
        "modernity cold (default jobs)": [*scan, "--no-cache"],  # reused when it means --jobs 2
        "vermin (all cores)": [str(BIN / "vermin"), "-q", "--no-tips", str(staged)],
        "radon cc": [str(BIN / "radon"), "cc", str(staged)],
        "radon mi": [str(BIN / "radon"), "mi", str(staged)],
    }
    results: dict[str, tuple[float, int]] = {}
    for label, command in commands.items():
        if label == "modernity cold (default jobs)" and len(os.sched_getaffinity(0)) == 2:
            results[label] = results["modernity cold --jobs 2"]
            continue
        print(f"  {name}: {label} ...", file=sys.stderr, flush=True)
        results[label] = measure(command, env, repeat)
    shutil.rmtree(cache_dir, ignore_errors=True)
    timed(scan, env)  # fills the cache
    print(f"  {name}: modernity warm ...", file=sys.stderr, flush=True)
    results["modernity warm (default jobs)"] = measure(scan, env, repeat)
    return results


def report(name: str, files: int, lines: int, results: dict[str, tuple[float, int]]) -> str:
    rows = [
        f"### {name}: {files:,} files, {lines:,} lines", "",
        "| measurement | wall s (median) | LOC/s | peak RSS MB | x parse-only |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    floor = results["libcst parse-only (1 process)"][0]
    for label, (seconds, peak) in results.items():
        rows.append(f"| {label} | {seconds:.2f} | {lines / seconds:,.0f} | {peak / 2**20:,.0f} "
                    f"| {seconds / floor:.2f} |")
    cold1 = results["modernity cold --jobs 1"][0]
    cold2 = results["modernity cold --jobs 2"][0]
    cold = results["modernity cold (default jobs)"][0]
    peers = sum(results[k][0] for k in ("vermin (all cores)", "radon cc", "radon mi"))
    warm = results["modernity warm (default jobs)"][0]
    rows += [
        "",
        f"- cold --jobs 1 / parse-only: **{cold1 / floor:.2f}x** (target ≤ 1.5x)",
        f"- vermin + radon cc + radon mi: {peers:.2f} s vs modernity cold default jobs "
        f"{cold:.2f} s: **{peers / cold:.2f}x** (target > 1x)",
        f"- --jobs 1 / --jobs 2: **{cold1 / cold2:.2f}x** (target ≥ 1.7x on django)",
        f"- warm / cold: **{warm / cold:.1%}** (target ≤ 10%)",
        f"- peak RSS, cold default jobs, parent + workers: "
        f"**{results['modernity cold (default jobs)'][1] / 2**20:,.0f} MB** (target ≤ 1024 MB)",
        "",
    ]
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "modernity-bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", action="append", choices=CORPORA)
    args = parser.parse_args()
    load = os.getloadavg()
    out = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"(usable: {len(os.sched_getaffinity(0))}), Python {sys.version.split()[0]}; "
        f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
        f"median of {args.repeat} runs.", "",
    ]
    with tempfile.TemporaryDirectory(prefix="modernity-bench-") as tmp:
        for name in args.corpus or CORPORA:
            staged = args.cache / "staged" / name
            files, lines = stage(fetch(name, args.cache), staged)
            print(f"{name}: {files} files, {lines} lines", file=sys.stderr, flush=True)
            results = bench(name, staged, args.repeat, Path(tmp) / name)
            out.append(report(name, files, lines, results))
    load = os.getloadavg()
    out.append(f"Load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}.")
    print("\n".join(out))


if __name__ == "__main__":
    main()
