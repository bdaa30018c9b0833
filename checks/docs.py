"""Documentation: a docs site (Sphinx, MkDocs, a docs folder) and docstring coverage.

## What it measures
The share of public modules, classes, functions and methods in production code
that have a docstring, as interrogate counts them with `--ignore-private
--ignore-semiprivate --ignore-magic --ignore-init-method --ignore-init-module`:
public means the name does not start with `_` (so `_helper`, `__init__`,
`__repr__` and modules such as `_util.py` or `__init__.py` are not counted);
nested functions and methods of any class count; empty files do not. Tests,
test data, notebooks, vendored code, the `docs/` folder and build scripts
(`setup.py`, `conf.py`, `noxfile.py`) are left out. Details give the counts, a
`docs/` (or `doc/`) folder, a Sphinx `conf.py` and an `mkdocs.yml`. Not
applicable when there is nothing public.

## Why it matters
Docstrings and a documentation site show code written for other people to use,
the way libraries and team codebases are.

## Example
A module with a docstring and two public functions, one documented, gives 2 of
3: 67%.

## Caveats
A docstring can be empty of meaning ("Does the thing."), and well-named small
functions may need none. A low share is common in applications and scripts.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role
from checks._shared.config import config_files

_BUILD_FILES = frozenset({"setup.py", "conf.py", "noxfile.py", "fabfile.py", "tasks.py"})


@dataclass(frozen=True, slots=True)
class FileDocs:
    public: int
    documented: int
    missing: tuple[int, ...]  # lines of the first public definitions without a docstring


class Docs(Check[FileDocs]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        pure = PurePosixPath(source.path)
        self.counted = source.role is Role.PRODUCTION and not source.notebook and not (
            pure.name in _BUILD_FILES or pure.parts[0].lower() in ("doc", "docs")
        )
        self.public = self.documented = 0
        self.missing: list[int] = []

    def _count(self, node: cst.Module | cst.ClassDef | cst.FunctionDef, name: str) -> None:
        if not self.counted or name.startswith("_"):
            return
        self.public += 1
        if node.get_docstring() is not None:
            self.documented += 1
        elif len(self.missing) < 3:
            self.missing.append(1 if isinstance(node, cst.Module) else self.line(node))

    def visit_Module(self, node: cst.Module) -> None:
        if node.body:
            self._count(node, PurePosixPath(self.source.path).name)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._count(node, node.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._count(node, node.name.value)

    def observe(self) -> FileDocs:
        return FileDocs(self.public, self.documented, tuple(self.missing))

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        observed = cls.observed(corpus)
        public = sum(obs.public for obs in observed.values())
        documented = sum(obs.documented for obs in observed.values())
        repo = corpus.repo
        folders = sorted({p.split("/", 1)[0] + "/" for p in repo.files
                          if p.split("/", 1)[0].lower() in ("doc", "docs") and "/" in p})
        sphinx = [p for p in config_files(repo, "conf.py")
                  if "sphinx" in repo.text(p).lower() or "/doc" in f"/{p}".lower()]
        mkdocs = list(config_files(repo, "mkdocs.yml", "mkdocs.yaml"))
        site = [*sphinx, *mkdocs]
        missing = [Location(p, line) for p, obs in observed.items() for line in obs.missing]
        evidence = tuple(sorted({*(Location(p, 1) for p in site), *map(Location, folders),
                                  *missing[:5]}))
        share = documented / public if public else None
        where = ", ".join(
            [f"Sphinx ({p})" for p in sphinx] + [f"MkDocs ({p})" for p in mkdocs]
            + [f"a {f} folder" for f in folders if not any(s.startswith(f) for s in site)]
        ) or "no docs folder or site"
        coverage = (f"{documented:,} of {public:,} public modules, classes and functions "
                    f"have a docstring ({share:.0%})" if share is not None
                    else "no public production code to document")
        return cls.signal(
            share, f"{coverage}; {where}.", evidence=evidence, public=public,
            documented=documented, docs_folders=folders, sphinx=sphinx, mkdocs=mkdocs,
        )
