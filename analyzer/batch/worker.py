"""One target, scanned in a child process under a time limit: the unit a batch schedules.

``run_job`` runs the same way on a local thread and on a Dask worker. The scan happens
in ``python -m analyzer.batch.child`` (``analyzer.batch.children``) in its own process
group, each target with its own temporary directory, so a hung clone, a parser crash
or the time limit costs one target, and whatever a target leaves behind is removed
here. Nothing is raised: every failure is an ``Outcome`` with a one-line error.
"""

import shutil
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from typing import Any

from analyzer import __version__
from analyzer.acquire import Kind, parse_target, redact
from analyzer.batch.children import scan_in_child
from analyzer.batch.plan import Job
from analyzer.errors import ModernityError
from analyzer.gitfacts import environment, safe_config


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


def _child(job: Job, settings: Settings, tmp: str, *, keep: bool) -> dict[str, Any]:
    spec = {"target": job.target, "authors": list(job.authors), "settings": asdict(settings),
            "tmp": tmp}
    return scan_in_child(spec, settings.timeout, keep=keep)


def run_job(job: Job, settings: Settings, *, keep_child: bool = False) -> Outcome:
    """``job``'s outcome. ``keep_child``: scan in this thread's child and keep it for the
    next target (local threads); else in a child of its own (a Dask task)."""
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
        answer = _child(job, settings, tmp, keep=keep_child)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seconds = time.monotonic() - started
    if answer.get("status") != "done":
        reason = str(answer.get("error") or "unknown failure").splitlines()[0]
        return Outcome(job, "failed", seconds, error=redact(reason),
                       internal=answer.get("internal") is True)
    document = answer["document"]
    return Outcome(job, "done", seconds, commit=document.get("commit"), document=document)
