"""dbt projects, read as text: their model files and the column tests declared beside them.

Shared by the ``sql`` and ``data_quality`` checks. YAML is matched by pattern, never loaded.
"""

import re

from analyzer.api import Location, Repo, Role

MAX_BYTES = 1_000_000
_TEST = re.compile(r"^\s*(data_)?tests\s*:", re.M)


def owned(repo: Repo, path: str) -> bool:
    """The candidate's own project files: not test data (fixtures) and not examples or docs."""
    return repo.role(path) not in (Role.TEST_DATA, Role.EXAMPLE)


def projects(repo: Repo) -> list[str]:
    """The folders holding a ``dbt_project.yml`` ("" for the repository root)."""
    return sorted(p.rsplit("/", 1)[0] if "/" in p else "" for p in repo.files
                  if p.endswith("dbt_project.yml") and owned(repo, p))


def test_blocks(repo: Repo) -> list[Location]:
    """Each ``tests:`` (or ``data_tests:``) block in a dbt project's model YAML, at its line."""
    if not projects(repo):
        return []
    found = []
    for path, size in sorted(repo.files.items()):
        if (path.endswith((".yml", ".yaml")) and "/models/" in f"/{path}" and size < MAX_BYTES
                and owned(repo, path)):
            text = repo.text(path)
            found += [Location(path, text.count("\n", 0, m.start()) + 1)
                      for m in _TEST.finditer(text)]
    return found
