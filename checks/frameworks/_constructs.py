"""Framework constructs: code that does the job of a role, not only imports its library.

Each function looks at one node and names what it is (``(archetype, what)``) or
returns None. A construct weighs more than an import: `class GPT(nn.Module)` is ML
engineering in a way that `import torch` in a plotting script is not.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import libcst as cst

from analyzer.api import dotted
from checks.frameworks._catalogue import BACKEND, DATA, DEVOPS, ML

Construct = tuple[str, str]  # (archetype, what a recruiter reads)

_ML_BASES = {"nn.Module", "torch.nn.Module", "LightningModule", "keras.Model", "tf.keras.Model",
             "keras.layers.Layer", "tf.Module", "nnx.Module", "eqx.Module"}
_BACKEND_BASES = {"APIView", "TemplateView", "ListView", "DetailView", "CreateView",
                  "UpdateView", "DeleteView", "FormView", "ViewSet", "ModelViewSet",
                  "GenericViewSet", "RequestHandler", "MethodView", "ModelSerializer",
                  "ModelForm", "FlaskForm", "ModelAdmin", "AbstractUser", "AbstractBaseUser",
                  "SQLModel", "DeclarativeBase"}
_MODELS = {"models.Model", "db.Model"}
_OPERATORS = {"BaseOperator", "BaseHook", "BaseSensorOperator"}
_VERBS = {"route", "get", "post", "put", "patch", "delete", "websocket", "api_route"}
# AWS services that hold or move data: a client of one is pipeline work, not operations.
_AWS_DATA = {"s3", "redshift", "redshift-data", "glue", "athena", "kinesis", "firehose", "emr",
             "emr-serverless", "lakeformation", "dynamodbstreams", "timestream-write"}
_APPS = {"FastAPI", "Flask", "APIRouter", "Blueprint", "Starlette", "Litestar", "Sanic"}


def of_class(node: cst.ClassDef) -> Construct | None:
    for base in node.bases:
        name = dotted(base.value)
        short = name.rsplit(".", 1)[-1]
        if name in _ML_BASES or short == "LightningModule":
            return ML, "neural-network module"
        if name in _MODELS:
            return BACKEND, "ORM model"
        if short in _BACKEND_BASES:
            return BACKEND, "web view, model or form"
        if short in _OPERATORS:
            return DATA, "Airflow operator or hook"
    return None


# Methods whose calls the check marks: the measure each one counts under.
TRAINING_CALLS = {"backward": "backward", "step": "optimizer_step", "zero_grad": "optimizer_step"}


def _path_argument(call: cst.Call) -> bool:
    """The first argument is a URL path literal: ``"/items/{id}"``, ``""``."""
    first = call.args[0].value if call.args else None
    if not isinstance(first, cst.SimpleString):
        return False
    value = first.evaluated_value
    return isinstance(value, str) and (value == "" or value.startswith("/"))


def of_decorator(decorator: cst.Decorator) -> Construct | None:
    target = decorator.decorator
    func = target.func if isinstance(target, cst.Call) else target
    name = dotted(func)
    if isinstance(target, cst.Call) and isinstance(func, cst.Attribute) and (
            func.attr.value in _VERBS and _path_argument(target)):
        return BACKEND, "HTTP route"
    if name == "api_view":
        return BACKEND, "HTTP route"
    if name in ("dag", "airflow.decorators.dag"):
        return DATA, "pipeline DAG"
    return None


def of_call(call: cst.Call) -> Construct | None:
    name = dotted(call.func)
    short = name.rsplit(".", 1)[-1]  # last_name, without a second dotted()
    if short == "DAG":
        return DATA, "pipeline DAG"
    if name.startswith(("SparkSession.builder.", "pyspark.sql.SparkSession.builder.")):
        return DATA, "Spark job"
    if name.startswith("boto3.") and short in ("client", "resource", "Session"):
        service = call.args[0].value if call.args else None
        if isinstance(service, cst.SimpleString) and service.evaluated_value in _AWS_DATA:
            return DATA, "AWS data service client"
        return DEVOPS, "AWS API client"
    if name.startswith(("torch.optim.", "optim.")) and short[:1].isupper():
        return ML, "optimizer"
    if short in _APPS and name in _APPS | {f"{n.lower()}.{n}" for n in _APPS}:
        return BACKEND, "web application"
    return None


def of_function(node: cst.FunctionDef, in_class: bool) -> Construct | None:
    params = [p.name.value for p in node.params.params]
    if params[-2:] == ["event", "context"]:
        return DEVOPS, "AWS Lambda handler"
    if in_class and node.name.value == "backward":
        return ML, "gradient computation"
    return None


def of_file(path: str) -> Construct | None:
    """Files that are not Python but decide a role: SQL, dbt, containers, infrastructure."""
    name = PurePosixPath(path).name.lower()
    if name.endswith(".sql"):
        return DATA, "SQL file"
    if name == "dbt_project.yml":
        return DATA, "dbt project"
    if name.startswith("dockerfile") or name.endswith(".dockerfile"):
        return DEVOPS, "Dockerfile"
    if re.fullmatch(r"(docker-)?compose[\w.-]*\.ya?ml", name):
        return DEVOPS, "Compose file"
    if name.endswith((".tf", ".tfvars")):
        return DEVOPS, "Terraform"
    if name.endswith(".sh"):
        return DEVOPS, "shell script"
    return None
