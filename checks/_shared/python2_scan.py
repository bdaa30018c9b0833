"""Python 2 files libcst cannot parse, classified from their tokens; and the fold of both kinds.

libcst gives no tree for a Python 2 file, so such files are read with ``tokenize``
(which reads Python 2 source well enough) and confirmed by the message CPython's
parser gives (``ast.parse``: parsing only, nothing runs). A file that merely fails
to parse is not Python 2: it needs a positive Python 2 sign.
"""

import ast
import hashlib
import io
import keyword
import re
import tokenize
import warnings

from checks._shared.python2 import BUILTINS, METHODS, Finding, module_idiom

_COMPOUND = frozenset({"if", "elif", "else", "for", "while", "try", "except", "finally", "with"})
_OCTAL = re.compile(r"0[0-7]*[1-7][0-7]*[lL]?")  # `00` is still valid Python 3
_LONG = re.compile(r"(0[xX][0-9a-fA-F]+|\d+)[lL]")
_EXPRESSION_KEYWORDS = frozenset({"not", "lambda", "None", "True", "False"})
_SCANNED: dict[str, tuple[Finding, ...]] = {}


def _tokens(text: str) -> list[tokenize.TokenInfo]:
    """Every token, resuming after a line the tokenizer rejects (Python 2 source can trip it)."""
    lines = text.splitlines(keepends=True)
    found: list[tokenize.TokenInfo] = []
    start = 0
    for _ in range(100):
        chunk = io.StringIO("".join(lines[start:])).readline
        try:
            for token in tokenize.generate_tokens(chunk):
                blank = token.type == tokenize.ERRORTOKEN and not token.string.strip()
                if token.type not in (tokenize.COMMENT, tokenize.NL) and not blank:
                    found.append(token._replace(
                        start=(token.start[0] + start, token.start[1]),
                        end=(token.end[0] + start, token.end[1]),
                    ))
            break
        except (tokenize.TokenError, SyntaxError, ValueError):
            last = found[-1].end[0] if found else start
            start = max(last, start + 1)
            if start >= len(lines):
                break
    return found


def _starts(tokens: list[tokenize.TokenInfo]) -> set[int]:
    """Indices of the tokens that begin a statement (also after ``;`` and ``if x:``)."""
    starts: set[int] = set()
    at_start, first, depth = True, "", 0
    for i, tok in enumerate(tokens):
        if tok.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            at_start, depth = True, 0
            continue
        if at_start:
            starts.add(i)
            first = tok.string
        at_start = False
        if tok.type == tokenize.OP and tok.string in ("(", "[", "{"):
            depth += 1
        elif tok.type == tokenize.OP and tok.string in (")", "]", "}"):
            depth = max(0, depth - 1)
        elif tok.string == ";" or (tok.string == ":" and depth == 0 and first in _COMPOUND):
            at_start = True
    return starts


def _statement_idiom(tokens: list[tokenize.TokenInfo], i: int) -> str | None:
    """print/exec statements and the comma forms of raise/except, at a statement's start."""
    text = tokens[i].string
    nxt = tokens[i + 1] if i + 1 < len(tokens) else tokens[i]
    if text in ("print", "exec"):
        operand = nxt.type in (tokenize.STRING, tokenize.NUMBER) or nxt.string in (">>", "`")
        word = nxt.type == tokenize.NAME and (
            not keyword.iskeyword(nxt.string) or nxt.string in _EXPRESSION_KEYWORDS
        )
        return f"{text} statement" if operand or word else None
    if text in ("raise", "except"):
        return _comma_clause(tokens, i)
    return None


def _token_idiom(tokens: list[tokenize.TokenInfo], i: int) -> str | None:
    """Backticks, ``<>``, ``0777``, ``10L`` and ``ur''``, wherever they are."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else tok
    glued = tok.end == nxt.start and nxt is not tok
    if tok.string == "`":
        return "backticks"
    if tok.string == "<>" or (tok.string == "<" and nxt.string == ">" and glued):
        return "<> operator"
    if tok.type == tokenize.NUMBER:
        if _OCTAL.fullmatch(tok.string) or (
            tok.string == "0" and nxt.type == tokenize.NUMBER and glued
        ):
            return "old octal literal"
        if _LONG.fullmatch(tok.string) or (nxt.string in ("L", "l") and glued):
            return "long integer literal"
    if tok.string.lower() == "ur" and nxt.type == tokenize.STRING and glued:
        return "ur'' string prefix"
    return None


def _name_idioms(tokens: list[tokenize.TokenInfo], starts: set[int]) -> list[Finding]:
    """Python 2 modules, methods and builtins (builtins only where the file never binds them)."""
    found: list[Finding] = []
    builtins: list[tuple[int, str]] = []
    bound: set[str] = set()
    for i, tok in enumerate(tokens):
        if tok.type != tokenize.NAME:
            continue
        prev = tokens[i - 1].string if i else ""
        nxt = tokens[i + 1].string if i + 1 < len(tokens) else ""
        if prev in ("def", "class", "as", "for", "import", ",") or nxt == "=":
            bound.add(tok.string)
        label = module_idiom(_dotted(tokens, i + 1)) if tok.string in ("import", "from") else None
        if label and i in starts:
            found.append((tok.start[0], label))
        elif tok.string in METHODS and prev == "." and nxt == "(":
            found.append((tok.start[0], f".{tok.string}() method"))
        elif tok.string in BUILTINS and prev != "." and nxt != "=":
            builtins.append((tok.start[0], tok.string))
    found.extend((line, f"Python 2 builtin {name}") for line, name in builtins if name not in bound)
    return found


def _scan(tokens: list[tokenize.TokenInfo]) -> tuple[list[Finding], list[Finding]]:
    """(syntax findings, name findings) of a token stream."""
    starts = _starts(tokens)
    syntax: list[Finding] = []
    weak: list[Finding] = []  # `except A, e:` without `e` in the handler may be PEP 758 (3.14)
    for i, tok in enumerate(tokens):
        label = (_statement_idiom(tokens, i) if i in starts else None) or _token_idiom(tokens, i)
        if label == "old except syntax" and not _handler_uses_name(tokens, i):
            weak.append((tok.start[0], label))
        elif label:
            syntax.append((tok.start[0], label))
    return (syntax + weak if syntax else []), _name_idioms(tokens, starts)


def _dotted(tokens: list[tokenize.TokenInfo], index: int) -> str:
    """``a.b.c`` from ``index`` on: names joined by dots (``import a as b`` stops at ``as``)."""
    return _dotted_end(tokens, index)[0]


def _dotted_end(tokens: list[tokenize.TokenInfo], index: int) -> tuple[str, int]:
    parts: list[str] = []
    while index < len(tokens):
        tok = tokens[index]
        want_name = not parts or parts[-1] == "."
        if want_name and tok.type == tokenize.NAME and tok.string not in ("as", "import"):
            parts.append(tok.string)
        elif not want_name and tok.string == ".":
            parts.append(".")
        else:
            break
        index += 1
    return "".join(parts).rstrip("."), index


def imported_modules(text: str) -> dict[str, int]:
    """The modules a file only Python 2 parses imports, each with its first line (its tokens)."""
    tokens, found = _tokens(text), dict[str, int]()
    for index in sorted(_starts(tokens)):
        word, names = tokens[index].string, list[str]()
        if word == "from":
            names.append(_dotted(tokens, index + 1))
        elif word == "import":
            at = index + 1
            while at < len(tokens):
                name, at = _dotted_end(tokens, at)
                names.append(name)
                if at < len(tokens) and tokens[at].string == "as":
                    at += 2
                if at >= len(tokens) or tokens[at].string != ",":
                    break
                at += 1
        for name in filter(None, names):
            found.setdefault(name, tokens[index].start[0])
    return found


def _comma_clause(tokens: list[tokenize.TokenInfo], index: int) -> str | None:
    """``raise E, "msg"`` or ``except E, e:`` (a top-level comma in the clause)."""
    depth, comma = 0, -1
    for j in range(index + 1, len(tokens)):
        tok = tokens[j]
        if tok.type == tokenize.NEWLINE or (tok.string == ":" and depth == 0):
            break
        if tok.string in "([{" and tok.type == tokenize.OP:
            depth += 1
        elif tok.string in ")]}" and tok.type == tokenize.OP:
            depth -= 1
        elif tok.string == "," and depth == 0 and comma < 0:
            comma = j
    if comma < 0:
        return None
    return "old raise syntax" if tokens[index].string == "raise" else "old except syntax"


def _handler_uses_name(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """Whether ``except E, e:`` binds ``e``: lowercase, or used in the handler's block."""
    colon = index
    while colon < len(tokens) and tokens[colon].string != ":":
        colon += 1
    if colon >= len(tokens) or tokens[colon - 1].type != tokenize.NAME:
        return False
    name, level = tokens[colon - 1].string, 0
    if name[:1].islower():  # a variable, not an exception class (see binds_old_style)
        return True
    one_liner = colon + 1 < len(tokens) and tokens[colon + 1].type != tokenize.NEWLINE
    for tok in tokens[colon + 1 :]:
        if one_liner and tok.type == tokenize.NEWLINE:
            return False
        level += (tok.type == tokenize.INDENT) - (tok.type == tokenize.DEDENT)
        if tok.type == tokenize.DEDENT and level <= 0:
            return False
        if tok.type == tokenize.NAME and tok.string == name:
            return True
    return False


def _compiler_hint(text: str) -> Finding | None:
    """CPython's own verdict, when its syntax error names a Python 2 construct."""
    try:
        with warnings.catch_warnings():  # the scanned file's own SyntaxWarnings are not ours
            warnings.simplefilter("ignore")
            ast.parse(text)
    except SyntaxError as error:
        message, line = error.msg or "", error.lineno or 1
        source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        if "Missing parentheses in call to 'print'" in message:
            return line, "print statement"
        if "Missing parentheses in call to 'exec'" in message:
            return line, "exec statement"
        if "leading zeros in decimal integer" in message:
            return line, "old octal literal"
        if "invalid decimal literal" in message and _LONG.search(source):
            return line, "long integer literal"
    except (ValueError, RecursionError, MemoryError, OverflowError):
        return None
    return None


def scan_unparsable(text: str) -> tuple[Finding, ...]:
    """The Python 2 idioms of a file libcst could not parse; empty when it shows none."""
    # Both Python 2 aware checks fold the same files: cache by digest, never keep the text.
    digest = hashlib.blake2b(text.encode(errors="replace")).hexdigest()
    if digest not in _SCANNED:
        if len(_SCANNED) >= 4096:
            _SCANNED.clear()
        _SCANNED[digest] = _scan_text(text)
    return _SCANNED[digest]


def _scan_text(text: str) -> tuple[Finding, ...]:
    syntax, names = _scan(_tokens(text))
    hint = _compiler_hint(text)
    if hint is not None and hint not in syntax:
        syntax.append(hint)
    if not syntax:
        return ()
    return tuple(sorted(set(syntax + names)))


def function_lines(text: str) -> tuple[tuple[int, str], ...]:
    """(line, name) of each ``def`` statement in a file Python 3 cannot parse (its tokens)."""
    tokens = _tokens(text)
    found = []
    for index in sorted(_starts(tokens)):
        at = index + (tokens[index].string == "async")
        if at + 1 < len(tokens) and tokens[at].string == "def":
            found.append((tokens[index].start[0], tokens[at + 1].string))
    return tuple(found)
