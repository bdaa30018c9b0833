"""Building corpus entries: from the manifest's pinned public repositories, or a user's target.

The manifest (``data/manifest.toml``) lists each source as a repository pinned to
a commit, the paths to take and the licence. Files are read with ``git cat-file``
at that commit (never checked out, never run), from ``--sources DIR/owner+name``
when present there, else from a fresh clone of ``https://github.com/owner/name``.
"""

import subprocess
import tempfile
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analyzer.errors import ConfigError
from analyzer.originality.corpus import Entry, SourceFile
from analyzer.originality.shape import (
    is_source_code,
    only_literals,
    repo_shapes,
    shape,
    source_text,
)
from analyzer.paths import role
from analyzer.text import decode

MANIFEST = Path(__file__).with_name("data") / "manifest.toml"
_GIT_TIMEOUT = 600


def read_manifest(path: Path = MANIFEST) -> list[dict[str, Any]]:
    try:
        sources = tomllib.loads(path.read_text())["source"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        raise ConfigError(f"{path}: not a corpus manifest ({error})") from None
    for source in sources:
        missing = {"name", "title", "repo", "commit", "paths", "licence"} - source.keys()
        if missing:
            raise ConfigError(f"{path}: source {source.get('name')!r} lacks {sorted(missing)}")
    return list(sources)


def _git(git_dir: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], input=data, capture_output=True, check=True,
        timeout=_GIT_TIMEOUT,
    ).stdout


def _git_dir(checkout: Path) -> Path:
    return checkout / ".git" if (checkout / ".git").exists() else checkout


@contextmanager
def _repository(repo: str, sources: Path | None) -> Iterator[Path]:
    local = sources / repo.replace("/", "+") if sources is not None else None
    if local is not None and local.exists():
        yield _git_dir(local)
        return
    with tempfile.TemporaryDirectory(prefix="modernity-corpus-") as tmp:
        url = f"https://github.com/{repo}.git"
        subprocess.run(["git", "clone", "--quiet", "--bare", "--", url, tmp + "/r"],
                       check=True, timeout=_GIT_TIMEOUT)
        yield Path(tmp) / "r"


def _blobs(git_dir: Path, commit: str, paths: list[str]) -> dict[str, bytes]:
    listing = _git(git_dir, "ls-tree", "-r", "-z", "--name-only", commit, "--", *paths)
    names = [n for n in listing.decode().split("\0") if n.endswith((".py", ".ipynb"))]
    out = _git(git_dir, "cat-file", "--batch",
               data="".join(f"{commit}:{name}\n" for name in names).encode())
    blobs: dict[str, bytes] = {}
    for name in names:
        header, _, out = out.partition(b"\n")
        size = int(header.split()[2])
        blobs[name], out = out[:size], out[size + 1:]
    return blobs


def _files(texts: Mapping[str, str], exclude: list[str]) -> tuple[SourceFile, ...]:
    files = []
    for path, text in sorted(texts.items()):
        literal_only = only_literals(path, role(path))
        if any(part in path for part in exclude) or not (
            is_source_code(path, role(path)) or literal_only
        ):
            continue
        code = source_text(path, text)
        if code is None:
            continue
        found = shape(code)
        if literal_only and found.literals:
            files.append(SourceFile(path, 0, (), found.literals))
        elif found.fingerprints and not literal_only:
            files.append(SourceFile(path, len(found.lines), found.fingerprints, found.literals))
    return tuple(files)


def build_source(source: Mapping[str, Any], sources: Path | None) -> Entry:
    """One manifest source as an entry. Paths are taken relative to the repository root."""
    with _repository(source["repo"], sources) as git_dir:
        blobs = _blobs(git_dir, source["commit"], list(source["paths"]))
        roots = _git(git_dir, "rev-list", "--max-parents=0", source["commit"]).decode().split()
    texts = {path: decode(data) for path, data in blobs.items()}
    files = _files(texts, list(source.get("exclude", [])))
    if not files:
        raise ConfigError(f"source {source['name']!r}: no Python found at {source['paths']}")
    return Entry(source["name"], source["title"], f"https://github.com/{source['repo']}",
                 source["commit"], source["licence"], files, tuple(sorted(roots)))


def entry_from_target(name: str, root: Path) -> Entry:
    """A user's entry: every product file of a local directory or clone."""
    from analyzer.walk import build_repo  # noqa: PLC0415

    repo = build_repo(root, now=datetime.now(UTC))
    shapes = repo_shapes(repo)
    files = tuple(SourceFile(path, len(s.lines), s.fingerprints, s.literals)
                  for path, s in sorted(shapes.items()) if s.fingerprints or s.literals)
    if not files:
        raise ConfigError(f"{root}: no Python code to add to the corpus")
    commit = repo.git.head if repo.git and repo.git.head else ""
    roots = sorted(c.sha for c in repo.git.commits if not c.parents) if repo.git else []
    return Entry(name, name, str(root), commit, "user's own", files, tuple(roots))
