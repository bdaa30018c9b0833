from pathlib import Path

import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of

POLLS = """\
import datetime

from django.db import models


class Question(models.Model):
    question_text = models.CharField(max_length=200)
    pub_date = models.DateTimeField("date published")


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE)
    choice_text = models.CharField(max_length=200)
    votes = models.IntegerField(default=0)
"""
ITEMS = """\
from fastapi import FastAPI

app = FastAPI()


@app.get("/items/{item_id}")
def read_item(item_id: int, q: str | None = None):
    return {"item_id": item_id, "q": q}
"""
FLASKR = "def create_app():\n    pass\n\n\ndef get_db():\n    pass\n"
CALCULATOR = """\
def add(x, y): return x + y
def subtract(x, y): return x - y
def multiply(x, y): return x * y
def divide(x, y): return x / y
choice = input("Enter choice(1/2/3/4): ")
"""
WEATHER = 'import requests\nURL = f"https://api.openweathermap.org/data/2.5/weather?q={city}"\n'


@pytest.mark.parametrize(("path", "source", "title", "line"), [
    pytest.param("mysite/polls/models.py", POLLS, "Django tutorial (polls app)", 6, id="polls"),
    pytest.param("main.py", ITEMS, "FastAPI docs example (/items/{item_id})", 6, id="fastapi"),
    pytest.param("flaskr/__init__.py", FLASKR, "Flask tutorial (flaskr)", 1, id="flaskr"),
    pytest.param("calc.py", CALCULATOR, "Console calculator exercise", 1, id="calculator"),
    pytest.param("app.py", WEATHER, "Weather app (OpenWeatherMap API)", 2, id="weather-fstring"),
])
def test_tutorials_are_recognised(path: str, source: str, title: str, line: int) -> None:
    """Each tutorial's fingerprint is found, with the line where it starts."""
    signal = signal_of(Repo.from_files({path: source}), "tutorial_code")
    assert signal.value == 1
    assert signal.details["tutorials"] == [{"tutorial": title, "path": path, "line": line}]
    assert signal.evidence == (Location(path, line),)


@pytest.mark.parametrize(("path", "source"), [
    pytest.param("quiz/models.py", "class Question:\n    question_text = ''\n", id="half-polls"),
    pytest.param("app/__init__.py", FLASKR, id="flask-factory-outside-flaskr"),
    pytest.param("ops.py", "def add(a, b): ...\ndef divide(a, b): ...\n", id="two-math-helpers"),
    pytest.param("tests/data/calc.py", CALCULATOR, id="test-data"),
    pytest.param("catalogue.py", 'MARKERS = {"api.openweathermap.org"}\n', id="bare-host-name"),
])
def test_partial_or_unrelated_code_does_not_match(path: str, source: str) -> None:
    """A fingerprint needs all its parts in one production file."""
    assert signal_of(Repo.from_files({path: source}), "tutorial_code").value == 0


def test_the_fingerprint_catalogue_does_not_match_itself() -> None:
    """A file listing the markers (such as our own catalogue) is not a tutorial app."""
    catalogue = (Path(__file__).parents[2] / "checks" / "_fingerprints.py").read_text()
    repo = Repo.from_files({
        "checks/_fingerprints.py": catalogue,
        "markers.py": 'M = ["://api.openweathermap.org", "/items/{item_id}", "enter choice"]\n',
    })
    assert signal_of(repo, "tutorial_code").value == 0
