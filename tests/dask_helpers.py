"""Task functions for the Dask tests, importable by worker processes."""

import os
from pathlib import Path

from analyzer.batch.plan import Job
from analyzer.batch.worker import Outcome, Settings


def die(job: Job, settings: Settings) -> Outcome:
    """Count the attempt in the file named by the job's target, then kill the worker."""
    with Path(job.target).open("a") as attempts:
        attempts.write("attempt\n")
    os._exit(1)
