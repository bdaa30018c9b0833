"""The HTML page: everything from the scanned repository is escaped; evidence is linked."""

import json
import re
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser

from analyzer.model import Location, Signal
from analyzer.report import Report, plain
from analyzer.report.html import render
from analyzer.score import score
from tests.gitrepo import FIXTURES

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


def _urls(page: str) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) in the page that could name a URL."""
    found: list[tuple[str, str, str]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend((tag, name, value or "") for name, value in attrs
                         if name in {"href", "src", "srcset", "action", "xlink:href", "data",
                                     "poster", "formaction", "background"})

    Collector().feed(page)
    return found


def test_the_page_names_no_external_resource() -> None:
    """Nothing loads: a CSP forbids it, and the only URLs are evidence links on the forge."""
    page = render([_report("https://gitlab.com/o/r", "src/m.py")])
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page
    assert "<script" not in page and "<link" not in page and "url(" not in page
    assert "@import" not in page and "xmlns" not in page
    urls = _urls(page)
    external = [value for _, _, value in urls if not value.startswith("#")]
    assert external == [f"https://gitlab.com/o/r/-/blob/{SHA}/src/m.py#L7"]
    assert all(tag == "a" for tag, _, value in urls if value in external)


def test_code_excerpts_and_plain_words_are_escaped() -> None:
    """Code at the evidence is shown as text; values read as sentences, ids only in the appendix."""
    report = replace(_report("https://github.com/o/r", "src/m.py"), excerpts={
        "src/m.py:7": ((6, "x = 1"), (7, 'match "</pre><script>alert(1)</script>":')),
    })
    page = render([report])
    assert "<script>" not in page
    assert "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Pattern matching (a Python 3.10 feature)" in page and "Used 1 time." in page
    assert page.count("match_statements") == page.count('data-check="match_statements"') + 1


def test_a_check_missing_from_the_plain_table_still_renders() -> None:
    """A new check shows its docstring's first line as title and its own summary."""
    signal = Signal(check="brand_new", value=3, summary="Three new things.")
    assert plain.title("brand_new", "Brand-new signal.") == "Brand-new signal."
    assert plain.sentence(signal) == "Three new things."
    report = replace(_report("https://github.com/o/r", "a.py"), signals=(signal,))
    assert "Three new things." in render([report])


def test_plain_sentences_for_every_fixture_avoid_jargon() -> None:
    """Values read as sentences a recruiter understands: no raw ids, decimals or jargon."""
    jargon = re.compile(r"cyclomatic|doctest|PEP \d|\b\d+\.\d\d\b|[a-z]+_[a-z]+|\bNone\b")
    for golden in sorted(FIXTURES.glob("*/expected.json")):
        for item in json.loads(golden.read_text())["signals"]:
            signal = Signal(check=item["check"], value=item["value"], summary=item["summary"],
                            details=item["details"], display=item["display"])
            text = re.sub(r"Python \d\.\d+|\d\.\d+ or newer", "version", plain.sentence(signal))
            if signal.value is not None:
                assert plain.sentence(signal) != signal.summary, (golden.parent.name, signal.check)
                assert not jargon.search(text), (golden.parent.name, signal.check, text)


def test_authors_read_as_names_and_shares_without_emails() -> None:
    details = {"authors": [{"author": "Ana Lima <ana@example.com>", "commits": 3, "share": 0.75},
                           {"author": "Ben <ben@example.com>", "commits": 1, "share": 0.25}],
               "contributors": 2}
    signal = Signal(check="authorship", value=None, summary="raw", details=details)
    text = plain.sentence(signal)
    assert text.startswith("2 people made the commits (Ana Lima 75%, Ben 25%).")
    assert "@" not in text
