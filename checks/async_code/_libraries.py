"""Helpers for the async_code check: the async libraries it knows, and folding counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import libcst as cst

from analyzer.api import dotted

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


def summary(
    async_defs: int, counts: dict[str, int], libraries: list[str], in_tests: int = 0,
) -> str:
    where = "" if not in_tests else " (all in tests)" if in_tests == async_defs else (
        f" ({in_tests} in tests)")
    text = (
        f"{async_defs} async function(s){where}, {counts['awaits']} await(s), "
        f"{counts['async_with']} async with, {counts['async_for']} async for, "
        f"{counts['task_groups']} task group(s), {counts['gather']} gather."
    ) if async_defs else "No async functions."
    return text + (f" Async libraries: {', '.join(libraries)}." if libraries else "")


class LibraryImports:
    """Visitor methods of the check: which known async libraries a file imports."""

    libraries: set[str]  # set by the check's __init__

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._library(dotted(alias.name))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is None or node.relative:
            return
        module = dotted(node.module)
        self._library(module)
        if module == "redis" and not isinstance(node.names, cst.ImportStar):
            for alias in node.names:
                self._library(f"redis.{dotted(alias.name)}")

    def _library(self, module: str) -> None:
        self.libraries |= async_libraries(module)

