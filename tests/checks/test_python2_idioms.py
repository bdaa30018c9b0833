from datetime import UTC, datetime
from pathlib import Path

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from analyzer.walk import build_repo
from checks._shared.python2_scan import scan_unparsable
from tests.conftest import signal_of, signals_of


def idioms(source: str, path: str = "a.py") -> list[tuple[int, str]]:
    signal = signal_of(Repo.from_files({path: source}), "python2_idioms")
    return [(i["line"], i["idiom"]) for i in signal.details["idioms"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("source", "found"), [
    pytest.param("x = 1\nprint 'hello'\n", (2, "print statement"), id="print"),
    pytest.param("import sys\nprint >>sys.stderr, 'x'\nprint 'y'\n", (2, "print statement"),
                 id="print-redirect"),
    pytest.param("exec 'x = 1' in scope\n", (1, "exec statement"), id="exec"),
    pytest.param("s = `value`\nprint s\n", (1, "backticks"), id="backticks"),
    pytest.param("if a <> b:\n    pass\n", (1, "<> operator"), id="not-equal"),
    pytest.param("mode = 0777\n", (1, "old octal literal"), id="octal"),
    pytest.param("s = ur'\\d'\nprint s\n", (1, "ur'' string prefix"), id="ur-prefix"),
    pytest.param("raise ValueError, 'bad'\n", (1, "old raise syntax"), id="raise-comma"),
    pytest.param("n = 10L\n", (1, "long integer literal"), id="long-literal"),
    pytest.param("n = 0xFFL\n", (1, "long integer literal"), id="long-hex"),
    pytest.param("try:\n    pass\nexcept IOError, e:\n    print e\n", (3, "old except syntax"),
                 id="except-comma-unparsable"),
    pytest.param("for i in xrange(3):\n    print i\n", (1, "Python 2 builtin xrange"),
                 id="names-in-unparsable-file"),
])
def test_python2_syntax_with_its_line(source: str, found: tuple[int, str]) -> None:
    """Files Python 3 cannot parse are classified from their tokens, idiom by idiom."""
    assert found in idioms(source)


@pytest.mark.parametrize(("source", "found"), [
    pytest.param("if isinstance(x, basestring):\n    pass\n", (1, "Python 2 builtin basestring"),
                 id="basestring"),
    pytest.param("s = unicode(x)\n", (1, "Python 2 builtin unicode"), id="unicode"),
    pytest.param("for i in xrange(3):\n    pass\n", (1, "Python 2 builtin xrange"), id="xrange"),
    pytest.param("n = long(x)\n", (1, "Python 2 builtin long"), id="long"),
    pytest.param("name = raw_input('?')\n", (1, "Python 2 builtin raw_input"), id="raw_input"),
    pytest.param("execfile('x.py')\n", (1, "Python 2 builtin execfile"), id="execfile"),
    pytest.param("total = reduce(add, xs)\n", (1, "Python 2 builtin reduce"), id="reduce"),
    pytest.param("for k, v in d.iteritems():\n    pass\n", (1, ".iteritems() method"),
                 id="iteritems"),
    pytest.param("vs = d.itervalues()\n", (1, ".itervalues() method"), id="itervalues"),
    pytest.param("ks = d.iterkeys()\n", (1, ".iterkeys() method"), id="iterkeys"),
    pytest.param("ok = d.has_key('a')\n", (1, ".has_key() method"), id="has_key"),
    pytest.param("import urllib2\n", (1, "Python 2 module urllib2"), id="urllib2"),
    pytest.param("from urlparse import urljoin\n", (1, "Python 2 module urlparse"),
                 id="urlparse"),
    pytest.param("import cPickle as pickle\n", (1, "Python 2 module cPickle"), id="cPickle"),
    pytest.param("from cStringIO import StringIO\n", (1, "Python 2 module cStringIO"),
                 id="cStringIO"),
    pytest.param("import StringIO\n", (1, "Python 2 module StringIO"), id="StringIO"),
    pytest.param("import ConfigParser\n", (1, "Python 2 module ConfigParser"), id="ConfigParser"),
    pytest.param("import Queue\n", (1, "Python 2 module Queue"), id="Queue"),
    pytest.param("import SocketServer\n", (1, "Python 2 module SocketServer"), id="SocketServer"),
    pytest.param("from HTMLParser import HTMLParser\n", (1, "Python 2 module HTMLParser"),
                 id="HTMLParser"),
    pytest.param("import httplib\n", (1, "Python 2 module httplib"), id="httplib"),
    pytest.param("import __builtin__\n", (1, "Python 2 module __builtin__"), id="__builtin__"),
    pytest.param("import sys\nbig = sys.maxint\n", (2, "Python 2 name sys.maxint"), id="maxint"),
    pytest.param("from itertools import izip\n", (1, "Python 2 name itertools.izip"), id="izip"),
    pytest.param("import sys\nprint >>sys.stderr, 'x'\n", (2, "print statement"),
                 id="print-redirect-parses"),
    pytest.param("try:\n    pass\nexcept ValueError, e:\n    log(e)\n", (3, "old except syntax"),
                 id="except-comma-bound"),
    pytest.param("import sys\nif sys.version_info[0] >= 3:\n    data = bytes(d, 'utf-8')\n"
                 "def expand(c):\n    return isinstance(c, (str, unicode))\n",
                 (5, "Python 2 builtin unicode"), id="unguarded-name-in-a-2-3-aware-file"),
])
def test_python2_names_in_parsable_files(source: str, found: tuple[int, str]) -> None:
    """Python 2 names, methods and modules are found in files that parse as Python 3 too."""
    assert idioms(source) == [found]


@pytest.mark.parametrize("source", [
    pytest.param("unicode = str\ns = unicode(x)\n", id="own-unicode"),
    pytest.param("def f(long):\n    return long + 1\n", id="parameter-named-long"),
    pytest.param("from functools import reduce\nreduce(add, xs)\n", id="imported-reduce"),
    pytest.param("from six.moves import urllib\n", id="six-moves"),
    pytest.param("from six.moves import cPickle\n", id="six-moves-cpickle"),
    pytest.param("class Queue:\n    pass\nq = Queue()\n", id="own-queue-class"),
    pytest.param("import queue\nq = queue.Queue()\n", id="python3-queue"),
    pytest.param("x = obj.unicode\nf(unicode=1)\n", id="attribute-and-keyword"),
    pytest.param("try:\n    import cPickle as pickle\nexcept ImportError:\n    import pickle\n",
                 id="import-fallback"),
    pytest.param("import sys\nif sys.version_info[0] == 2:\n    text = unicode\nelse:\n"
                 "    text = str\n", id="version-check"),
    pytest.param("import six\nif six.PY2:\n    import urllib2\n", id="six-py2"),
    pytest.param("import sys\nif sys.version < '3':\n    text = unicode\n", id="sys-version"),
    pytest.param("try:\n    basestring\nexcept NameError:\n    basestring = str\n",
                 id="name-error-fallback"),
    pytest.param("try:\n    pass\nexcept A, B:\n    pass\n", id="pep758-is-not-python2"),
    pytest.param("def f(:\n", id="broken-but-not-python2"),
    pytest.param("x = 00\ndef f(:\n", id="zero-zero-is-not-octal"),
    pytest.param("import sys\nPY2 = sys.version_info[0] == 2\ntext = unicode if PY2 else str\n",
                 id="conditional-expression-on-py2"),
    pytest.param("import six\nlabel = six.PY2 and unicode(x) or x\n", id="short-circuit-on-py2"),
    pytest.param("import pandas as pd\nfor idx, col in frame.iteritems():\n    pass\n",
                 id="pandas-iteritems-is-no-dict-method"),
    pytest.param("PY3 = True\nif PY3:\n    items = lambda d: d.items()\nelse:\n"
                 "    items = lambda d: d.iteritems()\n", id="flag-guarded-method"),
    pytest.param("x = f'{\"\\n\".join(a)}'\ntype A = int\n", id="python312-syntax"),
])
def test_not_python2(source: str) -> None:
    """Compatibility shims, own names and modern or broken code are not Python-2-only."""
    assert idioms(source) == []


def test_pep758_handler_in_a_python2_file_is_python2() -> None:
    """`except A, e:` counts as Python 2 when the file shows other Python 2 signs."""
    source = "for i in xrange(3):\n    pass\ntry:\n    pass\nexcept A, e:\n    pass\n"
    assert idioms(source) == [(1, "Python 2 builtin xrange"), (5, "old except syntax")]


def test_modern_file_is_modern_not_python2() -> None:
    """A file needing 3.12 (f-string backslash, PEP 695) and 3.14 syntax is modern, not Python 2."""
    source = (
        'names = f"{"\\n".join(parts)}"\n'
        "type Pair = tuple[int, int]\n"
        "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n"
    )
    signals = signals_of(Repo.from_files({"m.py": source}), ["python2_idioms", "python_version"])
    assert signals["python2_idioms"].value == 0
    assert signals["python_version"].details["minimum"] == "3.14"
    assert signals["python_version"].details["band"] == "modern"


def test_own_module_named_like_a_python2_module_is_not_python2() -> None:
    """`import commands` is the project's commands.py when the repository has one."""
    repo = Repo.from_files({"cli.py": "import commands\n", "commands.py": "x = 00\n"})
    assert signal_of(repo, "python2_idioms").value == 0


def test_python2_syntax_in_a_2_3_file_still_counts() -> None:
    """A file that branches on PY2 but prints with `print >>f` is still Python 2 only."""
    source = "import sys\nPY2 = sys.version_info[0] == 2\nprint >>sys.stderr, 'x'\n"
    assert idioms(source) == [(3, "print statement")]


def test_shims_are_counted_apart() -> None:
    """2/3 compatibility code is reported in details, not as Python-2-only files."""
    source = (
        "from __future__ import print_function\nimport six\nimport sys\n"
        "try:\n    import cPickle as pickle\nexcept ImportError:\n    import pickle\n"
        "if sys.version_info[0] == 2:\n    pass\n"
    )
    signal = signal_of(Repo.from_files({"compat.py": source}), "python2_idioms")
    assert signal.value == 0
    assert signal.details["compat_shims"] == {
        "__future__ import": 1, "import fallback": 1, "six": 1, "version check": 1,
    }
    assert "compatibility shim" in signal.summary


def test_value_counts_files_and_evidence_lists_each_idiom() -> None:
    """The value is the number of Python-2-only files; each idiom is evidence."""
    repo = Repo.from_files({
        "a.py": "print 'x'\nn = 10L\n", "b.py": "s = unicode(x)\n", "c.py": "x = 1\n",
        "tests/data/old.py": "print 'sample'\n",
    })
    signal = signal_of(repo, "python2_idioms")
    assert signal.value == 2
    assert signal.evidence == (Location("a.py", 1), Location("a.py", 2), Location("b.py", 1))
    assert signal.details["files"] == ["a.py", "b.py"]


@pytest.mark.parametrize("text", ["", "\x00\x01", "'''", "(((", "print 'x' \\\n", "\tif x:\n  y\n"])
def test_scan_never_fails(text: str) -> None:
    """The token scan survives text the tokenizer rejects."""
    assert isinstance(scan_unparsable(text), tuple)


def test_py2_legacy_fixture_lists_each_idiom_and_is_legacy() -> None:
    """The issue's must-show: every idiom of the Python 2 fixture, with its line."""
    root = Path(__file__).resolve().parents[2] / "fixtures" / "py2_legacy" / "repo"
    repo = build_repo(root, now=datetime(2026, 6, 1, tzinfo=UTC))
    signals = signals_of(repo, ["python2_idioms", "python_version"])
    found = {(i["path"], i["line"], i["idiom"])
             for i in signals["python2_idioms"].details["idioms"]}  # type: ignore[attr-defined]
    assert found == {
        ("mailer/send.py", 2, "Python 2 module urllib2"),
        ("mailer/send.py", 3, "Python 2 module cPickle"),
        ("mailer/send.py", 17, "<> operator"),
        ("mailer/send.py", 18, "print statement"),
        ("mailer/send.py", 22, "Python 2 builtin xrange"),
        ("mailer/send.py", 26, "old except syntax"),
        ("mailer/send.py", 27, "print statement"),
        ("mailer/template.py", 5, "Python 2 builtin basestring"),
        ("mailer/template.py", 6, "Python 2 builtin unicode"),
        ("mailer/template.py", 8, ".iteritems() method"),
        ("mailer/template.py", 14, "Python 2 builtin raw_input"),
    }
    assert signals["python2_idioms"].value == 2
    assert signals["python_version"].details["band"] == "legacy"


def test_notebook_python2_names_are_counted_apart() -> None:
    """Python 2 names in a notebook are listed apart and do not count as package files."""
    notebook = '{"cells": [{"cell_type": "code", "source": ["for i in xrange(3): pass\\n"]}]}'
    repo = Repo.from_files({"pkg/a.py": "x = 1\n", "old.ipynb": notebook})
    signal = signal_of(repo, "python2_idioms")
    assert signal.value == 0
    assert signal.details["notebook_files"] == ["old.ipynb"]


def _flags(files: dict[str, str]) -> list[tuple[str, str]]:
    from analyzer.score import rules  # noqa: PLC0415

    signal = signals_of(Repo.from_files(files), ["python2_idioms", "python_version"])[
        "python2_idioms"]
    return [(f.level.value, f.message) for f in rules()["python2_idioms"].flags(signal)]


def test_python_2_beside_python_3_code_is_a_question_not_the_red_flag() -> None:
    """The guide's red flag is Python 2 without Python 3: a leftover script beside code that
    needs Python 3 is yellow; Python 2 beside code that runs on both stays red."""
    leftover = {"old.py": "print 'x'\n", "new.py": "name = 'x'\nprint(f'{name}')\n",
                "lib.py": "def g():\n    yield from range(3)\n"}
    assert _flags(leftover) == [("yellow", "Python 2-only code left in 1 file(s), beside 2 "
                                           "that need Python 3.")]
    both = {"old.py": "print 'x'\n", "lib.py": "def f(a):\n    return '%s' % a\n"}
    assert _flags(both) == [("red", "Python 2-only code.")]
    tests_only = {"old.py": "print 'x'\n", "tests/test_new.py": "x = f'{1}'\n"}
    assert _flags(tests_only) == [("red", "Python 2-only code.")]  # production code decides
