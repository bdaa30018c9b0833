"""The complexity check counts in the libcst walk exactly what radon counts on ``ast``."""

from pathlib import Path

import pytest

from analyzer.check import SourceFile
from analyzer.engine import analyse_source
from analyzer.paths import Role
from analyzer.registry import get_check
from checks.complexity._metrics import FileComplexity
from tests.radon_reference import radons

ROOT = Path(__file__).resolve().parents[2]

SHAPES = {
    "decorators-and-defaults": (
        "@cache(size=1 if big else 2)\n"
        "def f(a=b or c, *, d: int | None = None) -> list[int] if x else None:\n"
        "    return a and d\n"
    ),
    "closures-and-nested-classes": (
        "def outer(x):\n    if x:\n        def inner(y):\n            return y or x\n"
        "        class Local:\n            def m(self):\n                return 1 if x else 2\n"
        "        return inner\n    return None\n"
    ),
    "methods-in-branches": (
        "class A(Base, metaclass=M if flag else type):\n    if debug:\n"
        "        def m(self, q=1 + 2):\n            while q: q -= 1\n            else: pass\n"
        "    class Inner:\n        def n(self):\n            return not self\n"
    ),
    "asserts-are-not-read": "def f(x):\n    assert x and (x > 1 or x < -1), 'range'\n",
    "boolean-chains": (
        "def f(a, b, c, d):\n    return (a and b) and c or (d or a) and not (b and c and d)\n"
    ),
    "try-for-comprehensions": (
        "async def f(xs):\n    try:\n        async for x in xs:\n            pass\n"
        "    except (A, B):\n        pass\n    except C:\n        pass\n    else:\n"
        "        return {k: v for k in xs if k if not v for v in k}\n    finally:\n        pass\n"
    ),
    "match-and-catch-alls": (
        "def f(p):\n    match p:\n        case 1 | 2: return 1\n"
        "        case [x, *rest] if x: return x\n"
        "        case {'k': -1.5 + 2j}: return 3\n        case other: return other\n"
        "def g(p):\n    match p:\n        case _: pass\n"
    ),
    "operands-that-collide": (
        "x = 1 + True\ny = 1.0 * 'x' + x - b'x' % ...\nz = a.x < x.x != None is not False\n"
        "def f(s):\n    s += 0x10 + 16 + 1_6 + 2e0 - 1j\n"
        "    return f'{s + 1}' + 'a' 'b' + f'{s}' 'c'\n"
    ),
    "lambdas-and-conditionals": (
        "def f(x, g=lambda y: y if y else -y):\n    h = lambda z=x or 1: z and g(z)\n"
        "    return [h(i) for i in range(x) if i % 2] if x else []\n"
    ),
    "one-line-bodies": "def f(x): return x if x else -x\nclass A: x = 1 if y else 2\n",
    "except-star": "def f():\n    try:\n        pass\n    except* ValueError:\n        pass\n",
    # ast keeps identifiers NFKC-normalised (PEP 3131): the ligature \ufb01 is "fi", \xb5 is \u03bc
    "unicode-identifiers": (
        "class \ufb01:\n    def m(self, \xb5):\n"
        "        return \xb5 * \u03bc + self.\ufb01 - self.fi\n"
        "def \u210c(fi):\n    return \ufb01 + fi if fi else 0\n"
    ),
}


def walked(text: str) -> object:
    result = analyse_source(SourceFile("pkg/mod.py", Role.PRODUCTION), text,
                            [get_check("complexity")])
    assert result.error is None, result.error
    return result.observations["complexity"]


@pytest.mark.parametrize("text", list(SHAPES.values()), ids=list(SHAPES))
def test_each_shape_counts_as_radon_counts(text: str) -> None:
    expected = radons(text)
    assert expected is not None and expected.mi is not None
    assert walked(text) == expected


def test_every_file_of_this_project_counts_as_radon_counts() -> None:
    """Real code of every shape we write: the same ranked functions and the same index."""
    paths = sorted((ROOT / "analyzer").rglob("*.py")) + sorted((ROOT / "checks").rglob("*.py"))
    assert len(paths) > 100
    differ = [p for p in paths if walked(text := p.read_text()) != radons(text)]
    assert differ == []


def test_an_integer_too_long_for_int_is_counted_without_crashing_the_file() -> None:
    """Over int's 4,300 decimal digits ``ast`` refuses the file (so radon has no figure),
    libcst reads it: the literal is still an operand, and the function is ranked."""
    text = "def f(x):\n    return x + " + "9" * 5000 + " if x else x + 0x" + "f" * 5000 + "\n"
    assert radons(text) is None
    found = walked(text)
    assert isinstance(found, FileComplexity) and found.scores == ((2, 1, "f"),)
    assert found.mi is not None


@pytest.mark.parametrize("literal", [
    pytest.param("b'\xe9'", id="non-ascii-bytes"),
    pytest.param("'\\N{NO SUCH NAME}'", id="unknown-character-name"),
    pytest.param("'\\x4'", id="truncated-escape"),
    pytest.param("b'\\x4'", id="truncated-bytes-escape"),
    pytest.param("'a' '\\x4'", id="concatenated"),
    pytest.param("'a\x00b'", id="nul"),
])
def test_a_string_ast_refuses_is_counted_without_crashing_the_file(literal: str) -> None:
    """libcst reads strings ``ast`` refuses; their value cannot be taken, so each is an
    operand of its own (radon has no figure: ``ast`` refuses the file)."""
    text = f"def f(x):\n    return {literal} + x if x else x\n"
    assert radons(text) is None
    found = walked(text)
    assert isinstance(found, FileComplexity) and found.scores == ((2, 1, "f"),)
