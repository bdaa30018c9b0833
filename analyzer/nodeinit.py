"""libcst's node constructors, without the two lookups per field of a frozen dataclass.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__(self, name,
value)``: a global, an attribute and a by-name slot lookup for every field of every
node, about 1.3 million times for flask's 83 files. ``install`` gives each node class
an ``__init__`` that does the same work through the field's own slot descriptor: the
same signature (the original's very defaults), the same default factories, the same
``__post_init__`` call, so the same node; parsing flask takes 7% less CPU. The
constructors' source is generated once into ``analyzer._node_inits`` (compiling it on
each start cost 30 ms, most of the gain).
"""

from __future__ import annotations

import dataclasses
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

import libcst as cst

from analyzer import _node_inits


def node_classes() -> list[type]:
    """libcst's node classes with a dataclass ``__init__``, in a stable order."""
    def below(base: type) -> Iterator[type]:
        cls: type
        for cls in base.__subclasses__():
            yield cls
            yield from below(cls)

    found = {cls for cls in below(cst.CSTNode) if dataclasses.is_dataclass(cls)
             and isinstance(cls.__dict__.get("__init__"), types.FunctionType)
             # libcst's ``add_slots`` remakes each class: the first, unused one stays behind
             and getattr(sys.modules[cls.__module__], cls.__qualname__, None) is cls}
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


def _fields(cls: type) -> list[dataclasses.Field[Any]] | None:
    """The fields the dataclass ``__init__`` takes, in its order; None for any other shape."""
    code = cls.__dict__["__init__"].__code__
    fields = [field for field in dataclasses.fields(cls) if field.init]
    names = code.co_varnames[1:code.co_argcount]
    if code.co_kwonlyargcount or tuple(field.name for field in fields) != names:
        return None
    return fields


class Constructor(NamedTuple):
    """One class's generated constructor: its source lines, the globals it is given and
    every name its code reads (what a compiled constructor must read to be this one)."""

    lines: list[str]
    space: dict[str, Any]
    reads: frozenset[str]


def plan(index: int, cls: type) -> Constructor | None:
    """The constructor of class number ``index``: its source and what it reads."""
    fields = _fields(cls)
    if fields is None:
        return None
    lines = [f"def init_{index}(self{''.join(f', {field.name}' for field in fields)}):"]
    space: dict[str, Any] = {}
    shared = {"validating", "__post_init__"}
    for field in fields:
        name, setter = field.name, f"set_{index}_{field.name}"
        if field.default_factory is not dataclasses.MISSING:
            space[f"new_{index}_{name}"] = field.default_factory
            shared.add("FACTORY")
            lines.append(f"    if {name} is FACTORY: {name} = new_{index}_{name}()")
        slot = getattr(cls, name, None)
        if isinstance(slot, types.MemberDescriptorType):
            space[setter] = slot.__set__
            lines.append(f"    {setter}(self, {name})")
        else:
            shared.add("set_field")
            lines.append(f"    set_field(self, {name!r}, {name})")
    lines.append("    if validating: self.__post_init__()")
    return Constructor(lines, space, frozenset(shared | space.keys()))


def _factory_marker(classes: list[type]) -> object:
    """dataclasses' own "this field has a default factory" default value."""
    for cls in classes:
        init = cls.__dict__["__init__"]
        fields = [field for field in dataclasses.fields(cls) if field.init]
        defaults = init.__defaults__ or ()
        for field, default in zip(fields[len(fields) - len(defaults):], defaults, strict=True):
            if field.default_factory is not dataclasses.MISSING:
                return default
    return object()


ORIGINALS: dict[type, types.FunctionType] = {}  # what dataclasses made: tests compare


def _parameters(function: types.FunctionType) -> tuple[str, ...]:
    code = function.__code__
    return code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]


def install() -> int:
    """Give each node class the generated ``__init__`` made for it; the number given."""
    classes = node_classes()
    space = vars(_node_inits)
    space.update(set_field=object.__setattr__, FACTORY=_factory_marker(classes), validating=True)
    made = {name: index for index, name in enumerate(_node_inits.CLASSES)}
    given = 0
    for cls in classes:
        index = made.get(f"{cls.__module__}.{cls.__qualname__}")
        found = plan(index, cls) if index is not None else None
        faster = space.get(f"init_{index}")
        original = cls.__dict__["__init__"]
        if (found is None or faster is None or set(faster.__code__.co_names) != found.reads
                or _parameters(faster) != _parameters(original)):
            continue  # libcst changed this class since the table was made: left as it is
        space.update(found.space)
        faster.__defaults__ = original.__defaults__
        faster.__qualname__ = original.__qualname__
        ORIGINALS.setdefault(cls, original)
        type.__setattr__(cls, "__init__", faster)
        given += 1
    return given


@contextmanager
def dataclass_inits() -> Iterator[None]:
    """libcst's own constructors, for a while: what benchmarks and tests compare against."""
    faster = {cls: cls.__dict__["__init__"] for cls in ORIGINALS}
    try:
        for cls, original in ORIGINALS.items():
            type.__setattr__(cls, "__init__", original)
        yield
    finally:
        for cls, init in faster.items():
            type.__setattr__(cls, "__init__", init)


def set_validating(validating: bool) -> None:
    _node_inits.validating = validating  # type: ignore[attr-defined]
