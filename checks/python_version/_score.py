"""How ``python_version`` moves the score: by band, with a flag that says why it is modern."""

from collections.abc import Mapping
from typing import TypedDict, cast

from analyzer.api import Flag, Level, Rule, Signal, flag
from checks.python_version._fold import plain_forms

_BAND_GRADES = {"modern": 1.0, "common": 0.6, "legacy": 0.2}


class Details(TypedDict, total=False):
    minimum: str | None
    band: str | None
    declared: Mapping[str, object]
    agrees: bool
    python2_files: int
    modern_style: list[str]


def _grade(signal: Signal) -> float:
    details = cast("Details", signal.details)
    if details.get("python2_files"):
        return 0.0
    return _BAND_GRADES.get(str(details.get("band")), 0.0)


def _flags(signal: Signal) -> list[Flag]:
    details = cast("Details", signal.details)
    flags: list[Flag] = []
    minimum, declared = details.get("minimum"), details.get("declared") or {}
    if details.get("band") == "modern" and not details.get("python2_files"):
        newest = max(_version(minimum), _version(declared.get("lowest")))
        message = ("Targets modern Python (3.10 or newer)." if newest >= (3, 10) else
                   f"Writes modern Python ({plain_forms(details.get('modern_style') or [])}) while "
                   f"supporting {'.'.join(map(str, newest))}+.")
        flags += flag(Level.GREEN, message)(signal)
    if details.get("agrees") is False and declared:
        flags += flag(
            Level.YELLOW,
            f"Code needs Python {minimum} but the project declares {declared.get('lowest')}.",
            "Often a forgotten requires-python bump, not a broken release.",
            "Which Python versions does this project support, and how do you check that?",
        )(signal)
    return flags


def _version(text: object) -> tuple[int, int]:
    major, _, minor = str(text or "0.0").partition(".")
    return (int(major), int(minor or 0)) if major.isdigit() and minor.isdigit() else (0, 0)


RULE = Rule(8, _grade, _flags)
