"""The progress line: the stage always shows, and a target's text is never markup."""

import io

from rich.console import Console

from analyzer.report.output import Progress, fitted


def test_a_short_target_is_shown_whole() -> None:
    assert fitted("/repos/app", "reading files", 100) == "/repos/app: reading files"


def test_a_long_target_is_cut_at_its_start_and_the_stage_kept_whole() -> None:
    target = "/tmp/" + "x" * 200 + "/candidate-repo"
    line = fitted(target, "analysing 5 Python files", 100)
    assert line.endswith("/candidate-repo: analysing 5 Python files")
    assert line.startswith("…") and len(line) == 100 - 2  # the spinner takes two columns


def test_a_terminal_too_narrow_for_any_target_shows_the_stage() -> None:
    assert fitted("/a/b/c", "analysing 5 Python files", 20) == "analysing 5 Python files"


def test_a_target_that_looks_like_markup_is_shown_as_written() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80, color_system=None)
    shown = Progress(console)
    with shown.running("/repos/[bold]evil[/bold]"):
        shown.stage("reading files")
    assert "[bold]evil[/bold]" in screen.getvalue()
