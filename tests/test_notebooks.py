import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.engine import run
from analyzer.notebooks import MAX_CHARS, Unreadable, to_python
from analyzer.registry import get_check
from analyzer.repo import Repo
from analyzer.walk import build_repo
from tests.gitrepo import make_repo
from tests.notebook import notebook


def _code(document: str) -> str:
    code = to_python(document)
    assert isinstance(code, str)
    return code


def test_each_line_sits_at_its_line_in_the_notebook() -> None:
    """Line N of the extracted code is stored on line N of the .ipynb, so evidence opens there."""
    document = notebook("#md # Title\n", "import os\n", "def f(x):\n    return x\n")
    code, raw = _code(document).splitlines(), document.splitlines()
    placed = [(number, line) for number, line in enumerate(code, 1) if line]
    assert [line for _, line in placed] == ["import os", "def f(x):", "    return x"]
    for number, line in placed:
        assert json.dumps(line)[:-1] in raw[number - 1]


@pytest.mark.parametrize(("cell", "kept"), [
    pytest.param("%matplotlib inline\nx = 1\n", ["x = 1"], id="line-magic"),
    pytest.param("!pip install pandas\nx = 1\n", ["x = 1"], id="shell-escape"),
    pytest.param("files = !ls\nx = 1\n", ["x = 1"], id="shell-assignment"),
    pytest.param("df?\n?df\ndf.head??\nx = 1\n", ["x = 1"], id="help"),
    pytest.param("%%bash\necho hi\n", [], id="bash-cell"),
    pytest.param("%%time\nx = 1\n", ["x = 1"], id="time-cell-keeps-python"),
    pytest.param("for f in files:\n    !echo $f\n", ["for f in files:", "    pass"],
                 id="indented-escape-keeps-block"),
    pytest.param("x = (a\n     % b)\n", ["x = (a", "     % b)"], id="modulo-continuation-kept"),
    pytest.param('s = """\n!not a shell\n"""\n', ['s = """', "!not a shell", '"""'],
                 id="inside-triple-quotes-kept"),
    pytest.param("x = 1  # really?\n", ["x = 1  # really?"], id="question-in-comment-kept"),
])
def test_ipython_syntax_is_blanked(cell: str, kept: list[str]) -> None:
    """Magics, shell escapes and help lines go; Python that merely looks like them stays."""
    assert [line for line in _code(notebook(cell)).splitlines() if line] == kept


def test_single_string_sources_and_nbformat_3() -> None:
    """Cells stored as one string, and version-3 worksheets with 'input', are read."""
    v3 = {"worksheets": [{"cells": [{"cell_type": "code", "input": "a = 1\nb = 2"}]}]}
    assert [line for line in _code(json.dumps(v3)).splitlines() if line] == ["a = 1", "b = 2"]


@pytest.mark.parametrize(("document", "reason"), [
    pytest.param("{not json", "not a valid notebook: JSON error at line 1", id="bad-json"),
    pytest.param("[1, 2]", "not a valid notebook: no cells", id="not-an-object"),
    pytest.param("[" * 100_000, "not a valid notebook", id="deep-nesting"),
    pytest.param(" " * (MAX_CHARS + 1), "notebook too large", id="huge"),
    pytest.param(notebook("x = 1  # " + "y" * 1_000_000 + "\n"), "notebook code too large",
                 id="over-a-megabyte-of-code"),
    pytest.param(notebook("x <- 1\n", language="R"), "not a Python notebook (r)", id="r-kernel"),
])
def test_malformed_notebooks_get_a_reason(document: str, reason: str) -> None:
    """Odd notebooks become a reason to report, never an exception."""
    result = to_python(document)
    assert isinstance(result, Unreadable)
    assert result.reason.startswith(reason)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.sampled_from(
        ["cells", "cell_type", "code", "source", "input", "worksheets", "metadata", "x"]
    ), inner),
)


@given(JSON)
def test_any_json_shape_is_handled(value: object) -> None:
    """Whatever structure the JSON has, the result is source text or a reason."""
    assert isinstance(to_python(json.dumps(value)), str | Unreadable)


@given(st.text())
def test_any_text_is_handled(text: str) -> None:
    """Arbitrary text never raises."""
    assert isinstance(to_python(text), str | Unreadable)


@pytest.mark.parametrize("value", [
    pytest.param({"worksheets": [{"cells": 5}]}, id="cells-not-a-list"),
    pytest.param({"cells": [{"cell_type": "code", "source": {"a": 1}}]}, id="source-an-object"),
    pytest.param({"cells": [{"cell_type": "code", "source": ["x = 1\n", 7]}]}, id="odd-fragment"),
    pytest.param({"cells": [], "metadata": {"kernelspec": 3}}, id="odd-metadata"),
])
def test_odd_structures(value: object) -> None:
    """Wrong types inside a notebook are skipped, not fatal."""
    assert isinstance(to_python(json.dumps(value)), str)


def test_the_engine_reports_broken_notebooks_and_notebook_lines() -> None:
    """A broken notebook is unparsable with a reason; evidence lines point into the .ipynb."""
    good = notebook("#md intro\n", "x = 1\nmatch x:\n    case 1: pass\n")
    repo = Repo.from_files({"a.ipynb": good, "b.ipynb": "{oops", "c.ipynb": notebook("def (:\n")})
    analysis = run(repo, [get_check("match_statements")])
    assert analysis.unparsable["b.ipynb"].startswith("not a valid notebook: JSON error")
    line = int(analysis.unparsable["c.ipynb"].split(",")[0].removeprefix("line "))
    assert '"def (:' in notebook("def (:\n").splitlines()[line - 1]
    match_line = next(n for n, text in enumerate(good.splitlines(), 1) if '"match x:' in text)
    [signal] = analysis.signals
    assert signal.details["in_notebooks"] == 1
    assert _code(good).splitlines()[match_line - 1] == "match x:"


def test_a_notebook_of_several_megabytes_of_plots_is_analysed(tmp_path: Path) -> None:
    """A data-science notebook's outputs (base64 PNGs) make it megabytes; its code is small."""
    document = json.loads(notebook("import pandas as pd\ndf = pd.read_csv('a.csv')\n"))
    document["cells"][0]["outputs"] = [{"output_type": "display_data",
                                        "data": {"image/png": "iVBOR" * 600_000}}]
    repo = make_repo(tmp_path / "r", {"analysis.ipynb": json.dumps(document)})
    built = build_repo(repo, now=datetime(2026, 6, 1, tzinfo=UTC))
    assert "analysis.ipynb" in built.files and "analysis.ipynb" not in built.excluded


def test_a_cell_indented_as_a_whole_runs_dedented_as_in_ipython() -> None:
    """julienjta's notebook: ' def get_scores(...):' runs in Jupyter (IPython strips the
    first line's indentation from the whole cell); it is no syntax error."""
    code = _code(notebook(" def scores(models):\n     return len(models)\n"))
    assert [line for line in code.splitlines() if line] == [
        "def scores(models):", "    return len(models)"]
