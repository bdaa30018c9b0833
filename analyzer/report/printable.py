"""Strings from a scanned repository made safe to print on a recruiter's terminal.

File names, commit authors and git's messages are chosen by the candidate. An
escape sequence in them would reach the terminal as a command (rewrite the
screen, set the clipboard with OSC 52, hide a line); bidirectional overrides
would reorder what is shown. They are printed as visible escapes instead. JSON
needs none of this: ``json.dumps`` escapes control characters itself.
"""

import re
from collections.abc import Mapping
from dataclasses import replace

from analyzer.fit import RoleFit
from analyzer.model import Location, Signal
from analyzer.report import Report

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with every control character (except newline and tab) shown as an escape."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _mapping(items: Mapping[str, str]) -> dict[str, str]:
    return {clean(key): clean(value) for key, value in items.items()}


def _signal(signal: Signal) -> Signal:
    evidence = tuple(Location(clean(loc.path), loc.line) for loc in signal.evidence)
    return replace(signal, summary=clean(signal.summary), evidence=evidence)


def _fit(fit: RoleFit | None) -> RoleFit | None:
    """Questions quote paths and flag text; ``how`` quotes the files the role was detected in."""
    if fit is None:
        return None
    questions = tuple(
        replace(q, location=Location(clean(q.location.path), q.location.line), text=clean(q.text))
        for q in fit.questions
    )
    return replace(fit, how=clean(fit.how), questions=questions)


def printable(report: Report) -> Report:
    """A copy of ``report`` whose every repository-derived string is safe for a terminal."""
    flags = tuple(
        replace(f, message=clean(f.message), caveat=clean(f.caveat), question=clean(f.question))
        for f in report.score.flags
    )
    return replace(
        report, target=clean(report.target), signals=tuple(map(_signal, report.signals)),
        score=replace(report.score, flags=flags), excluded=_mapping(report.excluded),
        unparsable=_mapping(report.unparsable), fit=_fit(report.fit),
    )
