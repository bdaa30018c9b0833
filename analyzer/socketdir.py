"""A short directory for the fork server's socket, whatever ``TMPDIR`` is.

multiprocessing puts the fork server's AF_UNIX socket under ``tempfile.gettempdir()``;
a socket path has a limit of about 107 bytes, so a long ``TMPDIR`` (a CI runner's
nested temporary folder, a macOS per-user folder) made every scan fail with
"AF_UNIX path too long". Only the fork server's start sees the short directory:
clones and other temporary files still go where ``TMPDIR`` says.
"""

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

TYPE_CHECKING = False  # as typing's, which is not imported before the fork server starts
if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

_ROOM = 60  # bytes left for multiprocessing's "pymp-XXXXXXXX/listener-XXXXXXXX"


@contextmanager
def short_temp_dir() -> Iterator[None]:
    import tempfile  # noqa: PLC0415  (a warm scan starts no fork server: 3 ms it needs not)

    if len(os.fsencode(tempfile.gettempdir())) <= _ROOM:
        yield
        return
    from pathlib import Path  # noqa: PLC0415  (not imported before the fork server starts)

    if not Path("/tmp").is_dir():
        yield
        return
    saved, tempfile.tempdir = tempfile.tempdir, "/tmp"
    try:
        yield
    finally:
        tempfile.tempdir = saved


def worker_context() -> "BaseContext":
    """How workers start: forks of a fork server that has imported ``analyzer.warm``
    (``spawn`` where there is none). The first call starts that server.

    Here, not in ``analyzer.pool``, so that a cold scan starts it before importing
    anything else (``analyzer.entry``): the server's imports are a scan's critical path.
    """
    import multiprocessing  # noqa: PLC0415

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if hasattr(context, "set_forkserver_preload"):
        context.set_forkserver_preload(["analyzer.warm"])
        ensure_fork_server()  # before any start: its socket must get a short path
    return context


def ensure_fork_server() -> None:
    """Start multiprocessing's fork server, its socket in a short enough directory."""
    from multiprocessing import forkserver  # noqa: PLC0415

    with short_temp_dir(), _tracker_later():
        forkserver.ensure_running()


@contextmanager
def _tracker_later() -> Iterator[None]:
    """Start the fork server without first starting multiprocessing's resource tracker.

    The tracker is a third interpreter starting at once with this process and the fork
    server, on a machine with two cores; the fork server never uses it. The first
    worker needs it (its file descriptor is sent with each fork) and starts it then.
    """
    from multiprocessing import resource_tracker  # noqa: PLC0415

    starting = resource_tracker.ensure_running
    resource_tracker.ensure_running = lambda: None
    try:
        yield
    finally:
        resource_tracker.ensure_running = starting


def stop_fork_server() -> None:
    """Stop the fork server if it runs (a scan that found every file in the cache never
    needs it); the next ``ensure_fork_server`` starts a new one."""
    forkserver = sys.modules.get("multiprocessing.forkserver")
    if forkserver is None:  # never imported, so never started: importing it costs 20 ms
        return
    server = forkserver._forkserver
    pid = getattr(server, "_forkserver_pid", None)  # no public way to ask or to stop it
    if isinstance(pid, int):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)  # it may be importing: it reads no pipe until done
        # reaps it, forgets it and unlinks its socket
        server._stop()
