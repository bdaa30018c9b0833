import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of


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
