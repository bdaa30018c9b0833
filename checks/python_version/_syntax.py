"""Syntax-level rules of ``python_version``: features a file shows by its grammar alone.

The base of the ``python_version`` visitor; it records the first line of each
feature, skipping blocks the scope marks as version-guarded.
"""

from __future__ import annotations

import libcst as cst

from analyzer.api import SourceFile
from checks._scope import ScopeVisitor
from checks._shared.python2 import binds_old_style, except_pair
from checks.python_version._rules import KEYWORDS, METHODS, SYNTAX, Version

Feature = tuple[str, int, int, int]  # label, major, minor, first line


def _dotted(node: cst.BaseExpression) -> bool:
    """``a.b.c`` (or a call of one): the only decorators Python allowed before 3.9."""
    if isinstance(node, cst.Call):
        node = node.func
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


class SyntaxFeatures(ScopeVisitor[tuple[Feature, ...]]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.found: dict[str, tuple[Version, int]] = {}
        self.quotes: list[str] = []  # the quote of each f-string we are inside
        self.handlers: list[tuple[int, str, bool]] = []  # `except A, b:`: line, b, used
        self.classes: set[str] = set()

    def add(self, label: str, line: int, version: Version | None = None) -> None:
        if self.guard_depth:
            return
        version = version or SYNTAX[label]
        if label not in self.found or line < self.found[label][1]:
            self.found[label] = (version, line)

    def syntax(self, label: str, node: cst.CSTNode, version: Version | None = None) -> None:
        """``add`` at ``node``'s line, unless the feature is already known on a line no
        later than where ``node`` can start (the walk's nodes mostly come in line order)."""
        if self.guard_depth:
            return
        known = self.found.get(label)
        if known is None or self.least_line(node) < known[1]:
            self.add(label, self.line(node), version)

    def visit_Index(self, node: cst.Index) -> None:
        if node.star is not None:
            self.syntax("starred subscript (PEP 646)", node)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self.syntax("f-string", node)
        self.quotes.append(node.end)

    def leave_FormattedString(self, original_node: cst.FormattedString) -> None:
        self.quotes.pop()

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> None:
        if node.equal is not None:
            self.syntax("f-string = specifier", node)
        expression = node.expression
        if type(expression) is cst.Name and not expression.lpar:
            return  # ``{name}``, the most common: its code is the name, nothing to regenerate
        code = cst.Module([]).code_for_node(expression)
        quote = self.quotes[-1] if self.quotes else '"'
        if "\\" in code or quote in code or ("\n" in code and len(quote) == 1):
            self.syntax("PEP 701 f-string", node)

    def visit_TemplatedString(self, node: cst.TemplatedString) -> None:
        self.syntax("template string (t-string)", node)

    def visit_Integer(self, node: cst.Integer) -> None:
        if "_" in node.value:
            self.syntax("underscores in numbers", node)

    def visit_Float(self, node: cst.Float) -> None:
        if "_" in node.value:
            self.syntax("underscores in numbers", node)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        super().visit_NamedExpr(node)
        self.syntax("walrus operator :=", node)

    def visit_Parameters(self, node: cst.Parameters) -> None:
        if node.posonly_params or isinstance(node.posonly_ind, cst.ParamSlash):
            self.syntax("positional-only parameters", node)

    def visit_Match(self, node: cst.Match) -> None:
        self.syntax("match statement", node)

    def visit_With(self, node: cst.With) -> None:
        parenthesised = isinstance(node.lpar, cst.LeftParen)
        if parenthesised and (len(node.items) > 1 or any(i.asname for i in node.items)):
            self.syntax("parenthesised context managers", node)

    def visit_TryStar(self, node: cst.TryStar) -> None:
        self.syntax("except*", node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self.classes.add(node.name.value)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if not isinstance(node.type, cst.Tuple) or node.type.lpar or self.guard_depth:
            return
        pair = except_pair(node)
        if pair is None:  # three or more classes, or a dotted second one: only ever PEP 758
            self.syntax("PEP 758 except without parentheses", node)
        else:
            self.handlers.append((self.line(node), *pair))

    def decide_handlers(self) -> None:
        """``except A, b:`` is 3.14's tuple only when ``b`` names a class (see ``_python2``)."""
        for line, name, used in self.handlers:
            if not binds_old_style(name, used, self.classes | self.aliases.keys()):
                self.add("PEP 758 except without parentheses", line)

    def visit_Decorator(self, node: cst.Decorator) -> None:
        if not _dotted(node.decorator):
            self.syntax("relaxed decorator expression", node)
        elif not isinstance(node.decorator, cst.Call) and (
            self.qualified(node.decorator) == "functools.lru_cache"
        ):
            self.syntax("bare @lru_cache decorator", node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in METHODS:
            self.syntax(f".{func.attr.value}() method", node, METHODS[func.attr.value])
        keywords = [arg.keyword.value for arg in node.args if arg.keyword]
        if not keywords:  # every rule names a keyword
            return
        callee = self.qualified(func)
        if callee is None and type(func) is cst.Name and func.value not in self.bound:
            callee = f"builtins.{func.value}"
        for keyword in keywords:
            key = (callee or "", keyword)
            if key in KEYWORDS:
                self.syntax(f"{key[0].removeprefix('builtins.')}({key[1]}=)", node,
                         KEYWORDS[key])

    def visit_Dict(self, node: cst.Dict) -> None:
        if any(isinstance(e, cst.StarredDictElement) for e in node.elements):
            self.syntax("unpacking in literals and calls (PEP 448)", node)

    def _starred_tuple(self, value: cst.CSTNode | None, node: cst.CSTNode) -> None:
        if isinstance(value, cst.Tuple) and not value.lpar and any(
            isinstance(e, cst.StarredElement) for e in value.elements
        ):
            self.syntax("unparenthesised starred return/yield", node)

    def visit_Return(self, node: cst.Return) -> None:
        self._starred_tuple(node.value, node)

    def visit_Yield(self, node: cst.Yield) -> None:
        if isinstance(node.value, cst.From):
            self.syntax("yield from", node)
        self._starred_tuple(node.value, node)

    def visit_Await(self, node: cst.Await) -> None:
        self.syntax("await", node)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.syntax("nonlocal statement", node)
