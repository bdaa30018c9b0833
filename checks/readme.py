"""The README: whether the project explains itself, and how much it says.

## What it measures
The number of words in the README at the top of the repository (`README`,
`README.md`, `readme.rst`, `README.txt`... in any case; else `.github/README.md`);
0 when there is none. Words in any language count; in Chinese and Japanese,
written without spaces, each character counts as a word. URLs and HTML tags do
not count. Details: the usual sections found by their headings (installation,
usage, examples, license, contributing, tests; in English and several other
languages), fenced or RST code blocks, status badges, other images, and `stub`:
true under 30 words.

## Why it matters
A README is the first thing a reviewer, a colleague or a user reads. Hiring
guides list "no README files or documentation" as a portfolio red flag.

## Example
A README.md with a description, an "Installation" heading with a code block and
a "Usage" example runs to a few hundred words, sections installation and usage.

## Caveats
Length is not quality: a long README can be a pasted template, and a short one
can be enough for a small tool. Section names are matched on headings only.
"""

import re

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal
from checks._markup import code_blocks, count_words, images, sections

STUB_WORDS = 30
_README = re.compile(r"^readme(?:[._-][\w-]+)?(?:\.(?:md|markdown|rst|txt|adoc|org|textile))?$",
                     re.IGNORECASE)  # README.md, readme.rst, README_zh-CN.md, README


def _rank(path: str) -> tuple[bool, bool, int, str]:
    return ("/" in path, not path.lower().endswith((".md", ".rst")), len(path), path)


class Readme(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        found = [
            p for p in corpus.repo.files
            if _README.match(p.removeprefix(".github/")) and p.count("/") <= 1
        ]
        if not found:
            return cls.signal(0, "No README at the top of the repository.", path=None, stub=None)
        path = min(found, key=_rank)
        text = corpus.repo.text(path)
        words = count_words(text)
        found_sections = sections(text)
        badges, pictures = images(text)
        stub = words < STUB_WORDS
        evidence = (Location(path, 1), *(Location(path, n) for n in found_sections.values()))
        listed = ", ".join(found_sections) or "none of the usual ones"
        summary = f"{path} has {words:,} words; sections: {listed}."
        if stub:
            summary = f"{path} is a stub: only {words:,} words."
        return cls.signal(
            words, summary, evidence=tuple(sorted(set(evidence))), path=path,
            sections=list(found_sections), code_blocks=code_blocks(text), badges=badges,
            images=pictures, stub=stub,
        )
