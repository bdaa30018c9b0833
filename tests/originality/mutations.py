"""Source transformations a copier uses to hide a copy (libcst), for the mutation tests.

Each takes and returns source text; ``disguise`` applies them all. The benchmark
``benchmarks/originality.py mutate`` runs the same ones over the real corpus.
"""

import ast
import builtins
import keyword
from collections.abc import Callable, Sequence

import libcst as cst

KEEP = frozenset(dir(builtins)) | frozenset(keyword.kwlist) | {"self", "cls"}


class _Rename(cst.CSTTransformer):
    """Every identifier gets a new name, consistently (builtins and self stay)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.Name:
        if updated.value in KEEP:
            return updated
        new = self.names.setdefault(updated.value, f"ident_{len(self.names)}")
        return updated.with_changes(value=new)


class _Strip(cst.CSTTransformer):
    """No comments, no docstrings."""

    def leave_EmptyLine(
        self, original: cst.EmptyLine, updated: cst.EmptyLine,
    ) -> cst.EmptyLine | cst.RemovalSentinel:
        return cst.RemoveFromParent() if updated.comment else updated

    def leave_TrailingWhitespace(
        self, original: cst.TrailingWhitespace, updated: cst.TrailingWhitespace,
    ) -> cst.TrailingWhitespace:
        return updated.with_changes(comment=None)

    def leave_SimpleStatementLine(
        self, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine,
    ) -> cst.SimpleStatementLine | cst.RemovalSentinel:
        body = updated.body
        if len(body) == 1 and isinstance(body[0], cst.Expr) and isinstance(
            body[0].value, cst.SimpleString | cst.ConcatenatedString
        ):
            return cst.RemoveFromParent()
        return updated

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock,
    ) -> cst.IndentedBlock:
        if not updated.body:
            return updated.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        return updated


class _DeadCode(cst.CSTTransformer):
    """A dead branch after every fourth top-level statement."""

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        dead = cst.parse_statement("if False:\n    unused_marker = 'never runs'\n")
        body: list[cst.BaseStatement] = []
        for index, statement in enumerate(updated.body, 1):
            body.append(statement)
            if index % 4 == 0:
                body.append(dead)
        return updated.with_changes(body=body)


def rename(source: str) -> str:
    return cst.parse_module(source).visit(_Rename()).code


def strip(source: str) -> str:
    return cst.parse_module(source).visit(_Strip()).code


def reorder(source: str) -> str:
    """Top-level functions and classes in reverse order, everything else in place."""
    module = cst.parse_module(source)
    defs = [s for s in module.body if isinstance(s, cst.FunctionDef | cst.ClassDef)]
    swapped = iter(reversed(defs))
    body = [next(swapped) if isinstance(s, cst.FunctionDef | cst.ClassDef) else s
            for s in module.body]
    return module.with_changes(body=body).code


def dead_code(source: str) -> str:
    return cst.parse_module(source).visit(_DeadCode()).code


def reformat(source: str) -> str:
    """Another layout: the standard library's unparser (quotes, spacing, parentheses)."""
    return ast.unparse(ast.parse(source)) + "\n"


ALL: Sequence[Callable[[str], str]] = (rename, strip, reorder, dead_code, reformat)


def disguise(source: str) -> str:
    for mutation in ALL:
        source = mutation(source)
    return source
