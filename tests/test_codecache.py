"""Kept dataclass code: the very methods ``exec`` makes, read back instead of compiled."""

import builtins
import marshal
import os
import subprocess
import sys
from dataclasses import dataclass, field
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from typing import Any

import pytest

from analyzer import codecache
from analyzer.codecache import kept_dataclass_code, load

# Run in a fresh interpreter: import what the fork server imports, with the kept code at
# argv[2] ("plain": without it), and print a digest of every method ``dataclasses`` made
# (their code's every field but identity) and how many texts ``codecache`` compiled.
_PROBE = r"""
import builtins, hashlib, sys, types
from pathlib import Path
import analyzer.codecache as codecache
mode, where = sys.argv[1], Path(sys.argv[2])
compiled = [0]
real_compile = builtins.compile
def counting(*args, **kwargs):
    compiled[0] += sys._getframe(1).f_globals["__name__"] == "analyzer.codecache"
    return real_compile(*args, **kwargs)
builtins.compile = counting
if mode == "plain":
    import contextlib
    codecache.kept_dataclass_code = lambda where=None: contextlib.nullcontext({})
else:
    codecache.path = lambda: where
import analyzer.warm
builtins.compile = real_compile
digest, made = hashlib.sha256(), 0
for name in sorted(sys.modules):
    if not name.startswith(("libcst", "analyzer", "checks")):
        continue
    for cls in [v for v in vars(sys.modules[name]).values() if isinstance(v, type)]:
        for key, method in sorted(vars(cls).items()):
            code = getattr(method, "__code__", None)
            if code is None or code.co_filename != "<string>":
                continue
            made += 1
            fields = (code.co_code, code.co_consts, code.co_names, code.co_varnames,
                      code.co_name, code.co_qualname, code.co_firstlineno, code.co_flags,
                      code.co_argcount, code.co_kwonlyargcount, code.co_linetable)
            digest.update(repr((name, cls.__qualname__, key, fields)).encode())
print(digest.hexdigest(), made, compiled[0])
"""


def _probe(mode: str, where: Path) -> tuple[str, int, int]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-c", _PROBE, mode, str(where)], env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return out[0], int(out[1]), int(out[2])


def test_the_fork_servers_imports_make_the_same_methods_from_kept_code(tmp_path: Path) -> None:
    where = tmp_path / "__pycache__" / "kept.marshal"
    plain, made, _ = _probe("plain", where)  # ``exec`` compiles each text itself
    assert not where.exists()
    first, _, compiled_first = _probe("kept", where)  # compiles, then keeps
    kept = load(where)
    again, made_again, compiled_again = _probe("kept", where)
    assert made > 1000  # libcst's node classes' methods, and ours
    assert plain == first == again  # the same code, field for field
    assert made_again == made
    assert len(kept) > 600  # texts, fewer than methods: many classes share one
    assert compiled_first == len(kept)  # each text once
    assert compiled_again == 0  # none of the kept texts again
    assert load(where) == kept  # nothing new, nothing written


@dataclass(frozen=True)
class _Made:
    name: str
    sizes: list[int] = field(default_factory=list)


def _define() -> type:
    @dataclass(frozen=True, order=True)
    class Point:
        x: int
        y: int = 0

    return Point


def test_kept_code_is_read_back_and_not_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    where = tmp_path / "kept.marshal"
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    with kept_dataclass_code(where) as used:
        point = _define()
    assert len(used) >= 5 and load(where).keys() == used.keys()
    compiled: list[Any] = []
    real = builtins.compile

    def counting(*args: Any, **kwargs: Any) -> Any:
        compiled.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(builtins, "compile", counting)
    with kept_dataclass_code(where) as used_again:
        again = _define()
    assert compiled == [] and used_again.keys() == used.keys()
    assert again(1, 2) < again(2) and repr(again(1)) == "_define.<locals>.Point(x=1, y=0)"
    assert point(1, 2) == point(1, 2) and hash(point(1)) == hash(point(1))


@pytest.mark.parametrize("damage", [
    b"", b"not ours", codecache._FORMAT + b"\x00\x00\r\n" + marshal.dumps({}),
    codecache._FORMAT + MAGIC_NUMBER + b"\xff\x00", codecache._FORMAT + MAGIC_NUMBER,
    codecache._FORMAT + MAGIC_NUMBER + marshal.dumps([1, 2]),
])
def test_a_damaged_or_foreign_file_is_compiled_again_and_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes,
) -> None:
    where = tmp_path / "kept.marshal"
    where.write_bytes(damage)
    assert load(where) == {}
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    with kept_dataclass_code(where):
        point = _define()
    assert point(3).x == 3
    assert len(load(where)) >= 5


def test_only_code_is_read_from_the_file(tmp_path: Path) -> None:
    where = tmp_path / "kept.marshal"
    code = compile("x = 1", "<string>", "exec")
    where.write_bytes(codecache._FORMAT + MAGIC_NUMBER + marshal.dumps(
        {"x = 1": code, "y = 2": "not code", 3: code}))
    assert load(where) == {"x = 1": code}


def test_nothing_is_kept_where_python_keeps_no_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)  # -B, PYTHONDONTWRITEBYTECODE
    with kept_dataclass_code(tmp_path / "kept.marshal"):
        _define()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    (tmp_path / "a file").write_text("")
    with kept_dataclass_code(tmp_path / "a file" / "kept.marshal"):  # cannot be written
        assert _define()(1).y == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a file"]


def test_the_kept_code_lies_beside_modernitys_bytecode() -> None:
    where = codecache.path()
    assert where is not None
    assert where.parent == Path(codecache.__file__).parent / "__pycache__"
    assert sys.implementation.cache_tag in where.name
    assert "exec" not in vars(__import__("dataclasses"))  # restored after each use
    assert _Made("a").sizes == []
