import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from analyzer.check import Check
from analyzer.engine import run
from analyzer.model import Signal
from analyzer.registry import all_checks
from analyzer.repo import Repo

SCREENSHOTS = pytest.StashKey[list[Path]]()  # written by the browser tests


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say where the browser tests left their screenshots, so a person can look at them."""
    shots = terminalreporter.config.stash.get(SCREENSHOTS, [])
    if shots:
        terminalreporter.write_line(f"{len(shots)} screenshots in {shots[0].parent}")


def signal_of(repo: Repo, check: type[Check[object]] | str) -> Signal:
    """Run one check (and only it) over ``repo`` and return its signal."""
    name = check if isinstance(check, str) else check.name
    [cls] = [c for c in all_checks() if c.name == name]
    [signal] = run(repo, [cls]).signals
    return signal


def signals_of(repo: Repo, names: Sequence[str]) -> dict[str, Signal]:
    chosen = [c for c in all_checks() if c.name in names]
    return {s.check: s for s in run(repo, chosen).signals}


@pytest.fixture(autouse=True)
def _isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """No developer's ~/.gitconfig may change what a test sees."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture(autouse=True)
def _isolated_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Scans in tests (and the CLI they start) never read or write the user's cache."""
    monkeypatch.setenv("MODERNITY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


class Planted:
    """A pickle that runs ``touch marker`` when loaded: what a hostile cache row would hold.
    The marker file existing afterwards means modernity unpickled something it should not."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)
