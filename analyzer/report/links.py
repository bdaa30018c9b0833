"""Links from evidence to the exact line on the forge that hosts the repository.

Only well-known forges whose URL layout is stable are linked, always at the
scanned commit (never a branch, which moves). Anything else gets no link.
"""

import re
from urllib.parse import quote

from analyzer.model import Location

_FORGES = {
    "github.com": "{base}/blob/{commit}/{path}{anchor}",
    "gitlab.com": "{base}/-/blob/{commit}/{path}{anchor}",
    "bitbucket.org": "{base}/src/{commit}/{path}{bb_anchor}",
}
_HTTPS = re.compile(r"^https://(?:[^@/]+@)?(?P<host>[^/:]+)/(?P<repo>[^?#]+?)(?:\.git)?/?$")
_SCP = re.compile(r"^[\w.+-]+@(?P<host>[^:]+):(?P<repo>[^?#]+?)(?:\.git)?/?$")
_SSH = re.compile(r"^ssh://(?:[^@/]+@)?(?P<host>[^/:]+)(?::\d+)?/(?P<repo>[^?#]+?)(?:\.git)?/?$")


def web_base(target: str) -> tuple[str, str] | None:
    """``(host, https base URL)`` of a repository on a known forge, without credentials."""
    for pattern in (_HTTPS, _SCP, _SSH):
        found = pattern.match(target)
        if found and found["host"].lower() in _FORGES:
            host = found["host"].lower()
            return host, f"https://{host}/{found['repo'].strip('/')}"
    return None


def line_url(target: str, commit: str | None, location: Location) -> str | None:
    """The URL showing ``location`` at ``commit``, or None when it cannot be linked."""
    base = web_base(target)
    if base is None or not commit:
        return None
    host, url = base
    line = location.line
    return _FORGES[host].format(
        base=url, commit=commit, path=quote(location.path),
        anchor=f"#L{line}" if line else "", bb_anchor=f"#lines-{line}" if line else "",
    )
