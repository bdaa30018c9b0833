"""The role-fit part of every report: the role judged, the weights it moved, the questions.

Kept apart from the format modules so each adds one small section: JSON's ``role`` key,
the terminal's "Judged as" lines and questions, SARIF's run property and HTML's section.
"""

from typing import TYPE_CHECKING, Any

from analyzer.fit import RoleFit
from analyzer.report import Report

if TYPE_CHECKING:  # rich loads only for the terminal report: a JSON scan stays lean
    from rich.text import Text


def as_dict(fit: RoleFit | None) -> dict[str, Any]:
    """The ``role`` key of the JSON document (empty when no role was judged)."""
    if fit is None:
        return {}
    return {"role": {
        "name": fit.role, "title": fit.title, "how": fit.how,
        "general_total": fit.default_total,
        "moved": [
            {"check": m.check, "default_weight": m.default, "weight": m.weight,
             "points_before": m.points_before, "points_after": m.points_after, "why": m.why}
            for m in fit.moved
        ],
        "questions": [
            {"check": q.check, "path": q.location.path, "line": q.location.line, "text": q.text}
            for q in fit.questions
        ],
    }}


def _points(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def judged_as(report: Report) -> "Text":
    """One line saying which rubric judged the code and why, then the weights it moved."""
    from rich.text import Text  # noqa: PLC0415

    fit = report.fit
    if fit is None:
        return Text()
    text = Text.assemble(("Judged as: ", "bold"), fit.title, f" ({fit.how})")
    if fit.moved:
        text.append(f"\nThe {fit.title} rubric gives {report.score.total}; the general one "
                    f"{fit.default_total}. Weights it moved:", style="dim")
    for m in fit.moved:
        text.append(f"\n  {m.check} {m.default:g} -> {m.weight:g} (points "
                    f"{_points(m.points_before)} -> {_points(m.points_after)}): {m.why}",
                    style="dim")
    return text


def questions(report: Report) -> "Text":
    from rich.text import Text  # noqa: PLC0415

    text = Text("Questions to ask", style="bold")
    for number, question in enumerate(report.fit.questions if report.fit else (), start=1):
        text.append(f"\n{number}. ")
        text.append(str(question.location), style="cyan")
        text.append(f": {question.text}")
    return text
