"""No text, however odd, crashes a scan: each file parses or is recorded as unparsable."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.engine import run
from analyzer.registry import all_checks
from analyzer.repo import Repo
from analyzer.text import decode
from checks._shared.python2_scan import scan_unparsable

FRAGMENTS = [
    "print 'x'\n", "except ValueError, e:\n", "x = 0777L\n", "`a`\n", "a <> b\n",
    "type A[T = int] = list[T]\n", 'f"{"\\n".join(x)}"\n', "match x:\n    case 1:\n",
    "async with asyncio.TaskGroup() as g:\n", "if sys.version_info >= (3, 11):\n",
    "try:\n", "    import tomllib\n", "except ImportError:\n", "def f[T](x: T) -> T | None:\n",
    "    return x\n", "ur'\\d'\n", "raise E, 'm'\n", "exec code in ns\n", "(((\n", "'''\n",
    "\tif x:\n  y\n", "from __future__ import annotations\n", "X = int | None\n",
    "[project]\nrequires-python = '>=3.", "jobs: {python-version: [3.1", "[tox]\nenvlist = py3{",
]
texts = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300).map(decode),
    st.lists(st.sampled_from(FRAGMENTS), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=8).map("".join),
)
NAMES = ["a.py", "pkg/b.py", "tests/test_c.py", "pyproject.toml", "setup.cfg", "tox.ini",
         "setup.py", "noxfile.py", ".python-version", ".github/workflows/ci.yml",
         ".gitlab-ci.yml"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(NAMES), texts, min_size=1, max_size=5))
def test_any_text_scans(files: dict[str, str]) -> None:
    """Every check runs on any input; each Python file has observations or a reason."""
    repo = Repo.from_files(files)
    analysis = run(repo, all_checks())
    assert [s.check for s in analysis.signals] == [c.name for c in all_checks()]
    for path in repo.python_files:
        if path in analysis.unparsable:
            assert analysis.unparsable[path].strip()
    python_version = next(s for s in analysis.signals if s.check == "python_version")
    expected = {"modern", "common", "legacy"} if repo.python_files else {None}
    assert python_version.details["band"] in expected


@settings(max_examples=200, deadline=None)
@given(texts)
def test_python2_scan_of_any_text(text: str) -> None:
    """The token scan of unparsable files returns findings on real lines, or nothing."""
    lines = max(1, len(text.splitlines()))
    for line, label in scan_unparsable(text):
        assert 1 <= line <= lines + 1
        assert label
