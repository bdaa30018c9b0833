"""Packaging and dependencies: how the project declares what it needs, and how tightly.

## What it measures
A level: 2 when a `pyproject.toml` holds modern metadata (a PEP 621 `[project]`
table or `[tool.poetry]`), 1 when dependencies are declared only the older way
(`setup.py`, `setup.cfg`, `requirements*.txt`, `Pipfile`), 0 when there is
nothing. Details list the files, lock files (`uv.lock`, `poetry.lock`,
`pdm.lock`, `Pipfile.lock`, `pylock.toml`, requirements with `--hash`), and
counts of dependencies by how they are pinned: exact (`==`), compatible (`~=`,
Poetry `^`), upper-bounded (`<`), lower bound only (`>=`) or unpinned. Files are
read as data in any encoding (a UTF-16 `requirements.txt` is read correctly);
`setup.py` is parsed, never run, so only literal `install_requires` lists count.

## Why it matters
A declared, reproducible set of dependencies is what lets a colleague or a
server install the project. `pyproject.toml` has been the standard since 2021.

## Example
A `pyproject.toml` with `[project]` and `dependencies = ["httpx>=0.27,<1"]`
plus a `uv.lock` gives 2, one dependency, upper-bounded, locked.

## Caveats
Libraries should not pin exactly (they leave that to applications), so loose
ranges are not a fault. A script with no dependencies needs no packaging at
all. Dependencies computed in `setup.py` at run time are not seen.
"""

from collections import Counter
from pathlib import PurePosixPath

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal
from checks._dependencies import PINNED, PINS, pin_of, requirement_pins, requirements_file, setup_py
from checks._shared.config import config_files, line_of, read_ini, read_toml, table

LOCKS = ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock", "pylock.toml", "pylock.*.toml")


def _table_pins(deps: dict[str, object]) -> Counter[str]:
    """Poetry and Pipfile style: ``name = "^1.2"`` or ``name = {version = "..."}``."""
    specs = [v.get("version", "git+") if isinstance(v, dict) else v
             for k, v in deps.items() if k.lower() != "python"]
    return Counter(pin_of(str(spec).replace("*", "")) for spec in specs)


class Packaging(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        pins: Counter[str] = Counter()
        evidence: list[Location] = []
        metadata: set[str] = set()
        legacy: list[str] = []
        for path in config_files(repo, "pyproject.toml"):
            doc = read_toml(repo, path) or {}
            if table(doc, "project").get("name") or table(doc, "project").get("dependencies"):
                metadata.add("PEP 621")
                evidence.append(Location(path, line_of(repo.text(path), r"^\[project\]")))
                deps = table(doc, "project").get("dependencies")
                pins += requirement_pins(map(str, deps if isinstance(deps, list) else []))
            if table(doc, "tool", "poetry"):
                metadata.add("Poetry")
                evidence.append(Location(path, line_of(repo.text(path), r"^\[tool\.poetry")))
                pins += _table_pins(table(doc, "tool", "poetry", "dependencies"))
        for path in config_files(repo, "setup.py"):
            line, requires = setup_py(repo, path)
            if line is not None:
                legacy.append(path)
                evidence.append(Location(path, line))
                pins += requirement_pins(requires or [])
        for path in config_files(repo, "setup.cfg"):
            parser = read_ini(repo, path)
            if parser is not None and parser.has_section("metadata"):
                legacy.append(path)
                evidence.append(Location(path, line_of(repo.text(path), r"^\[metadata\]")))
                listed = parser.get("options", "install_requires", fallback="")
                pins += requirement_pins(r for r in listed.splitlines() if r.strip())
        hashed = []
        for path in config_files(repo, "*requirements*.txt", "requirements/*.txt", "Pipfile"):
            legacy.append(path)
            evidence.append(Location(path, 1))
            if PurePosixPath(path).name == "Pipfile":
                pins += _table_pins(table(read_toml(repo, path), "packages"))
                continue
            lines, has_hashes = requirements_file(repo.text(path))
            pins += requirement_pins(lines)
            hashed += [path] if has_hashes else []
        locks = sorted({*config_files(repo, *LOCKS), *hashed})
        evidence += [Location(path, 1) for path in locks if path not in hashed]
        level = 2 if metadata else 1 if legacy else 0
        total, pinned = sum(pins.values()), sum(pins[k] for k in PINNED)
        kinds = " and ".join(sorted(metadata)) or ", ".join(sorted(set(legacy))[:3])
        summary = {
            2: f"Modern packaging ({kinds} metadata in pyproject.toml, level 2 of 2)",
            1: f"Older-style packaging only ({kinds}; level 1 of 2)",
            0: "No packaging or dependency file (level 0 of 2)",
        }[level]
        if level:
            noun = "dependency" if total == 1 else "dependencies"
            summary += (f"; {total} {noun}, {pinned} pinned or bounded"
                        f"{', locked by ' + ', '.join(locks) if locks else ', no lock file'}")
        return cls.signal(
            level, summary + ".", evidence=tuple(sorted(set(evidence))),
            metadata=sorted(metadata), legacy_files=sorted(set(legacy)), lock_files=locks,
            dependencies=total, pinned=pinned, pins={k: pins[k] for k in PINS},
        )
