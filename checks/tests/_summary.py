"""Folding every file's tests into the signal: test functions, doctests, settings, CI."""

from collections.abc import Callable
from typing import Any

from analyzer.api import Fold, Location, Role, Signal
from checks._shared.ci import ci_files
from checks._shared.python2_files import python2_sources
from checks._shared.python2_scan import function_lines
from checks.tests._classes import FileTests, test_lines, unittest_classes
from checks.tests._settings import (
    PytestConfig,
    code_lines_by_role,
    doctest_files,
    pytest_config,
    runs_sphinx_doctest,
)


def _frameworks(
    files: dict[str, FileTests], tested: list[str], unittest: frozenset[str],
) -> set[str]:
    tested = [path for path in tested if path in files]  # not Python 2 files: no tree
    found = set().union(*(files[path].frameworks for path in tested))
    if any(c.name in unittest for path in tested for c in files[path].classes):
        found.add("unittest")  # Django's, Flask-Testing's... TestCase classes run on unittest
    return found


def _summary(functions: int, files: int, doctests: int, frameworks: set[str],
             ratio: float | None, in_ci: bool) -> str:
    if not functions + doctests:
        return "No test functions or doctest examples found."
    return (
        (f"{functions:,} test function(s) in {files} file(s)" if functions
         else "No test functions")
        + (f" and {doctests:,} doctest example(s)" if doctests else "")
        + f" using {', '.join(sorted(frameworks))}"
        + (f"; test code is {ratio:.0%} the size of production code" if ratio else "")
        + ("; CI runs the tests." if in_ci else ".")
    )


def python2_tests(fold: Fold[FileTests]) -> dict[str, list[int]]:
    """``test*`` functions and methods of test files only Python 2 parses, from their tokens
    (asyncmongo's test_pooled_db.py still has a print statement)."""
    found = {}
    for path, code in python2_sources(fold, Role.TEST):
        lines = [line for line, name in function_lines(code) if name.startswith("test")]
        if lines:
            found[path] = lines
    return found


def _doctests(
    fold: Fold[FileTests], config: PytestConfig,
) -> tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, int]]]:
    """Doctest examples in production docstrings and in text files, by path."""
    observed = fold.files.values()
    runs = "--doctest-modules" in config.options or any(o.runs_doctests for o in observed)
    # A `>>>` counts only where something runs it: otherwise it is prose.
    in_code = {p: o.doctests for p, o in fold.production.items()} if runs else {}
    referenced = [name for obs in observed for name in obs.doc_files]
    sphinx = runs_sphinx_doctest(fold.repo, [f.path for f in ci_files(fold.repo)])
    in_text = doctest_files(fold.repo, referenced, config.options, sphinx)
    return {p: lines for p, lines in in_code.items() if lines}, in_text


def fold_tests(signal: Callable[..., Signal], fold: Fold[FileTests]) -> Signal:
    repo, observed = fold.repo, fold.files
    unittest = unittest_classes(fold.of(Role.PRODUCTION, Role.TEST).values())
    tests = test_lines(fold.of(Role.TEST), unittest) | python2_tests(fold)
    functions = sum(map(len, tests.values()))
    frameworks = _frameworks(dict(observed), list(tests), unittest)
    conftest = [p for p in fold.of(Role.TEST) if p.rsplit("/", 1)[-1] == "conftest.py"]
    config = pytest_config(repo)
    if conftest or config.where or (functions and not frameworks):
        frameworks.add("pytest")  # bare test_* functions with plain asserts: pytest's style
    in_code, in_text = _doctests(fold, config)
    doctests = sum(map(len, in_code.values())) + sum(n for n, _ in in_text.values())
    if doctests or "--doctest-modules" in config.options:
        frameworks.add("doctest")
    loc = code_lines_by_role(repo, observed)
    ratio = round(loc[Role.TEST] / loc[Role.PRODUCTION], 2) if loc[Role.PRODUCTION] else None
    ci_runs = [f.test_run for f in sorted(ci_files(repo), key=lambda f: f.rank) if f.test_run]
    evidence = (  # most telling first: tests, then doctests, pytest settings, CI
        *(Location(path, lines[0]) for path, lines in tests.items()),
        *sorted({Location(path, lines[0]) for path, lines in in_code.items()}
                | {Location(path, line) for path, (_, line) in in_text.items()}),
        *(Location(path, line) for path, line in config.lines), *ci_runs[:1],
    )  # a test file's first test, a docstring's first line, a setting's line
    details: dict[str, Any] = {
        "test_files": len(tests), "test_functions": functions, "doctest_examples": doctests,
        "frameworks": sorted(frameworks),
        "production_functions": fold.total(lambda o: o.functions, Role.PRODUCTION),
        "test_code_ratio": ratio, "test_lines": loc[Role.TEST],
        "production_lines": loc[Role.PRODUCTION], "pytest_config": config.where,
        "conftest": conftest, "runs_in_ci": bool(ci_runs),
        "notebook_functions": fold.total(lambda o: o.functions, Role.NOTEBOOK),
    }
    if (not functions + doctests and not details["production_functions"] and not repo.notebooks
            and not fold.of(Role.TEST)):
        return signal(None, "No Python functions to test (nothing here calls for tests).",
                      details=details)
    return signal(
        functions + doctests, _summary(functions, len(tests), doctests, frameworks, ratio,
                                       bool(ci_runs)),
        evidence=tuple(dict.fromkeys(evidence)), details=details,
    )
