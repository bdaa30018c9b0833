"""A user's own rubric (``--rubric FILE``): a role to start from, and what to change in it.

Read only from the file the user names, never from a scanned repository: a candidate's
``pyproject.toml`` could otherwise choose the rubric that judges it. Every unusable key,
type or value is one ``ConfigError`` naming the key (the CLI prints it and exits 2)::

    base = "ml"                      # general, backend, data-engineering, data-science, ml, devops
    [weights]
    tests = 30                       # a check's weight; 0 leaves it out
    [thresholds]
    strong = 80                      # also mixed, weak (0..100, strong >= mixed >= weak)
    [levels.notebooks]
    yellow = "off"                   # green, yellow, red or off
    [[questions]]
    check = "sql"
    text = "How do you test a migration before it runs in production?"
"""

import tomllib
from dataclasses import replace
from pathlib import Path

from analyzer.errors import ConfigError
from analyzer.roles import ROLES
from analyzer.rules import Level, Rubric

_KEYS = {"base", "weights", "thresholds", "levels", "questions"}
_LEVELS = {"green": Level.GREEN, "yellow": Level.YELLOW, "red": Level.RED, "off": None}


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f"--rubric {path}: {key}: {problem}")


def _table(path: Path, key: str, value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise _fail(path, key, f"must be a table, not {type(value).__name__}")
    return value


def _check(path: Path, key: str, name: str, known: set[str]) -> str:
    if name not in known:
        raise _fail(path, key, f"unknown check {name!r}")
    return name


def load(path: Path, role: str | None = None) -> Rubric:
    """The rubric in ``path``, based on its ``base`` (else ``role``, else general)."""
    from analyzer.score import rules  # noqa: PLC0415 - check names come from the registry

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"--rubric {path}: cannot read it ({error.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"--rubric {path}: not valid TOML ({error})") from None
    for key in sorted(set(data) - _KEYS):
        raise _fail(path, key, f"unknown key; known keys: {', '.join(sorted(_KEYS))}")
    base = data.get("base", role or "general")
    if base not in ROLES:
        raise _fail(path, "base", f"{base!r} is not a role; roles: {', '.join(ROLES)}")
    rubric, known = ROLES[str(base)], set(rules())
    weights = dict(rubric.weights)
    for name, weight in _table(path, "weights", data.get("weights", {})).items():
        key = f"weights.{_check(path, f'weights.{name}', name, known)}"
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
            raise _fail(path, key, f"must be a number >= 0, not {weight!r}")
        weights[name] = float(weight)
    return replace(
        rubric, name=f"{rubric.name} (custom)", weights=weights,
        thresholds=_thresholds(path, data.get("thresholds", {}), rubric.thresholds),
        levels=_levels(path, data.get("levels", {}), rubric, known),
        questions=rubric.questions + _questions(path, data.get("questions", []), known),
    )


def _thresholds(path: Path, value: object, start: tuple[int, int, int]) -> tuple[int, int, int]:
    table, names = _table(path, "thresholds", value), ("strong", "mixed", "weak")
    found = dict(zip(names, start, strict=True))
    for name, number in table.items():
        if name not in found:
            raise _fail(path, f"thresholds.{name}", "unknown key; use strong, mixed or weak")
        if isinstance(number, bool) or not isinstance(number, int) or not 0 <= number <= 100:
            raise _fail(
                path, f"thresholds.{name}", f"must be a whole number 0..100, not {number!r}",
            )
        found[name] = number
    if not found["strong"] >= found["mixed"] >= found["weak"]:
        raise _fail(path, "thresholds", "must satisfy strong >= mixed >= weak")
    return found["strong"], found["mixed"], found["weak"]


def _levels(
    path: Path, value: object, rubric: Rubric, known: set[str],
) -> dict[str, dict[Level, Level | None]]:
    levels = {check: dict(changes) for check, changes in rubric.levels.items()}
    for name, changes in _table(path, "levels", value).items():
        check = _check(path, f"levels.{name}", name, known)
        for old, new in _table(path, f"levels.{name}", changes).items():
            key = f"levels.{name}.{old}"
            if old not in _LEVELS or _LEVELS[old] is None:
                raise _fail(path, key, "unknown level; use green, yellow or red")
            if not isinstance(new, str) or new not in _LEVELS:
                raise _fail(path, key, f"must be green, yellow, red or off, not {new!r}")
            levels.setdefault(check, {})[Level(old)] = _LEVELS[new]
    return levels


def _questions(path: Path, value: object, known: set[str]) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list):
        raise _fail(path, "questions", "must be an array of tables ([[questions]])")
    found = []
    for index, item in enumerate(value):
        key = f"questions[{index}]"
        table = _table(path, key, item)
        if set(table) != {"check", "text"}:
            raise _fail(path, key, "needs exactly the keys check and text")
        check, text = table["check"], table["text"]
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, f"{key}.text", "must be a non-empty string")
        found.append((_check(path, f"{key}.check", str(check), known), text.strip()))
    return tuple(found)
