"""Folding each production file's measurements into the complexity check's details."""

from typing import Any

from radon.complexity import cc_rank

from checks.complexity._metrics import FileComplexity

RANKS = "ABCDEF"
WORST = 5
Scored = tuple[int, str, int, str]  # score, path, line, function name


def summarise(
    files: dict[str, FileComplexity],
) -> tuple[dict[str, Any], list[Scored], list[Scored]]:
    """The details, every function's score in order, and the worst few."""
    raws = [o.raw for o in files.values() if o.raw is not None]
    sloc = sum(r.sloc for r in raws)
    comments = sum(r.comments for r in raws)
    scored = sorted((s, p, line, name) for p, o in files.items() for s, line, name in o.scores)
    ranks = dict.fromkeys(RANKS, 0)
    for score, *_ in scored:
        ranks[cc_rank(score)] += 1
    weighted = [(o.mi, o.raw.sloc) for o in files.values() if o.mi is not None and o.raw]
    weight = sum(w for _, w in weighted)
    mi = round(sum(m * w for m, w in weighted) / weight, 1) if weight else None
    worst = sorted(scored, key=lambda s: (-s[0], s[1], s[2]))[:WORST]
    details: dict[str, Any] = {
        "functions": len(scored), "ranks": ranks,
        "share_a_or_b": round((ranks["A"] + ranks["B"]) / len(scored), 4) if scored else None,
        "worst": [{"path": p, "line": line, "name": name, "score": s, "rank": cc_rank(s)}
                  for s, p, line, name in worst],
        "maintainability_index": mi, "loc": sum(r.loc for r in raws), "sloc": sloc,
        "comment_lines": comments, "blank": sum(r.blank for r in raws),
        "docstring_lines": sum(r.docstrings for r in raws),
        "comment_ratio": round(comments / sloc, 4) if sloc else None,
        "files": len(files),
        "data_files": [p for p, o in files.items() if o.data],
    }
    return details, scored, worst
