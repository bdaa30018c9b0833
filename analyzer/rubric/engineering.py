"""Rules for the real-engineering signals: tests, docs, packaging, tooling, CI."""

from analyzer.model import Signal
from analyzer.rules import Flag, Level, Rule, detail, flag, saturate, value, when


def _grade_tests(signal: Signal) -> float:
    if not signal.value:
        return 0.0
    # Full marks at one test per two production functions, or 30 tests, whichever is lower.
    target = min(30.0, max(3.0, detail(signal, "production_functions") / 2))
    return min(1.0, signal.value / target)


def _readme_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return flag(
            Level.RED, "No README.", "Some people document elsewhere (a wiki, a site).",
            "How would a new colleague learn to run this project?",
        )(signal)
    if signal.details.get("stub", value(signal) < 30):
        return flag(
            Level.YELLOW, "README is a stub (under 30 words).",
            "A small tool may need little explanation.",
            "How would someone install and use this?",
        )(signal)
    return []


def _grade_docs(signal: Signal) -> float:
    site = bool(signal.details.get("sphinx") or signal.details.get("mkdocs")
                or signal.details.get("docs_folders"))
    return 0.7 * value(signal) + 0.3 * site


def _docs_flags(signal: Signal) -> list[Flag]:
    share = value(signal)
    if share >= 0.8:
        return flag(Level.GREEN, f"Documented code: {share:.0%} of public code has docstrings.")(
            signal)
    if share < 0.2:
        return flag(
            Level.YELLOW, f"Few docstrings: {share:.0%} of public code has one.",
            "Applications and scripts often rely on clear names instead.",
            "How do you document code that others will call?",
        )(signal)
    return []


def _packaging_flags(signal: Signal) -> list[Flag]:
    if signal.value == 2:
        return flag(Level.GREEN, "Modern packaging: dependencies declared in pyproject.toml.")(
            signal)
    if not signal.value:
        return flag(
            Level.YELLOW, "No packaging or dependency list.",
            "A script using only the standard library needs none.",
            "How would someone install what this project needs?",
        )(signal)
    return []


def _tooling_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return flag(
            Level.YELLOW, "No linter, formatter or type checker configured.",
            "Many people run these tools from their editor without committing a config.",
            "Which linters or type checkers do you use, and how?",
        )(signal)
    if signal.details.get("mypy_strict") or signal.details.get("pyright_mode") == "strict":
        return flag(Level.GREEN, "Strict type checking is configured.")(signal)
    return []


def _grade_ci(signal: Signal) -> float:
    if not signal.value:
        return 0.0
    grade = 1.0 if signal.details.get("runs_tests") else 0.6
    return grade / 2 if signal.details.get("legacy_only") else grade


def _ci_flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return flag(
            Level.YELLOW, "No continuous integration.",
            "Personal projects often skip it, and company builds run on private servers.",
            "How are your changes tested before they are merged at work?",
        )(signal)
    if signal.details.get("legacy_only"):
        return flag(
            Level.YELLOW, "CI only on a legacy service (Travis CI or AppVeyor).",
            "It may have worked when the project was active.",
            "What CI do you use today?",
        )(signal)
    if signal.details.get("runs_tests"):
        return flag(Level.GREEN, "CI runs the tests on every change.")(signal)
    return []


def _complexity_flags(signal: Signal) -> list[Flag]:
    ranks = signal.details.get("ranks")
    tangled = sum(ranks.get(r, 0) for r in "EF") if isinstance(ranks, dict) else 0
    if tangled:
        return flag(
            Level.YELLOW, f"{tangled} function(s) with cyclomatic complexity over 30 (rank E/F).",
            "Parsers and state machines are branchy by nature.",
            "Walk me through your most complex function: how would you test or split it?",
        )(signal)
    return []


RULES: dict[str, Rule] = {
    "tests": Rule(25, _grade_tests, when(
        lambda s: not s.value, flag(
            Level.RED, "No tests found.",
            "Tests may live elsewhere, or the project may be a one-off script.",
            "How do you test your code? Show me a test you are proud of.",
        ),
    )),
    "readme": Rule(15, saturate(150), _readme_flags),
    "docs": Rule(6, _grade_docs, _docs_flags),
    "packaging": Rule(8, lambda s: value(s) / 2, _packaging_flags),
    "tooling": Rule(8, saturate(3), _tooling_flags),
    "ci": Rule(8, _grade_ci, _ci_flags),
    # Simple functions earn credit only once there are enough of them to mean something.
    "complexity": Rule(5, lambda s: detail(s, "share_a_or_b") * min(
        1.0, detail(s, "functions") / 10), _complexity_flags),
}
