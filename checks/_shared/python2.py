"""Python 2 names, modules and syntax labels, shared by ``python2_idioms`` and ``python_version``.

Also the ``except A, b:`` decision: Python 2's binding or Python 3.14's tuple (PEP 758).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import libcst as cst

from analyzer.traverse import descendants

Finding = tuple[int, str]  # line, plain label

BUILTINS = frozenset({
    "basestring", "unicode", "xrange", "long", "raw_input", "execfile", "reduce", "unichr",
    "cmp", "file", "apply", "buffer", "intern", "reload", "coerce",
})
MODULES = frozenset({
    "urllib2", "urlparse", "cPickle", "cStringIO", "StringIO", "ConfigParser", "Queue",
    "SocketServer", "HTMLParser", "httplib", "__builtin__", "commands", "Tkinter",
    "tkMessageBox", "cookielib", "Cookie", "thread", "dummy_thread", "copy_reg", "anydbm",
    "htmlentitydefs", "xmlrpclib", "SimpleHTTPServer", "BaseHTTPServer", "CGIHTTPServer",
    "robotparser", "UserDict", "UserList", "UserString", "md5", "sha", "sets", "exceptions",
})
METHODS = frozenset({
    "iteritems", "itervalues", "iterkeys", "has_key", "viewitems", "viewkeys", "viewvalues",
    "getcwdu",
})
NAMES = frozenset({
    "sys.maxint", "string.letters", "string.lowercase", "string.uppercase",
    "string.maketrans", "itertools.izip", "itertools.imap", "itertools.ifilter",
    "itertools.izip_longest", "os.getcwdu", "sys.setdefaultencoding",
})
SHIM_MODULES = frozenset({"six", "future", "past"})
SYNTAX = frozenset({
    "print statement", "exec statement", "backticks", "<> operator", "old octal literal",
    "ur'' string prefix", "old raise syntax", "old except syntax", "long integer literal",
})


@dataclass(frozen=True, slots=True)
class Python2File:
    """One parsed file's Python 2 idioms and its 2/3 compatibility shims (kind, line)."""

    idioms: tuple[Finding, ...] = ()
    shims: tuple[tuple[str, int], ...] = ()


def module_idiom(name: str) -> str | None:
    top = name.split(".", maxsplit=1)[0]
    if top in MODULES:
        return f"Python 2 module {top}"
    return f"Python 2 name {name}" if name in NAMES else None


def headline(found: tuple[Finding, ...]) -> Finding:
    """The finding to quote first: a syntax idiom (a print statement) beats a name."""
    return next((f for f in found if f[1] in SYNTAX), found[0])


def except_pair(handler: cst.ExceptHandler) -> tuple[str, bool] | None:
    """``except A, b:`` (Python 2's binding, or 3.14's tuple): ``b`` and whether the body uses it.

    None for any other handler, and for ``except A, b.c:`` (only ever a tuple of classes).
    """
    kind = handler.type
    if not isinstance(kind, cst.Tuple) or kind.lpar or len(kind.elements) != 2:
        return None
    last = kind.elements[-1].value
    if not isinstance(last, cst.Name):
        return None
    used = any(isinstance(n, cst.Name) and n.value == last.value for n in descendants(handler.body))
    return last.value, used


def binds_old_style(name: str, used: bool, classes: Collection[str]) -> bool:
    """Decide ``except A, name:`` by the name: a variable is Python 2, a class is PEP 758.

    Python 2 when the handler uses the name as a variable, or when it is lowercase and
    the module neither defines nor imports it (exception classes are CapWords or imported).
    """
    return used or (name[:1].islower() and name not in classes)
