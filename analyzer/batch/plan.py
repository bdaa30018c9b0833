"""From the candidates CSV to one job per target.

Columns: ``candidate`` and ``targets`` (required), ``author`` and ``role``; any other
column is carried through to the store. ``targets`` holds one or more targets
separated by spaces or ``;`` (URLs, paths, ``github:LOGIN``); ``author`` one or more
identities separated by ``;``. A GitHub profile becomes one job per chosen repository;
a profile that cannot be listed becomes a failed result, not a stopped batch.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TextIO

from analyzer import github
from analyzer.errors import ConfigError, ModernityError
from analyzer.profile_target import profile_login

REQUIRED = ("candidate", "targets")
KNOWN = (*REQUIRED, "author", "role")
MAX_FIELD = 10_000


@dataclass(frozen=True, slots=True)
class Job:
    """One target of one candidate, as a worker needs it (picklable, for Dask)."""

    candidate: str
    target: str
    authors: tuple[str, ...] = ()
    author: str = ""
    role: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    known_commit: str | None = None  # set by the runner for --resume


@dataclass(frozen=True, slots=True)
class Unscanned:
    """A target decided without scanning: a skipped repository or a profile that failed."""

    job: Job
    status: str  # 'skipped' or 'failed'
    reason: str


def read_rows(stream: TextIO) -> list[dict[str, str]]:
    reader = csv.DictReader(stream)
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise ConfigError(f"the candidates CSV needs the column(s) {', '.join(missing)}")
    rows = []
    for number, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if any(len(v) > MAX_FIELD for v in row.values()):
            raise ConfigError(f"the candidates CSV line {number} has a field over {MAX_FIELD:,} "
                              "characters")
        if row.get("candidate") and row.get("targets"):
            rows.append(row)
    return rows


def _split(text: str, pattern: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part for part in re.split(pattern, text) if part))


def jobs_of(row: dict[str, str], *, api: str | None, max_repos: int,
            ) -> Iterable[Job | Unscanned]:
    authors = _split(row.get("author", ""), r"\s*;\s*")
    extra = {k: v for k, v in row.items() if k not in KNOWN}
    base = Job(candidate=row["candidate"], target="", authors=authors,
               author=row.get("author", ""), role=row.get("role", ""), extra=extra)
    for target in _split(row["targets"], r"[\s;]+"):
        job = replace(base, target=target)
        try:
            login = profile_login(target)
            if login is None:
                yield job
                continue
            items = github.list_repos(login, base=github.api_base(api))
        except ModernityError as error:
            yield Unscanned(job, "failed", str(error))
            continue
        identities = authors + github.identities(login, items)
        for repo in github.choose(items, max_repos=max_repos):
            found = replace(job, target=repo.clone_url, authors=identities)
            yield Unscanned(found, "skipped", repo.skipped) if repo.skipped else found


def plan(stream: TextIO, *, api: str | None = None, max_repos: int = 10,
         ) -> list[Job | Unscanned]:
    """Every job of the CSV, in file order; duplicates (same candidate and target) once."""
    seen: set[tuple[str, str]] = set()
    found: list[Job | Unscanned] = []
    for row in read_rows(stream):
        for item in jobs_of(row, api=api, max_repos=max_repos):
            job = item.job if isinstance(item, Unscanned) else item
            if (job.candidate, job.target) not in seen:
                seen.add((job.candidate, job.target))
                found.append(item)
    return found
