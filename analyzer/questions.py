"""Interview questions from the evidence: 5 to 8 per report, each tied to the candidate's code.

Deterministic templates, no language model: a flag's own question, a user's rubric question,
or a per-check template, each placed at a ``file:line`` the check found. They are ordered by
what matters most for the role (its rubric's ``focus``), then red before yellow before green.
"""

from collections.abc import Sequence

from analyzer.fit import Question
from analyzer.model import Location, Signal
from analyzer.rules import Level, Rubric
from analyzer.score import Score

MOST, FEWEST = 8, 5
ANCHORED = 2  # questions about something missing, placed at the anchor: the rest repeat it
_LEVEL_RANK = {Level.RED: 0, Level.YELLOW: 1, Level.GREEN: 2}
TEMPLATES = {
    "complexity": "is among the most complex code here: walk me through it. What would you "
                  "split out, and how would you test it?",
    "async_code": "runs async code: what happens when one call blocks the event loop?",
    "frameworks": "is where {framework} first appears: what did you build with it, and what "
                  "would you do differently today?",
    "type_hints": "is annotated: how did you decide what to type, and does a type checker run?",
    "idioms": "shows your Python style: which choices here would you defend in a review?",
    "tests": "is a test: what does it protect against, and what is still untested?",
    "notebooks": "is a notebook: how would you turn it into code a colleague could reuse?",
    "sql": "runs SQL: how does it behave when the table grows a thousandfold?",
    "data_quality": "checks data: what happens downstream when this check fails at 3 a.m.?",
    "ml_practice": "is part of the training setup: how would a colleague reproduce your best run?",
    "api_design": "defines an endpoint: how are inputs validated, callers authenticated and "
                  "large results paginated?",
    "infrastructure": "deploys or provisions something: how would you roll back a bad release?",
}


def _where(signal: Signal | None) -> Location | None:
    if signal is None or not signal.evidence:
        return None
    return next((loc for loc in signal.evidence if loc.line), signal.evidence[0])


def _anchor(signals: Sequence[Signal]) -> Location | None:
    """Where a question about something missing points: the most complex code, else any."""
    by_name = {s.check: s for s in signals}
    for name in ("complexity", "frameworks", "idioms", "type_hints"):
        if (found := _where(by_name.get(name))) is not None:
            return found
    return next((loc for s in signals if (loc := _where(s)) is not None), None)


def _template(signal: Signal) -> str | None:
    text = TEMPLATES.get(signal.check)
    used = signal.details.get("frameworks")
    first = used[0] if isinstance(used, list) and used and isinstance(used[0], dict) else {}
    return text.format(framework=first.get("name", "it")) if text else None


def ask(signals: Sequence[Signal], score: Score, rubric: Rubric) -> tuple[Question, ...]:
    """The role's interview questions, most important first (at most eight)."""
    by_name = {s.check: s for s in signals}
    order = {name: rank for rank, name in enumerate(rubric.focus)}
    anchor = _anchor(signals)
    found: list[tuple[tuple[int, int, int], Question]] = []

    def add(check: str, rank: int, location: Location | None, text: str) -> None:
        if location is not None:
            first = -1 if rank < 0 else order.get(check, len(order))  # the user's own come first
            key = (first, rank, len(found))
            found.append((key, Question(check, location, text)))

    for check, text in rubric.questions:
        add(check, -1, _where(by_name.get(check)) or anchor, text)
    for flag in score.flags:
        if flag.question:
            where = flag.at or _where(by_name.get(flag.check)) or anchor
            placed = where is not None and str(where) in flag.question  # names its own line
            text = flag.question if placed else f"{flag.message} {flag.question}"
            add(flag.check, _LEVEL_RANK[flag.level], where, text)
    asked = {q.check for _, q in found}
    for signal in signals:
        template = _template(signal)
        if template and signal.check not in asked and signal.value is not None:
            add(signal.check, 3, _where(signal), f"This code {template}")
    questions = [q for _, q in sorted(found, key=lambda pair: pair[0])]
    unique = list({(q.location, q.text): q for q in questions}.values())
    at_anchor = [q for q in unique if q.location == anchor][ANCHORED:]
    unique = [q for q in unique if q not in at_anchor]
    return tuple(_fill(unique, signals))[:MOST]


def _fill(questions: list[Question], signals: Sequence[Signal]) -> list[Question]:
    """At least five questions when there is evidence to ask about: walk through more of it."""
    seen = {q.location for q in questions}
    for signal in signals:
        for location in signal.evidence[:2]:
            if len(questions) >= FEWEST:
                return questions
            if location not in seen and location.line:
                seen.add(location)
                questions.append(Question(signal.check, location, (
                    f"{signal.summary} Walk me through this code: why is it written this way?")))
    return questions
