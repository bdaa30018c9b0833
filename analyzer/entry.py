"""The ``modernity`` console script, importing the CLI only when run.

Each analysis worker imports the script that started the scan again (multiprocessing
does, to find the functions it was sent by name); a script that imported the whole
CLI (click and every command) made every worker pay for it before its first file.

Once the command is done, the process ends without tearing the interpreter down: a
cold flask scan spent 0.06-0.08 s freeing objects one by one after its report was
written, about 5% of the scan (mypy ends the same way, for the same reason). Every
exit handler runs first (multiprocessing's, which stop the workers and remove their
folder), then standard output and error are flushed; a thread still running makes
the exit the ordinary one, which waits for it.
"""

import atexit
import contextlib
import gc
import os
import sys
import threading


def run() -> None:
    # The collector's youngest generation is collected every 700 new objects; starting up
    # makes tens of thousands (classes, functions, a report's values), almost none of them
    # garbage. Collecting a tenth as often makes a warm scan 3% faster, as mypy does too.
    gc.set_threshold(10_000, 10, 10)
    if _analyses_every_file(sys.argv[1:]):
        from analyzer.socketdir import worker_context  # noqa: PLC0415  (not analyzer.pool's)

        with contextlib.suppress(Exception):  # the CLI's own call reports what went wrong
            worker_context()  # the workers' fork server imports libcst and the checks meanwhile
    from analyzer.cli import main  # noqa: PLC0415  (not in a worker: see above)

    try:
        main()
    except SystemExit as done:
        end(done)
        raise


def _analyses_every_file(args: list[str]) -> bool:
    """A scan told to analyse every file again will need its workers: their fork server
    can start before click and the CLI are imported (0.03-0.04 s before the CLI would)."""
    return bool(args) and args[0] == "scan" and "--no-cache" in args[1:]


def end(done: SystemExit) -> None:
    """Exit now with ``done``'s status, as ``sys.exit`` would, without the teardown."""
    if threading.active_count() > 1:
        return
    code = done.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)  # what the interpreter does with a message
        code = 1
    atexit._run_exitfuncs()  # os._exit skips them: run them, once
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: the interpreter's own status for it
        code = 120
    os._exit(code or 0)
