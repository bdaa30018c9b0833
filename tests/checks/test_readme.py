import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of


@pytest.mark.parametrize("name", ["README.md", "readme.rst", "README", "Readme.txt"])
def test_readme_found_in_any_case_and_form(name: str) -> None:
    """The README is found whatever its case and extension, and its words are counted."""
    signal = signal_of(Repo.from_files({name: "# Tool\n\nDoes one thing well.\n"}), "readme")
    assert signal.value == 5
    assert signal.evidence == (Location(name, 1),)


def test_non_english_words_count() -> None:
    """Words in any alphabet count."""
    repo = Repo.from_files({"README.md": "Инструмент для анализа кода\n"})
    assert signal_of(repo, "readme").value == 4


def test_nested_readme_is_not_the_project_readme() -> None:
    """Only a README at the top of the repository describes the project."""
    signal = signal_of(Repo.from_files({"docs/README.md": "words here"}), "readme")
    assert signal.value == 0
    assert signal.details["path"] is None
