import pytest

from analyzer.engine import run
from analyzer.model import Location
from analyzer.registry import all_checks
from analyzer.repo import Repo
from checks.syntax_errors import SyntaxErrors
from tests.conftest import signal_of
from tests.notebook import notebook

_HANDLER = (
    "import json\n\n\ndef handler(event, context):\n    for record in event['Records']:\n"
    "        body = json.loads(record['body'])\n      print(body)\n"
)


@pytest.mark.parametrize(("source", "line", "kind"), [
    pytest.param(_HANDLER, 7, "IndentationError", id="dedent-to-no-block"),
    pytest.param("x = 1\n" * 9 + "y = 2\ufe7a\n", 10, "SyntaxError", id="invalid-character"),
    pytest.param("import os\nfrom a import b,\nx = 1\n", 2, "SyntaxError", id="trailing-comma"),
])
def test_a_file_that_cannot_run_is_a_finding_at_its_true_line(
    source: str, line: int, kind: str,
) -> None:
    """libcst says line 1 for some of these; the finding carries the line Python reports."""
    repo = Repo.from_files({"fn/lambda_function.py": source, "ok.py": "x = 1\n"})
    analysis = run(repo, all_checks())
    assert analysis.unparsable["fn/lambda_function.py"].startswith(f"line {line}, ")
    [signal] = [s for s in analysis.signals if s.check == "syntax_errors"]
    assert signal.value == 1
    assert signal.evidence == (Location("fn/lambda_function.py", line),)
    assert kind in signal.summary
    assert SyntaxErrors.rule is not None
    [red] = SyntaxErrors.rule.flags(signal)
    assert "cannot run" in red.message


def test_a_notebook_cell_that_cannot_run_points_into_the_notebook() -> None:
    text = notebook("x = 1\n", "def f(:\n    pass\n")
    signal = signal_of(Repo.from_files({"a.ipynb": text}), "syntax_errors")
    [place] = signal.evidence
    assert place.line is not None and '"def f(:' in text.splitlines()[place.line - 1]


@pytest.mark.parametrize("files", [
    pytest.param({"a.py": "print 'hi'\n"}, id="python-2-is-not-broken-python-3"),
    pytest.param({"a.py": "x = 1\n", "tests/data/broken.py": "def (:\n"}, id="test-data"),
    pytest.param({"a.py": "type Alias = list[int]\nmatch x:\n    case 1: pass\n"}, id="new-syntax"),
])
def test_what_is_not_code_that_cannot_run(files: dict[str, str]) -> None:
    assert signal_of(Repo.from_files(files), "syntax_errors").value == 0
