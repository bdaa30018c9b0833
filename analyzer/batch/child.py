"""The child process that scans batch targets: one JSON spec per line on stdin, one JSON
answer per line on stdout, until its stdin ends (``analyzer.batch.children``).

Answer: ``{"status": "done", "document": <modernity/1>}`` or ``{"status": "failed",
"error": "<one line>"}``. SIGTERM unwinds (removing the clone) before exiting. Its
fork server and analysis worker start at once and serve every target it is sent; each
target's temporary files (its clone) go to the directory its spec names.
"""

import json
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NoReturn


def _terminate(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)


def answer(spec: dict[str, Any]) -> dict[str, Any]:
    from analyzer.acquire import redact  # noqa: PLC0415
    from analyzer.errors import ModernityError  # noqa: PLC0415
    from analyzer.pipeline import scan  # noqa: PLC0415
    from analyzer.report.json_report import document  # noqa: PLC0415
    from analyzer.walk import Limits  # noqa: PLC0415

    settings = spec["settings"]
    limits = Limits(max_files=settings["max_files"], max_repo_mb=settings["max_repo_mb"],
                    timeout_seconds=settings["timeout"])
    try:
        report = scan(spec["target"], now=datetime.fromisoformat(settings["now"]),
                      allow_local=settings["allow_local"], authors=tuple(spec["authors"]),
                      limits=limits, jobs=0)
    except ModernityError as error:
        return {"status": "failed", "error": str(error)}
    except Exception as error:  # a bug costs this target, recorded as such
        first = (str(error).splitlines() or [""])[0]
        return {"status": "failed", "internal": True,
                "error": redact(f"internal error: {type(error).__name__}: {first}")}
    return {"status": "done", "document": document(report)}


@contextmanager
def _temporary_files_in(directory: str | None) -> Iterator[None]:
    """Clones and git's temporary files go to ``directory`` while a target is scanned."""
    saved = tempfile.tempdir, os.environ.get("TMPDIR")
    if directory:
        tempfile.tempdir = os.environ["TMPDIR"] = directory
    try:
        yield
    finally:
        tempfile.tempdir = saved[0]
        if saved[1] is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved[1]


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    from analyzer.pool import prepare, session  # noqa: PLC0415
    from analyzer.report.json_report import _jsonable  # noqa: PLC0415

    # Answers go to a private copy of stdout that no process started here inherits, so the
    # batch sees end of file the moment this process dies; stray prints go nowhere.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    nowhere = os.open(os.devnull, os.O_WRONLY)
    os.dup2(nowhere, sys.stdout.fileno())
    os.close(nowhere)
    with session():
        prepare()  # the fork server starts now, its socket in this child's own directory
        for line in sys.stdin:
            spec = json.loads(line)
            with _temporary_files_in(spec.get("tmp")):
                result = answer(spec)
            answers.write(json.dumps(result, default=_jsonable) + "\n")
            answers.flush()


if __name__ == "__main__":
    main()
