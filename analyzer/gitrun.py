"""Running git on a stranger's repository: neutralised settings, a deadline, no escape.

Every command runs in its own process group with a deadline and nothing on stdin but what
the caller gives; on
expiry (or when modernity itself is interrupted) the whole group is killed, so a
git blocked on a FIFO is never left behind. The environment drops every ``GIT_*``
variable that could point git at another repository, index, object store or
configuration, and discovery never climbs above the target
(``GIT_CEILING_DIRECTORIES``, explicit ``--git-dir``/``--work-tree``).
"""

import atexit
import os
import select
import signal
import subprocess
from collections.abc import Sequence
from contextlib import suppress
from functools import cache
from pathlib import Path

from analyzer.errors import RepositoryError

ALLOWED_PROTOCOLS = ("https", "ssh", "file")
_SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.untrackedCache=false",
    "core.askPass=",
    "credential.helper=",
    "diff.external=",
    "submodule.recurse=false",
    "filter.lfs.smudge=",
    "filter.lfs.process=",
    "filter.lfs.required=false",
    "protocol.allow=never",
    *(f"protocol.{name}.allow=always" for name in ALLOWED_PROTOCOLS),
    "safe.directory=*",
    "mailmap.file=",  # only the repository's own .mailmap, never a file named by its config
    "mailmap.blob=",
)
SAFE_ENV = {
    "GIT_ALLOW_PROTOCOL": ":".join(ALLOWED_PROTOCOLS),
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_LFS_SKIP_SMUDGE": "1",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_NO_REPLACE_OBJECTS": "1",
    "GIT_ASKPASS": "echo",
    "SSH_ASKPASS": "echo",
    "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
}
# Variables that would make git read another repository, index, object store or config.
_DROPPED = (
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
    "GIT_GRAFT_FILE", "GIT_REPLACE_REF_BASE", "GIT_SHALLOW_FILE", "GIT_QUARANTINE_PATH",
)


@cache
def empty_hooks_dir() -> str:
    """A private empty directory for ``core.hooksPath``: no hook of the repository can run."""
    import shutil  # noqa: PLC0415  (see ``git``)
    import tempfile  # noqa: PLC0415

    path = tempfile.mkdtemp(prefix="modernity-hooks-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def safe_config() -> tuple[str, ...]:
    """``-c`` settings that override whatever the scanned repository's own config says."""
    return (f"core.hooksPath={empty_hooks_dir()}", *_SAFE_CONFIG)


def environment(ceiling: Path | None = None) -> dict[str, str]:
    """The process environment without redirecting ``GIT_*`` variables, plus the safety ones."""
    env = {
        key: value for key, value in os.environ.items()
        if key not in _DROPPED and not key.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))
    }
    if ceiling is not None:
        env["GIT_CEILING_DIRECTORIES"] = str(ceiling)
    return env | SAFE_ENV


def _reason(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    reason = (fatal or lines or ["git failed"])[-1]
    return reason.removeprefix("fatal: ").removeprefix("error: ").strip()[:300]


def _wait(process: "subprocess.Popen[bytes]", timeout: float) -> None:
    """``process.wait(timeout)``, which polls with sleeps of up to 50 ms (a scan runs git
    several times); a pidfd wakes up as soon as git exits."""
    try:
        pidfd = os.pidfd_open(process.pid)
    except (AttributeError, OSError):  # not Linux 5.3 or later
        process.wait(timeout)
        return
    try:
        exited, _, _ = select.select([pidfd], [], [], timeout)
    finally:
        os.close(pidfd)
    if not exited:
        raise subprocess.TimeoutExpired(process.args, timeout)
    process.wait()


def git(
    args: Sequence[str], *, git_dir: Path, work_tree: Path | None, timeout: float,
    data: bytes = b"",
) -> bytes:
    """git's standard output for ``args`` (``data`` on its standard input); a failure or the
    deadline is a ``RepositoryError``."""
    where = [f"--git-dir={git_dir}", *([f"--work-tree={work_tree}"] if work_tree else [])]
    command = ["git", *[a for item in safe_config() for a in ("-c", item)], *where, *args]
    base = work_tree or git_dir
    import tempfile  # noqa: PLC0415  (not on a warm scan's path: 3 ms with shutil, bz2, lzma)

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.TemporaryFile() as given:
        given.write(data)
        given.seek(0)
        process = subprocess.Popen(
            command, stdin=given, stdout=out, stderr=err, cwd=base,
            env=environment(base.parent), start_new_session=True,
        )
        try:
            _wait(process, timeout)
        except subprocess.TimeoutExpired:
            raise RepositoryError(
                f"git {args[0]} took longer than {timeout:g} s on this repository (--timeout)"
            ) from None
        finally:
            if process.poll() is None:  # timed out, or modernity itself was interrupted
                with suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process.returncode != 0:
            err.seek(max(0, err.tell() - 65_536))
            # the git dir may be modernity's own shadow copy: name it as the user knows it
            reason = _reason(err.read()).replace(str(git_dir), ".git")
            raise RepositoryError(f"git cannot read this repository: {reason}")
        out.seek(0)
        return out.read()
