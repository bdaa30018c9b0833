from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of

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


def test_counts_async_constructs() -> None:
    """async def, await, async with and async for (loops and comprehensions) are counted."""
    signal = signal_of(Repo.from_files({"svc.py": SOURCE}), "async_code")
    assert signal.value == 1
    assert signal.evidence == (Location("svc.py", 3),)
    assert dict(signal.details) == {"awaits": 1, "async_with": 1, "async_for": 2}


def test_plain_code_has_no_async() -> None:
    """Synchronous code measures zero, not 'not applicable'."""
    signal = signal_of(Repo.from_files({"a.py": "def f():\n    return 1\n"}), "async_code")
    assert signal.value == 0
    assert signal.summary == "No async functions."
