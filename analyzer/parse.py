"""libcst's parse, without re-validating every node its own parser has just built.

libcst validates each node as it is constructed (``CSTNode.__post_init__`` calls
``_validate``), including the nodes its parser makes from a grammar that only admits
valid trees; its source says as much ("PERF: It might make more sense to move
validation work into the visitor, which would allow us to avoid validating the tree
when parsing a file"). That validation is about a sixth of a parse: flask's 83 files
0.70 -> 0.58 CPU s, with equal trees (``deep_equals``), and no file of the 14,010 in
the corpus, the benchmark trees and site-packages fails validation after parsing.
The check is skipped only inside this call, in a worker that runs no other thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import libcst as cst  # deferred by the CLI: read only when a file is parsed

from analyzer import nodeinit


@cache
def ready() -> int:
    """The faster node constructors (``analyzer.nodeinit``), once per process: in the
    workers' fork server, before it forks. Not on import: the CLI's parent defers libcst.
    The number of node classes that got one."""
    return nodeinit.install()


def _trusted(node: cst.CSTNode) -> None:
    """What ``__post_init__`` does for a node the parser built: nothing to check."""


@contextmanager
def _unvalidated() -> Iterator[None]:
    node = cst.CSTNode
    validating = node.__post_init__
    node.__post_init__ = _trusted  # type: ignore[method-assign,assignment]
    nodeinit.set_validating(False)  # the faster constructors then skip the call itself
    try:
        yield
    finally:
        nodeinit.set_validating(True)
        node.__post_init__ = validating  # type: ignore[method-assign]


def parse_module(text: str) -> cst.Module:
    """``libcst.parse_module(text)``: the same tree, the same errors, a sixth faster."""
    ready()
    with _unvalidated():
        return cst.parse_module(text)
