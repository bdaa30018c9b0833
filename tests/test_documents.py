"""A scan of one unchanged target prints the document kept with its report
(``analyzer.documents``): the same bytes a scan without any cache prints, for its date
and format only, and never once the report it was rendered from would change."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from analyzer.cache import FILE_NAME

PROBE = """
import sys
from analyzer.cli import main
code = 0
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
loaded = {"analyzer.redate", "analyzer.report.model", "analyzer.fit", "analyzer.roles"}
print(",".join(sorted(loaded & set(sys.modules))) or "printed", code, file=sys.stderr)
"""
FILES = {
    "shop/orders.py": "def total(prices: list[float]) -> float:\n    return sum(prices)\n",
    "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total() -> None:\n"
                            "    assert total([1.0]) == 1.0\n",
}


def _scan(target: Path, cache: Path, *args: str) -> tuple[str, str]:
    """Standard output, and what the scan loaded ("printed": none of the report's modules)
    with its exit status."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "scan", str(target), *args],
        capture_output=True, text=True, check=True,
        env={**os.environ, "MODERNITY_CACHE_DIR": str(cache)},
    )
    return done.stdout, done.stderr.strip().splitlines()[-1]


def _repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    for path, text in FILES.items():
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        (target / path).write_text(text)
    return target


def _uncached(target: Path, tmp_path: Path, *args: str) -> str:
    return _scan(target, tmp_path / "never", "--no-cache", *args)[0]


def test_the_second_scan_prints_the_kept_document_without_making_the_report(
    tmp_path: Path,
) -> None:
    target, cache = _repo(tmp_path), tmp_path / "cache"
    first, loaded_first = _scan(target, cache, "--format=json", "--now=2026-06-01")
    second, loaded_second = _scan(target, cache, "--format=json", "--now=2026-06-01")
    assert loaded_first != "printed 0"  # the first scan made the report
    assert loaded_second == "printed 0"
    assert second == first == _uncached(target, tmp_path, "--format=json", "--now=2026-06-01")
    assert '"shop/orders.py"' in second or "shop/orders.py" in second


def test_another_date_or_format_is_rendered_from_the_report_again(tmp_path: Path) -> None:
    target, cache = _repo(tmp_path), tmp_path / "cache"
    _scan(target, cache, "--format=json", "--now=2026-06-01")
    for args in (("--format=json", "--now=2027-06-01"), ("--format=sarif", "--now=2027-06-01"),
                 ("--format=json", "--now=2026-06-01")):
        printed, loaded = _scan(target, cache, *args)
        assert loaded != "printed 0", args  # the kept document was for another date or format
        assert printed == _uncached(target, tmp_path, *args), args


def test_each_format_keeps_its_own_document(tmp_path: Path) -> None:
    """A pipeline writing JSON and SARIF of every scan finds both kept."""
    target, cache = _repo(tmp_path), tmp_path / "cache"
    for fmt in ("json", "sarif"):
        _scan(target, cache, f"--format={fmt}", "--now=2026-06-01")
    for fmt in ("json", "sarif"):
        printed, loaded = _scan(target, cache, f"--format={fmt}", "--now=2026-06-01")
        assert loaded == "printed 0", fmt
        assert printed == _uncached(target, tmp_path, f"--format={fmt}", "--now=2026-06-01")


def test_a_changed_file_is_never_answered_with_the_old_document(tmp_path: Path) -> None:
    target, cache = _repo(tmp_path), tmp_path / "cache"
    args = ("--format=json", "--now=2026-06-01")
    before, _ = _scan(target, cache, *args)
    _scan(target, cache, *args)
    (target / "shop" / "orders.py").write_text("def total(prices):\n    return sum(prices)\n")
    after, loaded = _scan(target, cache, *args)
    assert loaded != "printed 0"
    assert after != before
    assert after == _uncached(target, tmp_path, *args)


def test_fail_under_reads_the_score_kept_with_the_document(tmp_path: Path) -> None:
    target, cache = _repo(tmp_path), tmp_path / "cache"
    args = ("--format=json", "--now=2026-06-01")
    _scan(target, cache, *args)
    printed, loaded = _scan(target, cache, *args, "--fail-under=100")
    assert loaded == "printed 1"  # printed from the kept document, then exit 1 below 100
    assert printed == _uncached(target, tmp_path, *args)
    _, loaded = _scan(target, cache, *args, "--fail-under=0")
    assert loaded == "printed 0"


def test_a_damaged_document_row_is_rendered_again(tmp_path: Path) -> None:
    """The cache is untrusted: a row that is not what modernity wrote is a miss."""
    target, cache = _repo(tmp_path), tmp_path / "cache"
    args = ("--format=json", "--now=2026-06-01")
    _scan(target, cache, *args)
    for payload in (b"not json", b'{"target": "x", "text": 1, "total": 0}', b"[]"):
        with sqlite3.connect(cache / FILE_NAME) as db:
            db.execute("UPDATE documents SET payload = ?", (payload,))
        printed, loaded = _scan(target, cache, *args)
        assert loaded != "printed 0", payload
        assert printed == _uncached(target, tmp_path, *args), payload


def test_two_targets_print_one_document_made_from_both(tmp_path: Path) -> None:
    """Documents are kept for one target only: two targets make one document together."""
    target, cache = _repo(tmp_path), tmp_path / "cache"
    other = tmp_path / "other"
    other.mkdir()
    (other / "app.py").write_text("print('hello')\n")
    args = ("--format=json", "--now=2026-06-01")
    _scan(target, cache, *args)
    _scan(target, cache, *args)
    both = subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(target), str(other), *args],
        capture_output=True, text=True, check=True,
        env={**os.environ, "MODERNITY_CACHE_DIR": str(cache)},
    ).stdout
    assert both == _uncached_pair(target, other, tmp_path, *args)
    assert both.lstrip().startswith("[")


def _uncached_pair(first: Path, second: Path, tmp_path: Path, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", str(first), str(second), "--no-cache", *args],
        capture_output=True, text=True, check=True,
        env={**os.environ, "MODERNITY_CACHE_DIR": str(tmp_path / "never")},
    ).stdout
