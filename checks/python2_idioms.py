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
Test data (sample programs for tests) is never counted; examples, docs and
notebooks are counted apart (`apart_files`, `notebook_files`). A name counts only
when it is Python 2's own: not a parameter, match capture or local of that name,
not `six.iteritems(d)`, not an import under `try: ... except ImportError:`.
"""

from analyzer.check import Corpus
from analyzer.model import Location, Signal
from checks._python2 import Python2Visitor, headline
from checks._python2_scan import python2_files
from checks._version_fold import group


class Python2Idioms(Python2Visitor):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo
        every = python2_files(corpus)
        in_notebooks = [p for p in every if group(repo, p) == "notebook"]
        apart = [p for p in every if group(repo, p) == "apart"]
        aside = "".join(f" {len(found)} {name} file(s) apart hold Python-2-only code." for
                        name, found in (("example/docs", apart), ("notebook", in_notebooks))
                        if found)
        code = [p for p in repo.python_files if group(repo, p) in ("code", "tests")]
        if not code:
            none = "No Python files to classify" + (" outside notebooks." if repo.notebooks
                                                    else ".")
            return cls.signal(None, none + aside, idioms=[], files=[],
                              notebook_files=in_notebooks, apart_files=apart)
        files = {p: found for p, found in every.items() if group(repo, p) in ("code", "tests")}
        shims: dict[str, int] = {}
        for path, observation in cls.observed(corpus).items():
            if group(repo, path) in ("code", "tests"):
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
            len(files), summary + aside, evidence=evidence, idioms=idioms[:200],
            files=list(files), compat_shims=dict(sorted(shims.items())),
            notebook_files=in_notebooks, apart_files=apart,
        )
