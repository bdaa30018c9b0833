"""Finding linters, formatters and type checkers in configuration files, read as data."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from analyzer.repo import Repo
from checks._shared.config import (
    config_files,
    line_of,
    read_ini,
    read_json,
    read_toml,
    read_yaml,
    table,
)

TOOLS = ("black", "flake8", "isort", "mypy", "pre-commit", "pylint", "pyright", "ruff")
_DEDICATED = {
    ".flake8": "flake8", "mypy.ini": "mypy", ".mypy.ini": "mypy", "ruff.toml": "ruff",
    ".ruff.toml": "ruff", "pyrightconfig.json": "pyright", ".isort.cfg": "isort",
    ".pylintrc": "pylint", "pylintrc": "pylint", ".pre-commit-config.yaml": "pre-commit",
    ".pre-commit-config.yml": "pre-commit",
}
_INI_SECTION = re.compile(r"^(?:tool:)?(flake8|isort|mypy|pylint)(?:[-.:].*)?$", re.IGNORECASE)
_DEV_NAME = re.compile(r"dev|lint|test|style|check|typ|qa|quality|ci", re.IGNORECASE)
_REQUIREMENT = re.compile(
    r"^[ \t]*(" + "|".join(map(re.escape, TOOLS)) + r")\b(?!-extensions)", re.MULTILINE
)
_NAME = re.compile(r"^\s*([A-Za-z0-9._-]+)")
_INI_FILES = frozenset({"setup.cfg", "tox.ini", ".flake8", "mypy.ini", ".mypy.ini"})


@dataclass(frozen=True, slots=True)
class Found:
    tool: str
    path: str
    line: int
    setting: str = ""  # e.g. "strict" for mypy, the mode for pyright, a hook id


def _from_pyproject(repo: Repo, path: str) -> Iterator[Found]:
    document = read_toml(repo, path)
    if document is None:
        return
    text = repo.text(path)
    for tool in TOOLS:
        if tool in table(document, "tool"):
            line = line_of(text, rf"^[ \t]*\[+[ \t]*tool\.{re.escape(tool)}\b")
            yield Found(tool, path, line, _setting(tool, table(document, "tool", tool)))
    poetry = table(document, "tool", "poetry")
    groups = [*table(document, "project", "optional-dependencies").values(),
              *table(document, "dependency-groups").values(), table(poetry, "dev-dependencies"),
              *(table(group, "dependencies") for group in table(poetry, "group").values())]
    names = {m.group(1).lower() for g in groups for item in g if (m := _NAME.match(str(item)))}
    for tool in sorted(names & set(TOOLS)):
        line = line_of(text, rf"""(?:["']|^[ \t]*){re.escape(tool)}\b""")
        yield Found(tool, path, line, "dependency")


def _setting(tool: str, config: dict[str, object]) -> str:
    if tool == "mypy":
        return "strict" if config.get("strict") in (True, "true", "True", "1") else ""
    if tool == "pyright":
        return str(config.get("typeCheckingMode", ""))
    return ""


def _from_ini(repo: Repo, path: str) -> Iterator[Found]:
    parser = read_ini(repo, path)
    if parser is None:
        return
    text = repo.text(path)
    for section in parser.sections():
        found = _INI_SECTION.match(section)
        if found:
            tool = found.group(1).lower()
            line = line_of(text, rf"^\[{re.escape(section)}\]")
            yield Found(tool, path, line, _setting(tool, dict(parser[section])))


def _from_pre_commit(repo: Repo, path: str) -> Iterator[Found]:
    text = repo.text(path)
    yield Found("pre-commit", path, 1)
    repos = table({"r": read_yaml(repo, path)}, "r").get("repos")
    for entry in repos if isinstance(repos, list) else []:
        hooks = entry.get("hooks") if isinstance(entry, dict) else None
        for hook in hooks if isinstance(hooks, list) else []:
            hook_id = str(hook.get("id", "")) if isinstance(hook, dict) else ""
            line = line_of(text, rf"id:\s*['\"]?{re.escape(hook_id)}\b")
            yield Found("pre-commit", path, line, f"hook:{hook_id}")
            tool = next((t for t in TOOLS if t in hook_id.lower()), None)
            strict = tool == "mypy" and "--strict" in str(hook.get("args", ""))
            if tool:
                yield Found(tool, path, line, "strict" if strict else "")


def found_tools(repo: Repo) -> Iterator[Found]:
    """Every sign of a tool, file by file in path order."""
    for path in config_files(repo, "*"):
        name = PurePosixPath(path).name
        if name == "pyproject.toml":
            yield from _from_pyproject(repo, path)
        elif name in _INI_FILES:
            yield from _from_ini(repo, path)
        if _DEDICATED.get(name) == "pre-commit":
            yield from _from_pre_commit(repo, path)
        elif name in _DEDICATED:
            tool = _DEDICATED[name]
            config: object = read_json(repo, path) if name.endswith(".json") else {}
            yield Found(tool, path, 1, _setting(tool, config if isinstance(config, dict) else {}))
        elif name.endswith(".txt") and "requirements" in path.lower() and _DEV_NAME.search(name):
            text = repo.text(path)
            for match in _REQUIREMENT.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                yield Found(match.group(1), path, line, "dependency")
