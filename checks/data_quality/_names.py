"""Which calls, classes and decorators check data, by the kind of check."""

from __future__ import annotations

import libcst as cst

from analyzer.api import dotted

_CONSTRAINTS = {"gt", "ge", "lt", "le", "min_length", "max_length", "pattern", "regex",
                "multiple_of", "max_digits"}
_VALIDATORS = {"field_validator", "model_validator", "validator", "root_validator"}
_PANDERA = {"DataFrameSchema", "SeriesSchema", "check_types", "check_input", "check_output"}


def kind_of_call(node: cst.Call) -> str | None:
    name = dotted(node.func)
    last = name.rsplit(".", 1)[-1]
    if last.startswith(("expect_column", "expect_table", "expect_multicolumn")) or \
            name.startswith(("great_expectations.", "gx.", "ge.")):
        return "great_expectations"
    if last in _PANDERA and (name.startswith(("pa.", "pandera.")) or name == last):
        return "pandera"
    if last == "Field" and any(isinstance(a.keyword, cst.Name) and a.keyword.value in _CONSTRAINTS
                               for a in node.args):
        return "pydantic_validation"
    return None


def kind_of_class(node: cst.ClassDef) -> str | None:
    bases = {dotted(base.value) for base in node.bases}
    if bases & {"pa.DataFrameModel", "pa.SchemaModel", "DataFrameModel", "SchemaModel",
                "pandera.DataFrameModel"}:
        return "pandera"
    return None


def kind_of_decorator(node: cst.Decorator) -> str | None:
    target = node.decorator.func if isinstance(node.decorator, cst.Call) else node.decorator
    name = dotted(target).rsplit(".", 1)[-1]
    if name in _VALIDATORS:
        return "pydantic_validation"
    if name in _PANDERA:
        return "pandera"
    return None
