"""Strings from a scanned repository made safe for every output format.

File names, commit authors and git's messages are chosen by the candidate. An
escape sequence in them would reach the terminal as a command (rewrite the
screen, set the clipboard with OSC 52, hide a line); bidirectional overrides
would reorder what is shown (a spoofed file name in HTML). A file name need not
be UTF-8 at all: its bytes are kept internally as surrogate escapes, which no
strict UTF-8 writer accepts.

- ``valid``: such bytes become the visible text ``\\xff``, so every string can
  be written as UTF-8 (for JSON and SARIF, whose readers get the rest exactly).
- ``clean``: ``valid``, plus control and bidi characters as visible escapes
  (terminal, HTML, stderr).
- ``escape_json``: a JSON text with every C1 control, bidi and line-separator
  character written as a ``\\uXXXX`` escape (``json.dumps`` escapes only C0).
- ``prepared``: a report (or failed-target dict) with one of those applied to
  every string in it, details included.
"""

import dataclasses
import re
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TypeVar

from analyzer.model import Location

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
T = TypeVar("T")


def _surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def valid(text: str) -> str:
    """``text`` with the undecodable bytes of a file name (surrogate escapes) as ``\\xNN``."""
    return _SURROGATE.sub(_surrogate, text)


def clean(text: str) -> str:
    """``valid(text)`` with every control character (except newline and tab) shown escaped."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), valid(text))


def escape_json(document: str) -> str:
    """A JSON text whose invisible or reordering characters are ``\\u`` escapes (lossless)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def _deep(value: Any, fix: Callable[[str], str]) -> Any:
    if isinstance(value, Enum):  # our own vocabulary (a flag's level): never repository text
        return value
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, Location):
        return Location(fix(value.path), value.line)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _deep(getattr(value, f.name), fix)
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, Mapping):
        return {_deep(k, fix): _deep(v, fix) for k, v in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return type(value)(*(_deep(item, fix) for item in value))
    if isinstance(value, tuple | list | frozenset | set):
        return type(value)(_deep(item, fix) for item in value)
    return value


def prepared(report: T, *, visible: bool) -> T:
    """``report`` with every string ``clean`` (``visible``) or at least ``valid``."""
    fixed: T = _deep(report, clean if visible else valid)
    return fixed


def printable(report: T) -> T:
    """A copy of ``report`` whose every repository-derived string is safe for a terminal."""
    return prepared(report, visible=True)
