"""Benchmark modernity against its parsing floor and its peers, on the same real files.

Run on demand (never in the test suite), on an otherwise idle machine, from the
project's virtualenv:

    .venv/bin/python benchmarks/run.py [--repeat 3] [--corpus flask --corpus django ...]

Corpora are PyPI sdists, downloaded once and unpacked under the cache directory
(``--cache``, default ``~/.cache/modernity-bench``); ``--source NAME=DIR`` uses a local
tree instead. ``small`` is a generated 10-file repository. Each corpus is staged as a
plain directory holding exactly the Python files modernity analyses (vendored,
generated and over-limit files left out), so every tool reads the same files.
The peers (vermin, radon) run from their own virtualenv under the cache directory,
created on first use from ``benchmarks/requirements.txt``: they are not dependencies
of modernity. Each measurement is the median wall time of ``--repeat`` fresh processes,
one corpus at a time, in rounds: each round runs every cold command once, back to back,
so a drift in the machine's speed reaches both sides of a ratio. The tables go to stdout and, with
``--write``, replace the generated section of ``benchmarks/RESULTS.md``: a table of
the issue-13 targets over every corpus, then one table per corpus, with the core
count and the load average before and after each corpus.

modernity's own modules are compiled to bytecode first (``compileall``), as a pip
install does: a development checkout run with ``PYTHONDONTWRITEBYTECODE`` would
otherwise compile about 130 modules in every process it starts (0.3 CPU s each). The
workers' kept dataclass code (``analyzer.codecache``) is written then too, as the first
scan after an install writes it.
"""

import argparse
import hashlib
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
CORPORA = ("small", "flask", "httpx", "requests", "django")
BEGIN, END = "<!-- run.py: begin -->", "<!-- run.py: end -->"
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
SMALL_MODULE = '''"""Module {n}: orders and their totals."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Line{n}:
    sku: str
    quantity: int
    price: float

    def total(self) -> float:
        return self.quantity * self.price


def order_total_{n}(lines: list[Line{n}], discount: float = 0.0) -> float:
    """The order's total after ``discount`` (a fraction)."""
    subtotal = sum(line.total() for line in lines)
    if not 0 <= discount < 1:
        raise ValueError(f"bad discount {{discount}}")
    return round(subtotal * (1 - discount), 2)


def largest_{n}(lines: list[Line{n}]) -> Line{n} | None:
    match lines:
        case []:
            return None
        case [only]:
            return only
        case _:
            return max(lines, key=lambda line: line.total())
'''


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


def small_repo(dest: Path) -> Path:
    """Ten small modules (nine of production code and a test), written afresh."""
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "shop").mkdir(parents=True)
    (dest / "tests").mkdir()
    for n in range(9):
        (dest / "shop" / f"orders_{n}.py").write_text(SMALL_MODULE.format(n=n))
    (dest / "tests" / "test_orders.py").write_text(
        "from shop.orders_0 import Line0, order_total_0\n\n\n"
        "def test_total() -> None:\n    assert order_total_0([Line0('a', 2, 1.5)]) == 3.0\n"
    )
    return dest


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


def peers(cache: Path) -> Path:
    """The bin directory of a virtualenv holding vermin and radon, made on first use."""
    venv = cache / "peers-venv"
    if not (venv / "bin" / "vermin").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "-r",
                        str(HERE / "requirements.txt")], check=True)
    return venv / "bin"


def precompile() -> None:
    """Bytecode for modernity's modules, which an editable install does not write, and the
    kept code of the workers' dataclasses (``analyzer.codecache``), which modernity's first
    scan writes where Python writes bytecode."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "analyzer"),
                    str(ROOT / "checks")], check=True, stdout=subprocess.DEVNULL)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", "import analyzer.warm"], check=True, env=env, cwd=ROOT)


TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int, cpu: dict[int, float]) -> int:
    """Resident bytes of a process and all its descendants (shared pages counted each
    time); records each one's CPU seconds so far in ``cpu``."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) * 1024
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            cpu[current] = max(cpu.get(current, 0.0), (int(fields[11]) + int(fields[12])) / TICK)
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


Run = tuple[float, int, str, float]  # wall s, peak RSS bytes, SHA-256 of stdout, CPU s


def timed(command: list[str], env: dict[str, str]) -> Run:
    """Wall time, peak memory and output digest; CPU is the whole tree's, sampled every
    20 ms (a process's last few milliseconds can be missed), less sensitive to load."""
    peak = 0
    cpu: dict[int, float] = {}
    done = threading.Event()
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out)

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.02):
                peak = max(peak, _tree(process.pid, cpu))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # only here: the sampler never reaps
        elapsed = time.perf_counter() - start
        done.set()
        process.returncode = code = os.waitstatus_to_exitcode(status)
        sampler.join()
        cpu[process.pid] = usage.ru_utime + usage.ru_stime  # exact for the main process
        out.seek(0)
        digest = hashlib.sha256(out.read()).hexdigest()
    if code not in (0, 1):  # radon and vermin exit 0; modernity 1 only below --fail-under
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return elapsed, peak, digest, sum(cpu.values())


def measure(command: list[str], env: dict[str, str], repeat: int) -> Run:
    return summary([timed(command, env) for _ in range(repeat)])


def summary(runs: list[Run]) -> Run:
    """Median wall and CPU time, peak memory, and the first run's output digest."""
    return (statistics.median(r[0] for r in runs), max(r[1] for r in runs), runs[0][2],
            statistics.median(r[3] for r in runs))


def bench(staged: Path, repeat: int, cache_dir: Path, tools: Path) -> dict[str, Run]:
    env = {**os.environ, "MODERNITY_CACHE_DIR": str(cache_dir)}
    scan = [str(BIN / "modernity"), "scan", str(staged), "--format=json", "--now=2026-06-01"]
    cores = len(os.sched_getaffinity(0))
    commands = {
        "libcst parse-only (1 process)": [sys.executable, "-c", PARSE_ONLY, str(staged)],
        "modernity cold --jobs 1": [*scan, "--no-cache", "--jobs=1"],
        "modernity cold --jobs 2": [*scan, "--no-cache", "--jobs=2"],
        f"modernity cold default jobs ({cores})": [*scan, "--no-cache"],
        "vermin (all cores)": [str(tools / "vermin"), "-q", "--no-tips", str(staged)],
        "radon cc": [str(tools / "radon"), "cc", str(staged)],
        "radon mi": [str(tools / "radon"), "mi", str(staged)],
    }
    default = f"modernity cold default jobs ({cores})"
    same = {default: "modernity cold --jobs 2"} if cores == 2 else {}  # the same command
    # Round by round, every command once per round: this shared host's speed drifts (a
    # fifth within minutes), and a ratio's two sides measured minutes apart drifted apart.
    runs: dict[str, list[Run]] = {label: [] for label in commands if label not in same}
    for round_number in range(1, repeat + 1):
        print(f"  round {round_number} of {repeat} ...", file=sys.stderr, flush=True)
        for label, found in runs.items():
            found.append(timed(commands[label], env))
    results = {label: summary(runs[same.get(label, label)]) for label in commands}
    shutil.rmtree(cache_dir, ignore_errors=True)
    timed(scan, env)  # fills the cache
    print("  modernity warm ...", file=sys.stderr, flush=True)
    results["modernity warm (default jobs)"] = measure(scan, env, repeat)
    # The same scan with a --now never used before (a scan without --now): the kept report
    # answers, and only the checks that read the date fold again (analyzer.redate). These
    # staged trees are plain folders: no history, so nothing reads the date here.
    results["modernity warm, a new --now each run (plain folder)"] = summary(
        [timed([*scan[:-1], f"--now=2026-07-{day:02d}"], env) for day in range(1, repeat + 1)])
    return results


def report(name: str, files: int, lines: int, results: dict[str, Run]) -> str:
    rows = [
        f"### {name}: {files:,} files, {lines:,} lines", "",
        "| measurement | wall s (median) | LOC/s | peak RSS MB | x parse-only | CPU s, all |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    floor = results["libcst parse-only (1 process)"][0]
    for label, (seconds, peak, _, cpu) in results.items():
        rows.append(f"| {label} | {seconds:.2f} | {lines / seconds:,.0f} | {peak / 2**20:,.0f} "
                    f"| {seconds / floor:.2f} | {cpu:.2f} |")
    cold1, cold2 = results["modernity cold --jobs 1"], results["modernity cold --jobs 2"]
    default = next(run for label, run in results.items() if label.startswith("modernity cold d"))
    peer = sum(results[k][0] for k in ("vermin (all cores)", "radon cc", "radon mi"))
    warm = results["modernity warm (default jobs)"][0]
    same = "yes" if cold1[2] == cold2[2] else "**NO**"
    rows += [
        "",
        f"- cold --jobs 1 / parse-only: **{cold1[0] / floor:.2f}x** (target ≤ 1.5x)",
        f"- cold default jobs / (vermin + radon cc + radon mi = {peer:.2f} s): "
        f"**{default[0] / peer:.2f}x** (target < 1x)",
        f"- warm / cold default jobs: **{warm / default[0]:.1%}** (target ≤ 10%); "
        f"a new --now each run: "
        f"{results['modernity warm, a new --now each run (plain folder)'][0] / default[0]:.1%}",
        f"- cold default jobs: **{default[0]:.2f} s**; peak RSS, parent + workers: "
        f"**{default[1] / 2**20:,.0f} MB** (targets: < 1 s for 10 files, ≤ 1024 MB)",
        f"- --jobs 1 / --jobs 2: {cold1[0] / cold2[0]:.2f}x; JSON byte-identical: {same}",
        "",
    ]
    return "\n".join(rows)


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _default(results: dict[str, Run]) -> Run:
    return next(run for label, run in results.items() if label.startswith("modernity cold d"))


def _ratios(results: dict[str, Run]) -> dict[str, float]:
    floor = results["libcst parse-only (1 process)"][0]
    peers = sum(results[k][0] for k in ("vermin (all cores)", "radon cc", "radon mi"))
    default = _default(results)
    one, two = results["modernity cold --jobs 1"], results["modernity cold --jobs 2"]
    return {
        "jobs1": one[0] / floor,
        "peers": default[0] / peers,
        "warm": results["modernity warm (default jobs)"][0] / default[0],
        "wall": default[0],
        "rss": max(run[1] for label, run in results.items() if label.startswith("modernity"))
        / 2**20,
        "same": float(one[2] == two[2]),  # the JSON reports' digests
    }


TARGETS = (  # key, what, format, limit, which corpora the issue sets it for, lower is better
    ("jobs1", "cold `--jobs 1` / libcst parse-only", "{:.2f}x", 1.5, ("flask", "django")),
    ("peers", "cold default jobs / (vermin + radon cc + radon mi)", "{:.2f}x", 1.0,
     ("flask", "django")),
    ("warm", "warm / cold default jobs", "{:.0%}", 0.10, ("flask",)),
    ("wall", "cold default jobs, wall s", "{:.2f} s", 1.0, ("small",)),
    ("rss", "peak RSS, parent + workers", "{:,.0f} MB", 1024, ("django",)),
)


def targets(measured: dict[str, dict[str, float]]) -> str:
    """One row per issue-13 target, one column per corpus; the corpora it is set for in bold."""
    names = list(measured)
    rows = [
        "### Targets (issue 13)", "",
        f"| target | {' | '.join(names)} | met where set? |",
        f"| --- | {' | '.join('---:' for _ in names)} | --- |",
    ]
    for key, what, form, limit, where in TARGETS:
        cells = [form.format(measured[n][key]) for n in names]
        cells = [f"**{c}**" if n in where else c for n, c in zip(names, cells, strict=True)]
        judged = [measured[n][key] <= limit for n in where if n in measured]
        verdict = "not measured" if not judged else "yes" if all(judged) else "**no**"
        rows.append(f"| {what} (target ≤ {form.format(limit)} on {', '.join(where)}) "
                    f"| {' | '.join(cells)} | {verdict} |")
    same = all(measured[n]["same"] for n in names)
    rows.append(f"| `--jobs 1` and `--jobs 2` JSON byte-identical | "
                f"{' | '.join('yes' if measured[n]['same'] else '**NO**' for n in names)} "
                f"| {'yes' if same else '**no**'} |")
    return "\n".join([*rows, ""])


def write(text: str) -> None:
    results = HERE / "RESULTS.md"
    current = results.read_text()
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        current = head + BEGIN + "\n" + text + "\n" + END + rest.split(END, 1)[1]
    else:
        current += f"\n{BEGIN}\n{text}\n{END}\n"
    results.write_text(current)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "modernity-bench")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--corpus", action="append", choices=CORPORA)
    parser.add_argument("--source", action="append", default=[], metavar="NAME=DIR",
                        help="analyse DIR for corpus NAME instead of its PyPI sdist")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args()
    sources = {name: Path(path) for name, _, path in (s.partition("=") for s in args.source)}
    tools = peers(args.cache)
    precompile()
    began = time.perf_counter()
    head = (
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"(usable: {len(os.sched_getaffinity(0))}), Python {sys.version.split()[0]}; "
        f"load average before: {_load()}; median of {args.repeat} rounds, commands interleaved; "
        "modernity's bytecode precompiled."
    )
    tables: list[str] = []
    measured: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="modernity-bench-") as tmp:
        for name in args.corpus or CORPORA:
            staged = args.cache / "staged" / name
            if name == "small":
                source = small_repo(Path(tmp) / "small-source")
            else:
                source = sources.get(name) or fetch(name, args.cache)
            files, lines = stage(source, staged)
            before = _load()
            print(f"{name}: {files} files, {lines} lines; load {before}", file=sys.stderr)
            results = bench(staged, args.repeat, Path(tmp) / name, tools)
            measured[name] = _ratios(results)
            tables.append(report(name, files, lines, results)
                          + f"Load average before: {before}; after: {_load()}.\n")
    minutes = (time.perf_counter() - began) / 60
    text = "\n".join([head, "", targets(measured), *tables,
                      f"Load average after: {_load()}. The run took {minutes:.1f} minutes."])
    print(text)
    if args.write:
        write(text)


if __name__ == "__main__":
    main()
