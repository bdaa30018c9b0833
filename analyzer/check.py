"""What a check is: a file-level visitor with a per-file observation, or a repo-level measure.

A file-level check has two steps, so files can be analysed in parallel and cached:

1. a fresh instance visits one parsed file (all checks share one batched libcst
   pass) and ``observe`` returns a small picklable observation of that file; the
   default observation is the check's ``Marks`` (lines per named measure);
2. ``result`` turns the engine's ``Fold`` of every file's observation, grouped by
   the file's role, into one ``Signal``.

A repo-level check (README, last commit) only defines ``result``. Either may
declare its scoring ``rule`` and inline ``examples`` beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import libcst as cst  # a check's annotations only: a check class can be made without it

from analyzer.fold import Fold, Marks
from analyzer.guard import Tokens
from analyzer.model import Location, Signal
from analyzer.names import new_file
from analyzer.paths import Role

if TYPE_CHECKING:
    from libcst import BatchableCSTVisitor as _Visitor

    from analyzer.rules import Rule
else:
    class _Visitor:
        """At run time, what the engine and libcst ask of a ``BatchableCSTVisitor``, without
        subclassing it: a scan whose files all come from the cache folds check classes and
        never imports libcst (0.15-0.2 CPU s). Metadata is resolved by libcst's
        ``MetadataWrapper`` only for a check that declares a provider."""

        METADATA_DEPENDENCIES: tuple[Any, ...] = ()

        def __init__(self) -> None:
            self.metadata: Mapping[Any, Mapping[Any, object]] = {}

        @classmethod
        def get_inherited_dependencies(cls) -> frozenset[Any]:
            return _dependencies(cls)  # asked of every check for every file

        @contextmanager
        def resolve(self, wrapper: Any) -> Iterator[None]:
            self.metadata = wrapper.resolve_many(self.get_inherited_dependencies())
            yield
            self.metadata = {}

        def get_metadata(self, key: Any, node: Any) -> Any:
            return self.metadata[key][node]

Obs = TypeVar("Obs")


@cache
def _dependencies(cls: type) -> frozenset[Any]:
    return frozenset(
        dep for klass in cls.__mro__ for dep in vars(klass).get("METADATA_DEPENDENCIES", ())
    )


@cache
def _visitor_names(cls: type) -> tuple[str, ...]:
    """The ``visit_*``/``leave_*`` methods a check class really defines (not libcst's stubs)."""
    own = {  # libcst's own classes define only no-op stubs: dir() would list 600 of them
        name for klass in cls.__mro__ if not klass.__module__.startswith("libcst")
        for name in vars(klass) if name.startswith(("visit_", "leave_"))
    }
    return tuple(
        name for name in sorted(own)
        if callable(member := getattr(cls, name)) and not getattr(member, "_is_no_op", False)
    )


@dataclass(frozen=True, slots=True)
class SourceFile:
    """The file a per-file step is looking at."""

    path: str
    role: Role
    notebook: bool = False
    text: str = field(default="", repr=False)  # the code parsed, when the engine has it
    tokens: Tokens | None = field(default=None, repr=False)  # its tokens, when the engine has them


@dataclass(frozen=True, slots=True)
class Example:
    """An inline example, run as a test for its check: files in, the value (and lines) out.

    ``evidence`` lists ``path:line`` strings in report order; ``None`` leaves it unchecked.
    """

    files: Mapping[str, str]
    value: float | None
    evidence: tuple[str, ...] | None = None
    note: str = ""


class Check(_Visitor, Generic[Obs]):
    """One signal. One per module or package in ``checks/``; the module name is the id."""

    name: ClassVar[str] = ""
    doc: ClassVar[str] = ""
    rule: ClassVar[Rule | None] = None  # how the signal scores; None: informative only
    examples: ClassVar[tuple[Example, ...]] = ()

    def __init__(self, source: SourceFile) -> None:
        super().__init__()
        self.source = source
        self.lines: Mapping[cst.CSTNode, int] = {}  # start lines, set by the engine
        self._marks: dict[str, list[int]] = {}
        new_file(source)  # the names of the file before are no use any more

    def get_visitors(self) -> Mapping[str, Callable[[cst.CSTNode], None]]:
        """libcst's version inspects every member again for each file; the names never change."""
        return {name: getattr(self, name) for name in _visitor_names(type(self))}

    @classmethod
    def title(cls) -> str:
        return cls.doc.strip().splitlines()[0] if cls.doc.strip() else cls.name

    @classmethod
    def is_file_level(cls) -> bool:
        return bool(_visitor_names(cls)) or cls.observe is not Check.observe

    def mark(self, measure: str, node: cst.CSTNode | int) -> None:
        """Record one occurrence of ``measure`` at ``node`` (or at a line number)."""
        line = node if isinstance(node, int) else self.line(node)
        self._marks.setdefault(measure, []).append(line)

    def observe(self) -> Obs:
        """This file's observation, after the visit (default: its marks). Picklable and small."""
        return Marks.of(self._marks)  # type: ignore[return-value]

    @classmethod
    def result(cls, fold: Fold[Obs]) -> Signal:
        raise NotImplementedError

    @classmethod
    def prepare_fold(cls) -> None:
        """Work ``result`` needs whatever the files hold (an index of a corpus, say), done in
        the parent while workers analyse the files; cached by the check. Default: import
        the modules of the check's package that its fold imports when it runs (kept out of
        the workers' fork server), so that the scan's end does not wait for them."""
        import importlib  # noqa: PLC0415
        import pkgutil  # noqa: PLC0415
        import sys  # noqa: PLC0415

        package = getattr(sys.modules.get(cls.__module__), "__path__", None)
        for info in pkgutil.iter_modules(package or [], f"{cls.__module__}."):
            importlib.import_module(info.name)

    def line(self, node: cst.CSTNode) -> int:
        return self.lines[node]

    def least_line(self, node: cst.CSTNode) -> int:
        """A line ``node`` starts on or after, cheaper than ``line`` where a logical line
        spans several (``LazyLines.least``): a check keeping a feature's first line only
        needs no exact line for a node that cannot come before it."""
        least = getattr(self.lines, "least", None)
        return least(node) if least is not None else self.lines[node]

    def here(self, node: cst.CSTNode) -> Location:
        return Location(self.source.path, self.line(node))

    @classmethod
    def signal(
        cls, value: float | None, summary: str, *,
        evidence: tuple[Location, ...] = (), details: Mapping[str, object] | None = None,
        **more: object,
    ) -> Signal:
        """This check's signal; ``details`` and keyword extras together make its details."""
        return Signal(
            check=cls.name, value=value, summary=summary, evidence=evidence,
            details={**(details or {}), **more},
        )


class FileCheck(Check[Obs]):
    """A check that looks inside Python files (and notebooks' code cells)."""


class RepoCheck(Check[None]):
    """A check that reads the repository's facts only (files, history), never a parse tree."""

    @classmethod
    def is_file_level(cls) -> bool:
        return False


__all__ = ["Check", "Example", "FileCheck", "Fold", "Marks", "RepoCheck", "SourceFile"]
