"""The child processes that scan batch targets, each in its own process group.

A child reads one JSON spec per line on stdin and answers each with one JSON line on
stdout (``analyzer.batch.child``). A batch's local threads each keep their child for the
next target: its interpreter, its imports, its fork server and its analysis worker are
started once, not once per target (a small repository's scan is mostly that start-up).
A child is replaced after a time-out, a death, or ``MAX_TARGETS`` targets (what a long
life could accumulate); a one-shot child (Dask) gets its stdin closed after one spec.

Each child has a home directory for its own temporary files (the fork server's socket),
removed when it stops; each target's clone goes to the target's own directory.
"""

import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from typing import Any

GRACE_SECONDS = 5
MAX_TARGETS = 100
_LIVE: set["Child"] = set()
_LOCK = threading.Lock()
_STOPPING = threading.Event()  # set while a batch is being interrupted: start no more children
_KEPT = threading.local()  # this thread's child, kept for its next target


@dataclass(eq=False)
class Child:
    process: subprocess.Popen[bytes]
    home: str
    served: int = 0
    pending: bytearray = field(default_factory=bytearray)

    def stop(self, patience: float = 0.0) -> None:
        """End its input and give it ``patience`` seconds to finish; then SIGTERM its group
        (it removes its clone), SIGKILL it if it lingers; remove its home."""
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(patience)
        for signum in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, signum)  # its fork server and workers too
            except ProcessLookupError:
                break
            try:
                self.process.wait(GRACE_SECONDS)
                break
            except subprocess.TimeoutExpired:
                continue
        shutil.rmtree(self.home, ignore_errors=True)
        with _LOCK:
            _LIVE.discard(self)


def _spawn() -> Child:
    home = tempfile.mkdtemp(prefix="modernity-child-")
    process = subprocess.Popen(
        [sys.executable, "-m", "analyzer.batch.child"], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, "TMPDIR": home},
    )
    return Child(process, home)


def _claim(keep: bool) -> Child | None:
    """This thread's kept child if it is alive, else a new one; ``None`` while stopping."""
    kept: Child | None = getattr(_KEPT, "child", None) if keep else None
    if kept is not None and (kept.process.poll() is not None or kept.served >= MAX_TARGETS):
        kept.stop()
        kept = None
    with _LOCK:
        if _STOPPING.is_set():
            return None
        child = kept or _spawn()
        _LIVE.add(child)
    _KEPT.child = child if keep else None
    return child


def _read_line(child: Child, deadline: float) -> bytes | None:
    """The child's next line; ``None`` at end of file. Raises ``TimeoutError`` at ``deadline``."""
    stdout = child.process.stdout
    assert stdout is not None
    while (end := child.pending.find(b"\n")) < 0:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if not select.select([stdout], [], [], min(left, 1.0))[0]:
            if child.process.poll() is not None:
                return None  # died; whatever it started may still hold the pipe open
            continue
        chunk = os.read(stdout.fileno(), 1 << 20)
        if not chunk:
            return None
        child.pending += chunk
    line = bytes(child.pending[:end])
    del child.pending[:end + 1]
    return line


def scan_in_child(spec: dict[str, Any], timeout: float, *, keep: bool) -> dict[str, Any]:
    """The child's answer to ``spec``, or a failed answer (interrupted, timed out, died)."""
    child = _claim(keep)
    if child is None:
        return {"status": "failed", "error": "the batch was interrupted"}
    stdin = child.process.stdin
    assert stdin is not None
    try:
        stdin.write(json.dumps(spec).encode() + b"\n")
        stdin.flush()
        if not keep:
            stdin.close()
        line = _read_line(child, time.monotonic() + timeout)
    except TimeoutError:
        child.stop()
        return {"status": "failed", "error": f"gave up after {timeout:g} s (--timeout)"}
    except OSError:
        line = None  # it died before reading the spec
    child.served += 1
    try:
        answer = json.loads(line) if line else None
    except ValueError:
        answer = None
    if not keep or not isinstance(answer, dict):
        child.stop(patience=GRACE_SECONDS)
    if isinstance(answer, dict):
        return answer
    code = child.process.returncode or 0
    how = f"signal {-code}" if code < 0 else f"exit {code}"
    return {"status": "failed", "error": f"the analysis process died ({how})", "internal": True}


def stop_all() -> None:
    """Stop every child of this process, and start no more until ``allow_children``."""
    with _LOCK:
        _STOPPING.set()
        live = list(_LIVE)
    for child in live:
        child.stop()


def allow_children() -> None:
    _STOPPING.clear()
