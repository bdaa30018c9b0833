"""modernity's core: acquire a target, build its facts, run the checks, score, report."""

import os
import sys
from pathlib import Path


def _version() -> str:
    """The installed version, as ``importlib.metadata.version("modernity")`` says it, read
    from the first ``modernity-*.dist-info`` on ``sys.path`` (importing ``importlib.metadata``
    costs a warm scan a tenth of its time); that function only when none is found."""
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted(item.name for item in found)
        except OSError:
            continue
        for name in names:
            if name.lower().startswith("modernity-") and name.endswith(".dist-info"):
                try:
                    with Path(entry or ".", name, "METADATA").open("rb") as handle:
                        head = handle.read(4096).decode("utf-8", "replace")
                except OSError:
                    continue
                for line in head.splitlines():
                    if line.startswith("Version:"):
                        return line.partition(":")[2].strip()
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("modernity")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """``__version__``, read the first time it is asked for: the workers' fork server, which
    starts before anything else in a cold scan, never asks."""
    if name == "__version__":
        found = globals()["__version__"] = _version()
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
