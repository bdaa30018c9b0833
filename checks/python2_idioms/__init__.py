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
Production code counts; tests only when there is no production code, notebooks
only when they hold all the Python. Otherwise tests, examples and docs, and
notebooks are reported apart (`test_files`, `apart_files`, `notebook_files`): a
2/3 project whose one test still calls `raw_input` is not Python 2 code. Test data
(sample programs for tests) never counts. A name counts only
when it is Python 2's own: not a parameter, match capture or local of that name,
not `six.iteritems(d)`, not an import under `try: ... except ImportError:`, not
the Python 2 half of `if PY2:` or `unicode if PY2 else str`. A version check
elsewhere in the file excuses nothing, and code reached only through feature
detection (six's own `if print_ is None:`) still counts.
"""

from analyzer.api import (
    Example,
    FileCheck,
    Fold,
    Location,
    Role,
    Rule,
    Signal,
    value,
)
from checks._shared.code_role import code_role
from checks._shared.python2 import Python2File, headline
from checks._shared.python2_files import python2_files
from checks.python2_idioms._flags import flags, python3_files
from checks.python2_idioms._visitor import Python2Visitor

_APART = ((Role.TEST, "test"), (Role.EXAMPLE, "example/docs"), (Role.NOTEBOOK, "notebook"))


def _apart(every: dict[str, object], fold: Fold[Python2File],
           counted: Role | None) -> tuple[str, dict[Role, list[str]]]:
    apart = {role: [p for p in every if fold.role_of(p) is role]
             for role, _ in _APART if role is not counted}
    aside = "".join(f" {len(apart[role])} {name} file(s) apart hold Python-2-only code."
                    for role, name in _APART if apart.get(role))
    return aside, apart


class Python2Idioms(Python2Visitor, FileCheck[Python2File]):
    rule = Rule(5, lambda s: 0.0 if value(s) > 0 else 1.0, flags)
    examples = (
        Example({"a.py": "print 'hello'\n"}, 1, ("a.py:1",)),
        Example({"a.py": "import six\nfor k, v in six.iteritems(d):\n    pass\n"}, 0),
        Example({"tests/data/a.py": "print 'x'\n", "a.py": "x = 1\n"}, 0,
                note="test data never counts"),
    )

    @classmethod
    def result(cls, fold: Fold[Python2File]) -> Signal:
        every = python2_files(fold)
        counted = code_role(fold)
        aside, apart = _apart(dict(every), fold, counted)
        notebooks = apart.get(Role.NOTEBOOK, [])
        examples, tests = apart[Role.EXAMPLE], apart.get(Role.TEST, [])
        if counted is None:
            return cls.signal(None, f"No Python files to classify.{aside}", idioms=[], files=[],
                              notebook_files=notebooks, apart_files=examples, test_files=tests)
        files = {p: found for p, found in every.items() if fold.role_of(p) is counted}
        shims: dict[str, int] = {}
        for observation in fold.of(counted).values():
            for kind, _ in observation.shims:
                shims[kind] = shims.get(kind, 0) + 1
        found = [(Location(path, line), label) for path, items in files.items()
                 for line, label in items]
        summary = "No Python-2-only code" + (" in notebooks." if counted is Role.NOTEBOOK else ".")
        if files:
            path, items = next(iter(files.items()))
            line, label = headline(items)
            summary = (f"{len(files)} file(s) contain Python-2-only code, e.g. {label} "
                       f"at {path}:{line}.")
        if shims:
            summary += f" {sum(shims.values())} Python 2/3 compatibility shim(s) counted apart."
        python3 = python3_files(fold, counted, every) if files else []
        if python3:
            summary += f" {len(python3)} other file(s) need Python 3."
        return cls.signal(
            len(files), summary + aside, evidence=tuple(at for at, _ in found[:30]),
            details={"python3_files": python3[:50]} if files else None,
            idioms=[{"path": at.path, "line": at.line, "idiom": said} for at, said in found][:200],
            files=list(files), compat_shims=dict(sorted(shims.items())), counted=counted.value,
            notebook_files=notebooks, apart_files=examples, test_files=tests,
        )
