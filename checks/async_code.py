"""Asynchronous code: `async def`, `await`, `async with` and `async for`.

## What it measures
The number of `async def` functions, with counts of `await` expressions,
`async with` and `async for` statements. Test data and vendored code are not
counted.

## Why it matters
Async/await is how Python serves many concurrent connections (FastAPI, aiohttp,
httpx). Code that uses it well shows the candidate understands concurrency.

## Example
```python
async def fetch_user(user_id: int) -> User:
    async with httpx.AsyncClient() as client:
        response = await client.get(f"/users/{user_id}")
```

## Caveats
Zero is normal for data, ML and scripting work, where async brings nothing. A
high count with no `await` inside suggests functions marked async by habit.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.check import Check, Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role


@dataclass(frozen=True, slots=True)
class FileAsync:
    async_defs: tuple[int, ...] = ()
    awaits: int = 0
    async_with: int = 0
    async_for: int = 0


class AsyncCode(Check[FileAsync]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.async_defs: list[int] = []
        self.awaits = self.async_with = self.async_for = 0

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node.asynchronous is not None:
            self.async_defs.append(self.line(node))

    def visit_Await(self, node: cst.Await) -> None:
        self.awaits += 1

    def visit_With(self, node: cst.With) -> None:
        self.async_with += node.asynchronous is not None

    def visit_For(self, node: cst.For) -> None:
        self.async_for += node.asynchronous is not None

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.async_for += node.asynchronous is not None

    def observe(self) -> FileAsync:
        return FileAsync(tuple(self.async_defs), self.awaits, self.async_with, self.async_for)

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        files = {
            path: obs for path, obs in cls.observed(corpus).items()
            if corpus.repo.role(path) is not Role.TEST_DATA
        }
        evidence = tuple(
            Location(path, line) for path, obs in files.items() for line in obs.async_defs
        )
        awaits = sum(obs.awaits for obs in files.values())
        async_with = sum(obs.async_with for obs in files.values())
        async_for = sum(obs.async_for for obs in files.values())
        if evidence:
            summary = (
                f"{len(evidence)} async function(s), {awaits} await(s), "
                f"{async_with} async with, {async_for} async for."
            )
        else:
            summary = "No async functions."
        return cls.signal(
            len(evidence), summary, evidence=evidence,
            awaits=awaits, async_with=async_with, async_for=async_for,
        )
