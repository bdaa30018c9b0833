"""Helpers for the async_code check: the async libraries it knows, and folding counts."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

ASYNC_LIBRARIES = frozenset({
    "httpx", "aiohttp", "anyio", "trio", "asyncpg", "aiofiles", "motor", "aioredis",
    "redis.asyncio", "websockets", "starlette", "fastapi", "aiosqlite", "aiomysql",
    "aiokafka", "aio_pika", "quart", "sanic", "uvicorn", "asyncssh", "aiobotocore",
})
COUNTS = ("awaits", "async_with", "async_for", "task_groups", "gather")


@dataclass(frozen=True, slots=True)
class FileAsync:
    async_defs: tuple[int, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    libraries: tuple[str, ...] = ()


def async_libraries(module: str) -> set[str]:
    """The known async libraries an imported module belongs to (``redis.asyncio.client``...)."""
    parts = module.split(".")
    return {name for name in (parts[0], ".".join(parts[:2])) if name in ASYNC_LIBRARIES}


def totals(files: Iterable[FileAsync]) -> dict[str, int]:
    summed: Counter[str] = Counter()
    for obs in files:
        summed.update(dict(obs.counts))
    return {name: summed[name] for name in COUNTS}
