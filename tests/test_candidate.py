"""The candidate report's portfolio flags and ranking, from report documents."""

import io
from typing import Any

from rich.console import Console

from analyzer.candidate import Entry, build, portfolio_flags, render_terminal


def document(score: int, *, tests: int, days: int, notebooks_only: bool) -> dict[str, Any]:
    return {
        "schema": "modernity/1", "commit": "c0ffee",
        "signals": [
            {"check": "tests", "value": tests, "details": {}},
            {"check": "last_commit", "value": days, "details": {}},
            {"check": "notebooks", "value": 1.0 if notebooks_only else None,
             "details": {"notebooks_only": notebooks_only}},
        ],
        "score": {"total": score, "verdict": "v", "flags": [
            {"level": "green", "message": "Mostly the candidate's own code (90%)."}],
                  "contributions": {"tests": 20.0, "readme": 12.5, "ci": 0.0, "docs": 3.0}},
        "files": {"python": 4},
    }


def messages(*documents: dict[str, Any]) -> list[str]:
    return [flag["message"] for flag in portfolio_flags(documents)]


def test_only_notebooks_and_stale_when_every_project_is() -> None:
    found = messages(document(30, tests=0, days=900, notebooks_only=True),
                     document(20, tests=0, days=1200, notebooks_only=True))
    assert found == [
        "No tests in any project (2 scanned).",
        "Only Jupyter notebooks: no Python package or module outside notebooks in any project.",
        "Last commit 2+ years ago in every project (most recent 900 days before the scan).",
    ]


def test_one_recent_tested_package_clears_the_portfolio_flags() -> None:
    found = messages(document(30, tests=0, days=900, notebooks_only=True),
                     document(70, tests=12, days=10, notebooks_only=False))
    assert found == ["Tests in 1 of 2 project(s)."]


def test_best_work_first_with_why_and_failures_last() -> None:
    report = build("ann", [
        Entry("weak", document=document(20, tests=0, days=5, notebooks_only=False)),
        Entry("gone", error="could not clone gone"),
        Entry("strong", document=document(80, tests=9, days=5, notebooks_only=False)),
        Entry("fork", skipped="fork"),
    ])
    assert [row["target"] for row in report["repositories"]] == ["strong", "weak", "fork", "gone"]
    assert report["repositories"][0]["why"] == (
        "tests 20 pts, readme 12.5 pts, docs 3 pts; Mostly the candidate's own code (90%).")
    assert (report["best_score"], report["scanned"], report["failed"], report["skipped"]) == (
        80, 2, 1, 1)


def test_nothing_scanned_says_so() -> None:
    report = build("ann", [Entry("fork", skipped="fork")])
    assert report["flags"] == [
        {"level": "red", "message": "No Python repository could be scanned."}]


def test_a_failure_message_that_looks_like_markup_is_printed_as_written() -> None:
    """A clone error can quote the repository's own text: rich must not read it as markup."""
    report = build("ann", [Entry("https://x/[bold]r", error="no such path: [red]a[/red]")])
    screen = io.StringIO()
    render_terminal(report, Console(file=screen, width=200, color_system=None))
    assert "https://x/[bold]r" in screen.getvalue()
    assert "no such path: [red]a[/red]" in screen.getvalue()
