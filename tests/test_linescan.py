"""The logical-line scan finds the lines ``tokenize`` ends with ``NEWLINE``, or declines."""

from pathlib import Path

import pytest

from analyzer.linescan import _SCAN, logical_lines
from tests.lines_probe import token_logical_lines
from tests.test_lines import SHAPES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text", SHAPES)
def test_each_shape_has_the_tokens_logical_lines(text: str) -> None:
    found = logical_lines(text)
    if "\r" in text.replace("\r\n", ""):
        assert found is None  # tokenize sees no line break in a lone carriage return
    else:
        assert found == token_logical_lines(text)


def test_this_projects_sources_have_the_tokens_logical_lines() -> None:
    sources = sorted((*ROOT.glob("analyzer/**/*.py"), *ROOT.glob("checks/**/*.py")))
    differ = [p.name for p in sources
              if logical_lines(text := p.read_text(encoding="utf-8")) != token_logical_lines(text)]
    assert len(sources) > 100
    assert differ == []


@pytest.mark.parametrize(("text", "lines"), [
    ("x = '''a\n\nb''' + (\n  1)  # c\n\n\ny = 2", [(1, 4, "x"), (7, 7, "y")]),
    ("@d\n\n# c\nasync def f(a,\\\n      b): ...\n", [(1, 1, "@"), (4, 5, "async")]),
    ("s = r'\\'' ; t = \"#\"\n  # indented comment\nu = [\n]\n", [(1, 1, "s"), (3, 4, "u")]),
    ("x = 1\r\ny = (2,\r\n 3)\r\n", [(1, 1, "x"), (2, 3, "y")]),
    ("1e5 + 2\n_x = 1\n", [(1, 1, "1"), (2, 2, "_x")]),  # a number's first character only
    ("x = 'a\\\r\nb'\r\ny = 1\r\n", [(1, 2, "x"), (3, 3, "y")]),  # a string continued over \r\n
    # brackets the scan skips whole (closed on their line, two deep) and those it reads
    # bracket by bracket: three deep, holding a string, a comment, a continuation or a break
    ("a = f(g(x), [1, {2: 3}])\nb = f(g(h(x)))\nc = f('(', x)\n", [(1, 1, "a"), (2, 2, "b"),
                                                                   (3, 3, "c")]),
    ("d = f(x,  # (\n  y)\ne = f(x, \\\n  y)\ng = [(\n  1)]\n", [(1, 2, "d"), (3, 4, "e"),
                                                              (5, 6, "g")]),
    # f-strings as Python 3.11 has them: a field's strings, braces, formats and line breaks
    ("f = f'{a}' + F\"{b!r:>{w}}\" + rf'\\{c}' + fR'{{}}' + f'\\N{DASH} \\' {d[\"k\"]}'\n"
     "g = f'''{\n  e}''' f\"\"\"{f['k'] + \"'\" + \"x\".join(f'({i})' for i in h)}\"\"\"\n",
     [(1, 1, "f"), (2, 3, "g")]),
])
def test_strings_comments_continuations_and_brackets(
    text: str, lines: list[tuple[int, int, str]],
) -> None:
    assert logical_lines(text) == lines == token_logical_lines(text)


@pytest.mark.parametrize("text", [
    "x = (1,\n",  # a bracket never closed
    "x = 1)\n",  # closed, never opened
    "x = a \\ b\n",  # a backslash that continues nothing
    "\\\nx = 1\n",  # a line that starts with a continuation
    "a = 1\rb = 2\r",  # carriage returns alone
    # Python 3.12's f-strings: a field holding the string's own quote, a line break in a
    # one-line string's field, a triple-quoted string in a triple-quoted one's field
    'x = f"{d["k"]}"\n', "x = f'{\n  y}'\n", "x = f'''{d['''k''']}'''\n",
    "x = f'{d[\"}\"]}'\n",  # and a string in a field holding a brace: 3.11's, but in doubt
    "\ufeff\\\nx = 1\n",  # a continuation line first, even after a byte order mark
    'x = f"""{a!r\n}"""\n',  # a line break after a conversion, which libcst drops
])
def test_what_it_does_not_read_as_tokenize_does_is_left_to_the_caller(text: str) -> None:
    assert logical_lines(text) is None


def test_brackets_closed_on_their_line_never_reach_python() -> None:
    """The scan's items: a pair two deep is skipped whole; a third level, a quote or a
    line break inside is read bracket by bracket."""
    def items(text: str) -> list[str]:
        return [item for _, item in _SCAN.findall(text)]

    assert items("a = f(g(x), [1, {2: 3}[k]])\n") == ["(", ")", "\n", ""]  # three deep
    assert items("a = f(g(x), [1, 2], {3: y})\n") == ["\n", ""]
    assert items("b = f(g(h(x)))\n") == ["(", ")", "\n", ""]
    assert items("c = f('(', x)\n") == ["(", ")", "\n", ""]
    assert items("d = f(x,\n  y)\n") == ["(", "\n", ")", "\n", ""]
