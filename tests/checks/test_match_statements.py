import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of
from tests.notebook import notebook


@pytest.mark.parametrize(("source", "line"), [
    pytest.param("match x:\n    case 1: pass\n", 1, id="top-level"),
    pytest.param("def f(x):\n    match x:\n        case _: pass\n", 2, id="nested"),
])
def test_each_match_is_evidence(source: str, line: int) -> None:
    """Every match statement is counted once, at its own line."""
    signal = signal_of(Repo.from_files({"a.py": source}), "match_statements")
    assert signal.value == 1
    assert signal.evidence == (Location("a.py", line),)


def test_match_as_a_name_is_not_a_statement() -> None:
    """`match` is a soft keyword: a variable or call named match is not pattern matching."""
    source = "match = re.match(r'x', s)\nmatch(1)\n"
    assert signal_of(Repo.from_files({"a.py": source}), "match_statements").value == 0


def test_test_data_is_not_counted() -> None:
    """Sample programs that tests read are not the candidate's code."""
    repo = Repo.from_files({"tests/data/m.py": "match x:\n    case 1: pass\n"})
    assert signal_of(repo, "match_statements").value == 0


def test_notebook_matches_are_counted_apart() -> None:
    """A match in a notebook shows in in_notebooks, not in the value."""
    repo = Repo.from_files({"n.ipynb": notebook("match x:\n    case 1: pass\n")})
    signal = signal_of(repo, "match_statements")
    assert (signal.value, signal.details["in_notebooks"]) == (0, 1)
