"""Running the checks: one parse and one batched libcst pass per file, then one fold per check.

Files come from the cache when their bytes, path and the check set are unchanged;
the rest are analysed in worker processes (``jobs``, at least one for a repository on
disk: only a separate process can be stopped in the middle of a native parse), or
in this process for in-memory test repositories. Results are merged by path, so the
output never depends on the number of workers or on which files were cached.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import libcst as cst  # made lazy by the CLI: a warm scan never parses

from analyzer.check import Check, SourceFile
from analyzer.dated import Redo, fold_all
from analyzer.guard import screen
from analyzer.model import Signal
from analyzer.notebooks import Unreadable, to_python
from analyzer.parse import parse_module
from analyzer.paths import role
from analyzer.pool import CRASHED, analyse_in_workers
from analyzer.registry import CheckClass, all_checks
from analyzer.repo import Repo, blob_id, read_bytes
from analyzer.syntax import python_syntax_error
from analyzer.text import decode
from analyzer.traverse import visit_batched

if TYPE_CHECKING:  # the cache is the parent's: a worker never loads it (sqlite3, hashing)
    from analyzer.cache import Cache


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file yielded: each file-level check's observation, or why it could not be read."""

    path: str
    observations: dict[str, object] = field(default_factory=dict)
    error: str | None = None


def parse_error_reason(error: cst.ParserSyntaxError, text: str = "") -> str:
    """One readable line: CPython's position and message when it agrees the file is broken."""
    if text and (confirmed := python_syntax_error(text)) is not None:
        return confirmed
    message = error.message.strip().splitlines()[0]
    line, column = error.raw_line, error.raw_column + 1
    # libcst's raw_line drifts past blank lines; its message has the true position.
    if found := re.search(r"error at (\d+):(\d+)", message):
        line, column = int(found.group(1)), int(found.group(2))
    if "expected one of" in message or message.startswith("parser error"):
        message = "not valid Python 3 syntax"
    return f"line {line}, column {column}: {message}"


def traverse(
    module: cst.Module, visitors: Sequence[Check[Any]], text: str | None = None,
) -> None:
    """One batched pass of ``visitors`` over ``module``, with their start lines at hand.

    Start lines come from the logical lines of ``text`` (``analyzer.logical``), worked out
    only when a check asks. ``MetadataWrapper.visit_batched`` follows every non-batchable
    provider with a full traversal for the batchable ones, even when there are none:
    it is used only for a check that declares a libcst metadata provider.
    """
    from analyzer.logical import Cursor, LazyLines  # noqa: PLC0415  (libcst: analysis only)

    cursor = Cursor()
    lines = LazyLines(module, text, cursor)
    for visitor in visitors:
        visitor.lines = lines
    if any(visitor.get_inherited_dependencies() for visitor in visitors):
        from libcst.metadata import MetadataWrapper  # noqa: PLC0415

        MetadataWrapper(module, unsafe_skip_copy=True).visit_batched(visitors)
        return
    visit_batched(module, visitors, cursor)


def analyse_source(source: SourceFile, text: str, checks: Sequence[CheckClass]) -> FileResult:
    """Parse ``text`` once and let every check observe it in a single batched traversal."""
    if source.notebook:
        code = to_python(text)
        if isinstance(code, Unreadable):
            return FileResult(source.path, error=code.reason)
        text = code
    refused, tokens = screen(text)  # before libcst: some inputs crash it (SIGSEGV), not raise
    if refused is not None:
        return FileResult(source.path, error=f"not parsed: {refused}")
    try:
        module = parse_module(text)
    except cst.ParserSyntaxError as error:
        return FileResult(source.path, error=parse_error_reason(error, text))
    except (RecursionError, MemoryError, ValueError, cst.CSTValidationError) as error:
        return FileResult(source.path, error=f"parser gave up: {type(error).__name__}")
    source = replace(source, text=text, tokens=tokens)
    visitors = [cls(source) for cls in checks]
    try:
        traverse(module, visitors, text)
        observations = {visitor.name: visitor.observe() for visitor in visitors}
    except RecursionError:
        return FileResult(source.path, error="too deeply nested to analyse")
    return FileResult(source.path, observations=observations)


def analyse_bytes(path: str, data: bytes, checks: Sequence[CheckClass]) -> tuple[str, FileResult]:
    """The file's blob id and result. The collector waits: a fresh tree is all live objects."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        source = SourceFile(path, role(path), notebook=path.endswith(".ipynb"))
        return blob_id(data), analyse_source(source, decode(data), checks)
    finally:
        if enabled:
            gc.enable()


def analyse_file(root: Path, path: str, checks: Sequence[CheckClass]) -> tuple[str, FileResult]:
    """What a worker does with one path: read it (never through a link) and analyse it."""
    try:
        data = read_bytes(root, path)
    except OSError as error:
        return "", FileResult(path, error=f"unreadable: {error.strerror}")
    return analyse_bytes(path, data, checks)


@dataclass(frozen=True, slots=True)
class Stats:
    """How one run handled its Python files (tests count cache hits with it, not with timing)."""

    files: int = 0
    cached: int = 0
    analysed: int = 0
    crashed: int = 0
    workers: int = 0
    uncached: int = 0  # results a later scan would compute again (timed out, unreadable, crashed)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Every signal, in check-name order, and the files that could not be analysed."""

    signals: tuple[Signal, ...]
    unparsable: dict[str, str]
    stats: Stats = Stats()
    redo: tuple[Redo, ...] = ()  # how to fold again the checks that read the date


def fold(repo: Repo, results: Sequence[FileResult], checks: Sequence[CheckClass]) -> Analysis:
    observations: dict[str, dict[str, object]] = {cls.name: {} for cls in checks}
    unparsable: dict[str, str] = {}
    for result in sorted(results, key=lambda r: r.path):
        if result.error is not None:
            unparsable[result.path] = result.error
        for name, observation in result.observations.items():
            observations[name][result.path] = observation
    signals, redo = fold_all(repo, checks, observations, unparsable)
    return Analysis(signals, unparsable, redo=redo)


def _blob_ids(repo: Repo, paths: Sequence[str]) -> dict[str, str]:
    blobs: dict[str, str] = {}
    for path in paths:
        try:
            blobs[path] = blob_id(repo.data(path))
        except OSError:
            continue  # analysed (and reported unreadable) without the cache
    return blobs


def timed_out(seconds: float) -> str:
    return f"skipped: analysis took longer than {seconds:g} s (--file-timeout)"


def _analyse(
    repo: Repo, paths: Sequence[str], checks: Sequence[CheckClass], jobs: int,
    file_timeout: float | None,
) -> tuple[dict[str, tuple[str, FileResult]], list[str]]:
    if repo.root is None or not paths:
        return {path: analyse_bytes(path, repo.data(path), checks) for path in paths}, []
    sizes = {path: repo.files[path] for path in paths}
    names = [cls.name for cls in checks]
    done, crashed, late = analyse_in_workers(
        repo.root, sizes, names, max(1, min(jobs, len(paths))), file_timeout=file_timeout,
    )
    for path in late:  # no blob id: never cached, a later scan with more time may finish
        done[path] = "", FileResult(path, error=timed_out(file_timeout or 0))
    return done, crashed


def _prepare_folds(checks: Sequence[CheckClass]) -> threading.Thread:
    """Each check's ``prepare_fold``, on a thread of this otherwise waiting process. A failure
    is left for the fold itself to meet (and report) again."""

    def prepare() -> None:
        for cls in checks:
            try:
                cls.prepare_fold()
            except Exception:  # the fold repeats it, and reports it
                continue

    thread = threading.Thread(target=prepare, name="modernity-prepare-folds", daemon=True)
    thread.start()
    return thread


def run(
    repo: Repo, checks: Sequence[CheckClass] | None = None, *,
    jobs: int = 0, cache: Cache | None = None, file_timeout: float | None = None,
) -> Analysis:
    """Analyse every source of ``repo`` and fold the observations into signals.

    ``jobs`` worker processes analyse files; ``cache`` keeps observations between runs;
    a file taking longer than ``file_timeout`` seconds is skipped with that reason.
    """
    checks = tuple(checks if checks is not None else all_checks())
    file_checks = [cls for cls in checks if cls.is_file_level()]
    paths = tuple(sorted((*repo.python_files, *repo.notebooks)))
    from analyzer.cache import fingerprint  # noqa: PLC0415  (see the imports)

    key = fingerprint(file_checks) if cache is not None else ""
    blobs = _blob_ids(repo, paths) if cache is not None else {}
    results: dict[str, FileResult] = cache.load(key, blobs, FileResult) if cache else {}
    todo = [path for path in paths if path not in results]
    preparing = _prepare_folds(checks) if todo and repo.root is not None else None
    fresh, crashed = _analyse(repo, todo, file_checks, jobs, file_timeout)
    if preparing is not None:
        preparing.join()
    results.update((path, result) for path, (_, result) in fresh.items())
    results.update((path, FileResult(path, error=CRASHED)) for path in crashed)
    if cache is not None:
        cache.store(key, ((path, blob, result) for path, (blob, result) in fresh.items() if blob))
    analysis = fold(repo, list(results.values()), checks)
    stats = Stats(
        files=len(paths), cached=len(paths) - len(todo), analysed=len(fresh),
        crashed=len(crashed), uncached=len(crashed) + sum(not blob for blob, _ in fresh.values()),
        workers=max(1, min(jobs, len(todo))) if repo.root is not None and todo else 0,
    )
    return replace(analysis, stats=stats)
