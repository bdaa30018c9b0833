import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of
from tests.notebook import notebook


@pytest.mark.parametrize(("source", "kind"), [
    pytest.param("v.expect_column_values_to_not_be_null('id')\n", "great_expectations",
                 id="expectation"),
    pytest.param("class S(pa.DataFrameModel):\n    x: int\n", "pandera", id="pandera-model"),
    pytest.param("s = pa.DataFrameSchema({'x': pa.Column(int)})\n", "pandera", id="schema"),
    pytest.param("@field_validator('x')\ndef check(cls, v): ...\n", "pydantic_validation",
                 id="validator"),
    pytest.param("class A(BaseModel):\n    n: int = Field(gt=0)\n", "pydantic_validation",
                 id="constrained-field"),
])
def test_each_kind_is_found(source: str, kind: str) -> None:
    signal = signal_of(Repo.from_files({"a.py": source}), "data_quality")
    assert signal.value == 1
    assert signal.details["counts"][kind] >= 1  # type: ignore[index]
    assert signal.evidence[0].path == "a.py"


def test_an_unconstrained_field_is_not_validation() -> None:
    repo = Repo.from_files({"a.py": "class A(BaseModel):\n    n: int = Field(default=0)\n"})
    assert signal_of(repo, "data_quality").value is None


def test_dbt_tests_count_at_their_lines() -> None:
    repo = Repo.from_files({
        "dbt_project.yml": "name: x\n",
        "models/schema.yml": "models:\n  - name: a\n    columns:\n      - name: id\n"
                             "        data_tests: [unique, not_null]\n",
    })
    signal = signal_of(repo, "data_quality")
    assert signal.evidence == (Location("models/schema.yml", 5),)


def test_yaml_outside_a_dbt_project_is_not_dbt() -> None:
    repo = Repo.from_files({"models/schema.yml": "tests: [a]\n"})
    assert signal_of(repo, "data_quality").value is None


def test_notebooks_count() -> None:
    repo = Repo.from_files({"n.ipynb": notebook("v.expect_table_row_count_to_be_between(1, 9)\n")})
    assert signal_of(repo, "data_quality").value == 1
