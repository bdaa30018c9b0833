"""Start lines from ``analyzer.lines`` equal libcst's ``PositionProvider`` on every node."""

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from analyzer.lines import LineProvider, newlines, start_lines
from analyzer.logical import Cursor, LazyLines
from analyzer.traverse import visit_batched
from tests.lines_probe import probe

ROOT = Path(__file__).resolve().parent.parent

# Shapes where a node's start is not simply its first character: leading comments and
# blank lines, decorators, semicolons, continuation lines, brackets spanning lines,
# strings holding newlines, a module footer, and every line-break convention.
SHAPES = [
    "",
    "\n\n",
    "# only a comment",
    "x = 1",
    "#!/usr/bin/env python\n# header\n\n'''doc\nstring'''\nimport os\n\n\n# footer\n",
    "@a\n@b.c(\n  1)\n\n# between\ndef f(x,\n      y=(2 +\n         3)):\n    '''d\n    s'''\n"
    "    return x  # c\n\n\n# end\n",
    "class C(\n    B,\n):\n    a: int = 1; b = 2\n    def m(self): return \\\n        3\n",
    "if a:\n    pass\nelif b:\n\n    pass\nelse:\n    # c\n    x = [\n        1,\n    ]\n",
    "try:\n    x\nexcept (A,\n        B) as e:\n    raise\nfinally:\n    y\n",
    "with (\n    open(a) as f,\n    open(b) as g,\n):\n    f'{x!r:>{w}}\\n{y}'\n",
    "match p:\n    case [1, *rest] if rest:\n        pass\n"
    "    case {'k': v, **kw}:\n        pass\n",
    "async def f():\n    async with a as b:\n        await c\n"
    "    async for i in d:\n        yield i\n",
    "x = (lambda y:\n     y)(\n  1)\nz = x if x else \\\n  y\n",
    "s = '''a\r\nb'''\r\nt = 1\r\n\r\n# c\r\nu = (1,\r\n  2)\r\n",
    "a = 1\rb = 2\r\rc = (3,\r 4)\r",
    "def f():\n    x = 1\n\n    # trailing comment in the body\n\n# dedented comment\ny = 2",
    "x = ((\n  a\n) +\n (\n\n  (b)))\n"
    "match p:\n    case (\n        1 | (2)\n    ):\n        pass\n",
    # A backslash continues a one-quote string over "\r\n": the scan once ended the string
    # there, the next quote opened one reaching line 5, and lines 2 to 5 were misplaced.
    "x = 'a\\\r\nb' '''c\r\nd'''\r\ny = 1\r\nz = 2 # '''\r\nw = 3\r\n",
    "\ufeff@d\ndef f(): pass\n",  # a byte order mark, dropped by libcst, is no first word
]
# Sources the scan misread, now left to libcst's generation. Python 3.12's f-strings,
# which libcst parses and 3.11's string rules misread: the strings of lines 1 and 2
# once hid line 1's end, line 3's a bracket behind a comment, and lines 2 to 5 were each
# given the next statement's line. And what libcst drops, so that its lines count one
# fewer from there (the scan's did not): a continuation line after a byte order mark,
# a line break after an f-string field's conversion, after a mapping pattern's ``**``,
# and after a type parameter's ``*`` or ``**``.
LEFT_TO_LIBCST = [
    'x = f"{d["\'\'\'"]}"\ny = f"{d["\'\'\'"]}"\na = f"{d["#"]}" + (\n  f"{d["#"]}")\nb = 2\n',
    "x = f'''{d['''k''']}'''\ny = f'{\n  z}'\nw = t'{a['k']}'\n",
    '\ufeff\\\nfrom m import g\nclass g(): e = ""\n',
    'x = f"""{a!r\n}""" + f"""{b:{c!s\r\n}}"""\ny = 1\n',
    "match x:\n    case {'k': v, **\n      rest}: pass\n    case {1: {**\\\n  r}}: pass\ny = 1\n",
    "def f[T, *\n    Ts](): pass\nclass K[**\n  P]: pass\ntype Y[*\\\n  Ts] = tuple[*Ts]\ny = 1\n",
]


def _pairs(text: str) -> tuple[int, int]:
    """(nodes compared, mismatches) between the two providers on ``text``."""
    module = cst.parse_module(text)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    lines = start_lines(module)
    mismatches = sum(lines.get(id(node)) != where.start.line for node, where in positions.items())
    return len(positions), mismatches + abs(len(lines) - len(positions))


@pytest.mark.parametrize("text", SHAPES)
def test_every_node_of_each_shape_starts_where_libcst_says(text: str) -> None:
    compared, mismatches = _pairs(text)
    assert compared > 0
    assert mismatches == 0


def test_every_node_of_this_project_starts_where_libcst_says() -> None:
    sources = sorted((*ROOT.glob("analyzer/**/*.py"), *ROOT.glob("checks/**/*.py")))
    assert len(sources) > 20
    compared = mismatches = 0
    for path in sources:
        counted, wrong = _pairs(path.read_text(encoding="utf-8"))
        compared, mismatches = compared + counted, mismatches + wrong
    assert compared > 50_000
    assert mismatches == 0


def test_newlines_counts_each_convention_once() -> None:
    assert [newlines(s) for s in ("", "a", "\n", "\r\n", "\r", "\n\r", "a\r\n\rb\n")] == [
        0, 0, 1, 1, 1, 2, 3,
    ]


def test_lazy_lines_and_the_provider_agree() -> None:
    module = cst.parse_module("x = 1\n\ndef f(\n    a,\n):\n    return a\n")
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    provided = wrapper.resolve(LineProvider)
    lazy = LazyLines(module)
    function = module.body[1]
    assert isinstance(function, cst.FunctionDef)
    assert lazy[function] == provided[function] == 3
    assert lazy[function.params.params[0]] == 4
    assert len(provided) == len(lazy)


def test_libcsts_parentheses_are_back_after_a_walk_and_after_a_failed_one() -> None:
    from libcst._nodes.expression import _BaseParenthesizedNode  # noqa: PLC0415

    original = _BaseParenthesizedNode.__dict__["_parenthesize"]
    module = cst.parse_module("x = (1 +\n 2)\n")
    start_lines(module)
    assert _BaseParenthesizedNode.__dict__["_parenthesize"] is original
    broken = module.with_changes(body=[None])  # not a statement: generation fails
    with pytest.raises(AttributeError):
        start_lines(broken)
    assert _BaseParenthesizedNode.__dict__["_parenthesize"] is original
    assert module.code == "x = (1 +\n 2)\n"  # libcst's own generation still works


@pytest.mark.parametrize("text", SHAPES)
def test_lines_asked_during_the_walk_are_libcsts_without_generating_the_module(text: str) -> None:
    compared, mismatches, fast, first, _ = probe(text)
    assert (mismatches, first) == (0, "")
    lone_carriage_returns = "\r" in text.replace("\r\n", "")  # tokenize: no line break
    assert fast is not lone_carriage_returns or not text.strip()
    assert compared > 0 or not text.strip() or text.strip().startswith("#")


def test_lines_asked_during_the_walk_over_this_project_are_libcsts() -> None:
    sources = sorted((*ROOT.glob("analyzer/**/*.py"), *ROOT.glob("checks/**/*.py")))
    compared = mismatches = slow = by_code = 0
    for path in sources:
        counted, wrong, fast, _, told = probe(path.read_text(encoding="utf-8"))
        compared, mismatches, slow = compared + counted, mismatches + wrong, slow + (not fast)
        by_code += told
    assert compared > 100_000
    assert by_code > 5_000  # nodes on headers spread over lines, found by their own code
    assert (mismatches, slow) == (0, 0)


@pytest.mark.parametrize("text", LEFT_TO_LIBCST)
def test_what_the_scan_would_misread_is_left_to_libcst(text: str) -> None:
    compared, mismatches, fast, first, _ = probe(text)
    assert compared > 10
    assert (mismatches, first, fast) == (0, "", False)


def test_least_is_the_owners_first_line_on_a_header_spread_over_lines() -> None:
    text = "def f(\n    a: int | None,\n) -> X | Y:\n    return a | b\n"
    module = cst.parse_module(text)
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    cursor = Cursor()
    lines = LazyLines(module, text, cursor)
    seen: list[tuple[int, int]] = []

    class Ask(cst.BatchableCSTVisitor):
        def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
            seen.append((lines.least(node), positions[node].start.line))

    visit_batched(module, [Ask()], cursor)
    assert seen == [(1, 2), (1, 3), (4, 4)]  # the header's own lines: bounded by its first
    assert not lines.generated_all and not lines._headers  # nor any header generated


def test_least_is_the_line_itself_where_the_scan_declines() -> None:
    text = 'x = f"{d["k"]}" + (\n  a | b)\n'  # 3.12's f-string: the scan declines
    module = cst.parse_module(text)
    cursor = Cursor()
    lines = LazyLines(module, text, cursor)
    seen: list[int] = []

    class Ask(cst.BatchableCSTVisitor):
        def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
            seen.append(lines.least(node))

    visit_batched(module, [Ask()], cursor)
    assert seen == [1, 2] and lines.generated_all
