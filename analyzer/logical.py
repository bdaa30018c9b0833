"""Start lines from the file's logical lines, without generating the module's code again.

Every statement line, compound statement header, ``else:``/``except:``/``case`` clause
and decorator of a libcst tree is one logical line of the source, in the same order as
the tokenizer's ``NEWLINE`` tokens end them; its syntactic start (what libcst's
``PositionProvider`` gives) is the first token of that logical line. So one scan of
the text (``analyzer.linescan``) gives each such *owner* its first and last line. Any
other node lies on its owner's logical line (a header's own part, not its body): when
that line is one physical line, the node starts there. On a logical line spread over
several lines, a node whose one-line code occurs once in that line's source starts where
it occurs (``analyzer.codelines``); only the others need libcst's code generation, over
that owner's header. On flask, 0.166 CPU s of generation became 0.033 s (and the headers).

The pairing is checked, not assumed: as many owners as logical lines, and each
compound one starting with its keyword. Any doubt and the caller generates it all, as
for the few headers whose line breaks libcst drops (``PositionProvider`` counts its code).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import libcst as cst

from analyzer.codelines import drops_a_line, line_of_code, line_starts
from analyzer.lines import LineState, generate, start_lines
from analyzer.linescan import logical_lines

# The keywords a compound owner's logical line starts with.
KEYWORDS: dict[type[cst.CSTNode], frozenset[str]] = {
    cst.FunctionDef: frozenset({"def", "async"}), cst.ClassDef: frozenset({"class"}),
    cst.If: frozenset({"if", "elif"}), cst.Else: frozenset({"else"}),
    cst.For: frozenset({"for", "async"}), cst.While: frozenset({"while"}),
    cst.Try: frozenset({"try"}), cst.TryStar: frozenset({"try"}),
    cst.ExceptHandler: frozenset({"except"}), cst.ExceptStarHandler: frozenset({"except"}),
    cst.Finally: frozenset({"finally"}), cst.With: frozenset({"with", "async"}),
    cst.Match: frozenset({"match"}), cst.MatchCase: frozenset({"case"}),
    cst.Decorator: frozenset({"@"}),
}
OWNERS = frozenset({*KEYWORDS, cst.SimpleStatementLine})
# A simple statement never starts with these (``match`` and ``case`` are names there).
_NOT_SIMPLE = frozenset().union(*KEYWORDS.values()) - {"match", "case"}
# The clauses after a header, in source order: the header ends where they begin.
_CLAUSES = ("body", "handlers", "orelse", "finalbody", "cases")


def owners(module: cst.Module) -> list[cst.CSTNode]:
    """Every owner of a logical line, in source order (decorators before their ``def``)."""
    found: list[cst.CSTNode] = []
    stack: list[cst.CSTNode] = list(reversed(module.body))
    add, simple, kinds = found.append, cst.SimpleStatementLine, _KINDS
    while stack:
        node = stack.pop()
        if type(node) is simple:
            add(node)
            continue
        found.extend(getattr(node, "decorators", ()))
        add(node)
        later: list[cst.CSTNode] = []
        for name in _CLAUSES:
            value: Any = getattr(node, name, None)
            kind = kinds.get(type(value)) or _kind(type(value))
            if kind == "block":
                later.extend(value.body)
            elif kind == "many":
                later.extend(value)
            elif kind == "one":
                later.append(value)
        stack.extend(reversed(later))
    return found


_KINDS: dict[type, str] = {}  # a clause value's class -> what it holds (no abstract isinstance)


def _kind(kind: type) -> str:
    if issubclass(kind, cst.IndentedBlock):
        found = "block"  # its statements
    elif issubclass(kind, (tuple, list)):
        found = "many"  # handlers or cases
    elif issubclass(kind, cst.CSTNode) and not issubclass(kind, cst.BaseSuite):
        found = "one"  # an ``else``, ``elif`` or ``finally``
    else:
        found = "none"  # nothing, or a one-line suite (its statements are on the header's line)
    _KINDS[kind] = found
    return found


Line = tuple[int, int, str]  # a logical line's first line, last line and first word


def owner_lines(module: cst.Module, logical: Sequence[Line]) -> dict[int, Line] | None:
    """Each owner's logical line (first line, last line, first word) by ``id``, or ``None``
    when owners and logical lines do not pair up (a source the scan reads otherwise than
    libcst)."""
    nodes = owners(module)
    if len(nodes) != len(logical):
        return None
    table: dict[int, Line] = {}
    keywords, not_simple = KEYWORDS, _NOT_SIMPLE
    for node, found in zip(nodes, logical, strict=True):
        expected = keywords.get(type(node))
        if found[2] not in expected if expected is not None else found[2] in not_simple:
            return None
        if found[0] != found[1] and drops_a_line(node):
            return None
        table[id(node)] = found
    return table


class _HeaderEndError(Exception):
    """The header is generated: what follows belongs to other owners."""


class _HeaderState(LineState):
    """Counts lines over one owner's code, stopping where its own logical line ends."""

    def __init__(self, owner: cst.CSTNode) -> None:
        super().__init__("    ", "\n")  # indentation holds no line break; a default newline is one
        self.owner = owner

    def before_codegen(self, node: cst.CSTNode) -> None:
        kind = type(node)
        if node is not self.owner and (
            kind is cst.IndentedBlock or (kind in OWNERS and kind is not cst.Decorator)
        ):
            raise _HeaderEndError
        super().before_codegen(node)


def header_lines(owner: cst.CSTNode, first: int) -> dict[int, int]:
    """Start lines of the nodes on ``owner``'s own logical line, which begins on line
    ``first``: its code generated up to its indented body or its next clause."""
    state = _HeaderState(owner)
    with contextlib.suppress(_HeaderEndError):
        generate(owner, state)
    offset = first - state.lines[id(owner)]
    return {key: line + offset for key, line in state.lines.items()}


class Cursor:
    """Where the engine's walk is: the node whose hooks run, and the owners above it."""

    __slots__ = ("node", "owners")

    def __init__(self) -> None:
        self.node: cst.CSTNode | None = None
        self.owners: list[cst.CSTNode] = []


# Whitespace, comments and blocks lie on other lines than their owner's first.
OFF_LINE = frozenset({
    cst.Module, cst.IndentedBlock, cst.EmptyLine, cst.TrailingWhitespace, cst.Newline,
    cst.Comment, cst.SimpleWhitespace, cst.ParenthesizedWhitespace,
})
_UNSET: dict[int, Line] = {}


class LazyLines(Mapping[cst.CSTNode, int]):
    """Start lines, worked out when a check asks: an owner's from the scan, another node's
    from its owner while the walk is on it, anything else from ``start_lines``."""

    def __init__(self, module: cst.Module, text: str | None = None,
                 cursor: Cursor | None = None) -> None:
        self._module = module  # keeps every node, hence every id, alive
        self._text = text  # the module's source
        self.cursor = cursor or Cursor()
        self._owners: dict[int, Line] | None = _UNSET
        self._headers: dict[int, dict[int, int]] = {}
        self._all: dict[int, int] | None = None
        self._starts: list[int] | None = None  # where each line of the text begins

    def _owner_table(self) -> dict[int, Line] | None:
        if self._owners is _UNSET:
            logical = logical_lines(self._text) if self._text is not None else None
            self._owners = owner_lines(self._module, logical) if logical is not None else None
        return self._owners

    def _logical(self, node: cst.CSTNode) -> tuple[Line, cst.CSTNode | None] | None:
        """The logical line ``node`` lies on, from the scan, and the owner it lies under
        (``None`` for an owner itself); ``None`` when the scan cannot tell: not an owner,
        and not the node the walk is on."""
        if self._all is not None or (owners := self._owner_table()) is None:
            return None
        found = owners.get(id(node))
        if found is not None:
            return found, None
        cursor = self.cursor
        if node is cursor.node and cursor.owners and type(node) not in OFF_LINE:
            owner = cursor.owners[-1]
            return owners[id(owner)], owner
        return None

    def __getitem__(self, node: cst.CSTNode) -> int:
        on = self._logical(node)
        if on is not None:
            (first, last, _), owner = on
            if owner is None or first == last or (
                    type(owner) is cst.SimpleStatementLine and owner.body[0] is node):
                return first  # the statement a logical line starts with starts there too
            header = self._headers.get(id(owner))
            if header is None:
                found = self._by_code(node, first, last)  # cheaper than the header, if it tells
                if found is not None:
                    return found
                header = self._headers[id(owner)] = header_lines(owner, first)
            line = header.get(id(node))
            if line is not None:
                return line
        return self._generated()[id(node)]

    def by_code(self, node: cst.CSTNode) -> int | None:
        """``node``'s line found by its own code in its logical line's source, when it lies
        on a logical line spread over lines (``analyzer.codelines``); else ``None``."""
        on = self._logical(node)
        if on is None:
            return None
        (first, last, _), owner = on
        return None if owner is None or first == last else self._by_code(node, first, last)

    def _by_code(self, node: cst.CSTNode, first: int, last: int) -> int | None:
        if self._text is None:
            return None
        self._starts = self._starts or line_starts(self._text)  # never empty once made
        return line_of_code(node, self._text, self._starts, first, last)

    def least(self, node: cst.CSTNode) -> int:
        """A line ``node`` starts on or after, without generating code: its owner's first
        line while the walk is on it (the node lies on that logical line), else its own."""
        on = self._logical(node)
        return on[0][0] if on is not None else self[node]

    def _generated(self) -> dict[int, int]:
        """Every node's line, from the whole module's code: what any doubt falls back to."""
        if self._all is None:
            self._all = start_lines(self._module)
        return self._all

    @property
    def generated_all(self) -> bool:
        """Whether some answer needed the whole module's code generated."""
        return self._all is not None

    def __iter__(self) -> Iterator[cst.CSTNode]:
        raise TypeError("start lines are looked up by node, not listed")

    def __len__(self) -> int:
        return len(self._generated())
