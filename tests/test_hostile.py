"""Hostile repositories, built on the fly: nothing runs, nothing escapes, the scan finishes."""

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.gitrepo import git, make_repo

NOW = "--now=2026-06-01"
HINTED = "def f(x: int) -> int:\n    return x\n"
SECRET = "TOP_SECRET_MARKER_4711"
HUGE_NOTEBOOK = json.dumps(
    {"cells": [{"cell_type": "code", "source": ["x = 1000000\n"] * 100_000}], "nbformat": 4},
).encode()


def scan(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", *args, "--format=json", NOW],
        capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
        timeout=300,
    )


def report(*args: str, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    done = scan(*args, env=env)
    assert done.returncode == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def hook(marker_dir: Path, name: str) -> str:
    return f"#!/bin/sh\ntouch '{marker_dir}/{name}'\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory outside the scanned repository: it must stay exactly as it is."""
    path = tmp_path / "outside"
    path.mkdir()
    (path / "secret.py").write_text(f"{SECRET} = 1\n")
    return path


def test_symlinks_are_reported_never_followed(tmp_path: Path, outside: Path) -> None:
    """Links to /etc/passwd, to a file and to a folder outside are listed, never read."""
    repo = tmp_path / "r"
    repo.mkdir()
    (repo / "passwd.py").symlink_to("/etc/passwd")
    (repo / "secret.py").symlink_to(outside / "secret.py")
    (repo / "up.py").symlink_to("../outside/secret.py")
    (repo / "outdir").symlink_to(outside)
    (repo / "inner.py").symlink_to("app.py")
    (repo / "app.py").write_text(HINTED)
    make_repo(repo, {})
    for target in (str(repo), repo.as_uri()):
        document = report(target)
        out = "symbolic link pointing outside the repository (not followed)"
        assert document["files"]["excluded"] == {
            "inner.py": "symbolic link (not followed)", "outdir": out,
            "passwd.py": out, "secret.py": out, "up.py": out,
        }
        assert document["files"]["analysed"] == 1
        assert SECRET not in json.dumps(document) and "root:" not in json.dumps(document)


def test_submodule_is_not_fetched(tmp_path: Path, outside: Path) -> None:
    """A submodule pointing at another repository is listed; its files are never fetched."""
    other = make_repo(tmp_path / "other", {"leak.py": f"{SECRET} = 2\n"})
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", other.as_uri(), "sub")
    git(repo, "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "submodule")
    document = report(repo.as_uri())
    assert document["files"]["excluded"] == {"sub": "submodule (not fetched)"}
    assert SECRET not in json.dumps(document)
    local = report(str(repo))  # checked out on disk beside it: still not read
    assert local["files"]["excluded"]["sub"] == "submodule (not fetched)"


def test_committed_hooks_never_run(tmp_path: Path, outside: Path) -> None:
    """Hooks the repository carries (and points core.hooksPath at) create nothing."""
    names = ("post-checkout", "post-index-change", "reference-transaction", "post-merge")
    repo = tmp_path / "r"
    (repo / ".githooks").mkdir(parents=True)
    for name in (*names, "fsmonitor"):
        (repo / ".githooks" / name).write_text(hook(outside, name))
        (repo / ".githooks" / name).chmod(0o755)  # committed executable
    make_repo(repo, {"app.py": HINTED})
    git(repo, "config", "core.hooksPath", ".githooks")
    git(repo, "config", "core.fsmonitor", ".githooks/fsmonitor")
    # a user whose global config points hooks at the work tree, as some hook managers do
    global_config = tmp_path / "gitconfig"
    global_config.write_text("[core]\n\thooksPath = .githooks\n")
    env = {"GIT_CONFIG_GLOBAL": str(global_config)}
    for args in ((str(repo),), (repo.as_uri(),), (str(repo), "--ref=main"),
                 (repo.as_uri(), "--ref=main")):
        assert report(*args, env=env)["files"]["analysed"] >= 1
    assert sorted(p.name for p in outside.iterdir()) == ["secret.py"]
    # the same clone without modernity's settings does run the hook: the test is real
    git(tmp_path, "clone", "-q", repo.as_uri(), "plain", env=env)
    assert (outside / "post-checkout").exists()


def test_large_file_is_skipped_and_size_cap_refuses(tmp_path: Path) -> None:
    """A 50 MB file is skipped with its size; --max-repo-mb refuses the repository outright."""
    repo = tmp_path / "r"
    repo.mkdir()
    with (repo / "big.py").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    make_repo(repo, {"app.py": HINTED})
    document = report(repo.as_uri())
    assert document["files"]["excluded"] == {"big.py": "too large (52,428,800 bytes)"}
    for target in (repo.as_uri(), str(repo)):
        refused = scan(target, "--max-repo-mb=10")
        assert refused.returncode == 2
        assert refused.stderr.strip().splitlines() == [
            refused.stderr.strip()
        ] and "larger than 10 MB (--max-repo-mb)" in refused.stderr


def test_ten_thousand_files(tmp_path: Path) -> None:
    """10,000 tiny files scan to completion; --max-files refuses with the count.

    Data files keep this test fast: parsing 10,000 Python files is the engine's job.
    """
    repo = tmp_path / "r"
    for i in range(100):
        folder = repo / f"data{i:03}"
        folder.mkdir(parents=True)
        for j in range(100):
            (folder / f"m{j:03}.txt").write_text(f"{i} {j}\n")
    make_repo(repo, {"app.py": HINTED})
    document = report(str(repo))
    assert document["files"]["analysed"] == 10_001
    assert {s["check"]: s for s in document["signals"]}["type_hints"]["value"] == 1.0
    refused = scan(str(repo), "--max-files=5000")
    assert refused.returncode == 2
    assert refused.stderr == (
        "modernity: repository has 10,001 files (limit --max-files 5,000)\n"
    )


def test_nested_expression_and_odd_encodings(tmp_path: Path) -> None:
    """A 10,000-level expression is skipped; every encoding is read or skipped with a reason."""
    deep = "x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n"
    files: dict[str, str | bytes] = {
        "deep.py": deep,
        "utf16.py": HINTED.encode("utf-16"),
        "bom.py": b"\xef\xbb\xbf" + HINTED.encode(),
        "crlf.py": HINTED.replace("\n", "\r\n").encode(),
        "latin1.py": b"# -*- coding: latin-1 -*-\nname = '\xe9t\xe9'\n" + HINTED.encode(),
        "invalid.py": b"s = '\xff\xfe\xc3('\n" + HINTED.encode(),
        "nul.py": HINTED.encode() + b"\x00" * 10,
        "nul_late.py": HINTED.encode() + b"#" * 9000 + b"\x00\n",
        "broken.ipynb": b"{\"cells\": [ {not json",
        "huge.ipynb": HUGE_NOTEBOOK,
        "ok.py": HINTED,
    }
    repo = make_repo(tmp_path / "r", files)
    document = report(str(repo))
    assert document["files"]["excluded"] == {"nul.py": "binary"}
    assert document["files"]["not_analysed"]["huge.ipynb"] == (
        "notebook code too large to analyse (over 1,000,000 chars)")
    unparsable = document["files"]["unparsable"]
    assert document["files"]["not_analysed"]["deep.py"] == (
        "not parsed: brackets nested 10,000 deep (limit 100)")
    assert unparsable["broken.ipynb"].startswith("not a valid notebook: JSON error at line 1")
    assert set(unparsable) <= {"broken.ipynb", "invalid.py", "nul_late.py"}
    hints = {s["check"]: s for s in document["signals"]}["type_hints"]
    assert hints["value"] == 1.0
    assert hints["details"]["functions"] >= 5  # ok, utf16, bom, crlf, latin1


def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    """File names and errors carrying terminal escapes are shown escaped, never sent raw."""
    osc, csi = "\x1b]52;c;cHduZWQ=\x07", "\x1b[2J"
    repo = make_repo(tmp_path / "r", {
        f"a{osc}.py": "async def f() -> None:\n    pass\n",
        f"b{csi}.py": "def broken(:\n",
        "c\u202e.txt": "x\n",
    })
    env = {"NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(repo), NOW], capture_output=True,
        text=True, check=False, env={**os.environ, **env}, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\u202e" not in done.stdout
    assert "b\\x1b[2J.py" in done.stdout  # listed, visibly escaped
