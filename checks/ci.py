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

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal
from checks._shared.ci import ci_files, version_key


class Ci(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        files = ci_files(corpus.repo)
        if not files:
            return cls.signal(
                0, "No continuous-integration configuration found.",
                providers=[], python_versions=[], runs_tests=False, legacy_only=False,
            )
        providers = sorted({(f.provider, f.legacy) for f in files})
        versions = sorted({v for f in files for v in f.python_versions}, key=version_key)
        runs = [f.test_run for f in sorted(files, key=lambda f: f.rank) if f.test_run][:3]
        legacy_only = all(f.legacy for f in files)
        evidence = (*runs, *(Location(f.path, 1) for f in files))  # test steps first
        names = ", ".join(
            name + (" (a legacy service)" if legacy else "") for name, legacy in providers
        )
        summary = (
            f"CI on {names}"
            + (f", testing Python {', '.join(versions)}" if versions else "")
            + ("; the tests run in CI." if runs else "; no test step found.")
        )
        return cls.signal(
            1, summary, evidence=evidence,
            providers=[{"name": name, "legacy": legacy} for name, legacy in providers],
            files=[f.path for f in files], python_versions=versions, runs_tests=bool(runs),
            legacy_only=legacy_only, unreadable=[f.path for f in files if not f.readable],
        )
