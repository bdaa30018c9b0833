"""A bug of ours, planted for exit-code and batch tests: ``sitecustomize`` makes modernity's
own scan raise for any target whose text holds ``BUG_MARK``, and kill its own process
for ``DEATH_MARK``, in every Python process started with ``planted_bug_env`` (batch
children included); each such process also logs its command line to ``starts``.
Candidate code is never involved."""

from pathlib import Path

BUG_MARK = "planted-bug"
DEATH_MARK = "planted-death"

_SITECUSTOMIZE = f'''
import os
import signal

with open(os.environ["PLANTED_STARTS"], "ab") as log:
    with open("/proc/self/cmdline", "rb") as cmdline:
        log.write(cmdline.read().replace(b"\\0", b" ") + b"\\n")

import analyzer.pipeline as pipeline

_scan = pipeline._scan  # what scan, scan_document and scan_or_error all call


def scan(target_text, renderer, **options):
    if {BUG_MARK!r} in target_text:
        raise KeyError("planted")
    if {DEATH_MARK!r} in target_text:
        os.kill(os.getpid(), signal.SIGKILL)
    return _scan(target_text, renderer, **options)


pipeline._scan = scan
'''


def planted_bug_env(folder: Path, env: dict[str, str]) -> dict[str, str]:
    """``env`` with a ``sitecustomize`` in ``folder`` first on ``PYTHONPATH``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(_SITECUSTOMIZE)
    root = str(Path(__file__).resolve().parent.parent)
    return {**env, "PYTHONPATH": f"{folder}:{root}", "PLANTED_STARTS": str(folder / "starts")}


def batch_children_started(folder: Path) -> int:
    """How many batch children the processes of ``planted_bug_env(folder, ...)`` started."""
    starts = folder / "starts"
    lines = starts.read_text().splitlines() if starts.exists() else []
    return sum("analyzer.batch.child" in line for line in lines)
