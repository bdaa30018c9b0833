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

from collections import Counter

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.names import dotted
from analyzer.paths import Role
from checks._async import FileAsync, async_libraries, totals

_TASK_GROUPS = frozenset({"TaskGroup", "create_task_group", "open_nursery"})


class AsyncCode(Check[FileAsync]):
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
        self.counts["task_groups"] += name in _TASK_GROUPS
        self.counts["gather"] += name == "gather"

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

    def observe(self) -> FileAsync:
        counts = tuple(sorted((k, v) for k, v in self.counts.items() if v))
        return FileAsync(tuple(self.async_defs), counts, tuple(sorted(self.libraries)))

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        files: dict[str, FileAsync] = {}
        notebooks: dict[str, FileAsync] = {}
        for path, obs in cls.observed(corpus).items():
            role = corpus.repo.role(path)
            if role is Role.NOTEBOOK:
                notebooks[path] = obs
            elif role is not Role.TEST_DATA:
                files[path] = obs
        evidence = tuple(
            Location(path, line) for path, obs in files.items() for line in obs.async_defs
        )
        counts, in_notebooks = totals(files.values()), totals(notebooks.values())
        libraries = sorted({name for obs in files.values() for name in obs.libraries})
        if evidence:
            summary = (
                f"{len(evidence)} async function(s), {counts['awaits']} await(s), "
                f"{counts['async_with']} async with, {counts['async_for']} async for, "
                f"{counts['task_groups']} task group(s), {counts['gather']} gather."
            )
        else:
            summary = "No async functions."
        if libraries:
            summary += f" Async libraries: {', '.join(libraries)}."
        return cls.signal(
            len(evidence), summary, evidence=evidence, **counts, libraries=libraries,
            in_notebooks={"async_defs": sum(len(o.async_defs) for o in notebooks.values()),
                          **in_notebooks},
        )

