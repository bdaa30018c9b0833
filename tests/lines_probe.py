"""Every node's start line as the engine's walk asks for it (``analyzer.logical``), against
libcst's ``PositionProvider``, and the logical-line scan against ``tokenize``'s ``NEWLINE``
tokens: shared by the line tests and ``benchmarks/lines_equality.py``."""

import re
import tokenize
from collections.abc import Callable, Mapping

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from analyzer.lexer import lex
from analyzer.logical import OFF_LINE, Cursor, LazyLines
from analyzer.traverse import visit_batched

NODE_NAMES = sorted(
    kind.__name__ for kind in vars(cst).values()
    if isinstance(kind, type) and issubclass(kind, cst.CSTNode) and kind is not cst.CSTNode
)


class _AskEverywhere(cst.BatchableCSTVisitor):
    """Asks the start line of every node it is called on, as a check would, on the way
    down and on the way up, and the line it starts on or after (``least``): never later."""

    def __init__(self, lines: Mapping[cst.CSTNode, int], truth: Callable[[cst.CSTNode], int]):
        super().__init__()
        self.lines, self.truth = lines, truth
        self.compared = self.mismatches = self.by_code = 0
        self.first_mismatch = ""

    def get_visitors(self) -> dict[str, Callable[[cst.CSTNode], None]]:
        return {f"{hook}_{name}": self.ask for name in NODE_NAMES for hook in ("visit", "leave")}

    def ask(self, node: cst.CSTNode) -> None:
        if type(node) in OFF_LINE:  # no check asks where whitespace starts: left to start_lines
            return
        # ``least`` first: it must bound the line without the header generated for it
        least = self.lines.least(node) if isinstance(self.lines, LazyLines) else None
        # and the line its own code gives, whether or not its header was generated since
        by_code = self.lines.by_code(node) if isinstance(self.lines, LazyLines) else None
        got, want = self.lines[node], self.truth(node)
        self.compared += 1
        self.by_code += by_code is not None
        if got != want or (least is not None and least > want) or by_code not in (None, want):
            self.mismatches += 1
            self.first_mismatch = self.first_mismatch or f"{type(node).__name__}: {got} != {want}"


def probe(text: str) -> tuple[int, int, bool, str, int]:
    """Nodes compared, mismatches, whether no node needed the whole module generated,
    the first mismatch, and the nodes whose line their own code told (``by_code``)."""
    module = cst.parse_module(text)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    cursor = Cursor()
    lines = LazyLines(module, text, cursor)
    visitor = _AskEverywhere(lines, lambda node: positions[node].start.line)
    visit_batched(module, [visitor], cursor)
    fast = not lines.generated_all
    return visitor.compared, visitor.mismatches, fast, visitor.first_mismatch, visitor.by_code


_SKIPPED = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT,
                      tokenize.ENDMARKER})


def token_logical_lines(text: str) -> list[tuple[int, int, str]] | None:
    """Each logical line's first line, last line and first word (a name, or the first
    character of another token), from the tokens; ``None`` if tokenizing stops early."""
    tokens, complete = lex(text.removeprefix("\ufeff"))  # as Python drops it from a file
    if not complete:
        return None
    found: list[tuple[int, int, str]] = []
    first: tuple[int, str] | None = None
    for kind, token, line, _ in tokens:
        if kind == tokenize.NEWLINE:
            if first is not None:
                found.append((first[0], line, first[1]))
                first = None
        elif first is None and kind not in _SKIPPED:
            word = re.match(r"[^\W\d]\w*|\S", token)
            first = line, word[0] if word else token
    return found
