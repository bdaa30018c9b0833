"""The guard's two measures taken from ``tokenize``'s tokens: what the guard measured before
its regex scan, kept as the reference the scan is compared with (tests/test_guard.py and
benchmarks/guard_equality.py)."""

import io
import tokenize

OPEN, CLOSE, RESET = frozenset("([{"), frozenset(")]}"), frozenset(",;")
KEYWORDS = frozenset({"not", "lambda", "if", "else", "await", "and", "or", "in", "is"})


def by_tokens(text: str) -> tuple[int, int] | None:
    """The deepest bracket nesting and the longest operator chain (``None``: tokenize gave up)."""
    frames, total, deepest, longest = [0], 0, 0, 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            kind, value = token.type, token.string
            if kind == tokenize.OP and value in OPEN:
                frames.append(0)
                deepest = max(deepest, len(frames) - 1)
            elif kind == tokenize.OP and value in CLOSE:
                if len(frames) > 1:
                    total -= frames.pop()
            elif kind == tokenize.NEWLINE or (kind == tokenize.OP and value in RESET):
                total -= frames[-1]
                frames[-1] = 0
            elif kind == tokenize.OP or (kind == tokenize.NAME and value in KEYWORDS):
                frames[-1] += 1
                total += 1
                longest = max(longest, total + len(frames) - 1)
    except (tokenize.TokenError, SyntaxError):
        return None
    return deepest, longest
