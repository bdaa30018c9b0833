"""Running a batch's jobs on local threads or on Dask; this process alone writes the store.

Each finished target is written at once, so an interrupted batch keeps everything
finished before the interruption and ``--resume`` picks up the rest. On Dask each
target is one task; a worker that dies while holding it costs one retry (the
scheduler's ``allowed-failures``), after which the target is recorded as failed.
"""

import concurrent.futures as cf
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from analyzer.batch.children import allow_children, stop_all
from analyzer.batch.plan import Job, Unscanned
from analyzer.batch.store import Row, Store
from analyzer.batch.worker import Outcome, Settings, run_job

Report = Callable[[Outcome], None]


def row_of(outcome: Outcome) -> Row:
    job, document = outcome.job, outcome.document
    return Row(
        candidate=job.candidate, target=job.target, author=job.author, role=job.role,
        extra=job.extra, status=outcome.status, commit=outcome.commit,
        tool_version=outcome.tool_version,
        score=None if document is None else document["score"]["total"], error=outcome.error,
        report=document, scans=1, finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=round(outcome.seconds, 3),
    )


def record_unscanned(store: Store, items: Sequence[Unscanned]) -> None:
    """Skipped repositories and profiles that could not be listed: no scan, so no count."""
    for item in items:
        outcome = Outcome(item.job, item.status, 0.0, error=item.reason)
        store.record(replace(row_of(outcome), scans=0))


def _run_local(jobs: Sequence[Job], settings: Settings, workers: int) -> Generator[Outcome]:
    allow_children()
    pool = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="modernity-batch")
    try:
        pending = {pool.submit(run_job, job, settings, keep_child=True) for job in jobs}
        while pending:
            done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        stop_all()  # an interruption: the running children remove their clones and exit
        pool.shutdown(wait=True)


@contextmanager
def dask_client(scheduler: str, workers: int) -> Iterator[Any]:
    """A client of ``scheduler`` (an address), or of a fresh LocalCluster for ``local``."""
    import dask  # noqa: PLC0415
    from distributed import Client, LocalCluster  # noqa: PLC0415

    if scheduler != "local":
        with Client(scheduler) as client:
            yield client
        return
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}), LocalCluster(
        processes=True, n_workers=workers, threads_per_worker=1, dashboard_address=":0",
    ) as cluster, Client(cluster) as client:
        yield client


def _run_dask(jobs: Sequence[Job], settings: Settings, client: Any) -> Generator[Outcome]:
    from distributed import as_completed  # noqa: PLC0415

    futures = {client.submit(run_job, job, settings, pure=False): job for job in jobs}
    try:
        for future in as_completed(list(futures)):
            try:
                yield future.result()
            except Exception as error:  # KilledWorker: the retry died too
                first = (str(error).splitlines() or [""])[0]
                yield Outcome(futures[future], "failed", 0.0, internal=True,
                              error=f"the Dask worker died: {type(error).__name__}: {first}")
    finally:
        client.cancel(list(futures))


def run(store: Store, jobs: Sequence[Job], settings: Settings, *, workers: int,
        client: Any = None, on_outcome: Report | None = None) -> list[Outcome]:
    """Run ``jobs``, recording each outcome as it arrives; 'unchanged' ones are not rewritten."""
    source = _run_local(jobs, settings, workers) if client is None else _run_dask(
        jobs, settings, client)
    outcomes = []
    try:
        for outcome in source:
            if outcome.status != "unchanged":
                store.record(row_of(outcome))
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    finally:
        source.close()  # now, not when the interrupted frame is collected: children stop
    return outcomes
