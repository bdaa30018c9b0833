"""A candidate's public repositories, listed through GitHub's REST API.

``github:LOGIN`` and ``https://github.com/LOGIN`` name a person, not a repository.
The API base URL comes from ``--github-api``, else ``MODERNITY_GITHUB_API``, else
``https://api.github.com``, so tests serve recorded responses from 127.0.0.1. Pages
are followed through the ``Link`` header, only while they stay on the API's origin
(a token is never sent elsewhere). An exhausted rate limit is one line with the reset
time (exit 2). ``clone_url`` values are what gets cloned, through the same URL checks
as any other target.
"""

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

from analyzer.errors import ModernityError, TargetError

if TYPE_CHECKING:
    import urllib.error

DEFAULT_API = "https://api.github.com"
PYTHON_LANGUAGES = frozenset({"Python", "Jupyter Notebook"})
CLONE_SCHEMES = ("https://", "file://")  # file:// for a local mirror, refused by --no-local
MAX_PAGES = 30  # 3,000 repositories: anyone beyond that is not one candidate
MAX_BODY = 20 * 1024 * 1024
_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')


class RateLimitError(ModernityError):
    """The API refused for the rate limit: wait for the reset or set GITHUB_TOKEN."""


@dataclass(frozen=True, slots=True)
class ProfileRepo:
    name: str
    clone_url: str
    html_url: str
    language: str | None
    pushed_at: str
    skipped: str | None = None  # why it is not scanned (fork, archived, not Python, cap)


def api_base(option: str | None = None) -> str:
    base = option or os.environ.get("MODERNITY_GITHUB_API") or DEFAULT_API
    if urlsplit(base).scheme not in {"https", "http"}:
        raise TargetError(f"the GitHub API URL must be http(s)://, not {base!r}")
    return base.rstrip("/")


def _reset_time(headers: object) -> str:
    reset = str(getattr(headers, "get", lambda _key: None)("X-RateLimit-Reset"))
    try:
        return datetime.fromtimestamp(int(reset), UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    except (TypeError, ValueError, OverflowError):
        return "an unknown time"


def _refusal(error: "urllib.error.HTTPError", login: str) -> ModernityError:
    limited = error.headers.get("X-RateLimit-Remaining") == "0" or error.code == 429
    if error.code in {403, 429} and limited:
        return RateLimitError(
            f"GitHub API rate limit reached; it resets at {_reset_time(error.headers)} "
            "(set GITHUB_TOKEN for a higher limit)"
        )
    if error.code == 404:
        return TargetError(f"no GitHub user {login!r}")
    return TargetError(f"GitHub API answered {error.code} for user {login!r}")


def _get(url: str, login: str, timeout: float) -> tuple[list[object], str | None]:
    import urllib.error  # noqa: PLC0415  (with http.client and ssl: a twentieth of a warm scan)
    import urllib.request  # noqa: PLC0415

    request = urllib.request.Request(url, headers={
        "Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "modernity",
    })
    token = os.environ.get("GITHUB_TOKEN")
    if token:
        request.add_unredirected_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(MAX_BODY + 1)
            link = response.headers.get("Link")
    except urllib.error.HTTPError as error:
        raise _refusal(error, login) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise TargetError(f"could not reach the GitHub API: {reason}") from None
    try:
        page = json.loads(body) if len(body) <= MAX_BODY else None
    except ValueError:
        page = None
    if not isinstance(page, list):
        raise TargetError(f"the GitHub API sent no repository list for {login!r}")
    found = _NEXT.search(link or "")
    return page, found.group(1) if found else None


def list_repos(login: str, *, base: str, timeout: float = 30) -> list[dict[str, object]]:
    """Every public repository the user owns, following ``Link: rel="next"`` pages."""
    origin = urlsplit(base)[:2]
    url: str | None = f"{base}/users/{quote(login)}/repos?type=owner&sort=pushed&per_page=100"
    repos: list[dict[str, object]] = []
    for _ in range(MAX_PAGES):
        if url is None:
            break
        if urlsplit(url)[:2] != origin:
            raise TargetError(f"the GitHub API pointed to another site ({urlsplit(url).netloc})")
        page, url = _get(url, login, timeout)
        repos += [item for item in page if isinstance(item, dict)]
    return repos


def _text(item: dict[str, object], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def choose(items: list[dict[str, object]], *, max_repos: int,
           include_forks: bool = False) -> list[ProfileRepo]:
    """Every repository, most recently pushed first; those not to scan say why."""
    ordered = sorted(items, key=lambda item: _text(item, "pushed_at"), reverse=True)
    chosen: list[ProfileRepo] = []
    taken = 0
    for item in ordered:
        language = item.get("language")
        reason = None
        if item.get("fork") is True and not include_forks:
            reason = "fork"
        elif item.get("archived") is True:
            reason = "archived"
        elif language not in PYTHON_LANGUAGES:
            reason = f"not Python ({language or 'no language'})"
        elif not _text(item, "clone_url").startswith(CLONE_SCHEMES):
            reason = "no https:// clone URL"  # never a local path named by the API
        elif taken >= max_repos:
            reason = f"over --max-repos {max_repos}"
        taken += reason is None
        chosen.append(ProfileRepo(
            name=_text(item, "name"), clone_url=_text(item, "clone_url"),
            html_url=_text(item, "html_url"),
            language=language if isinstance(language, str) else None,
            pushed_at=_text(item, "pushed_at"), skipped=reason,
        ))
    return chosen


def identities(login: str, items: list[dict[str, object]]) -> tuple[str, ...]:
    """How the candidate's commits are signed: the login, and GitHub's no-reply emails."""
    owner = next((i["owner"] for i in items if isinstance(i.get("owner"), dict)), {})
    user_id = owner.get("id") if isinstance(owner, dict) else None
    found = [login, f"{login}@users.noreply.github.com"]
    if isinstance(user_id, int):
        found.append(f"{user_id}+{login}@users.noreply.github.com")
    return tuple(found)
