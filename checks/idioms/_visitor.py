"""Visitor methods that find modern and old idioms in one file (for the idioms check).

``IdiomVisitor`` is mixed in before ``Check`` (so its ``visit_*`` methods win over
libcst's no-op ones); the check sets ``found``, ``imported`` and ``script``.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from analyzer.api import dotted, last_name

IDIOMS = (
    "f_strings", "percent_format", "format_calls", "dataclasses", "attrs", "pydantic_models",
    "pathlib", "os_path", "comprehensions", "generator_expressions", "with_statements",
    "logging_calls", "print_calls", "walrus",
)
EXAMPLES = 3  # lines kept per idiom and file, for evidence
_LOG_METHODS = frozenset({
    "debug", "info", "warning", "warn", "error", "exception", "critical", "log",
})
_ATTRS_DECORATORS = frozenset({"define", "frozen", "mutable", "s", "attrs", "dataclass"})
_PYDANTIC_BASES = frozenset({"BaseModel", "BaseSettings", "RootModel"})


def _is_text_literal(node: cst.BaseExpression) -> bool:
    """A str literal (not bytes, which have no f-string form)."""
    if isinstance(node, cst.ConcatenatedString):
        return _is_text_literal(node.left)
    return isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower()


def _bare(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.SimpleString):
        return node.value.strip("'\"")
    return dotted(node)


class IdiomVisitor:
    found: dict[str, list[int]]
    imported: dict[str, str]  # name bound by `from M import name` -> M
    script: bool
    line: Callable[[cst.CSTNode], int]

    def note(self, idiom: str, node: cst.CSTNode) -> None:
        lines = self.found.setdefault(idiom, [])  # only the first EXAMPLES lines are kept: the
        lines.append(self.line(node) if len(lines) < EXAMPLES else 0)  # others only count

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is None or node.relative or isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            local = alias.asname.name if alias.asname else alias.name
            self.imported[dotted(local)] = dotted(node.module)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        if any(isinstance(part, cst.FormattedStringExpression) for part in node.parts):
            self.note("f_strings", node)

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.Modulo) and _is_text_literal(node.left):
            self.note("percent_format", node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        name = dotted(func)
        head = name.split(".", 1)[0]
        method = func.attr.value if type(func) is cst.Attribute else ""  # exact: cheaper
        if method == "format" and _is_text_literal(getattr(func, "value", func)):
            self.note("format_calls", node)
        if name.startswith("os.path.") or self.imported.get(head) == "os.path" or (
            head == "path" and self.imported.get("path") == "os" and "." in name
        ):
            self.note("os_path", node)
        elif name.startswith("pathlib.") or (  # FastAPI's Path(...) is a path parameter
            self.imported.get(head) == "pathlib"
        ):
            self.note("pathlib", node)
        if name == "print":
            self.note("print_calls", node)
        elif type(func) is cst.Attribute and method in _LOG_METHODS:
            receiver = dotted(func.value).rsplit(".", 1)[-1].lower()
            if "log" in receiver:
                self.note("logging_calls", node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        for decorator in node.decorators:
            target = decorator.decorator
            name = dotted(target.func if isinstance(target, cst.Call) else target)
            module, _, last = name.rpartition(".")
            module = module or self.imported.get(last, "")
            if module.split(".", 1)[0] in {"attr", "attrs"} and last in _ATTRS_DECORATORS:
                self.note("attrs", node)
            elif last == "dataclass":
                self.note("dataclasses", node)
        if any(last_name(base.value) in _PYDANTIC_BASES for base in node.bases):
            self.note("pydantic_models", node)

    def visit_ListComp(self, node: cst.ListComp) -> None:
        self.note("comprehensions", node)

    def visit_SetComp(self, node: cst.SetComp) -> None:
        self.note("comprehensions", node)

    def visit_DictComp(self, node: cst.DictComp) -> None:
        self.note("comprehensions", node)

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> None:
        self.note("generator_expressions", node)

    def visit_With(self, node: cst.With) -> None:
        self.note("with_statements", node)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.note("walrus", node)

    def visit_Module(self, node: cst.Module) -> None:
        # Work done at the top level (a loop, a with block, a print) makes the file a script,
        # like nanoGPT's data/*/prepare.py; a library module only defines things.
        for statement in node.body:
            if isinstance(statement, cst.For | cst.While | cst.With) or (
                isinstance(statement, cst.SimpleStatementLine) and any(
                    isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)
                    and dotted(small.value.func) == "print" for small in statement.body)
            ):
                self.script = True

    def visit_If(self, node: cst.If) -> None:
        test = node.test
        if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
            sides = {_bare(test.left), _bare(test.comparisons[0].comparator)}
            self.script = self.script or sides == {"__name__", "__main__"}
