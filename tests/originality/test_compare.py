"""`modernity compare` on a cohort: six submissions of one assignment, all from one starter.

Alice and Bob submitted the same code (Bob renamed and reformatted it), Frank
followed a tutorial, Carol, Dan and Erin wrote their own. Only Alice and Bob pair up.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.originality.compare import as_entry, compare
from analyzer.originality.shape import Shape, shape
from tests.originality import mutations, samples

OWN = {
    "alice": {"library/loans.py": samples.ALICE},
    "bob": {"library/desk.py": mutations.reformat(mutations.rename(samples.ALICE))},
    "carol": {"library/loans.py": samples.CAROL},
    "dan": {"library/lending.py": samples.DAN},
    "erin": {"library/store.py": samples.ERIN},
    "frank": {"library/reading.py": mutations.rename(samples.TUTORIAL)},
}


def _shapes(files: dict[str, str]) -> dict[str, Shape]:
    return {path: shape(text) for path, text in files.items()}


def test_the_cohort_gives_exactly_the_copied_pair_and_the_tutorial() -> None:
    submissions = {name: _shapes(samples.STARTER | own) for name, own in OWN.items()}
    tutorial = as_entry("reading-list-tutorial", _shapes({"reading.py": samples.TUTORIAL}))
    cohort = compare(submissions, _shapes(samples.STARTER), [tutorial])
    reported = [(p.a, p.b) for p in cohort.pairs if max(p.a_to_b, p.b_to_a) >= 0.5]
    assert reported == [("alice", "bob")]
    assert cohort.groups == (("alice", "bob"),)
    assert set(cohort.tutorials) == {"frank"}
    [top, *rest] = cohort.pairs
    assert top.a_to_b >= 0.9 and top.b_to_a >= 0.9
    assert all(max(p.a_to_b, p.b_to_a) <= 0.15 for p in rest)
    assert top.longest is not None and top.longest.path == "library/loans.py"
    assert top.longest.source_path == "library/desk.py"


def test_code_most_of_the_cohort_shares_is_boilerplate_not_copying() -> None:
    """A helper four of six submissions share (more than max(3, 20%)) pairs nobody up."""
    helper = {"library/report.py": samples.ERIN}
    submissions = {name: _shapes(samples.STARTER | own | (helper if name in {
        "carol", "dan", "erin", "frank"} else {})) for name, own in OWN.items()}
    cohort = compare(submissions, _shapes(samples.STARTER))
    assert cohort.groups == (("alice", "bob"),)


def test_without_the_starter_shared_starter_code_still_counts_as_boilerplate() -> None:
    submissions = {name: _shapes(samples.STARTER | own) for name, own in OWN.items()}
    assert compare(submissions).groups == (("alice", "bob"),)


def _write(root: Path, files: dict[str, str]) -> Path:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


def _modernity(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    return subprocess.run([sys.executable, "-m", "analyzer", *args], capture_output=True,
                          text=True, check=False, env=env)


@pytest.fixture
def cohort(tmp_path: Path) -> list[str]:
    return [str(_write(tmp_path / name, samples.STARTER | own)) for name, own in OWN.items()]


def test_the_command_reports_pairs_groups_and_tutorials(cohort: list[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    tutorial = _write(tmp_path / "tutorial", {"reading.py": samples.TUTORIAL})
    added = _modernity("corpus", "add", "reading-list-tutorial", str(tutorial), data=data)
    assert added.returncode == 0, added.stderr
    starter = str(_write(tmp_path / "starter", samples.STARTER))
    done = _modernity("compare", "--starter", starter, "--format", "json", *cohort, data=data)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [(p["a"], p["b"]) for p in report["pairs"] if p["reported"]] == [("alice", "bob")]
    assert report["groups"] == [["alice", "bob"]]
    assert list(report["tutorials"]) == ["frank"]
    assert report["tutorials"]["frank"]["source"] == "reading-list-tutorial"
    html = _modernity("compare", "--format", "html", *cohort, data=data).stdout
    assert "alice &harr; bob" in html and "def give_back" in html and "ident_" in html
    terminal = _modernity("compare", *cohort, data=data).stdout
    assert "alice -> bob" in terminal and "Groups: alice, bob" in terminal


def test_one_submission_is_bad_input(tmp_path: Path) -> None:
    done = _modernity("compare", str(tmp_path), data=tmp_path / "data")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
