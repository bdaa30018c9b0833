"""Worker processes: results independent of the number of workers, and a crash costs one file."""

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

import libcst
import pytest

from analyzer.check import RepoCheck
from analyzer.engine import FileResult, analyse_file, run
from analyzer.fold import Fold
from analyzer.model import Signal
from analyzer.pool import CRASHED, analyse_in_workers, chunked, prepare, session
from analyzer.registry import all_checks, get_check
from analyzer.repo import Repo
from analyzer.walk import build_repo
from tests.gitrepo import make_repo, write_files
from tests.test_fixtures import NOW, scan_json

# libcst's native parser overflows its stack on this and the process dies with SIGSEGV.
DEEP = "x = " + "(" * 20_000 + "1" + ")" * 20_000 + "\n"


def _sources(count: int) -> dict[str, str]:
    files = {
        f"pkg/mod_{n:02}.py":
            f"def f{n}(a: int) -> int:\n    return a\n\n\ndef g{n}(b):\n    return b\n"
        for n in range(count)
    }
    files["pkg/broken.py"] = "def broken(:\n"
    files["tests/test_pkg.py"] = "def test_it():\n    assert True\n"
    return files


def test_jobs_1_and_2_give_byte_identical_json(tmp_path: Path) -> None:
    """The JSON report is the same byte for byte with one worker and with two."""
    repo = make_repo(tmp_path / "repo", _sources(12))
    one = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(repo), "--format=json", f"--now={NOW}",
         "--no-cache", "--jobs=1"], capture_output=True, check=True,
    ).stdout
    two = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(repo), "--format=json", f"--now={NOW}",
         "--no-cache", "--jobs=2"], capture_output=True, check=True,
    ).stdout
    assert one == two
    assert b'"pkg/broken.py"' in one


def test_cached_rescan_gives_the_same_document(tmp_path: Path) -> None:
    """A warm scan (every file from the cache) reports exactly what the cold scan did."""
    repo = make_repo(tmp_path / "repo", _sources(3))
    assert scan_json(str(repo)) == scan_json(str(repo))


def test_chunks_cover_each_path_once_largest_first() -> None:
    """Every path lands in exactly one chunk, and the biggest file is handed out first."""
    sizes = {f"f{n}.py": n * 1000 for n in range(200)}
    chunks = chunked(sizes, jobs=2)
    flat = [path for chunk in chunks for path in chunk]
    assert sorted(flat) == sorted(sizes)
    assert flat[0] == "f199.py"
    assert len(chunks) > 2


def test_deep_nesting_really_kills_the_parser_process() -> None:
    """The crash input is real: parsing it takes a Python process down with a signal."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, libcst; libcst.parse_module(sys.stdin.read())"],
        input=DEEP, capture_output=True, text=True, check=False,
    )
    assert done.returncode < 0, "libcst no longer crashes on deep nesting: pick another input"


def analyse_without_guard(root: Path, path: str, checks: Sequence[Any]) -> Any:
    """analyse_file without the pre-parse guard, which would refuse the deep file first:
    the worker really parses it with libcst and really dies of the signal."""
    with contextlib.suppress(libcst.ParserSyntaxError):  # pkg/broken.py: an ordinary error
        libcst.parse_module((root / path).read_text())
    return analyse_file(root, path, checks)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_kills_its_worker_is_reported_and_the_rest_kept(
    tmp_path: Path, jobs: int,
) -> None:
    """The pool re-runs the dead worker's chunk file by file and names only the culprit."""
    files = {**_sources(10), "pkg/deep.py": DEEP}
    root = tmp_path / "plain"
    write_files(root, files)
    sizes = {path: 1 for path in files}  # equal sizes: deep.py shares a chunk with others
    names = [cls.name for cls in all_checks() if cls.is_file_level()]
    done, crashed, _ = analyse_in_workers(root, sizes, names, jobs, analyse_without_guard)
    assert crashed == ["pkg/deep.py"]
    assert sorted(done) == sorted(set(files) - {"pkg/deep.py"})
    results: list[FileResult] = [result for _, result in done.values()]
    assert all(result.observations for result in results if result.path != "pkg/broken.py")


def test_scan_survives_a_crashing_file(tmp_path: Path) -> None:
    """End to end, the crashing file is skipped with a reason and the others still count."""
    root = tmp_path / "plain"
    root.mkdir()
    (root / "app.py").write_text("def f(a: int) -> int:\n    return a\n")
    (root / "deep.py").write_text(DEEP)
    analysis = run(build_repo(root, now=datetime(2026, 6, 1, tzinfo=UTC)), jobs=2)
    assert "deep.py" in analysis.unparsable
    [hints] = [s for s in analysis.signals if s.check == "type_hints"]
    assert hints.details["functions"] == 1
    if analysis.unparsable["deep.py"] == CRASHED:  # not rejected earlier by a pre-parse guard
        assert analysis.stats.crashed == 1


def worker_and_root(root: Path, path: str, checks: Sequence[Any]) -> tuple[int, str]:
    return os.getpid(), root.name


def _next_chunk_waiting() -> bool:
    """In a worker: whether the parent has already sent the next chunk (up to 10 s)."""
    frame = sys._getframe()
    while frame.f_code.co_name != "_serve" and frame.f_back is not None:
        frame = frame.f_back
    return bool(frame.f_locals["conn"].poll(10))


def next_chunk_on_second_files(root: Path, path: str, checks: Sequence[Any]) -> Any:
    """Chunks of three files: on the second file of each chunk but the last, was the
    next chunk already in the pipe?"""
    return _next_chunk_waiting() if path in {"f01.py", "f04.py", "f07.py"} else None


def test_a_worker_holds_its_next_chunk_before_it_ends_the_current_one(tmp_path: Path) -> None:
    sizes = {f"f{n:02}.py": 1 for n in range(12)}
    assert chunked(sizes, 1)[:3] == [["f00.py", "f01.py", "f02.py"],
                                     ["f03.py", "f04.py", "f05.py"],
                                     ["f06.py", "f07.py", "f08.py"]]
    done, crashed, _ = analyse_in_workers(tmp_path, sizes, [], 1, next_chunk_on_second_files)
    assert (crashed, sorted(done)) == ([], sorted(sizes))
    assert [done[path] for path in ("f01.py", "f04.py", "f07.py")] == [True, True, True]


def die_holding_the_next_chunk(root: Path, path: str, checks: Sequence[Any]) -> int:
    if path == "f01.py" and _next_chunk_waiting():
        os._exit(1)
    return os.getpid()


def test_a_worker_that_dies_holding_its_next_chunk_loses_only_its_file(tmp_path: Path) -> None:
    """The chunk it held and never began is analysed by the next worker, as is the rest."""
    sizes = {f"f{n:02}.py": 1 for n in range(12)}
    done, crashed, _ = analyse_in_workers(tmp_path, sizes, [], 1, die_holding_the_next_chunk)
    assert crashed == ["f01.py"]
    assert sorted(done) == sorted(set(sizes) - {"f01.py"})
    assert done["f00.py"] != done["f02.py"] == done["f03.py"]  # the second worker did both


def test_a_session_keeps_its_workers_for_the_next_repository(tmp_path: Path) -> None:
    """Within a session (a multi-target scan) the worker started for the first repository
    serves the second too, told each root; outside one, each call starts its own."""
    sizes = {f"f{n}.py": 1 for n in range(4)}
    with session():
        first, *_ = analyse_in_workers(tmp_path / "a", sizes, [], 1, worker_and_root)
        second, *_ = analyse_in_workers(tmp_path / "b", sizes, [], 1, worker_and_root)
    alone, *_ = analyse_in_workers(tmp_path / "c", sizes, [], 1, worker_and_root)
    assert sorted(first) == sorted(second) == sorted(alone) == sorted(sizes)
    assert {root for _, root in first.values()} == {"a"}
    assert {root for _, root in second.values()} == {"b"}
    assert len({pid for pid, _ in first.values()}) == 1
    assert {pid for pid, _ in second.values()} == {pid for pid, _ in first.values()}
    assert {pid for pid, _ in alone.values()}.isdisjoint({pid for pid, _ in first.values()})


def test_a_session_that_analyses_nothing_stops_its_fork_server(tmp_path: Path) -> None:
    """A warm scan (every file cached) starts no worker and leaves no fork server running;
    the next analysis starts a new one."""
    from multiprocessing import forkserver  # noqa: PLC0415

    with session():
        prepare()
        pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
        os.kill(pid, 0)  # running
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    done, *_ = analyse_in_workers(tmp_path, {"f.py": 1}, [], 1, worker_and_root)
    assert list(done) == ["f.py"]


class _Prepared(RepoCheck):
    """A repository check whose fold needs preparing, and whose preparation fails."""

    name = "prepared_probe"
    threads: ClassVar[list[str]] = []

    @classmethod
    def prepare_fold(cls) -> None:
        cls.threads.append(threading.current_thread().name)
        raise RuntimeError("the corpus could not be read")

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        return cls.signal(None, "folded")


def test_folds_are_prepared_while_workers_analyse_and_a_failure_is_left_to_the_fold(
    tmp_path: Path, capfd: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "plain"
    write_files(root, _sources(3))
    repo = build_repo(root, now=datetime(2026, 6, 1, tzinfo=UTC))
    analysis = run(repo, [get_check("type_hints"), _Prepared], jobs=1)
    assert _Prepared.threads == ["modernity-prepare-folds"]  # not the process's own thread
    assert [s.summary for s in analysis.signals if s.check == "prepared_probe"] == ["folded"]
    assert analysis.stats.analysed == 5
    assert capfd.readouterr().err == ""  # the failed preparation printed nothing
    _Prepared.threads.clear()
    run(Repo.from_files(_sources(3)), [_Prepared])  # analysed in this process: no waiting
    assert _Prepared.threads == []
