import pytest

from analyzer.guard import screen
from analyzer.model import Location
from analyzer.repo import Repo
from checks.complexity._metrics import measure, raw_counts
from tests.conftest import signal_of

BRANCHY = "def route(x):\n" + "".join(
    f"    {'if' if i == 0 else 'elif'} x == {i}:\n        return {i}\n" for i in range(12)
) + "    return None\n"


@pytest.mark.parametrize(("source", "score"), [
    pytest.param("def f():\n    return 1\n", 1, id="straight-line"),
    pytest.param("def f(x):\n    if x:\n        return 1\n    return 2\n", 2, id="one-branch"),
    pytest.param("def f(x):\n    return [i for i in x if i]\n", 3, id="comprehension"),
    pytest.param("class A:\n    def m(self, a, b):\n        return a and b\n", 2, id="method"),
    pytest.param(BRANCHY, 13, id="twelve-branches"),
])
def test_average_is_radon_cyclomatic_complexity(source: str, score: int) -> None:
    """The value is radon's cyclomatic complexity, averaged over functions."""
    signal = signal_of(Repo.from_files({"pkg/mod.py": source}), "complexity")
    assert signal.value == score
    assert signal.details["functions"] == 1


def test_ranks_and_worst_functions_are_evidence() -> None:
    """Functions are counted by rank, and the most complex one comes first as evidence."""
    repo = Repo.from_files({
        "pkg/a.py": "def small():\n    return 1\n",
        "pkg/b.py": "\n" + BRANCHY,
    })
    signal = signal_of(repo, "complexity")
    assert signal.details["ranks"] == {"A": 1, "B": 0, "C": 1, "D": 0, "E": 0, "F": 0}
    assert signal.evidence == (Location("pkg/b.py", 2), Location("pkg/a.py", 1))
    worst = signal.details["worst"]
    assert isinstance(worst, list)
    assert worst[0] == {
        "path": "pkg/b.py", "line": 2, "name": "route", "score": 13, "rank": "C",
    }
    assert signal.value == 7.0
    assert signal.details["share_a_or_b"] == 0.5


def test_tests_and_test_data_are_left_out() -> None:
    """Only production code is measured."""
    repo = Repo.from_files({
        "app.py": "def f():\n    return 1\n",
        "tests/test_app.py": BRANCHY, "tests/data/sample.py": BRANCHY,
    })
    signal = signal_of(repo, "complexity")
    assert (signal.value, signal.details["files"]) == (1, 1)


def test_raw_counts_add_up() -> None:
    """Lines split into code, blank, comment-only and docstring lines, as radon defines them."""
    source = '"""Doc.\n\nMore."""\nimport os  # why\n\n# note\nX = [\n    1,\n]\n'
    raw = raw_counts(source)
    assert raw is not None
    assert (raw.loc, raw.sloc, raw.docstrings, raw.single_comments, raw.blank) == (9, 4, 3, 1, 1)
    assert raw.comments == 2
    assert raw.loc == raw.sloc + raw.blank + raw.docstrings + raw.single_comments


def test_maintainability_index_of_a_simple_file_is_high() -> None:
    """A small commented file gets radon's maintainability index near the top of the scale."""
    repo = Repo.from_files({"app.py": "# adds\ndef add(a, b):\n    return a + b\n"})
    mi = signal_of(repo, "complexity").details["maintainability_index"]
    assert isinstance(mi, float)
    assert 80 < mi <= 100


def test_huge_literal_is_counted_in_one_pass() -> None:
    """A 20,000-line literal (quadratic in radon's raw analysis) completes with exact counts."""
    body = "".join(f'    ({i}, "item {i}"),  # row\n' for i in range(20_000))
    result = measure(f'"""Generated."""\nDATA = [\n{body}]\n')
    assert result.raw is not None
    assert (result.raw.loc, result.raw.sloc, result.raw.comments) == (20_003, 20_002, 20_000)
    assert result.data and result.scores == ()


def test_syntax_newer_than_the_scanners_python_is_measured_too() -> None:
    """Counted on libcst's tree, not ``ast``'s: a generic function (Python 3.12) is ranked
    even by a scanner running an older Python."""
    source = "def first[T](items: list[T]) -> T:\n    if items:\n        return items[0]\n"
    signal = signal_of(Repo.from_files({"pkg/mod.py": source + "    raise ValueError\n"}),
                       "complexity")
    assert (signal.value, signal.details["functions"]) == (2, 1)


def test_no_functions_is_not_applicable() -> None:
    """Without production functions there is no average to report."""
    assert signal_of(Repo.from_files({"a.py": "X = 1\n"}), "complexity").value is None


@pytest.mark.parametrize("source", [
    pytest.param(BRANCHY + '"""a docstring"""\n# a comment\n\nx = (1,\n     2)\n', id="valid"),
    pytest.param("def f(:\n    return [1,\n", id="stops-at-an-error"),
    pytest.param("print 'py2'\n", id="python-2"),
])
def test_the_guards_tokens_measure_what_a_tokenize_pass_would(source: str) -> None:
    """The engine hands the pre-parse guard's tokens to the check: the same counts as
    tokenizing again, and the same ``None`` when tokenizing stops at an error."""
    _, tokens = screen(source)
    assert raw_counts(source, tokens) == raw_counts(source)
    assert measure(source, tokens) == measure(source)
    assert (raw_counts(source) is None) == (not tokens.complete)
