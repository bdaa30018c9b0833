"""Reading a project's configuration files as data: TOML, INI, YAML and JSON, never code.

Every reader returns ``None`` (or an empty result) for a file that is missing or
malformed: a broken config in a candidate's repository is a fact, not a crash.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from analyzer.paths import Role
from analyzer.repo import Repo

if TYPE_CHECKING:
    import configparser


@cache
def _string_loader() -> type[Any]:
    """A safe loader that keeps every scalar a string: ``on:`` stays "on", ``3.10`` stays "3.10".

    Made on first use: PyYAML is only read when folding (about 15 ms that every worker's
    fork server and every scan's start-up would otherwise pay before its first file)."""
    try:  # libyaml's parser: the same documents, five times faster (every CI file of a scan)
        from yaml import CSafeLoader as SafeLoader  # noqa: PLC0415
    except ImportError:  # pragma: no cover (a PyYAML built without libyaml)
        from yaml import SafeLoader  # type: ignore[assignment]  # noqa: PLC0415

    class StringLoader(SafeLoader):
        yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 (PyYAML's own attribute)

    return StringLoader


def config_files(repo: Repo, *patterns: str) -> tuple[str, ...]:
    """The project's files (any depth) whose path matches one of ``patterns`` (globs).

    A ``pyproject.toml`` under ``tests/`` is an input for the tests, not the
    project's configuration; only requirements files there are the project's. The
    documentation's own configuration (``docs/conf.py``) is the project's, while an
    example's (``examples/app/pyproject.toml``) is not.
    """
    return tuple(
        path for path in repo.files
        if (repo.role(path) is Role.PRODUCTION
            or (repo.role(path) is Role.TEST and "requirements" in path.lower())
            or (repo.role(path) is Role.EXAMPLE and path.split("/")[0].lower() in ("doc", "docs")))
        and _matches(PurePosixPath(path), patterns)
    )


def _matches(path: PurePosixPath, patterns: tuple[str, ...]) -> bool:
    return any(path.match(pattern) for pattern in patterns)


# tomllib and configparser are imported by the readers: the workers, which read no
# configuration, load this module for ``line_of`` alone.
def read_toml(repo: Repo, path: str) -> dict[str, Any] | None:
    import tomllib  # noqa: PLC0415

    try:
        return tomllib.loads(repo.text(path))
    except (tomllib.TOMLDecodeError, KeyError, RecursionError):
        return None


def read_ini(repo: Repo, path: str) -> configparser.ConfigParser | None:
    import configparser  # noqa: PLC0415

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(repo.text(path), source=path)
    except (configparser.Error, KeyError):
        return None
    return parser


def read_yaml(repo: Repo, path: str) -> object:
    """The document with every scalar as a string; ``None`` when it is not valid YAML."""
    import yaml  # noqa: PLC0415  (see _string_loader)

    try:
        return yaml.load(repo.text(path), Loader=_string_loader())
    except (yaml.YAMLError, KeyError, RecursionError):
        return None


def read_json(repo: Repo, path: str) -> object:
    try:
        return json.loads(repo.text(path))
    except (ValueError, KeyError, RecursionError):
        return None


def table(document: object, *keys: str) -> dict[str, Any]:
    """``document[k1][k2]...`` when every step is a table, else an empty dict."""
    for key in keys:
        document = document.get(key) if isinstance(document, dict) else None
    return document if isinstance(document, dict) else {}


def pairs(document: object, budget: int = 50_000) -> Iterator[tuple[str, object]]:
    """Every (key, value) in a nested document, list items under their list's key.

    The walk stops after ``budget`` nodes: YAML aliases can make a small file
    describe an exponentially large tree.
    """
    stack: list[tuple[str, object]] = [("", document)]
    while stack and budget > 0:
        budget -= 1
        key, value = stack.pop()
        yield key, value
        if isinstance(value, dict):
            stack.extend((str(k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((key, item) for item in reversed(value))


def line_of(text: str, pattern: str, default: int = 1) -> int:
    """The 1-based line of the first match of the regular expression ``pattern``."""
    found = re.search(pattern, text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else default
