"""The guide's red flag is Python 2 *without* Python 3: a leftover file beside code that
needs Python 3 is a yellow question, not a verdict on the candidate's Python."""

from collections.abc import Mapping

from analyzer.api import Flag, Fold, Level, Role, Signal, flag, value
from checks._shared.python2 import Python2File


def python3_files(fold: Fold[Python2File], counted: Role, python2: Mapping[str, object],
                  ) -> list[str]:
    """The counted files (not Python 2 ones) that use a feature only Python 3 has, as
    python_version saw them (its observation: ``(label, major, minor, line)`` tuples)."""
    return sorted(
        path for path, features in fold.other_checks.get("python_version", {}).items()
        if fold.role_of(path) is counted and path not in python2
        and isinstance(features, tuple) and any(f[1] >= 3 for f in features))


def flags(signal: Signal) -> list[Flag]:
    python3 = signal.details.get("python3_files")
    if value(signal) <= 0:
        return []
    if not isinstance(python3, list) or not python3:
        return flag(Level.RED, "Python 2-only code.",
                    "It may be a historic project kept as it was; Python 2 ended in 2020.",
                    "Have you ported code from Python 2 to 3? What changed?")(signal)
    return flag(Level.YELLOW, f"Python 2-only code left in {value(signal):g} file(s), beside "
                f"{len(python3)} that need Python 3.",
                "Often an old script kept next to its rewrite.",
                "Which Python does this project target, and why is that file still Python 2?",
                )(signal)
