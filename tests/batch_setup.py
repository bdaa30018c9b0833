"""The 12-target batch the batch tests share: 10 fixture repositories, 1 unreachable, 1 hostile."""

import csv
import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.gitrepo import fixture_names, materialise

NOW = "2026-06-01"
NO_PROXY = {"http_proxy": "", "https_proxy": "", "HTTP_PROXY": "", "HTTPS_PROXY": "",
            "all_proxy": "", "ALL_PROXY": "", "no_proxy": "*", "NO_PROXY": "*"}


@dataclass(frozen=True)
class Batch:
    csv: Path
    good: tuple[str, ...]
    unreachable: str
    hostile: str
    marker: Path  # the hostile target would create it if git ever ran it


def make_batch(root: Path) -> Batch:
    names = fixture_names()[:10]
    good = []
    for number, name in enumerate(names):
        repo = materialise(name, root / "repos" / name)
        good.append(repo.as_uri() if number % 2 else str(repo))  # paths and file:// URLs
    marker = root / "pwned"
    evil = root / "evil.sh"
    evil.write_text(f"#!/bin/sh\ntouch {marker}\n")
    evil.chmod(0o755)
    unreachable, hostile = "https://127.0.0.1:9/gone.git", f"ext::{evil}"
    targets = [*good[:5], unreachable, *good[5:], hostile]
    path = root / "candidates.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["candidate", "targets", "author", "role", "source"])
        for number in range(4):  # four candidates with three targets each
            mine = targets[number * 3:number * 3 + 3]
            writer.writerow([f"candidate {number}", " ".join(mine), "author@example.com",
                             "backend" if number % 2 else "data", f"ad {number}"])
    return Batch(path, tuple(good), unreachable, hostile, marker)


def batch_env(tmp: Path, cache: Path) -> dict[str, str]:
    return {**os.environ, **NO_PROXY, "TMPDIR": str(tmp), "MODERNITY_CACHE_DIR": str(cache)}


def start_batch(batch: Batch, db: Path, env: dict[str, str], *args: str,
                ) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "analyzer", "batch", str(batch.csv), "--db", str(db),
         f"--now={NOW}", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def stored(db: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """What a batch stored per (candidate, target), less the timings (they differ per run)."""
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute(
            "SELECT candidate, target, author, role, extra, status, commit_sha, tool_version, "
            "score, error, report, scans FROM results").fetchall()
    found = {}
    for row in rows:
        values = dict(row)
        values["error"] = re.sub(r"\d+ ms", "N ms", values["error"] or "")
        found[row["candidate"], row["target"]] = values
    return found


def count_rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM results").fetchone()[0])
    except sqlite3.OperationalError:  # the batch has not created the table yet
        return 0
