"""A node's start line found by its own code in the source, without generating code around it.

``analyzer.logical`` knows the logical line a node lies on; when that line is spread
over several physical lines it used to generate the code of the whole header (a long
call, a dictionary) to count the line breaks before the node. A node whose own code
is one line is written in the source exactly as libcst generates it (no indentation
is regenerated inside one line), so when that code occurs once in the source of its
logical line, that occurrence is the node's, and its line is the node's line. Any
other case (a code over several lines, found twice, starting with a blank) says
``None`` and the header is generated as before. libcst drops the blanks after an
f-string's ``!r``, one place known where its code is not the source: a code holding
``!`` is left to generation too. ``drops_a_line`` names the others, where the owner's
logical line is left to generation whole.
"""

import libcst as cst
from libcst._nodes.base import CSTCodegenError  # not exported by libcst
from libcst._nodes.internal import CodegenState

from analyzer.traverse import descendants


class _SpreadError(Exception):
    """The node's code reaches a second line."""


class _OneLine(CodegenState):
    """Generates a node's code, giving up at its first line break (a long call or a
    dictionary spread over lines costs a few tokens, not its whole generation)."""

    def __init__(self) -> None:
        super().__init__("    ", "\n")  # indentation and newlines come after a line break

    def add_token(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            raise _SpreadError
        self.tokens.append(value)


def _one_line_code(node: cst.CSTNode) -> str | None:
    state = _OneLine()
    try:
        node._codegen(state)
    except _SpreadError:
        return None
    except CSTCodegenError:  # an annotation: its ``:`` or ``->`` is its parent's to say
        return None
    return "".join(state.tokens)


def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` begins (line 1 at 0)."""
    starts, at = [0], 0
    while (at := text.find("\n", at) + 1) > 0:
        starts.append(at)
    return starts


def line_of_code(
    node: cst.CSTNode, text: str, starts: list[int], first: int, last: int,
) -> int | None:
    """The line ``node`` starts on, if its code is one line occurring once in lines ``first``
    to ``last`` of ``text`` (the logical line it lies on); else ``None``."""
    code = _one_line_code(node)
    if not code or code[0].isspace() or "!" in code:
        return None
    source = text[starts[first - 1]:starts[last] if last < len(starts) else None]
    at = source.find(code)
    if at < 0 or source.find(code, at + 1) >= 0:
        return None
    return first + source.count("\n", 0, at)


def drops_a_line(owner: cst.CSTNode) -> bool:
    """Whether libcst's code may hold fewer lines than the source of ``owner``'s logical
    line: it keeps no blank after a mapping pattern's ``**``, nor after a type parameter's
    ``*`` or ``**``, so a line break there is lost to ``PositionProvider``'s count."""
    if isinstance(owner, cst.MatchCase):
        return any(isinstance(node, cst.MatchMapping) and node.rest is not None
                   for node in descendants(owner.pattern))
    if isinstance(owner, cst.SimpleStatementLine):
        return any(isinstance(statement, cst.TypeAlias) and _starred(statement.type_parameters)
                   for statement in owner.body)
    return _starred(getattr(owner, "type_parameters", None))


def _starred(parameters: cst.TypeParameters | None) -> bool:
    return parameters is not None and any(
        isinstance(parameter.param, (cst.TypeVarTuple, cst.ParamSpec))
        for parameter in parameters.params)
