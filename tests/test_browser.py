"""The HTML report as a person sees it: a real headless Chromium at desktop and phone width.

Each fixture is scanned, rendered as it would be for a repository on a forge (so
evidence links exist), opened at 1280 and 390 px, and checked for what a reader
needs: score, verdict, every flag, the charts, the links, nothing cut off at the
right edge, no request leaving the page. Screenshots are kept under
``artefacts/screenshots/`` (or ``$MODERNITY_ARTEFACTS``) for a person to look at.

Chromium is Debian's package, driven by Playwright (never a downloaded browser).
Outside CI a machine without it skips these tests and says why; under CI=true a
missing browser fails them.
"""

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from analyzer.pipeline import scan
from analyzer.report import Report, html
from tests.conftest import SCREENSHOTS
from tests.gitrepo import FIXTURES, fixture_names, materialise

CHROMIUM = os.environ.get("MODERNITY_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTEFACTS = Path(os.environ.get(
    "MODERNITY_ARTEFACTS", Path(__file__).resolve().parent.parent / "artefacts"
)) / "screenshots"
FORGES = ("https://github.com/example/{}", "https://gitlab.com/example/{}",
          "https://bitbucket.org/example/{}")
WIDTHS = (1280, 390)

# Every element whose box sticks out of the viewport, and the page's own scroll width.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 0.5 || box.left < -0.5)) {
      out.push(`${el.tagName.toLowerCase()}.${el.className.baseVal ?? el.className}`
               + ` right=${Math.round(box.right)} (${(el.textContent || '').slice(0, 40)})`);
    }
  }
  return {width, scroll: document.documentElement.scrollWidth, out};
}"""


def _browser_or_skip() -> Any:
    reason = ""
    try:
        from playwright.sync_api import sync_playwright  # noqa: PLC0415
    except ImportError:
        reason = "playwright is not installed (pip install -e '.[test]')"
    if not reason and not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    return sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_playwright = _browser_or_skip()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture's HTML report, as if the repository were hosted on a forge."""
    root = tmp_path_factory.mktemp("pages")
    out = {}
    for index, name in enumerate(fixture_names()):
        out[name] = root / f"{name}.html"
        report = _scan(name, FORGES[index % len(FORGES)])
        out[name].write_text(html.render([report]), encoding="utf-8")
    return out


def _scan(name: str, forge: str) -> Report:
    """The fixture scanned as a real git repository, shown as if hosted at ``forge``."""
    with tempfile.TemporaryDirectory() as scratch:
        repo = materialise(name, Path(scratch) / name)
        report = scan(repo.as_uri(), now=datetime(2026, 6, 1, tzinfo=UTC), jobs=0,
                      use_cache=False)
    return replace(report, target=forge.format(name))


def _golden(name: str) -> Any:
    return json.loads((FIXTURES / name / "expected.json").read_text())


def _open(browser: Any, path: Path, width: int) -> tuple[Any, list[str]]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


def _overflow(page: Any) -> dict[str, Any]:
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    result: dict[str, Any] = page.evaluate(OVERFLOW_JS)
    return result


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", fixture_names())
def test_a_reader_sees_the_report(
    browser: Any, pages: dict[str, Path], name: str, width: int,
    request: pytest.FixtureRequest,
) -> None:
    """Score, verdict and every flag are visible; charts drawn; links live; nothing loaded."""
    golden = _golden(name)
    page, requests = _open(browser, pages[name], width)
    try:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTEFACTS / f"{name}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        request.config.stash.setdefault(SCREENSHOTS, []).append(shot)
        score = page.get_by_test_id("score")
        assert score.is_visible()
        assert score.inner_text().replace("\n", "") == f"{golden['score']['total']}/100"
        assert page.get_by_test_id("verdict").inner_text() == golden["score"]["verdict"]
        shown = page.get_by_test_id("flag")
        assert shown.count() == len(golden["score"]["flags"])
        for flag in golden["score"]["flags"]:
            item = page.get_by_test_id("flag").filter(has_text=flag["message"]).first
            assert item.is_visible(), flag["message"]
            if flag["question"] and flag["level"] != "green":
                assert f"Ask: {flag['question']}" in item.inner_text()
        bars = page.get_by_test_id("chart-score").locator("svg")
        scored = [v for v in golden["score"]["contributions"].values() if v is not None]
        assert bars.count() == len(scored)
        assert bars.first.bounding_box()["width"] > width / 2
        history = next(s for s in golden["signals"] if s["check"] == "history")
        months = page.get_by_test_id("chart-months").locator("rect")
        assert months.count() == len(history["details"].get("commits_per_month", {}))
        hints = next(s for s in golden["signals"] if s["check"] == "type_hints")
        folders = page.get_by_test_id("chart-folders").locator("svg")
        assert folders.count() == len(hints["details"]["by_folder"])
        evidence = [loc for s in golden["signals"] for loc in s["evidence"]]
        links = page.locator("a[href^='https://']")
        assert links.count() > 0 if evidence else links.count() == 0
        assert links.count() == 0 or links.first.is_visible()
        assert [url for url in requests if not url.startswith("file:")] == []
        if width == 390:
            found = _overflow(page)
            assert found["scroll"] <= found["width"], found
            assert found["out"] == [], found["out"][:5]
    finally:
        page.close()


def test_several_candidates_on_one_page_fit_a_phone(
    browser: Any, pages: dict[str, Path], tmp_path: Path,
) -> None:
    """The summary table of several targets, and a failed one, fit 390 px too."""
    reports = [_scan(name, FORGES[0]) for name in ("modern_app", "tiny_script")]
    page_file = tmp_path / "several.html"
    page_file.write_text(html.render([*reports, {
        "target": "https://github.com/example/" + "very-long-repository-name" * 4,
        "error": "could not clone: repository not found",
    }]), encoding="utf-8")
    page, requests = _open(browser, page_file, 390)
    try:
        page.screenshot(path=str(ARTEFACTS / "several-390.png"), full_page=True)
        assert page.get_by_test_id("score").count() == 2
        assert page.get_by_text("Could not scan: could not clone").is_visible()
        found = _overflow(page)
        assert found["scroll"] <= found["width"] and found["out"] == [], found["out"][:5]
        assert [url for url in requests if not url.startswith("file:")] == []
    finally:
        page.close()


def test_the_overflow_check_catches_a_wide_element(browser: Any, pages: dict[str, Path]) -> None:
    """The overflow assertion is real: one element wider than the phone is found and named."""
    page, _ = _open(browser, pages["modern_app"], 390)
    try:
        assert _overflow(page)["out"] == []
        page.evaluate("""() => { const d = document.createElement('div');
            d.className = 'too-wide'; d.style.width = '600px'; d.textContent = 'x';
            document.body.appendChild(d); }""")
        found = _overflow(page)
        assert found["scroll"] > found["width"]
        assert any(item.startswith("div.too-wide") for item in found["out"])
    finally:
        page.close()


def test_the_page_prints(browser: Any, pages: dict[str, Path]) -> None:
    """The print style sheet applies: the appendix prints open and the page makes a PDF."""
    page, _ = _open(browser, pages["modern_app"], 1280)
    try:
        page.emulate_media(media="print")
        assert page.locator("details table").is_visible()
        assert page.pdf()[:4] == b"%PDF"
    finally:
        page.close()
