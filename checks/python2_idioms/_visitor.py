"""The per-file half of ``python2_idioms``: idioms and shims of a file libcst parsed.

Python 2 names only count where the file does not bind them itself (parameters, match
captures, locals), and code under a Python 2 check or an import fallback is a
compatibility shim, not Python 2 only.
"""

from __future__ import annotations

import libcst as cst

from analyzer.api import SourceFile
from checks._scope import ScopeVisitor
from checks._shared.guards import FLAG_NAMES, catches_import_error, is_name, mentions_python2
from checks._shared.python2 import (
    BUILTINS,
    METHODS,
    MODULES,
    NAMES,
    SHIM_MODULES,
    Finding,
    Python2File,
    binds_old_style,
    except_pair,
    module_idiom,
)

# ``x.attr`` is reported only as one of NAMES (a module's label never says "name"), so
# only an ``attr`` ending one of them is worth resolving.
_NAME_ENDS = frozenset(name.rsplit(".", 1)[-1] for name in NAMES)
assert not any("name" in module for module in MODULES)
_FUTURE_SHIMS = frozenset({
    "print_function", "unicode_literals", "division", "absolute_import", "with_statement",
})


def _is_print_statement(node: cst.BaseExpression) -> bool:
    """``print`` alone, or ``print >>f, x`` (parsed as a tuple whose first item is a shift)."""
    if isinstance(node, cst.Tuple) and node.elements:
        first = node.elements[0].value
        return (isinstance(first, cst.BinaryOperation) and is_name(first.left, "print")
                and isinstance(first.operator, cst.RightShift))
    return is_name(node, "print")


class Python2Visitor(ScopeVisitor[Python2File]):
    """The per-file half of ``python2_idioms``: idioms and shims of a file libcst parsed.

    Code under a version branch (``if PY2:``, ``unicode if PY2 else str``) or an import
    fallback is a shim; a Python 2 name anywhere else is Python 2 only.
    """

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.syntax: list[Finding] = []  # print >>, `except E, e:`: Python 2 even in 2/3 files
        self.soft: list[Finding] = []  # Python 2 names, methods and modules
        # `except A, b:`: line, b, used in the handler, guarded
        self.handlers: list[tuple[int, str, bool, bool]] = []
        self.classes: set[str] = set()
        self.names: list[tuple[str, int, bool]] = []
        self.shims: list[tuple[str, int]] = []
        self.skip_ids: set[int] = set()
        self.tests: list[bool] = []  # enclosing `x if test else y`, `test and x`: a version test?

    def found(self, into: list[Finding], line: int, label: str) -> None:
        if self.guard_depth:
            self.shims.append(("guarded Python 2 code", line))
        else:
            into.append((line, label))

    def visit_If(self, node: cst.If) -> None:
        super().visit_If(node)
        if mentions_python2(node.test):
            self.shims.append(("version check", self.line(node)))
            self.guard(node.body)
            self.guard(node.orelse)

    # `unicode if PY2 else str`, `PY2 and unicode(x)`: the Python 2 half only runs there.
    # Each test is read once, on the way in; the way out undoes what it added.
    def visit_IfExp(self, node: cst.IfExp) -> None:
        self._push(mentions_python2(node.test))

    def leave_IfExp(self, original_node: cst.IfExp) -> None:
        self.guard_depth -= self.tests.pop()

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        self._push(mentions_python2(node.left))

    def leave_BooleanOperation(self, original_node: cst.BooleanOperation) -> None:
        self.guard_depth -= self.tests.pop()

    def _push(self, guards: bool) -> None:
        self.tests.append(guards)
        self.guard_depth += guards

    def visit_Try(self, node: cst.Try) -> None:
        if catches_import_error(node):
            self.guard(node.body)
            for handler in node.handlers:
                self.guard(handler.body)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        super().visit_AssignTarget(node)
        if isinstance(node.target, cst.Name) and node.target.value in FLAG_NAMES:
            self.shims.append(("PY2 flag", self.line(node)))

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in BUILTINS and id(node) not in self.skip_ids:
            self.names.append((node.value, self.line(node), self.guard_depth > 0))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None and node.keyword.value in BUILTINS:
            self.skip_ids.add(id(node.keyword))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in BUILTINS:  # `x.unicode` is an attribute, not the builtin
            self.skip_ids.add(id(node.attr))
        if node.attr.value not in _NAME_ENDS:
            return
        label = module_idiom(self.qualified(node) or "")
        if label and "name" in label:
            self.found(self.soft, self.line(node), label)

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:
            self.bound.add(node.name.value)  # `case file:` binds a capture, not the builtin

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self.bound.add(node.name.value)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value not in METHODS:
            return
        if (self.qualified(func.value) or "").split(".")[0] in SHIM_MODULES:
            return  # `six.iteritems(d)` is the compatibility function, not the dict method
        self.found(self.soft, self.line(node), f".{func.attr.value}() method")

    def visit_Expr(self, node: cst.Expr) -> None:
        if _is_print_statement(node.value):
            self.found(self.syntax, self.line(node), "print statement")

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self.classes.add(node.name.value)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        pair = except_pair(node)
        if pair is not None:
            self.handlers.append((self.line(node), *pair, self.guard_depth > 0))

    def _decide_handlers(self) -> None:
        for line, name, used, guarded in self.handlers:
            if not binds_old_style(name, used, self.classes | self.aliases.keys()):
                continue
            if guarded:
                self.shims.append(("guarded Python 2 code", line))
            else:
                self.syntax.append((line, "old except syntax"))

    def observe(self) -> Python2File:
        self._decide_handlers()
        for name, line, guarded in self.imports:
            top = name.split(".", maxsplit=1)[0]
            label = module_idiom(name)
            if top in SHIM_MODULES:
                self.shims.append((top, line))
            elif top == "__future__" and name.split(".")[-1] in _FUTURE_SHIMS:
                self.shims.append(("__future__ import", line))
            elif label and guarded:
                self.shims.append(("import fallback", line))
            elif label:
                self.soft.append((line, label))
        for name, line, guarded in self.names:
            if name in self.bound:
                continue
            if guarded:
                self.shims.append(("guarded Python 2 code", line))
            else:
                self.soft.append((line, f"Python 2 builtin {name}"))
        # A version check elsewhere in the file does not excuse an unguarded name:
        # envoy's `isinstance(command, (str, unicode))` fails on every Python 3 call.
        idioms = self.syntax + self.soft
        if any(name.split(".")[0] == "pandas" for name, _, _ in self.imports):
            # pandas' Series and DataFrame had .iteritems() until 2.0: no dict method there
            idioms = [found for found in idioms if found[1] != ".iteritems() method"]
        return Python2File(tuple(sorted(set(idioms))), tuple(sorted(set(self.shims))))
