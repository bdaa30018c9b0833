"""Asynchronous code: `async def`, `await`, `async with`, `async for`, task groups, libraries.

## What it measures
The number of `async def` functions, with counts of `await` expressions,
`async with` and `async for` statements, structured task groups
(`asyncio.TaskGroup`, anyio's `create_task_group`, trio's `open_nursery`),
`asyncio.gather` calls, and the async libraries imported (httpx, aiohttp, anyio,
trio, asyncpg, aiofiles, motor, redis.asyncio, websockets, starlette, FastAPI...).
Test data and vendored code are not counted; notebook figures are reported apart.

## Why it matters
Async/await is how Python serves many concurrent connections (FastAPI, aiohttp,
httpx). Code that uses it well shows the candidate understands concurrency;
task groups (3.11) are the modern, safer way to run tasks side by side.

## Example
```python
async def fetch_user(user_id: int) -> User:
    async with httpx.AsyncClient() as client:
        response = await client.get(f"/users/{user_id}")
```

## Caveats
Zero is normal for data, ML and scripting work, where async brings nothing. A
high count with no `await` inside suggests functions marked async by habit. An
imported library is not proof it is used asynchronously (httpx also has a
synchronous client).
"""

from __future__ import annotations

from collections import Counter

import libcst as cst

from analyzer.api import (
    Example,
    FileCheck,
    Fold,
    Level,
    Location,
    Role,
    Rule,
    Signal,
    SourceFile,
    dotted,
    flag,
    saturate,
    value,
    when,
)
from checks.async_code._libraries import FileAsync, LibraryImports, summary, totals

_TASK_GROUPS = frozenset({"TaskGroup", "create_task_group", "open_nursery"})


def _awaits(signal: Signal) -> bool:
    """``async def`` alone is no asynchronous code: something must be awaited."""
    return any(signal.details.get(name) for name in ("awaits", "async_with", "async_for"))


class AsyncCode(LibraryImports, FileCheck[FileAsync]):
    rule = Rule(6, saturate(3), when(
        lambda s: value(s) > 0 and _awaits(s),
        flag(Level.GREEN, "Writes asynchronous code (async/await)."),
    ))
    examples = (
        Example({"a.py": "async def f():\n    await g()\n"}, 1, ("a.py:1",)),
        Example({"tests/data/a.py": "async def f(): ...\n"}, 0, note="test data is not counted"),
    )

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.async_defs: list[int] = []
        self.counts: Counter[str] = Counter()
        self.libraries: set[str] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node.asynchronous is not None:
            self.async_defs.append(self.line(node))

    def visit_Await(self, node: cst.Await) -> None:
        self.counts["awaits"] += 1

    def visit_With(self, node: cst.With) -> None:
        self.counts["async_with"] += node.asynchronous is not None

    def visit_For(self, node: cst.For) -> None:
        self.counts["async_for"] += node.asynchronous is not None

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.counts["async_for"] += node.asynchronous is not None

    def visit_Call(self, node: cst.Call) -> None:
        name = dotted(node.func).rsplit(".", 1)[-1]
        if name in _TASK_GROUPS or name == "gather":  # a Counter's missing key costs a call
            self.counts["task_groups"] += name in _TASK_GROUPS
            self.counts["gather"] += name == "gather"

    def observe(self) -> FileAsync:
        counts = tuple(sorted((k, v) for k, v in self.counts.items() if v))
        return FileAsync(tuple(self.async_defs), counts, tuple(sorted(self.libraries)))

    @classmethod
    def result(cls, fold: Fold[FileAsync]) -> Signal:
        files, notebooks = fold.of(Role.PRODUCTION, Role.TEST), fold.notebooks
        evidence = tuple(
            Location(path, line) for path, obs in files.items() for line in obs.async_defs
        )
        counts, libraries = totals(files.values()), sorted(
            {name for obs in files.values() for name in obs.libraries})
        in_notebooks: dict[str, object] = {
            "async_defs": sum(len(o.async_defs) for o in notebooks.values()),
            **totals(notebooks.values()),
        }
        in_tests = sum(len(obs.async_defs) for obs in fold.of(Role.TEST).values())
        return cls.signal(
            len(evidence), summary(len(evidence), counts, libraries, in_tests), evidence=evidence,
            details=counts, libraries=libraries, in_notebooks=in_notebooks,
        )
