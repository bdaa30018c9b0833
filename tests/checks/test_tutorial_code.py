"""tutorial_code against a user's corpus entry (our own sources) and the shipped corpus."""

import base64
import gzip
import json
from pathlib import Path
from typing import Any, cast

import pytest

from analyzer.api import Level
from analyzer.engine import run
from analyzer.guard import screen
from analyzer.model import Signal
from analyzer.originality import corpus
from analyzer.originality.build import entry_from_target
from analyzer.originality.shape import product_shape
from analyzer.paths import role
from analyzer.registry import get_check
from analyzer.repo import Repo
from analyzer.score import rules
from tests.conftest import signal_of
from tests.originality import mutations, samples


def _matches(signal: Signal) -> list[dict[str, Any]]:
    matches = signal.details["matches"]
    assert isinstance(matches, list)
    return matches


@pytest.fixture
def tutorial_in_user_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The made-up reading-list tutorial, added as `modernity corpus add` would."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    source = tmp_path / "tutorial"
    source.mkdir()
    (source / "reading.py").write_text(samples.TUTORIAL)
    corpus.save([entry_from_target("reading-list-tutorial", source)], corpus.user_corpus_path())


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_a_disguised_copy_is_flagged_red_naming_the_source() -> None:
    repo = Repo.from_files({"app/books.py": mutations.disguise(samples.TUTORIAL),
                            "app/__init__.py": ""})
    signal = signal_of(repo, "tutorial_code")
    assert signal.value is not None and signal.value >= 0.9
    [top, *_] = _matches(signal)
    assert top["source"] == "reading-list-tutorial"
    assert top["longest"]["path"] == "app/books.py"
    assert top["longest"]["source_path"] == "reading.py"
    [flag] = rules()["tutorial_code"].flags(signal)
    assert flag.level is Level.RED and "reading-list-tutorial" in flag.message


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_coverage_is_the_share_of_the_candidates_code() -> None:
    """The tutorial beside twice as much code of one's own: about a third, yellow not red."""
    repo = Repo.from_files({"app/books.py": samples.TUTORIAL, "app/loans.py": samples.ALICE,
                            "app/state.py": samples.CAROL})
    signal = signal_of(repo, "tutorial_code")
    assert signal.value is not None and 0.3 <= signal.value <= 0.5
    [flag] = rules()["tutorial_code"].flags(signal)
    assert flag.level is Level.YELLOW


@pytest.mark.usefixtures("tutorial_in_user_corpus")
@pytest.mark.parametrize("path", ["examples/tutorial/books.py", "docs/books.py",
                                  "tests/test_books.py", "app/migrations/0001_books.py"])
def test_examples_docs_tests_and_migrations_are_not_product_code(path: str) -> None:
    repo = Repo.from_files({path: samples.TUTORIAL, "app/loans.py": samples.ALICE})
    signal = signal_of(repo, "tutorial_code")
    assert signal.details["matches"] == []
    assert rules()["tutorial_code"].flags(signal) == []


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_independent_code_for_the_same_task_is_not_flagged() -> None:
    repo = Repo.from_files({"app/loans.py": samples.DAN, "app/db.py": samples.ERIN})
    signal = signal_of(repo, "tutorial_code")
    assert signal.value is not None and signal.value <= 0.15
    assert rules()["tutorial_code"].flags(signal) == []


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_a_few_lines_in_common_name_no_source() -> None:
    """Below a copy, a source is named only for 20 lines or more in common: 8 lines (one
    function) are what two programs of one kind share; 32 lines are a partial match."""
    tutorial = samples.TUTORIAL.splitlines(keepends=True)
    own = {"app/a.py": samples.ALICE, "app/c.py": samples.CAROL, "app/d.py": samples.DAN,
           "app/e.py": samples.ERIN, **samples.STARTER}
    few = signal_of(Repo.from_files({"app/frag.py": "".join(tutorial[8:20]), **own}),
                    "tutorial_code")
    assert (few.value, few.details) == (0.0, {"matches": []})
    assert few.summary == "No code from a known tutorial, course or starter found."
    more = signal_of(Repo.from_files({"app/frag.py": "".join(tutorial[8:50]), **own}),
                     "tutorial_code")
    [partial] = cast("list[dict[str, Any]]", more.details["partial"])
    assert (partial["source"], partial["lines"]) == ("reading-list-tutorial", 32)
    assert more.value is not None and 0.05 <= more.value < 0.2
    assert rules()["tutorial_code"].flags(more) == []


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_a_shared_secret_key_is_reported_on_its_own(tmp_path: Path) -> None:
    key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    source = tmp_path / "starter"
    source.mkdir()
    (source / "config.py").write_text(samples.CAROL + f'\nSIGNING_KEY = "{key}"\n')
    corpus.save([entry_from_target("course-starter", source)], corpus.user_corpus_path())
    signal = signal_of(Repo.from_files({"app/config.py": f"TOKEN_KEY = '{key}'\n"}),
                       "tutorial_code")
    [top] = _matches(signal)
    assert top["literals"] == [{"path": "app/config.py", "line": 1,
                                "source_path": "config.py",
                                "source_line": samples.CAROL.count("\n") + 2}]
    [flag] = rules()["tutorial_code"].flags(signal)
    assert flag.level is Level.YELLOW and "course-starter" in flag.message


def test_the_shipped_corpus_holds_30_sources_as_hashes_only() -> None:
    """Names, URLs, commits, licences, line counts and packed numbers: never source text."""
    with gzip.open(corpus.SHIPPED) as stream:
        document = json.load(stream)
    entries = document["entries"]
    assert len(entries) >= 30
    for entry in entries:
        assert set(entry) == {"name", "title", "url", "commit", "licence", "roots", "files"}
        assert entry["url"].startswith("https://github.com/") and len(entry["commit"]) == 40
        assert entry["roots"] and all(len(root) == 40 for root in entry["roots"])
        for source in entry["files"]:
            assert set(source) == {"path", "lines", "fingerprints", "literals"}
            assert len(base64.b64decode(source["fingerprints"])) % 16 == 0
    assert {e.name for e in corpus.shipped()} >= {"udemy-fastapi-todo", "flask-flaskr",
                                                  "django-polls", "microblog"}


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_a_course_secret_key_in_settings_py_counts_but_its_code_does_not(tmp_path: Path) -> None:
    """Every Django project has a settings.py; the course's SECRET_KEY in it is the tell."""
    key = "django-insecure-4k9v7x2m8q1w5e3r6t0y"
    settings = f'DEBUG = True\nSECRET_KEY = "{key}"\nALLOWED_HOSTS = []\n'
    source = tmp_path / "course"
    (source / "mysite").mkdir(parents=True)
    (source / "mysite" / "settings.py").write_text(settings + samples.ALICE)
    corpus.save([entry_from_target("django-course", source)], corpus.user_corpus_path())
    repo = Repo.from_files({"proj/settings.py": settings + samples.ALICE,
                            "proj/views.py": samples.DAN})
    signal = signal_of(repo, "tutorial_code")
    assert signal.value == 0.0  # the settings module's code is everyone's
    [top] = _matches(signal)
    assert top["literals"] == [{"path": "proj/settings.py", "line": 2,
                                "source_path": "mysite/settings.py", "source_line": 2}]


@pytest.mark.usefixtures("tutorial_in_user_corpus")
def test_a_copy_the_parser_refuses_is_still_fingerprinted() -> None:
    """A file libcst cannot parse (one Python 2 print) has no observation from the engine:
    the fold fingerprints it itself, and the copy is still found."""
    repo = Repo.from_files({"app/books.py": samples.TUTORIAL + "\nprint 'loaded'\n"})
    analysis = run(repo, [get_check("tutorial_code")])
    assert "app/books.py" in analysis.unparsable
    [signal] = analysis.signals
    assert signal.value is not None and signal.value >= 0.9


@pytest.mark.parametrize(("path", "source"), [
    ("app/books.py", samples.TUTORIAL),
    ("app/broken.py", samples.TUTORIAL + "\nx = (1,\n"),  # tokenizing stops at the end
    ("mysite/settings.py", 'SECRET_KEY = "django-insecure-3k9x!2b7q#m4z8w1p6r5t0y"\n'),
])
def test_a_shape_from_the_guards_tokens_is_the_shape_from_tokenizing_again(
    path: str, source: str,
) -> None:
    """Workers shape each file from the pre-parse guard's tokens instead of tokenizing it a
    second time: the same fingerprints, lines and literals."""
    _, tokens = screen(source)
    made = product_shape(path, role(path), source, tokens.items)
    assert made == product_shape(path, role(path), source)
    assert made.fingerprints or made.literals


def test_only_random_looking_keys_and_public_urls_identify_a_source() -> None:
    """Localhost addresses, regular expressions and dotted module paths are everyone's
    (a real portfolio was flagged for 'http://localhost:8000', another for a username regex)."""
    from analyzer.originality.shape import shape  # noqa: PLC0415

    code = ('A = "http://localhost:8000"\nB = "^[A-Za-z][A-Za-z0-9_.]*$"\n'
            'C = "django.db.backends.sqlite3"\nD = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"\n'
            'E = "https://opentdb.com/api.php?amount=50"\nF = "DJANGO_AWS_S3_REGION_NAME"\n'
            'G = "django-insecure-0peo@#x9jur3!h$ryje!$879xww8y1y66jx"\n')
    assert [line for _, line in shape(code).literals] == [4, 5, 7]
