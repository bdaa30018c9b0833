"""The rubric: one rule per check, turning its signal into a grade and flags.

Grouped by theme in small modules; this table is the one place that lists them.
Scoring never reads files, and checks never see weights.
"""

from collections.abc import Mapping

from analyzer.rubric import engineering, history, modern
from analyzer.rubric.kit import Flag, Level, Rule

RUBRIC: Mapping[str, Rule] = {**modern.RULES, **engineering.RULES, **history.RULES}
DEFAULT_WEIGHT = 5.0

__all__ = ["DEFAULT_WEIGHT", "RUBRIC", "Flag", "Level", "Rule"]
