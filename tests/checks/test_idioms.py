import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from analyzer.score import rules
from tests.conftest import signal_of
from tests.notebook import notebook


@pytest.mark.parametrize(("source", "idiom"), [  # the idiom sits on the last line
    pytest.param("x = f'{a}'\n", "f_strings", id="f-string"),
    pytest.param("x = '%s' % a\n", "percent_format", id="percent"),
    pytest.param("x = ('%s' ' and %s') % (a, b)\n", "percent_format", id="percent-concatenated"),
    pytest.param("x = '{}'.format(a)\n", "format_calls", id="format"),
    pytest.param("@dataclass\nclass A: pass\n", "dataclasses", id="dataclass"),
    pytest.param(
        "@dataclasses.dataclass(frozen=True)\nclass A: pass\n", "dataclasses", id="dataclass-call",
    ),
    pytest.param("import attr\n@attr.s\nclass A: pass\n", "attrs", id="attr-s"),
    pytest.param("from attrs import define\n@define\nclass A: pass\n", "attrs", id="attrs-define"),
    pytest.param("class A(pydantic.BaseModel): pass\n", "pydantic_models", id="pydantic"),
    pytest.param("from pathlib import Path\np = Path('a') / 'b'\n", "pathlib", id="path"),
    pytest.param("from pathlib import Path as P\np = P.home()\n", "pathlib", id="path-alias"),
    pytest.param("p = pathlib.Path.home()\n", "pathlib", id="pathlib-home"),
    pytest.param("p = os.path.join(a, b)\n", "os_path", id="os-path"),
    pytest.param("from os.path import join\np = join(a, b)\n", "os_path", id="os-path-import"),
    pytest.param("from os import path\np = path.exists(a)\n", "os_path", id="os-import-path"),
    pytest.param("x = {k: v for k, v in d}\n", "comprehensions", id="dict-comprehension"),
    pytest.param("x = sum(v for v in d)\n", "generator_expressions", id="generator"),
    pytest.param("with open(p) as f: pass\n", "with_statements", id="with"),
    pytest.param("async def f():\n    async with l: pass\n", "with_statements", id="async-with"),
    pytest.param("logger.info('sent %d', n)\n", "logging_calls", id="logger"),
    pytest.param("self.log.warning('x')\n", "logging_calls", id="self-log"),
    pytest.param("def f():\n    print('x')\n", "print_calls", id="print"),
    pytest.param("if (n := len(a)) > 3: pass\n", "walrus", id="walrus"),
])
def test_each_idiom_is_counted_with_its_line(source: str, idiom: str) -> None:
    """Each idiom is counted once, and its location is evidence."""
    signal = signal_of(Repo.from_files({"pkg/mod.py": source}), "idioms")
    assert signal.details[idiom] == 1
    assert signal.details["examples"][idiom] == [f"pkg/mod.py:{source.count(chr(10))}"]  # type: ignore[index]


@pytest.mark.parametrize("source", [
    pytest.param("x = f'plain'\n", id="f-string-without-placeholder"),
    pytest.param("x = n % 3\n", id="arithmetic-modulo"),
    pytest.param("x = b'%s' % data\n", id="bytes-formatting"),
    pytest.param("x = template.format(a)\n", id="format-on-a-variable"),
    pytest.param("logging.getLogger(__name__)\n", id="getlogger-is-not-a-call-to-log"),
    pytest.param("@define\nclass A: pass\n", id="define-without-attrs-import"),
    pytest.param("from fastapi import Path\nasync def read(id: int = Path(..., gt=0)): ...\n",
                 id="fastapi-path-parameter-is-not-pathlib"),
])
def test_lookalikes_are_not_counted(source: str) -> None:
    """Arithmetic, bytes, templates and unrelated names are not idioms."""
    details = signal_of(Repo.from_files({"pkg/mod.py": source}), "idioms").details
    idioms = ("f_strings", "percent_format", "format_calls", "logging_calls", "attrs", "pathlib")
    assert [details[idiom] for idiom in idioms] == [0] * len(idioms)


def test_value_is_the_f_string_share_of_formatting() -> None:
    """Two f-strings, one % and one .format: half the formatting uses f-strings."""
    source = "a = f'{x}'\nb = f'{y}!'\nc = '%d' % z\nd = '{}'.format(w)\n"
    signal = signal_of(Repo.from_files({"m.py": source}), "idioms")
    assert signal.value == 0.5
    assert signal.evidence[:3] == (Location("m.py", 1), Location("m.py", 3), Location("m.py", 4))


def test_no_formatting_is_not_applicable() -> None:
    """Code that formats no strings gets no value rather than zero."""
    assert signal_of(Repo.from_files({"m.py": "x = 1\n"}), "idioms").value is None


@pytest.mark.parametrize(("path", "source", "prints"), [
    pytest.param("pkg/core.py", "def f():\n    print('x')\n", 1, id="library"),
    pytest.param("data/shakespeare/prepare.py", "import os\nfor n in range(3):\n    print(n)\n",
                 0, id="top-level-loop-makes-a-script"),
    pytest.param("pkg/load.py", "rows = read()\nprint(len(rows))\n", 0,
                 id="top-level-print-makes-a-script"),
    pytest.param("pkg/__main__.py", "print('x')\n", 0, id="dunder-main"),
    pytest.param("scripts/run.py", "print('x')\n", 0, id="scripts-folder"),
    pytest.param(
        "tool.py", "def main():\n    print('x')\nif __name__ == '__main__':\n    main()\n", 0,
        id="main-guard",
    ),
    pytest.param("tests/test_core.py", "print('x')\n", 0, id="test-file"),
    pytest.param("rename.py", "print('x')\n", 0, id="top-level-file"),
])
def test_print_counts_only_in_library_code(path: str, source: str, prints: int) -> None:
    """Scripts and tests may print; only library modules are counted."""
    assert signal_of(Repo.from_files({path: source}), "idioms").details["print_calls"] == prints


def test_test_code_and_test_data_are_not_counted() -> None:
    """Idioms are measured in production code only."""
    repo = Repo.from_files({"tests/test_a.py": "x = f'{a}'\n", "tests/data/s.py": "'%s' % a\n"})
    assert signal_of(repo, "idioms").value is None


def test_notebook_idioms_are_counted_apart() -> None:
    """Notebook code is measured under in_notebooks and leaves the value alone."""
    repo = Repo.from_files({"n.ipynb": notebook("print(f'{x}')\n", "y = '%d' % 3\n")})
    signal = signal_of(repo, "idioms")
    assert signal.value is None
    in_notebooks = signal.details["in_notebooks"]
    assert isinstance(in_notebooks, dict)
    assert (in_notebooks["f_strings"], in_notebooks["percent_format"]) == (1, 1)


@pytest.mark.parametrize(("source", "messages"), [
    pytest.param("x = f'{a}'\n" * 5, ["Formats strings with f-strings (100%)."], id="green"),
    pytest.param(
        "x = '%s' % a\n" * 10, ["Mostly old-style string formatting: 10 % or .format uses."],
        id="old-formatting",
    ),
    pytest.param(
        "def f(a):\n" + "    print(a)\n" * 5, ["Library code reports with print(), not logging."],
        id="print",
    ),
    pytest.param("x = '%s' % a\nprint(a)\n", [], id="too-little-to-say"),
])
def test_rubric_flags(source: str, messages: list[str]) -> None:
    """The rubric flags clear f-string use, mostly old formatting, and print-only libraries."""
    signal = signal_of(Repo.from_files({"pkg/core.py": source}), "idioms")
    assert [flag.message for flag in rules()["idioms"].flags(signal)] == messages


def test_every_occurrence_counts_and_the_first_three_are_examples() -> None:
    """Lines past the third are not worked out (the walk only counts them), yet counted."""
    source = "x = [\n    f'{a}', f'{b}',\n    f'{c}',\n    f'{d}',\n    f'{e}',\n]\ny = f'{g}'\n"
    signal = signal_of(Repo.from_files({"pkg/mod.py": source}), "idioms")
    assert signal.details["f_strings"] == 6
    assert signal.details["examples"]["f_strings"] == [  # type: ignore[index]
        "pkg/mod.py:2", "pkg/mod.py:2", "pkg/mod.py:3"]
