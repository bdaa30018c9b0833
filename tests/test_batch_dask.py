"""`modernity batch --dask`: the same batch on a LocalCluster stores the same results."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from analyzer.batch import runner
from analyzer.batch.plan import Job
from analyzer.batch.store import Store
from analyzer.batch.worker import Settings
from tests.batch_setup import NO_PROXY, NOW, batch_env, make_batch, start_batch, stored
from tests.dask_helpers import die


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A LocalCluster's scheduler address and the temporary directory of its workers."""
    tmp = tmp_path_factory.mktemp("dask-tmp")
    saved = dict(os.environ)
    # workers are new processes: they take the environment as it is when they start
    os.environ.update({**NO_PROXY, "TMPDIR": str(tmp), "GIT_CONFIG_GLOBAL": os.devnull,
                       "GIT_CONFIG_NOSYSTEM": "1",
                       "MODERNITY_CACHE_DIR": str(tmp_path_factory.mktemp("dask-cache"))})
    try:
        with LocalCluster(processes=True, n_workers=2, threads_per_worker=1,
                          dashboard_address=":0") as started:
            yield started.scheduler_address, tmp
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_dask_run_stores_what_the_local_run_stores(
    cluster: tuple[str, Path], tmp_path: Path,
) -> None:
    scheduler, workers_tmp = cluster
    batch = make_batch(tmp_path)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = batch_env(tmp, tmp_path / "cache")
    local = start_batch(batch, tmp_path / "local.sqlite3", env, "--workers=1")
    on_dask = start_batch(batch, tmp_path / "dask.sqlite3",  # at the same time: test time
                          {**env, "MODERNITY_DASK": scheduler})
    _, local_err = local.communicate(timeout=300)
    _, dask_err = on_dask.communicate(timeout=300)
    assert (local.returncode, on_dask.returncode) == (2, 2), local_err + dask_err
    expected, found = stored(tmp_path / "local.sqlite3"), stored(tmp_path / "dask.sqlite3")
    assert len(found) == 12
    assert found == expected
    assert sum(row["status"] == "done" for row in found.values()) == 10
    assert list(tmp.iterdir()) == [] and list(workers_tmp.iterdir()) == []


def test_dead_worker_costs_one_retry_then_a_failed_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A target whose task kills its worker every time is tried twice, then stored as failed."""
    attempts = tmp_path / "attempts"
    monkeypatch.setattr(runner, "run_job", die)  # submitted by reference: workers import it
    store = Store(tmp_path / "s.sqlite3")
    with runner.dask_client("local", 1) as client:  # allowed-failures 1: one retry
        outcomes = runner.run(store, [Job(candidate="c", target=str(attempts))],
                              Settings(now=f"{NOW}T00:00:00+00:00"), workers=1, client=client)
    [row] = store.rows()
    assert row.status == "failed" and (row.error or "").startswith("the Dask worker died")
    assert [(o.status, o.internal) for o in outcomes] == [("failed", True)]  # exit 3
    assert attempts.read_text().count("attempt") == 2
