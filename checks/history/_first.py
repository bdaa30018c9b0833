"""How much of today's code was already in the first commit, compared by fingerprints.

Today's product code (as `tutorial_code` reads it) against the first commit's code
files: a file whose content is unchanged counts whole, an edited one by the lines
in fingerprints (token k-grams, identifiers normalised) the first commit had.
"""

from collections.abc import Mapping

from analyzer.api import Repo
from analyzer.originality.shape import repo_shapes, shape, source_text


def first_commit_share(
    repo: Repo, shaped: Mapping[str, object] | None = None,
) -> tuple[float, int] | None:
    """(share of today's code lines already in the first commit, its files left unread);
    ``shaped``: the shapes ``tutorial_code``'s observations hold, not made again."""
    first = repo.git.first if repo.git is not None else None
    if first is None:
        return None
    shapes = repo_shapes(repo, shaped)
    total = sum(len(found.lines) for found in shapes.values())
    if not total:
        return None
    known = {fp.hash for path, text in first.texts.items()
             if (code := source_text(path, text)) is not None
             for fp in shape(code).fingerprints}
    covered = 0
    for path, found in shapes.items():
        if path in first.unchanged:
            covered += len(found.lines)
            continue
        lines = {line for fp in found.fingerprints if fp.hash in known
                 for line in range(fp.first, fp.last + 1)}
        covered += len(lines & found.lines)
    return covered / total, first.unread


def first_commit(
    repo: Repo, shaped: Mapping[str, object] | None = None,
) -> tuple[str, dict[str, object]]:
    """The summary's sentence and the details (nothing when there is no history to compare)."""
    found = first_commit_share(repo, shaped)
    if found is None or repo.git is None:
        return "", {}
    share, unread = found
    sentence = (f" {share:.0%} of today's code was already in the first commit."
                if len(repo.git.commits) > 1 else "")
    return sentence, {"first_commit_code_share": round(share, 3), "first_commit_unread": unread}
