"""``analyzer.lexer`` gives what ``tokenize`` gives, or leaves the source to it."""

import tokenize
from pathlib import Path

import pytest

from analyzer.lexer import lex, lexemes
from tests.lexer_reference import reference

ROOT = Path(__file__).resolve().parents[1]


SHAPES = {
    "indents-dedents-and-comments": (
        "class A:\n    # a note\n\n    def f(self):\n        if x:\n            return 1\n"
        "  # out of line\n        return 2\n\n\nx = 1  # tail\n"
    ),
    "brackets-and-blank-lines-inside": "x = [\n    1,\n\n    # c\n    2,\n]\ny = {'a': (1,\n2)}\n",
    "strings-of-every-kind": (
        "a = '''one\ntwo\\\nthree'''\nb = rb\"x\\\"y\" f'{a!r:>{w}}' U'u'\n"
        "c = \"\"\"\"quoted\"\"\"\"\nd = '\\\\'\n"
    ),
    "numbers-and-operators": (
        "x = 0x_1F + 0o17 + 0b1_01 + 1_000.5e-3j + .5 + 5. ** 2 // 3 @ m\n"
        "y **= 2; z //= 3; w >>= 1; v @= q; f = lambda: ...\ndef g() -> int: return x := 1\n"
    ),
    "continuations": "x = 1 + \\\n    2\nif x and \\\n        y:\n    pass\n",
    "soft-keywords-and-unicode": "match = 1\ncase = naïve = 2\nprint(match, case, naïve)\n",
    "a-closing-bracket-too-many": "x = 1)\ny = 2\n",
    # where the shortcuts for names and operators must give way: a string prefix (or a
    # name) before a quote, a number after a dot, names starting with other characters
    "names-before-quotes-and-dots-before-digits": (
        "a = rb'x' + Rb\"y\" + f'{z}' + u'' + br'''q''' + ab'c' + x'd'\n"
        "b = .5 + a.b + 1..real + a...b + ... + x.e5 + 1.e5 + 0.x + _1.__2\n"
        "c = \u00b2a + \u0663 + \u01c5x + _ + 1if a else 2\n"
    ),
}


@pytest.mark.parametrize("text", list(SHAPES.values()), ids=list(SHAPES))
def test_each_shape_lexes_as_tokenize_does(text: str) -> None:
    assert lex(text) == reference(text)


@pytest.mark.parametrize("text", [
    pytest.param("x = 1", id="no-last-line-break"),
    pytest.param("if x:\n\ty = 1\n", id="tab"),
    pytest.param("x = 1\r\ny = 2\r\n", id="carriage-returns"),
    pytest.param("x = $\n", id="error-token"),
    pytest.param("x = (1,\n", id="unclosed-bracket"),
    pytest.param("s = '''never closed\n", id="unclosed-string"),
    pytest.param("s = 'one \\\ntwo'\n", id="string-continued-by-a-backslash"),
    pytest.param("if x:\n        a\n    b\n", id="inconsistent-dedent"),
    pytest.param("x = 1 + \\\n", id="continued-at-the-end"),
    pytest.param("", id="empty"),
])
def test_what_the_scanner_leaves_to_tokenize_still_lexes_as_tokenize_does(text: str) -> None:
    assert lexemes(text) is None
    assert lex(text) == reference(text)


def test_every_file_of_this_project_lexes_as_tokenize_does() -> None:
    paths = [p for folder in ("analyzer", "checks", "tests", "benchmarks")
             for p in sorted((ROOT / folder).rglob("*.py"))]
    taken = [p for p in paths if lexemes(p.read_text()) is not None]
    assert len(taken) > 0.9 * len(paths) > 200
    assert [p for p in taken if lex(text := p.read_text()) != reference(text)] == []


def test_a_storm_of_error_tokens_stops_tokenizing_early() -> None:
    """tokenize retries the rest of a line after each character it cannot read: thousands of
    blanks before one made it quadratic (13 s for 8,000). Past the cap the text is called
    incomplete, with the tokens before it, as after any other tokenizing error."""
    text = "x = (" + " " * 5_000 + "\0)\n\ty = 1\n"  # the tab: left to tokenize
    made, complete = lex(text)
    assert complete is False
    assert [(kind, string) for kind, string, _, _ in made[:4]] == [
        (tokenize.NAME, "x"), (tokenize.OP, "="), (tokenize.OP, "("), (tokenize.ERRORTOKEN, " "),
    ]
    assert len(made) <= 1_010
    assert lex("x = (  \0)\n\ty = 1\n") == reference("x = (  \0)\n\ty = 1\n")  # under the cap
