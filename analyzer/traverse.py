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
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import libcst as cst

if TYPE_CHECKING:
    from analyzer.logical import Cursor

Method = Callable[["cst.CSTNode"], object]  # a string: importing this needs no libcst
# A node type's visits, a reader of its child fields (one value when ``single``), its leaves.
Plan = tuple[list[Method], Callable[["cst.CSTNode"], Any] | None, bool, list[Method]]


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


def _items(sequence: Any) -> Any:
    return sequence


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
    plans: dict[type, Plan] = {}
    # Types whose values the walk passes by: whitespace and other leaves nobody hooks (half
    # of all nodes), and every type that is not a node (None, strings, sentinels).
    idle: set[type] = set()
    sequences: set[type] = {tuple, list}
    nothing: Plan = ([], None, False, [])

    def leave_owner(node: cst.CSTNode) -> None:
        above.pop()

    def plan(kind: type) -> Plan:
        if not is_node(kind):
            if not issubclass(kind, (tuple, list)):
                idle.add(kind)
                return nothing
            sequences.add(kind)  # a subclass, met once here: its items are walked this time
            found: Plan = [], _items, False, []
            plans[kind] = found
            return found
        name = kind.__name__
        visits, leaves = methods.get(f"visit_{name}", []), methods.get(f"leave_{name}", [])
        if kind in OWNERS:  # the cursor's owners, kept as the first visit and the last leave
            visits, leaves = [above.append, *visits], [*leaves, leave_owner]
        fields = child_fields(kind)
        if not (visits or fields or leaves):
            idle.add(kind)
        # One C call reads every field: a tuple of them, or the value of the only one.
        read = attrgetter(*fields) if fields else None
        plans[kind] = made = visits, read, len(fields) == 1, leaves
        return made

    def walk(node: cst.CSTNode) -> None:
        visits, read, single, leaves = plans.get(type(node)) or plan(type(node))
        if visits:
            cursor.node = node
            for method in visits:
                method(node)
        if read is not None:
            values = read(node)
            for value in (values,) if single else values:
                kind = type(value)
                if kind in idle:
                    continue
                if kind in sequences:
                    for item in value:
                        if type(item) not in idle:
                            walk(item)
                else:
                    walk(value)
        if leaves:
            cursor.node = node
            for method in leaves:
                method(node)

    walk(module)
