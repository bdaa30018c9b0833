"""Which import names are frameworks, and which role archetype each points to.

Keys are top-level import names (what appears after ``import``), so ``sklearn``,
not ``scikit-learn``. Libraries every kind of project uses (requests, click) are
deliberately absent: they say nothing about the role.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.api import dotted

BACKEND, DATA, ML, DEVOPS = "backend web", "data engineering", "machine learning", "devops"

FRAMEWORKS: dict[str, tuple[str, str]] = {
    "django": ("Django", BACKEND), "rest_framework": ("Django REST framework", BACKEND),
    "fastapi": ("FastAPI", BACKEND), "flask": ("Flask", BACKEND),
    "starlette": ("Starlette", BACKEND), "litestar": ("Litestar", BACKEND),
    "sanic": ("Sanic", BACKEND), "tornado": ("Tornado", BACKEND),
    "pyramid": ("Pyramid", BACKEND), "falcon": ("Falcon", BACKEND),
    "sqlalchemy": ("SQLAlchemy", BACKEND), "sqlmodel": ("SQLModel", BACKEND),
    "alembic": ("Alembic", BACKEND), "pydantic": ("pydantic", BACKEND),
    "celery": ("Celery", BACKEND), "graphene": ("Graphene", BACKEND),
    "strawberry": ("Strawberry GraphQL", BACKEND), "aiohttp": ("aiohttp", BACKEND),
    "psycopg": ("psycopg", BACKEND), "psycopg2": ("psycopg2", BACKEND),
    "asyncpg": ("asyncpg", BACKEND), "redis": ("Redis client", BACKEND),
    "pandas": ("pandas", DATA), "polars": ("Polars", DATA), "pyspark": ("PySpark", DATA),
    "airflow": ("Airflow", DATA), "dagster": ("Dagster", DATA), "prefect": ("Prefect", DATA),
    "dbt": ("dbt", DATA), "luigi": ("Luigi", DATA), "dask": ("Dask", DATA),
    "pyarrow": ("PyArrow", DATA), "duckdb": ("DuckDB", DATA),
    "great_expectations": ("Great Expectations", DATA), "numpy": ("NumPy", DATA),
    "scipy": ("SciPy", DATA), "matplotlib": ("Matplotlib", DATA), "seaborn": ("seaborn", DATA),
    "torch": ("PyTorch", ML), "tensorflow": ("TensorFlow", ML), "keras": ("Keras", ML),
    "sklearn": ("scikit-learn", ML), "transformers": ("Hugging Face Transformers", ML),
    "datasets": ("Hugging Face Datasets", ML), "jax": ("JAX", ML), "flax": ("Flax", ML),
    "xgboost": ("XGBoost", ML), "lightgbm": ("LightGBM", ML), "catboost": ("CatBoost", ML),
    "lightning": ("Lightning", ML), "pytorch_lightning": ("Lightning", ML),
    "mlflow": ("MLflow", ML), "onnx": ("ONNX", ML),
    "ansible": ("Ansible", DEVOPS), "boto3": ("AWS SDK (boto3)", DEVOPS),
    "botocore": ("AWS SDK (botocore)", DEVOPS), "fabric": ("Fabric", DEVOPS),
    "kubernetes": ("Kubernetes client", DEVOPS), "docker": ("Docker SDK", DEVOPS),
    "paramiko": ("Paramiko", DEVOPS), "pulumi": ("Pulumi", DEVOPS),
    "cdktf": ("Terraform CDK", DEVOPS), "salt": ("Salt", DEVOPS),
    "invoke": ("Invoke", DEVOPS),
}


def summary(used: list[dict[str, object]], primary: str | None) -> str:
    if not used or primary is None:
        return "No well-known framework imported in production code or notebooks."
    main = [f"{u['name']} in {u['files']} file(s)" for u in used if u["archetype"] == primary]
    others = sorted({str(u["archetype"]) for u in used} - {primary})
    text = f"Points to {primary}: {', '.join(main[:4])}."
    return text + (f" Also {', '.join(others)}." if others else "")


@dataclass(frozen=True, slots=True)
class FileImports:
    first_line: tuple[tuple[str, int], ...]  # (framework import name, first line it is imported)


def top_name(node: cst.BaseExpression) -> str:
    return dotted(node).split(".", 1)[0]
