"""Every check's inline examples hold (Fixit's VALID/INVALID cases, refurb's golden pairs)."""

import pytest

from analyzer.check import Example
from analyzer.engine import run
from analyzer.registry import CheckClass, all_checks
from analyzer.repo import Repo

CASES = [
    pytest.param(cls, example, id=f"{cls.name}-{index}")
    for cls in all_checks() for index, example in enumerate(cls.examples)
]


@pytest.mark.parametrize(("cls", "example"), CASES)
def test_example(cls: CheckClass, example: Example) -> None:
    """The check measures the example's files as its author declared."""
    [signal] = run(Repo.from_files(dict(example.files)), [cls]).signals
    assert signal.value == example.value, example.note
    if example.evidence is not None:
        assert tuple(str(location) for location in signal.evidence) == example.evidence


def test_examples_exist() -> None:
    """The examples test runs real cases, so a broken discovery cannot pass silently."""
    assert len(CASES) >= 4
