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

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal
from checks._tools import Found, found_tools


class Tooling(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        found = sorted(found_tools(corpus.repo), key=lambda f: (f.setting == "dependency",
                                                               f.path, f.line))
        first: dict[str, Found] = {}
        for item in found:
            first.setdefault(item.tool, item)
        tools = sorted(first)
        mypy_strict = any(f.tool == "mypy" and f.setting == "strict" for f in found)
        pyright_mode = next((f.setting for f in found if f.tool == "pyright"
                             and f.setting not in ("", "dependency")), None)
        hooks = sorted({f.setting[5:] for f in found if f.setting.startswith("hook:")})
        if not tools:
            return cls.signal(
                0, "No linter, formatter or type-checker configuration found.", tools=[],
                where={}, mypy_strict=None, pyright_mode=None, pre_commit_hooks=[],
            )
        labels = [
            tool + (" (strict)" if tool == "mypy" and mypy_strict else "")
            + (f" ({pyright_mode})" if tool == "pyright" and pyright_mode else "")
            for tool in tools
        ]
        summary = f"{len(tools)} tool(s) configured: {', '.join(labels)}."
        return cls.signal(
            len(tools), summary,
            evidence=tuple(sorted(Location(first[t].path, first[t].line) for t in tools)),
            tools=tools, where={t: f"{first[t].path}:{first[t].line}" for t in tools},
            mypy_strict=mypy_strict if "mypy" in first else None, pyright_mode=pyright_mode,
            pre_commit_hooks=hooks,
        )
