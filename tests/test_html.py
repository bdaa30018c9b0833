"""The HTML page: everything from the scanned repository is escaped; evidence is linked."""

from datetime import UTC, datetime

from analyzer.model import Location, Signal
from analyzer.report import Report
from analyzer.report.html import render
from analyzer.score import score

SHA = "0123456789abcdef0123456789abcdef01234567"


def _report(target: str, path: str) -> Report:
    signals = (
        Signal(check="readme", value=0, summary=f"No README near {path}."),
        Signal(check="match_statements", value=1, summary="1 match statement(s) in 1 file(s).",
               evidence=(Location(path, 7),)),
    )
    return Report(
        target=target, commit=SHA, scanned_at=datetime(2026, 6, 1, tzinfo=UTC),
        tool_version="0.1.0", signals=signals, score=score(signals), analysed_files=3,
        python_files=2, excluded={"venv/": "vendored or generated tree (3 files)"},
        unparsable={},
    )


def test_hostile_names_are_escaped() -> None:
    """A file name carrying markup is shown as text, never interpreted."""
    page = render([_report("https://github.com/o/r", "<script>alert(1)</script>.py")])
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.py:7" in page


def test_evidence_links_to_the_line_at_the_commit() -> None:
    page = render([_report("https://github.com/o/r", "src/m.py")])
    assert f'href="https://github.com/o/r/blob/{SHA}/src/m.py#L7"' in page
    assert "No README." in page and "Ask:" in page


def test_several_targets_get_a_summary_and_failures_show() -> None:
    """With several targets a summary table leads, and a failed target shows its error."""
    page = render([
        _report("https://github.com/o/a", "a.py"),
        {"target": "https://github.com/o/gone", "error": "could not clone: not found"},
    ])
    assert page.count('href="#r') == 2
    assert "Could not scan: could not clone: not found" in page
