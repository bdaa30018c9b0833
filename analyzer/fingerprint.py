"""The check set's fingerprint: the part of a cached observation's key that names the code."""

import hashlib
import importlib.util
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import checks as checks_package
from analyzer import __version__

# Modules whose code decides what a file's observation is, besides the checks themselves.
SHAPING_MODULES = (
    "analyzer.check", "analyzer.engine", "analyzer.fold", "analyzer.guard", "analyzer.lines",
    "analyzer.model", "analyzer.notebooks", "analyzer.originality.shape",
    "analyzer.originality.winnow", "analyzer.paths", "analyzer.repo", "analyzer.syntax",
    "analyzer.text", "analyzer.traverse",
)


def _source(module: str) -> bytes:
    spec = importlib.util.find_spec(module)
    origin = spec.origin if spec else None
    return Path(origin).read_bytes() if origin else module.encode()


def fingerprint(checks: Sequence[Any]) -> str:
    """Changes whenever the tool, Python, libcst or the code of any chosen check changes."""
    from importlib.metadata import version  # noqa: PLC0415  (a scan that only folds skips it)

    # Every private helper, including the private modules inside a check's package.
    helpers = [
        info.name for info in pkgutil.walk_packages(checks_package.__path__, "checks.")
        if any(part.startswith("_") for part in info.name.split(".")[1:])
        or any(info.name.startswith(f"{cls.__module__}.") for cls in checks)
    ]
    modules = sorted({*SHAPING_MODULES, *helpers, *(cls.__module__ for cls in checks)})
    digest = hashlib.sha256()
    digest.update(f"{__version__}|{sys.version_info[:2]}|{version('libcst')}|".encode())
    digest.update(",".join(sorted(cls.name for cls in checks)).encode())
    for module in modules:
        digest.update(b"\0" + module.encode() + b"\0" + _source(module))
    return digest.hexdigest()
