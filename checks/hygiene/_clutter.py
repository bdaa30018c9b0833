"""What the repository holds that it should not: clutter trees, binaries, bytecode, secrets."""

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from analyzer.api import Fold, Location, Role, TreeKind, kind_of_reason
from checks.hygiene._secrets import (
    config_secret_lines,
    is_config_file,
    is_env_file,
    secret_lines,
    source_secret_lines,
)

# Compiled libraries, wheels and archives, databases, Finder metadata: built or local files.
_BINARY = re.compile(
    r"\.(so|pyd|dll|dylib)(\.\d+)*$|\.(whl|egg|zip|tar\.gz|tgz|db|sqlite3?)$|(^|/)\.DS_Store$",
    re.IGNORECASE,
)
SOURCE_ROLES = (Role.PRODUCTION, Role.EXAMPLE, Role.NOTEBOOK)
Found = tuple[tuple[int, str], ...]  # a source file's (line, name) of likely secrets


@dataclass(frozen=True, slots=True)
class Clutter:
    trees: dict[str, TreeKind]
    bytecode: list[str]
    binaries: list[str]
    secrets: list[tuple[str, int, str]]  # path, line, variable name: never the value
    vendored: dict[str, str]  # third-party copies: not clutter, but reported

    @property
    def secret_files(self) -> list[str]:
        return sorted({path for path, _, _ in self.secrets})

    @property
    def problems(self) -> int:
        kinds = set(self.trees.values())  # five .ipynb_checkpoints/ folders are one habit
        return len(kinds) + bool(self.bytecode) + bool(self.binaries) + len(self.secret_files)

    def evidence(self) -> tuple[Location, ...]:
        return (
            *(Location(path, line) for path, line, _ in self.secrets),
            *(Location(path) for path in self.trees), *(Location(p) for p in self.bytecode[:5]),
            *(Location(p) for p in self.binaries[:5]), *(Location(p) for p in self.vendored),
        )

    def summary(self) -> str:
        found = [f"{kind} {path}" for path, kind in self.trees.items()]
        if self.bytecode:
            found.append(f"{len(self.bytecode)} loose bytecode file(s)")
        if self.binaries:
            found.append(f"{len(self.binaries)} committed binary file(s) such as "
                         f"{self.binaries[0]}")
        found.extend(f"secret-looking values in {path}" for path in self.secret_files)
        text = (f"{self.problems} hygiene problem(s): {'; '.join(found)}." if self.problems
                else "No committed virtualenvs, bytecode, binaries, build output or secrets.")
        if self.vendored:
            text += (" Third-party code copied in and left out of every figure: "
                     f"{', '.join(self.vendored)}.")
        return text


def _source_secrets(fold: Fold[Found | None], path: str) -> Found:
    """The worker's scan of the file when there is one; else (a notebook, whose JSON lines
    are reported, or a file the engine could not parse) the file's text is scanned here."""
    found = fold.files.get(path)
    return tuple(source_secret_lines(fold.repo.text(path))) if found is None else found


def clutter(fold: Fold[Found | None]) -> Clutter:
    """Everything outside test data: sample repositories inside fixtures/ may hold clutter."""
    repo = fold.repo

    def own(path: str) -> bool:
        return fold.role_of(path) is not Role.TEST_DATA

    kinds = {path: kind_of_reason(reason) for path, reason in repo.excluded.items() if own(path)}
    trees: dict[str, TreeKind] = {
        path: kind for path, kind in kinds.items() if kind not in (None, TreeKind.VENDORED)
        and kind is not None
    }
    bytecode = [
        path for path in repo.excluded if own(path)
        and PurePosixPath(path).suffix in {".pyc", ".pyo"} and not path.endswith("/")
    ]
    binaries = [p for p in (*repo.excluded, *repo.files) if own(p) and _BINARY.search(p)]
    secrets = [
        (path, line, key) for path in repo.files if is_env_file(path) and own(path)
        for line, key in secret_lines(repo.text(path))
    ]
    secrets += [
        (path, line, key) for path in repo.files
        if is_config_file(path) and fold.role_of(path) in SOURCE_ROLES
        for line, key in config_secret_lines(repo.text(path))
    ]
    # Tests are left out: their keys are fixtures (``API_KEY = "test-..."``) far more often.
    secrets += [
        (path, line, key) for path in (*repo.python_files, *repo.notebooks)
        if fold.role_of(path) in SOURCE_ROLES for line, key in _source_secrets(fold, path)
    ]
    vendored = {p: repo.excluded[p] for p, kind in kinds.items() if kind is TreeKind.VENDORED}
    return Clutter(trees, bytecode, sorted(binaries), secrets, vendored)
