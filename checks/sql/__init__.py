"""How much SQL the candidate writes: `.sql` files, dbt models and tests, queries in Python.

## What it measures
`.sql` files, dbt models (`.sql` under a dbt project's `models/`) and the dbt
column tests declared beside them, and SQL statements passed as strings to
database calls in Python (`pd.read_sql`, `cursor.execute`, SQLAlchemy `text`,
`spark.sql`), with the dialect named in connection URLs. The value is the
number of SQL statements and files found.

## Why it matters
For a data engineer SQL matters more than Python: models, tests on columns and
queries that filter in the database show the core of the job. Values pasted
into SQL with f-strings are an injection risk; reading a whole table into pandas
to filter it there does not scale.

## Example
`pd.read_sql("SELECT * FROM raw.sales", engine)` in `etl/load.py` and two dbt
models with `unique`/`not_null` tests: 3 statements, 2 dbt tests.

## Caveats
Weighted only in the data-engineering, data-science and backend rubrics. An ORM
(Django, SQLAlchemy queries) writes SQL for you: no SQL here is not a lack of
database skill. Query builders and SQL in other languages are not read.
"""

from __future__ import annotations

from typing import TypedDict, cast

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
from checks.sql._sql import measures, sql_files

_ROLES = (Role.PRODUCTION, Role.NOTEBOOK)


class Details(TypedDict):
    sql_files: int
    dbt_models: int
    dbt_tests: int
    python_queries: int
    interpolated: int
    whole_table_reads: list[str]
    dialects: list[str]


def _flags(signal: Signal) -> list[Flag]:
    details, found = cast("Details", signal.details), []
    for where in details["whole_table_reads"][:1]:
        found.append(Flag(Level.YELLOW, signal.check, "Reads a whole table into pandas.",
                          "Fine for a small lookup table.",
                          f"{where} loads the whole table before filtering: how would this "
                          "behave at 1 TB a day?"))
    if details["interpolated"]:
        found.append(Flag(Level.YELLOW, signal.check, "SQL built by pasting values into strings.",
                          "The values may be trusted constants.",
                          "How do you keep user input out of your SQL strings?"))
    if details["dbt_tests"]:
        found.append(Flag(Level.GREEN, signal.check,
                          f"dbt models with {details['dbt_tests']} declared test block(s)."))
    return found


class Sql(FileCheck[Marks]):
    rule = Rule(0, saturate(10), _flags)  # weighted only by role rubrics
    examples = (
        Example({"a.py": "pd.read_sql('SELECT * FROM t', e)\n"}, 1, ("a.py:1",)),
        Example({"a.py": "cursor.execute(name)\n"}, None, note="no SQL text: does not apply"),
    )

    def visit_Call(self, node: cst.Call) -> None:
        for measure in measures(node):
            self.mark(measure, node)

    @classmethod
    def result(cls, fold: Fold[Marks]) -> Signal:
        files, models, tests = sql_files(fold.repo)
        queries = fold.count("query", *_ROLES)
        if not files and not queries:
            return cls.signal(None, "No SQL files or SQL statements in Python.")
        dialects = sorted({name.split(":", 1)[1] for marks in fold.of(*_ROLES).values()
                           for name, _ in marks.lines if name.startswith("dialect:")})
        details = Details(
            sql_files=len(files), dbt_models=len(models), dbt_tests=tests,
            python_queries=queries, interpolated=fold.count("interpolated", *_ROLES),
            whole_table_reads=[str(loc) for loc in fold.evidence("whole_table", *_ROLES)],
            dialects=dialects,
        )
        summary = (f"{len(files)} .sql file(s) ({len(models)} dbt models, {tests} dbt test "
                   f"block(s)) and {queries} SQL statement(s) in Python"
                   + (f"; dialect: {', '.join(dialects)}." if dialects else "."))
        evidence = fold.evidence("query", *_ROLES, limit=5) + tuple(
            Location(path, 1) for path in files[:5])
        return cls.signal(len(files) + queries, summary, evidence=evidence, **details)
