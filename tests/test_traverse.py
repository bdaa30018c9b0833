"""The copy-free traversal visits exactly what libcst's own batched visit visits, in order."""

from pathlib import Path

import libcst as cst

from analyzer.traverse import children, visit_batched

ROOT = Path(__file__).resolve().parent.parent
# Many node kinds in one module (written for this test).
VARIED = '''
from __future__ import annotations
import os.path as p, sys
@dec(1, *a, k=2, **kw)
async def f[T](x: int = 1, /, *args: T, y: "str" = "", **kw) -> list[T] | None:
    global g
    async with a as b, c:
        async for i in aiter():
            await g(i)
    try:
        pass
    except* (ValueError, TypeError) as e:
        raise RuntimeError from e
    else:
        del x
    finally:
        nonlocal_ = lambda q, *r: (q if r else not q)
    return [y async for y in z if y] or {k: v for k, v in d.items()} or {s for s in t}
class C(B, metaclass=M):
    """doc"""
    x: int = 3
    def m(self) -> None:
        match self.x:
            case [1, *rest] | {"k": _, **others} if rest:
                print(f"{rest!r:>10} {others=}", end="")
            case Point(x=0, y=yy) as pt:
                (z := yy ** -2 // 3 @ m)
            case _:
                assert self, "msg"
while (n := n - 1) > 0 and not done:
    x = y = a[1:2, ::3], b[...]
    x += 1; yield_ = (i for i in range(3))
else:
    type Alias = dict[str, int]
'''


def _all_nodes(module: cst.Module) -> list[cst.CSTNode]:
    stack: list[cst.CSTNode] = [module]
    seen: list[cst.CSTNode] = []
    while stack:
        node = stack.pop()
        seen.append(node)
        stack.extend(node.children)
    return seen


def test_children_come_in_libcst_order_for_every_node() -> None:
    """For every node of the sample and of this project's sources, the children match libcst's."""
    sources = [VARIED, *(p.read_text() for p in sorted(ROOT.glob("analyzer/**/*.py")))]
    count = 0
    for source in sources:
        for node in _all_nodes(cst.parse_module(source)):
            assert [id(c) for c in children(node)] == [id(c) for c in node.children], node
            count += 1
    assert count > 10_000


class Recorder(cst.BatchableCSTVisitor):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def visit_Name(self, node: cst.Name) -> None:
        self.log.append(f"Name {node.value}")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.log.append(f"def {node.name.value}")

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self.log.append(f"end {original_node.name.value}")

    def visit_MatchCase(self, node: cst.MatchCase) -> None:
        self.log.append("case")


class AttributeRecorder(Recorder):
    def visit_FunctionDef_body(self, node: cst.FunctionDef) -> None:
        self.log.append(f"body of {node.name.value}")


def test_visit_and_leave_events_match_libcst() -> None:
    """Two visitors see the same events in the same order as with libcst.visit_batched."""
    module = cst.parse_module(VARIED)
    ours: list[str] = []
    theirs: list[str] = []
    visit_batched(module, [Recorder(ours), Recorder(ours)])
    cst.visit_batched(module, [Recorder(theirs), Recorder(theirs)])
    assert ours == theirs
    assert "end m" in ours
    assert ours.count("case") == 6


def test_attribute_hooks_still_run() -> None:
    """A visitor with a visit_<Node>_<field> hook gets it called (libcst's traversal is used)."""
    log: list[str] = []
    visit_batched(cst.parse_module(VARIED), [AttributeRecorder(log)])
    assert "body of f" in log
    assert "body of m" in log


def test_a_sequence_subclass_is_walked_the_first_time_it_is_met() -> None:
    """The parser only makes tuples and lists; a tree built by hand may hold a subclass."""

    class Names(tuple):  # type: ignore[type-arg]
        pass

    seen: list[str] = []

    class Collect(cst.BatchableCSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            seen.append(node.value)

    statement = cst.Del(target=cst.Tuple(Names((cst.Element(cst.Name("a")),
                                                cst.Element(cst.Name("b"))))))
    module = cst.Module(body=[cst.SimpleStatementLine(body=[statement])])
    visit_batched(module, [Collect()])
    assert seen == ["a", "b"]
