"""Python-2-only code in files libcst parsed: the name tables and the per-file visitor.

Python 2 names only count where the file does not bind them itself, and code under
a Python 2 check or an import fallback is a compatibility shim, not Python 2 only.
"""

from dataclasses import dataclass

import libcst as cst

from analyzer.check import SourceFile
from analyzer.traverse import descendants
from checks._guards import FLAG_NAMES, catches_import_error, is_name, mentions_python2
from checks._scope import ScopeVisitor

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


def except_binds(handler: cst.ExceptHandler) -> bool:
    """``except ValueError, e:`` whose ``e`` the handler uses: Python 2, not PEP 758."""
    kind = handler.type
    if not isinstance(kind, cst.Tuple) or kind.lpar or len(kind.elements) != 2:
        return False
    last = kind.elements[-1].value
    if not isinstance(last, cst.Name):
        return False
    return any(is_name(node, last.value) for node in descendants(handler.body))


_FUTURE_SHIMS = frozenset({
    "print_function", "unicode_literals", "division", "absolute_import", "with_statement",
})


def _is_print(node: cst.BaseExpression) -> bool:
    """A bare ``print``, or ``print >>f, x`` (a tuple that starts with ``print >> f``)."""
    if isinstance(node, cst.Tuple) and node.elements:
        first = node.elements[0]
        shift = first.value if isinstance(first, cst.Element) else None
        return (
            isinstance(shift, cst.BinaryOperation) and isinstance(shift.operator, cst.RightShift)
            and is_name(shift.left, "print")
        )
    return is_name(node, "print")


class Python2Visitor(ScopeVisitor[Python2File]):
    """The per-file half of ``python2_idioms``: idioms and shims of a file libcst parsed.

    A file that branches on the Python version (``if PY2:``, ``PY2 = ...``) is 2/3
    compatible: its Python 2 names are shims, unless it also has Python 2 syntax.
    """

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.syntax: list[Finding] = []  # print >>, `except E, e:`: Python 2 even in 2/3 files
        self.soft: list[Finding] = []  # Python 2 names, methods and modules
        self.maybe: list[Finding] = []  # `except A, e:` that may be PEP 758
        self.names: list[tuple[str, int, bool]] = []
        self.shims: list[tuple[str, int]] = []
        self.skip_ids: set[int] = set()

    def found(self, into: list[Finding], line: int, label: str) -> None:
        if self.guard_depth:
            self.shims.append(("guarded Python 2 code", line))
        else:
            into.append((line, label))

    def visit_If(self, node: cst.If) -> None:
        super().visit_If(node)
        if mentions_python2(node.test):
            self.shims.append(("version check", self.line(node)))
            self.guard(node.body)
            self.guard(node.orelse)

    def visit_Try(self, node: cst.Try) -> None:
        if catches_import_error(node):
            self.guard(node.body)
            for handler in node.handlers:
                self.guard(handler.body)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        super().visit_AssignTarget(node)
        if isinstance(node.target, cst.Name) and node.target.value in FLAG_NAMES:
            self.shims.append(("PY2 flag", self.line(node)))

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in BUILTINS and id(node) not in self.skip_ids:
            self.names.append((node.value, self.line(node), self.guard_depth > 0))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.skip_ids.add(id(node.keyword))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.skip_ids.add(id(node.attr))  # `x.unicode` is an attribute, not the builtin
        label = module_idiom(self.qualified(node) or "")
        if label and "name" in label:
            self.found(self.soft, self.line(node), label)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in METHODS:
            self.found(self.soft, self.line(node), f".{func.attr.value}() method")

    def visit_Expr(self, node: cst.Expr) -> None:
        if _is_print(node.value):
            self.found(self.syntax, self.line(node), "print statement")

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if isinstance(node.type, cst.Tuple) and not node.type.lpar and len(node.type.elements) == 2:
            self.found(self.syntax if except_binds(node) else self.maybe, self.line(node),
                       "old except syntax")

    def observe(self) -> Python2File:
        for name, line, guarded in self.imports:
            top = name.split(".", maxsplit=1)[0]
            label = module_idiom(name)
            if top in SHIM_MODULES:
                self.shims.append((top, line))
            elif top == "__future__" and name.split(".")[-1] in _FUTURE_SHIMS:
                self.shims.append(("__future__ import", line))
            elif label and guarded:
                self.shims.append(("import fallback", line))
            elif label:
                self.soft.append((line, label))
        for name, line, guarded in self.names:
            if name in self.bound:
                continue
            if guarded:
                self.shims.append(("guarded Python 2 code", line))
            else:
                self.soft.append((line, f"Python 2 builtin {name}"))
        idioms = list(self.syntax)
        if any(kind in ("version check", "PY2 flag") for kind, _ in self.shims):
            self.shims.extend(("Python 2 name in 2/3 code", line) for line, _ in self.soft)
        else:
            idioms += self.soft
        if idioms:
            idioms += self.maybe
        return Python2File(tuple(sorted(set(idioms))), tuple(sorted(set(self.shims))))
