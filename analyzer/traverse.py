"""A batched visit that reads the tree instead of rebuilding it.

libcst's ``visit`` builds a new copy of every node as it goes, even for visitors
that change nothing (its source says so: "TODO: provide traversal where children
are not replaced"); that copy cost twice the parse. This walk calls the same
``visit_<Node>`` / ``leave_<Node>`` methods in the same order, reading each node's
children in the order libcst's own ``_visit_and_replace_children`` visits them
(taken once per node class from that method's source). Visitors with attribute
hooks (``visit_<Node>_<field>``) use libcst's traversal instead.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from analyzer.logical import Cursor

Method = Callable[["cst.CSTNode"], object]  # a string: importing this needs no libcst


@cache
def child_fields(cls: type[cst.CSTNode]) -> tuple[str, ...]:
    """The fields holding children, in the order libcst visits them.

    Read from ``_child_fields`` (reading libcst's source for all its node classes cost
    each scan's fork server 0.09 s); a class the table lacks is derived as it is made.
    """
    from analyzer._child_fields import CHILD_FIELDS  # noqa: PLC0415  (analysis only)

    known = CHILD_FIELDS.get(f"{cls.__module__}.{cls.__qualname__}")
    return known if known is not None else derive_child_fields(cls)


def derive_child_fields(cls: type[cst.CSTNode]) -> tuple[str, ...]:
    """The fields ``cls._visit_and_replace_children`` visits, in its order, from its source."""
    source = textwrap.dedent(inspect.getsource(cls._visit_and_replace_children))
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id.startswith("visit_") and len(node.args) >= 2
            and isinstance(field := node.args[1], ast.Constant) and isinstance(field.value, str)
        ):
            found.append((node.lineno, node.col_offset, field.value))
    return tuple(dict.fromkeys(name for _, _, name in sorted(found)))


_IS_NODE: dict[type, bool] = {}


def is_node(kind: type) -> bool:
    """Whether ``kind`` is a libcst node class: ``isinstance(x, cst.CSTNode)`` without the cost.

    ``CSTNode`` is an abstract base class, so every ``isinstance`` against it runs
    ``ABCMeta.__instancecheck__`` in Python: about half a million calls per flask scan.
    """
    known = _IS_NODE.get(kind)
    if known is None:
        known = _IS_NODE[kind] = issubclass(kind, cst.CSTNode)
    return known


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    found: list[cst.CSTNode] = []
    for name in child_fields(type(node)):
        value = getattr(node, name)
        if is_node(type(value)):
            found.append(value)
        elif isinstance(value, (tuple, list)):
            found.extend(item for item in value if is_node(type(item)))
    return found


def descendants(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``node`` and every node below it, in visiting order, without copying the tree
    (what ``libcst.matchers.findall`` walks, without importing that 0.5 s package)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))


def _methods(visitors: Sequence[cst.BatchableCSTVisitor]) -> dict[str, list[Method]] | None:
    methods: dict[str, list[Method]] = {}
    for visitor in visitors:
        for name, method in visitor.get_visitors().items():
            if "_" in name.split("_", 1)[1]:
                return None  # an attribute hook: only libcst's traversal calls those
            methods.setdefault(name, []).append(method)
    return methods


def visit_batched(
    module: cst.Module, visitors: Sequence[cst.BatchableCSTVisitor], cursor: Cursor | None = None,
) -> None:
    """Exactly ``libcst.visit_batched(module, visitors)`` for node hooks, without the copy.

    ``cursor`` follows the walk: the node whose hooks run, and the owners of logical
    lines above it (``analyzer.logical``); libcst's own traversal leaves it untouched.
    """
    methods = _methods(visitors)
    if methods is None:
        cst.visit_batched(module, visitors)
        return
    from analyzer.logical import OWNERS, Cursor  # noqa: PLC0415  (a cycle otherwise)

    cursor = cursor or Cursor()
    above = cursor.owners
    plans: dict[type[cst.CSTNode], tuple[list[Method], tuple[str, ...], list[Method]]] = {}
    idle: set[type] = set()  # leaves nobody hooks (whitespace, mostly: half of all nodes)

    def leave_owner(node: cst.CSTNode) -> None:
        above.pop()

    def plan(kind: type[cst.CSTNode]) -> tuple[list[Method], tuple[str, ...], list[Method]]:
        name = kind.__name__
        visits, leaves = methods.get(f"visit_{name}", []), methods.get(f"leave_{name}", [])
        if kind in OWNERS:  # the cursor's owners, kept as the first visit and the last leave
            visits, leaves = [above.append, *visits], [*leaves, leave_owner]
        plans[kind] = found = visits, child_fields(kind), leaves
        if found == ([], (), []):
            idle.add(kind)
        return found

    node_kind = _IS_NODE.get  # is_node, inlined: half a million calls per flask scan

    def walk(node: cst.CSTNode) -> None:
        kind = type(node)
        visits, fields, leaves = plans.get(kind) or plan(kind)
        if visits:
            cursor.node = node
            for method in visits:
                method(node)
        for field in fields:
            value = getattr(node, field)
            kind = type(value)
            if kind in idle:
                continue
            known = node_kind(kind)
            if known is None:
                known = is_node(kind)
            if known:
                walk(value)
            elif isinstance(value, (tuple, list)):
                for item in value:
                    kind = type(item)
                    if kind not in idle and (node_kind(kind) or is_node(kind)):
                        walk(item)
        if leaves:
            cursor.node = node
            for method in leaves:
                method(node)

    walk(module)
