"""radon's own complexity figures for a source, from ``ast``: what the complexity check
computed before it took its counts in the libcst walk, kept as the reference."""

import ast

from radon.complexity import cc_visit_ast
from radon.metrics import h_visit_ast, mi_compute

from checks.complexity._metrics import FileComplexity, raw_counts


def radons(text: str) -> FileComplexity | None:
    try:
        tree = ast.parse(text)
        blocks = [block for block in cc_visit_ast(tree) if hasattr(block, "is_method")]
        volume = h_visit_ast(tree).total.volume
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # radon cannot say
    scores = tuple(sorted(
        ((b.complexity, b.lineno, f"{b.classname}.{b.name}" if b.classname else b.name)
         for b in blocks), key=lambda item: (-item[0], item[1]),
    ))
    raw = raw_counts(text)
    if raw is not None and raw.sloc > 1000 and raw.lloc * 50 < raw.sloc:
        return FileComplexity(raw=raw, data=True)
    mi = None
    if raw is not None:
        percent = (raw.comments + raw.docstrings) * 100 / raw.sloc if raw.sloc else 0
        total = sum(score for score, _, _ in scores)
        mi = round(mi_compute(volume, total, raw.lloc, percent), 2)
    return FileComplexity(scores, raw, mi)
