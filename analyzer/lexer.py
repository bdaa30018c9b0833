"""The tokens ``tokenize`` makes of a source, in about half its time, for the common source.

The checks that read tokens need four things of each: its kind, its text, and the
lines it starts and ends on. ``tokenize`` (pure Python on 3.11) cuts the text into
lines, matches each token with its own regular expressions and builds a named tuple
with two position tuples per token: a fifth of a libcst parse. This scanner matches
the same regular expressions (``tokenize``'s own, imported) over the whole text and
keeps those four fields, tracking brackets, indentation and line ends as ``tokenize``
does. Anything it does not handle gives ``None``, and the caller asks ``tokenize``:
tabs or form feeds (their columns), carriage returns, a last line without a line
break, a string continued with a backslash, a character no token starts with, an
inconsistent dedent, or an end of text inside brackets or a string.
``benchmarks/lexer_equality.py`` compares both on every file of the corpus: equal on
all 9,563 files of 10,822 the scanner took (left: 1,126 empty files, 98 without a last
line break, 21 with tabs, form feeds or carriage returns, 14 others), in 14.3 CPU s
against tokenize's 25.3 (the tries on the files left to ``tokenize`` included).
"""

import io
import re
import tokenize

# tokenize's PseudoToken, alternative for alternative (in the same order where it
# matters, so the same matches), each inside a named group that says which one matched;
# less its end of text (``\Z``), which a text this scanner takes, ending with a line
# break, never reaches. Two shortcuts come first, each matching only where all of
# tokenize's alternatives before its own fail, so the match is the same: a name no quote
# follows (no string prefix then) and an operator not starting a number (``.5``).
# Without them each name was tried against every string prefix twice: most tokens are
# names or operators, and the scan took 0.046 CPU s on flask's 42 tokenized files, 0.028
# with them. A line break, which no alternative before it matches either, comes next.
_PSEUDO = re.compile(tokenize.Whitespace + "(?:" + "|".join((
    r"(?P<word>[^\W\d]\w*+)(?![\'\"])", rf"(?P<sign>(?!\.[0-9]){tokenize.Special})",
    r"(?P<newline>\r?\n)",
    r"(?P<continuation>\\\r?\n)", f"(?P<comment>{tokenize.Comment})",
    f"(?P<triple>{tokenize.Triple})", f"(?P<number>{tokenize.Number})",
    f"(?P<op>{tokenize.Special})", f"(?P<string>{tokenize.ContStr})",
    f"(?P<name>{tokenize.Name})",
)) + ")")
if __debug__:
    assert tokenize.PseudoToken == tokenize.Whitespace + tokenize.group(
        tokenize.group(r"\\\r?\n|\Z", tokenize.Comment, tokenize.Triple), tokenize.Number,
        tokenize.group(r"\r?\n", tokenize.Special), tokenize.ContStr, tokenize.Name)
_TRIPLE_END = {quote: re.compile(tokenize.endpats[quote], re.DOTALL)
               for quote in tokenize.triple_quoted}
_SINGLE = frozenset(tokenize.single_quoted)
_NUMBER_START = frozenset("0123456789")
_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
(NAME, NUMBER, STRING, OP, COMMENT, NL, NEWLINE, INDENT, DEDENT, ENDMARKER) = (
    tokenize.NAME, tokenize.NUMBER, tokenize.STRING, tokenize.OP, tokenize.COMMENT,
    tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER)


Lexeme = tuple[int, str, int, int]  # tokenize's type, the text, its first and last line
# tokenize retries the rest of the line after each character it cannot read, so a line
# of 8,000 blanks before one took 13 s, and each blank is an error token: past this many,
# the text is no Python anyway, and what came before is what a broken file gives.
MAX_ERROR_TOKENS = 1_000


def lex(text: str) -> tuple[list[Lexeme], bool]:
    """``text``'s tokens, and whether tokenizing reached the end: after an error, the
    tokens before it, as a loop over ``tokenize.generate_tokens`` sees them."""
    fast = lexemes(text)
    if fast is not None:
        return fast, True
    made: list[Lexeme] = []
    errors = 0
    try:
        for kind, string, (first, _), (last, _), _ in tokenize.generate_tokens(
                io.StringIO(text).readline):
            made.append((kind, string, first, last))
            errors += kind == tokenize.ERRORTOKEN
            if errors > MAX_ERROR_TOKENS:
                return made, False
    except (tokenize.TokenError, SyntaxError):
        return made, False
    return made, True


def lexemes(text: str) -> list[Lexeme] | None:  # noqa: PLR0912, PLR0915  (one scanner)
    """``text``'s tokens as ``tokenize.generate_tokens`` makes them, or ``None`` where it
    would need ``tokenize`` itself (see the module's docstring)."""
    if not text.endswith("\n") or "\r" in text or "\t" in text or "\f" in text:
        return None
    out: list[Lexeme] = []
    add = out.append
    match = _PSEUDO.match
    indents = [0]
    line, pos, end = 1, 0, len(text)
    depth = 0
    at_line_start = True  # at a line's first character, outside brackets and continuations
    continued = False
    while pos < end:
        if at_line_start:
            at_line_start = False
            start = pos
            while text[pos] == " ":
                pos += 1
            char = text[pos]
            if char in "#\n":
                if char == "#":
                    stop = text.index("\n", pos)
                    add((COMMENT, text[pos:stop], line, line))
                    pos = stop
                add((NL, "\n", line, line))
                pos += 1
                line += 1
                at_line_start = True
                continue
            column = pos - start
            if column > indents[-1]:
                indents.append(column)
                add((INDENT, text[start:pos], line, line))
            while column < indents[-1]:
                indents.pop()
                add((DEDENT, "", line, line))
            if column != indents[-1]:
                return None  # tokenize raises IndentationError
        found = match(text, pos)
        if found is None:
            return None  # an error token
        kind = found.lastgroup or ""  # always one of the named groups
        first, pos = found.span(kind)
        if kind in {"word", "name"}:
            token = text[first:pos]
            add((NAME if token[0].isidentifier() else OP, token, line, line))
        elif kind in {"sign", "op"}:
            token = text[first:pos]
            if token in _OPEN:
                depth += 1
            elif token in _CLOSE:
                depth -= 1
            add((OP, token, line, line))
        elif kind == "newline":
            if depth > 0:
                add((NL, "\n", line, line))
            elif depth < 0:
                return None  # a closing bracket too many: tokenize goes on as if continued
            else:
                add((NEWLINE, "\n", line, line))
                at_line_start = True
            line += 1
        elif kind == "string":
            token = text[first:pos]
            if token[-1] == "\n":
                return None  # continued with a backslash
            add((STRING, token, line, line))
        elif kind == "number":
            add((NUMBER, text[first:pos], line, line))
        elif kind == "comment":
            add((COMMENT, text[first:pos], line, line))
        elif kind == "triple":
            closed = _TRIPLE_END[text[first:pos]].match(text, pos)
            if closed is None:
                return None  # EOF in a multi-line string
            pos = closed.end()
            string = text[first:pos]
            breaks = string.count("\n")
            add((STRING, string, line, line + breaks))
            line += breaks
        else:  # a continuation: the next line is the same statement
            line += 1
            continued = True
            continue
        continued = False
    if depth > 0 or continued:
        return None  # EOF in a multi-line statement
    for _ in indents[1:]:
        add((DEDENT, "", line, line))
    add((ENDMARKER, "", line, line))
    return out
