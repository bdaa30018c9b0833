"""One target, scanned in a child process under a time limit: the unit a batch schedules.

``run_job`` runs the same way on a local thread and on a Dask worker. The scan happens
in ``python -m analyzer.batch.child`` in its own process group with its own temporary
directory, so a hung clone, a parser crash or the time limit costs one target, and
whatever the child leaves behind is removed here. Nothing is raised: every failure is
an ``Outcome`` with a one-line error.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any

from analyzer import __version__
from analyzer.acquire import Kind, parse_target, redact
from analyzer.batch.plan import Job
from analyzer.errors import ModernityError
from analyzer.gitfacts import environment, safe_config

GRACE_SECONDS = 5
_LIVE: set[subprocess.Popen[bytes]] = set()
_LOCK = threading.Lock()
_STOPPING = threading.Event()  # set while a batch is being interrupted: start no more children


@dataclass(frozen=True, slots=True)
class Settings:
    now: str  # ISO date: every target of a batch is measured from the same moment
    timeout: float = 600  # seconds per target, clone and analysis together
    allow_local: bool = True
    max_files: int = 50_000
    max_repo_mb: float = 500


@dataclass(frozen=True, slots=True)
class Outcome:
    job: Job
    status: str  # 'done', 'failed' or 'unchanged' (resume: same commit, same tool version)
    seconds: float
    commit: str | None = None
    document: dict[str, Any] | None = None
    error: str | None = None
    tool_version: str = __version__
    internal: bool = False  # failed through a bug of ours (or a process that died), not the input


def head_commit(target: str, allow_local: bool, timeout: float) -> str | None:
    """The commit a scan would see now ('' for a plain directory), or None if unknown."""
    parsed = parse_target(target, allow_local=allow_local)
    if parsed.kind is Kind.DIRECTORY:
        return ""
    args = ["git", *[a for c in safe_config() for a in ("-c", c)], "ls-remote", "--",
            parsed.location, "HEAD"]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                              env=environment() | {"GIT_TERMINAL_PROMPT": "0"},
                              stdin=subprocess.DEVNULL, check=False)
    except subprocess.TimeoutExpired:
        return None
    first = done.stdout.split()
    return first[0] if done.returncode == 0 and first else None


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM the child's group (it removes its clone), SIGKILL it if it lingers."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            return
        try:
            process.wait(GRACE_SECONDS)
            return
        except subprocess.TimeoutExpired:
            continue


def stop_all() -> None:
    """Stop every child of this process, and start no more until ``allow_children``."""
    with _LOCK:
        _STOPPING.set()
        live = list(_LIVE)
    for process in live:
        _stop(process)


def allow_children() -> None:
    _STOPPING.clear()


def _child(job: Job, settings: Settings, tmp: str) -> dict[str, Any]:
    spec = json.dumps({"target": job.target, "authors": list(job.authors),
                       "settings": asdict(settings)})
    with _LOCK:
        if _STOPPING.is_set():
            return {"status": "failed", "error": "the batch was interrupted"}
        process = subprocess.Popen(
            [sys.executable, "-m", "analyzer.batch.child"], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, "TMPDIR": tmp},
        )
        _LIVE.add(process)
    try:
        stdout, _ = process.communicate(spec.encode(), timeout=settings.timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        return {"status": "failed", "error": f"gave up after {settings.timeout:g} s (--timeout)"}
    finally:
        with _LOCK:
            _LIVE.discard(process)
    try:
        answer = json.loads(stdout)
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        code = process.returncode
        how = f"signal {-code}" if code < 0 else f"exit {code}"
        return {"status": "failed", "error": f"the analysis process died ({how})", "internal": True}
    return answer


def run_job(job: Job, settings: Settings) -> Outcome:
    started = time.monotonic()
    try:
        if job.known_commit is not None:
            head = head_commit(job.target, settings.allow_local, min(settings.timeout, 60))
            if head == job.known_commit:
                return Outcome(job, "unchanged", time.monotonic() - started, commit=head or None)
        parse_target(job.target, allow_local=settings.allow_local)
    except ModernityError as error:
        return Outcome(job, "failed", time.monotonic() - started, error=str(error))
    tmp = tempfile.mkdtemp(prefix="modernity-batch-")
    try:
        answer = _child(job, settings, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.monotonic() - started
    if answer.get("status") != "done":
        reason = str(answer.get("error") or "unknown failure").splitlines()[0]
        return Outcome(job, "failed", seconds, error=redact(reason),
                       internal=answer.get("internal") is True)
    document = answer["document"]
    return Outcome(job, "done", seconds, commit=document.get("commit"), document=document)
