"""The first commit's code, so `history` can say how much of today's code arrived in it.

Bounded and blame-free: today's code files whose content is byte-identical to a
file of the first commit are found by blob id alone (``ls-tree``, no file read);
the first commit's other code files are read only when git holds them locally (a
blob-less clone would download each one) and within ``MAX_FILES``/``MAX_BYTES``.
"""

import os
import re
from typing import TYPE_CHECKING

from analyzer.repo import FirstCommit
from analyzer.text import decode

if TYPE_CHECKING:
    from analyzer.gitfacts import Git

MAX_FILES = 300
MAX_BYTES = 2_000_000
_OID = re.compile(rb"[0-9a-f]{40}([0-9a-f]{24})?")


def _code(path: str) -> bool:
    return path.endswith((".py", ".ipynb"))


def _tree(runner: "Git", rev: str) -> dict[str, str]:
    """Code files at ``rev``: path -> blob id."""
    found: dict[str, str] = {}
    for record in runner("ls-tree", "-r", "-z", "--full-tree", rev).split(b"\0"):
        meta, _, raw = record.partition(b"\t")
        fields = meta.split()
        path = os.fsdecode(raw)
        if len(fields) == 3 and fields[1] == b"blob" and _OID.fullmatch(fields[2]) and _code(path):
            found[path] = fields[2].decode()
    return found


def _present(runner: "Git", root: str) -> set[str]:
    """Objects of the first commit git has locally (``--missing=print`` never downloads)."""
    out = runner("rev-list", "--objects", "--no-object-names", "--missing=print", root)
    return {line.decode() for line in out.split() if _OID.fullmatch(line)}


def _read(runner: "Git", oids: list[str]) -> list[bytes]:
    out = runner("cat-file", "--batch", data="".join(f"{oid}\n" for oid in oids).encode())
    blobs = []
    for _ in oids:
        header, _, out = out.partition(b"\n")
        fields = header.split()
        if len(fields) != 3 or fields[1] != b"blob":
            blobs.append(b"")
            continue
        size = int(fields[2])
        blobs.append(out[:size])
        out = out[size + 1:]
    return blobs


def first_commit(runner: "Git", root: str) -> FirstCommit:
    first, head = _tree(runner, root), _tree(runner, "HEAD")
    first_ids = set(first.values())
    unchanged = frozenset(path for path, oid in head.items() if oid in first_ids)
    today = set(head.values())
    others = sorted((path, oid) for path, oid in first.items() if oid not in today)
    present = _present(runner, root) if others else set()
    chosen: list[tuple[str, str]] = []
    budget = MAX_BYTES
    sizes = _sizes(runner, [oid for _, oid in others if oid in present])
    for path, oid in others:
        size = sizes.get(oid)
        if size is not None and size <= budget and len(chosen) < MAX_FILES:
            chosen.append((path, oid))
            budget -= size
    blobs = _read(runner, [oid for _, oid in chosen]) if chosen else []
    texts = {path: decode(blob) for (path, _), blob in zip(chosen, blobs, strict=True)}
    return FirstCommit(root, unchanged, texts, len(others) - len(chosen))


def _sizes(runner: "Git", oids: list[str]) -> dict[str, int]:
    if not oids:
        return {}
    out = runner("cat-file", "--batch-check", data="".join(f"{oid}\n" for oid in oids).encode())
    sizes = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] == b"blob" and fields[2].isdigit():
            sizes[fields[0].decode()] = int(fields[2])
    return sizes
