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
from typing import TypedDict, cast

from analyzer.api import (
    Example,
    Flag,
    Fold,
    Level,
    Location,
    RepoCheck,
    Rule,
    Signal,
    flag,
    saturate,
    value,
)
from checks.readme._markup import code_blocks, count_words, images, sections

STUB_WORDS = 30
_README = re.compile(r"^readme(?:[._-][\w-]+)?(?:\.(?:md|markdown|rst|txt|adoc|org|textile))?$",
                     re.IGNORECASE)  # README.md, readme.rst, README_zh-CN.md, README


class Details(TypedDict, total=False):
    path: str | None
    sections: list[str]
    code_blocks: int
    badges: int
    images: int
    stub: bool | None


def _flags(signal: Signal) -> list[Flag]:
    if not signal.value:
        return flag(
            Level.RED, "No README.", "Some people document elsewhere (a wiki, a site).",
            "How would a new colleague learn to run this project?",
        )(signal)
    if cast("Details", signal.details).get("stub", value(signal) < STUB_WORDS):
        return flag(
            Level.YELLOW, "README is a stub (under 30 words).",
            "A small tool may need little explanation.",
            "How would someone install and use this?",
        )(signal)
    return []


def _rank(path: str) -> tuple[bool, bool, int, str]:
    return ("/" in path, not path.lower().endswith((".md", ".rst")), len(path), path)


class Readme(RepoCheck):
    rule = Rule(15, saturate(150), _flags)
    examples = (
        Example({"README.md": "# Tool\n\n## Usage\n\nRun it.\n"}, 4, ("README.md:1",
                                                                       "README.md:3")),
        Example({"docs/README.md": "Many words here.\n"}, 0, (), note="only the top level"),
        Example({"readme.rst": "Hello world\n", "README.md": "Hi\n"}, 1, ("README.md:1",),
                note="Markdown first, then the shortest path"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        found = [
            p for p in fold.repo.files
            if _README.match(p.removeprefix(".github/")) and p.count("/") <= 1
        ]
        if not found:
            return cls.signal(0, "No README at the top of the repository.", path=None, stub=None)
        path = min(found, key=_rank)
        text = fold.repo.text(path)
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
