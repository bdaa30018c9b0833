"""Which files stand for the candidate's code when a check judges the language they write."""

from typing import Any

from analyzer.api import Fold, Role


def code_role(fold: Fold[Any]) -> Role | None:
    """Production code; tests when there is none; notebooks when they hold all the Python.

    Examples and docs are never the product here (a repository of nothing but examples
    has them as production already), and test data never counts.
    """
    roles = {fold.role_of(path) for path in fold.repo.python_files}
    for role in (Role.PRODUCTION, Role.TEST):
        if role in roles:
            return role
    if any(fold.role_of(path) is Role.NOTEBOOK for path in fold.repo.notebooks):
        return Role.NOTEBOOK
    return None
