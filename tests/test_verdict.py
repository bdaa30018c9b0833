"""The verdict names the strongest reasons for the score and never contradicts a flag."""

import pytest

from analyzer.rules import Flag, Level
from analyzer.score import verdict

MODERN = Flag(Level.GREEN, "python_version", "Targets modern Python (3.10 or newer).")
TYPED = Flag(Level.GREEN, "type_hints", "83% of functions have type hints.")
ASYNC = Flag(Level.GREEN, "async_code", "Writes asynchronous code (async/await).")
STALE = Flag(Level.RED, "last_commit", "Last commit over 2 years ago.")
NO_CI = Flag(Level.YELLOW, "ci", "No continuous integration.")
PROFILE = Flag(Level.GREEN, "frameworks", "Profile: backend; FastAPI in 3 file(s).")
WEIGHTS = {"python_version": 10, "type_hints": 20, "async_code": 4, "last_commit": 15, "ci": 6}


def test_a_weak_score_beside_modern_flags_gives_its_real_reasons() -> None:
    """CitiesGeopozition's case: 48/100 with green 3.10+, typing and async flags."""
    said = verdict(48, [MODERN, TYPED, ASYNC, STALE, NO_CI, PROFILE], WEIGHTS)
    assert said == ("Weak: last commit over 2 years ago; no continuous integration. "
                    "In its favour: 83% of functions have type hints.")
    assert "modern" not in said.replace("Targets modern", "")  # nothing said against a green flag


def test_a_good_score_leads_with_strengths_and_names_a_gap() -> None:
    said = verdict(68, [MODERN, TYPED, NO_CI], WEIGHTS)
    assert said == ("Mixed: 83% of functions have type hints; targets modern Python "
                    "(3.10 or newer). To ask about: no continuous integration.")


@pytest.mark.parametrize(("total", "flags", "band"), [
    pytest.param(90, [TYPED], "Strong", id="strong"),
    pytest.param(90, [TYPED, STALE], "Mixed", id="a-red-flag-is-never-strong"),
    pytest.param(30, [STALE], "Weak", id="weak"),
    pytest.param(10, [], "Very weak", id="very-weak"),
])
def test_bands(total: int, flags: list[Flag], band: str) -> None:
    assert verdict(total, flags, WEIGHTS).startswith(f"{band}:")


def test_flags_of_checks_that_score_nothing_are_no_reason() -> None:
    """A profile is information, not a reason for the score."""
    said = verdict(60, [PROFILE], WEIGHTS)
    assert said == "Mixed: no single check stands out; see the details below."
