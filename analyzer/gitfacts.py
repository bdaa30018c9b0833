"""Reading history with git, without letting the scanned repository run anything.

A repository on disk may carry a hostile ``.git/config`` (``core.fsmonitor``,
``core.hooksPath``, ``diff.external``...). Every git command here runs with those
neutralised and with optional locks off, so a local repository is never modified.
"""

import atexit
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import git

from analyzer.repo import Blame, Commit, GitFacts

_FIELD, _RECORD = "\x1f", "\x1e"
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
MAX_BLAME_FILES = 300
BLAME_TIMEOUT_SECONDS = 60
# A blob-less clone fetches each old version blame needs on demand: bound the whole run.
BLAME_BUDGET_SECONDS = 180
SAFE_ENV = {
    "GIT_ALLOW_PROTOCOL": ":".join(ALLOWED_PROTOCOLS),
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_LFS_SKIP_SMUDGE": "1",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_ASKPASS": "echo",
    "SSH_ASKPASS": "echo",
    "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
}


@cache
def empty_hooks_dir() -> str:
    """A private empty directory for ``core.hooksPath``: no hook of the repository can run."""
    path = tempfile.mkdtemp(prefix="modernity-hooks-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def safe_config() -> tuple[str, ...]:
    """``-c`` settings that override whatever the scanned repository's own config says."""
    return (f"core.hooksPath={empty_hooks_dir()}", *_SAFE_CONFIG)


def safe_git(root: Path) -> git.Git:
    """A git command runner for ``root`` with the scanned repo's dangerous settings overridden."""
    runner = git.Git(root)
    runner.update_environment(**SAFE_ENV)
    runner.set_persistent_git_options(c=list(safe_config()))
    return runner


def is_git_repo(root: Path) -> bool:
    return (root / ".git").exists()


def tracked_files(root: Path) -> list[str]:
    """Paths git tracks (POSIX, relative): ignored local clutter such as a .venv is not in it."""
    output = safe_git(root).ls_files("-z", "--full-name")
    return sorted(path for path in output.split("\x00") if path)


def blame_lines(root: Path, paths: Sequence[str]) -> Blame:
    """Who wrote the surviving lines of ``paths`` at HEAD (whitespace changes ignored).

    At most ``MAX_BLAME_FILES`` files in path order, and no new file once
    ``BLAME_BUDGET_SECONDS`` have passed; the rest are listed as skipped.
    """
    runner = safe_git(root)
    counts: Counter[tuple[str, str]] = Counter()
    skipped = list(paths[MAX_BLAME_FILES:])
    blamed = 0
    deadline = time.monotonic() + BLAME_BUDGET_SECONDS
    for path in paths[:MAX_BLAME_FILES]:
        if time.monotonic() > deadline:
            skipped.append(path)
            continue
        try:
            output = runner.blame(
                "-w", "--line-porcelain", "HEAD", "--", path,
                kill_after_timeout=BLAME_TIMEOUT_SECONDS,
            )
        except git.GitCommandError:
            skipped.append(path)
            continue
        blamed += 1
        name = ""
        for line in output.splitlines():
            if line.startswith("author "):
                name = line[len("author "):]
            elif line.startswith("author-mail "):
                counts[name, line[len("author-mail "):].strip("<>")] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return Blame(
        lines=tuple((name, email, n) for (name, email), n in ranked),
        files=blamed, skipped=tuple(sorted(skipped)),
    )


def read_git_facts(root: Path, blame_paths: Sequence[str] = ()) -> GitFacts:
    runner = safe_git(root)
    try:
        head = runner.rev_parse("--verify", "-q", "HEAD^{commit}")
    except git.GitCommandError:
        return GitFacts(head=None)  # a repository with no commits yet
    log = runner.log(
        "--no-show-signature", "--no-renames", "--name-only",
        f"--format={_RECORD}%H{_FIELD}%aN{_FIELD}%aE{_FIELD}%at{_FIELD}%ct", "HEAD",
    )
    commits = []
    for record in log.split(_RECORD):
        header, _, names = record.strip().partition("\n")
        fields = header.split(_FIELD)
        if len(fields) != 5:
            continue
        sha, name, email, authored, committed = fields
        commits.append(Commit(
            sha=sha, author_name=name, author_email=email,
            authored_at=datetime.fromtimestamp(int(authored), UTC),
            committed_at=datetime.fromtimestamp(int(committed), UTC),
            paths=tuple(line.strip('"') for line in names.splitlines() if line.strip()),
        ))
    blame = blame_lines(root, blame_paths) if blame_paths else None
    return GitFacts(head=head.strip(), commits=tuple(commits), blame=blame)


def environment() -> dict[str, str]:
    """The process environment plus the safety settings, for git commands run elsewhere."""
    return {**os.environ, **SAFE_ENV}
