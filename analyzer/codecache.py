"""The bytecode of the methods ``@dataclass`` writes, kept between runs as ``.pyc`` files are.

``dataclasses`` makes each class's ``__init__``, ``__repr__``, ``__eq__``... by compiling
Python source it writes (``exec`` of a string), on every start: libcst's node classes
and modernity's own made 1,207 compiles (850 different texts) when the workers' fork
server started, before any file could be analysed. A source text always compiles to
the same code, so the code compiled once for a text is kept, by its text, in one
``marshal`` file beside modernity's own bytecode (``analyzer/__pycache__``), and ``exec``
runs that code the next time: the same functions, compiled as ``exec`` would (file name
``<string>``, no inherited ``__future__`` flags). The fork server's imports took 0.11 s
instead of 0.20.

The file has the trust of the ``.pyc`` files beside it (whoever can write one can change
modernity anyway): never the cache folder, which may be shared or restored from
elsewhere. It is written when Python writes bytecode (not under ``-B`` or
``PYTHONDONTWRITEBYTECODE``), read only when its header names this Python's bytecode,
and anything unreadable in it is compiled again.
"""

import builtins
import contextlib
import dataclasses
import marshal
import os
import sys
from collections.abc import Iterator
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

_FORMAT = b"modernity dataclass code 1\n"
_MOST = 20_000  # texts kept across versions of libcst and of modernity; then this run's only


def path() -> Path | None:
    """Where the code is kept for this Python, or ``None`` when it keeps no bytecode."""
    tag: str | None = sys.implementation.cache_tag
    if tag is None:
        return None
    return Path(__file__).parent / "__pycache__" / f"dataclass-code.{tag}.marshal"


def load(where: Path) -> dict[str, CodeType]:
    """The kept code by source text; empty when missing, for another Python, or damaged."""
    try:
        data = where.read_bytes()
    except OSError:
        return {}
    header = _FORMAT + MAGIC_NUMBER
    if not data.startswith(header):
        return {}
    try:
        kept = marshal.loads(data[len(header):])
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {text: code for text, code in kept.items()
            if type(text) is str and type(code) is CodeType}


def save(where: Path, kept: dict[str, CodeType]) -> None:
    """Write ``kept`` whole, atomically (another process may be reading or writing it)."""
    temporary = where.with_name(f"{where.name}.{os.getpid()}.tmp")
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(_FORMAT + MAGIC_NUMBER + marshal.dumps(kept))
        temporary.replace(where)
    except OSError:  # a read-only install: as for bytecode, nothing is kept
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def kept_dataclass_code(where: Path | None = None) -> Iterator[dict[str, CodeType]]:
    """While open, ``@dataclass`` runs kept code for the texts it compiled before; at the
    end, newly compiled texts are kept. Yields the code used, by text."""
    where = where or path()
    kept = load(where) if where else {}
    used: dict[str, CodeType] = {}

    def exec_kept(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if type(source) is str:
            code = kept.get(source) or used.get(source)
            if code is None:
                code = compile(source, "<string>", "exec", dont_inherit=True)
            used[source] = code
            source = code
        builtins.exec(source, globals, locals)

    space = vars(dataclasses)
    outer = space.get("exec")  # an enclosing use's (the builtin when None)
    space["exec"] = exec_kept  # found before the builtin
    try:
        yield used
    finally:
        if outer is None:
            del space["exec"]
        else:
            space["exec"] = outer
    if where and not sys.dont_write_bytecode and not used.keys() <= kept.keys():
        save(where, {**kept, **used} if len(kept) + len(used) <= _MOST else used)
