from typing import cast

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of

PYPROJECT = """\
[project]
name = "x"

[project.optional-dependencies]
dev = ["pylint>=3", "mypy-extensions"]

[tool.ruff]
line-length = 100

[tool.mypy]
strict = true
"""
PRE_COMMIT = """\
repos:
  - repo: https://github.com/psf/black
    rev: 24.1.0
    hooks:
      - id: black
  - repo: local
    hooks:
      - id: pyright
"""


def test_tools_from_pyproject_and_pre_commit() -> None:
    """Tools are found in [tool.*] tables, dev dependencies and pre-commit hooks, with lines."""
    repo = Repo.from_files({"pyproject.toml": PYPROJECT, ".pre-commit-config.yaml": PRE_COMMIT})
    signal = signal_of(repo, "tooling")
    assert signal.details["tools"] == ["black", "mypy", "pre-commit", "pylint", "pyright", "ruff"]
    assert signal.value == 6
    assert signal.details["mypy_strict"] is True
    assert signal.details["pre_commit_hooks"] == ["black", "pyright"]
    where = cast("dict[str, str]", signal.details["where"])
    assert (where["ruff"], where["black"]) == ("pyproject.toml:7", ".pre-commit-config.yaml:5")
    assert Location("pyproject.toml", 10) in signal.evidence


@pytest.mark.parametrize(("files", "tools"), [
    pytest.param({"setup.cfg": "[flake8]\nmax-line-length = 100\n[tool:isort]\nprofile=black\n"},
                 ["flake8", "isort"], id="setup-cfg-sections"),
    pytest.param({"tox.ini": "[tox]\nenvlist = py312\n[mypy]\nstrict = True\n"}, ["mypy"],
                 id="tox-ini-mypy"),
    pytest.param({".flake8": "[flake8]\n", "ruff.toml": "", ".pylintrc": "[MASTER]\n"},
                 ["flake8", "pylint", "ruff"], id="dedicated-files"),
    pytest.param({"requirements-dev.txt": "black==24.1\nmypy-extensions\nisort\n"},
                 ["black", "isort"], id="dev-requirements"),
    pytest.param({"requirements.txt": "black\n"}, [], id="runtime-requirements-are-not-tooling"),
    pytest.param({"tests/data/.flake8": "[flake8]\n"}, [], id="test-data-is-ignored"),
])
def test_config_files(files: dict[str, str], tools: list[str]) -> None:
    """Each kind of configuration file is read as data."""
    assert signal_of(Repo.from_files(files), "tooling").details["tools"] == tools


def test_mypy_strict_in_ini_and_pyright_mode() -> None:
    """Strictness is read from mypy.ini and pyright's typeCheckingMode from its JSON."""
    repo = Repo.from_files({
        "mypy.ini": "[mypy]\nstrict = True\n",
        "pyrightconfig.json": '{"typeCheckingMode": "basic"}',
    })
    signal = signal_of(repo, "tooling")
    assert signal.details["mypy_strict"] is True
    assert signal.details["pyright_mode"] == "basic"
    assert "mypy (strict)" in signal.summary and "pyright (basic)" in signal.summary


def test_nothing_and_malformed() -> None:
    """No configuration gives 0; malformed files are skipped, not fatal."""
    repo = Repo.from_files({"pyproject.toml": "[tool.ruff\n", "setup.cfg": "not ini"})
    signal = signal_of(repo, "tooling")
    assert signal.value == 0
    assert signal.details["mypy_strict"] is None


def test_pyright_listed_as_dependency_has_no_mode() -> None:
    """pyright named only as a dev dependency is a tool, without a typeCheckingMode."""
    repo = Repo.from_files({"pyproject.toml": '[dependency-groups]\ndev = ["pyright"]\n'})
    signal = signal_of(repo, "tooling")
    assert signal.details["tools"] == ["pyright"]
    assert signal.details["pyright_mode"] is None
    assert signal.evidence == (Location("pyproject.toml", 2),)


def test_config_inside_tests_is_test_input() -> None:
    """A pyproject.toml under tests/ is a sample the tests read, not the project's tooling."""
    repo = Repo.from_files({"tests/examples/pyproject.toml": "[tool.black]\n"})
    assert signal_of(repo, "tooling").value == 0
