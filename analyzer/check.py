"""The base every check derives from, and what a check is given.

A check has two steps, so files can be analysed in parallel and cached:

1. ``observe``: a fresh instance visits one parsed file (all checks share one
   batched libcst pass) and returns a small picklable observation of that file.
2. ``result``: a class method that folds every file's observation, plus the
   repository's facts, into one ``Signal``.

Repo-level checks (README, last commit) only define ``result``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar, Generic, TypeVar, cast

import libcst as cst

from analyzer.lines import LineProvider
from analyzer.model import Location, Signal
from analyzer.paths import Role
from analyzer.repo import Repo

Obs = TypeVar("Obs")


@cache
def _visitor_names(cls: type) -> tuple[str, ...]:
    """The ``visit_*``/``leave_*`` methods a check class really defines (not libcst's stubs)."""
    return tuple(
        name for name in dir(cls)
        if name.startswith(("visit_", "leave_")) and callable(member := getattr(cls, name))
        and not getattr(member, "_is_no_op", False)
    )


@dataclass(frozen=True, slots=True)
class SourceFile:
    """The file a per-file step is looking at."""

    path: str
    role: Role
    notebook: bool = False
    text: str = field(default="", repr=False)  # the code parsed, when the engine has it


@dataclass(frozen=True)
class Corpus:
    """What ``result`` folds: the facts, every check's observations, and parse failures."""

    repo: Repo
    observations: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    unparsable: Mapping[str, str] = field(default_factory=dict)


class Check(cst.BatchableCSTVisitor, Generic[Obs]):
    """One signal. Subclasses live one per module in ``checks/``; the module name is the id."""

    METADATA_DEPENDENCIES = (LineProvider,)
    name: ClassVar[str] = ""
    doc: ClassVar[str] = ""

    def __init__(self, source: SourceFile) -> None:
        super().__init__()
        self.source = source

    def get_visitors(self) -> Mapping[str, Callable[[cst.CSTNode], None]]:
        """libcst's version inspects every member again for each file; the names never change."""
        return {name: getattr(self, name) for name in _visitor_names(type(self))}

    @classmethod
    def title(cls) -> str:
        return cls.doc.strip().splitlines()[0] if cls.doc.strip() else cls.name

    @classmethod
    def is_file_level(cls) -> bool:
        return cls.observe is not Check.observe

    def observe(self) -> Obs:
        """This file's observation, after the visit. Must be picklable and small."""
        raise NotImplementedError

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        raise NotImplementedError

    @classmethod
    def observed(cls, corpus: Corpus) -> Mapping[str, Obs]:
        """This check's observations, by path, in path order."""
        return cast("Mapping[str, Obs]", corpus.observations.get(cls.name, {}))

    def line(self, node: cst.CSTNode) -> int:
        return self.get_metadata(LineProvider, node)

    def here(self, node: cst.CSTNode) -> Location:
        return Location(self.source.path, self.line(node))

    @classmethod
    def signal(
        cls, value: float | None, summary: str, *,
        evidence: tuple[Location, ...] = (), **details: object,
    ) -> Signal:
        return Signal(
            check=cls.name, value=value, summary=summary, evidence=evidence, details=details,
        )
