"""The files holding Python-2-only code, as both Python 2 aware checks must agree on them."""

from collections.abc import Iterator, Mapping
from typing import Any

from analyzer.api import Fold, Role
from analyzer.notebooks import to_python
from checks._scope import local_modules
from checks._shared.python2 import Finding, Python2File
from checks._shared.python2_scan import scan_unparsable


def python2_files(corpus: Fold[Any]) -> Mapping[str, tuple[Finding, ...]]:
    """Each file (not test data) holding Python-2-only code, with its idioms, in path order.

    Reads ``python2_idioms``' observations (``other_checks``) so both checks agree.
    """
    parsed: Mapping[str, object] = corpus.other_checks.get("python2_idioms", {})
    own = {f"Python 2 module {name}" for name in local_modules(corpus.repo)}
    found: dict[str, tuple[Finding, ...]] = {}
    for path, observation in parsed.items():
        if isinstance(observation, Python2File) and observation.idioms:
            found[path] = observation.idioms
    for path in corpus.unparsable:
        if path in corpus.repo.files and path.endswith((".py", ".pyw")):
            found[path] = scan_unparsable(corpus.repo.text(path))
        elif path in corpus.repo.files and path.endswith(".ipynb"):
            code = to_python(corpus.repo.text(path))  # notebooks are counted apart, not skipped
            if isinstance(code, str):
                found[path] = scan_unparsable(code)
    kept = {
        path: tuple(f for f in found[path] if f[1] not in own) for path in sorted(found)
        if corpus.repo.role(path) is not Role.TEST_DATA
    }
    return {path: idioms for path, idioms in kept.items() if idioms}


def python2_sources(fold: Fold[Any], *roles: Role) -> Iterator[tuple[str, str]]:
    """``(path, code)`` of each file of ``roles`` that only Python 2 parses: its text, or a
    notebook's code cells. Checks read what these files hold from their tokens."""
    for path in python2_files(fold):
        if path in fold.unparsable and fold.role_of(path) in roles:
            text = fold.repo.text(path)
            code = to_python(text) if path.endswith(".ipynb") else text
            if isinstance(code, str):
                yield path, code
