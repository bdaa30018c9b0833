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


FULL = """\
# Tool [![CI](https://github.com/a/b/actions/workflows/ci.yml/badge.svg)](https://x.org)

![screenshot](docs/shot.png)

## Installation

```bash
pip install tool  # a comment with test in it
```

## Latest news

## 使用方法

Licence
-------
MIT
"""


def test_sections_code_blocks_badges_images() -> None:
    """Headings give sections (any language, Setext too), and pictures are told from badges."""
    signal = signal_of(Repo.from_files({"README.md": FULL}), "readme")
    assert signal.details["sections"] == ["installation", "license", "usage"]
    assert (signal.details["code_blocks"], signal.details["badges"]) == (1, 1)
    assert signal.details["images"] == 1
    assert Location("README.md", 5) in signal.evidence


def test_rst_readme() -> None:
    """reStructuredText titles, image directives and code blocks are read too."""
    rst = ("Tool\n====\n\n.. image:: https://img.shields.io/pypi/v/x.svg\n\nExamples\n--------\n\n"
           ".. code-block:: python\n\n    import x\n\nOr::\n\n    x.run()\n")
    signal = signal_of(Repo.from_files({"README.rst": rst}), "readme")
    assert signal.details["sections"] == ["examples"]
    assert (signal.details["code_blocks"], signal.details["badges"]) == (2, 1)


def test_stub_is_a_finding() -> None:
    """Under 30 words is a stub, said in the summary with the README as evidence."""
    signal = signal_of(Repo.from_files({"README.md": "# x\n\nTODO\n"}), "readme")
    assert signal.details["stub"] is True
    assert "stub" in signal.summary
    assert signal.evidence == (Location("README.md", 1),)


def test_cjk_characters_count_as_words() -> None:
    """Chinese has no spaces: each ideograph counts, so a real README is not a stub."""
    text = "这是一个用于分析代码的工具。它可以帮助招聘人员了解候选人的代码质量。"
    signal = signal_of(Repo.from_files({"README.md": text}), "readme")
    assert signal.value == 32
    assert signal.details["stub"] is False


def test_urls_do_not_count_as_words() -> None:
    """Link targets and HTML tags are markup, not prose."""
    text = '<p align="center"><img src="logo.png"></p>\n[docs](https://example.com/a/b/c)\n'
    assert signal_of(Repo.from_files({"README.md": text}), "readme").value == 1


@pytest.mark.parametrize("piece", ["![", "<img ", "<", "](", ".. |", "# a" + " " * 50 + "b\n"])
def test_hostile_markup_does_not_stall(piece: str) -> None:
    """Unclosed markup repeated 40,000 times is read in one pass, not quadratically."""
    signal = signal_of(Repo.from_files({"README.md": piece * 40_000}), "readme")
    assert signal.details["path"] == "README.md"


def test_translated_readme_is_a_fallback() -> None:
    """README.zh-CN.md is found when alone, and README.md is preferred beside it."""
    alone = signal_of(Repo.from_files({"README.zh-CN.md": "工具"}), "readme")
    assert alone.details["path"] == "README.zh-CN.md"
    both = signal_of(Repo.from_files({"README.zh-CN.md": "工具", "README.md": "Tool"}), "readme")
    assert both.details["path"] == "README.md"
