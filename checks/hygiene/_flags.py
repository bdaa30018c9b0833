"""hygiene's flags, each at its own evidence: a question about the .gitignore must not sit on
a secret's line."""

from typing import TypedDict, cast

from analyzer.api import Flag, Level, Location, Signal, flag


class Details(TypedDict, total=False):
    trees: dict[str, str]
    bytecode_files: int
    binaries: int
    secrets: list[dict[str, object]]
    vendored: dict[str, str]


def flags(signal: Signal) -> list[Flag]:
    details = cast("Details", signal.details)
    found: list[Flag] = []
    if secrets := details.get("secrets"):
        first = secrets[0]
        found += flag(
            Level.RED, "Secret-looking values committed in source or .env files (see evidence).",
            "The value may be a harmless local default; the scan never prints it.",
            "How do you keep passwords and API keys out of a repository?",
            at=Location(str(first["path"]), cast("int | None", first["line"])),
        )(signal)
    if details.get("trees") or details.get("bytecode_files") or details.get("binaries"):
        found += flag(
            Level.YELLOW, "Committed clutter: virtualenv, bytecode, binaries or build output.",
            "Often a one-off accident early in someone's learning.",
            "What belongs in a .gitignore for a Python project, and why?",
            at=_clutter_at(signal),
        )(signal)
    if vendored := details.get("vendored"):
        found += flag(
            Level.YELLOW, "Third-party code copied in (vendored); left out of every figure.",
            "Vendoring can be deliberate (a pinned or patched copy, a Lambda bundle).",
            "Why is this library committed rather than declared as a dependency?",
            at=Location(next(iter(vendored)), None),
        )(signal)
    return found


def _clutter_at(signal: Signal) -> Location | None:
    """The first piece of clutter in the evidence, which lists secrets first, vendored last."""
    details = cast("Details", signal.details)
    others = {(str(s["path"]), s["line"]) for s in details.get("secrets", [])}
    others |= {(path, None) for path in details.get("vendored", {})}
    return next((at for at in signal.evidence if (at.path, at.line) not in others), None)
