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
    repo = Repo.from_files({"tests/data/test_input.py": "def test_x(): pass\n",
                            "app.py": "def run(): pass\n"})
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


DOCTESTED = '''\
"""Tiny maths.

>>> double(2)
4
"""


def double(x):
    """Twice x.

    >>> double(3)
    6
    >>> double(-1)
    -2
    """
    return 2 * x
'''


def test_doctest_examples_count_as_tests_where_they_run() -> None:
    """Each >>> example in a production docstring is a test, reported apart, framework doctest."""
    runner = "[pytest]\naddopts = --doctest-modules\n"
    signal = signal_of(Repo.from_files({"maths.py": DOCTESTED, "pytest.ini": runner}), "tests")
    assert signal.value == 3
    assert (signal.details["test_functions"], signal.details["doctest_examples"]) == (0, 3)
    assert signal.details["frameworks"] == ["doctest", "pytest"]  # pytest runs them
    assert signal.evidence[0] == Location("maths.py", 1)  # the first example of each file


def test_examples_with_output_that_nothing_runs_are_prose() -> None:
    """Issue 10 item 5: an expected-output line does not make a docstring a test."""
    signal = signal_of(Repo.from_files({"maths.py": DOCTESTED}), "tests")
    assert (signal.value, signal.details["doctest_examples"]) == (0, 0)


@pytest.mark.parametrize(("files", "examples"), [
    pytest.param({"docs/usage.rst": ">>> 1 + 1\n2\n"}, 0, id="under-docs-unrun"),
    pytest.param({"docs/usage.rst": ">>> 1 + 1\n2\n",
                  "tox.ini": "[testenv:docs]\ncommands = sphinx-build -b doctest docs out\n"},
                 1, id="under-docs-run-by-sphinx-in-tox"),
    pytest.param({"docs/usage.rst": ">>> 1 + 1\n2\n",
                  "docs/Makefile": "doctest:\n\t$(SPHINXBUILD) -b doctest . out\n"},
                 0, id="stock-sphinx-makefile-target-runs-nothing"),
    pytest.param({"guide.md": "```pycon\n>>> f()\n```\n",
                  "tests/test_docs.py": "import doctest\ndoctest.testfile('../guide.md')\n"},
                 1, id="named-by-testfile"),
    pytest.param({"README.rst": ">>> x\n>>> y\n",
                  "pytest.ini": "[pytest]\naddopts = --doctest-glob='*.rst'\n"},
                 2, id="matched-by-doctest-glob"),
    pytest.param({"NOTES.txt": ">>> not run\n"}, 0, id="unreferenced-text-is-not-a-test"),
    pytest.param({"tests/data/x.rst": ">>> data\n"}, 0, id="test-data-is-not-a-test"),
])
def test_doctest_text_files(files: dict[str, str], examples: int) -> None:
    """Text files count when a test names them, a glob matches them, or Sphinx runs docs/."""
    assert signal_of(Repo.from_files(files), "tests").details["doctest_examples"] == examples


PYPROJECT = """\
[project]
name = "x"

[tool.pytest.ini_options]
addopts = "--doctest-modules"
"""
WORKFLOW = "on: push\njobs:\n  t:\n    steps:\n      - run: tox -e py312\n"


def test_config_conftest_ratio_and_ci() -> None:
    """pytest configuration, conftest files, the test/code line ratio and CI are reported."""
    repo = Repo.from_files({
        "pyproject.toml": PYPROJECT, "setup.cfg": "[tool:pytest]\ntestpaths = tests\n",
        "tox.ini": "[tox]\nenvlist = py312\n",
        "tests/conftest.py": "import pytest\n",
        "tests/test_a.py": "# a comment\n\ndef test_one():\n    assert True\n",
        "app.py": "def f():\n    # why\n    return 1\n\n\ndef g():\n    return 2\n",
        ".github/workflows/ci.yml": WORKFLOW,
    })
    signal = signal_of(repo, "tests")
    assert signal.details["pytest_config"] == [
        "pyproject.toml [tool.pytest.ini_options]", "setup.cfg [tool:pytest]",
    ]
    assert signal.details["conftest"] == ["tests/conftest.py"]
    assert (signal.details["test_lines"], signal.details["production_lines"]) == (3, 4)
    assert signal.details["test_code_ratio"] == 0.75
    assert signal.details["runs_in_ci"] is True
    assert signal.details["frameworks"] == ["doctest", "pytest"]
    assert signal.evidence == (  # tests first, then settings, then CI
        Location("tests/test_a.py", 3), Location("pyproject.toml", 4), Location("setup.cfg", 1),
        Location(".github/workflows/ci.yml", 5),
    )


def test_doctest_file_evidence_points_at_first_prompt() -> None:
    """A doctest page is evidenced at its first >>> line, not at its title."""
    repo = Repo.from_files({"docs/usage.rst": "Usage\n=====\n\n>>> 1 + 1\n2\n",
                            "Makefile": "test:\n\tmake -C docs doctest\n"})
    assert signal_of(repo, "tests").evidence == (Location("docs/usage.rst", 4),)
def test_notebook_functions_are_not_production_functions() -> None:
    """Functions defined in notebooks are counted apart from production functions."""
    repo = Repo.from_files({"n.ipynb": notebook("def f():\n    pass\n"), "a.py": "def g(): pass\n"})
    details = signal_of(repo, "tests").details
    assert (details["production_functions"], details["notebook_functions"]) == (1, 1)


def test_framework_testcase_subclasses_are_unittest() -> None:
    """A Django TestCase suite runs on unittest: it must not be reported as pytest."""
    source = (
        "from django.test import TestCase\n\n"
        "class ModelTests(TestCase):\n    def test_str(self):\n        pass\n"
    )
    signal = signal_of(Repo.from_files({"polls/tests.py": source}), "tests")
    assert signal.value == 1
    assert signal.details["frameworks"] == ["unittest"]


@pytest.mark.parametrize("files", [
    pytest.param({"dags/tutorial.py": "from airflow import DAG\ndag = DAG('t')\n",
                  "Dockerfile": "FROM python:3.7\n"}, id="a-docker-image-with-a-sample-dag"),
    pytest.param({"models/orders.sql": "select 1\n", "dbt_project.yml": "name: shop\n"},
                 id="a-dbt-project-without-python"),
])
def test_no_functions_means_no_tests_expected(files: dict[str, str]) -> None:
    """Nothing to test is not 'no tests': the red flag needs code that could be tested."""
    signal = signal_of(Repo.from_files(files), "tests")
    assert signal.value is None
    assert signal.summary.startswith("No Python functions to test")


def test_one_function_without_tests_is_no_tests() -> None:
    signal = signal_of(Repo.from_files({"app.py": "def run():\n    return 1\n"}), "tests")
    assert signal.value == 0


def test_tests_in_a_python2_test_file_are_counted_from_its_tokens() -> None:
    """bitly/asyncmongo: test_pooled_db.py has a print statement, so Python 3 cannot parse it."""
    source = ("import unittest\nclass PoolTest(unittest.TestCase):\n"
              "    def setUp(self):\n        print 'up'\n"
              "    def test_pool(self):\n        pass\n    def test_size(self):\n        pass\n")
    signal = signal_of(Repo.from_files({"test/test_pooled_db.py": source,
                                        "lib.py": "def f():\n    pass\n"}), "tests")
    assert signal.details["test_functions"] == 2
    assert Location("test/test_pooled_db.py", 5) in signal.evidence
