"""The child process that scans one batch target: a JSON spec on stdin, a JSON answer on stdout.

Answer: ``{"status": "done", "document": <modernity/1>}`` or ``{"status": "failed",
"error": "<one line>"}``. SIGTERM unwinds (removing the clone) before exiting.
"""

import json
import signal
import sys
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


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _terminate)
    result = answer(json.loads(sys.stdin.read()))
    from analyzer.report.json_report import _jsonable  # noqa: PLC0415

    sys.stdout.write(json.dumps(result, default=_jsonable))


if __name__ == "__main__":
    main()
