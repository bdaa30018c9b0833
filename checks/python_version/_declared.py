"""Which Pythons a repository says it supports, read as data and never run.

Sources: ``requires-python`` (pyproject.toml, setup.cfg, setup.py), trove
classifiers, ``.python-version``, the tox envlist, nox ``python=`` lists and CI
matrices (GitHub Actions, GitLab CI, Travis CI). setup.py and noxfile.py are searched as
text; TOML, INI and YAML go through tomllib, configparser and a safe YAML loader.
"""

import configparser
import re
import tomllib
from collections.abc import Iterator
from pathlib import PurePosixPath

from analyzer.repo import Repo
from checks._shared.config import pairs, read_yaml
from checks.python_version._rules import Version, dotted

_SPEC = re.compile(r"(>=|~=|\^|~|==|>)\s*(\d+)(?:\.(\d+))?")
_VERSION = re.compile(r"\b([23])\.(\d{1,2})\b")
_CLASSIFIER = re.compile(r"Programming Language :: Python :: ([23]\.\d{1,2})\b")
_SETUP_REQUIRES = re.compile(r"python_requires\s*=\s*[\"']([^\"']+)[\"']")
_NOX = re.compile(r"python\w*\s*=\s*(\[[^\]]*\]|\([^)]*\)|\"[^\"]*\"|'[^']*')", re.IGNORECASE)
_TOX_ENV = re.compile(r"\bpy([23])(\d{1,2})\b")
_TOX_BRACES = re.compile(r"\bpy\{([^}]*)\}")
_YAML_BUDGET = 20_000


def lower_bound(spec: str) -> Version | None:
    """The lowest Python a specifier admits: ``>=3.8,<4`` -> 3.8, ``^2.7 || ^3.6`` -> 2.7."""
    alternatives = []
    for group in spec.split("||"):
        bounds = [
            (int(major), int(minor or 0)) for op, major, minor in _SPEC.findall(group)
            if op != "==" or "*" in group or minor
        ]
        if bounds:
            alternatives.append(max(bounds))
    return min(alternatives) if alternatives else None


def _versions(text: str) -> list[str]:
    return [f"{major}.{minor}" for major, minor in _VERSION.findall(text)]


def _toml(repo: Repo, path: str) -> Iterator[tuple[str, str]]:
    try:
        data = tomllib.loads(repo.text(path))
    except (tomllib.TOMLDecodeError, RecursionError):
        return
    tool = data.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    tox = tool.get("tox") if isinstance(tool, dict) else None
    if isinstance(tox, dict) and isinstance(tox.get("legacy_tox_ini"), str):
        yield from _ini(tox["legacy_tox_ini"])
    for section in (data.get("project"), poetry):
        if not isinstance(section, dict):
            continue
        if isinstance(section.get("requires-python"), str):
            yield "requires_python", section["requires-python"]
        deps = section.get("dependencies")
        if isinstance(deps, dict) and isinstance(deps.get("python"), str):
            yield "requires_python", deps["python"]
        for classifier in section.get("classifiers") or []:
            yield from (("classifiers", v) for v in _CLASSIFIER.findall(str(classifier)))


def _ini(text: str) -> Iterator[tuple[str, str]]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return
    if parser.has_option("options", "python_requires"):
        yield "requires_python", parser.get("options", "python_requires")
    if parser.has_option("metadata", "classifiers"):
        yield from (("classifiers", v) for v in _CLASSIFIER.findall(parser.get("metadata",
                                                                                "classifiers")))
    for option in ("envlist", "env_list"):
        if parser.has_option("tox", option):
            yield from _tox(parser.get("tox", option))


def _tox(envlist: str) -> Iterator[tuple[str, str]]:
    """``py38, py{39,310}`` -> 3.8, 3.9, 3.10."""
    for major, minor in _TOX_ENV.findall(envlist):
        yield "tox", f"{major}.{minor}"
    for inside in _TOX_BRACES.findall(envlist):
        yield from (("tox", f"{v[0]}.{v[1:]}") for v in re.findall(r"\d{2,3}", inside))


def _yaml_versions(repo: Repo, path: str) -> Iterator[tuple[str, str]]:
    # read_yaml keeps scalars as text, so an unquoted 3.10 stays "3.10", not 3.1
    for key, value in pairs(read_yaml(repo, path), budget=_YAML_BUDGET):
        if not isinstance(value, str):
            continue
        if "python" in key.lower():
            yield from (("ci", v) for v in _versions(value))
        elif "python:" in value:
            yield from (("ci", v) for v in _versions(value.split("python:", 1)[1][:8]))


def _sources(repo: Repo) -> Iterator[tuple[str, str, str]]:
    """(kind, value, path) for every declaration found."""
    for path in repo.files:
        name = PurePosixPath(path).name
        top = "/" not in path
        if top and name == "pyproject.toml":
            found: Iterator[tuple[str, str]] = _toml(repo, path)
        elif top and name in ("setup.cfg", "tox.ini"):
            found = _ini(repo.text(path))
        elif top and name == "setup.py":
            text = repo.text(path)
            found = iter([("requires_python", spec) for spec in _SETUP_REQUIRES.findall(text)]
                         + [("classifiers", v) for v in _CLASSIFIER.findall(text)])
        elif top and name == ".python-version":
            found = iter([("python_version_file", v) for v in _versions(repo.text(path))[:1]])
        elif top and name == "noxfile.py":
            found = iter([("nox", v) for group in _NOX.findall(repo.text(path))
                          for v in _versions(group)])
        elif (path.startswith(".github/workflows/") and name.endswith((".yml", ".yaml"))) or (
            top and name in (".gitlab-ci.yml", ".travis.yml")
        ):
            found = _yaml_versions(repo, path)
        else:
            continue
        for kind, value in found:
            yield kind, value, path


def declared(repo: Repo) -> tuple[dict[str, object], Version | None]:
    """What the repository declares (JSON-able, by source) and the lowest version it admits."""
    by_kind: dict[str, set[str]] = {}
    where: dict[str, set[str]] = {}
    for kind, value, path in _sources(repo):
        by_kind.setdefault(kind, set()).add(value.strip())
        where.setdefault(kind, set()).add(path)
    if not by_kind:
        return {}, None
    requires = sorted(by_kind.get("requires_python", ()))
    bounds = [b for b in map(lower_bound, requires) if b is not None]
    if not bounds:
        bounds = [
            (int(v.split(".")[0]), int(v.split(".")[1])) for kind, values in by_kind.items()
            for v in values if kind != "requires_python"
        ]
    lowest = min(bounds) if bounds else None
    details: dict[str, object] = {
        kind: sorted(values, key=lambda v: [int(x) if x.isdigit() else 0 for x in
                                            re.split(r"[.]", v)])
        if kind != "requires_python" else requires
        for kind, values in sorted(by_kind.items())
    }
    details["sources"] = sorted({p for paths in where.values() for p in paths})
    details["lowest"] = dotted(lowest) if lowest else None
    return details, lowest
