"""Each check in words a recruiter uses: a plain title, and its value as one sentence.

Keyed by check name for now; when each check declares its own title (issue 9) these
move into the checks. A check missing here still renders: its docstring's first
line is the title and its own summary the sentence.
"""

from collections.abc import Callable, Mapping
from typing import Any

from analyzer.model import Signal

Sentence = Callable[[float, Mapping[str, Any]], str]


def _n(count: object, one: str, many: str | None = None) -> str:
    number = int(count) if isinstance(count, int | float) else 0
    return f"{number:,} {one if number == 1 else (many or one + 's')}"


def _names(items: object, key: str = "name") -> str:
    names = [item.get(key, "") if isinstance(item, dict) else str(item)
             for item in items or ()] if isinstance(items, list | tuple) else []
    return ", ".join(name for name in names if name)


def _ci(value: float, d: Mapping[str, Any]) -> str:
    if not value:
        return "No automated checks run when the code changes."
    tests = " and runs the tests" if d.get("runs_tests") else ", but does not run the tests"
    return f"Checks every change on {_names(d.get('providers')) or 'a CI service'}{tests}."


def _history(value: float, d: Mapping[str, Any]) -> str:
    first, last = str(d.get("first_commit", ""))[:7], str(d.get("last_commit", ""))[:7]
    span = f" between {first} and {last}" if first and first != last else ""
    people = _n(d.get("contributors"), "person", "people")
    return f"{_n(value, 'change')} (commits){span} by {people}."


def _packaging(value: float, d: Mapping[str, Any]) -> str:
    if value >= 2:
        return "Declares its dependencies the modern way (pyproject.toml)."
    if value >= 1:
        return f"Declares dependencies the older way ({_names(d.get('legacy_files')) or 'legacy'})."
    return "No file says what the code needs to install."


def _tooling(value: float, d: Mapping[str, Any]) -> str:
    tools = _names(d.get("tools"))
    return f"{_n(value, 'code-quality tool')} set up: {tools}." if value else (
        "No code-quality tools (linters, type checkers) are set up.")


def _hygiene(value: float, d: Mapping[str, Any]) -> str:
    if not value:
        return "Nothing committed that should not be (no virtualenvs, build output or secrets)."
    return f"{_n(value, 'thing')} committed that should not be (tools, build output or secrets)."


def _frameworks(value: float, d: Mapping[str, Any]) -> str:
    names = _names(d.get("frameworks"))
    return f"Uses {names}." if names else "No well-known framework used."


def _notebooks(value: float, d: Mapping[str, Any]) -> str:
    return (f"{value:.0%} of the Python code is in {_n(d.get('notebooks'), 'Jupyter notebook')}.")


def _type_hints(value: float, d: Mapping[str, Any]) -> str:
    return (f"{d.get('annotated_functions', 0):,} of {d.get('functions', 0):,} functions "
            "declare the types they take and return.")


def _complexity(value: float, d: Mapping[str, Any]) -> str:
    share = d.get("share_a_or_b")
    if isinstance(share, int | float):
        return f"{share:.0%} of {_n(d.get('functions'), 'function')} are simple to follow."
    return "Not enough functions to judge how easy the code is to follow."


def _python_version(value: float, d: Mapping[str, Any]) -> str:
    minimum = d.get("minimum") or f"{value / 100:.2f}"
    if d.get("band") == "legacy":
        return "Written for Python 2, which has had no fixes or security updates since 2020."
    if value <= 300:
        return "Uses no feature newer than Python 3.0, so it shows nothing of recent Python."
    return f"Uses features from Python {minimum}, so it needs {minimum} or newer."


def _age(value: float, d: Mapping[str, Any]) -> str:
    days = int(value)
    if days < 60:
        return f"Last changed {_n(days, 'day')} before this scan."
    if days < 730:
        return f"Last changed about {_n(round(days / 30.4), 'month')} before this scan."
    return f"Last changed about {_n(round(days / 365.25), 'year')} before this scan."


_TABLE: dict[str, tuple[str, Sentence]] = {
    "type_hints": ("Type hints (declared input and output types)", _type_hints),
    "tests": ("Automated tests", lambda v, d: (
        f"{_n(d.get('test_functions', v), 'test')} in {_n(d.get('test_files'), 'file')}."
        if v else "No automated tests found.")),
    "ci": ("Automatic checks on every change (CI)", _ci),
    "readme": ("Front-page description (README)", lambda v, d: (
        f"The README has {_n(v, 'word')}." if v else "No README, or an empty one.")),
    "docs": ("Explanations written in the code", lambda v, d: (
        f"{d.get('documented', 0):,} of {d.get('public', 0):,} public functions and classes "
        "explain what they do.")),
    "packaging": ("Installable, with its needs declared", _packaging),
    "tooling": ("Code-quality tools", _tooling),
    "python_version": ("Python version it needs", _python_version),
    "last_commit": ("Recent activity", _age),
    "history": ("How the project grew", _history),
    "authorship": ("Who wrote it", lambda v, d: (
        f"The candidate wrote {v:.0%} of the code that survives.")),
    "complexity": ("Code that is easy to follow", _complexity),
    "idioms": ("Everyday modern Python style", lambda v, d: (
        f"{v:.0%} of text formatting uses the modern style (f-strings).")),
    "match_statements": ("Pattern matching (a Python 3.10 feature)", lambda v, d: (
        f"Used {_n(v, 'time')}." if v else "Not used (optional: using it shows recent Python).")),
    "async_code": ("Asynchronous code (async/await)", lambda v, d: (
        f"{_n(v, 'asynchronous function')}." if v else "No asynchronous code.")),
    "frameworks": ("Well-known frameworks", _frameworks),
    "hygiene": ("Nothing committed that should not be", _hygiene),
    "python2_idioms": ("Free of outdated Python 2 code", lambda v, d: (
        f"{_n(v, 'file')} written for Python 2 (unsupported since 2020)." if v
        else "No Python 2 code.")),
    "tutorial_code": ("Original code, not copied from tutorials", lambda v, d: (
        f"{v:.0%} of the code matches {d['matches'][0]['title']}." if v and d.get("matches")
        else "No code from well-known tutorials recognised.")),
    "syntax_errors": ("Code that runs", lambda v, d: (
        f"{_n(v, 'file')} cannot run: Python itself rejects the syntax." if v
        else "Every Python file is valid Python.")),
    "notebooks": ("Jupyter notebooks", _notebooks),
    # role-fit checks (issue 15): informative unless a role's rubric weighs them
    "api_design": ("Web API design", lambda v, d: (
        f"{_n(v, 'web endpoint')}; with " + (", ".join(
            {"model": "typed request and response models", "auth": "authentication",
             "pagination": "pagination", "openapi": "an API description"}[k]
            for k, n in d["practices"].items() if n) or "no models, login or paging") + ".")),
    "sql": ("SQL and databases", lambda v, d: (
        f"{_n(d['sql_files'], 'SQL file')} and "
        f"{_n(d['python_queries'], 'database query', 'database queries')} in the code.")),
    "ml_practice": ("Reproducible machine learning", lambda v, d: (
        f"Model training with {v:.0%} of the habits that make results repeatable.")),
    "data_quality": ("Checks on the data itself", lambda v, d: (
        f"The data is checked in {_n(v, 'way')}.")),
    "infrastructure": ("Deployment and infrastructure code", lambda v, d: (
        f"{_n(v, 'kind')} of infrastructure code worked out in depth.")),
}


def title(check: str, fallback: str) -> str:
    """The plain title of ``check``; ``fallback`` (its docstring's first line) if unknown."""
    entry = _TABLE.get(check)
    return entry[0] if entry else fallback or check


def _people(d: Mapping[str, Any]) -> str:
    """Who committed, when no candidate was named (``--author``)."""
    authors = [a for a in d.get("authors") or () if isinstance(a, dict)][:3]
    if not authors:
        return ""
    shares = ", ".join(f"{str(a.get('author', '')).split(' <')[0]} {a.get('share', 0):.0%}"
                       for a in authors)
    return (f"{_n(d.get('contributors'), 'person', 'people')} made the commits ({shares}). "
            "Name the candidate (--author) to measure their share.")


def titles() -> dict[str, str]:
    """Plain titles for every registered check."""
    from analyzer.registry import all_checks  # noqa: PLC0415  (the registry imports every check)

    return {cls.name: title(cls.name, cls.title()) for cls in all_checks()}


def sentence(signal: Signal) -> str:
    """The signal's value as one sentence; its own summary when the check is unknown,
    the value does not apply, or the details do not fit."""
    entry = _TABLE.get(signal.check)
    if signal.check == "authorship" and signal.value is None:
        return _people(signal.details) or signal.summary
    if entry is None or signal.value is None:
        return signal.summary
    try:
        return entry[1](signal.value, signal.details)
    except (TypeError, ValueError, AttributeError):
        return signal.summary
