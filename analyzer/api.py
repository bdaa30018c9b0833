"""The one import a check needs: base classes, the fold, findings, rules and name helpers.

A check never imports the engine, the cache, the pool or the walker; what it may
use is listed here. ``docs/adding-a-check.md`` shows how the pieces fit.
"""

from analyzer.check import Example, FileCheck, RepoCheck, SourceFile
from analyzer.fold import Fold, Marks
from analyzer.guard import Tokens
from analyzer.model import Location, Signal
from analyzer.names import decorators, dotted, is_annotated, last_name, parameters
from analyzer.paths import Role, TreeKind, kind_of_reason
from analyzer.repo import Repo
from analyzer.rules import Flag, Level, Rule, detail, flag, saturate, value, when

__all__ = [
    "Example", "FileCheck", "Flag", "Fold", "Level", "Location", "Marks", "Repo", "RepoCheck",
    "Role", "Rule", "Signal", "SourceFile", "Tokens", "TreeKind", "decorators", "detail", "dotted",
    "flag", "is_annotated", "kind_of_reason", "last_name", "parameters", "saturate", "value",
    "when",
]
