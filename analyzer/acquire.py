"""Getting a target onto disk safely: validate the URL, clone into a temporary directory.

The URL is checked before git sees it (transport helpers such as ``ext::`` run
arbitrary commands; an argument or host starting with ``-`` becomes an option),
and git runs with hooks, prompts and unsafe protocols off. The clone runs in its
own process group under a time limit and a size limit (the clone directory is
measured while git writes it), in a temporary directory that is removed on
success, on error, on Ctrl-C and on SIGTERM.
"""

import os
import re
import signal
import stat
import subprocess
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import unquote, urlparse

from analyzer.errors import CloneError, LimitError, TargetError
from analyzer.fstree import tree
from analyzer.gitdir import check_git_dir, is_bare
from analyzer.gitfacts import ALLOWED_PROTOCOLS, environment, is_git_repo, safe_config
from analyzer.walk import Limits

ALLOWED_SCHEMES = ALLOWED_PROTOCOLS
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)")
_TRANSPORT_HELPER = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*::")
_SCP_LIKE = re.compile(r"^[\w.+-]+@(?!-)[\w.-]+:(?!/)\S+$")
_CREDENTIALS = re.compile(r"(?<=://)[^/?#\s]*@")
_POLL_SECONDS = 0.2


class Kind(StrEnum):
    URL = "url"
    LOCAL_GIT = "local git repository"
    BARE = "bare git repository"  # read at its HEAD through a file:// clone
    DIRECTORY = "directory"


@dataclass(frozen=True, slots=True)
class Target:
    kind: Kind
    location: str  # what git or the file system is given

    @property
    def display(self) -> str:
        return redact(self.location)


def redact(text: str) -> str:
    """Hide credentials embedded in a URL (``https://user:token@host`` → ``https://***@host``)."""
    return _CREDENTIALS.sub("***@", text)


def _userinfo(text: str) -> str | None:
    """The ``user:password`` part of a URL, to scrub from git's messages in any form."""
    match = _SCHEME.match(text)
    return match.group(2).rpartition("@")[0] or None if match else None


def parse_target(text: str, *, allow_local: bool = True) -> Target:
    """Classify ``text`` as a URL, a local repository or a directory, or reject it."""
    if not text:
        raise TargetError("empty target")
    # The most telling reason first: `ext::sh -c ...` is a transport helper, not just spaces.
    # (Messages quote with !r, which escapes control and bidi characters.)
    if text.startswith("-"):
        raise TargetError(f"target {redact(text)!r} looks like a command-line option; refusing it")
    if _TRANSPORT_HELPER.match(text):
        raise TargetError(f"target {redact(text)!r} uses a git transport helper; refusing it")
    # separators (Z*) and control, format, private or unassigned characters (C*: C0, C1, bidi)
    if any(ch.isspace() or unicodedata.category(ch)[0] in "CZ" for ch in text):
        raise TargetError(f"target {redact(text)!r} contains whitespace or control characters")
    scheme = _SCHEME.match(text)
    if scheme:
        name = scheme.group(1).lower()
        if name not in ALLOWED_SCHEMES:
            allowed = ", ".join(f"{s}://" for s in ALLOWED_SCHEMES)
            raise TargetError(f"unsupported URL scheme {name}:// (use {allowed})")
        if name == "file" and not allow_local:
            raise TargetError("file:// targets are disabled (--no-local)")
        if scheme.group(2).rpartition("@")[2].startswith("-"):
            raise TargetError(f"target {redact(text)!r} has a host starting with '-'; refusing it")
        return Target(Kind.URL, text)
    if _SCP_LIKE.match(text):
        return Target(Kind.URL, text)
    if not allow_local:
        raise TargetError(f"local paths are disabled (--no-local): {text}")
    path = Path(text)
    if not path.exists():
        raise TargetError(f"no such directory: {text}")
    if not path.is_dir():
        raise TargetError(f"not a directory: {text}")
    kind = Kind.LOCAL_GIT if is_git_repo(path) else Kind.BARE if is_bare(path) else Kind.DIRECTORY
    return Target(kind, str(path.resolve()))


def in_place(target: Target, ref: str | None) -> bool:
    """Whether ``acquire`` reads the target where it is (else from a clone it makes)."""
    return target.kind is Kind.DIRECTORY or (target.kind is Kind.LOCAL_GIT and not ref)


def _check_local_source(target: Target) -> None:
    """A repository on this machine that git is about to read: no borrowed objects, no links
    or FIFOs in its git directory (``gitdir.check_git_dir``)."""
    if target.kind is Kind.URL:
        parsed = urlparse(target.location)
        if parsed.scheme.lower() != "file":
            return
        path = Path(unquote(parsed.path))
    else:
        path = Path(target.location)
    if os.path.lexists(path / ".git"):
        check_git_dir(path / ".git")
    elif path.is_dir():
        check_git_dir(path, shown=path.name or str(path))


def _git_failure(stderr: str, url: str) -> str:
    lines = stderr.strip().splitlines()
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    reason = (fatal or lines or ["git failed"])[-1]
    reason = reason.removeprefix("fatal: ").removeprefix("error: ").strip()
    secret = _userinfo(url)
    return redact(reason.replace(secret, "***") if secret else reason)


class _GitFailedError(Exception):
    """git exited non-zero; the argument is its standard error."""


def _size(root: Path) -> int:
    return sum(info.st_size for _, info in tree(root) if stat.S_ISREG(info.st_mode))


def _check_size(dest: Path, limits: Limits) -> None:
    if dest.exists() and _size(dest) > limits.max_repo_bytes:
        raise LimitError(f"repository is larger than {limits.max_repo_mb:g} MB (--max-repo-mb)")


def _run(args: list[str], dest: Path, limits: Limits, deadline: float) -> None:
    """Run git in its own process group; kill the group on timeout, size cap or interruption."""
    import tempfile  # noqa: PLC0415  (not on a warm scan's path: 3 ms with shutil, bz2, lzma)

    env = environment() | {"GIT_TERMINAL_PROMPT": "0"}
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(
            ["git", *[a for item in safe_config() for a in ("-c", item)], *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, env=env,
            start_new_session=True,
        )
        try:
            pause = _POLL_SECONDS
            while process.poll() is None:
                with suppress(subprocess.TimeoutExpired):
                    process.wait(pause)
                if time.monotonic() >= deadline:
                    raise CloneError(f"clone took longer than {limits.timeout_seconds:g} s "
                                     "(--timeout)")
                started = time.monotonic()
                _check_size(dest, limits)
                # measuring a big checkout is not free: keep it under a fifth of the time
                pause = max(_POLL_SECONDS, 4 * (time.monotonic() - started))
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process.returncode != 0:
            stderr.seek(max(0, stderr.tell() - 65_536))  # the end says why; a server may chatter
            message = stderr.read().decode(errors="replace")
            raise _GitFailedError(message)
    _check_size(dest, limits)  # git may finish between two measurements


def _clone(
    url: str, dest: Path, ref: str | None, limits: Limits, deadline: float, *, partial: bool,
) -> None:
    options = ["--no-recurse-submodules", "--quiet", "--single-branch"]
    if partial:
        options.append("--filter=blob:none")
    if ref:
        options += ["--branch", ref]
    _run(["clone", *options, "--", url, str(dest)], dest, limits, deadline)


def clone(url: str, dest: Path, ref: str | None = None, limits: Limits | None = None) -> None:
    """Blob-less clone of one branch; falls back to a full clone, then to checking out a commit."""
    limits = limits or Limits()
    deadline = time.monotonic() + limits.timeout_seconds
    try:
        _clone(url, dest, ref, limits, deadline, partial=True)
        return
    except _GitFailedError as error:
        reason = _git_failure(str(error), url)
    if "filter" in reason.lower():
        try:
            _clone(url, dest, ref, limits, deadline, partial=False)
            return
        except _GitFailedError as error:
            detail = _git_failure(str(error), url)
            raise CloneError(f"could not clone {redact(url)}: {detail}") from None
    if ref and "not found" in reason.lower():
        _checkout_commit(url, dest, ref, limits, deadline)
        return
    raise CloneError(f"could not clone {redact(url)}: {reason}") from None


def _checkout_commit(url: str, dest: Path, ref: str, limits: Limits, deadline: float) -> None:
    """``--ref`` named no branch or tag: clone everything and check the commit out."""
    try:
        _clone(url, dest, None, limits, deadline, partial=True)
        inside = ["-C", str(dest)]
        fetch = ["fetch", "--quiet", "origin", "+refs/heads/*:refs/remotes/origin/*"]
        _run([*inside, *fetch], dest, limits, deadline)
        _run([*inside, "checkout", "--quiet", "--detach", ref, "--"], dest, limits, deadline)
    except _GitFailedError:
        raise CloneError(f"no branch, tag or commit {ref!r} in {redact(url)}") from None


@contextmanager
def acquire(target: Target, ref: str | None = None, limits: Limits | None = None) -> Iterator[Path]:
    """A directory holding the target's files, valid inside the ``with`` block only."""
    if target.kind is Kind.DIRECTORY and ref:
        raise TargetError(f"--ref needs a git repository; {target.display} is a plain directory")
    if in_place(target, ref):
        yield Path(target.location)  # read in place, never modified
        return
    _check_local_source(target)
    import tempfile  # noqa: PLC0415  (not on a warm scan's path: 3 ms with shutil, bz2, lzma)

    with tempfile.TemporaryDirectory(prefix="modernity-", ignore_cleanup_errors=True) as tmp:
        dest = Path(tmp) / "repo"
        # a local repository with --ref is cloned over file://, not by copying its .git
        # (which would follow symbolic links inside it, CVE-2022-39253)
        source = target.location if target.kind is Kind.URL else Path(target.location).as_uri()
        clone(source, dest, ref, limits)
        yield dest
