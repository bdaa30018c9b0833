"""Winnowing: what is normalised away, and the guarantee that long shared runs are found."""

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.originality.winnow import K, Token, W, fingerprints, kgram_hashes, tokens, winnow

ORIGINAL = '''\
import os
from pathlib import Path


def total_size(folder):
    """Sum the sizes of the files in folder."""
    size = 0  # bytes
    for name in os.listdir(folder):
        size += Path(folder, name).stat().st_size
    return size
'''
DISGUISED = '''\
import sys


def du(d):
    s = 0
    for n in os.listdir(
        d,
    ):
        s += Path(d, n).stat().st_size   # counts
    return s
'''


def test_names_literals_comments_docstrings_imports_and_layout_are_normalised() -> None:
    """Renamed, re-wrapped, re-commented copies with other imports give the same fingerprints."""
    assert [t.text for t in tokens(ORIGINAL)] == [t.text for t in tokens(DISGUISED)]
    assert [f.hash for f in fingerprints(ORIGINAL)] == [f.hash for f in fingerprints(DISGUISED)]


def test_fingerprints_keep_the_lines_they_span() -> None:
    found = fingerprints(ORIGINAL)
    assert found and all(5 <= f.first <= f.last <= 10 for f in found)
    assert min(f.first for f in found) == 5  # the def line: imports and docstring are gone


def test_a_different_program_shares_nothing() -> None:
    other = "def f(a, b):\n    while a:\n        a, b = b % a, a\n    return b\n" * 3
    assert not {f.hash for f in fingerprints(ORIGINAL)} & {f.hash for f in fingerprints(other)}


def test_a_file_shorter_than_one_window_still_has_a_fingerprint() -> None:
    assert len(fingerprints("x = compute(a, b, c) + other(d, e[0], f.g)\n")) == 1


def test_broken_source_keeps_the_fingerprints_before_the_error() -> None:
    assert fingerprints(ORIGINAL + "def broken(:\n    '''unterminated\n")


ALPHABET = ["N", "0", "S", "[", "]", "=", ".", ",", "\n", "INDENT", "DEDENT", "if", "return", "+"]
runs = st.lists(st.sampled_from(ALPHABET), min_size=K + W - 1, max_size=K + W + 30)
noise = st.lists(st.sampled_from(ALPHABET), max_size=60)


def _hashes(texts: list[str]) -> set[int]:
    stream = [Token(text, line) for line, text in enumerate(texts, 1)]
    hashes = kgram_hashes(stream)
    return {hashes[i] for i in winnow(hashes)}


@settings(max_examples=300, deadline=None)
@given(shared=runs, a_before=noise, a_after=noise, b_before=noise, b_after=noise)
def test_any_shared_run_of_k_plus_w_minus_1_tokens_shares_a_fingerprint(
    shared: list[str], a_before: list[str], a_after: list[str],
    b_before: list[str], b_after: list[str],
) -> None:
    """Winnowing's guarantee: a window lies wholly inside the shared run, so does its minimum."""
    assert _hashes(a_before + shared + a_after) & _hashes(b_before + shared + b_after)
