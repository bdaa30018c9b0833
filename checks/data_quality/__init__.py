"""Checks on the data itself: expectations, dataframe schemas, dbt tests, validated inputs.

## What it measures
Where the code checks data rather than code: Great Expectations suites and
`expect_*` calls, pandera schemas (`DataFrameModel`, `DataFrameSchema`), dbt
column tests (`tests:` blocks beside dbt models) and pydantic validation at the
boundaries (`field_validator`, `model_validator`, constrained `Field(gt=0)`).
The value is how many of those four kinds appear.

## Why it matters
A pipeline is judged by the data it lets through. Declared expectations on
columns, and inputs validated where they enter, catch bad data before it reaches
a dashboard or a model; they are the data engineer's tests.

## Example
`unique` and `not_null` tests on `stg_sales` in `models/schema.yml` and a pandera
`DataFrameModel` for the loaded frame: 2 kinds.

## Caveats
Weighted only in the data-engineering, data-science and ML rubrics. Checks may
run in a platform (Monte Carlo, Soda, warehouse constraints) this cannot see;
plain `assert`s on frames are not counted.
"""

from __future__ import annotations

import libcst as cst

from analyzer.api import (
    Example,
    FileCheck,
    Flag,
    Fold,
    Level,
    Location,
    Marks,
    Role,
    Rule,
    Signal,
    saturate,
)
from checks._shared import dbt
from checks.data_quality._names import kind_of_call, kind_of_class, kind_of_decorator

_ROLES = (Role.PRODUCTION, Role.NOTEBOOK)
KINDS = ("great_expectations", "pandera", "pydantic_validation")


def _flags(signal: Signal) -> list[Flag]:
    if (signal.value or 0) >= 2:
        return [Flag(Level.GREEN, signal.check, f"Data checked in {signal.value:g} ways.")]
    return []


class DataQuality(FileCheck[Marks]):
    rule = Rule(0, saturate(2), _flags)  # weighted only by the data and ML rubrics
    examples = (
        Example({"a.py": "class S(pa.DataFrameModel):\n    x: int\n"}, 1, ("a.py:1",)),
        Example({"a.py": "x = 1\n"}, None, note="no data checks: does not apply"),
    )

    def visit_Call(self, node: cst.Call) -> None:
        if (kind := kind_of_call(node)) is not None:
            self.mark(kind, node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if (kind := kind_of_class(node)) is not None:
            self.mark(kind, node)

    def visit_Decorator(self, node: cst.Decorator) -> None:
        if (kind := kind_of_decorator(node)) is not None:
            self.mark(kind, node)

    @classmethod
    def result(cls, fold: Fold[Marks]) -> Signal:
        found: dict[str, tuple[Location, ...]] = {
            kind: fold.evidence(kind, *_ROLES) for kind in KINDS}
        found["dbt_tests"] = tuple(dbt.test_blocks(fold.repo))
        counts = {kind: len(locations) for kind, locations in found.items()}
        kinds = [kind for kind, count in counts.items() if count]
        if not kinds:
            return cls.signal(None, "No data-quality checks (expectations, schemas, dbt tests).")
        shown = ", ".join(f"{kind.replace('_', ' ')} ({counts[kind]})" for kind in kinds)
        evidence = tuple(loc for kind in kinds for loc in found[kind][:3])
        return cls.signal(len(kinds), f"Data checked by {shown}.", evidence=evidence,
                          counts=counts)
