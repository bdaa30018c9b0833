import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from analyzer.rules import Level
from checks.async_code import AsyncCode
from tests.conftest import signal_of
from tests.notebook import notebook

SOURCE = """\
import asyncio

async def fetch(client):
    async with client:
        async for row in client.rows():
            await row.save()
    return [x async for x in client.more()]

def sync():
    return 1
"""

NO_NOTEBOOKS = {"async_defs": 0, "awaits": 0, "async_with": 0, "async_for": 0,
                "task_groups": 0, "gather": 0}


def test_counts_async_constructs() -> None:
    """async def, await, async with and async for (loops and comprehensions) are counted."""
    signal = signal_of(Repo.from_files({"svc.py": SOURCE}), "async_code")
    assert signal.value == 1
    assert signal.evidence == (Location("svc.py", 3),)
    assert dict(signal.details) == {
        "awaits": 1, "async_with": 1, "async_for": 2, "task_groups": 0, "gather": 0,
        "libraries": [], "in_notebooks": NO_NOTEBOOKS,
    }


def test_async_def_without_any_await_is_not_called_asynchronous_code() -> None:
    """Routes marked ``async`` that await nothing (a blocking ORM call inside) earn no green
    flag; one ``await`` anywhere does."""
    routes = ("@app.get('/items')\nasync def items(db=Depends(get_db)):\n"
              "    return db.query(Item).all()\n\n"
              "@app.get('/health')\nasync def health():\n    return {'ok': True}\n")
    signal = signal_of(Repo.from_files({"main.py": routes}), "async_code")
    assert signal.value == 2
    assert AsyncCode.rule.flags(signal) == []
    awaited = routes + "\nasync def ping(client):\n    return await client.get('/')\n"
    signal = signal_of(Repo.from_files({"main.py": awaited}), "async_code")
    assert [f.level for f in AsyncCode.rule.flags(signal)] == [Level.GREEN]


def test_plain_code_has_no_async() -> None:
    """Synchronous code measures zero, not 'not applicable'."""
    signal = signal_of(Repo.from_files({"a.py": "def f():\n    return 1\n"}), "async_code")
    assert signal.value == 0
    assert signal.summary == "No async functions."


def test_task_groups_and_gather() -> None:
    """asyncio.TaskGroup, anyio task groups, trio nurseries and gather are counted."""
    source = (
        "async def main():\n"
        "    async with asyncio.TaskGroup() as tg: tg.create_task(job())\n"
        "    async with anyio.create_task_group() as tg: pass\n"
        "    async with trio.open_nursery() as n: pass\n"
        "    await asyncio.gather(a(), b())\n"
    )
    details = signal_of(Repo.from_files({"m.py": source}), "async_code").details
    assert (details["task_groups"], details["gather"], details["async_with"]) == (3, 1, 3)


@pytest.mark.parametrize(("source", "libraries"), [
    pytest.param("import httpx\n", ["httpx"], id="import"),
    pytest.param("from aiohttp import web\n", ["aiohttp"], id="from-import"),
    pytest.param("import redis.asyncio as redis\n", ["redis.asyncio"], id="redis-asyncio"),
    pytest.param("from redis import asyncio\n", ["redis.asyncio"], id="from-redis-import-asyncio"),
    pytest.param("import redis\n", [], id="sync-redis"),
    pytest.param("from fastapi import FastAPI\nimport trio\n", ["fastapi", "trio"], id="two"),
    pytest.param("from .httpx import x\n", [], id="relative-import"),
])
def test_async_libraries_imported(source: str, libraries: list[str]) -> None:
    """Known async libraries are listed by the name they are imported under."""
    signal = signal_of(Repo.from_files({"m.py": source}), "async_code")
    assert signal.details["libraries"] == libraries


def test_test_data_is_not_counted() -> None:
    """Sample programs that tests read are not the candidate's code."""
    repo = Repo.from_files({"tests/data/a.py": "import trio\nasync def f(): pass\n"})
    signal = signal_of(repo, "async_code")
    assert (signal.value, signal.details["libraries"]) == (0, [])


def test_notebook_async_is_counted_apart() -> None:
    """Top-level await in a notebook cell parses and counts apart from production."""
    cell = "!pip install httpx\nasync def get(c):\n    return await c.get('/')\n"
    signal = signal_of(Repo.from_files({"n.ipynb": notebook(cell)}), "async_code")
    assert signal.value == 0
    assert signal.details["in_notebooks"] == {
        "async_defs": 1, "awaits": 1, "async_with": 0, "async_for": 0,
        "task_groups": 0, "gather": 0,
    }


@pytest.mark.parametrize(("files", "said"), [
    pytest.param({"tests/test_a.py": "async def test_a():\n    await b()\n"},
                 "1 async function(s) (all in tests),", id="tests-only"),
    pytest.param({"a.py": "async def a():\n    pass\n",
                  "tests/test_a.py": "async def test_a():\n    await a()\n"},
                 "2 async function(s) (1 in tests),", id="both"),
    pytest.param({"a.py": "async def a():\n    pass\n"}, "1 async function(s),", id="product"),
])
def test_the_summary_says_how_many_are_tests(files: dict[str, str], said: str) -> None:
    """Async tests count (the candidate wrote them), but a recruiter is told they are tests."""
    assert signal_of(Repo.from_files(files), "async_code").summary.startswith(said)
