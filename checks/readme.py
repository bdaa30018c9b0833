"""The README: whether the project explains itself, and how much it says.

## What it measures
The number of words in the README at the top of the repository (`README`,
`README.md`, `readme.rst`, `README.txt`... in any case); 0 when there is none.

## Why it matters
A README is the first thing a reviewer, a colleague or a user reads. Hiring
guides list "no README files or documentation" as a portfolio red flag.

## Example
A README.md with a description, install steps and a usage example runs to a few
hundred words.

## Caveats
Length is not quality: a long README can be a pasted template, and a short one
can be enough for a small tool. Words in any language count.
"""

import re

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal

_WORD = re.compile(r"\w+")
_NAMES = ("readme", "readme.md", "readme.rst", "readme.txt", "readme.markdown", "readme.adoc")


class Readme(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        found = corpus.repo.find(*_NAMES)
        if not found:
            return cls.signal(0, "No README at the top of the repository.", path=None)
        path = min(found, key=lambda p: (not p.lower().endswith(".md"), len(p), p))
        words = len(_WORD.findall(corpus.repo.text(path)))
        return cls.signal(
            words, f"{path} has {words:,} words.", evidence=(Location(path, 1),), path=path
        )
