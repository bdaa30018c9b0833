"""Which files are the candidate's product: decided once, from the path and the repository."""

import pytest

from analyzer.paths import Role, role
from analyzer.repo import Repo


@pytest.mark.parametrize(("path", "expected"), [
    ("typing_tests/baseline.py", Role.TEST),
    ("integration_tests/test_api.py", Role.TEST),
    ("src/pkg/unit_tests/helpers.py", Role.TEST),
    ("tests_e2e/flows.py", Role.TEST),
    ("typesafety/cases.py", Role.TEST),
    ("test_data/sample.py", Role.TEST_DATA),
    ("contests/solve.py", Role.PRODUCTION),
    ("latest/app.py", Role.PRODUCTION),
    ("src/pkg/testing_utils.py", Role.PRODUCTION),
])
def test_qualified_test_folders_are_tests(path: str, expected: Role) -> None:
    assert role(path) is expected


def test_a_repository_of_only_examples_has_them_as_its_product() -> None:
    repo = Repo.from_files({"examples/etl/dags/load.py": "x = 1\n", "docs/conf.py": "y = 2\n",
                            "examples/tests/test_load.py": "def test_x(): pass\n"})
    assert repo.role("examples/etl/dags/load.py") is Role.PRODUCTION
    assert repo.role("docs/conf.py") is Role.EXAMPLE  # documentation code is never the product
    assert repo.role("examples/tests/test_load.py") is Role.TEST


def test_examples_beside_a_product_stay_apart() -> None:
    repo = Repo.from_files({"examples/demo.py": "x = 1\n", "src/app.py": "y = 2\n"})
    assert repo.role("examples/demo.py") is Role.EXAMPLE
    assert repo.role("src/app.py") is Role.PRODUCTION


def test_docs_code_alone_is_not_promoted() -> None:
    repo = Repo.from_files({"docs/conf.py": "x = 1\n", "analysis.ipynb": "{}"})
    assert repo.role("docs/conf.py") is Role.EXAMPLE
