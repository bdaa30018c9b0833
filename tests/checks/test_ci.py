from pathlib import Path

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of

A_TEST = {"tests/test_app.py": "def test_app():\n    assert True\n"}

WORKFLOW = """\
name: CI
on:
  push:
jobs:
  test:
    strategy:
      matrix:
        python-version: [3.9, 3.10, "3.11", '3.12']
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: ${{ matrix.python-version }}
      - run: pip install pytest
      - run: |
          python -m pip install -e .
          python -m pytest -q
"""


def test_github_actions_matrix_versions_stay_strings() -> None:
    """Unquoted 3.10 in a matrix is Python 3.10, not the float 3.1, and the pytest step is seen."""
    signal = signal_of(Repo.from_files({".github/workflows/ci.yml": WORKFLOW, **A_TEST}), "ci")
    assert signal.value == 1
    assert signal.details["providers"] == [{"name": "GitHub Actions", "legacy": False}]
    assert signal.details["python_versions"] == ["3.9", "3.10", "3.11", "3.12"]
    assert signal.details["runs_tests"] is True
    assert Location(".github/workflows/ci.yml", 16) in signal.evidence


@pytest.mark.parametrize(("path", "text", "provider", "versions", "tests"), [
    pytest.param(".gitlab-ci.yml", "test:\n  image: python:3.12-slim\n  script:\n    - tox\n",
                 "GitLab CI", ["3.12"], True, id="gitlab-image-and-tox"),
    pytest.param(".circleci/config.yml",
                 "jobs:\n  build:\n    docker:\n      - image: cimg/python:3.11\n"
                 "    steps:\n      - checkout\n      - run:\n          command: make test\n",
                 "CircleCI", ["3.11"], True, id="circleci-make-test"),
    pytest.param("azure-pipelines.yml", "steps:\n- script: python -m unittest discover\n",
                 "Azure Pipelines", [], True, id="azure-unittest"),
    pytest.param("Jenkinsfile", "pipeline { stages { stage('t') { steps { sh 'nox' } } } }\n",
                 "Jenkins", [], True, id="jenkins-groovy-read-as-text"),
    pytest.param(".github/workflows/lint.yml", "on: push\njobs:\n  l:\n    steps:\n"
                 "      - run: pip install ruff\n      - run: ruff check .\n",
                 "GitHub Actions", [], False, id="lint-only-workflow-runs-no-tests"),
])
def test_providers(path: str, text: str, provider: str, versions: list[str], tests: bool) -> None:
    """Each CI service is recognised at its conventional path, with versions and test steps."""
    signal = signal_of(Repo.from_files({path: text, **A_TEST}), "ci")
    assert signal.details["providers"] == [{"name": provider, "legacy": False}]
    assert signal.details["python_versions"] == versions
    assert signal.details["runs_tests"] is tests


RYE = """\
jobs:
  test:
    steps:
      - uses: eifinger/setup-rye@v4
      - run: rye sync
      - run: rye run lint
      - run: rye run test
"""


def test_project_task_runners_run_the_tests() -> None:
    """rye, pdm and hatch run the project's own test script: a test step, at its line."""
    for runner in ("rye run test", "rye test", "pdm run tests", "hatch run cov:tests"):
        text = RYE.replace("rye run test", runner)
        signal = signal_of(Repo.from_files({".github/workflows/ci.yml": text, **A_TEST}), "ci")
        assert signal.details["runs_tests"] is True, runner
        assert signal.evidence[0] == Location(".github/workflows/ci.yml", 7), runner
    lint_only = RYE.replace("rye run test", "rye run check")
    signal = signal_of(Repo.from_files({".github/workflows/ci.yml": lint_only, **A_TEST}), "ci")
    assert signal.details["runs_tests"] is False


def test_a_test_step_without_tests_runs_no_tests() -> None:
    """A pytest step in a repository with no test file tests nothing: no green flag."""
    files = {".github/workflows/ci.yml": WORKFLOW, "monitor.py": "print('up')\n"}
    signal = signal_of(Repo.from_files(files), "ci")
    assert signal.value == 1
    assert signal.details["runs_tests"] is False
    assert signal.summary.endswith("a test step, but no test files for it to run.")
    assert signal.evidence == (Location(".github/workflows/ci.yml", 1),)
    doctests = WORKFLOW.replace("python -m pytest -q", "python -m pytest --doctest-modules")
    signal = signal_of(Repo.from_files({**files, ".github/workflows/ci.yml": doctests}), "ci")
    assert signal.details["runs_tests"] is True


def test_travis_is_a_legacy_service() -> None:
    """A .travis.yml alone is CI on a service most projects have left."""
    travis = "language: python\npython:\n  - 2.7\n  - 3.6\nscript: nosetests\n"
    signal = signal_of(Repo.from_files({".travis.yml": travis}), "ci")
    assert signal.value == 1
    assert signal.details["legacy_only"] is True
    assert signal.details["python_versions"] == ["2.7", "3.6"]
    assert "legacy" in signal.summary


def test_no_ci_and_broken_yaml() -> None:
    """No CI file gives 0; an unreadable workflow still counts as CI and is listed."""
    assert signal_of(Repo.from_files({"a.py": ""}), "ci").value == 0
    broken = signal_of(Repo.from_files({".github/workflows/x.yml": "a: [b\n"}), "ci")
    assert broken.value == 1
    assert broken.details["unreadable"] == [".github/workflows/x.yml"]


def test_alias_bomb_is_bounded() -> None:
    """A YAML alias bomb does not make the scan walk an exponential tree."""
    lines = ["a0: &a0 [pytest, pytest]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 30)]
    signal = signal_of(Repo.from_files({".gitlab-ci.yml": "\n".join(lines) + "\n"}), "ci")
    assert signal.value == 1


FOLDED = """\
jobs:
  docs:
    steps:
      - run: tox -e docs
  tests:
    strategy:
      matrix:
        python-version: [pypy-3.10, "3.13"]
    steps:
      - run: >
          uvx --with=tox-uv
          tox run
          -e py313-tests
"""


def test_test_step_preferred_and_folded_lines_located() -> None:
    """A step naming tests beats "tox -e docs"; a folded command points at its own line."""
    signal = signal_of(Repo.from_files({".github/workflows/ci.yml": FOLDED, **A_TEST}), "ci")
    assert signal.details["python_versions"] == ["3.13", "pypy3.10"]
    assert signal.evidence == (
        Location(".github/workflows/ci.yml", 13), Location(".github/workflows/ci.yml", 1),
    )


def test_yaml_tags_are_never_constructed(tmp_path: Path) -> None:
    """A python/object tag is refused by the safe loader: nothing runs, the file is unreadable."""
    marker = tmp_path / "pwned"
    text = f"jobs: !!python/object/apply:os.system ['touch {marker}']\n"
    signal = signal_of(Repo.from_files({".github/workflows/x.yml": text}), "ci")
    assert signal.details["unreadable"] == [".github/workflows/x.yml"]
    assert not marker.exists()
