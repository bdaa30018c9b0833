"""Spotting secret-looking values in ``.env`` files without ever keeping the value."""

import re
from pathlib import PurePosixPath

_TEMPLATE_SUFFIXES = frozenset({"example", "sample", "template", "dist", "defaults", "tpl", "tmpl"})
_ASSIGNMENT = re.compile(
    r"^\s*(?:export\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(?P<value>.*)$",
)
_SECRET_KEY = re.compile(
    r"SECRET|TOKEN|PASSW(OR)?D|PWD|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH|DSN"
    r"|DATABASE_URL|CONN(ECTION)?_STR", re.IGNORECASE,
)
_PLACEHOLDER = re.compile(
    r"^(changeme|change[_-]?me|x+|\*+|\.+|<.*>|\$\{.*\}|\$\w+|your[_-].*|none|null|true|false"
    r"|todo|tbd|secret|password|example.*|dummy.*|test.*|placeholder.*|\d{1,6})$", re.IGNORECASE,
)
_TOKEN_SHAPE = re.compile(
    r"AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|sk-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY|://[^/\s:@]+:[^/\s@]+@",
)


def is_env_file(path: str) -> bool:
    """``.env``, ``.env.production``, ``prod.env``; not templates such as ``.env.example``."""
    name = PurePosixPath(path).name.lower()
    if not (name == ".env" or name.startswith(".env.") or name.endswith(".env")):
        return False
    return name.rsplit(".", 1)[-1] not in _TEMPLATE_SUFFIXES


def secret_lines(text: str) -> list[tuple[int, str]]:
    """``(line, key)`` for each assignment whose value looks like a real secret."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ASSIGNMENT.match(line)
        if match is None:
            continue
        value = match["value"].split(" #", 1)[0].strip().strip("'\"")
        shaped = _TOKEN_SHAPE.search(value) is not None
        named = _SECRET_KEY.search(match["key"]) is not None
        if shaped or (named and len(value) >= 6 and not _PLACEHOLDER.match(value)):
            found.append((number, match["key"]))
    return found
