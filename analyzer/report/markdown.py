"""A short Markdown report (under 60 lines) for an ATS note or a pull-request comment.

Score and verdict, the role judged, the flags, the interview questions tied to the
candidate's code, and the top evidence as links. Every string from the repository is
escaped, so a file name or README phrase cannot add links, images, HTML or formatting.
"""

import re
from collections.abc import Sequence
from typing import Any

from analyzer.model import Location
from analyzer.report import Report, plain
from analyzer.report.links import line_url
from analyzer.report.printable import clean
from analyzer.score import Level

MAX_EVIDENCE = 6
_ORDER = {Level.RED: 0, Level.YELLOW: 1, Level.GREEN: 2}
_MARK = {Level.RED: "🔴", Level.YELLOW: "🟡", Level.GREEN: "🟢"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")


def escape(text: str) -> str:
    """Text that Markdown (and the HTML GitHub allows in it) shows literally, on one line."""
    text = clean(text).replace("&", "&amp;").replace("\n", " ").replace("\t", " ")
    return _AUTOLINK.sub(lambda m: "\\" + m.group(), _SPECIAL.sub(r"\\\1", text))


def _evidence(report: Report) -> list[str]:
    flagged = [f.check for f in sorted(report.score.flags, key=lambda f: _ORDER[f.level])]
    ranked = sorted(report.signals, key=lambda s: (
        flagged.index(s.check) if s.check in flagged else len(flagged),
        -(report.score.possible.get(s.check) or 0.0),
    ))
    names = plain.titles()
    lines: list[str] = []
    for signal in ranked:
        if not signal.evidence or len(lines) >= MAX_EVIDENCE:
            continue
        location = signal.evidence[0]
        linked = line_url(report.target, report.commit, location) is not None
        where = _where(report, location) if linked else f"({escape(str(location))})"
        title = names.get(signal.check, signal.check)
        lines.append(f"- {escape(title)}: {escape(plain.sentence(signal))} {where}")
    return lines


def _where(report: Report, location: Location) -> str:
    """``path:line`` as a link to the line when the target is on a known host."""
    url = line_url(report.target, report.commit, location)
    return f"[{escape(str(location))}]({url})" if url else escape(str(location))


def _one(report: Report) -> list[str]:
    commit = f" at `{report.commit[:12]}`" if report.commit else ""
    lines = [
        f"### modernity: {report.score.total}/100 · {escape(report.score.verdict)}",
        "",
        f"{escape(report.target)}{commit}, scanned {report.scanned_at:%Y-%m-%d}",
        "",
    ]
    fit = report.fit
    if fit is not None:
        lines += [f"Judged as **{escape(fit.title)}** ({escape(fit.how)}); the general rubric "
                  f"gives {fit.default_total}.", ""]
        if fit.moved:
            lines += ["Weights the role moved: " + "; ".join(
                f"{escape(m.check)} {m.default:g} → {m.weight:g} ({escape(m.why)})"
                for m in fit.moved), ""]
    asked = [q.text for q in fit.questions] if fit else []
    concerns = [f for f in report.score.flags if f.level is not Level.GREEN]
    strengths = [f for f in report.score.flags if f.level is Level.GREEN]
    if concerns:
        lines.append("**Concerns**" if asked else "**What to ask about**")
        for flag in sorted(concerns, key=lambda f: _ORDER[f.level]):
            said = flag.question and any(text.endswith(flag.question) for text in asked)
            ask = f" Ask: _{escape(flag.question)}_" if flag.question and not said else ""
            lines.append(f"- {_MARK[flag.level]} {escape(flag.message)}{ask}")
        lines.append("")
    if fit is not None and fit.questions:
        lines.append("**Questions to ask**, most important for the role first")
        for number, question in enumerate(fit.questions, start=1):
            lines.append(f"{number}. {_where(report, question.location)}: {escape(question.text)}")
        lines.append("")
    if strengths:
        lines.append("**Strengths**: " + " · ".join(escape(f.message) for f in strengths))
        lines.append("")
    evidence = _evidence(report)
    if evidence:
        lines += ["**Evidence**", *evidence, ""]
    return lines


def render(reports: Sequence[Report | dict[str, Any]]) -> str:
    """One section per target; a failed target is one line with its error."""
    lines: list[str] = []
    for report in reports:
        if isinstance(report, dict):
            lines += [f"### modernity: could not scan {escape(str(report['target']))}",
                      "", escape(str(report["error"])), ""]
        else:
            lines += _one(report)
    lines.append("_Measured from the source without running it: a starting point for a "
                 "conversation, not a verdict on a person._")
    return "\n".join(lines) + "\n"
