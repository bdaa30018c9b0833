"""The role archetype is weighed by what the code builds, not by what it imports."""

import json
from typing import cast

import pytest

from analyzer.repo import Repo
from tests.conftest import signal_of


def _notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "source": [c]} for c in cells]})


NUMPY_SCRIPTS = {f"data/prep{i}.py": "import numpy as np\nimport scipy\n" for i in range(6)}
GPT = {
    "model.py": "import torch\nimport torch.nn as nn\nclass GPT(nn.Module):\n    pass\n",
    "train.py": ("import torch\nfor x in data:\n    loss = model(x)\n    loss.backward()\n"
                 "    optimizer.step()\n    optimizer.zero_grad(set_to_none=True)\n"),
    "plots.ipynb": _notebook("import numpy as np\nimport matplotlib.pyplot as plt"),
}
ANALYSIS = {
    f"project{i}/analysis.ipynb": _notebook(
        "import pandas as pd\nimport numpy as np\nimport seaborn as sns",
        "from sklearn.linear_model import LinearRegression\nimport matplotlib.pyplot as plt")
    for i in range(3)
}
PIPELINE = {
    "dags/load.py": ("from airflow import DAG\nimport pandas as pd\nimport numpy as np\n"
                     "with DAG('load') as dag:\n    pass\n"),
    "sql/ddl.sql": "create table t (a int);\n",
    "sql/load.sql": "insert into t select 1;\n",
}
DBT = {"dbt_project.yml": "name: shop\n", **{f"models/m{i}.sql": "select 1\n" for i in range(4)}}
API = {
    "app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
    "app/routes.py": ("from fastapi import APIRouter\nrouter = APIRouter()\n"
                      "@router.get('/items/{id}')\ndef item(id: int): ...\n"),
    "scripts/stats.py": "import pandas as pd\nimport matplotlib.pyplot as plt\n",
}
AWS = {
    "ec2/cleanup.py": "import boto3\nec2 = boto3.client('ec2')\n",
    "lambda_function.py": "import json\ndef lambda_handler(event, context):\n    return {}\n",
    "Dockerfile": "FROM python:3.12\n",
}
DOCKER_IMAGE = {
    "Dockerfile": "FROM python:3.7\n", "docker-compose-Local.yml": "services: {}\n",
    "docker-compose-Celery.yml": "services: {}\n", "infra/main.tf": "provider \"aws\" {}\n",
    "dags/tuto.py": "from airflow import DAG\ndag = DAG('tutorial')\n",
}
LIBRARY = {
    "mongo/connection.py": "import tornado.ioloop\nimport tornado.iostream\n",
    "mongo/cursor.py": "from tornado import ioloop\nimport numpy\n",
    "mongo/pool.py": "import pydantic\nimport sqlalchemy\n",
}


@pytest.mark.parametrize(("files", "archetype", "evidence"), [
    pytest.param({**NUMPY_SCRIPTS, **GPT}, "ML engineering", ["model.py", "train.py"],
                 id="gpt-training-repo-numpy-decides-nothing"),
    pytest.param(ANALYSIS, "data science",
                 [f"project{i}/analysis.ipynb" for i in range(3)], id="analysis-notebooks"),
    pytest.param(PIPELINE, "data engineering", ["dags/load.py", "sql/ddl.sql", "sql/load.sql"],
                 id="airflow-dag-and-sql-files"),
    pytest.param(DBT, "data engineering",
                 ["dbt_project.yml", *[f"models/m{i}.sql" for i in range(4)]], id="dbt-sql-only"),
    pytest.param(API, "backend", ["app/main.py", "app/routes.py"], id="fastapi-routes"),
    pytest.param(AWS, "DevOps", ["ec2/cleanup.py", "lambda_function.py", "Dockerfile"],
                 id="boto3-and-lambda"),
    pytest.param(DOCKER_IMAGE, "DevOps",
                 ["Dockerfile", "docker-compose-Celery.yml", "docker-compose-Local.yml",
                  "infra/main.tf"], id="container-image-with-one-sample-dag"),
    pytest.param(LIBRARY, None, [], id="library-using-general-packages"),
    pytest.param({"dags/reddit.py": PIPELINE["dags/load.py"],
                  "extraction/upload.py": "import boto3\ns3 = boto3.client('s3')\n",
                  "terraform/main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n",
                  "terraform/redshift.tf": "resource \"aws_redshift_cluster\" \"r\" {}\n",
                  "docker-compose.yaml": "services:\n  airflow:\n    image: apache/airflow\n"},
                 "data engineering", ["dags/reddit.py", "extraction/upload.py"],
                 id="pipeline-on-s3-with-its-terraform-is-data-engineering"),
    pytest.param({"examples/etl/dags/d.py": PIPELINE["dags/load.py"],
                  "examples/etl/sql/a.sql": "select 1\n"},
                 "data engineering", ["examples/etl/dags/d.py", "examples/etl/sql/a.sql"],
                 id="examples-only-repository"),
])
def test_archetype_and_its_evidence(
    files: dict[str, str], archetype: str | None, evidence: list[str],
) -> None:
    signal = signal_of(Repo.from_files(files), "frameworks")
    assert signal.details["primary_archetype"] == archetype
    assert sorted(cast("list[str]", signal.details["archetype_evidence"])) == sorted(evidence)


def test_route_decorator_needs_a_url_path() -> None:
    """`@cache.get(key)` or `@d.get` is not an HTTP route; `@app.get("/")` is."""
    routes = "@cache.get(key)\ndef a(): ...\n@d.get\ndef b(): ...\n"
    repo = Repo.from_files({"a.py": routes, "b.py": routes, "c.py": routes})
    assert signal_of(repo, "frameworks").details["primary_archetype"] is None
    repo = Repo.from_files({"a.py": "@app.get('/')\ndef home(): ...\n"})
    assert signal_of(repo, "frameworks").details["primary_archetype"] == "backend"


def test_examples_do_not_decide_when_production_does() -> None:
    """A backend with an ML example folder is a backend."""
    files = {**API, **{f"examples/{k}": v for k, v in GPT.items()}}
    signal = signal_of(Repo.from_files(files), "frameworks")
    assert signal.details["primary_archetype"] == "backend"
    assert "ML engineering" not in signal.details["archetypes"]  # type: ignore[operator]
