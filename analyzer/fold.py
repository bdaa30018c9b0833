"""What a check's ``result`` is handed: every file's observation, grouped by the file's role.

The role of a file (production, test, test data, example, notebook) is decided once,
in ``analyzer.paths``; a check asks the fold for the roles it reports on instead of
sorting paths itself, so every check agrees on what counts as the candidate's
production code and keeps notebook figures apart the same way.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from analyzer.model import Location
from analyzer.paths import Role
from analyzer.repo import Repo

Obs = TypeVar("Obs")
PRODUCTION = (Role.PRODUCTION,)
# The order evidence is shown in when a measure spans roles: the candidate's product first.
_ROLE_ORDER = {role: rank for rank, role in enumerate(Role)}


@dataclass(frozen=True, slots=True)
class Marks:
    """The default observation: the lines where each named measure was seen in one file."""

    lines: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @classmethod
    def of(cls, marks: Mapping[str, list[int]]) -> "Marks":
        return cls(tuple(sorted((name, tuple(lines)) for name, lines in marks.items())))

    def get(self, measure: str) -> tuple[int, ...]:
        for name, lines in self.lines:
            if name == measure:
                return lines
        return ()


@dataclass(frozen=True)
class Fold(Generic[Obs]):
    """Every observed file (path order) with its role, the repository's facts, parse failures."""

    repo: Repo
    files: Mapping[str, Obs] = field(default_factory=dict)
    unparsable: Mapping[str, str] = field(default_factory=dict)
    # Every check's observations by check name, for the rare check that builds on another's
    # (python_version reuses python2_idioms' scan); a check says why where it reads them.
    other_checks: Mapping[str, Mapping[str, object]] = field(default_factory=dict)

    def role_of(self, path: str) -> Role:
        return self.repo.role(path)

    def of(self, *roles: Role) -> dict[str, Obs]:
        """The observations of files in ``roles`` (production when none given), in path order."""
        wanted = roles or PRODUCTION
        return {path: obs for path, obs in self.files.items() if self.role_of(path) in wanted}

    @property
    def production(self) -> dict[str, Obs]:
        return self.of(Role.PRODUCTION)

    @property
    def notebooks(self) -> dict[str, Obs]:
        return self.of(Role.NOTEBOOK)

    @property
    def tests(self) -> dict[str, Obs]:
        return self.of(Role.TEST)

    def total(self, count: Callable[[Obs], int], *roles: Role) -> int:
        """``count`` summed over the files of ``roles`` (production when none given)."""
        return sum(count(obs) for obs in self.of(*roles).values())

    # The helpers below read the default observation, ``Marks``.

    def _marked(self, measure: str, roles: tuple[Role, ...]) -> Iterator[tuple[str, int]]:
        paths = sorted(self.of(*roles), key=lambda p: (_ROLE_ORDER[self.role_of(p)], p))
        for path in paths:
            marks = self.files[path]
            assert isinstance(marks, Marks), "count/evidence read the default Marks observation"
            for line in sorted(marks.get(measure)):
                yield path, line

    def count(self, measure: str, *roles: Role) -> int:
        """How often ``measure`` was marked in files of ``roles`` (production when none given)."""
        return sum(1 for _ in self._marked(measure, roles))

    def files_with(self, measure: str, *roles: Role) -> int:
        return len({path for path, _ in self._marked(measure, roles)})

    def evidence(
        self, measure: str, *roles: Role, limit: int | None = None,
    ) -> tuple[Location, ...]:
        """Where ``measure`` was marked: the product's files first, then path and line order."""
        found = (Location(path, line) for path, line in self._marked(measure, roles))
        unique = tuple(dict.fromkeys(found))
        return unique if limit is None else unique[:limit]
