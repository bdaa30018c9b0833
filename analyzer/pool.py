"""Analysing files in worker processes, so that a parser crash costs one file, not the scan.

libcst's native parser dies with SIGSEGV on some pathological inputs (about 10,000
nested parentheses), which no ``except`` can catch. Each worker here owns a pipe, so
the parent always knows which chunk a worker holds: when a worker dies, the files of
its chunk are queued again one by one, and a file that kills a worker on its own is
reported as crashed. Every other file's result is kept.

Workers send each file's result as it is done, so the parent knows which file a worker
is on and since when: past ``--file-timeout`` (a native parse cannot be interrupted from
inside) the worker is killed and replaced, and that file is reported as timed out. A
worker holds its next chunk before it ends the current one: without it, a worker waited
for the parent after each chunk (flask, ``--jobs 1``: 5-8 ms in all).

Start method: ``forkserver``. ``fork`` would be cheapest, but forking a parent that
holds threads (GitPython's timeout watchdogs, a progress display) can copy a held
lock into the child and hang it; ``spawn`` pays the interpreter and libcst import
in every worker. The fork server is one thread-free process, started once with
libcst and every check already imported (``analyzer.warm``), and each worker is a
cheap fork of it.

Within a ``session`` (a multi-target scan), workers outlive one repository: each
chunk says which root and checks it is for, and idle workers wait for the next
target instead of being started again.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.socketdir import stop_fork_server, worker_context

if TYPE_CHECKING:  # multiprocessing loads with the first worker: a warm scan starts none
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

CRASHED = "analysis crashed"
CHUNK_BYTES = 64 * 1024  # a fraction of a second of parsing: cheap to lose, cheap to send
CHUNK_FILES = 64


def chunked(sizes: Mapping[str, int], jobs: int) -> list[list[str]]:
    """Paths in chunks of roughly equal bytes, largest files first so the slowest start early."""
    target = max(1, min(CHUNK_BYTES, sum(sizes.values()) // (jobs * 4)))
    chunks: list[list[str]] = []
    current: list[str] = []
    weight = 0
    for path in sorted(sizes, key=lambda p: (-sizes[p], p)):
        current.append(path)
        weight += sizes[path]
        if weight >= target or len(current) >= CHUNK_FILES:
            chunks.append(current)
            current, weight = [], 0
    if current:
        chunks.append(current)
    return chunks


Analyse = Callable[[Path, str, Sequence[Any]], Any]


Task = tuple[str, tuple[str, ...], Analyse | None, list[str]]  # root, check names, how, paths


def _serve(conn: Connection) -> None:
    """A worker's life: analyse each chunk it is sent until it is sent ``None``."""
    from analyzer.engine import analyse_file  # noqa: PLC0415  (imported by the fork server)
    from analyzer.registry import get_check  # noqa: PLC0415

    gc.freeze()  # the imported modules are never garbage: keep the collector off them
    checks: dict[tuple[str, ...], list[Any]] = {}
    task: Task | None
    while (task := conn.recv()) is not None:
        root, names, analyse, chunk = task
        if names not in checks:
            checks[names] = [get_check(name) for name in names]
        how, base = analyse or analyse_file, Path(root)
        for path in chunk:
            conn.send(how(base, path, checks[names]))


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    chunks: deque[list[str]] = field(default_factory=deque)  # sent, not all answered yet
    results: list[Any] = field(default_factory=list)  # for the first chunk's paths, in order
    since: float = 0.0  # when the file it is on was started

    def give(self, head: tuple[str, tuple[str, ...], Analyse | None], chunk: list[str]) -> None:
        if not self.chunks:  # else it is still on a file of an earlier chunk
            self.results, self.since = [], time.monotonic()
        self.chunks.append(chunk)
        with contextlib.suppress(OSError):  # it has died; its sentinel tells the wait below
            self.conn.send((*head, chunk))

    def wants(self, queued: int, jobs: int) -> bool:
        """Idle, or on its last chunk while every worker can still get one more: the next
        chunk then waits in its pipe instead of the worker waiting for the parent."""
        return not self.chunks or (len(self.chunks) == 1 and queued >= jobs)

    def collect(self) -> bool:  # every result sent so far; False when the worker died
        try:
            while self.conn.poll():
                self.results.append(self.conn.recv())
                self.since = time.monotonic()
        except (EOFError, OSError):
            return False
        return True

    def answered(self) -> Iterator[tuple[str, Any]]:
        """The results of every chunk answered in full, those chunks forgotten."""
        while self.chunks and len(self.results) >= len(self.chunks[0]):
            chunk = self.chunks.popleft()
            yield from zip(chunk, self.results[:len(chunk)], strict=True)
            del self.results[:len(chunk)]

    def stop(self, *, now: bool) -> None:
        if not now:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def prepare() -> None:
    """Start the fork server now: its imports overlap with the parent's and with cloning."""
    worker_context()


def _start(context: BaseContext) -> _Worker:
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs,), daemon=True)  # type: ignore[attr-defined]
    process.start()
    theirs.close()  # else the parent would never see end-of-file when the worker dies
    return _Worker(process, ours)


def analyse_in_workers(
    root: Path, sizes: Mapping[str, int], names: Sequence[str], jobs: int,
    analyse: Analyse | None = None, file_timeout: float | None = None,
) -> tuple[dict[str, Any], list[str], list[str]]:
    """Each path's ``analyse_file`` (or module-level ``analyse``) outcome, the paths whose
    analysis killed a worker, and those past ``file_timeout`` seconds (worker killed)."""
    from multiprocessing.connection import wait  # noqa: PLC0415

    queue = deque(chunked(sizes, jobs))
    context = worker_context()
    head = (str(root), tuple(names), analyse)
    done: dict[str, Any] = {}
    crashed: list[str] = []
    timed_out: list[str] = []
    workers = _borrow(jobs)
    finished = False
    try:
        while queue or any(worker.chunks for worker in workers):
            for worker in workers:
                while queue and worker.wants(len(queue), jobs):
                    worker.give(head, queue.popleft())
            while queue and len(workers) < jobs:
                workers.append(_start(context))
                workers[-1].give(head, queue.popleft())
            busy = [worker for worker in workers if worker.chunks]
            due = min(w.since for w in busy) + (file_timeout or 0) - time.monotonic()
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                             None if file_timeout is None else max(0.0, due)))
            for worker in busy:
                alive = worker.collect() if worker.conn in ready else True
                done.update(worker.answered())
                if alive and not worker.chunks:
                    continue
                late = file_timeout is not None and time.monotonic() - worker.since >= file_timeout
                if alive and worker.process.sentinel not in ready and not late:
                    continue
                pending = [path for chunk in worker.chunks for path in chunk]
                done.update(zip(pending, worker.results, strict=False))
                stuck = pending[len(worker.results):]  # the file it was on, then the rest
                worker.stop(now=True)
                workers.remove(worker)
                if stuck:  # none when it died between two chunks
                    (timed_out if alive and late else crashed).append(stuck[0])
                queue.extendleft([stuck[1:]] if stuck[1:] else [])
        finished = True
    finally:
        _give_back(workers, healthy=finished)
    return done, sorted(crashed), sorted(timed_out)


_idle: list[_Worker] | None = None  # a session's idle workers; None outside a session
_started = False  # whether this process has started a worker since its session began


def _borrow(jobs: int) -> list[_Worker]:
    global _started  # noqa: PLW0603
    _started = True
    if _idle is None:
        return []
    alive = [worker for worker in _idle if worker.process.is_alive()]
    for worker in _idle:
        if worker not in alive:
            worker.stop(now=True)
    _idle[:] = alive[jobs:]
    return alive[:jobs]


def _give_back(workers: list[_Worker], *, healthy: bool) -> None:
    for worker in workers:
        if _idle is not None and healthy:
            _idle.append(worker)
        else:
            worker.stop(now=not healthy)


@contextlib.contextmanager
def session() -> Iterator[None]:
    """Keep workers between the repositories of a multi-target scan; stop them at the end.

    Workers start when the first file needs analysing, not before: a fork waits for
    the fork server's imports, and a scan whose files all come from the cache (a warm
    scan) then never waits for them. Such a scan stops the unused fork server, which
    ``prepare`` started early so that a cold scan's imports overlap with it. A nested
    session uses the outer one's workers.
    """
    global _idle, _started  # noqa: PLW0603  (one session per process: the CLI's scan)
    if _idle is not None:
        yield
        return
    idle: list[_Worker] = []
    _idle, _started = idle, False
    clean = False
    try:
        yield
        clean = True
    finally:
        for worker in idle:
            worker.stop(now=not clean)
        if not _started:
            stop_fork_server()
        _idle = None
