from typing import cast

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from analyzer.score import Level, score
from tests.conftest import signal_of
from tests.notebook import notebook


@pytest.mark.parametrize(("source", "name"), [
    pytest.param("import django\n", "Django", id="import"),
    pytest.param("from django.db import models\n", "Django", id="from-submodule"),
    pytest.param("import torch.nn as nn\n", "PyTorch", id="dotted-alias"),
    pytest.param("from sklearn.linear_model import Ridge\n", "scikit-learn", id="import-name"),
])
def test_framework_imports_are_recognised(source: str, name: str) -> None:
    """A framework is found by its top-level import name, whatever the import form."""
    signal = signal_of(Repo.from_files({"app.py": source}), "frameworks")
    assert signal.value == 1
    assert [u["name"] for u in signal.details["frameworks"]] == [name]  # type: ignore[attr-defined]
    assert signal.evidence == (Location("app.py", 1),)


def test_relative_and_unknown_imports_are_ignored() -> None:
    """Relative imports of a local module named like a framework, and generic libraries, are out."""
    source = "from .django import x\nimport requests\nimport click\n"
    assert signal_of(Repo.from_files({"app.py": source}), "frameworks").value == 0


def test_depth_decides_the_archetype() -> None:
    """The archetype follows where the code goes deep, not a single stray import."""
    repo = Repo.from_files({
        "shop/models.py": "from django.db import models\nclass Shop(models.Model): ...\n",
        "shop/views.py": "\nfrom django.http import HttpResponse\n",
        "shop/tasks.py": "import celery\nimport django\n",
        "scripts/report.py": "import airflow\n",
        "tests/test_shop.py": "import torch\n",
    })
    signal = signal_of(repo, "frameworks")
    assert signal.details["primary_archetype"] == "backend"
    assert signal.details["archetypes"] == {"backend": 5, "data engineering": 1}
    assert signal.details["archetype_evidence"] == [
        "shop/models.py", "shop/tasks.py", "shop/views.py"]
    assert signal.details["frameworks"][0] == {  # type: ignore[index]
        "name": "Django", "archetype": "backend", "files": 3,
    }
    assert signal.details["shallow"] == ["Airflow", "Celery"]
    assert signal.evidence[0] == Location("shop/models.py", 1)


def test_test_data_notebooks_are_not_the_candidates_skills() -> None:
    """Notebooks count, but not those under fixtures/ or tests/data (inputs for tests)."""
    notebook = '{"cells": [{"cell_type": "code", "source": ["import pandas"]}]}'
    repo = Repo.from_files({"analysis.ipynb": notebook, "fixtures/x/repo/nb.ipynb": notebook})
    signal = signal_of(repo, "frameworks")
    assert signal.details["frameworks"] == [
        {"name": "pandas", "archetype": None, "files": 1}
    ]
    assert [loc.path for loc in signal.evidence] == ["analysis.ipynb"]


def test_many_shallow_frameworks_raise_a_yellow_flag_but_no_points() -> None:
    """Four frameworks each imported once is the 'lists every framework' pattern."""
    repo = Repo.from_files({
        f"m{i}.py": f"import {name}\n"
        for i, name in enumerate(["django", "flask", "fastapi", "pyramid"])
    })
    signal = signal_of(repo, "frameworks")
    result = score([signal])
    assert result.contributions == {"frameworks": None}
    assert [f.level for f in result.flags] == [Level.YELLOW]


def test_on_a_tie_the_work_spread_over_more_files_wins() -> None:
    """One small Flask API (a route: weight 3) beside three scikit-learn notebooks (3 x 1):
    the portfolio's dominant kind of work is data science, whatever the archetypes' order."""
    notebook = '{"cells": [{"cell_type": "code", "source": ["from sklearn import svm"]}]}'
    repo = Repo.from_files({
        "api/main.py": "from flask import Flask\napp = Flask(__name__)\n"
                       "@app.route('/predict')\ndef predict(): ...\n",
        **{f"project{i}/analysis.ipynb": notebook for i in range(3)},
    })
    signal = signal_of(repo, "frameworks")
    assert signal.details["archetypes"] == {"backend": 3, "data science": 3}
    assert signal.details["primary_archetype"] == "data science"


def test_a_python2_notebook_portfolio_still_shows_its_skills() -> None:
    """dformoso/sklearn-classification: a Python 2 notebook (print statements) does not parse
    as Python 3, yet its pandas, seaborn and scikit-learn imports are its skills."""
    cells = ("import pandas as pd\nimport seaborn as sns\nfrom sklearn.svm import SVR\n",
             "print df.describe()\n")
    signal = signal_of(Repo.from_files({"analysis.ipynb": notebook(*cells)}), "frameworks")
    assert signal.details["primary_archetype"] == "data science"
    used = cast("list[dict[str, object]]", signal.details["frameworks"])
    assert {f["name"] for f in used} >= {"pandas", "scikit-learn"}


def test_one_general_framework_reads_as_one() -> None:
    signal = signal_of(Repo.from_files({"a.py": "import dask\n"}), "frameworks")
    assert signal.summary == "No role archetype stands out: Dask decides no role alone."
