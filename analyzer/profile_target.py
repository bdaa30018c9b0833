"""Whether a target names a GitHub profile (a person), not a repository.

Apart from ``analyzer.github`` so that the scan of a repository or a folder, which
asks this of every target, imports neither the API client nor the candidate report.
"""

import re

from analyzer.errors import TargetError

_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_PROFILE_URL = re.compile(r"^https://(?:www\.)?github\.com/([^/?#]+)/?$", re.IGNORECASE)
# Paths on github.com that are not people (github.com/settings is not a profile).
_NOT_PEOPLE = frozenset({"settings", "orgs", "explore", "topics", "marketplace", "login",
                         "features", "pricing", "about", "search", "notifications"})


def profile_login(text: str) -> str | None:
    """The login when ``text`` names a GitHub profile; ``None`` when it names anything else."""
    if text.lower().startswith("github:"):
        login = text[len("github:"):]
        if not _LOGIN.match(login):
            raise TargetError(f"{text!r} is not a GitHub login (letters, digits and '-')")
        return login
    match = _PROFILE_URL.match(text)
    if match and _LOGIN.match(match.group(1)) and match.group(1).lower() not in _NOT_PEOPLE:
        return match.group(1)
    return None


def names_a_profile(text: str) -> bool:
    """Whether ``text`` is meant as a profile (a malformed ``github:`` login included:
    ``profile_login`` then says what is wrong with it)."""
    return text.lower().startswith("github:") or profile_login(text) is not None
