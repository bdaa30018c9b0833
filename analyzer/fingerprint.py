"""The check set's fingerprint: the part of a cached observation's key that names the code."""

import hashlib
import importlib.util
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import analyzer
import checks as checks_package

# Modules whose code decides what a file's observation is, besides the checks themselves.
SHAPING_MODULES = (
    "analyzer._child_fields", "analyzer._node_inits", "analyzer.api", "analyzer.check",
    "analyzer.codec", "analyzer.codelines", "analyzer.engine", "analyzer.fold", "analyzer.guard",
    "analyzer.lexer", "analyzer.lines", "analyzer.linescan", "analyzer.logical", "analyzer.model",
    "analyzer.names", "analyzer.nodeinit", "analyzer.notebooks", "analyzer.originality.shape",
    "analyzer.originality.winnow", "analyzer.parse", "analyzer.paths", "analyzer.repo",
    "analyzer.syntax", "analyzer.text", "analyzer.traverse",
)
# What the workers' fork server also loads, and why none of it changes an observation.
NOT_SHAPING = {
    "analyzer": "the package", "analyzer.cache": "stores observations",
    "analyzer.codecache": "keeps the very code exec compiles",
    "analyzer.dated": "folds", "analyzer.errors": "error types",
    "analyzer.fingerprint": "this key", "analyzer.originality": "the package",
    "analyzer.originality.corpus": "folds", "analyzer.originality.match": "folds",
    "analyzer.pool": "runs workers", "analyzer.registry": "finds checks",
    "analyzer.rules": "scores", "analyzer.socketdir": "runs workers",
    "analyzer.warm": "imports",
}


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
    digest.update(f"{analyzer.__version__}|{sys.version_info[:2]}|{version('libcst')}|".encode())
    digest.update(",".join(sorted(cls.name for cls in checks)).encode())
    for module in modules:
        digest.update(b"\0" + module.encode() + b"\0" + _source(module))
    return digest.hexdigest()
