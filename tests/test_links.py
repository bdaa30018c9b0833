import pytest

from analyzer.model import Location
from analyzer.report.links import line_url

SHA = "0123456789abcdef0123456789abcdef01234567"


@pytest.mark.parametrize(("target", "expected"), [
    pytest.param("https://github.com/owner/repo", "https://github.com/owner/repo", id="https"),
    pytest.param("https://github.com/owner/repo.git", "https://github.com/owner/repo",
                 id="dot-git"),
    pytest.param("git@github.com:owner/repo.git", "https://github.com/owner/repo", id="scp-like"),
    pytest.param("ssh://git@github.com/owner/repo.git", "https://github.com/owner/repo", id="ssh"),
    pytest.param("https://***@github.com/owner/repo", "https://github.com/owner/repo",
                 id="redacted-credentials"),
])
def test_github_links_point_at_the_commit_and_line(target: str, expected: str) -> None:
    """Evidence links use the scanned commit, never a moving branch, and carry no credentials."""
    url = line_url(target, SHA, Location("src/app mod.py", 12))
    assert url == f"{expected}/blob/{SHA}/src/app%20mod.py#L12"


def test_other_forges_use_their_own_layout() -> None:
    assert line_url("https://gitlab.com/g/sub/p.git", SHA, Location("a.py", 3)) == (
        f"https://gitlab.com/g/sub/p/-/blob/{SHA}/a.py#L3"
    )
    assert line_url("https://bitbucket.org/t/r", SHA, Location("a.py", 3)) == (
        f"https://bitbucket.org/t/r/src/{SHA}/a.py#lines-3"
    )


@pytest.mark.parametrize(("target", "commit"), [
    pytest.param("https://git.example.com/owner/repo", SHA, id="unknown-forge"),
    pytest.param("/home/me/repo", SHA, id="local-path"),
    pytest.param("https://github.com/owner/repo", None, id="no-commit"),
])
def test_no_link_when_it_could_be_wrong(target: str, commit: str | None) -> None:
    assert line_url(target, commit, Location("a.py", 1)) is None
