"""The console script ends without the interpreter's teardown, losing nothing on the way."""

import json
import subprocess
import sys
from pathlib import Path

import pytest


def _ending(body: str) -> subprocess.CompletedProcess[str]:
    program = "import atexit, sys, threading, time\nfrom analyzer.entry import end\n" + body
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=False, timeout=60)


@pytest.mark.parametrize("code", [0, 1, 2, 3])
def test_the_status_exit_handlers_and_unflushed_output_survive(code: int) -> None:
    done = _ending(
        "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
        "sys.stdout.write('report without a line end')\n"
        f"end(SystemExit({code}))\n"
        "print('never reached')\n"
    )
    assert done.returncode == code
    assert done.stdout == "report without a line end"
    assert done.stderr == "handler ran\n"


def test_a_message_as_status_is_printed_and_exits_1() -> None:
    done = _ending("end(SystemExit('modernity: gone'))\n")
    assert (done.returncode, done.stderr) == (1, "modernity: gone\n")


def test_a_running_thread_gets_the_ordinary_exit() -> None:
    """``end`` returns; the interpreter then waits for the thread, as ``sys.exit`` does."""
    done = _ending(
        "worker = threading.Thread(target=lambda: (time.sleep(0.3), print('thread done')))\n"
        "worker.start()\n"
        "end(SystemExit(0))\n"
        "print('ordinary exit')\n"
    )
    assert done.returncode == 0
    assert done.stdout.splitlines() == ["ordinary exit", "thread done"]


def test_a_json_report_through_the_console_script_is_whole(tmp_path: Path) -> None:
    """The script's fast exit comes after the report is flushed to a pipe, whatever its size."""
    for n in range(40):
        (tmp_path / f"module_{n}.py").write_text(f"def f{n}(a: int) -> int:\n    return a\n")
    script = Path(sys.executable).with_name("modernity")
    done = subprocess.run([str(script), "scan", str(tmp_path), "--format=json", "--no-cache",
                           "--now=2026-06-01", "--fail-under=100"],
                          capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 1  # below --fail-under, after the report
    assert json.loads(done.stdout)["files"]["python"] == 40
