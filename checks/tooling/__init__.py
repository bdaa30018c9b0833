"""Code-quality tooling: linters, formatters, type checkers and pre-commit hooks configured.

## What it measures
The number of distinct tools configured among ruff, black, isort, flake8, pylint,
mypy, pyright and pre-commit. They are found in `pyproject.toml` (`[tool.*]`
tables and dev dependency groups), `setup.cfg`, `tox.ini`, `.flake8`, `mypy.ini`,
`ruff.toml`, `pyrightconfig.json`, `.isort.cfg`, `.pylintrc`,
`.pre-commit-config.yaml` (its hooks) and dev requirements files
(`requirements-dev.txt`, `requirements/lint.txt`...). Details say whether mypy is
strict, pyright's `typeCheckingMode` and the pre-commit hooks. Every file is
parsed as data (TOML, INI, YAML, JSON); no tool is ever run.

## Why it matters
Linters, formatters and type checkers are how teams keep code consistent and
catch bugs before review. Configuring them is a habit of professional work.

## Example
A `pyproject.toml` with `[tool.ruff]` and `[tool.mypy]` `strict = true`, plus a
`.pre-commit-config.yaml` running them, gives 3: ruff, mypy (strict), pre-commit.

## Caveats
Configured is not enforced: a `[tool.black]` table does not prove the code was
formatted. Many developers run tools from their editor without committing any
configuration, so 0 does not mean the code is unchecked.
"""

from typing import TypedDict, cast

from analyzer.api import (
    Example,
    Flag,
    Fold,
    Level,
    Location,
    RepoCheck,
    Rule,
    Signal,
    flag,
    saturate,
)
from checks.tooling._tools import Found, found_tools


class Details(TypedDict, total=False):
    tools: list[str]
    where: dict[str, str]
    mypy_strict: bool | None
    pyright_mode: str | None
    pre_commit_hooks: list[str]


def _flags(signal: Signal) -> list[Flag]:
    details = cast("Details", signal.details)
    if not signal.value:
        return flag(
            Level.YELLOW, "No linter, formatter or type checker configured.",
            "Many people run these tools from their editor without committing a config.",
            "Which linters or type checkers do you use, and how?",
        )(signal)
    if details.get("mypy_strict") or details.get("pyright_mode") == "strict":
        return flag(Level.GREEN, "Strict type checking is configured.")(signal)
    return []


def _settings(found: list[Found]) -> Details:
    """mypy's strictness, pyright's mode and the pre-commit hooks, from every sign found."""
    mypy = [f for f in found if f.tool == "mypy"]
    return Details(
        mypy_strict=any(f.setting == "strict" for f in mypy) if mypy else None,
        pyright_mode=next((f.setting for f in found if f.tool == "pyright"
                           and f.setting not in ("", "dependency")), None),
        pre_commit_hooks=sorted({f.setting[5:] for f in found if f.setting.startswith("hook:")}),
    )


def _label(tool: str, settings: Details) -> str:
    if tool == "mypy" and settings["mypy_strict"]:
        return f"{tool} (strict)"
    if tool == "pyright" and settings["pyright_mode"]:
        return f"{tool} ({settings['pyright_mode']})"
    return tool


_STRICT = "[tool.ruff]\n[tool.mypy]\nstrict = true\n"


class Tooling(RepoCheck):
    rule = Rule(8, saturate(3), _flags)
    examples = (
        Example({"pyproject.toml": _STRICT}, 2, ("pyproject.toml:1", "pyproject.toml:2")),
        Example({"requirements-dev.txt": "black\nrequests\n"}, 1, ("requirements-dev.txt:1",),
                note="a dev requirement counts"),
        Example({"requirements.txt": "black\n"}, 0, (), note="runtime requirements do not"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        found = sorted(found_tools(fold.repo),
                       key=lambda f: (f.setting == "dependency", f.path, f.line))
        first: dict[str, Found] = {}
        for item in found:
            first.setdefault(item.tool, item)
        tools = sorted(first)
        settings = _settings(found)
        if not tools:
            return cls.signal(
                0, "No linter, formatter or type-checker configuration found.", tools=[],
                where={}, mypy_strict=None, pyright_mode=None, pre_commit_hooks=[],
            )
        labels = ", ".join(_label(tool, settings) for tool in tools)
        return cls.signal(
            len(tools), f"{len(tools)} tool(s) configured: {labels}.",
            evidence=tuple(sorted(Location(first[t].path, first[t].line) for t in tools)),
            tools=tools, where={t: f"{first[t].path}:{first[t].line}" for t in tools}, **settings,
        )
