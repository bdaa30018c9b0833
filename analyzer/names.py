"""Name helpers every check may use: dotted names, decorators, annotations, parameters."""

from __future__ import annotations

from typing import Any, TypeVar, cast

import libcst as cst

T = TypeVar("T")
_RULES: dict[type, str] = {}  # node class -> which branch of ``full_name`` applies


def _rule(kind: type) -> str:
    """The first class ``kind`` is a subclass of, in ``get_full_name_for_node``'s order.

    Cached per class: libcst's nodes are abstract-base-class instances, so each failed
    ``isinstance`` runs ``ABCMeta.__instancecheck__`` in Python, and names are asked for
    on most nodes of every file.
    """
    found = _RULES.get(kind)
    if found is None:
        order: tuple[tuple[type | tuple[type, ...], str], ...] = (
            (cst.Name, "name"), (str, "str"), (cst.Attribute, "attribute"), (cst.Call, "call"),
            (cst.Subscript, "subscript"), ((cst.FunctionDef, cst.ClassDef), "def"),
            (cst.Decorator, "decorator"),
        )
        found = _RULES[kind] = next((rule for cls, rule in order if issubclass(kind, cls)), "")
    return found


# A file's dotted names, asked for again by each check (every call's callee by about
# eight): kept by node identity. Each entry holds its node, so its id is never reused
# while the entry lives; the memo is emptied for each new file (and when full), and
# never changes an answer.
_MEMO_SIZE = 50_000
_FULL: dict[int, tuple[object, str | None]] = {}
_DOTTED: dict[int, tuple[object, str]] = {}
_FILE = [0]  # the id of the file's ``SourceFile``: holding the file itself would keep its text
_MEMOS: list[dict[int, tuple[object, Any]]] = [_FULL, _DOTTED]


def node_memo() -> dict[int, tuple[object, Any]]:
    """A memo of answers per node, by ``id``, each entry holding its node (so the id is not
    reused while it lives) and emptied with the names' for each new file."""
    memo: dict[int, tuple[object, Any]] = {}
    _MEMOS.append(memo)
    return memo


def remember(memo: dict[int, tuple[object, Any]], node: object, answer: T) -> T:
    """Keep ``answer`` for ``node`` in ``memo`` (emptied first when full) and return it."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[id(node)] = (node, answer)
    return answer


def new_file(source: object) -> None:
    """Forget what was kept about the file before ``source`` (each check of a file says so)."""
    if _FILE[0] != id(source):  # a reused id only keeps a memo longer: never a wrong answer
        _FILE[0] = id(source)
        for memo in _MEMOS:
            memo.clear()


def full_name(node: cst.CSTNode | str) -> str | None:
    """libcst's ``get_full_name_for_node``, branch for branch (``None.attr`` included)."""
    kind = type(node)
    if kind is cst.Name or kind is str:  # most names: nothing to keep
        return cast(cst.Name, node).value if kind is cst.Name else cast(str, node)
    hit = _FULL.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1]
    return remember(_FULL, node, _full_name(node, _rule(kind)))


def _full_name(node: cst.CSTNode | str, rule: str) -> str | None:
    if rule == "name":
        return cast(cst.Name, node).value
    if rule == "str":
        return cast(str, node)
    if rule == "attribute":
        attribute = cast(cst.Attribute, node)
        return f"{full_name(attribute.value)}.{attribute.attr.value}"
    if rule == "call":
        return full_name(cast(cst.Call, node).func)
    if rule == "subscript":
        return full_name(cast(cst.Subscript, node).value)
    if rule == "def":
        return full_name(cast(cst.FunctionDef | cst.ClassDef, node).name)
    if rule == "decorator":
        return full_name(cast(cst.Decorator, node).decorator)
    return None


def dotted(node: cst.BaseExpression) -> str:
    """``a.b.c`` for a name or attribute chain (subscripts and calls give ``""``)."""
    kind = type(node)
    if kind is cst.Name:
        return cast(cst.Name, node).value
    hit = _DOTTED.get(id(node))
    if hit is not None and hit[0] is node:
        return hit[1]
    rule = _rule(kind)
    if rule == "name":
        return cast(cst.Name, node).value
    found = ""
    if rule == "attribute":
        attribute = cast(cst.Attribute, node)
        head = dotted(attribute.value)
        found = f"{head}.{attribute.attr.value}" if head else ""
    return remember(_DOTTED, node, found)


def last_name(node: cst.BaseExpression) -> str:
    """The last component of a dotted name: ``typing.Optional`` -> ``Optional``."""
    return dotted(node).rsplit(".", 1)[-1]


def decorators(node: cst.FunctionDef | cst.ClassDef) -> set[str]:
    """The last name of each decorator, called or not: ``@dataclass(frozen=True)`` -> dataclass."""
    names = set()
    for decorator in node.decorators:
        target = decorator.decorator
        names.add(last_name(target.func if isinstance(target, cst.Call) else target))
    return names


def is_annotated(node: cst.FunctionDef) -> bool:
    """True when the function has a return annotation or any annotated parameter."""
    if node.returns is not None:
        return True
    params = node.params
    every = (*params.posonly_params, *params.params, *params.kwonly_params)
    if any(param.annotation is not None for param in every):
        return True
    return any(
        isinstance(star, cst.Param) and star.annotation is not None
        for star in (params.star_arg, params.star_kwarg)
    )


def parameters(node: cst.FunctionDef, *, method: bool) -> tuple[int, int]:
    """How many parameters the function declares and how many are annotated.

    The first parameter of a method (``self`` or ``cls``) is left out, as interrogate and
    pyright do, unless the method is a ``@staticmethod``.
    """
    params = node.params
    positional = [*params.posonly_params, *params.params]
    if method and positional and "staticmethod" not in decorators(node):
        positional = positional[1:]
    stars = [star for star in (params.star_arg, params.star_kwarg) if isinstance(star, cst.Param)]
    every = [*positional, *params.kwonly_params, *stars]
    return len(every), sum(param.annotation is not None for param in every)
