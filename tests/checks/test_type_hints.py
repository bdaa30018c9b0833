from datetime import UTC, datetime

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from analyzer.walk import build_repo
from tests.ast_hints import count
from tests.conftest import signal_of
from tests.gitrepo import FIXTURES
from tests.notebook import notebook


@pytest.mark.parametrize(("source", "annotated"), [
    pytest.param("def f(x: int): pass\n", 1, id="parameter"),
    pytest.param("def f(x) -> int: pass\n", 1, id="return"),
    pytest.param("def f(*args: int): pass\n", 1, id="star-args"),
    pytest.param("def f(*, key: str): pass\n", 1, id="keyword-only"),
    pytest.param("def f(x, /): pass\n", 0, id="bare-positional-only"),
    pytest.param("def f(x): pass\n", 0, id="bare"),
    pytest.param("async def f(x) -> None: pass\n", 1, id="async"),
    pytest.param("class A:\n    def m(self) -> None: pass\n", 1, id="method"),
])
def test_any_annotation_counts(source: str, annotated: int) -> None:
    """A function counts as annotated when any parameter or its return is annotated."""
    signal = signal_of(Repo.from_files({"pkg/mod.py": source}), "type_hints")
    assert signal.details["functions"] == 1
    assert signal.details["annotated_functions"] == annotated
    assert signal.value == annotated


def test_tests_and_test_data_are_left_out() -> None:
    """Only production functions enter the ratio."""
    repo = Repo.from_files({
        "app.py": "def typed(x: int) -> int: return x\n",
        "tests/test_app.py": "def test_a(): pass\ndef test_b(): pass\n",
        "tests/data/sample.py": "def untyped(a): pass\n",
    })
    signal = signal_of(repo, "type_hints")
    assert (signal.value, signal.details["functions"]) == (1.0, 1)


def test_least_annotated_files_come_first_as_evidence() -> None:
    """Evidence points at the first unannotated function of the worst files."""
    repo = Repo.from_files({
        "good.py": "def a(x: int): pass\ndef b(x): pass\n",
        "bad.py": "\ndef c(x): pass\ndef d(y): pass\n",
    })
    signal = signal_of(repo, "type_hints")
    assert signal.value == 0.25
    assert signal.evidence == (Location("bad.py", 2), Location("good.py", 2))


def test_no_functions_is_not_applicable() -> None:
    """A repository without production functions gets no value rather than zero."""
    assert signal_of(Repo.from_files({"a.py": "X = 1\n"}), "type_hints").value is None


@pytest.mark.parametrize(("source", "params", "returns"), [
    pytest.param("class A:\n    def m(self, x: int): pass\n", 1.0, 0.0, id="self-left-out"),
    pytest.param(
        "class A:\n    @classmethod\n    def m(cls, x): pass\n", 0.0, 0.0, id="cls-left-out",
    ),
    pytest.param(
        "class A:\n    @staticmethod\n    def m(x: int, y) -> None: pass\n", 0.5, 1.0,
        id="staticmethod-keeps-first",
    ),
    pytest.param("def f(self: int, *a, **k: str): pass\n", 2 / 3, 0.0, id="function-self-counts"),
    pytest.param("class A:\n    def m(self): pass\n", None, 0.0, id="no-parameters"),
    pytest.param(
        "class A:\n    def __init__(self, x: int): pass\n", 1.0, None, id="init-return-not-counted",
    ),
    pytest.param(
        "class A:\n    def f(self):\n        def g(y) -> int: pass\n", 0.0, 0.5,
        id="nested-function-not-method",
    ),
])
def test_parameter_and_return_shares(
    source: str, params: float | None, returns: float | None
) -> None:
    """self/cls are not parameters to annotate, and __init__ needs no return annotation."""
    details = signal_of(Repo.from_files({"pkg/mod.py": source}), "type_hints").details
    expected = (None if params is None else round(params, 4), returns)
    assert (details["parameters_share"], details["returns_share"]) == expected


def test_overload_signatures_are_not_functions() -> None:
    """Only the implementation behind @overload stubs is counted."""
    source = (
        "from typing import overload\n"
        "@overload\ndef f(x: int) -> int: ...\n"
        "@typing.overload\ndef f(x: str) -> str: ...\n"
        "def f(x): return x\n"
    )
    signal = signal_of(Repo.from_files({"m.py": source}), "type_hints")
    assert (signal.details["functions"], signal.value) == (1, 0.0)


MODERN = """\
from __future__ import annotations
from typing import Protocol, TypeAlias, TypedDict

Json: TypeAlias = dict[str, "Json"] | list["Json"] | None
type Pair[T] = tuple[T, T]

class Reader(Protocol):
    def read(self, n: int | None = None) -> bytes: ...

class Movie(TypedDict):
    title: str

Point = TypedDict("Point", {"x": int})

def first[T](items: list[T], default: T | None) -> T | None: ...
mask = a | b
"""

LEGACY = """\
from typing import Dict, List, Optional, Set, Tuple, Union
import typing

def f(a: Optional[int], b: Union[int, str], c: typing.List[int]) -> Dict[str, Tuple[int, ...]]:
    x = []  # type: List[int]
    y = 1  # type: ignore[assignment]
    return {}
Names = Set[str]
"""


def test_modern_forms_are_counted() -> None:
    """PEP 604/585/695 forms and typing constructs are counted in annotations and aliases."""
    details = signal_of(Repo.from_files({"m.py": MODERN}), "type_hints").details
    assert details["modern_forms"] == {
        "union_operator": 4, "builtin_generics": 4, "type_parameters": 2,
        "type_statements": 1, "protocol": 1, "typed_dict": 2, "type_alias": 1,
        "future_annotations": 1,
    }
    assert set(dict(details["legacy_forms"]).values()) == {0}  # type: ignore[call-overload]


def test_legacy_forms_are_counted() -> None:
    """typing's capitalised generics, Optional/Union and type comments (not type: ignore)."""
    details = signal_of(Repo.from_files({"m.py": LEGACY}), "type_hints").details
    assert details["legacy_forms"] == {
        "Optional": 1, "Union": 1, "List": 1, "Dict": 1, "Tuple": 1, "Set": 1,
        "type_comments": 1,
    }


def test_excluded_code_is_reported() -> None:
    """Test, test-data and vendored/generated code left out of the ratio are counted apart."""
    repo = Repo.from_files(
        {
            "app.py": "def f(x: int): pass\n",
            "tests/test_app.py": "def test_a(): pass\ndef test_b(): pass\n",
            "tests/data/sample.py": "def g(): pass\n",
        },
        excluded={".venv/": "vendored or generated tree (1,204 files)",
                  "api_pb2.py": "generated: protocol buffers", "big.py": "too large (9 bytes)"},
    )
    assert signal_of(repo, "type_hints").details["excluded"] == {
        "test_functions": 2, "test_data_functions": 1, "vendored_or_generated_files": 1205,
    }


def test_summary_says_coverage_is_syntactic() -> None:
    """A recruiter must not read the share as type-checker-verified coverage."""
    signal = signal_of(Repo.from_files({"a.py": "def f(x: int): pass\n"}), "type_hints")
    assert "syntactic" in signal.summary


def test_share_matches_an_independent_ast_count() -> None:
    """On the typed_library fixture the check agrees (within 0.02) with a stdlib-ast count."""
    root = FIXTURES / "typed_library" / "repo"
    functions, annotated = count(root)
    signal = signal_of(build_repo(root, now=datetime(2026, 1, 1, tzinfo=UTC)), "type_hints")
    assert signal.details["functions"] == functions
    assert signal.value is not None
    assert abs(signal.value - annotated / functions) <= 0.02


def test_notebook_functions_are_reported_apart() -> None:
    """Notebook functions are analysed but never enter the production share."""
    repo = Repo.from_files({
        "pkg/a.py": "def f(x: int): pass\n",
        "analysis.ipynb": notebook("%matplotlib inline\ndef g(x):\n    return x\n"),
    })
    signal = signal_of(repo, "type_hints")
    assert (signal.value, signal.details["functions"]) == (1.0, 1)
    assert signal.details["in_notebooks"] == {"functions": 1, "annotated_functions": 0}


def test_functions_of_python2_files_count_untyped() -> None:
    """Issue 10: a Python 2 project's functions count, though Python 3 cannot parse them."""
    files = {"hist.py": "def main(argv):\n    print 'usage'\n\nclass H(object):\n"
                        "    def add(self, x):\n        print x\n",
             "util.py": "def mean(xs: list[float]) -> float:\n    return sum(xs) / len(xs)\n"}
    signal = signal_of(Repo.from_files(files), "type_hints")
    assert (signal.details["functions"], signal.details["annotated_functions"]) == (3, 1)
    assert signal.summary.endswith("2 of them are in Python 2 files.")
