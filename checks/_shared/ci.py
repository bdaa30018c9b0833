"""Continuous-integration configurations, read as data: which services, Python versions, tests.

Shared by the ``ci`` and ``tests`` checks. YAML is loaded with every scalar kept a
string, so ``python-version: 3.10`` is "3.10" (not the float 3.1) and ``on:`` is "on".
"""

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

from analyzer.model import Location
from analyzer.paths import Role
from analyzer.repo import Repo
from checks._shared.config import line_of, pairs, read_yaml

# (service, glob matched against the whole path, a service most projects have left)
PROVIDERS = (
    ("GitHub Actions", ".github/workflows/*.yml", False),
    ("GitHub Actions", ".github/workflows/*.yaml", False),
    ("GitLab CI", ".gitlab-ci.yml", False),
    ("CircleCI", ".circleci/config.yml", False),
    ("Azure Pipelines", "azure-pipelines.yml", False),
    ("Azure Pipelines", ".azure-pipelines/*.yml", False),
    ("Bitbucket Pipelines", "bitbucket-pipelines.yml", False),
    ("Jenkins", "Jenkinsfile", False),
    ("Travis CI", ".travis.yml", True),
    ("AppVeyor", "appveyor.yml", True),
    ("AppVeyor", ".appveyor.yml", True),
)
TEST_COMMAND = re.compile(
    r"\b(?:py\.?test|tox|nox|nosetests|unittest|(?:make|just)\s+(?:test|check)\w*"
    r"|(?:hatch|rye)\s+(?:test|run\s+\S*tests?)|pdm\s+run\s+\S*tests?"
    r"|manage\.py\s+test|runtests(?:\.py)?|coverage\s+run"
    r"|(?:uv|poetry|pdm)\s+run\s+(?:python\s+-m\s+)?py\.?test)\b"
)
_COMMAND_KEYS = frozenset({
    "run", "script", "scripts", "command", "commands", "before_script", "after_script",
    "install", "test_script", "bash", "pwsh", "powershell", "inlinescript", "sh", "steps",
})
_VERSION_KEY = re.compile(r"^(?:python|py)(?:[-_ ]?versions?)?$|^toxenv$", re.IGNORECASE)
_VERSION = re.compile(r"(?<![\w.])(pypy)?-?([23]\.\d{1,2})(?![\d])|(?<![\w.])py(3)(\d{1,2})\b")
_INSTALL = re.compile(r"\binstall\b")
_IMAGE = re.compile(r"python:(?:[\w-]*?)([23]\.\d{1,2})")


def version_key(version: str) -> tuple[bool, tuple[int, ...]]:
    """CPython before PyPy, then by number: "3.9" < "3.10" < "pypy3.10"."""
    number = version.removeprefix("pypy")
    return number != version, tuple(int(part) for part in number.split("."))


@dataclass(frozen=True, slots=True)
class CiFile:
    provider: str
    path: str
    legacy: bool
    readable: bool
    python_versions: tuple[str, ...]
    test_run: Location | None  # where a test command runs, if one does
    test_command: str = ""

    @property
    def rank(self) -> tuple[bool, bool, str]:
        """Files that surely run tests first: a "pytest" line beats "tox -e docs"."""
        return self.test_run is None, "test" not in self.test_command, self.path


def _versions_of(value: object) -> set[str]:
    found: set[str] = set()
    if isinstance(value, str) and "${{" not in value:
        for match in _VERSION.finditer(value):
            version = match.group(2) or f"{match.group(3)}.{match.group(4)}"
            found.add(f"{match.group(1) or ''}{version}")
    return found


def _folded_line(text: str, command: str, word: str) -> int:
    """The line of a command YAML folded from several lines: its last word found only once."""
    unique = next((t for t in reversed(command.split()) if text.count(t) == 1), word)
    return line_of(text, re.escape(unique))


def _read(repo: Repo, provider: str, path: str, legacy: bool) -> CiFile:
    text = repo.text(path)
    document = None if path.endswith("Jenkinsfile") else read_yaml(repo, path)
    versions: set[str] = set()
    commands: list[str] = []
    for key, value in pairs(document):
        lowered = key.lower()
        if _VERSION_KEY.match(lowered):
            versions |= _versions_of(value)
        elif lowered == "image" and isinstance(value, str):
            versions |= {m.group(1) for m in _IMAGE.finditer(value)}
        elif lowered in _COMMAND_KEYS and isinstance(value, str):
            commands.append(value)
    if document is None:  # Groovy, or YAML we could not read: look at the raw text
        commands.append(text)
    runs = [
        (found, line.strip()) for command in commands for line in command.splitlines()
        if not _INSTALL.search(line) and (found := TEST_COMMAND.search(line))
    ]
    # "tox -e docs" runs something; "pytest" or "tox -e py312-tests" surely runs the tests
    runs.sort(key=lambda run: "test" not in run[1])
    test_run, command = None, ""
    if runs:
        found, line = runs[0]
        where = line_of(text, re.escape(line), 0) or _folded_line(text, line, found.group(0))
        test_run, command = Location(path, where), line
    ordered = tuple(sorted(versions, key=version_key))
    readable = document is not None or path.endswith("Jenkinsfile")
    return CiFile(provider, path, legacy, readable, ordered, test_run, command)


def ci_files(repo: Repo) -> tuple[CiFile, ...]:
    """Every CI configuration at its conventional place, in path order."""
    found = []
    for path in repo.files:
        for provider, pattern, legacy in PROVIDERS:
            if fnmatchcase(path, pattern) and path.count("/") == pattern.count("/"):
                found.append(_read(repo, provider, path, legacy))
                break
    return tuple(found)


def has_tests(repo: Repo, files: tuple[CiFile, ...]) -> bool:
    """A test step tests something only when there are tests: ``pytest`` in a repository
    without one test file collects nothing (a template's workflow, copied along).
    Doctests need no test file."""
    return (any("doctest" in f.test_command for f in files)
            or any(repo.role(path) is Role.TEST for path in repo.files))
