"""Hostile local repositories, round two: nothing outside the target is read, nothing hangs,
a broken repository is one line and exit 2 (or a report), never exit 3.

Every repository here is built with real git, then damaged as an attacker would.
"""

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from analyzer.errors import RepositoryError
from analyzer.gitrun import git as run_git
from tests.gitrepo import CommitSpec, git, make_repo, write_index

NOW = "--now=2026-06-01"
SECRET = "TOP_SECRET_MARKER_4711"
HINTED = "def f(x: int) -> int:\n    return x\n"


def scan(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", "--format=json", NOW, *args],
        capture_output=True, text=True, check=False, env={**os.environ, **env}, timeout=timeout,
    )


def report(*args: str) -> dict[str, Any]:
    done = scan(*args)
    assert done.returncode == 0, done.stderr
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def refused(*args: str) -> str:
    """The one-line reason a target was refused with exit 2."""
    done = scan(*args)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


def processes_mentioning(text: str) -> list[str]:
    """Command lines of live processes that name ``text`` (a blocked git left behind)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\x00", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and int(entry.name) != os.getpid() and text in command:
            found.append(command)
    return found


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """Another repository beside the target, holding a secret in its files and its history."""
    return make_repo(tmp_path / "outside", {"cfg/.env": f"{SECRET}=1\n",
                                            "README.md": f"# {SECRET}\n" + "word " * 500,
                                            "leak.py": f"import {SECRET.lower()}\n"},
                     commits=(CommitSpec(author=f"{SECRET} <secret@corp.invalid>"),))


def no_secret(document: dict[str, Any]) -> None:
    text = json.dumps(document).lower()
    assert SECRET.lower() not in text and "secret@corp.invalid" not in text


# Reading outside the target


def test_a_linked_folder_in_the_middle_of_an_indexed_path_is_not_followed(
    tmp_path: Path, outside: Path,
) -> None:
    """The index lists cfg/.env; on disk cfg is a link to a folder outside: not read."""
    repo = make_repo(tmp_path / "r", {"cfg/.env": "NAME=1\n", "docs/README.md": "# mine\n",
                                      "app.py": HINTED})
    for folder in ("cfg", "docs"):
        for child in (repo / folder).iterdir():
            child.unlink()
        (repo / folder).rmdir()
    (repo / "cfg").symlink_to(outside / "cfg")
    (repo / "docs").symlink_to(outside)
    document = report(str(repo))
    no_secret(document)
    assert document["files"]["excluded"]["cfg/.env"].startswith("inside cfg, a symbolic link")
    assert document["files"]["excluded"]["docs/README.md"].startswith("inside docs")


def test_a_hand_written_index_with_dotdot_and_absolute_paths_is_refused(
    tmp_path: Path, outside: Path,
) -> None:
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    write_index(repo, {b"app.py": HINTED.encode(), b"../outside/leak.py": b"x\n",
                       b"sub/../../outside/README.md": b"x\n",
                       str(outside / "cfg/.env").encode(): b"x\n"})
    document = report(str(repo))
    no_secret(document)
    excluded = document["files"]["excluded"]
    assert excluded["../outside/leak.py"].startswith("unsafe path in the git index: climbs out")
    assert excluded["sub/../../outside/README.md"].startswith("unsafe path in the git index")
    absolute = "unsafe path in the git index: absolute (not read)"
    assert excluded[str(outside / "cfg/.env")] == absolute
    assert document["files"]["analysed"] == 1


@pytest.mark.parametrize("how", ["gitdir-file", "symlink"])
def test_dot_git_pointing_at_another_repository_is_refused(
    tmp_path: Path, outside: Path, how: str,
) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    (repo / "app.py").write_text(HINTED)
    if how == "symlink":
        (repo / ".git").symlink_to(outside / ".git")
    else:
        (repo / ".git").write_text(f"gitdir: {outside / '.git'}\n")
    message = refused(str(repo))
    assert ".git is a" in message and SECRET not in message


def test_an_empty_dot_git_never_reports_the_enclosing_repository(
    tmp_path: Path, outside: Path,
) -> None:
    target = outside / "candidate"
    (target / ".git").mkdir(parents=True)
    (target / "app.py").write_text(HINTED)
    message = refused(str(target))
    assert "not a git repository" in message and SECRET not in message


@pytest.mark.parametrize("via", ["local", "file-url", "local-ref"])
def test_alternates_borrowing_another_repository_are_refused(
    tmp_path: Path, outside: Path, via: str,
) -> None:
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    (repo / ".git/objects/info/alternates").write_text(str(outside / ".git/objects") + "\n")
    args = {"local": (str(repo),), "file-url": (repo.as_uri(),),
            "local-ref": (str(repo), "--ref=main")}[via]
    assert "borrows objects from another repository" in refused(*args)


@pytest.mark.parametrize("key", ["blame.ignoreRevsFile", "include.path", "core.worktree",
                                 "core.excludesFile", "core.attributesFile", "mailmap.file"])
def test_config_keys_naming_outside_files_are_never_read(
    tmp_path: Path, outside: Path, key: str,
) -> None:
    """The repository's config is never given to git (a shadow git dir has modernity's own),
    so a key naming an outside file changes nothing: same report, blame intact."""
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    before = report(str(repo), "--author=author@example.com")
    secret_file = outside / "cfg/.env"
    git(repo, "config", key, str(secret_file if key != "core.worktree" else outside))
    after = scan(str(repo), "--author=author@example.com")
    assert after.returncode == 0, after.stderr
    assert SECRET not in after.stderr
    assert json.loads(after.stdout) == before
    shares = {s["check"]: s for s in before["signals"]}["authorship"]["details"]
    assert (shares["blamed_files"], shares["line_share"]) == (1, 1.0)


# Hangs


@pytest.mark.parametrize("where", [
    ".git/config", ".git/HEAD", ".git/index", ".git/packed-refs", ".git/commondir",
    ".git/objects/info/alternates", ".mailmap", "include-target",
])
def test_a_fifo_where_git_reads_never_hangs_the_scan(tmp_path: Path, where: str) -> None:
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    if where == "include-target":
        os.mkfifo(tmp_path / "fifo")
        git(repo, "config", "include.path", str(tmp_path / "fifo"))
    else:
        (repo / where).unlink(missing_ok=True)
        os.mkfifo(repo / where)
    started = time.monotonic()
    done = scan(str(repo), "--timeout=5", timeout=120)
    assert time.monotonic() - started < 60
    assert done.returncode in (0, 2), done.stderr
    if done.returncode == 2:
        assert "special file" in done.stderr or "not a regular file" in done.stderr
    assert not processes_mentioning(str(repo))


def test_a_git_call_past_its_deadline_is_killed_with_its_process_group(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    (repo / ".git/config").unlink()
    os.mkfifo(repo / ".git/config")  # git blocks opening it, forever
    started = time.monotonic()
    with pytest.raises(RepositoryError, match="took longer than 1 s"):
        run_git(["log"], git_dir=repo / ".git", work_tree=repo, timeout=1)
    assert time.monotonic() - started < 10
    assert not processes_mentioning(str(repo))


def test_sigterm_while_git_is_blocked_leaves_no_git_behind(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    (repo / ".git/config").unlink()
    os.mkfifo(repo / ".git/config")
    program = (
        "import signal, sys\n"
        "signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))\n"
        "from pathlib import Path\nfrom analyzer.gitrun import git\n"
        f"git(['log'], git_dir=Path({str(repo / '.git')!r}), work_tree=None, timeout=600)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", program])
    deadline = time.monotonic() + 30
    while not any(c.startswith("git ") for c in processes_mentioning(str(repo))):
        assert time.monotonic() < deadline, "git never started"
        time.sleep(0.1)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 143
    time.sleep(0.2)
    assert not processes_mentioning(str(repo))


# Forged history


@pytest.mark.parametrize("email", ["a@b.invalid", "a@b.invalid\x1fNOT-A-NUMBER\x1f\x1e"])
def test_author_names_holding_the_separators_cannot_forge_history(
    tmp_path: Path, email: str,
) -> None:
    forged = ("x\x1e" + "deadbeef" * 5 + "\x1fsenior\x1fsenior@corp.invalid\x1f1300000000"
              "\x1f1300000000\x1e") * 25
    repo = make_repo(tmp_path / "r", {"app.py": HINTED}, commits=(
        CommitSpec(author=f"{forged} <{email}>"),
        CommitSpec(author=f"{forged} <{email}>", files={"b.py": HINTED}),
    ))
    signals = {s["check"]: s for s in report(str(repo))["signals"]}
    assert signals["history"]["details"]["human_commits"] == 2
    assert signals["history"]["details"]["first_commit"].startswith("2026-01-15")
    assert "senior@corp.invalid: " not in json.dumps(signals)


# Clean errors


def _garbage_git_file(repo: Path) -> None:
    for path in (repo / ".git").iterdir():
        subprocess.run(["rm", "-rf", str(path)], check=True)
    (repo / ".git").rmdir()
    (repo / ".git").write_bytes(b"\xff\xfe garbage \x00")


def _corrupt_object(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD").strip()
    path = repo / ".git/objects" / head[:2] / head[2:]
    path.chmod(0o644)
    path.write_bytes(b"not zlib at all")


BREAKAGES: dict[str, Callable[[Path], object]] = {
    "garbage-git-file": _garbage_git_file,
    "format-version-99": lambda r: git(r, "config", "core.repositoryformatversion", "99"),
    "unknown-extension": lambda r: (git(r, "config", "core.repositoryformatversion", "1"),
                                    git(r, "config", "extensions.madeup", "true")),
    "worktree-outside": lambda r: git(r, "config", "core.worktree", "/"),
    "corrupt-index": lambda r: (r / ".git/index").write_bytes(b"DIRC\x00\x00\x00\x02garbage"),
    "corrupt-object": _corrupt_object,
    "corrupt-config": lambda r: (r / ".git/config").write_bytes(b"[core\n\xff = = ="),
    "garbage-head": lambda r: (r / ".git/HEAD").write_bytes(b"ref: ../../../../etc/passwd\n"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_repository_is_one_line_exit_2_or_a_report(tmp_path: Path, breakage: str) -> None:
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    BREAKAGES[breakage](repo)
    done = scan(str(repo))
    assert done.returncode in (0, 2), done.stderr
    if done.returncode == 2:
        assert done.stderr.startswith("modernity: ") and done.stderr.count("\n") == 1
    else:
        assert json.loads(done.stdout)["files"]["analysed"] == 1
    assert "Traceback" not in done.stderr


def test_a_bare_repository_is_read_at_its_head(tmp_path: Path) -> None:
    """issue 10 item 10: a bare clone was read as an empty folder (12/100, no README)."""
    repo = make_repo(tmp_path / "r", {"app.py": HINTED, "README.md": "# App\n\nIt works.\n"})
    git(tmp_path, "clone", "-q", "--bare", str(repo), "r.git")
    bare = report(str(tmp_path / "r.git"))
    over_url = report(repo.as_uri())
    assert bare["commit"] == over_url["commit"] == git(repo, "rev-parse", "HEAD").strip()
    assert bare["score"] == over_url["score"]
    assert bare["files"] == over_url["files"] and bare["files"]["analysed"] == 2


def test_a_head_naming_a_missing_commit_is_refused_not_read_as_empty(tmp_path: Path) -> None:
    """A repository with commits whose HEAD names no commit was reported 'No commits yet'."""
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    (repo / ".git" / "HEAD").write_text("0123456789" * 4 + "\n")
    assert "HEAD names no commit of this repository" in refused(str(repo))


def test_a_repository_without_any_commit_is_still_scanned(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "app.py").write_text(HINTED)
    history = {s["check"]: s for s in report(str(repo))["signals"]}["history"]
    assert history["value"] is None


def test_an_unreadable_head_is_named_as_the_user_knows_it(tmp_path: Path) -> None:
    """git's message named modernity's private shadow copy (/tmp/modernity-git-…)."""
    repo = make_repo(tmp_path / "r", {"app.py": HINTED})
    (repo / ".git" / "HEAD").write_text("garbage\n")
    reason = refused(str(repo))
    assert "modernity-git" not in reason and "git cannot read this repository" in reason
