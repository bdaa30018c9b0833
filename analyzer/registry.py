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
def names() -> tuple[str, ...]:
    """Every check's public name (its module's), sorted, without importing any check."""
    return tuple(sorted(info.name for info in pkgutil.iter_modules(checks.__path__)
                        if not info.name.startswith("_")))


@cache
def load(name: str) -> CheckClass:
    """The check class of module ``checks.<name>`` (one of ``names()``), imported alone."""
    if name not in names():
        raise ConfigError(f"unknown check {name!r}")
    module = importlib.import_module(f"checks.{name}")
    classes = [
        obj for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, Check) and obj.__module__ == module.__name__
    ]
    if len(classes) != 1:
        raise RuntimeError(f"checks.{name} must define exactly one Check")
    cls = classes[0]
    cls.name = name
    cls.doc = inspect.cleandoc(module.__doc__ or "")
    return cls


@cache
def all_checks() -> tuple[CheckClass, ...]:
    """Every check class, sorted by its public name (the module name)."""
    return tuple(load(name) for name in names())


def get_check(name: str) -> CheckClass:
    """The check named ``name``, importing its module alone (a worker needs no other)."""
    if name in names():
        return load(name)
    known = ", ".join(names())
    raise ConfigError(f"unknown check {name!r}; known checks: {known}")
