"""Role fit: which rubric judges a repository, what it moved, and what to ask the candidate.

Without ``--role`` the archetype the ``frameworks`` check detected picks the rubric, and the
report says so and from which files. Scoring stays pure: the rubric is an input to
``score``; this module only chooses it and compares the result with the general rubric.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from analyzer.model import Location, Signal
from analyzer.roles import ROLES, role_of
from analyzer.rules import Rubric, Rule
from analyzer.score import Score, rules, score

# Deep-learning frameworks point to ML engineering; orchestrators to data engineering.
# Used only while the frameworks check reports the older four archetypes.
_ML = {"PyTorch", "TensorFlow", "Keras", "JAX", "Flax", "Hugging Face Transformers", "Lightning"}
_PIPELINE = {"Airflow", "dbt", "Dagster", "Prefect", "Luigi", "PySpark", "Great Expectations"}


@dataclass(frozen=True, slots=True)
class Moved:
    """A weight the role changed, and the points it moved, for a check that applies."""

    check: str
    default: float
    weight: float
    points_before: float | None
    points_after: float | None
    why: str


@dataclass(frozen=True, slots=True)
class Question:
    check: str
    location: Location
    text: str


@dataclass(frozen=True, slots=True)
class RoleFit:
    role: str
    title: str
    how: str  # "chosen with --role ml", "detected from PyTorch code in train.py"
    default_total: int  # the general rubric's total, to show what the role changed
    moved: tuple[Moved, ...]
    questions: tuple[Question, ...] = ()


def _legacy_role(used: list[Mapping[str, object]], primary: object) -> str | None:
    names = {str(item.get("name")): item.get("files", 0) for item in used}
    if sum(int(n) for name, n in names.items() if name in _ML and isinstance(n, int)) >= 2:
        return "ml"
    if role_of(primary) == "data-engineering" and not names.keys() & _PIPELINE:
        return "data-science"
    return role_of(primary)


def detect(signals: Sequence[Signal]) -> tuple[str, str]:
    """The rubric the detected archetype picks, and how it was detected (general as fallback)."""
    found = next((s for s in signals if s.check == "frameworks"), None)
    details = found.details if found else {}
    listed = details.get("frameworks")
    used = [u for u in listed if isinstance(u, Mapping)] if isinstance(listed, list) else []
    primary, paths = details.get("primary_archetype"), details.get("archetype_evidence")
    role = role_of(primary) if isinstance(paths, list) else _legacy_role(used, primary)
    if role is None or role == "general":
        return "general", "no role archetype detected from the code: general rubric"
    if not isinstance(paths, list):  # the first file importing each framework of the role
        firsts = zip(used, found.evidence if found else (), strict=False)
        paths = [loc.path for item, loc in firsts if _role_of_framework(item) == role]
    given = isinstance(details.get("archetype_evidence"), list)  # the detector's own archetypes
    names = [str(u.get("name")) for u in used
             if (role_of(u.get("archetype")) if given else _role_of_framework(u)) == role][:3]
    where = ", ".join(list(dict.fromkeys(str(p) for p in paths))[:3])
    what = f"{', '.join(names)} code" if names else "the code"
    return role, f"detected from {what}" + (f" in {where}" if where else "")


def _role_of_framework(item: Mapping[str, object]) -> str | None:
    name = item.get("name")
    if name in _ML:
        return "ml"
    if name in _PIPELINE:
        return "data-engineering"
    role = role_of(item.get("archetype"))
    return "data-science" if role == "data-engineering" else role


def judge(
    signals: Sequence[Signal], weights: Mapping[str, float] | None = None,
    role: str | None = None, rubric: Rubric | None = None, source: str = "",
    rulebook: Mapping[str, Rule] | None = None,
) -> tuple[Score, RoleFit]:
    """The score under the chosen (or detected) role, and what that role changed;
    ``rulebook``: each check's rule, when not every check's module is to be imported."""
    from analyzer.questions import ask  # noqa: PLC0415 - questions read the rubric's focus

    how = f"chosen with --role {role}" if role else ""
    detected, found = detect(signals)
    if rubric is None:
        if role is None:
            role, how = detected, found
        rubric = ROLES[role]
    elif source:
        how = f"from your rubric {source} (based on {rubric.name})"
    if how != found and detected not in ("general", rubric.name):  # said once, never hidden
        how += f"; the code points to {ROLES[detected].title}, {found}"
    book = rules() if rulebook is None else rulebook
    judged, general = score(signals, weights, book, rubric=rubric), score(signals, weights, book)
    moved = tuple(sorted(
        (Moved(s.check, _weight(book, s.check, ROLES["general"]), _weight(book, s.check, rubric),
               general.contributions.get(s.check), judged.contributions.get(s.check),
               rubric.why.get(s.check, "your rubric"))
         for s in signals if s.value is not None and s.check in rubric.weights
         and s.check not in (weights or {})),
        key=lambda m: (-abs((m.points_after or 0) - (m.points_before or 0)), m.check),
    ))
    moved = tuple(m for m in moved if m.weight != m.default)
    questions = ask(signals, judged, rubric)
    return judged, RoleFit(rubric.name, rubric.title, how, general.total, moved, questions)


def _weight(book: Mapping[str, Rule], check: str, rubric: Rubric) -> float:
    default = book.get(check)
    return float(rubric.weights.get(check, default.weight if default else 0.0))
