from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from analyzer.walk import build_repo
from checks.python_version._rules import (
    KEYWORDS,
    METHODS,
    QUALIFIED,
    SYNTAX,
    Version,
    dotted,
    rule_count,
)
from tests.conftest import signal_of, signals_of

CASES = [
    # syntax, oldest first
    pytest.param("def f():\n    x = 1\n    def g():\n        nonlocal x\n", "3.0", id="nonlocal"),
    pytest.param("def g():\n    yield from range(3)\n", "3.3", id="yield-from"),
    pytest.param("from unittest import mock\n", "3.3", id="unittest-mock"),
    pytest.param("import pathlib\n", "3.4", id="pathlib"),
    pytest.param("from typing import Optional\n", "3.5", id="typing"),
    pytest.param("import secrets\n", "3.6", id="secrets"),
    pytest.param("async def f():\n    pass\n", "3.5", id="async-def"),
    pytest.param("async def f():\n    await g()\n", "3.5", id="await"),
    pytest.param("c = a @ b\n", "3.5", id="matmul"),
    pytest.param("d = {**a, 'k': 1}\n", "3.5", id="dict-unpacking"),
    pytest.param("f(*a, *b)\n", "3.5", id="call-unpacking"),
    pytest.param("s = f'{x}'\n", "3.6", id="f-string"),
    pytest.param("n = 1_000_000\n", "3.6", id="underscores"),
    pytest.param("x: int = 1\n", "3.6", id="variable-annotation"),
    pytest.param("async def f():\n    return [x async for x in g()]\n", "3.6", id="async-comp"),
    pytest.param("from __future__ import annotations\n", "3.7", id="future-annotations"),
    pytest.param("if (n := len(a)) > 3:\n    pass\n", "3.8", id="walrus"),
    pytest.param("def f(a, /, b):\n    pass\n", "3.8", id="positional-only"),
    pytest.param("s = f'{x=}'\n", "3.8", id="f-string-equals"),
    pytest.param("def f():\n    return *a, *b\n", "3.8", id="starred-return"),
    pytest.param("def f():\n    yield *a, b\n", "3.8", id="starred-yield"),
    pytest.param("import functools\n@functools.lru_cache\ndef f(): pass\n", "3.8", id="bare-lru"),
    pytest.param("x = list[int]\n", "3.9", id="builtin-generic"),
    pytest.param("import collections.abc\nC = collections.abc.Callable[[int], str]\n", "3.9",
                 id="abc-generic"),
    pytest.param("merged = defaults | {'k': 1}\n", "3.9", id="dict-union"),
    pytest.param("@buttons[0].connect\ndef f(): pass\n", "3.9", id="relaxed-decorator"),
    pytest.param("match x:\n    case 1:\n        pass\n", "3.10", id="match"),
    pytest.param("X = int | None\n", "3.10", id="runtime-union"),
    pytest.param("isinstance(x, int | str)\n", "3.10", id="isinstance-union"),
    pytest.param("with (open(a) as f, open(b) as g):\n    pass\n", "3.9", id="paren-with"),
    pytest.param("try:\n    pass\nexcept* ValueError:\n    pass\n", "3.11", id="except-star"),
    pytest.param("x = a[*b]\n", "3.11", id="starred-subscript"),
    pytest.param("def first[T](xs):\n    return xs[0]\n", "3.12", id="pep695-def"),
    pytest.param("class Box[T]:\n    pass\n", "3.12", id="pep695-class"),
    pytest.param("type Pair = tuple[int, int]\n", "3.12", id="type-alias"),
    pytest.param('x = f"{d["k"]}"\n', "3.12", id="fstring-same-quotes"),
    pytest.param('x = f"{"\\n".join(a)}"\n', "3.12", id="fstring-backslash"),
    pytest.param("def f[T = int]():\n    pass\n", "3.13", id="pep696-default"),
    pytest.param("try:\n    pass\nexcept A, B:\n    pass\n", "3.14", id="pep758"),
    pytest.param("x = t'hi {name}'\n", "3.14", id="t-string"),
    # issue 11: generalized unpacking (3.5), a star anywhere but an assignment target
    pytest.param("row = [*head, last]\n", "3.5", id="pep448-list-display"),
    pytest.param("pair = (*left,)\n", "3.5", id="pep448-tuple-display"),
    pytest.param("tags = {*old, 'new'}\n", "3.5", id="pep448-set-display"),
    pytest.param("both = *front, back\n", "3.5", id="pep448-bare-tuple-value"),
    pytest.param("send(*parts, tail)\n", "3.5", id="pep448-positional-after-star"),
    pytest.param("build(**base, extra=1)\n", "3.5", id="pep448-keyword-after-double-star"),
    pytest.param("build(**base, **more)\n", "3.5", id="pep448-two-double-stars"),
    pytest.param("first, *rest = items\n", "3.0", id="star-target-is-3.0"),
    pytest.param("for head, *tail in rows:\n    pass\n", "3.0", id="star-for-target-is-3.0"),
    pytest.param("send(a, *parts, key=1, **opts)\n", "3.0", id="classic-call-stars"),
    pytest.param("send(key=1, *parts)\n", "3.0", id="keyword-before-star-is-old"),
    # async generators and comprehensions
    pytest.param("async def ticks():\n    yield 1\n", "3.6", id="async-generator"),
    pytest.param("async def outer():\n    def inner():\n        yield 1\n    await inner()\n",
                 "3.5", id="sync-generator-inside-async-def"),
    pytest.param("async def f():\n    return [await g(x) for x in xs]\n", "3.6",
                 id="await-in-comprehension"),
    pytest.param("rows = [r async for r in cursor]\n", "3.7", id="async-comp-outside-async-def"),
    pytest.param("rows = [await r for r in pending]\n", "3.7", id="await-comp-outside-async-def"),
    # control flow and exceptions
    pytest.param("for x in xs:\n    try:\n        pass\n    finally:\n        continue\n",
                 "3.8", id="continue-in-finally"),
    pytest.param("for x in xs:\n    try:\n        pass\n    finally:\n        for y in ys:\n"
                 "            continue\n", "3.0", id="continue-of-inner-loop-in-finally"),
    pytest.param("try:\n    go()\nexcept KeyError:\n    raise LookupError('x') from None\n",
                 "3.3", id="raise-from-none"),
    pytest.param("raise LookupError('x') from error\n", "3.0", id="raise-from-cause"),
    pytest.param("try:\n    go()\nexcept ModuleNotFoundError:\n    pass\n", "3.6",
                 id="module-not-found-caught"),
    pytest.param("raise ModuleNotFoundError('x')\n", "3.6", id="module-not-found-raised"),
    pytest.param("class ModuleNotFoundError(ImportError):\n    pass\n"
                 "raise ModuleNotFoundError('x')\n", "3.0", id="own-module-not-found"),
    # bytes formatting and dict unions
    pytest.param("packet = b'%d:%s' % (n, body)\n", "3.5", id="bytes-percent"),
    pytest.param("buf = bytearray(b'%x') % 255\n", "3.5", id="bytearray-percent"),
    pytest.param("text = '%d' % n\n", "3.0", id="str-percent-is-old"),
    pytest.param("base = {'a': 1}\nextra = dict(b=2)\nboth = base | extra\n", "3.9",
                 id="dict-union-of-names"),
    pytest.param("base = {}\nbase |= other\n", "3.9", id="dict-merge-into-known-dict"),
    pytest.param("acc = {}\nfor part in ({}, {'k': 1}):\n    acc |= part\n", "3.9",
                 id="dict-merge-loop-over-dicts"),
    pytest.param("flags = 0\nflags |= mask\n", "3.0", id="int-or-assign"),
    pytest.param("base = {}\nbase = 3\nx = base | 4\n", "3.0", id="rebound-dict-name"),
    pytest.param("merged = {'a': left, 'b': right} | 'join' >> CoGroupByKey()\n", "3.0",
                 id="beam-pipe-of-a-dict-is-no-union"),
    pytest.param("names = {'a': 1} | ['b']\n", "3.0", id="dict-or-list-is-no-union"),
    # with statements: parenthesised form by the documented switch (3.9)
    pytest.param("async def f():\n    async with (a() as x, b() as y):\n        pass\n", "3.9",
                 id="async-paren-with"),
    pytest.param("with open(a) as f, open(b) as g:\n    pass\n", "3.0", id="multi-with-no-parens"),
    # PEP 695 corner and keyword values
    pytest.param("class Box[T]:\n    type Maker = lambda: T\n", "3.13",
                 id="lambda-in-generic-class-alias"),
    pytest.param("class Box[T]:\n    type Item = list[T]\n", "3.12", id="plain-alias-in-class"),
    pytest.param("import argparse\np.add_argument('--x', action=argparse.BooleanOptionalAction)\n",
                 "3.9", id="boolean-optional-action"),
    # standard library, reached through every import form
    pytest.param("import dataclasses\n", "3.7", id="dataclasses"),
    pytest.param("import contextvars\n", "3.7", id="contextvars"),
    pytest.param("import asyncio\nasyncio.run(main())\n", "3.7", id="asyncio-run"),
    pytest.param("breakpoint()\n", "3.7", id="breakpoint"),
    pytest.param("from datetime import datetime\nd = datetime.fromisoformat(s)\n", "3.7",
                 id="fromisoformat"),
    pytest.param("import subprocess\nsubprocess.run(c, capture_output=True)\n", "3.7",
                 id="capture-output"),
    pytest.param("ok = s.isascii()\n", "3.7", id="isascii"),
    pytest.param("import importlib.metadata\n", "3.8", id="importlib-metadata"),
    pytest.param("from importlib import metadata\n", "3.8", id="importlib-metadata-from"),
    pytest.param("from functools import cached_property\n", "3.8", id="cached-property"),
    pytest.param("import math\nmath.isqrt(9)\n", "3.8", id="isqrt"),
    pytest.param("from typing import Literal\n", "3.8", id="literal"),
    pytest.param("from typing import Final\n", "3.8", id="final"),
    pytest.param("import typing\nclass P(typing.Protocol): pass\n", "3.8", id="protocol"),
    pytest.param("from typing import TypedDict\n", "3.8", id="typeddict"),
    pytest.param("from functools import cache\n", "3.9", id="cache"),
    pytest.param("import zoneinfo\n", "3.9", id="zoneinfo"),
    pytest.param("from graphlib import TopologicalSorter\n", "3.9", id="graphlib"),
    pytest.param("name = s.removeprefix('a')\n", "3.9", id="removeprefix"),
    pytest.param("name = s.removesuffix('a')\n", "3.9", id="removesuffix"),
    pytest.param("from typing import ParamSpec\n", "3.10", id="paramspec"),
    pytest.param("from typing import TypeAlias\n", "3.10", id="typealias"),
    pytest.param("from itertools import pairwise\n", "3.10", id="pairwise"),
    pytest.param("from dataclasses import dataclass\n@dataclass(slots=True)\nclass A: pass\n",
                 "3.10", id="dataclass-slots"),
    pytest.param("import dataclasses as dc\n@dc.dataclass(kw_only=True)\nclass A: pass\n",
                 "3.10", id="dataclass-kw-only"),
    pytest.param("pairs = zip(a, b, strict=True)\n", "3.10", id="zip-strict"),
    pytest.param("n = x.bit_count()\n", "3.10", id="bit-count"),
    pytest.param("import tomllib\n", "3.11", id="tomllib"),
    pytest.param("import asyncio as aio\nasync def f():\n    async with aio.TaskGroup() as g:\n"
                 "        pass\n", "3.11", id="taskgroup-alias"),
    pytest.param("from asyncio import TaskGroup\n", "3.11", id="taskgroup-from"),
    pytest.param("from typing import Self\n", "3.11", id="self"),
    pytest.param("from typing import LiteralString\n", "3.11", id="literalstring"),
    pytest.param("from typing import Never, assert_never\n", "3.11", id="never"),
    pytest.param("import typing\ntyping.reveal_type(x)\n", "3.11", id="reveal-type"),
    pytest.param("from enum import StrEnum\n", "3.11", id="strenum"),
    pytest.param("import datetime\nnow = datetime.datetime.now(datetime.UTC)\n", "3.11",
                 id="datetime-utc"),
    pytest.param("raise ExceptionGroup('x', [])\n", "3.11", id="exceptiongroup"),
    pytest.param("from typing import override\n", "3.12", id="override"),
    pytest.param("import itertools\nitertools.batched(a, 2)\n", "3.12", id="batched"),
    pytest.param("from pathlib import Path\nPath.walk(p)\n", "3.12", id="path-walk"),
    pytest.param("from warnings import deprecated\n", "3.13", id="deprecated"),
    pytest.param("import annotationlib\n", "3.14", id="annotationlib"),
    pytest.param("print('hello')\n", "3.0", id="nothing-new"),
    # annotations: evaluated at runtime unless deferred
    pytest.param("def f(x: list[int]) -> int | None: ...\n", "3.10", id="runtime-annotations"),
    pytest.param("def f(x: list[int]) -> None: ...\n", "3.9", id="runtime-generic-annotation"),
    pytest.param("from __future__ import annotations\ndef f(x: list[int]) -> int | None: ...\n",
                 "3.7", id="deferred-annotations"),
    pytest.param("def f(x: 'list[int]') -> 'int | None': ...\n", "3.0", id="string-annotations"),
    pytest.param("from __future__ import annotations\nX = int | None\n", "3.10",
                 id="module-union-despite-future"),
    pytest.param("def f():\n    x: int | None = None\n", "3.6", id="local-annotation-lazy"),
    # guards never raise the minimum
    pytest.param("import sys\nif sys.version_info >= (3, 11):\n    import tomllib\nelse:\n"
                 "    import tomli as tomllib\n", "3.0", id="guard-ge"),
    pytest.param("import sys\nif sys.version_info < (3, 11):\n    import tomli as tomllib\nelse:\n"
                 "    import tomllib\n", "3.0", id="guard-lt-else"),
    pytest.param("import sys\nif sys.version_info >= (3, 10):\n    match x:\n        case 1:\n"
                 "            pass\n", "3.0", id="guard-match"),
    pytest.param("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                 "    from typing import Self\n", "3.5", id="type-checking"),
    pytest.param("import typing\nif typing.TYPE_CHECKING:\n    from typing import Self\n", "3.5",
                 id="typing-type-checking"),
    pytest.param("try:\n    import tomllib\nexcept ImportError:\n    import tomli as tomllib\n",
                 "3.0", id="try-import"),
    pytest.param("try:\n    from asyncio import TaskGroup\nexcept ModuleNotFoundError:\n"
                 "    TaskGroup = None\n", "3.6", id="try-module-not-found-needs-3.6-itself"),
    pytest.param("PY311 = sys.version_info >= (3, 11)\nif PY311:\n    import tomllib\n", "3.0",
                 id="version-flag"),
    pytest.param("import asyncio\nif hasattr(asyncio, 'TaskGroup'):\n    g = asyncio.TaskGroup()\n",
                 "3.4", id="hasattr-guard"),
    pytest.param("import enum, sys\nif sys.version_info < (3, 11):\n    enum.StrEnum = enum.Enum\n"
                 "class Letter(enum.StrEnum):\n    A = 'a'\n", "3.4", id="polyfill"),
    # look-alikes that prove nothing
    pytest.param("x = a | b\n", "3.0", id="int-or"),
    pytest.param("def f(list):\n    return list[0]\n", "3.0", id="shadowed-list"),
    pytest.param("def breakpoint():\n    pass\nbreakpoint()\n", "3.0", id="own-breakpoint"),
    pytest.param("from typing_extensions import Self\n", "3.0", id="typing-extensions"),
    pytest.param("x = '{} {}'.format(a, b)\n", "3.0", id="format"),
]


def minimum(source: str) -> str:
    details = signal_of(Repo.from_files({"a.py": source}), "python_version").details
    return str(details["minimum"])


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_minimum_version(source: str, expected: str) -> None:
    """Each rule raises the minimum to its version, and guards and look-alikes do not."""
    assert minimum(source) == expected


def test_the_table_has_at_least_sixty_rules_and_cases() -> None:
    """The issue asks for 60 rules and 60 table cases."""
    assert rule_count() >= 60
    assert len(CASES) >= 60


def test_value_encodes_major_and_minor() -> None:
    """3.10 and 3.1 must not collide: the value is 100 * major + minor."""
    signal = signal_of(Repo.from_files({"a.py": "match x:\n    case 1:\n        pass\n"}),
                       "python_version")
    assert signal.value == 310
    assert signal.details["band"] == "modern"


def test_each_feature_has_its_first_line() -> None:
    """Features list name, version and first location; evidence starts with the newest."""
    source = "import tomllib\n\n\ndef first[T](xs):\n    return xs[0]\n\ntype A = int\n"
    signal = signal_of(Repo.from_files({"src/m.py": source, "src/n.py": "type B = int\n"}),
                       "python_version")
    features = {f["feature"]: f for f in signal.details["features"]}  # type: ignore[attr-defined]
    assert features["PEP 695 type parameters"] == {
        "feature": "PEP 695 type parameters", "version": "3.12", "path": "src/m.py", "line": 4,
    }
    assert features["PEP 695 type alias statement"]["line"] == 7
    assert features["tomllib"]["version"] == "3.11"
    assert signal.evidence[:2] == (Location("src/m.py", 4), Location("src/m.py", 7))
    assert "src/m.py:4" in signal.summary


def test_a_feature_seen_again_keeps_its_first_line() -> None:
    """A later sighting on a header spread over lines is given no line (nor its header
    generated) when it cannot come before the first."""
    source = "@f(a.b() @ c)\ndef g(\n    x: int | None,\n    y: str | None,\n) -> A @ B: ...\n"
    signal = signal_of(Repo.from_files({"src/m.py": source}), "python_version")
    features = {f["feature"]: f["line"] for f in signal.details["features"]}  # type: ignore[attr-defined]
    assert features["X | Y union at runtime"] == 3
    assert features["matrix multiplication @"] == 1


@pytest.mark.parametrize(("source", "band"), [
    pytest.param("print('x')\n", "common", id="nothing-newer-than-3.0-is-no-evidence-of-age"),
    pytest.param("import dataclasses\n", "common", id="3.7"),
    pytest.param("from functools import cache\n", "common", id="3.9"),
    pytest.param("X = int | None\n", "modern", id="3.10"),
])
def test_band(source: str, band: str) -> None:
    """modern from 3.10, common from 3.7 (or when nothing newer than 3.0 is used)."""
    details = signal_of(Repo.from_files({"a.py": source}), "python_version").details
    assert details["band"] == band


def test_declared_versions_from_every_source() -> None:
    """requires-python, classifiers, .python-version, tox, nox and CI matrices are all read."""
    repo = Repo.from_files({
        "pyproject.toml": '[project]\nrequires-python = ">=3.8, <4"\nclassifiers = [\n'
                          '  "Programming Language :: Python :: 3.8",\n'
                          '  "Programming Language :: Python :: 3.12",\n]\n',
        ".python-version": "3.12.1\n",
        "tox.ini": "[tox]\nenvlist = py38, py{39,310}, lint\n",
        "noxfile.py": '@nox.session(python=["3.9", "3.11"])\ndef tests(s): ...\n',
        ".github/workflows/ci.yml": "jobs:\n  test:\n    strategy:\n      matrix:\n"
                                    "        python-version: ['3.9', '3.13']\n",
        ".gitlab-ci.yml": "test:\n  image: python:3.11-slim\n",
        ".travis.yml": "language: python\npython:\n  - '3.10'\n",
        "src/app.py": "match x:\n    case 1:\n        pass\n",
    })
    signal = signal_of(repo, "python_version")
    declared = signal.details["declared"]
    assert declared == {
        "requires_python": [">=3.8, <4"],
        "classifiers": ["3.8", "3.12"],
        "python_version_file": ["3.12"],
        "tox": ["3.8", "3.9", "3.10"],
        "nox": ["3.9", "3.11"],
        "ci": ["3.9", "3.10", "3.11", "3.13"],
        "sources": [".github/workflows/ci.yml", ".gitlab-ci.yml", ".python-version", ".travis.yml",
                    "noxfile.py", "pyproject.toml", "tox.ini"],
        "lowest": "3.8",
    }
    assert signal.details["agrees"] is False
    assert "Declares >=3.8, which disagrees: the code needs 3.10." in signal.summary


@pytest.mark.parametrize(("files", "lowest"), [
    pytest.param({"setup.py": "setup(python_requires='>=3.7')\n"}, "3.7", id="setup-py"),
    pytest.param({"setup.cfg": "[options]\npython_requires = >=3.9\n"}, "3.9", id="setup-cfg"),
    pytest.param({"pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\n'}, "3.10",
                 id="poetry"),
    pytest.param({"tox.ini": "[tox]\nenv_list =\n    py311\n    py312\n"}, "3.11", id="tox4"),
    pytest.param({"pyproject.toml": '[tool.tox]\nlegacy_tox_ini = """\n[tox]\nenvlist = py39\n"""'},
                 "3.9", id="legacy-tox-ini"),
    pytest.param({"pyproject.toml": "[project\nbroken"}, None, id="broken-toml"),
    pytest.param({".github/workflows/a.yml": "a: [b\n"}, None, id="broken-yaml"),
    pytest.param({".github/workflows/a.yml": "jobs:\n  t:\n    strategy:\n      matrix:\n"
                  "        python-version: [3.10, 3.12]\n"}, "3.10", id="unquoted-3.10-in-ci"),
])
def test_declared_lowest(files: dict[str, str], lowest: str | None) -> None:
    """Each packaging format yields its lower bound; broken configs are ignored, never fatal."""
    details = signal_of(Repo.from_files({**files, "app.py": "x = 1\n"}), "python_version").details
    assert (details["declared"] or {}).get("lowest") == lowest  # type: ignore[attr-defined]


def test_test_data_never_counts() -> None:
    """Sample programs under tests/data are not code the project runs."""
    repo = Repo.from_files({"tests/data/new.py": "type A = int\n", "app.py": "import uuid, abc\n"
                                                                        "import contextvars\n"})
    assert signal_of(repo, "python_version").details["minimum"] == "3.7"


def test_own_module_shadowing_the_standard_library() -> None:
    """`import secrets` is the project's secrets.py when the repository has one."""
    repo = Repo.from_files({"app.py": "import secrets\n", "secrets.py": "KEY = 1\n"})
    assert signal_of(repo, "python_version").details["minimum"] == "3.0"


def test_tests_count() -> None:
    """Test code must run too, so its features count."""
    repo = Repo.from_files({"tests/test_a.py": "match x:\n    case 1:\n        pass\n"})
    assert signal_of(repo, "python_version").details["minimum"] == "3.10"


def test_python2_code_makes_the_band_legacy() -> None:
    """Any Python-2-only file makes the project legacy: value and band say so, never 3.10."""
    repo = Repo.from_files({"old.py": "print 'hi'\n", "new.py": "X = int | None\n"})
    signal = signals_of(repo, ["python_version", "python2_idioms"])["python_version"]
    assert signal.details["band"] == "legacy"
    assert (signal.value, signal.details["minimum"]) == (207, "2.7")
    assert signal.evidence[0] == Location("old.py", 1)
    assert "Python 2 code: print statement at old.py:1" in signal.summary
    assert "3.10" not in signal.summary


def test_modern_app_fixture_needs_312_with_a_line_per_feature() -> None:
    """The issue's must-show: PEP 695, match and TaskGroup each have their evidence line."""
    root = Path(__file__).resolve().parents[2] / "fixtures" / "modern_app" / "repo"
    signal = signal_of(build_repo(root, now=datetime(2026, 6, 1, tzinfo=UTC)), "python_version")
    assert signal.details["minimum"] == "3.12"
    assert signal.details["band"] == "modern"
    models, service = "src/taskboard/models.py", "src/taskboard/service.py"
    for where in [Location(models, 20), Location(models, 23), Location(models, 28),
                  Location(service, 26)]:
        assert where in signal.evidence


def _expected(name: str) -> str:
    """The version of ``name`` or of any module above it, whichever is newer."""
    parts = name.split(".")
    versions = [QUALIFIED[".".join(parts[:n])] for n in range(1, len(parts) + 1)
                if ".".join(parts[:n]) in QUALIFIED]
    return dotted(max(versions))


def _snippets(name: str) -> list[str]:
    if name.startswith("builtins."):
        return [f"{name.removeprefix('builtins.')}()\n"]
    head, *rest = name.split(".")
    if not rest:
        return [f"import {head}\n", f"import {head} as alias\n"]
    tail = ".".join(rest[1:])
    used = f"{rest[0]}.{tail}" if tail else rest[0]
    aliased = f"import {head} as alias\nalias.{'.'.join(rest)}\n"
    return [f"from {head} import {rest[0]}\n{used}\n", aliased]


@pytest.mark.parametrize("name", sorted(QUALIFIED))
def test_every_library_rule(name: str) -> None:
    """Every standard-library rule fires through `from ... import` and through an alias."""
    for source in _snippets(name):
        assert minimum(source) == _expected(name), source


@pytest.mark.parametrize(("method", "version"), sorted(METHODS.items()))
def test_every_method_rule(method: str, version: Version) -> None:
    """Method names only newer Pythons define raise the minimum."""
    assert minimum(f"y = x.{method}()\n") == dotted(version)


@pytest.mark.parametrize(("callee", "keyword"), sorted(KEYWORDS))
def test_every_keyword_rule(callee: str, keyword: str) -> None:
    """Keyword arguments newer Pythons accept raise the minimum, resolved through imports."""
    version = KEYWORDS[callee, keyword]
    if callee.startswith("builtins."):
        source = f"{callee.removeprefix('builtins.')}(a, {keyword}=True)\n"
    else:
        module, function = callee.rsplit(".", 1)
        source = f"import {module}\n{module}.{function}(a, {keyword}=True)\n"
    module_version = QUALIFIED.get(callee.rsplit(".", 1)[0], (3, 0))
    assert minimum(source) == dotted(max(version, module_version))


def test_every_syntax_rule_has_a_case() -> None:
    """The table above exercises every grammar rule at least once."""
    seen: set[str] = set()
    for case in CASES:
        source = str(case.values[0])
        details = signal_of(Repo.from_files({"a.py": source}), "python_version").details
        seen |= {str(f["feature"]) for f in details["features"]}  # type: ignore[attr-defined]
    assert set(SYNTAX) <= seen, set(SYNTAX) - seen


@pytest.mark.parametrize(("requires", "band"), [
    pytest.param(">=3.6", "legacy", id="declared-floor-below-3.7"),
    pytest.param(">=3.8", "common", id="declared-3.8"),
    pytest.param(">=3.11", "modern", id="declared-3.11"),
])
def test_declared_floor_sets_the_band_of_plain_code(requires: str, band: str) -> None:
    """Code using no new feature takes its band from what the project declares."""
    repo = Repo.from_files({
        "a.py": "print('x')\n",
        "pyproject.toml": f'[project]\nname = "a"\nrequires-python = "{requires}"\n',
    })
    signal = signal_of(repo, "python_version")
    assert signal.details["band"] == band
    assert signal.display == "3.0"


def test_notebooks_are_reported_apart() -> None:
    """A match statement in a notebook does not raise the package's minimum."""
    cell = '["match x:\\n", "    case 1: pass\\n"]'
    notebook = f'{{"cells": [{{"cell_type": "code", "source": {cell}}}]}}'
    repo = Repo.from_files({"pkg/a.py": "import dataclasses\n", "explore.ipynb": notebook})
    signal = signal_of(repo, "python_version")
    assert signal.details["minimum"] == "3.7"
    assert signal.details["notebooks_minimum"] == "3.10"
