"""Every discovered check keeps the project's conventions (refurb's formatting test)."""

import re
from pathlib import Path

import pytest

from analyzer.registry import all_checks
from analyzer.score import RUBRIC

ROOT = Path(__file__).resolve().parent.parent
HEADINGS = ("## What it measures", "## Why it matters", "## Example", "## Caveats")
NAMES = [cls.name for cls in all_checks()]


def test_checks_are_discovered() -> None:
    assert {"type_hints", "match_statements", "async_code", "tests", "readme",
            "last_commit"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_check_conventions(name: str) -> None:
    """snake_case name, documented headings, a test module, a rubric entry, a small module."""
    [cls] = [c for c in all_checks() if c.name == name]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
    for heading in HEADINGS:
        assert heading in cls.doc, f"{name}: docstring lacks {heading!r}"
    assert (ROOT / "tests" / "checks" / f"test_{name}.py").is_file()
    assert name in RUBRIC
    assert cls.title() and not cls.title().startswith("#")


@pytest.mark.parametrize("name", NAMES)
def test_readme_lists_every_check(name: str) -> None:
    """The README's list of checks stays in step with the checks package."""
    [cls] = [c for c in all_checks() if c.name == name]
    readme = (ROOT / "README.md").read_text()
    assert f"| `{name}` | {cls.title()} |" in readme
