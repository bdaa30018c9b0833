"""Packaging and dependencies: how the project declares what it needs, and how tightly.

## What it measures
A level: 2 when a `pyproject.toml` holds modern metadata (a PEP 621 `[project]`
table or `[tool.poetry]`), 1 when dependencies are declared only the older way
(`setup.py`, `setup.cfg`, `requirements*.txt`, `Pipfile`), 0 when there is
nothing. Details list the files, lock files (`uv.lock`, `poetry.lock`,
`pdm.lock`, `Pipfile.lock`, `pylock.toml`, rye's `requirements.lock`,
requirements with `--hash`), and
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

from typing import TypedDict

from analyzer.api import Example, Flag, Fold, Level, Location, RepoCheck, Rule, Signal, flag, value
from checks.packaging._dependencies import PINNED, PINS
from checks.packaging._sources import Declared, declared, locks


class Details(TypedDict, total=False):
    metadata: list[str]
    legacy_files: list[str]
    lock_files: list[str]
    dependencies: int
    pinned: int
    pins: dict[str, int]


def _flags(signal: Signal) -> list[Flag]:
    if signal.value == 2:
        return flag(Level.GREEN, "Modern packaging: dependencies declared in pyproject.toml.")(
            signal)
    if not signal.value:
        return flag(
            Level.YELLOW, "No packaging or dependency list.",
            "A script using only the standard library needs none.",
            "How would someone install what this project needs?",
        )(signal)
    return []


def _summary(level: int, found: Declared, details: Details) -> str:
    kinds = " and ".join(sorted(found.metadata)) or ", ".join(sorted(set(found.legacy))[:3])
    summary = {
        2: f"Modern packaging ({kinds} metadata in pyproject.toml, level 2 of 2)",
        1: f"Older-style packaging only ({kinds}; level 1 of 2)",
        0: "No packaging or dependency file (level 0 of 2)",
    }[level]
    if level:
        total, locked = details["dependencies"], details["lock_files"]
        noun = "dependency" if total == 1 else "dependencies"
        floors = details["pins"].get("lower_bound_only", 0)  # a library's normal practice
        summary += (f"; {total} {noun}, {details['pinned']} pinned or capped"
                    + (f", {floors} with a minimum version only" if floors else "")
                    + (", locked by " + ", ".join(locked) if locked else ", no lock file"))
    return summary + "."


_PEP621 = '[project]\nname = "a"\ndependencies = ["httpx>=0.27,<1"]\n'


class Packaging(RepoCheck):
    rule = Rule(8, lambda s: value(s) / 2, _flags)
    examples = (
        Example({"pyproject.toml": _PEP621, "uv.lock": ""}, 2,
                ("pyproject.toml:1", "uv.lock:1")),
        Example({"requirements.txt": "requests==2.31\n"}, 1, ("requirements.txt:1",)),
        Example({"a.py": "print(1)\n"}, 0, (), note="a script with nothing declared"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        found = declared(fold.repo)
        locked = locks(fold.repo, found)
        evidence = [*found.evidence, *(Location(p, 1) for p in locked if p not in found.hashed)]
        level = 2 if found.metadata else 1 if found.legacy else 0
        details = Details(
            metadata=sorted(found.metadata), legacy_files=sorted(set(found.legacy)),
            lock_files=locked, dependencies=sum(found.pins.values()),
            pinned=sum(found.pins[k] for k in PINNED), pins={k: found.pins[k] for k in PINS},
        )
        return cls.signal(
            level, _summary(level, found, details), evidence=tuple(sorted(set(evidence))),
            **details,
        )
