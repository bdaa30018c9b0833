"""What a path in a repository is: vendored, generated, test code, test data or production.

Pure functions of the path, so every layer (walking, checks, reports) agrees.
"""

import re
from enum import StrEnum
from pathlib import PurePosixPath

# Trees nobody wrote by hand: installed packages, build output, caches.
VENDORED_DIRS = frozenset({
    "venv", ".venv", "virtualenv", "site-packages", "dist-packages", "node_modules",
    "__pycache__", ".tox", ".nox", ".eggs", "build", "dist", "_vendor", "vendor",
    "third_party", "bower_components", ".mypy_cache", ".pytest_cache", ".ruff_cache",
})
TEST_DIRS = frozenset({"test", "tests", "testing", "unittests", "unit_tests"})
# Inputs *for* tests (a linter's sample programs, golden files): never production code.
TEST_DATA_DIRS = frozenset({"testdata", "test_data", "fixtures", "test_fixtures"})
TEST_DATA_UNDER_TESTS = frozenset({"data", "inputs", "samples", "cases", "resources"})
_GENERATED_FILE = re.compile(r"(_pb2(_grpc)?\.py|_pb2\.pyi)$")
_TEST_FILE = re.compile(r"^(test_.*|.*_test|conftest|tests?)\.py$")


class Role(StrEnum):
    PRODUCTION = "production"
    TEST = "test"
    TEST_DATA = "test_data"
    NOTEBOOK = "notebook"  # analysed, but reported apart: never in production figures


def vendored_root(path: str) -> str | None:
    """The top vendored directory containing ``path`` (with a trailing slash), if any."""
    parts = PurePosixPath(path).parts[:-1]
    for index, part in enumerate(parts):
        if part in VENDORED_DIRS or part.endswith(".egg-info"):
            return "/".join(parts[: index + 1]) + "/"
    return None


def generated_reason(path: str) -> str | None:
    """Why ``path`` is machine-written (protobuf stubs, database migrations), if it is."""
    pure = PurePosixPath(path)
    if _GENERATED_FILE.search(pure.name):
        return "generated: protocol buffers"
    parents = pure.parts[:-1]
    if "migrations" in parents and pure.suffix == ".py" and pure.name != "__init__.py":
        return "generated: database migration"
    if len(parents) >= 2 and parents[-1] == "versions" and "alembic" in parents:
        return "generated: database migration"
    return None


def role(path: str) -> Role:
    """Whether a file is production code, test code, data that tests read, or a notebook."""
    pure = PurePosixPath(path)
    dirs = [part.lower() for part in pure.parts[:-1]]
    if any(part in TEST_DATA_DIRS for part in dirs):
        return Role.TEST_DATA
    if pure.suffix.lower() == ".ipynb":
        return Role.NOTEBOOK
    for index, part in enumerate(dirs):
        if part in TEST_DIRS:
            if any(later in TEST_DATA_UNDER_TESTS for later in dirs[index + 1 :]):
                return Role.TEST_DATA
            return Role.TEST
    if _TEST_FILE.match(pure.name.lower()):
        return Role.TEST
    return Role.PRODUCTION
