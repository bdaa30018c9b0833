"""Finding the checks: every module in the ``checks`` package defines exactly one.

Adding a check is adding one file; there is no list to edit.
"""

import importlib
import inspect
import pkgutil
from functools import cache
from typing import Any, TypeAlias

import checks
from analyzer.check import Check
from analyzer.errors import ConfigError

CheckClass: TypeAlias = type[Check[Any]]


@cache
def all_checks() -> tuple[CheckClass, ...]:
    """Every check class, sorted by its public name (the module name)."""
    found: list[CheckClass] = []
    for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"checks.{info.name}")
        classes = [
            obj for obj in vars(module).values()
            if inspect.isclass(obj) and issubclass(obj, Check) and obj.__module__ == module.__name__
        ]
        if len(classes) != 1:
            raise RuntimeError(f"checks.{info.name} must define exactly one Check")
        cls = classes[0]
        cls.name = info.name
        cls.doc = inspect.cleandoc(module.__doc__ or "")
        found.append(cls)
    return tuple(found)


def get_check(name: str) -> CheckClass:
    for cls in all_checks():
        if cls.name == name:
            return cls
    known = ", ".join(cls.name for cls in all_checks())
    raise ConfigError(f"unknown check {name!r}; known checks: {known}")
