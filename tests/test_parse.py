"""Parsing without libcst's per-node re-validation gives the same trees and the same errors."""

from pathlib import Path

import libcst as cst
import pytest

from analyzer.parse import parse_module

ROOT = Path(__file__).resolve().parent.parent


def test_the_trees_are_libcsts_own() -> None:
    """Every Python file of this project: equal trees, and equal code when generated again."""
    files = sorted(p for d in ("analyzer", "checks", "tests") for p in (ROOT / d).rglob("*.py"))
    assert len(files) > 100
    for path in files:
        text = path.read_text()
        ours = parse_module(text)
        assert ours.deep_equals(cst.parse_module(text)), path
        assert ours.code == text


def test_syntax_errors_are_raised_as_before() -> None:
    with pytest.raises(cst.ParserSyntaxError):
        parse_module("def f(:\n")


def test_validation_is_back_after_a_parse_and_after_a_failed_one() -> None:
    """Nodes built outside the parser are still checked, whatever the last parse did."""
    parse_module("x = 1\n")
    with pytest.raises(cst.ParserSyntaxError):
        parse_module("(((\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")  # a space is not valid in an identifier
