"""What the ``tests`` check reads besides test code: pytest settings, doctest files, line counts."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

from analyzer.api import Repo, Role
from checks._shared.config import config_files, line_of, read_ini, read_toml, table

FRAMEWORK_MODULES = {
    "pytest": "pytest", "_pytest": "pytest", "unittest": "unittest",
    "hypothesis": "hypothesis", "nose": "nose", "nose2": "nose", "doctest": "doctest",
}
_PROMPT = re.compile(r"^[ \t]*>>>(?: |$)", re.MULTILINE)
_SPHINX_DOCTEST = re.compile(r"(?:-b|-M|--builder)[= ]*doctest\b|\bmake\b[^\n]*\bdoctest\b")
_GLOB = re.compile(r"--doctest-glob[= ]['\"]?([^'\"\s]+)")
_TEXT_SUFFIXES = (".rst", ".md", ".txt", ".markdown")


@dataclass(frozen=True, slots=True)
class PytestConfig:
    where: list[str]  # "pyproject.toml [tool.pytest.ini_options]", ...
    lines: list[tuple[str, int]]
    options: str  # every addopts value, joined: for --doctest-modules / --doctest-glob


def doctest_examples(text: str) -> int:
    """Interactive examples (``>>>`` prompts) in a docstring or a text file."""
    return len(_PROMPT.findall(text))


def runs_sphinx_doctest(repo: Repo, runners: Iterable[str]) -> bool:
    """CI, tox, nox or the top Makefile runs Sphinx's doctest builder (read as text).

    The stock ``doctest`` target of Sphinx's ``docs/Makefile`` runs nothing by itself.
    """
    paths = [*runners, *repo.find("tox.ini", "noxfile.py", "Makefile", "pyproject.toml")]
    return any(_SPHINX_DOCTEST.search(repo.text(path)) for path in dict.fromkeys(paths))


def pytest_config(repo: Repo) -> PytestConfig:
    where: list[str] = []
    lines: list[tuple[str, int]] = []
    options: list[str] = []
    for path in config_files(repo, "pyproject.toml"):
        settings = table(read_toml(repo, path), "tool", "pytest")
        if settings:
            section = "tool.pytest.ini_options" if "ini_options" in settings else "tool.pytest"
            where.append(f"{path} [{section}]")
            lines.append((path, line_of(repo.text(path), r"^\[tool\.pytest")))
            options.append(str(table(settings, "ini_options").get("addopts", "")))
            options.append(str(settings.get("addopts", "")))
    sections = {"pytest.ini": "pytest", "setup.cfg": "tool:pytest", "tox.ini": "pytest"}
    for path in config_files(repo, *sections):
        section = sections[PurePosixPath(path).name]
        parser = read_ini(repo, path)
        if parser is not None and parser.has_section(section):
            where.append(f"{path} [{section}]")
            lines.append((path, line_of(repo.text(path), rf"^\[{re.escape(section)}\]")))
            options.append(parser.get(section, "addopts", fallback=""))
    return PytestConfig(where, lines, " ".join(options))


def doctest_files(
    repo: Repo, referenced: Iterable[str], options: str, sphinx: bool,
) -> dict[str, tuple[int, int]]:
    """Text files holding doctests that something runs (examples, first line): named by
    tests, matched by a --doctest-glob, or under ``doc(s)/`` when Sphinx's doctest runs."""
    names = {PurePosixPath(name).name for name in referenced}
    globs = _GLOB.findall(options)
    found = {}
    for path in repo.files:
        pure = PurePosixPath(path)
        if not path.lower().endswith(_TEXT_SUFFIXES) or repo.role(path) is Role.TEST_DATA:
            continue
        if ((sphinx and pure.parts[0].lower() in ("doc", "docs")) or pure.name in names
                or any(fnmatchcase(pure.name, glob) for glob in globs)):
            text = repo.text(path)
            examples = doctest_examples(text)
            if examples:
                found[path] = (examples, line_of(text, _PROMPT.pattern))
    return found


def code_lines(text: str) -> int:
    """Lines that are neither blank nor only a comment."""
    return sum(1 for line in map(str.strip, text.splitlines()) if line and line[0] != "#")


def code_lines_by_role(repo: Repo, paths: Iterable[str]) -> dict[Role, int]:
    """Code lines of the Python files among ``paths``, for production and for test code."""
    lines = dict.fromkeys((Role.PRODUCTION, Role.TEST), 0)
    for path in paths:
        if path.endswith((".py", ".pyw")) and repo.role(path) in lines:
            lines[repo.role(path)] += code_lines(repo.text(path))
    return lines
