"""python_version and python2_idioms together: what counts, and what the verdict says.

Issue 11 (``except A, b:`` decided by names, a band that answers "does the candidate
write current Python?") and issue 10 items 2, 3, 4 and 8 for these two checks.
"""

import json

import pytest

from analyzer.model import Signal
from analyzer.repo import Repo
from tests.conftest import signals_of

BOTH = ["python_version", "python2_idioms"]


def verdicts(files: dict[str, str]) -> tuple[Signal, Signal]:
    signals = signals_of(Repo.from_files(files), BOTH)
    return signals["python_version"], signals["python2_idioms"]


def notebook(*cells: str) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "source": cell} for cell in cells]})


@pytest.mark.parametrize(("handler", "python2"), [
    pytest.param("except ValueError, e:\n    pass\n", True, id="lowercase-unused-is-python2"),
    pytest.param("except ValueError, err:\n    log(err)\n", True, id="used-variable-is-python2"),
    pytest.param("except (KeyError, IndexError), e:\n    pass\n", True,
                 id="tuple-then-name-is-python2"),
    pytest.param("except ValueError, TypeError:\n    pass\n", False, id="two-classes-is-pep758"),
    pytest.param("except ValueError, timeout:\n    pass\n", False,
                 id="imported-lowercase-class-is-pep758"),
    pytest.param("except ValueError, socket.error:\n    pass\n", False,
                 id="dotted-second-is-pep758"),
    pytest.param("except ValueError, TypeError, KeyError:\n    pass\n", False,
                 id="three-classes-is-pep758"),
])
def test_except_comma_is_decided_by_names(handler: str, python2: bool) -> None:
    """`except A, b:` is Python 2 when `b` is a variable, PEP 758 (3.14) when it is a class."""
    source = f"from socket import timeout\nimport socket\ntry:\n    go()\n{handler}"
    version, idioms = verdicts({"m.py": source})
    assert (idioms.value == 1) is python2
    assert (version.details["minimum"] == "3.14") is (not python2)
    assert not ("Python 2" in version.summary and "3.14" in version.summary)


def test_lowercase_own_class_is_pep758() -> None:
    """A lowercase name the module defines as a class is an exception class, not a variable."""
    source = ("class oops(Exception):\n    pass\n"
              "try:\n    go()\nexcept ValueError, oops:\n    pass\n")
    version, idioms = verdicts({"m.py": source})
    assert (idioms.value, version.details["minimum"]) == (0, "3.14")


def test_a_file_of_only_except_comma_is_python2_never_314() -> None:
    """The issue's case: a file holding `except ValueError, e:` and `pass` is Python 2."""
    version, idioms = verdicts({"m.py": "try:\n    pass\nexcept ValueError, e:\n    pass\n"})
    assert idioms.value == 1
    assert (version.value, version.details["band"]) == (207, "legacy")
    assert "3.14" not in version.summary


@pytest.mark.parametrize(("source", "found"), [
    pytest.param("import six\nfor k, v in six.iteritems(d):\n    pass\n", [],
                 id="six-iteritems-is-not-the-method"),
    pytest.param("from future.utils import viewitems\nimport future.utils\n"
                 "pairs = future.utils.viewitems(d)\n", [], id="future-utils-viewitems"),
    pytest.param("for k, v in os.environ.iteritems():\n    pass\n",
                 [(1, ".iteritems() method")], id="a-dict-iteritems-still-counts"),
    pytest.param("match event:\n    case {'path': file}:\n        print(file)\n", [],
                 id="match-capture-named-file"),
    pytest.param("match event:\n    case [first, *file]:\n        print(file)\n", [],
                 id="match-star-named-file"),
    pytest.param("def read(file):\n    return file.read()\n", [], id="parameter-named-file"),
    pytest.param("h = file('x')\n", [(1, "Python 2 builtin file")], id="the-builtin-file"),
    pytest.param("try:\n    from urllib2 import urlopen\nexcept ImportError:\n"
                 "    from urllib.request import urlopen\n", [], id="fallback-import"),
    pytest.param("import sys\npy3 = sys.version_info[0] >= 3\nif py3:\n    text = str\nelse:\n"
                 "    text = unicode\n", [], id="lowercase-py3-flag-guard"),
])
def test_names_count_only_when_they_are_python2s(source: str,
                                                found: list[tuple[int, str]]) -> None:
    """A name is Python 2's only when it resolves to the builtin or module (issue 10 item 3)."""
    _, idioms = verdicts({"m.py": source})
    got = [(i["line"], i["idiom"]) for i in idioms.details["idioms"]]  # type: ignore[attr-defined]
    assert got == found


@pytest.mark.parametrize(("files", "minimum", "python2"), [
    pytest.param({"tests/data/new.py": "type A = int\n", "app.py": "import dataclasses\n"},
                 "3.7", 0, id="test-data-never-raises-the-minimum"),
    pytest.param({"tests/data/old.py": "print 'sample'\n", "app.py": "import dataclasses\n"},
                 "3.7", 0, id="test-data-is-never-python2"),
    pytest.param({"examples/demo.py": "type A = int\n", "src/app.py": "import dataclasses\n"},
                 "3.7", 0, id="examples-apart"),
    pytest.param({"docs/conf_demo.py": "print 'x'\n", "src/app.py": "import dataclasses\n"},
                 "3.7", 0, id="docs-python2-apart"),
])
def test_what_counts(files: dict[str, str], minimum: str, python2: int) -> None:
    """Test data never counts; examples and docs are reported apart (issue 10 item 2)."""
    version, idioms = verdicts(files)
    assert version.details["minimum"] == minimum
    assert (version.details["python2_files"], idioms.value) == (python2, python2)


def test_examples_are_reported_apart_with_their_own_figure() -> None:
    version, idioms = verdicts({"examples/a.py": "match x:\n    case 1:\n        pass\n",
                                "examples/b.py": "print 'x'\n", "src/m.py": "x = 1\n"})
    assert version.details["examples_minimum"] == "3.10"
    assert "Examples and docs apart: 1 file(s) of Python 2 code." in version.summary
    assert idioms.details["apart_files"] == ["examples/b.py"]


def test_python2_project_never_shows_a_modern_value() -> None:
    """Issue 10 item 4: CI testing 2.5-2.7, `from types import NoneType`: legacy, not 310."""
    files = {
        ".github/workflows/ci.yml": "jobs:\n  t:\n    strategy:\n      matrix:\n"
                                    "        python-version: ['2.5', '2.6', '2.7']\n",
        "pkg/cursor.py": "from types import NoneType\nx = isinstance(a, NoneType)\n",
        "pkg/conn.py": "print 'connected'\n",
    }
    version, _ = verdicts(files)
    assert (version.value, version.display, version.details["band"]) == (207, "2.7", "legacy")
    assert "types.NoneType" not in str(version.details["features"])
    assert "3.10" not in version.summary


def test_declared_python2_only_without_python2_syntax_is_legacy() -> None:
    files = {"setup.py": "setup(classifiers=['Programming Language :: Python :: 2.7'])\n",
             "m.py": "from types import NoneType\n"}
    version, _ = verdicts(files)
    assert (version.value, version.details["band"]) == (207, "legacy")
    assert version.summary.startswith("Python 2 project: declares Python 2.7")


def test_a_2_and_3_project_is_not_python2() -> None:
    files = {"setup.py": "setup(classifiers=['Programming Language :: Python :: 2.7',\n"
                         "'Programming Language :: Python :: 3.8'])\n",
             "m.py": "import dataclasses\n"}
    version, _ = verdicts(files)
    assert version.details["minimum"] == "3.7"


@pytest.mark.parametrize(("files", "band", "phrase"), [
    pytest.param({"pyproject.toml": '[project]\nrequires-python = ">=3.9"\n',
                  "lib.py": "from __future__ import annotations\n"
                            "def f(x: list[int] | None) -> str:\n    return f'{x}'\n"},
                 "modern", "Supports 3.9+, written in modern style", id="modern-style-on-3.9"),
    pytest.param({"pyproject.toml": '[project]\nrequires-python = ">=3.9"\n',
                  "lib.py": "from typing import List, Optional\n"
                            "def f(x: Optional[List[int]]) -> str:\n    return '%s' % x\n"},
                 "common", "Declares >=3.9.", id="old-style-on-3.9"),
    pytest.param({"lib.py": "from __future__ import annotations\n"
                            "def f(x: dict[str, int]) -> None:\n    pass\n"},
                 "common", "Needs Python 3.7", id="generics-without-f-strings"),
    pytest.param({"pyproject.toml": '[project]\nrequires-python = ">=3.6"\n',
                  "lib.py": "def f(x):\n    return '{}'.format(x)\n"},
                 "legacy", "Declares >=3.6.", id="old-floor-old-style"),
])
def test_band_answers_does_the_candidate_write_current_python(
    files: dict[str, str], band: str, phrase: str,
) -> None:
    """The band weighs the declared range and the forms written; minimum stays the floor."""
    version, _ = verdicts(files)
    assert version.details["band"] == band
    assert phrase in version.summary


def test_notebook_only_repository_is_judged_on_its_notebooks() -> None:
    """Issue 10 item 8: when notebooks hold all the Python, they are the code judged."""
    files = {"a.ipynb": notebook("import pandas as pd\n", "match x:\n    case 1:\n        pass\n"),
             "b.ipynb": notebook("name = 'x'\nprint(f'{name}')\n")}
    version, idioms = verdicts(files)
    assert (version.value, version.details["minimum"]) == (310, "3.10")
    assert version.summary.startswith("Notebook code: Needs Python 3.10 or newer (match")
    assert (idioms.value, idioms.details["counted"]) == (0, "notebook")
    assert idioms.summary == "No Python-2-only code in notebooks."


def test_python2_notebooks_make_a_python2_notebook_portfolio() -> None:
    files = {"a.ipynb": notebook("import pandas as pd\n", "match x:\n    case 1:\n        pass\n"),
             "b.ipynb": notebook("print 'old'\n")}
    version, idioms = verdicts(files)
    assert version.value == 207
    assert "print statement at b.ipynb:1" in version.summary
    assert (idioms.value, idioms.details["files"]) == (1, ["b.ipynb"])


def test_notebooks_beside_python_files_stay_apart() -> None:
    files = {"a.ipynb": notebook("print 'old'\n"), "src/m.py": "x = 1\n"}
    version, idioms = verdicts(files)
    assert (version.value, idioms.value) == (300, 0)
    assert idioms.details["notebook_files"] == ["a.ipynb"]
    assert "1 notebook file(s) apart hold Python-2-only code." in idioms.summary


def test_python2_tests_of_a_python3_product_are_reported_apart() -> None:
    """A 2/3 library whose one test calls raw_input is not a Python 2 project."""
    files = {"lib/api.py": "import six\nfor k, v in six.iteritems(d):\n    pass\n",
             "tests.py": "def test_login():\n    code = raw_input('code: ')\n"}
    version, idioms = verdicts(files)
    assert (version.value, idioms.value) == (300, 0)
    assert idioms.details["test_files"] == ["tests.py"]
    assert "1 test file(s) apart hold Python-2-only code." in idioms.summary
    assert "Tests apart: 1 file(s) of Python 2 code." in version.summary


def test_tests_are_the_code_when_there_is_no_other() -> None:
    version, idioms = verdicts({"tests/test_a.py": "def test_a():\n    print 'x'\n"})
    assert (version.value, idioms.value) == (207, 1)


def test_two_three_code_with_a_python2_floor_says_it_runs_on_python2_too() -> None:
    files = {"lib/api.py": "import six\nfor k, v in six.iteritems(d):\n    pass\n",
             "setup.py": "setup(classifiers=['Programming Language :: Python :: 2.6',\n"
                         "  'Programming Language :: Python :: 3.3'])\n"}
    version, _ = verdicts(files)
    assert (version.value, version.details["also_python2"]) == (300, "2.6")
    assert version.summary.endswith("Runs on Python 2.6 too: 2/3 compatible code.")
    assert version.details["band"] == "legacy"
