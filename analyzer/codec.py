"""Observations as JSON that cannot execute: plain data, and dataclasses checked on the way back.

The cache directory may be shared or restored from elsewhere, so a row is
untrusted input. Encoding keeps plain values (``None``, bools, ints, floats,
strings) as they are and tags containers (tuple, list, frozenset, mappings),
aware datetimes, and dataclasses, named tuples and enum members (by module and
qualified name). Decoding builds only classes
whose module is ``checks`` or ``analyzer`` (or inside them) *and already
imported*: a name is looked up in ``sys.modules``, never imported. Each field
is checked against the class's type annotations before the class is called.
Anything unexpected raises ``InvalidError``, which the cache treats as a miss.
"""

import dataclasses
import enum
import json
import sys
import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from typing import Any

_PACKAGES = ("checks", "analyzer")
_PLAIN = (type(None), bool, int, float, str)


class InvalidError(ValueError):
    """A payload that is not an encoding of allowed values."""


def _encode(value: object) -> Any:
    if isinstance(value, enum.Enum):  # before plain values: a StrEnum member is a str too
        member = type(value)
        return {"e": f"{member.__module__}:{member.__qualname__}", "v": _encode(value.value)}
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple
        kind = type(value)
        return {"n": f"{kind.__module__}:{kind.__qualname__}", "v": [_encode(v) for v in value]}
    if isinstance(value, tuple):
        return {"t": [_encode(item) for item in value]}
    if isinstance(value, list):
        return {"l": [_encode(item) for item in value]}
    if isinstance(value, frozenset):
        return {"f": sorted((_encode(item) for item in value), key=repr)}
    if isinstance(value, Mapping):  # a read-only view (MappingProxyType) comes back a dict
        return {"d": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, datetime) and value.tzinfo is not None:
        return {"z": value.isoformat()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"c": f"{cls.__module__}:{cls.__qualname__}", "v": fields}
    raise InvalidError(f"cannot encode {type(value).__name__}")


def dumps(value: object) -> bytes:
    """``value`` as bytes; ``InvalidError`` when it holds a type the codec does not carry."""
    return json.dumps(_encode(value), ensure_ascii=True, allow_nan=False).encode("ascii")


def _named(cls: type) -> bool:
    return issubclass(cls, tuple) and hasattr(cls, "_fields")


def _kind_ok(found: type, kind: str) -> bool:
    if kind == "enum":
        return issubclass(found, enum.Enum)
    return _named(found) if kind == "named" else dataclasses.is_dataclass(found)


@cache
def _allowed(name: str, *, kind: str = "dataclass") -> type:
    module_name, _, qualname = name.partition(":")
    if module_name.split(".")[0] not in _PACKAGES:
        raise InvalidError(f"class from outside modernity: {name}")
    found: object = sys.modules.get(module_name)
    for part in qualname.split("."):
        found = getattr(found, part, None) if found is not None and part.isidentifier() else None
    if not isinstance(found, type) or not _kind_ok(found, kind):
        raise InvalidError(f"not a loaded {kind} class: {name}")
    if found.__module__ != module_name:
        raise InvalidError(f"{name} is re-exported, not defined there")
    return found


@cache
def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except Exception as error:  # an annotation that cannot be resolved: never cached
        raise InvalidError(f"annotations of {cls.__qualname__}") from error


Checker = Callable[[object], bool]


def _fits(value: object, hint: Any) -> bool:
    try:
        return _checker(hint)(value)
    except TypeError:  # an unhashable hint: built again for this value
        return _build_checker(hint)(value)


@cache
def _checker(hint: Any) -> Checker:
    """A hint's test, built once: a warm scan checks some 30,000 decoded values."""
    return _build_checker(hint)


def _build_checker(hint: Any) -> Checker:
    if hint is Any or hint is object:
        return lambda value: True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        either = [_checker(arg) for arg in args]
        return lambda value: any(test(value) for test in either)
    if origin is typing.Literal:
        return lambda value: value in args
    if hint is None or hint is type(None):
        return lambda value: value is None
    if hint is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if origin is None:
        return (lambda value: isinstance(value, hint)) if isinstance(hint, type) else (
            lambda value: False)
    if origin is tuple and args and args[-1] is not Ellipsis:
        each = [_checker(arg) for arg in args]
        return lambda value: (isinstance(value, tuple) and len(each) == len(value)
                              and all(test(item) for test, item in zip(each, value, strict=True)))
    if origin in (dict, Mapping) or (isinstance(origin, type) and issubclass(origin, Mapping)):
        key, item = (_checker(arg) for arg in args or (Any, Any))
        return lambda value: isinstance(value, origin) and all(
            key(k) and item(v) for k, v in value.items())
    test = _checker(args[0] if args else Any)
    return lambda value: isinstance(value, origin) and all(map(test, value))


@cache
def _layout(cls: type) -> tuple[frozenset[str], dict[str, Any]]:
    """A dataclass's field names (all set by ``__init__``, else ``InvalidError``) and hints."""
    declared = dataclasses.fields(cls)
    if not all(f.init for f in declared):
        raise InvalidError(f"{cls.__qualname__} has fields __init__ does not set")
    return frozenset(f.name for f in declared), _hints(cls)


def _dataclass(name: object, fields: object) -> object:
    if not isinstance(name, str) or not isinstance(fields, dict):
        raise InvalidError("malformed dataclass")
    cls = _allowed(name)
    names, hints = _layout(cls)
    if fields.keys() != names:
        raise InvalidError(f"fields of {name} differ")
    values = {key: _decode(item) for key, item in fields.items()}
    for key, item in values.items():
        if not _fits(item, hints.get(key, Any)):
            raise InvalidError(f"{name}.{key} has the wrong type")
    return cls(**values)


def _named_tuple(name: object, items: object) -> object:
    if not isinstance(name, str) or not isinstance(items, list):
        raise InvalidError("malformed named tuple")
    cls = _allowed(name, kind="named")
    fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
    if len(items) != len(fields):
        raise InvalidError(f"fields of {name} differ")
    hints = _hints(cls)
    values = [_decode(item) for item in items]
    if not all(_fits(v, hints.get(f, Any)) for f, v in zip(fields, values, strict=True)):
        raise InvalidError(f"a field of {name} has the wrong type")
    return cls(*values)


def _enum_member(name: object, item: object) -> object:
    if not isinstance(name, str) or not isinstance(item, _PLAIN):
        raise InvalidError("malformed enum member")
    return _allowed(name, kind="enum")(item)  # ValueError (not a member): InvalidError


def _moment(text: object) -> datetime:
    if not isinstance(text, str):
        raise InvalidError("malformed date")
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise InvalidError("a date without its time zone")
    return moment


def _decode(value: object) -> object:
    if isinstance(value, _PLAIN):
        return value
    if not isinstance(value, dict) or not value or len(value) > 2:
        raise InvalidError("unexpected value")
    if "c" in value:
        return _dataclass(value.get("c"), value.get("v"))
    if "n" in value:
        return _named_tuple(value.get("n"), value.get("v"))
    if "e" in value:
        return _enum_member(value.get("e"), value.get("v"))
    if "z" in value:
        return _moment(value["z"])
    (tag, items), = value.items()
    if not isinstance(items, list):
        raise InvalidError("container without items")
    if tag == "t":
        return tuple(_decode(item) for item in items)
    if tag == "l":
        return [_decode(item) for item in items]
    if tag == "f":
        return frozenset(_decode(item) for item in items)
    if tag == "d" and all(isinstance(pair, list) and len(pair) == 2 for pair in items):
        return {_decode(k): _decode(v) for k, v in items}
    raise InvalidError(f"unknown tag {tag!r}")


def loads(payload: bytes) -> object:
    """The value ``payload`` encodes; ``InvalidError`` for anything else (also hashing errors)."""
    try:
        return _decode(json.loads(payload))
    except (ValueError, TypeError, RecursionError) as error:
        raise InvalidError(str(error)) from None
