"""Target classification and cloning, against real git repositories."""

from pathlib import Path

import pytest

from analyzer.acquire import Kind, acquire, clone, parse_target, redact
from analyzer.errors import CloneError, LimitError, TargetError
from analyzer.walk import Limits
from tests.gitrepo import CommitSpec, git, make_repo


@pytest.mark.parametrize(("text", "kind"), [
    ("https://github.com/owner/repo.git", Kind.URL),
    ("ssh://git@example.com/owner/repo.git", Kind.URL),
    ("git@github.com:owner/repo.git", Kind.URL),
    ("file:///srv/repo", Kind.URL),
])
def test_urls_are_accepted(text: str, kind: Kind) -> None:
    assert parse_target(text).kind is kind


@pytest.mark.parametrize("text", [
    "ext::sh -c touch% /tmp/pwned", "fd::17", "-uhello", "--upload-pack=x",
    "http://example.com/repo", "https://example.com/a b", "https://x/\x07",
    "https://x/\x9b31m", "https://x/\u202egit.moc", "https://x/a\u00a0b", "EXT::sh",
])
def test_dangerous_targets_are_rejected(text: str) -> None:
    with pytest.raises(TargetError):
        parse_target(text)


def test_no_local_refuses_paths_and_file_urls(tmp_path: Path) -> None:
    for text in (str(tmp_path), tmp_path.as_uri()):
        with pytest.raises(TargetError, match="--no-local"):
            parse_target(text, allow_local=False)


def test_credentials_are_redacted() -> None:
    assert redact("https://user:s3cret@host/r.git") == "https://***@host/r.git"
    with pytest.raises(TargetError) as caught:
        parse_target("https://user:s3cret@host/a b")
    assert "s3cret" not in str(caught.value)


def test_local_repository_is_read_in_place_and_untouched(tmp_path: Path) -> None:
    """A local repository is not copied, and scanning changes nothing in its .git."""
    repo = make_repo(tmp_path / "r", {"a.py": "x = 1\n"})
    before = {p: p.stat().st_mtime_ns for p in (repo / ".git").rglob("*") if p.is_file()}
    with acquire(parse_target(str(repo))) as root:
        assert root == repo.resolve()
    after = {p: p.stat().st_mtime_ns for p in (repo / ".git").rglob("*") if p.is_file()}
    assert before == after


def test_clone_is_removed_afterwards_even_on_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.py": "x = 1\n"})
    with pytest.raises(RuntimeError), acquire(parse_target(repo.as_uri())) as root:
        assert (root / "a.py").read_text() == "x = 1\n"
        clone_dir = root
        raise RuntimeError("boom")
    assert not clone_dir.exists()


def test_ref_selects_a_branch_tag_or_commit(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.py": "v = 1\n"}, [
        CommitSpec(message="one"), CommitSpec(message="two", files={"a.py": "v = 2\n"}),
    ])
    first = git(repo, "rev-list", "--max-parents=0", "HEAD").strip()
    git(repo, "tag", "v1", first)
    for ref, expected in (("v1", "v = 1\n"), (first, "v = 1\n"), ("main", "v = 2\n")):
        with acquire(parse_target(repo.as_uri()), ref) as root:
            assert (root / "a.py").read_text() == expected, ref


def test_unknown_ref_is_a_clone_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.py": "x = 1\n"})
    with pytest.raises(CloneError, match="no-such-branch"), acquire(
        parse_target(repo.as_uri()), "no-such-branch"
    ):
        pass


def test_size_cap_stops_the_clone_itself(tmp_path: Path) -> None:
    """--max-repo-mb is enforced on the clone directory, before any file is examined."""
    repo = make_repo(tmp_path / "r", {"data.txt": "x" * 300_000})
    with pytest.raises(LimitError, match=r"larger than 0\.1 MB \(--max-repo-mb\)"):
        clone(repo.as_uri(), tmp_path / "dest", limits=Limits(max_repo_mb=0.1))


@pytest.mark.parametrize("text", [
    "ssh://-oProxyCommand=touch%20x/r", "ssh://user@-oProxyCommand=x/r", "git@-oProxyCommand=x:r",
])
def test_hosts_that_look_like_options_are_rejected(text: str) -> None:
    with pytest.raises(TargetError):
        parse_target(text)


def test_credentials_with_at_signs_are_redacted() -> None:
    assert redact("fatal: 'https://u:p@ss@h/r.git/'") == "fatal: 'https://***@h/r.git/'"
    assert redact("ssh://git@host/r") == "ssh://***@host/r"


@pytest.mark.parametrize(("text", "reason"), [
    pytest.param("ext::sh -c touch% /tmp/pwned", "transport helper", id="ext-with-spaces"),
    pytest.param("-u touch /tmp/x", "command-line option", id="option-with-spaces"),
    pytest.param("https://h/a\u202eb", "control characters", id="bidi"),
])
def test_rejection_names_the_real_reason(text: str, reason: str) -> None:
    """The message names what makes the target dangerous, not a side effect of it."""
    with pytest.raises(TargetError, match=reason):
        parse_target(text)
