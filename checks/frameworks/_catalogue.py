"""Which import names are frameworks, and which role archetype each points to.

Keys are import names (what appears after ``import``), so ``sklearn``, not
``scikit-learn``; a dotted key is a submodule that says more than its package.
Libraries every kind of project uses (requests, click) are deliberately absent.
"""

from __future__ import annotations

import libcst as cst

from analyzer.api import dotted

BACKEND, DATA, SCIENCE = "backend", "data engineering", "data science"
ML, DEVOPS = "ML engineering", "DevOps"
ARCHETYPES = (BACKEND, DATA, SCIENCE, ML, DEVOPS)

# None: general scientific or data libraries every archetype uses; they decide nothing.
# A dotted key is a submodule that means more than its package (tornado.web vs tornado.ioloop).
FRAMEWORKS: dict[str, tuple[str, str | None]] = {
    "django": ("Django", BACKEND), "rest_framework": ("Django REST framework", BACKEND),
    "fastapi": ("FastAPI", BACKEND), "flask": ("Flask", BACKEND),
    "starlette": ("Starlette", BACKEND), "litestar": ("Litestar", BACKEND),
    "sanic": ("Sanic", BACKEND), "tornado": ("Tornado", None),
    "tornado.web": ("Tornado web", BACKEND), "werkzeug": ("Werkzeug", BACKEND),
    "pyramid": ("Pyramid", BACKEND), "falcon": ("Falcon", BACKEND), "bottle": ("Bottle", BACKEND),
    "sqlalchemy": ("SQLAlchemy", None), "sqlmodel": ("SQLModel", BACKEND),
    "alembic": ("Alembic", BACKEND), "pydantic": ("pydantic", None),
    "celery": ("Celery", BACKEND), "graphene": ("Graphene", BACKEND),
    "strawberry": ("Strawberry GraphQL", BACKEND), "aiohttp": ("aiohttp", None),
    "psycopg": ("psycopg", None), "psycopg2": ("psycopg2", None),
    "asyncpg": ("asyncpg", None), "redis": ("Redis client", None),
    "pandas": ("pandas", None), "polars": ("Polars", None), "pyspark": ("PySpark", DATA),
    "airflow": ("Airflow", DATA), "dagster": ("Dagster", DATA), "prefect": ("Prefect", DATA),
    "dbt": ("dbt", DATA), "luigi": ("Luigi", DATA), "dask": ("Dask", None),
    "pyarrow": ("PyArrow", DATA), "duckdb": ("DuckDB", DATA), "snowflake": ("Snowflake", DATA),
    "great_expectations": ("Great Expectations", DATA), "numpy": ("NumPy", None),
    "scipy": ("SciPy", None), "matplotlib": ("Matplotlib", None), "seaborn": ("seaborn", None),
    "plotly": ("Plotly", None), "statsmodels": ("statsmodels", SCIENCE),
    "sklearn": ("scikit-learn", SCIENCE), "xgboost": ("XGBoost", SCIENCE),
    "lightgbm": ("LightGBM", SCIENCE), "catboost": ("CatBoost", SCIENCE),
    "torch": ("PyTorch", ML), "tensorflow": ("TensorFlow", ML), "keras": ("Keras", ML),
    "transformers": ("Hugging Face Transformers", ML),
    "datasets": ("Hugging Face Datasets", ML), "jax": ("JAX", ML), "flax": ("Flax", ML),
    "lightning": ("Lightning", ML), "pytorch_lightning": ("Lightning", ML),
    "mlflow": ("MLflow", ML), "onnx": ("ONNX", ML), "bentoml": ("BentoML", ML),
    "ansible": ("Ansible", DEVOPS), "boto3": ("AWS SDK (boto3)", DEVOPS),
    "botocore": ("AWS SDK (botocore)", DEVOPS), "fabric": ("Fabric", DEVOPS),
    "kubernetes": ("Kubernetes client", DEVOPS), "docker": ("Docker SDK", DEVOPS),
    "paramiko": ("Paramiko", DEVOPS), "pulumi": ("Pulumi", DEVOPS),
    "cdktf": ("Terraform CDK", DEVOPS), "salt": ("Salt", DEVOPS),
    "invoke": ("Invoke", DEVOPS),
}
PLOTS = frozenset({"matplotlib", "seaborn", "plotly"})


def lookup(module: str) -> str | None:
    """The catalogue key of an imported module: its longest listed dotted prefix."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in FRAMEWORKS:
            return ".".join(parts[:end])
    return None


def module_name(node: cst.BaseExpression) -> str | None:
    return lookup(dotted(node))
