"""Getting a target onto disk safely: validate the URL, clone into a temporary directory.

The URL is checked before git sees it (transport helpers such as ``ext::`` run
arbitrary commands; an argument starting with ``-`` becomes a git option), and
git runs with hooks, prompts and unsafe protocols off. The clone lives in a
temporary directory that is removed on success, on error and on Ctrl-C.
"""

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import git

from analyzer.errors import CloneError, TargetError
from analyzer.gitfacts import SAFE_CONFIG, environment, is_git_repo, safe_git

ALLOWED_SCHEMES = ("https", "ssh", "file")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_TRANSPORT_HELPER = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*::")
_SCP_LIKE = re.compile(r"^[\w.+-]+@[\w.-]+:(?!/)\S+$")
_CREDENTIALS = re.compile(r"(?<=://)[^/@\s]+@")


class Kind(StrEnum):
    URL = "url"
    LOCAL_GIT = "local git repository"
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


def parse_target(text: str, *, allow_local: bool = True) -> Target:
    """Classify ``text`` as a URL, a local repository or a directory, or reject it."""
    if not text:
        raise TargetError("empty target")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise TargetError(f"target {redact(text)!r} contains whitespace or control characters")
    if text.startswith("-"):
        raise TargetError(f"target {text!r} looks like a command-line option; refusing it")
    if _TRANSPORT_HELPER.match(text):
        raise TargetError(f"target {redact(text)!r} uses a git transport helper; refusing it")
    scheme = _SCHEME.match(text)
    if scheme:
        name = scheme.group(1).lower()
        if name not in ALLOWED_SCHEMES:
            allowed = ", ".join(f"{s}://" for s in ALLOWED_SCHEMES)
            raise TargetError(f"unsupported URL scheme {name}:// (use {allowed})")
        if name == "file" and not allow_local:
            raise TargetError("file:// targets are disabled (--no-local)")
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
    return Target(Kind.LOCAL_GIT if is_git_repo(path) else Kind.DIRECTORY, str(path.resolve()))


def _git_failure(error: git.GitCommandError) -> str:
    stderr = str(error.stderr or "").strip().splitlines()
    fatal = [line for line in stderr if line.startswith(("fatal:", "error:"))]
    reason = (fatal or stderr or ["git failed"])[-1]
    return redact(reason.removeprefix("fatal: ").removeprefix("error: ").strip())


def _clone(url: str, dest: Path, ref: str | None, *, partial: bool) -> None:
    config = [arg for item in SAFE_CONFIG for arg in ("-c", item)]
    options = ["--no-recurse-submodules", "--quiet"]
    if partial:
        options.append("--filter=blob:none")
    if ref:
        options += ["--single-branch", "--branch", ref]
    else:
        options.append("--single-branch")
    env = environment() | {"GIT_ALLOW_PROTOCOL": ":".join(ALLOWED_SCHEMES)}
    git.Git().execute(["git", *config, "clone", *options, "--", url, str(dest)], env=env)


def clone(url: str, dest: Path, ref: str | None = None) -> None:
    """Blob-less clone of one branch; falls back to a full clone, then to checking out a commit."""
    try:
        _clone(url, dest, ref, partial=True)
        return
    except git.GitCommandError as error:
        first = error
    reason = _git_failure(first)
    if "filter" in reason.lower():
        try:
            _clone(url, dest, ref, partial=False)
            return
        except git.GitCommandError as error:
            raise CloneError(f"could not clone {redact(url)}: {_git_failure(error)}") from error
    if ref and "not found" in reason.lower():
        _checkout_commit(url, dest, ref)
        return
    raise CloneError(f"could not clone {redact(url)}: {reason}") from first


def _checkout_commit(url: str, dest: Path, ref: str) -> None:
    """``--ref`` named no branch or tag: clone everything and check the commit out."""
    try:
        _clone(url, dest, None, partial=True)
        safe_git(dest).fetch("--quiet", "origin", "+refs/heads/*:refs/remotes/origin/*")
        safe_git(dest).checkout("--quiet", "--detach", ref, "--")
    except git.GitCommandError as error:
        raise CloneError(f"no branch, tag or commit {ref!r} in {redact(url)}") from error


@contextmanager
def acquire(target: Target, ref: str | None = None) -> Iterator[Path]:
    """A directory holding the target's files, valid inside the ``with`` block only."""
    if target.kind is Kind.DIRECTORY and ref:
        raise TargetError(f"--ref needs a git repository; {target.display} is a plain directory")
    if target.kind is not Kind.URL and not ref:
        yield Path(target.location)  # read in place, never modified
        return
    with tempfile.TemporaryDirectory(prefix="modernity-", ignore_cleanup_errors=True) as tmp:
        dest = Path(tmp) / "repo"
        clone(target.location, dest, ref)
        yield dest
