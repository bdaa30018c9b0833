"""What ``tokenize`` itself gives for a source, in ``analyzer.lexer``'s four fields: the
reference the scanner is compared with (no cap on error tokens, unlike ``lex``)."""

import io
import tokenize

from analyzer.lexer import Lexeme


def reference(text: str) -> tuple[list[Lexeme], bool]:
    """The tokens ``generate_tokens`` yields, and whether it reached the end without error."""
    made: list[Lexeme] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            made.append((token.type, token.string, token.start[0], token.end[0]))
    except (tokenize.TokenError, SyntaxError):
        return made, False
    return made, True
