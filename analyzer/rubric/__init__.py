"""Transitional: rules not yet moved into their check's module."""

from collections.abc import Mapping

from analyzer.rubric import engineering, history, modern
from analyzer.rules import Rule

RUBRIC: Mapping[str, Rule] = {**modern.RULES, **engineering.RULES, **history.RULES}
