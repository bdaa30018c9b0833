"""Continuous-integration configurations, read as data: which services, Python versions, tests.

Shared by the ``ci`` and ``tests`` checks. YAML is loaded with every scalar kept a
string, so ``python-version: 3.10`` is "3.10" (not the float 3.1) and ``on:`` is "on".
"""

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

from analyzer.model import Location
from analyzer.repo import Repo
from checks._config import line_of, pairs, read_yaml

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
    r"|hatch\s+(?:test|run\s+\S*test)|manage\.py\s+test|runtests(?:\.py)?|coverage\s+run"
    r"|(?:uv|poetry|pdm)\s+run\s+(?:python\s+-m\s+)?py\.?test)\b"
)
_COMMAND_KEYS = frozenset({
    "run", "script", "scripts", "command", "commands", "before_script", "after_script",
    "install", "test_script", "bash", "pwsh", "powershell", "inlinescript", "sh", "steps",
})
_VERSION_KEY = re.compile(r"^(?:python|py)(?:[-_ ]?versions?)?$|^toxenv$", re.IGNORECASE)
_VERSION = re.compile(r"(?<![\w.])(?:pypy-?)?([23]\.\d{1,2})(?![\d])|(?<![\w.])py(3)(\d{1,2})\b")
_INSTALL = re.compile(r"\binstall\b")
_IMAGE = re.compile(r"python:(?:[\w-]*?)([23]\.\d{1,2})")


@dataclass(frozen=True, slots=True)
class CiFile:
    provider: str
    path: str
    legacy: bool
    readable: bool
    python_versions: tuple[str, ...]
    test_run: Location | None  # where a test command runs, if one does


def _versions_of(value: object) -> set[str]:
    found: set[str] = set()
    if isinstance(value, str) and "${{" not in value:
        for match in _VERSION.finditer(value):
            found.add(match.group(1) or f"{match.group(2)}.{match.group(3)}")
    return found


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
    test_run = None
    lines = (line for command in commands for line in command.splitlines())
    for line in lines:
        found = None if _INSTALL.search(line) else TEST_COMMAND.search(line)
        if found:
            test_run = Location(path, line_of(text, re.escape(line.strip())))
            break
    ordered = tuple(sorted(versions, key=lambda v: tuple(int(p) for p in v.split("."))))
    readable = document is not None or path.endswith("Jenkinsfile")
    return CiFile(provider, path, legacy, readable, ordered, test_run)


def ci_files(repo: Repo) -> tuple[CiFile, ...]:
    """Every CI configuration at its conventional place, in path order."""
    found = []
    for path in repo.files:
        for provider, pattern, legacy in PROVIDERS:
            if fnmatchcase(path, pattern) and path.count("/") == pattern.count("/"):
                found.append(_read(repo, provider, path, legacy))
                break
    return tuple(found)
