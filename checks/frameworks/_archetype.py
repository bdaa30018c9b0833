"""The role archetype: where the code goes deep, weighed by files and framework constructs.

A file that only imports a role's framework weighs 1; a file with one of its
constructs (an `nn.Module` subclass, a route, a DAG, a boto3 client) weighs 3; so do
pandas and plots together in one file or notebook. Non-Python files that decide a
role (`.sql`, `dbt_project.yml`, Dockerfiles, Compose, Terraform) weigh 1 each.
An archetype needs a weight of 3 (one construct, or three files) to be named.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from analyzer.api import Fold, Location, Role
from checks.frameworks._catalogue import ARCHETYPES, FRAMEWORKS, ML, PLOTS, SCIENCE
from checks.frameworks._constructs import of_file

IMPORT, CONSTRUCT, ENOUGH = 1, 3, 3
OWN = (Role.PRODUCTION, Role.NOTEBOOK)
Found = tuple[str, str, int]  # (archetype, what, line)


@dataclass(frozen=True, slots=True)
class FileImports:
    first_line: tuple[tuple[str, int], ...]  # (framework catalogue key, first line imported)
    constructs: tuple[Found, ...] = ()


def observed(imports: dict[str, int], found: list[Found],
             marks: Mapping[str, list[int]]) -> FileImports:
    """One file's imports and constructs, with those only the whole file shows."""
    plots = [line for name, line in imports.items() if name.split(".")[0] in PLOTS]
    if "pandas" in imports and plots:  # data analysis: a construct, not two imports
        found.append((SCIENCE, "pandas analysis with plots", min(imports["pandas"], *plots)))
    backward, steps = marks.get("backward"), marks.get("optimizer_step")
    if backward and steps:  # gradients computed and applied: a training loop
        found.append((ML, "training loop", backward[0]))
    return FileImports(tuple(sorted(imports.items())), tuple(sorted(found)))


@dataclass
class Profile:
    weights: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    what: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, archetype: str, path: str, weight: int, what: str = "") -> None:
        self.weights[archetype][path] = max(weight, self.weights[archetype].get(path, 0))
        if what:
            self.what[archetype].setdefault(what, set()).add(path)

    @property
    def scores(self) -> dict[str, int]:
        return {a: sum(self.weights[a].values()) for a in ARCHETYPES if self.weights[a]}

    @property
    def primary(self) -> str | None:
        scores = self.scores
        # on a tie the kind of work spread over more files wins: a portfolio's dominant work
        best = max(scores, key=lambda a: (scores[a], len(self.weights[a]), -ARCHETYPES.index(a)),
                   default=None)
        return best if best is not None and scores[best] >= ENOUGH else None

    def evidence(self, archetype: str | None) -> list[str]:
        if archetype is None:
            return []
        files = self.weights[archetype]
        return sorted(files, key=lambda p: (-files[p], p))

    def reasons(self, archetype: str | None) -> list[str]:
        found = self.what[archetype] if archetype else {}
        ranked = sorted(found, key=lambda w: (-len(found[w]), w))
        return [f"{w} in {', '.join(sorted(found[w])[:2])}"
                + (f" and {len(found[w]) - 2} more" if len(found[w]) > 2 else "")
                for w in ranked]


def profile(files: Mapping[str, FileImports], others: Iterable[str]) -> Profile:
    result = Profile()
    for path, seen in files.items():
        for name, _ in seen.first_line:
            archetype = FRAMEWORKS[name][1]
            if archetype is not None:
                result.add(archetype, path, IMPORT)
        for archetype, what, _ in seen.constructs:
            result.add(archetype, path, CONSTRUCT, what)
    for path in others:
        construct = of_file(path)
        if construct is not None:
            result.add(construct[0], path, IMPORT, construct[1])
    return result


def role_profile(fold: "Fold[FileImports]") -> Profile:
    """Production code and notebooks; a repository whose only code is examples is its examples."""
    roles = OWN if fold.of(*OWN) else (*OWN, Role.EXAMPLE)
    return profile(fold.of(*roles), (p for p in fold.repo.files if fold.role_of(p) in roles))


def used(fold: "Fold[FileImports]") -> tuple[list[dict[str, Any]], tuple[Location, ...]]:
    """Each framework with its archetype and number of files, deepest first; first imports."""
    count: Counter[str] = Counter()
    first: dict[str, Location] = {}
    for path, imports in fold.of(*OWN).items():
        for name, line in imports.first_line:
            count[name] += 1
            first.setdefault(name, Location(path, line))
    ranked = sorted(count, key=lambda name: (-count[name], name))
    used = [{"name": FRAMEWORKS[n][0], "archetype": FRAMEWORKS[n][1], "files": count[n]}
            for n in ranked]
    return used, tuple(first[n] for n in ranked)


def summary(used: list[dict[str, Any]], primary: str | None, reasons: list[str]) -> str:
    if primary is None:
        if not used:
            return "No well-known framework imported in production code or notebooks."
        return ("No role archetype stands out: "
                f"{', '.join(str(u['name']) for u in used[:4])} "
                f"{'decides' if len(used) == 1 else 'decide'} no role alone.")
    main = [f"{u['name']} in {u['files']} file(s)" for u in used if u["archetype"] == primary]
    return f"Points to {primary}: {'; '.join([*reasons[:3], *main[:3]])}."
