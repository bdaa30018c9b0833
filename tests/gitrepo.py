"""Real git repositories for tests: from a fixture folder or a dict of files, with fixed dates.

Git is never mocked. Global and system git configuration are ignored so every
machine builds byte-identical commits (same shas) from the same input.
"""

import hashlib
import os
import shutil
import struct
import subprocess
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEFAULT_DATE = "2026-01-15T12:00:00+00:00"
DEFAULT_AUTHOR = "Test Author <author@example.com>"


@dataclass(frozen=True)
class CommitSpec:
    message: str = "commit"
    date: str = DEFAULT_DATE
    author: str = DEFAULT_AUTHOR
    paths: Sequence[str] | None = None  # glob patterns; None means every file not yet committed
    files: Mapping[str, str | bytes] = field(default_factory=dict)  # written before this commit


def git(repo: Path, *args: str, env: Mapping[str, str] | None = None) -> str:
    base = {
        **os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
    }
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo, env={**base, **(env or {})}, check=True, capture_output=True, text=True,
    )
    return done.stdout


def write_files(root: Path, files: Mapping[str, str | bytes]) -> None:
    """``files`` (path -> text or bytes) written below ``root``, folders made as needed."""
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_bytes(content.encode())


def commit_all(root: Path, commits: Sequence[CommitSpec]) -> None:
    committed: set[str] = set()
    for spec in commits:
        write_files(root, spec.files)
        every = sorted(
            p.relative_to(root).as_posix() for p in root.rglob("*")
            if (p.is_file() or p.is_symlink()) and ".git" not in p.relative_to(root).parts
        )
        pending = [p for p in every if p not in committed]
        chosen = pending if spec.paths is None else [
            p for p in pending if any(fnmatch(p, pattern) for pattern in spec.paths)
        ]
        chosen = sorted(set(chosen) | set(spec.files))  # files this commit (re)writes
        if chosen:
            git(root, "add", "-f", "--", *chosen)
        committed.update(chosen)
        name, _, email = spec.author.partition(" <")
        env = {
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email.rstrip(">"),
            "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email.rstrip(">"),
            "GIT_AUTHOR_DATE": spec.date, "GIT_COMMITTER_DATE": spec.date,
        }
        git(root, "commit", "-q", "--allow-empty", "-m", spec.message, env=env)


def make_repo(
    root: Path, files: Mapping[str, str | bytes], commits: Sequence[CommitSpec] = (CommitSpec(),)
) -> Path:
    """A git repository at ``root`` holding ``files``, committed as ``commits`` say."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    write_files(root, files)
    commit_all(root, commits)
    return root


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "fixture.toml").is_file())


def materialise(name: str, dest: Path) -> Path:
    """The fixture ``fixtures/NAME`` as a real git repository at ``dest``."""
    spec = tomllib.loads((FIXTURES / name / "fixture.toml").read_text())
    shutil.copytree(FIXTURES / name / "repo", dest, symlinks=True)
    commits = [
        CommitSpec(
            message=c.get("message", "commit"), date=c.get("date", DEFAULT_DATE),
            author=c.get("author", DEFAULT_AUTHOR), paths=c.get("paths"),
            files=c.get("files", {}),
        )
        for c in spec.get("commits", [{}])
    ]
    git(dest, "init", "-q")
    commit_all(dest, commits)
    return dest


def write_index(repo: Path, entries: Mapping[bytes, bytes]) -> None:
    """Hand-write ``.git/index`` (version 2) listing ``entries`` (path → file content), as an
    attacker would: git itself refuses to add ``../x`` or ``/abs``, but reads them back."""
    body = b""
    for path in sorted(entries):
        blob = git_hash_object(repo, entries[path])
        fixed = struct.pack(">10I", 0, 0, 0, 0, 0, 0, 0o100644, 0, 0, len(entries[path]))
        entry = fixed + bytes.fromhex(blob) + struct.pack(">H", min(len(path), 0xFFF)) + path
        body += entry + b"\x00" * (8 - len(entry) % 8)
    data = b"DIRC" + struct.pack(">II", 2, len(entries)) + body
    (repo / ".git" / "index").write_bytes(data + hashlib.sha1(data).digest())


def git_hash_object(repo: Path, content: bytes) -> str:
    """Store ``content`` as a blob in ``repo`` and return its id."""
    done = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=repo, input=content,
                          capture_output=True, check=True)
    return done.stdout.decode().strip()
