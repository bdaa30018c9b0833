"""Uploaded in one sitting: is all of today's code in the first commit?"""

from analyzer.api import Repo
from analyzer.repo import CODE_SUFFIXES


def _is_code(path: str) -> bool:
    return path.endswith(CODE_SUFFIXES)


def code_after_first(repo: Repo) -> int | None:
    """Later commits touching code, or None when some of today's code is not in the first."""
    commits = repo.git.commits if repo.git else ()
    first = set(commits[-1].paths) if commits else set()  # git log lists newest first
    code = [path for path in repo.files if _is_code(path)]
    if not code or any(path not in first for path in code):
        return None
    trees = tuple(path for path in repo.excluded if path.endswith("/"))  # vendored, venvs
    return sum(
        any(_is_code(path) and not path.startswith(trees) for path in commit.paths)
        for commit in commits[:-1]
    )
