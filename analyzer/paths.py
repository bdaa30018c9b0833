"""What a path in a repository is: vendored, generated, test code, test data or production.

Pure functions of the path, so every layer (walking, checks, reports) agrees.
"""

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import cache
from pathlib import PurePosixPath

# Trees nobody wrote by hand: installed packages, build output, caches, editor copies.
# (``vendor``/``third_party`` folders are judged by content: ``analyzer.vendoring``.)
VENDORED_DIRS = frozenset({
    "venv", ".venv", "virtualenv", "site-packages", "dist-packages", "node_modules",
    "__pycache__", ".tox", ".nox", ".eggs", "build", "dist", "bower_components",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints", ".idea",
})
TEST_DIRS = frozenset({"test", "tests", "testing", "unittests", "typesafety"})
# Qualified test folders: unit_tests, integration_tests, typing_tests, tests_e2e.
_QUALIFIED_TEST_DIR = re.compile(r"^(?:[a-z0-9]+_)+tests?$|^tests?_[a-z0-9_]+$")
# Inputs *for* tests (a linter's sample programs, golden files): never production code.
TEST_DATA_DIRS = frozenset({"testdata", "test_data", "fixtures", "test_fixtures"})
TEST_DATA_UNDER_TESTS = frozenset({"data", "inputs", "samples", "cases", "resources"})
# Code that shows how to use the product (flask's examples/flaskr) rather than being it.
EXAMPLE_DIRS = frozenset({"examples", "example", "docs", "doc", "docs_src"})
_EXAMPLE_CODE_DIRS = frozenset({"examples", "example"})
DOCS_DIRS = frozenset({"docs", "doc", "docs_src"})
_GENERATED_FILE = re.compile(r"(_pb2(_grpc)?\.py|_pb2\.pyi)$")
_TEST_FILE = re.compile(r"^(test_.*|.*_test|conftest|tests?)\.py$")


class TreeKind(StrEnum):
    """What a vendored or generated tree is, so hygiene can tell clutter from vendoring."""

    VIRTUALENV = "virtualenv"
    INSTALLED = "installed packages"
    BYTECODE = "bytecode cache"
    BUILD = "build output"
    NODE_MODULES = "node_modules"
    TOOL_CACHE = "tool cache"
    EDITOR = "editor files"  # .idea/ settings, Jupyter's .ipynb_checkpoints/ copies
    VENDORED = "vendored code"


_KIND_OF_DIR = {
    "venv": TreeKind.VIRTUALENV, ".venv": TreeKind.VIRTUALENV, "virtualenv": TreeKind.VIRTUALENV,
    "site-packages": TreeKind.INSTALLED, "dist-packages": TreeKind.INSTALLED,
    "__pycache__": TreeKind.BYTECODE, "build": TreeKind.BUILD, "dist": TreeKind.BUILD,
    ".eggs": TreeKind.BUILD, "node_modules": TreeKind.NODE_MODULES,
    "bower_components": TreeKind.NODE_MODULES, ".ipynb_checkpoints": TreeKind.EDITOR,
    ".idea": TreeKind.EDITOR,
}
TREE_REASON = "vendored or generated tree"
_TREE_REASON = re.compile(re.escape(TREE_REASON) + r": (?P<kind>[^(]+) \(")


class Role(StrEnum):
    """What a file is to the candidate's product; the order is the order evidence is shown in."""

    PRODUCTION = "production"
    TEST = "test"
    NOTEBOOK = "notebook"  # analysed, but reported apart: never in production figures
    EXAMPLE = "example"  # examples and documentation code: reported apart, never production
    TEST_DATA = "test_data"


def venv_roots(paths: Iterable[str]) -> frozenset[str]:
    """Directories (``dir/``) holding a ``pyvenv.cfg``: virtualenvs, whatever their name."""
    return frozenset(
        path.removesuffix("pyvenv.cfg") for path in paths if path.endswith("/pyvenv.cfg")
    )


def vendored_root(path: str, venvs: frozenset[str] = frozenset()) -> str | None:
    """The top vendored directory containing ``path`` (with a trailing slash), if any."""
    parts = PurePosixPath(path).parts[:-1]
    for index, part in enumerate(parts):
        top = "/".join(parts[: index + 1]) + "/"
        if part in VENDORED_DIRS or part.endswith((".egg-info", ".dist-info")) or top in venvs:
            return top
    return None


def tree_kind(top: str, venvs: frozenset[str] = frozenset()) -> TreeKind:
    """What the vendored tree ``top`` (as ``vendored_root`` gives it) holds."""
    name = PurePosixPath(top).name
    if top in venvs:
        return TreeKind.VIRTUALENV
    if name.endswith(".egg-info"):
        return TreeKind.BUILD
    if name.endswith(".dist-info"):
        return TreeKind.INSTALLED
    if (name.startswith(".") and name.endswith("_cache")) or name in {".tox", ".nox"}:
        return TreeKind.TOOL_CACHE
    return _KIND_OF_DIR.get(name, TreeKind.VENDORED)


def tree_reason(kind: TreeKind, files: int, why: str = "") -> str:
    return f"{TREE_REASON}: {kind} ({files:,} files{'; ' + why if why else ''})"


def kind_of_reason(reason: str) -> TreeKind | None:
    """The ``TreeKind`` a reason written by ``tree_reason`` names (None for other reasons)."""
    found = _TREE_REASON.match(reason)
    return TreeKind(found["kind"]) if found else None


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


@cache  # asked for every path by several checks' folds
def role(path: str) -> Role:
    """Whether a file is production code, test code, data that tests read, or a notebook."""
    pure = PurePosixPath(path)
    dirs = [part.lower() for part in pure.parts[:-1]]
    if any(part in TEST_DATA_DIRS or part.startswith("test_data") for part in dirs):
        return Role.TEST_DATA
    if any(part in EXAMPLE_DIRS for part in dirs):
        return Role.EXAMPLE
    if pure.suffix.lower() == ".ipynb":
        return Role.NOTEBOOK
    for index, part in enumerate(dirs):
        if part in TEST_DIRS or _QUALIFIED_TEST_DIR.match(part):
            if any(later in TEST_DATA_UNDER_TESTS or later.startswith("data")
                   for later in dirs[index + 1 :]):
                return Role.TEST_DATA
            return Role.TEST
    if _TEST_FILE.match(pure.name.lower()):
        return Role.TEST
    return Role.PRODUCTION


def is_example_code(path: str) -> bool:
    """Under an examples folder (documentation code is never the product)."""
    dirs = [part.lower() for part in PurePosixPath(path).parts[:-1]]
    return bool(_EXAMPLE_CODE_DIRS.intersection(dirs)) and not DOCS_DIRS.intersection(dirs)


def without_example_dirs(path: str) -> str:
    """``path`` with its examples folders left out: how it reads when examples are the product."""
    *dirs, name = path.split("/")
    return "/".join([*(part for part in dirs if part.lower() not in _EXAMPLE_CODE_DIRS), name])
