"""The process around a clone: time limit, interruption, and temporary directories removed."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

NO_PROXY = {"https_proxy": "", "HTTPS_PROXY": "", "all_proxy": "", "ALL_PROXY": "",
            "no_proxy": "*", "NO_PROXY": "*"}


@pytest.fixture
def silent_server() -> Iterator[str]:
    """An https URL whose server accepts the connection and never answers: git waits."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"https://127.0.0.1:{server.getsockname()[1]}/r.git"


def start(tmp: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "analyzer", "scan", *args, "--format=json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, **NO_PROXY, "TMPDIR": str(tmp)},
    )


def test_clone_timeout_is_one_line_and_cleans_up(tmp_path: Path, silent_server: str) -> None:
    """--timeout stops a clone that hangs: exit 2, one line, no temporary directory left."""
    process = start(tmp_path, silent_server, "--timeout=1")
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 2
    assert stderr == "modernity: clone took longer than 1 s (--timeout)\n"
    assert '"error"' in stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_signal_during_clone_removes_temporary_directories(
    tmp_path: Path, silent_server: str, signum: int,
) -> None:
    """Interrupted mid-clone: exit 128+signal, the clone and hooks directories are gone."""
    process = start(tmp_path, silent_server)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("modernity-*/repo")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(tmp_path.glob("modernity-*/repo")), "the clone never started"
    process.send_signal(signum)
    process.communicate(timeout=60)
    assert process.returncode == 128 + signum
    assert list(tmp_path.iterdir()) == []
