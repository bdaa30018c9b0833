"""The pre-parse guard: inputs that crash or stall libcst are skipped, everything else parses."""

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.engine import run
from analyzer.guard import MAX_BRACKET_DEPTH, MAX_CHAIN, measure, refuse, screen
from analyzer.repo import Repo
from analyzer.text import decode
from analyzer.walk import build_repo
from tests.guard_reference import by_tokens

DEEP = "x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n"


def python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120,
    )


def test_libcst_really_crashes_without_the_guard() -> None:
    """Parsing 10,000 nested parentheses kills the interpreter with SIGSEGV (no exception)."""
    done = python(f"import libcst; libcst.parse_module({DEEP!r})")
    assert done.returncode == -signal.SIGSEGV


def test_the_worst_accepted_input_parses() -> None:
    """At the guard's limits (brackets and a ~1,000-operator chain) libcst still parses."""
    worst = "x = " + ("(" + "-" * 9) * (MAX_BRACKET_DEPTH - 1) + "1" + ")" * 99 + "\n"
    assert refuse(worst) is None
    done = python(f"import libcst; libcst.parse_module({worst!r}); print('parsed')")
    assert done.returncode == 0 and done.stdout == "parsed\n", done.stderr


@pytest.mark.parametrize(("source", "reason"), [
    pytest.param(DEEP, "brackets nested 10,000 deep", id="nested-parentheses"),
    pytest.param("x = " + "[" * 1_500, "brackets nested", id="unclosed-brackets"),
    pytest.param("x = (\n" + "-\n" * 100_000 + "1)\n", "an expression nests", id="unary-minus"),
    pytest.param("x = " + "not " * 5_000 + "y\n", "an expression nests", id="not-chain"),
    pytest.param("x = a" + ".b" * 3_000 + "\n", "an expression nests", id="attribute-chain"),
    pytest.param("s = '" + "a" * 25_000 + "'\n", "a line is 25,006", id="long-line"),
    pytest.param("x = " + "f'{" * 500 + "1" + "}'" * 500 + "\n", "brackets", id="nested-fstring"),
])
def test_hostile_sources_are_refused(source: str, reason: str) -> None:
    """Each shape that crashes or stalls libcst gets a readable reason."""
    refused = refuse(source)
    assert refused is not None and reason in refused


@pytest.mark.parametrize("source", [
    pytest.param("x = [\n" + "".join(f"    {i} + 1,\n" for i in range(5_000)) + "]\n",
                 id="long-flat-list"),
    pytest.param("def f(a: int = 1, *, b: str = 'x') -> dict[str, list[int]]:\n"
                 "    return {b: [a] * 3 if a else []}\n", id="ordinary-code"),
    pytest.param("s = '" + "(" * 500 + "'\n", id="brackets-inside-a-string"),
    pytest.param(f"x = {'(' * MAX_BRACKET_DEPTH}1{')' * MAX_BRACKET_DEPTH}\n", id="at-the-limit"),
])
def test_real_code_is_not_refused(source: str) -> None:
    """Ordinary and merely large code passes the guard."""
    assert refuse(source) is None
    assert MAX_CHAIN >= 1_000


def test_a_refused_file_is_skipped_and_the_others_kept() -> None:
    """The refused file is listed with its reason; the other file still counts."""
    repo = Repo.from_files({"deep.py": DEEP, "ok.py": "def f(x: int) -> int:\n    return x\n"})
    analysis = run(repo)
    assert analysis.unparsable == {
        "deep.py": "not parsed: brackets nested 10,000 deep (limit 100)",
    }
    hints = {s.check: s for s in analysis.signals}["type_hints"]
    assert hints.value == 1.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_never_raises(text: str) -> None:
    """Arbitrary text as a Python source: the scan completes."""
    analysis = run(Repo.from_files({"a.py": text, "b.py": "x: int = 1\n"}))
    assert "b.py" not in analysis.unparsable


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_never_raise(data: bytes) -> None:
    """Arbitrary bytes on disk as a Python source: read, decoded or skipped, never an error."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "a.py").write_bytes(data)
        Path(tmp, "b.py").write_text("x: int = 1\n")
        repo = build_repo(Path(tmp), now=Repo.from_files({}).now)
        analysis = run(repo)
    assert "b.py" in repo.files and "b.py" not in analysis.unparsable
    assert decode(data) is not None


TRICKY = [
    "x = '(' + \"[[\" + '''((\n)))''' + \"\"\"{{\"\"\"  # ((((\n",
    "s = f'{a[(1)]}' + rb'\\'((' + u\"\\\"[\"\n",
    "x = (1 +\n     2) ** -3.5e-3 + 0x1F + 1_000j + .5 + a.b.c(...)\n",
    "y = a if not b else lambda q: q is not None and q in r or await z\n",
    "if x:\n    y = [\n        1, 2,\n    ]\n\\\n\nz = x \\\n    + 1\n",
    "a //= 2; b **= 3; c >>= 1; d @= e; f -> g; h := i; j != k <= l\n",
    "x = 1\r\ny = (2 +\r\n 3)\rz = 4\n",
    "ifx = inside + isn + notes + elsewhere + orange + andrew\n",
    "# only a comment, no newline at the end",
    "x = '''unterminated? no''' + 'a\\\n b'\n",
]


@pytest.mark.parametrize("source", TRICKY)
def test_the_scan_measures_what_tokenize_measures(source: str) -> None:
    """Strings, comments, numbers, keywords in names and line ends: read as tokenize reads them."""
    assert measure(source) == by_tokens(source)


def test_the_scan_agrees_with_tokenize_on_this_project() -> None:
    """Every Python file of this repository: equal depth and chain (benchmarks/guard_equality.py
    runs the same comparison over the corpus and the benchmark trees)."""
    root = Path(__file__).resolve().parent.parent
    files = [p for d in ("analyzer", "checks", "tests", "benchmarks")
             for p in (root / d).rglob("*.py")]
    assert len(files) > 100
    differ = [p for p in files if measure(t := p.read_text()) != by_tokens(t)]
    assert differ == []


def test_tokens_are_made_only_when_asked() -> None:
    """The guard no longer tokenizes: a check that reads tokens gets them on first use."""
    refused, tokens = screen("x = (1,\n")
    assert refused is None
    assert tokens.complete is False  # tokenize stops at the unclosed bracket
    assert [text for _, text, _, _ in tokens.items][:3] == ["x", "=", "("]
    assert screen("y = 2\n")[1].complete is True


@pytest.mark.parametrize(("source", "measures"), [
    pytest.param("x = 'never closed ((((\ny = (1)\n", (1, 1), id="one-quote-ends-at-its-line"),
    pytest.param("x = '''never closed\n(((((\n", (0, 1), id="three-quotes-end-at-the-end"),
    pytest.param("x = 'a' + 'b\\", (0, 2), id="trailing-backslash"),
])
def test_a_string_that_never_closes_ends_where_tokenize_would_stop(
    source: str, measures: tuple[int, int],
) -> None:
    """An unclosed string is read to its line's end (one quote) or the text's end (three),
    never retried from later quotes: that retry made hostile text quadratic
    (``benchmarks/guard_equality.py --hostile`` times such shapes)."""
    assert measure(source) == measures
