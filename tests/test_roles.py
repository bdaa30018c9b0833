"""Role fit end to end: the archetype fixtures pick their rubric, roles move weights and flags,
every report carries the questions, and a bad rubric file is one line and exit 2."""

import html
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

import pytest

from analyzer.fit import judge
from analyzer.model import Location, Signal
from analyzer.pipeline import scan
from analyzer.report import Report, markdown
from analyzer.report.output import FORMATS, render_document
from analyzer.roles import ROLES
from analyzer.score import Level, score
from tests.gitrepo import FIXTURES

NOW = datetime(2026, 6, 1, tzinfo=UTC)
ROLE_FIXTURES = FIXTURES / "roles"
CORPUS = Path("/work/corpus")


def _scan(name: str, tmp_path: Path, **options: object) -> Report:
    shutil.copytree(ROLE_FIXTURES / name, tmp_path / name)
    return scan(str(tmp_path / name), now=NOW, jobs=1, use_cache=False, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "role", "named"), [
    pytest.param("django_drf", "backend", "Django", id="django"),
    pytest.param("fastapi_service", "backend", "FastAPI", id="fastapi"),
    pytest.param("airflow_dbt", "data-engineering", "Airflow", id="airflow-dbt"),
    pytest.param("notebook_analysis", "data-science", "notebooks/01_explore.ipynb",
                 id="notebooks"),
    pytest.param("pytorch_training", "ml", "PyTorch", id="pytorch"),
    pytest.param("ansible_boto3", "devops", "boto3", id="ansible-boto3"),
])
def test_detected_archetype_picks_the_rubric(
    name: str, role: str, named: str, tmp_path: Path,
) -> None:
    report = _scan(name, tmp_path)
    assert report.fit is not None
    assert report.fit.role == role
    assert report.fit.how.startswith("detected from") and named in report.fit.how
    questions = report.fit.questions
    assert 5 <= len(questions) <= 8
    assert all((tmp_path / name / q.location.path).is_file() for q in questions)
    assert all(q.location.line for q in questions if not q.location.path.endswith(".ipynb"))


def test_explicit_role_wins_and_names_the_weights_it_moved(tmp_path: Path) -> None:
    report = _scan("pytorch_training", tmp_path, role="backend")
    assert report.fit is not None and report.fit.role == "backend"
    assert report.fit.how.startswith("chosen with --role backend; the code points to "
                                     "ML engineering, detected from PyTorch code in ")
    assert not [f for f in report.score.flags if f.message.startswith("Profile")]
    moved = {m.check: (m.default, m.weight) for m in report.fit.moved}
    assert moved.get("async_code") == (6, 10)


def _notebook_signal() -> Signal:
    return Signal(check="notebooks", value=1.0, summary="All in notebooks.",
                  evidence=(Location("a.ipynb"),), details={"notebooks_only": True})


def test_notebooks_only_is_red_for_backend_and_silent_for_data_science() -> None:
    signals = [_notebook_signal()]
    levels = {role: [f.level for f in score(signals, rubric=ROLES[role]).flags]
              for role in ("general", "backend", "data-science")}
    assert levels == {"general": [Level.YELLOW], "backend": [Level.RED], "data-science": []}


def test_general_is_the_fallback_without_frameworks() -> None:
    _, fit = judge([_notebook_signal()])
    assert fit.role == "general" and fit.moved == ()


@pytest.mark.parametrize(("text", "key"), [
    pytest.param("colour = 1\n", "colour", id="unknown-key"),
    pytest.param("[weights]\ntests = 'many'\n", "weights.tests", id="bad-type"),
    pytest.param("[weights]\nnot_a_check = 1\n", "weights.not_a_check", id="unknown-check"),
    pytest.param("base = 'astronaut'\n", "base", id="bad-role"),
    pytest.param("[thresholds]\nstrong = 101\n", "thresholds.strong", id="out-of-range"),
    pytest.param("[levels.notebooks]\nyellow = 'purple'\n", "levels.notebooks.yellow", id="level"),
    pytest.param("[[questions]]\ncheck = 'tests'\n", "questions[0]", id="question"),
    pytest.param("weights = [\n", "not valid TOML", id="syntax"),
])
def test_a_bad_rubric_file_is_one_line_and_exit_2(text: str, key: str, tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.toml"
    rubric.write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(ROLE_FIXTURES / "django_drf"),
         "--rubric", str(rubric)], capture_output=True, text=True, check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and key in done.stderr


def test_a_rubric_file_sets_weights_levels_and_questions(tmp_path: Path) -> None:
    rubric = tmp_path / "rubric.toml"
    rubric.write_text(
        "base = 'ml'\n[weights]\ncomplexity = 30\n[levels.tests]\nred = 'off'\n"
        "[[questions]]\ncheck = 'complexity'\ntext = 'Why is this function so long?'\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(ROLE_FIXTURES / "pytorch_training"),
         "--rubric", str(rubric), "--format=json", "--now=2026-06-01", "--no-cache"],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    role = json.loads(done.stdout)["role"]
    assert role["how"].startswith(f"from your rubric {rubric}")
    [moved] = [m for m in role["moved"] if m["check"] == "complexity"]
    assert (moved["default_weight"], moved["weight"]) == (5, 30)
    assert role["questions"][0]["text"] == "Why is this function so long?"


def test_explain_role_prints_the_rubric() -> None:
    done = subprocess.run([sys.executable, "-m", "analyzer", "explain", "--role", "ml"],
                          capture_output=True, text=True, check=True)
    assert "Role: ml (ML engineering)" in done.stdout
    assert "async_code         0 (default 6:" in done.stdout


@pytest.mark.skipif(not (CORPUS / "karpathy+nanoGPT").is_dir(), reason="corpus not present")
def test_nanogpt_scores_higher_as_ml_than_as_backend() -> None:
    target = str(CORPUS / "karpathy+nanoGPT")
    ml, backend = (scan(target, now=NOW, jobs=1, role=r) for r in ("ml", "backend"))
    assert ml.score.total > backend.score.total
    assert ml.fit is not None and {m.check for m in ml.fit.moved} >= {"async_code", "tests"}


@pytest.mark.parametrize(("archetype", "role"), [
    pytest.param("ML engineering", "ml", id="ml"), pytest.param("DevOps", "devops", id="devops"),
    pytest.param("data science", "data-science", id="ds"),
    pytest.param("backend", "backend", id="backend"), pytest.param(None, "general", id="none"),
])
def test_the_detectors_archetype_and_evidence_are_read_as_given(
    archetype: str | None, role: str,
) -> None:
    """With ``archetype_evidence``, the frameworks check's archetype is trusted as it is."""
    frameworks = Signal(check="frameworks", value=1, summary="", evidence=(Location("m.py", 1),),
                        details={"primary_archetype": archetype,
                                 "archetype_evidence": ["train.py", "model.py"],
                                 "frameworks": [
                                     {"name": "PyTorch", "archetype": archetype, "files": 2}]})
    _, fit = judge([frameworks])
    assert fit.role == role
    if role == "ml":
        assert fit.how == "detected from PyTorch code in train.py, model.py"


def _terminal(report: Report) -> str:
    from rich.console import Console  # noqa: PLC0415

    from analyzer.report import terminal  # noqa: PLC0415

    console = Console(file=StringIO(), width=2000, color_system=None)
    terminal.render(report, console)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def test_every_report_format_carries_the_questions(tmp_path: Path) -> None:
    """Each question, with its file:line, is in every format a scan can write."""
    report = _scan("fastapi_service", tmp_path)
    assert report.fit is not None and len(report.fit.questions) >= 5
    asked = report.fit.questions
    found = {fmt: render_document(fmt, [report]) for fmt in FORMATS if fmt != "terminal"}
    found["terminal"] = _terminal(report)
    in_json = json.loads(found["json"])["role"]["questions"]
    assert [(q["path"], q["line"], q["text"]) for q in in_json] == [
        (q.location.path, q.location.line, q.text) for q in asked]
    [run] = json.loads(found["sarif"])["runs"]
    assert [q["text"] for q in run["properties"]["role"]["questions"]] == [q.text for q in asked]
    infos = [i for i in json.loads(found["codequality"]) if i["severity"] == "info"]
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["description"])
            for i in infos] == [(q.location.path, q.location.line or 1,
                                 f"Interview question (backend web): {q.text}") for q in asked]
    assert len({i["fingerprint"] for i in infos}) == len(asked)
    for number, question in enumerate(asked, start=1):
        place = str(question.location)
        assert f"{number}. {place}: {question.text}" in found["terminal"]
        assert f"{number}. {markdown.escape(place)}: {markdown.escape(question.text)}" \
            in found["markdown"]
        assert f"{place}</span>: {html.escape(question.text)}" in found["html"]
