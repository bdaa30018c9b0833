"""Running the checks: one parse and one batched libcst pass per file, then one fold per check."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import MetadataWrapper

from analyzer.check import Corpus, SourceFile
from analyzer.guard import refuse
from analyzer.model import Signal
from analyzer.registry import CheckClass, all_checks
from analyzer.repo import Repo


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one file yielded: each file-level check's observation, or why it could not be read."""

    path: str
    observations: dict[str, object] = field(default_factory=dict)
    error: str | None = None


def parse_error_reason(error: cst.ParserSyntaxError) -> str:
    """One readable line: libcst's own message lists every token it expected."""
    message = error.message.strip().splitlines()[0]
    if "expected one of" in message or message.startswith("parser error"):
        message = "not valid Python 3 syntax"
    return f"line {error.raw_line}, column {error.raw_column + 1}: {message}"


def analyse_source(source: SourceFile, text: str, checks: Sequence[CheckClass]) -> FileResult:
    """Parse ``text`` once and let every check observe it in a single batched traversal."""
    refused = refuse(text)  # before libcst: some inputs crash it (SIGSEGV), not raise
    if refused is not None:
        return FileResult(source.path, error=f"not parsed: {refused}")
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        return FileResult(source.path, error=parse_error_reason(error))
    except (RecursionError, MemoryError, ValueError, cst.CSTValidationError) as error:
        return FileResult(source.path, error=f"parser gave up: {type(error).__name__}")
    visitors = [cls(source) for cls in checks]
    try:
        MetadataWrapper(module, unsafe_skip_copy=True).visit_batched(visitors)
        observations = {visitor.name: visitor.observe() for visitor in visitors}
    except RecursionError:
        return FileResult(source.path, error="too deeply nested to analyse")
    return FileResult(source.path, observations=observations)


def sources(repo: Repo) -> Iterator[tuple[SourceFile, str]]:
    """Every Python source to analyse, with its text, in path order."""
    for path in repo.python_files:
        yield SourceFile(path, repo.role(path)), repo.text(path)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Every signal, in check-name order, and the files that could not be analysed."""

    signals: tuple[Signal, ...]
    unparsable: dict[str, str]


def fold(repo: Repo, results: Sequence[FileResult], checks: Sequence[CheckClass]) -> Analysis:
    observations: dict[str, dict[str, object]] = {cls.name: {} for cls in checks}
    unparsable: dict[str, str] = {}
    for result in sorted(results, key=lambda r: r.path):
        if result.error is not None:
            unparsable[result.path] = result.error
        for name, observation in result.observations.items():
            observations[name][result.path] = observation
    corpus = Corpus(repo=repo, observations=observations, unparsable=unparsable)
    return Analysis(tuple(cls.result(corpus) for cls in checks), unparsable)


def run(repo: Repo, checks: Sequence[CheckClass] | None = None) -> Analysis:
    """Analyse every source of ``repo`` and fold the observations into signals."""
    checks = tuple(checks if checks is not None else all_checks())
    file_checks = [cls for cls in checks if cls.is_file_level()]
    results = [analyse_source(source, text, file_checks) for source, text in sources(repo)]
    return fold(repo, results, checks)
