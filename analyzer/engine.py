"""Running the checks: one parse and one batched libcst pass per file, then one fold per check."""

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import MetadataWrapper

from analyzer.check import Corpus, SourceFile
from analyzer.guard import refuse
from analyzer.model import Signal
from analyzer.notebooks import Unreadable, to_python
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
    line, column = error.raw_line, error.raw_column + 1
    # libcst's raw_line drifts past blank lines; its message has the true position.
    if found := re.search(r"error at (\d+):(\d+)", message):
        line, column = int(found.group(1)), int(found.group(2))
    if "expected one of" in message or message.startswith("parser error"):
        message = "not valid Python 3 syntax"
    return f"line {line}, column {column}: {message}"


def analyse_source(source: SourceFile, text: str, checks: Sequence[CheckClass]) -> FileResult:
    """Parse ``text`` once and let every check observe it in a single batched traversal."""
    if source.notebook:
        code = to_python(text)
        if isinstance(code, Unreadable):
            return FileResult(source.path, error=code.reason)
        text = code
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
    """Every Python source and notebook (its JSON text) to analyse, in path order."""
    notebooks = set(repo.notebooks)
    for path in sorted((*repo.python_files, *notebooks)):
        yield SourceFile(path, repo.role(path), notebook=path in notebooks), repo.text(path)


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
