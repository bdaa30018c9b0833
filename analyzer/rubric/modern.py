"""Rules for the modern-Python signals: typing, new syntax, idioms, frameworks."""

from collections.abc import Mapping

from analyzer.model import Signal
from analyzer.rules import Flag, Level, Rule, detail, flag, saturate, value, when


def _type_hint_flags(signal: Signal) -> list[Flag]:
    share = value(signal)
    if share >= 0.8:
        return flag(Level.GREEN, f"Typed code: {share:.0%} of functions have type hints.")(signal)
    if share < 0.2:
        return flag(
            Level.YELLOW, f"Mostly untyped code: {share:.0%} of functions have type hints.",
            "Untyped code is common in scripts, notebooks and older projects.",
            "Do you use type hints at work, and which type checker?",
        )(signal)
    return []


def _idiom_flags(signal: Signal) -> list[Flag]:
    share, flags = signal.value, []
    old = detail(signal, "percent_format") + detail(signal, "format_calls")
    if share is not None and share >= 0.8 and detail(signal, "f_strings") >= 5:
        flags += flag(Level.GREEN, f"Formats strings with f-strings ({share:.0%}).")(signal)
    elif share is not None and share < 0.3 and old >= 10:
        flags += flag(
            Level.YELLOW, f"Mostly old-style string formatting: {old:.0f} % or .format uses.",
            "Code that still supports Python 2 or 3.5 cannot use f-strings.",
            "Which string formatting do you use today, and why?",
        )(signal)
    if detail(signal, "print_calls") >= 5 and not detail(signal, "logging_calls"):
        flags += flag(
            Level.YELLOW, "Library code reports with print(), not logging.",
            "Command-line tools print by design; scripts and __main__ files are not counted.",
            "How would you find out what this code did in production last night?",
        )(signal)
    return flags


def _framework_flags(signal: Signal) -> list[Flag]:
    used = signal.details.get("frameworks")
    shallow = signal.details.get("shallow")
    primary = signal.details.get("primary_archetype")
    if not isinstance(used, list) or not isinstance(shallow, list) or not primary:
        return []
    names = ", ".join(f"{u['name']} in {u['files']} file(s)" for u in used[:3])
    flags = [Flag(Level.GREEN, signal.check, f"Profile: {primary}; {names}.")]
    if len(used) >= 4 and len(shallow) * 3 >= len(used) * 2:
        flags.append(Flag(
            Level.YELLOW, signal.check,
            f"Many frameworks, mostly shallow: {len(shallow)} of {len(used)} appear in one file.",
            "Experiments and tutorials leave single imports; that is not a lack of depth.",
            "Which of these frameworks have you used in production, and for what?",
        ))
    return flags


_BAND_GRADES = {"modern": 1.0, "common": 0.6, "legacy": 0.2}


def _grade_version(signal: Signal) -> float:
    if signal.details.get("python2_files"):
        return 0.0
    return _BAND_GRADES.get(str(signal.details.get("band")), 0.0)


def _version_flags(signal: Signal) -> list[Flag]:
    flags = []
    minimum = signal.details.get("minimum")
    if signal.details.get("band") == "modern" and not signal.details.get("python2_files"):
        flags += flag(Level.GREEN, "Targets modern Python (3.10 or newer).")(signal)
    declared = signal.details.get("declared")
    if signal.details.get("agrees") is False and isinstance(declared, Mapping):
        lowest = declared.get("lowest")
        flags += flag(
            Level.YELLOW, f"Code needs Python {minimum} but the project declares {lowest}.",
            "Often a forgotten requires-python bump, not a broken release.",
            "Which Python versions does this project support, and how do you check that?",
        )(signal)
    return flags


RULES: dict[str, Rule] = {
    "type_hints": Rule(20, value, _type_hint_flags),
    "match_statements": Rule(4, saturate(1), when(
        lambda s: value(s) > 0, flag(Level.GREEN, "Uses structural pattern matching (3.10+)."),
    )),
    "idioms": Rule(6, value, _idiom_flags),
    "async_code": Rule(6, saturate(3), when(
        lambda s: value(s) > 0, flag(Level.GREEN, "Writes asynchronous code (async/await)."),
    )),
    # Skills describe the role, not quality: informative flags, no points.
    "frameworks": Rule(0, lambda s: 0.0, _framework_flags),
    "python_version": Rule(8, _grade_version, _version_flags),
    "python2_idioms": Rule(5, lambda s: 0.0 if value(s) > 0 else 1.0, when(
        lambda s: value(s) > 0, flag(
            Level.RED, "Python 2-only code.",
            "It may be a historic project kept as it was; Python 2 ended in 2020.",
            "Have you ported code from Python 2 to 3? What changed?",
        ),
    )),
}
