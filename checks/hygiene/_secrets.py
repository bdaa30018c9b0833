"""Spotting secret-looking values in ``.env`` files and source code without keeping the value."""

import base64
import binascii
import math
import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate
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
    r"^(change[_-]?\w*|x+|\*+|\.+|<.*>|\$\{.*\}|\$\w+|your[_-].*|none|null|true|false"
    r"|todo|tbd|secret|password|example.*|dummy.*|test.*|placeholder.*|\d{1,6})$", re.IGNORECASE,
)
# Known key formats; a password in a URL counts unless it is an interpolation (${DB_PASSWORD}).
_KEY_FORMATS = {
    "AWS access key": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "Stripe live key": re.compile(r"\b[sr]k_live_[A-Za-z0-9]{16,}"),
    "OpenAI key": re.compile(r"\bsk-[A-Za-z0-9_-]{32,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY"),
}
# Text each format needs: a pattern starting with \b is searched slowly, a substring is not.
_NEEDLES = {
    "AWS access key": ("AKIA", "ASIA"), "GitHub token": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
    "Slack token": ("xox",), "Stripe live key": ("k_live_",), "OpenAI key": ("sk-",),
    "Google API key": ("AIza",), "private key": ("-----BEGIN ",),
}
_URL_PASSWORD = re.compile(r"://[^/\s:@]+:[^/\s@$][^/\s@]*@")
# In source: NAME = '...', NAME: str = "...", "NAME": "...", name="..." (one literal, one line).
_SOURCE_ASSIGNMENT = re.compile(
    r"(?P<key>[A-Za-z_]\w*)['\"]?\s*(?::\s*[\w.\[\]| ]+?\s*)?[:=]\s*[rbu]?"
    r"(?P<quote>['\"])(?P<value>[^'\"\s]{12,})(?P=quote)", re.IGNORECASE,
)
_SOURCE_NAME = re.compile(
    r"secret|api_?key|token|passw(or)?d|access_?key|private_?key|client_?secret", re.IGNORECASE,
)
# The same names in lower-case ASCII text: a case-blind alternation is searched slowly
# (0.4 ms a file); an ASCII text has the same length, and the same matches, lowered.
_LOWER_NAME = re.compile(_SOURCE_NAME.pattern)
# "$" only as a reference (${DB_PASS}, $(cat key), $TOKEN): Django's generated keys draw on
# "!@#$%^&*(-_=+)", and a key holding "$" is no less a key. Django marks its development
# key "django-insecure-": startproject's local default, not the production key.
_NOT_A_VALUE = re.compile(
    r"your|change|example|xxx|dummy|secret|placeholder|sample|fake|<|\{|\$\(|^\$\w+$|://"
    r"|^[a-z_./-]+$|^django-insecure-",
    re.IGNORECASE,
)


def is_env_file(path: str) -> bool:
    """``.env``, ``.env.production``, ``prod.env``; not templates such as ``.env.example``."""
    name = PurePosixPath(path).name.lower()
    if not (name == ".env" or name.startswith(".env.") or name.endswith(".env")):
        return False
    return name.rsplit(".", 1)[-1] not in _TEMPLATE_SUFFIXES


_CONFIG_SUFFIXES = frozenset({".cfg", ".ini", ".conf", ".properties", ".toml", ".yaml", ".yml"})
_CONFIG_ASSIGNMENT = re.compile(
    r"^\s*(?P<key>[A-Za-z_][\w.-]*)\s*[:=]\s*(?P<value>[^\s'\"#]{12,})\s*$")


def is_config_file(path: str) -> bool:
    """A committed configuration file (``airflow.cfg``, ``settings.ini``, ``config.yaml``),
    not a template (``config.example.yaml``)."""
    pure = PurePosixPath(path.lower())
    return pure.suffix in _CONFIG_SUFFIXES and not _TEMPLATE_SUFFIXES & set(pure.name.split("."))


def config_secret_lines(text: str) -> list[tuple[int, str]]:
    """``(line, key)`` of known key formats and of random-looking unquoted values given
    secret names (Airflow's generated ``secret_key = ...``); the source rule, not the looser
    ``.env`` one: config files name many things ``auth_*`` whose values are module paths."""
    lines = text.splitlines()
    found = []
    for number, kind in sorted(_lines_with(text, lines).items()):
        match = _CONFIG_ASSIGNMENT.match(lines[number - 1])
        if kind is not None:
            found.append((number, kind))
        elif match and _random_secret(match["key"], match["value"]):
            found.append((number, match["key"]))
    return found


def _key_format(line: str) -> str | None:
    return next((kind for kind, shape in _KEY_FORMATS.items() if shape.search(line)), None)


def secret_lines(text: str) -> list[tuple[int, str]]:
    """``(line, key)`` for each ``.env`` assignment whose value looks like a real secret."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _ASSIGNMENT.match(line)
        if match is None:
            continue
        value = match["value"].split(" #", 1)[0].strip().strip("'\"")
        shaped = _key_format(value) is not None or _URL_PASSWORD.search(value) is not None
        named = _SECRET_KEY.search(match["key"]) is not None and "://" not in value
        if shaped or (named and len(value) >= 6 and not _PLACEHOLDER.match(value)):
            found.append((number, match["key"]))
    return found


def _entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def source_secret_lines(text: str) -> list[tuple[int, str]]:
    """``(line, name)`` of known key formats and random-looking literals given secret names.

    The name is the variable (or the key format's kind), never the value.
    """
    lines = text.splitlines()
    kinds = _lines_with(text, lines)
    found = []
    for number in sorted(kinds):
        kind, line = kinds[number], lines[number - 1]
        if kind is not None:
            found.append((number, kind))
            continue
        for match in _SOURCE_ASSIGNMENT.finditer(line.replace('\\"', '"')):
            if _random_secret(match["key"], match["value"]):
                found.append((number, match["key"]))
                break
    return found


def _random_secret(name: str, value: str) -> bool:
    """A secret name given a random-looking value that is no placeholder or reference.

    A base64 value (a Kubernetes Secret's ``data``) is judged by the text it encodes:
    the encoding of ``dev-password`` looks random, the password does not."""
    plain = _decoded(value)
    if plain is not None and (_NOT_A_VALUE.search(plain) or _PLACEHOLDER.match(plain)):
        return False
    return (_SOURCE_NAME.search(name) is not None and not _NOT_A_VALUE.search(value)
            and _entropy(value) >= 3.5)


_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


def _decoded(value: str) -> str | None:
    """The printable text a base64 value encodes; None for anything else (random bytes)."""
    if len(value) % 4 or not _BASE64.fullmatch(value):
        return None
    try:
        text = base64.b64decode(value, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return text if text.isprintable() else None


def _lines_with(text: str, lines: list[str]) -> dict[int, str | None]:
    """The lines (1-based) holding a key format (its first kind) or a secret-like name
    (``None``): the only ones that can hold a finding. One search of the whole text per
    pattern instead of eight per line; no pattern matches across a line break."""
    formats = [(match.start(), kind) for kind, shape in reversed(_KEY_FORMATS.items())
               if any(needle in text for needle in _NEEDLES[kind])
               for match in shape.finditer(text)]
    names = _LOWER_NAME.finditer(text.lower()) if text.isascii() else _SOURCE_NAME.finditer(text)
    starts = [match.start() for match in names]
    if not formats and not starts:
        return {}  # most files: no need to know where lines end
    ends = list(accumulate(len(line) for line in text.splitlines(keepends=True)))
    found: dict[int, str | None] = {}
    for start, kind in formats:  # the first kind in order wins: it is written last
        found[bisect_right(ends, start) + 1] = kind
    for start in starts:
        found.setdefault(bisect_right(ends, start) + 1, None)
    return {number: kind for number, kind in found.items() if number <= len(lines)}
