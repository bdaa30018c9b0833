"""Continuous integration: whether a CI service builds the project, on which Pythons, with tests.

## What it measures
1 when the repository holds a CI configuration at its conventional place, else 0:
GitHub Actions (`.github/workflows/*.yml`), GitLab CI (`.gitlab-ci.yml`), CircleCI
(`.circleci/config.yml`), Azure Pipelines (`azure-pipelines.yml`), Bitbucket
Pipelines, Jenkins (`Jenkinsfile`), and Travis CI and AppVeyor (`.travis.yml`,
`appveyor.yml`), marked as legacy services. Details list the providers, the
Python versions named in build matrices, `setup-python` steps and `python:`
images, and whether a step runs the tests (pytest, tox, nox, unittest,
`make test`...). Files are read as YAML data, never run.

## Why it matters
CI means every change is built and tested by a machine, not only on the
author's laptop: a habit of people who have worked in teams.

## Example
`.github/workflows/test.yml` with `python-version: ["3.11", "3.12"]` and a
`run: pytest` step gives 1, provider GitHub Actions, versions 3.11 and 3.12,
tests run.

## Caveats
No CI file does not mean no CI: a company may run builds on a private server.
Travis CI stopped free builds for open source in 2021, so a `.travis.yml` alone
usually means CI that no longer runs. Test commands hidden in scripts are not seen.
"""

from typing import TypedDict, cast

from analyzer.api import Example, Flag, Fold, Level, Location, RepoCheck, Rule, Signal, flag
from checks._shared.ci import CiFile, ci_files, has_tests, version_key


class Details(TypedDict, total=False):
    providers: list[dict[str, object]]
    files: list[str]
    python_versions: list[str]
    runs_tests: bool
    legacy_only: bool
    unreadable: list[str]


def _grade(signal: Signal) -> float:
    if not signal.value:
        return 0.0
    details = cast("Details", signal.details)
    grade = 1.0 if details.get("runs_tests") else 0.6
    return grade / 2 if details.get("legacy_only") else grade


def _flags(signal: Signal) -> list[Flag]:
    details = cast("Details", signal.details)
    if not signal.value:
        return flag(
            Level.YELLOW, "No continuous integration.",
            "Personal projects often skip it, and company builds run on private servers.",
            "How are your changes tested before they are merged at work?",
        )(signal)
    if details.get("legacy_only"):
        return flag(
            Level.YELLOW, "CI only on a legacy service (Travis CI or AppVeyor).",
            "It may have worked when the project was active.",
            "What CI do you use today?",
        )(signal)
    if details.get("runs_tests"):
        return flag(Level.GREEN, "CI runs the tests on every change.")(signal)
    return []


def _summary(providers: list[tuple[str, bool]], versions: list[str], tested: bool,
             idle: bool) -> str:
    names = ", ".join(name + " (a legacy service)" * legacy for name, legacy in providers)
    return (
        f"CI on {names}"
        + (f", testing Python {', '.join(versions)}" if versions else "")
        + ("; the tests run in CI." if tested else
           "; a test step, but no test files for it to run." if idle else "; no test step found.")
    )


def _test_runs(files: tuple[CiFile, ...]) -> list[Location]:
    """The first three steps that run the tests, from the most telling CI file."""
    return [f.test_run for f in sorted(files, key=lambda f: f.rank) if f.test_run][:3]


_WORKFLOW = ".github/workflows/test.yml"


class Ci(RepoCheck):
    rule = Rule(8, _grade, _flags)
    examples = (
        Example({_WORKFLOW: "jobs:\n  t:\n    steps:\n      - run: pytest\n",
                 "tests/test_a.py": "def test_a():\n    assert True\n"}, 1,
                (f"{_WORKFLOW}:4", f"{_WORKFLOW}:1")),
        Example({".travis.yml": "language: python\n"}, 1, (".travis.yml:1",),
                note="a legacy service still counts"),
        Example({"ci.yml": "jobs: {}\n"}, 0, (), note="only conventional places"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        files = ci_files(fold.repo)
        if not files:
            return cls.signal(
                0, "No continuous-integration configuration found.",
                providers=[], python_versions=[], runs_tests=False, legacy_only=False,
            )
        providers = sorted({(f.provider, f.legacy) for f in files})
        versions = sorted({v for f in files for v in f.python_versions}, key=version_key)
        runs = _test_runs(files)
        idle = bool(runs) and not has_tests(fold.repo, files)
        runs = [] if idle else runs
        evidence = (*runs, *(Location(f.path, 1) for f in files))  # test steps first
        return cls.signal(
            1, _summary(providers, versions, bool(runs), idle), evidence=evidence,
            providers=[{"name": name, "legacy": legacy} for name, legacy in providers],
            files=[f.path for f in files], python_versions=versions, runs_tests=bool(runs),
            legacy_only=all(f.legacy for f in files),
            unreadable=[f.path for f in files if not f.readable],
        )
