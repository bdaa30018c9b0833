import json

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of


def notebook(*cells: str, language: str = "python") -> str:
    """A minimal nbformat-4 notebook whose code cells hold ``cells``."""
    return json.dumps({
        "cells": [{"cell_type": "markdown", "source": ["# Title\n"]}]
        + [{"cell_type": "code", "source": c.splitlines(keepends=True)} for c in cells],
        "metadata": {"kernelspec": {"language": language}}, "nbformat": 4,
    })


def test_share_of_code_lines_in_notebooks() -> None:
    """Notebook code lines are compared with production .py lines."""
    repo = Repo.from_files({
        "analysis.ipynb": notebook("import pandas as pd\n\ndf = pd.read_csv('x')\n", "df.head()"),
        "pkg/core.py": "\n".join(f"X{i} = {i}" for i in range(97)) + "\n",
    })
    signal = signal_of(repo, "notebooks")
    assert signal.value == 0.03
    assert signal.details["code_cells"] == 2
    assert signal.details["notebooks"] == 1
    assert signal.details["notebooks_only"] is False
    assert signal.evidence == (Location("analysis.ipynb"),)


def test_build_scripts_docs_and_tests_do_not_make_a_package() -> None:
    """setup.py, docs/conf.py, scripts/ and tests are not production code."""
    repo = Repo.from_files({
        "nb/explore.ipynb": notebook("x = 1\n", "print(x)\n"),
        "setup.py": "from setuptools import setup\n" * 40,
        "docs/conf.py": "project = 'x'\n" * 40,
        "scripts/fetch.py": "print(1)\n" * 40,
        "tests/test_x.py": "def test_x(): pass\n" * 40,
    })
    signal = signal_of(repo, "notebooks")
    assert (signal.value, signal.details["notebooks_only"]) == (1.0, True)


def test_trivial_helper_module_is_still_notebooks_only() -> None:
    """A ten-line helper module beside big notebooks does not make a package."""
    repo = Repo.from_files({
        "work.ipynb": notebook("\n".join(f"step{i}()" for i in range(300))),
        "helpers.py": "def step(): pass\n" * 10,
    })
    assert signal_of(repo, "notebooks").details["notebooks_only"] is True


@pytest.mark.parametrize("text", [
    pytest.param("{not json", id="malformed"),
    pytest.param("[1, 2]", id="not-an-object"),
    pytest.param('{"cells": 3}', id="cells-not-a-list"),
    pytest.param("[" * 100_000 + "]" * 100_000, id="deeply-nested"),
])
def test_broken_notebook_is_counted_not_fatal(text: str) -> None:
    """A notebook that is not a valid document is listed as broken, never a crash."""
    repo = Repo.from_files({"bad.ipynb": text, "app.py": "x = 1\n"})
    signal = signal_of(repo, "notebooks")
    assert signal.details["broken"] == ["bad.ipynb"]
    assert signal.value is None


def test_other_kernels_and_test_data_are_not_python_notebooks() -> None:
    """An R notebook and a notebook under fixtures/ hold no Python to count."""
    repo = Repo.from_files({
        "r.ipynb": notebook("library(dplyr)\n", language="R"),
        "fixtures/sample.ipynb": notebook("x = 1\n"),
        "app.py": "x = 1\n",
    })
    signal = signal_of(repo, "notebooks")
    assert (signal.value, signal.details["notebooks"]) == (None, 0)


def test_old_nbformat_3_worksheets() -> None:
    """nbformat 3 kept code in worksheets under ``input``."""
    text = json.dumps({"worksheets": [{"cells": [{"cell_type": "code", "input": ["a = 1\n"]}]}]})
    assert signal_of(Repo.from_files({"old.ipynb": text}), "notebooks").value == 1.0


def test_no_notebooks_is_not_applicable() -> None:
    """A repository without notebooks gets no value, so it earns no points for it."""
    signal = signal_of(Repo.from_files({"app.py": "x = 1\n"}), "notebooks")
    assert (signal.value, signal.details["python_lines"]) == (None, 1)
