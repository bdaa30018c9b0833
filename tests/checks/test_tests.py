import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of
from tests.notebook import notebook


@pytest.mark.parametrize(("path", "source", "count", "frameworks"), [
    pytest.param("tests/test_a.py", "import pytest\ndef test_x(): pass\n", 1, ["pytest"],
                 id="pytest-function"),
    pytest.param("test_a.py", "def test_x(): assert 1\ndef helper(): pass\n", 1, ["pytest"],
                 id="bare-asserts-mean-pytest"),
    pytest.param(
        "tests/test_b.py",
        "import unittest\nclass T(unittest.TestCase):\n    def test_a(self): pass\n"
        "    def setUp(self): pass\n",
        1, ["unittest"], id="unittest-method",
    ),
    pytest.param(
        "tests/test_c.py",
        "from hypothesis import given\nimport pytest\nclass TestX:\n    def test_a(self): pass\n",
        1, ["hypothesis", "pytest"], id="pytest-class-with-hypothesis",
    ),
    pytest.param("tests/test_d.py", "class Helper:\n    def test_like(self): pass\n", 0, [],
                 id="methods-of-non-test-class"),
])
def test_counts_test_functions(path: str, source: str, count: int, frameworks: list[str]) -> None:
    """Test functions are counted the way pytest and unittest would collect them."""
    signal = signal_of(Repo.from_files({path: source}), "tests")
    assert signal.value == count
    assert signal.details["frameworks"] == frameworks


def test_production_class_named_test_is_not_a_test() -> None:
    """A model class called TestResult in production code is not a test suite."""
    source = "class TestResult:\n    def test_passed(self): return True\n"
    signal = signal_of(Repo.from_files({"lab/results.py": source}), "tests")
    assert signal.value == 0
    assert signal.details["production_functions"] == 1


def test_test_data_programs_are_not_tests() -> None:
    """Inputs under tests/data are data, even when they define test_ functions."""
    repo = Repo.from_files({"tests/data/test_input.py": "def test_x(): pass\n"})
    assert signal_of(repo, "tests").value == 0


def test_evidence_is_first_test_of_each_file() -> None:
    """Each test file is evidenced by its first test function."""
    repo = Repo.from_files({
        "tests/test_a.py": "\n\ndef test_one(): pass\ndef test_two(): pass\n",
        "tests/conftest.py": "import pytest\n",
    })
    signal = signal_of(repo, "tests")
    assert signal.value == 2
    assert signal.evidence == (Location("tests/test_a.py", 3),)
    assert signal.details["test_files"] == 1


def test_notebook_functions_are_not_production_functions() -> None:
    """Functions defined in notebooks are counted apart from production functions."""
    repo = Repo.from_files({"n.ipynb": notebook("def f():\n    pass\n"), "a.py": "def g(): pass\n"})
    details = signal_of(repo, "tests").details
    assert (details["production_functions"], details["notebook_functions"]) == (1, 1)
