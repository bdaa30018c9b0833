"""What the repository holds that it should not: clutter trees, loose bytecode, secrets."""

from dataclasses import dataclass
from pathlib import PurePosixPath

from analyzer.api import Fold, Location, Role, TreeKind, kind_of_reason
from checks.hygiene._secrets import is_env_file, secret_lines


@dataclass(frozen=True, slots=True)
class Clutter:
    trees: dict[str, TreeKind]
    bytecode: list[str]
    secrets: list[tuple[str, int, str]]  # path, line, variable name: never the value

    @property
    def env_files(self) -> list[str]:
        return sorted({path for path, _, _ in self.secrets})

    @property
    def problems(self) -> int:
        return len(self.trees) + bool(self.bytecode) + len(self.env_files)

    def evidence(self) -> tuple[Location, ...]:
        return (
            *(Location(path, line) for path, line, _ in self.secrets),
            *(Location(path) for path in self.trees), *(Location(p) for p in self.bytecode[:5]),
        )

    def summary(self) -> str:
        if not self.problems:
            return "No committed virtualenvs, bytecode, build output or secrets."
        found = [f"{kind} {path}" for path, kind in self.trees.items()]
        if self.bytecode:
            found.append(f"{len(self.bytecode)} loose bytecode file(s)")
        found.extend(f"secret-looking values in {path}" for path in self.env_files)
        return f"{self.problems} hygiene problem(s): {'; '.join(found)}."


def clutter(fold: Fold[None]) -> Clutter:
    """Everything outside test data: sample repositories inside fixtures/ may hold clutter."""
    repo = fold.repo

    def own(path: str) -> bool:
        return fold.role_of(path) is not Role.TEST_DATA

    trees: dict[str, TreeKind] = {
        path: kind for path, reason in repo.excluded.items()
        if (kind := kind_of_reason(reason)) not in (None, TreeKind.VENDORED) and own(path)
    }
    bytecode = [
        path for path in repo.excluded if own(path)
        and PurePosixPath(path).suffix in {".pyc", ".pyo"} and not path.endswith("/")
    ]
    secrets = [
        (path, line, key) for path in repo.files if is_env_file(path) and own(path)
        for line, key in secret_lines(repo.text(path))
    ]
    return Clutter(trees, bytecode, secrets)
