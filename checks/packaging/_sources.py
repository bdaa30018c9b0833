"""What the project declares: metadata, legacy files, locks and how each dependency is pinned.

Every file is read as data; ``setup.py`` is parsed, never run.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analyzer.api import Location, Repo
from checks._shared.config import config_files, line_of, read_ini, read_toml, table
from checks.packaging._dependencies import pin_of, requirement_pins, requirements_file, setup_py

# requirements.lock and requirements-dev.lock: rye's locks (pip-compile output, fully pinned)
LOCKS = ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "pylock.toml", "pylock.*.toml",
         "requirements*.lock")


@dataclass
class Declared:
    pins: Counter[str] = field(default_factory=Counter)
    evidence: list[Location] = field(default_factory=list)
    metadata: set[str] = field(default_factory=set)
    legacy: list[str] = field(default_factory=list)
    hashed: list[str] = field(default_factory=list)  # requirements files pinned by hash

    def add(self, path: str, line: int, pins: Counter[str], kind: str = "") -> None:
        self.evidence.append(Location(path, line))
        self.pins += pins
        if kind:
            self.metadata.add(kind)
        else:
            self.legacy.append(path)


def _table_pins(deps: dict[str, object]) -> Counter[str]:
    """Poetry and Pipfile style: ``name = "^1.2"`` or ``name = {version = "..."}``."""
    specs = [v.get("version", "git+") if isinstance(v, dict) else v
             for k, v in deps.items() if k.lower() != "python"]
    return Counter(pin_of(str(spec).replace("*", "")) for spec in specs)


def _pyproject(repo: Repo, path: str, found: Declared) -> None:
    doc = read_toml(repo, path) or {}
    project = table(doc, "project")
    if project.get("name") or project.get("dependencies"):
        deps = project.get("dependencies")
        found.add(path, line_of(repo.text(path), r"^\[project\]"),
                  requirement_pins(map(str, deps if isinstance(deps, list) else [])), "PEP 621")
    if table(doc, "tool", "poetry"):  # Poetry 2 reads [project]: its own table repeats it
        repeated = isinstance(project.get("dependencies"), list) and project["dependencies"]
        found.add(path, line_of(repo.text(path), r"^\[tool\.poetry"), Counter() if repeated
                  else _table_pins(table(doc, "tool", "poetry", "dependencies")), "Poetry")


def _setup_py(repo: Repo, path: str, found: Declared) -> None:
    line, requires = setup_py(repo, path)
    if line is not None:
        found.add(path, line, requirement_pins(requires or []))


def _setup_cfg(repo: Repo, path: str, found: Declared) -> None:
    parser = read_ini(repo, path)
    if parser is not None and parser.has_section("metadata"):
        listed = parser.get("options", "install_requires", fallback="")
        found.add(path, line_of(repo.text(path), r"^\[metadata\]"),
                  requirement_pins(r for r in listed.splitlines() if r.strip()))


def _requirements(repo: Repo, path: str, found: Declared) -> None:
    if PurePosixPath(path).name == "Pipfile":
        found.add(path, 1, _table_pins(table(read_toml(repo, path), "packages")))
        return
    lines, has_hashes = requirements_file(repo.text(path))
    found.add(path, 1, requirement_pins(lines))
    found.hashed += [path] if has_hashes else []


def declared(repo: Repo) -> Declared:
    """Every declaration, in the order a reader meets them: pyproject, setup, requirements."""
    found = Declared()
    for path in config_files(repo, "pyproject.toml"):
        _pyproject(repo, path, found)
    for path in config_files(repo, "setup.py"):
        _setup_py(repo, path, found)
    for path in config_files(repo, "setup.cfg"):
        _setup_cfg(repo, path, found)
    for path in config_files(repo, "*requirements*.txt", "requirements/*.txt", "Pipfile"):
        _requirements(repo, path, found)
    return found


def locks(repo: Repo, found: Declared) -> list[str]:
    return sorted({*config_files(repo, *LOCKS), *found.hashed})
