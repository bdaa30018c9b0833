"""The repository half of ``python_version``: which files count, and what the verdict says.

Files are grouped by role: production code sets the minimum; tests set it only
when there is no production code (test suites gate tests on newer Pythons with
``skipif`` and ``collect_ignore``, which are not read); examples, docs and notebooks
are reported apart; test data never counts.
Python-2-only files make a Python 2 project where they are the counted code. Python-2-only
files never add Python 3 features: whatever a Python 2 file shares with a recent 3.x
(``from types import NoneType``) is no 3.x evidence.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from analyzer.api import Fold, Role
from checks._shared.python2 import headline
from checks.python_version._rules import Version, dotted
from checks.python_version._syntax import Feature

STYLE = "style: "  # labels of forms written but never evaluated: no runtime minimum
# Names a Python 2 module offered as well: in a Python 2 project they prove no 3.x.
PYTHON2_ALSO = frozenset({"types.NoneType", "types.EllipsisType"})
MODERN_ANNOTATIONS = ("X | Y union", "builtin generic", "PEP 604", "PEP 585")
GROUPS = (Role.PRODUCTION, Role.TEST, Role.EXAMPLE, Role.NOTEBOOK)  # test data never counts

Found = tuple[Version, str, int]


@dataclass
class Features:
    """The first location of each feature over a group of files, and the styles written."""

    first: dict[str, Found] = field(default_factory=dict)
    style: set[str] = field(default_factory=set)
    files: int = 0

    def add(self, path: str, observed: Iterable[Feature], skip: frozenset[str]) -> None:
        self.files += 1
        for label, major, minor, line in observed:
            if label.startswith(STYLE):
                self.style.add(label.removeprefix(STYLE))
            elif label.split(".", maxsplit=1)[0] not in skip and label not in self.first:
                self.first[label] = ((major, minor), path, line)

    def ranked(self) -> list[tuple[str, Found]]:
        return sorted(self.first.items(), key=lambda item: (item[1][0], item[0]), reverse=True)

    def minimum(self) -> Version | None:
        """The newest feature's version; 3.0 for files using none; None without files."""
        ranked = self.ranked()
        return ranked[0][1][0] if ranked else (3, 0) if self.files else None

    def modern_style(self) -> list[str]:
        """The modern forms the code writes, evaluated or not: PEP 604/585 hints with f-strings."""
        written = self.style | set(self.first)
        hints = sorted(w for w in written if w.startswith(MODERN_ANNOTATIONS))
        return [*hints, "f-string"] if hints and "f-string" in written else []


def fold_roles(fold: Fold[tuple[Feature, ...]], python2: Iterable[str],
               skip: frozenset[str]) -> dict[Role, Features]:
    """Features by role; Python-2-only files add none."""
    groups = {role: Features() for role in GROUPS}
    old = set(python2)
    for path, features in fold.files.items():
        role = fold.role_of(path)
        if role in groups and path not in old:
            groups[role].add(path, features, skip)
    return groups


def python2_only_declared(stated: Mapping[str, object], lowest: Version | None) -> bool:
    """The project declares Python 2 and no Python 3 (classifiers, tox, CI, requires)."""
    if lowest is None or lowest[0] != 2:
        return False
    for kind, values in stated.items():
        if kind in ("sources", "lowest", "requires_python") or not isinstance(values, list):
            continue
        if any(str(v).startswith("3") for v in values):
            return False
    requires = stated.get("requires_python")
    return not any("3" in str(spec).split("<")[0] for spec in requires or []) if isinstance(
        requires, list) else True


def plain_forms(style: list[str]) -> str:
    """``X | None hints, list[int] hints, f-strings`` for the modern forms found."""
    plain = {"X | Y union": "X | None hints", "builtin generic": "list[int] hints",
             "f-string": "f-strings"}
    said = [word for prefix, word in plain.items() if any(s.startswith(prefix) for s in style)]
    return ", ".join(said) or "modern forms"


def band(implied: Version, lowest: Version | None, python2: bool, style: list[str]) -> str:
    """Does the candidate write current Python? Python 2 is legacy; modern forms are modern.

    A library may support an old floor on purpose: code that writes PEP 604/585 hints and
    f-strings is modern practice whatever it supports. Otherwise a declared floor below
    3.7 is legacy, and code needing 3.10 is modern.
    """
    if python2:
        return "legacy"
    if max(implied, lowest or implied) >= (3, 10) or style:
        return "modern"
    if lowest is not None and lowest < (3, 7):
        return "legacy"
    return "common"


def summary(ranked: list[tuple[str, Found]], implied: Version, lowest: Version | None,
            agrees: bool, style: list[str]) -> str:
    if ranked and ranked[0][1][0] == implied:
        label, (_, path, line) = ranked[0]
        text = f"Needs Python {dotted(implied)} or newer ({label} at {path}:{line})."
    else:
        text = f"Needs no feature newer than Python {dotted(implied)}."
    if lowest is not None:
        text += f" Declares >={dotted(lowest)}"
        text += "." if agrees else f", which disagrees: the code needs {dotted(implied)}."
    if style and max(implied, lowest or implied) < (3, 10):
        floor = f"Supports {dotted(lowest)}+" if lowest else f"Runs on {dotted(implied)}+"
        text += f" {floor}, written in modern style ({plain_forms(style)})."
    return text


def apart_summary(name: str, features: Features, python2: int) -> str:
    if python2:
        return f" {name.capitalize()} apart: {python2} file(s) of Python 2 code."
    found = features.minimum()
    return f" {name.capitalize()} apart: need {dotted(found)}." if found and found > (3, 0) else ""


def python2_summary(python2: dict[str, tuple[tuple[int, str], ...]],
                     ranked: list[tuple[str, tuple[Version, str, int]]],
                     lowest: Version | None) -> str:
    """A Python 2 project: say so, and never quote a Python 3 minimum beside it."""
    if python2:
        (path, found), *_ = python2.items()
        line, label = headline(found)
        text = (f"Python 2 code: {label} at {path}:{line}; {len(python2)} file(s) only run on "
                "Python 2.")
    else:
        text = f"Python 2 project: declares Python {dotted(lowest or (2, 7))} and no Python 3."
    if python2 and ranked:
        label, (_, path, line) = ranked[0]
        text += f" Other files use Python 3 features ({label} at {path}:{line})."
    return text


@dataclass
class Verdict:
    """What ``result`` reports for the counted code (production, else tests)."""

    implied: Version
    text: str
    evidence: tuple[tuple[str, int], ...]
    details: dict[str, object]


def verdict(features: Features, python2: dict[str, tuple[tuple[int, str], ...]],
            stated: dict[str, object], lowest: Version | None) -> Verdict:
    legacy = bool(python2) or python2_only_declared(stated, lowest)
    if legacy:
        features.first = {k: v for k, v in features.first.items() if k not in PYTHON2_ALSO}
    ranked, style = features.ranked(), features.modern_style()
    implied = (2, 7) if legacy else features.minimum() or (3, 0)
    agrees = lowest is None or max(lowest, (3, 0)) >= implied
    evidence = [(path, line) for _, (_, path, line) in ranked[:12]]
    if legacy:
        text = python2_summary(python2, ranked, lowest)
        evidence[:0] = [(p, headline(found)[0]) for p, found in list(python2.items())[:1]]
    else:
        text = summary(ranked, implied, lowest, agrees, style)
    # 2/3 code: nothing Python-3-only, and a declared Python 2 floor it still runs on
    also_python2 = not legacy and implied == (3, 0) and lowest is not None and lowest[0] == 2
    if also_python2:
        text += f" Runs on Python {dotted(lowest or (2, 7))} too: 2/3 compatible code."
    listed = [{"feature": label, "version": dotted(version), "path": path, "line": line}
              for label, (version, path, line) in ranked]
    return Verdict(implied, text, tuple(evidence), {
        "minimum": dotted(implied), "band": band(implied, lowest, legacy, style),
        "declared": stated, "agrees": agrees, "python2_files": len(python2),
        "features": listed, "modern_style": style,
        "also_python2": dotted(lowest) if also_python2 and lowest else None,
    })
