"""Python-2-only code: print statements, old except syntax, Python 2 names and modules.

## What it measures
The number of files containing code that only runs on Python 2, each idiom with
its file and line: print and exec statements, backticks, `<>`, old octal and long
literals, `ur''`, `raise E, "msg"`, `except E, e:`, and Python 2 names and modules
(`basestring`, `unicode`, `xrange`, `.iteritems()`, `raw_input`, `urllib2`,
`cPickle`...). Files Python 3 cannot parse are classified from their tokens and
CPython's error message; nothing is run. 2/3 compatibility shims (`six`,
`__future__` imports, `sys.version_info[0] == 2` checks, `try: import cPickle
except ImportError:`) are counted apart in details: they are not Python-2-only.

## Why it matters
Python 2 reached its end of life in January 2020. Python-2-only code is either
old or written by someone who has not moved on, and it will not run today.

## Example
`print "done"` and `except IOError, e:` are Python 2 only;
`from six.moves import urllib` is compatibility code and does not count.

## Caveats
Old code can be perfectly good code: a repository may keep a historic project
as it was. A file Python 3 cannot parse counts only when it shows a Python 2
sign; `except A, B:` without a bound name is Python 3.14 syntax, not Python 2.
Test data (sample programs for tests) is never counted.
"""

import libcst as cst
import libcst.matchers as m

from analyzer.check import Corpus, SourceFile
from analyzer.model import Location, Signal
from analyzer.paths import Role
from checks._guards import catches_import_error, mentions_python2
from checks._python2 import (
    BUILTINS,
    METHODS,
    SHIM_MODULES,
    Finding,
    Python2File,
    except_binds,
    headline,
    module_idiom,
    python2_files,
)
from checks._scope import ScopeVisitor

_FUTURE_SHIMS = frozenset({
    "print_function", "unicode_literals", "division", "absolute_import", "with_statement",
})
_PRINT_TO = m.Tuple(elements=[m.Element(m.BinaryOperation(m.Name("print"), m.RightShift())),
                              m.ZeroOrMore()])


class Python2Idioms(ScopeVisitor[Python2File]):
    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.idioms: list[Finding] = []
        self.maybe: list[Finding] = []  # `except A, e:` that may be PEP 758
        self.names: list[tuple[str, int, bool]] = []
        self.shims: list[tuple[str, int]] = []
        self.skip_ids: set[int] = set()

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

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in BUILTINS and id(node) not in self.skip_ids:
            self.names.append((node.value, self.line(node), self.guard_depth > 0))

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self.skip_ids.add(id(node.keyword))

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.skip_ids.add(id(node.attr))  # `x.unicode` is an attribute, not the builtin
        label = module_idiom(self.qualified(node) or "")
        if label and "name" in label and not self.guard_depth:
            self.idioms.append((self.line(node), label))

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in METHODS:
            self.idioms.append((self.line(node), f".{func.attr.value}() method"))

    def visit_Expr(self, node: cst.Expr) -> None:
        if m.matches(node.value, _PRINT_TO | m.Name("print")):
            self.idioms.append((self.line(node), "print statement"))

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if isinstance(node.type, cst.Tuple) and not node.type.lpar and len(node.type.elements) == 2:
            target = self.idioms if except_binds(node) else self.maybe
            target.append((self.line(node), "old except syntax"))

    def observe(self) -> Python2File:
        idioms = list(self.idioms)
        for name, line, guarded in self.imports:
            top = name.split(".")[0]
            label = module_idiom(name)
            if top in SHIM_MODULES:
                self.shims.append((top, line))
            elif top == "__future__" and name.split(".")[-1] in _FUTURE_SHIMS:
                self.shims.append(("__future__ import", line))
            elif label and guarded:
                self.shims.append(("import fallback", line))
            elif label:
                idioms.append((line, label))
        for name, line, guarded in self.names:
            if name and name not in self.bound:
                (self.shims.append(("guarded builtin", line)) if guarded
                 else idioms.append((line, f"Python 2 builtin {name}")))
        if idioms:
            idioms.extend(self.maybe)
        return Python2File(tuple(sorted(set(idioms))), tuple(sorted(set(self.shims))))

    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        if not corpus.repo.python_files:
            return cls.signal(None, "No Python files to classify.", idioms=[], files=[])
        files = python2_files(corpus)
        shims: dict[str, int] = {}
        for path, observation in cls.observed(corpus).items():
            if corpus.repo.role(path) is not Role.TEST_DATA:
                for kind, _ in observation.shims:
                    shims[kind] = shims.get(kind, 0) + 1
        found = [(Location(path, line), label) for path, items in files.items()
                 for line, label in items]
        idioms = [{"path": at.path, "line": at.line, "idiom": label} for at, label in found]
        evidence = tuple(where for where, _ in found[:30])
        if files:
            path, items = next(iter(files.items()))
            line, label = headline(items)
            summary = (f"{len(files)} file(s) contain Python-2-only code, e.g. {label} "
                       f"at {path}:{line}.")
        else:
            summary = "No Python-2-only code."
        if shims:
            summary += f" {sum(shims.values())} Python 2/3 compatibility shim(s) counted apart."
        return cls.signal(
            len(files), summary, evidence=evidence, idioms=idioms[:200],
            files=list(files), compat_shims=dict(sorted(shims.items())),
        )
