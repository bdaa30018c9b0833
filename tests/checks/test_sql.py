import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of
from tests.notebook import notebook


@pytest.mark.parametrize("source", [
    pytest.param("pd.read_sql('SELECT id FROM t WHERE x > 1', e)\n", id="read-sql"),
    pytest.param("cur.execute('''\n    INSERT INTO t VALUES (1)\n''')\n", id="execute-multiline"),
    pytest.param("s.execute(text('WITH a AS (SELECT 1) SELECT * FROM a'))\n", id="sqlalchemy-text"),
    pytest.param("spark.sql('select count(*) from events')\n", id="spark"),
    pytest.param("q = sql.SQL('CREATE TABLE {t} (id int)').format(t=name)\n",
                 id="psycopg2-composed-sql"),
])
def test_sql_statements_in_python_are_found(source: str) -> None:
    signal = signal_of(Repo.from_files({"a.py": source}), "sql")
    assert signal.details["python_queries"] == 1
    assert signal.evidence[0] == Location("a.py", 1)


def test_strings_that_are_not_sql_are_not_queries() -> None:
    source = "cur.execute('selection of things')\nlog.text('selected items')\n"
    repo = Repo.from_files({"a.py": source})
    assert signal_of(repo, "sql").value is None


def test_a_whole_table_read_is_a_question_at_its_line() -> None:
    """The issue's example: reading a whole table into pandas before filtering."""
    from analyzer.score import score  # noqa: PLC0415

    repo = Repo.from_files({"etl/load.py": "\n\nf = pd.read_sql('SELECT * FROM raw.sales', e)\n"})
    signal = signal_of(repo, "sql")
    assert signal.details["whole_table_reads"] == ["etl/load.py:3"]
    [flag] = score([signal]).flags
    assert flag.question.startswith("etl/load.py:3 loads the whole table")


def test_interpolated_sql_is_counted() -> None:
    repo = Repo.from_files({"a.py": "cur.execute(f'SELECT * FROM t WHERE id = {user_id}')\n"})
    assert signal_of(repo, "sql").details["interpolated"] == 1


def test_dbt_models_and_tests() -> None:
    repo = Repo.from_files({
        "dbt/dbt_project.yml": "name: x\n", "dbt/models/a.sql": "select 1\n",
        "dbt/models/schema.yml": "models:\n  - name: a\n    columns:\n      - name: id\n"
                                 "        tests: [unique]\n",
        "scripts/setup.sql": "create table t (id int);\n",
    })
    details = signal_of(repo, "sql").details
    assert (details["sql_files"], details["dbt_models"], details["dbt_tests"]) == (2, 1, 1)


def test_dialect_from_a_connection_url() -> None:
    repo = Repo.from_files({"a.py": "e = create_engine('postgresql+psycopg://db/x')\n"
                                    "pd.read_sql('SELECT 1', e)\n"})
    assert signal_of(repo, "sql").details["dialects"] == ["postgresql"]


def test_notebook_queries_count() -> None:
    repo = Repo.from_files({"n.ipynb": notebook("df = pd.read_sql('SELECT a FROM t', con)\n")})
    assert signal_of(repo, "sql").details["python_queries"] == 1
