"""``modernity results``'s table prints every cell as written, never as rich markup."""

import pytest

from analyzer.batch.export import print_table
from analyzer.batch.store import Row


def test_cells_that_look_like_markup_are_printed_as_written(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")  # one line per row: no cell folded
    row = Row(candidate="Ann [bold]", target="https://x/[red]r", author="", role="backend",
              extra={}, status="failed", commit=None, tool_version="0", score=None,
              error="no such path: [link=file:///etc]x[/link]", report=None, scans=1,
              finished_at="2026-06-01T00:00:00Z", seconds=None)
    print_table([row])
    printed = capsys.readouterr().out
    for text in ("Ann [bold]", "https://x/[red]r", "no such path: [link=file:///etc]x[/link]"):
        assert text in printed
