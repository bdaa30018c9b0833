"""Recognising SQL: in string arguments of database calls, in `.sql` files, in dbt projects."""

from __future__ import annotations

import re

import libcst as cst

from analyzer.api import Repo, dotted
from checks._shared import dbt

CALLS = frozenset({"read_sql", "read_sql_query", "read_sql_table", "execute", "executemany",
                   "text", "sql", "SQL", "query", "fetch", "fetchrow", "fetchval", "raw"})
# "SQL": psycopg2.sql.SQL("CREATE TABLE {table} ...").format(...), composed before execute
STATEMENT = re.compile(r"^\s*(select|insert|update|delete|with|create|merge|copy|alter)\b", re.I)
WHOLE_TABLE = re.compile(r"^\s*select\s+\*\s+from\s+[\w.\"`]+\s*;?\s*$", re.I)
DIALECTS = ("postgresql", "postgres", "mysql", "sqlite", "mssql", "oracle", "snowflake",
            "bigquery", "redshift", "duckdb", "trino")
MAX_BYTES = 1_000_000
_CONNECTS = frozenset({"create_engine", "connect"})


def literal(node: cst.BaseExpression) -> tuple[str, bool] | None:
    """A string argument's text, and whether values are interpolated into it (f-string, %, +)."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return (value if isinstance(value, str) else value.decode("latin-1")), False
    if isinstance(node, cst.FormattedString):
        parts = [p.value for p in node.parts if isinstance(p, cst.FormattedStringText)]
        return "".join(parts), any(isinstance(p, cst.FormattedStringExpression) for p in node.parts)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo | cst.Add):
        inner = literal(node.left)
        return (inner[0], True) if inner else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = literal(node.left), literal(node.right)
        return (left[0] + right[0], left[1] or right[1]) if left and right else None
    return None


def measures(node: cst.Call) -> list[str]:
    """The SQL measures a call shows: a query, a whole table read, interpolation, a dialect."""
    name = dotted(node.func).rsplit(".", 1)[-1] or (
        node.func.attr.value if isinstance(node.func, cst.Attribute) else "")
    if not node.args or (name not in CALLS and name not in _CONNECTS):
        return []  # before reading the string: evaluating a literal parses it
    found = literal(node.args[0].value)
    if found is None:
        return []
    text, interpolated = found
    if name in _CONNECTS:
        scheme = text.split(":", 1)[0].split("+", 1)[0].lower()
        return [f"dialect:{scheme}"] if scheme in DIALECTS else []
    if name not in CALLS or not STATEMENT.match(text):
        return []
    marks = ["query"] + (["interpolated"] if interpolated else [])
    return marks + (["whole_table"] if name.startswith("read_sql") and WHOLE_TABLE.match(text)
                    else [])


def sql_files(repo: Repo) -> tuple[list[str], list[str], int]:
    """The `.sql` files, those that are dbt models, and the number of dbt column tests."""
    files = sorted(p for p, size in repo.files.items()
                   if p.endswith(".sql") and size < MAX_BYTES and dbt.owned(repo, p))
    models = [p for p in files if any(p.startswith(f"{root}/models/".lstrip("/"))
                                      for root in dbt.projects(repo))]
    return files, models, len(dbt.test_blocks(repo))
