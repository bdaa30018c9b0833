"""One rubric per role: what a backend developer, a data engineer or an ML engineer is judged on.

The hiring guide's first lesson is "be specific about what they'll build". Each rubric is
data: weight and flag-level overrides by check name, grade thresholds and the order the
interview asks in. A check's own rule stays the default (the ``general`` rubric); a role
only moves what the role makes matter more or less, and says why.
"""

from analyzer.rules import Level, Rubric

_RED, _YELLOW = Level.RED, Level.YELLOW
_NO_ASYNC = "async I/O serves many requests at once; batch and compute code has no use for it"
_NO_MATCH = "match statements are a recent nicety, not part of this role's work"
# docs/roles.md: calibrated against hand grades, recency outweighed each role's own work
_RECENT = (8, "the role's own work carries the points; how recent it is stays a flag to ask about")


def _rubric(name: str, title: str, moves: dict[str, tuple[float, str]], **rest: object) -> Rubric:
    weights = {check: weight for check, (weight, _) in moves.items()}
    why = {check: reason for check, (_, reason) in moves.items()}
    return Rubric(name, title, weights, why, **rest)  # type: ignore[arg-type]


ROLES: dict[str, Rubric] = {
    "general": Rubric(focus=("tests", "complexity", "type_hints", "idioms", "frameworks")),
    "backend": _rubric("backend", "backend web", {
        "last_commit": _RECENT,
        "async_code": (10, "web services wait on I/O: async is how one process serves many"),
        "api_design": (12, "routes, request models, auth and pagination are the job"),
        "sql": (4, "services own their database queries"),
        "notebooks": (6, "service code lives in modules, not notebooks"),
    }, levels={"notebooks": {_YELLOW: _RED}},
        focus=("api_design", "tests", "async_code", "sql", "type_hints", "complexity", "idioms")),
    "data-engineering": _rubric("data-engineering", "data engineering", {
        "last_commit": _RECENT,
        "sql": (15, "SQL matters more than Python for a data engineer"),
        "data_quality": (12, "pipelines are judged by the data they let through"),
        "async_code": (0, _NO_ASYNC), "match_statements": (0, _NO_MATCH),
        "type_hints": (12, "typed pipeline code helps, but less than the data's own contracts"),
        "infrastructure": (5, "pipelines run on scheduled, deployed infrastructure"),
    }, focus=("sql", "data_quality", "tests", "infrastructure", "complexity", "idioms")),
    "data-science": _rubric("data-science", "data science", {
        "last_commit": _RECENT,
        "notebooks": (0, "notebooks are the normal tool for analysis"),
        "async_code": (0, _NO_ASYNC), "match_statements": (0, _NO_MATCH),
        "type_hints": (5, "analysis code is rarely typed; correctness lives in the data"),
        "tests": (10, "analyses are checked against data more than unit tests"),
        "packaging": (4, "an analysis is shared as notebooks and a report, not a package"),
        "tooling": (4, "linters matter less in exploratory code"),
        "ci": (3, "analyses are rarely deployed"),
        "ml_practice": (10, "sound train/test splits and seeds make results trustworthy"),
        "data_quality": (8, "validated inputs make results trustworthy"),
        "sql": (5, "analysts pull their own data"),
    }, levels={"notebooks": {_YELLOW: None}, "tests": {_RED: _YELLOW}},
        thresholds=(70, 45, 20),
        focus=("ml_practice", "data_quality", "notebooks", "sql", "tests", "complexity")),
    "ml": _rubric("ml", "ML engineering", {
        "last_commit": _RECENT,
        "ml_practice": (30, "reproducible training and honest evaluation are the job"),
        "async_code": (0, _NO_ASYNC), "match_statements": (0, _NO_MATCH),
        "type_hints": (10, "training code is judged on reproducibility before typing"),
        "tests": (15, "evaluation code carries part of what unit tests do elsewhere"),
        "notebooks": (0, "notebooks are a normal place to explore a model"),
        "data_quality": (5, "a model is only as good as the data checks before training"),
    }, levels={"notebooks": {_YELLOW: None}},
        focus=("ml_practice", "tests", "data_quality", "complexity", "frameworks", "idioms")),
    "devops": _rubric("devops", "DevOps", {
        "last_commit": _RECENT,
        "infrastructure": (20, "infrastructure as code, containers and deployments are the job"),
        "ci": (14, "CI/CD is a DevOps engineer's own product"),
        "idioms": (8, "automation scripts need logging, not print"),
        "async_code": (3, "most automation runs one step at a time"),
        "match_statements": (0, _NO_MATCH),
        "notebooks": (6, "automation lives in scripts and modules, not notebooks"),
    }, levels={"notebooks": {_YELLOW: _RED}},
        focus=("infrastructure", "ci", "idioms", "tests", "complexity", "hygiene")),
}
ALIASES = {"data engineering": "data-engineering", "data science": "data-science",
           "ml engineering": "ml", "machine learning": "ml", "backend web": "backend"}


def role_of(archetype: object) -> str | None:
    """The rubric name for an archetype as the ``frameworks`` check spells it (or None)."""
    if not isinstance(archetype, str):
        return None
    key = archetype.strip().lower()
    name = ALIASES.get(key, key)
    return name if name in ROLES else None


def describe(rubric: Rubric) -> str:
    """The rubric as ``modernity explain --role`` prints it."""
    from analyzer.score import rules  # noqa: PLC0415 - the registry loads only when asked

    defaults = rules()
    strong, mixed, weak = rubric.thresholds
    lines = [f"Role: {rubric.name} ({rubric.title})",
             f"Grades: strong >= {strong}, mixed >= {mixed}, weak >= {weak}.", "", "Weights:"]
    for check, rule in sorted(defaults.items()):
        weight = rubric.weights.get(check, rule.weight)
        moved = f" (default {rule.weight:g}: {rubric.why.get(check, 'your rubric')})" \
            if weight != rule.weight else ""
        lines.append(f"  {check:<18} {weight:g}{moved}")
    if rubric.levels:
        lines += ["", "Flag levels:"]
        for check, changes in sorted(rubric.levels.items()):
            for old, new in changes.items():
                lines.append(f"  {check}: {old} -> {new or 'not shown'}")
    lines += ["", "Interview focus: " + (", ".join(rubric.focus) or "signal order")]
    lines += [f"Question about {check}: {text}" for check, text in rubric.questions]
    return "\n".join(lines)
