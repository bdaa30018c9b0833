"""Code copied from well-known tutorials, courses and starter projects.

## What it measures
The share of the candidate's code lines that match each source in modernity's
corpus of tutorials, courses and starters (Django's polls, Flask's flaskr,
FastAPI's documentation apps, the Udemy FastAPI course's Todo app, the Flask
Mega-Tutorial, Corey Schafer's blogs, 100 Days of Code projects, CS50,
Kaggle's Titanic, cookiecutter templates...; `modernity corpus list`), plus
your own (`modernity corpus add`). Matching uses token fingerprints (winnowing,
as MOSS does), so renamed variables, deleted comments, reordered functions and
reformatting do not hide a copy. Distinctive strings (a course's secret key,
an API URL) are matched too. The value is the highest coverage (0 to 1);
each source's coverage, longest shared fragment and line ranges on both sides
are in the details.

## Why it matters
Hiring guides warn against portfolios made of copied tutorial or bootcamp
projects: following a tutorial shows the candidate learned, not that they can
design something of their own.

## Example
A repository whose routers match 84% of the Udemy FastAPI course's Todo app
lines is flagged red, naming the course and the matching line ranges.

A repository whose git history holds a source's first commit is that source's
own repository or a fork of it, not a re-typed copy: it is not counted as a
copy; the details (`lineage`) give the commits beyond the source's history and
who wrote them. Nothing beyond it is flagged yellow (only the source's authors
can claim the code; with `--author` naming one of them, no flag; naming someone
with no commit in it, red). Sources matching 5% to 20% (20 lines or more) with
nothing distinctive shared are listed under `partial`, not called a copy.

## Caveats
Everyone starts with tutorials; a tutorial app extended far beyond the original
is real work, and the coverage shows how far. Only product code counts: tests,
migrations, framework-generated files and `examples/` or `docs/` folders are
left out. Red at 50% coverage or more, yellow from 20% or when a source's secret
key, token or API URL appears.
"""

from functools import cache
from typing import TYPE_CHECKING

from analyzer.api import Example, FileCheck, Fold, Rule, Signal, value
from analyzer.originality.shape import Shape, product_shape, repo_shapes, wanted
from checks.tutorial_code._report import flags

if TYPE_CHECKING:
    from analyzer.originality.match import Index


@cache
def _index(user_corpus: str) -> "Index":
    from analyzer.originality.corpus import all_entries  # noqa: PLC0415  (folds only: see below)
    from analyzer.originality.match import Index  # noqa: PLC0415

    return Index(all_entries())


def _user_corpus() -> str:
    """The corpus and its index are the fold's: the workers' fork server never loads them."""
    from analyzer.originality.corpus import user_corpus_path  # noqa: PLC0415

    return str(user_corpus_path())


class TutorialCode(FileCheck[Shape | None]):
    # All the credit at 0% coverage of the closest source, none at 50% (where it turns red).
    rule = Rule(5, lambda s: max(0.0, 1 - value(s) / 0.5), flags)
    examples = (
        Example({"app.py": "print('hello')\n"}, 0.0, note="nothing to fingerprint"),
        Example({"tests/test_app.py": "def test_x():\n    assert 1 + 1 == 2, 'math'\n"}, 0.0,
                note="tests are not product code"),
    )

    def observe(self) -> Shape | None:
        # In the worker that parsed the file, from the guard's tokens, and cached with it;
        # files the engine could not parse are shaped in ``result``, as before.
        path, role, tokens = self.source.path, self.source.role, self.source.tokens
        if not wanted(path, role):
            return None
        return product_shape(path, role, self.source.text, tokens.items if tokens else None)

    @classmethod
    def prepare_fold(cls) -> None:
        super().prepare_fold()
        _index(_user_corpus())

    @classmethod
    def result(cls, fold: Fold[Shape | None]) -> Signal:
        shapes = repo_shapes(fold.repo, fold.files)
        total = sum(len(shape.lines) for shape in shapes.values())
        from checks.tutorial_code._found import sort  # noqa: PLC0415  (folds only)

        found = sort(fold.repo, _index(_user_corpus()).matches(shapes), total)
        return cls.signal(found.top(), found.summary(), evidence=found.evidence(),
                          details=found.details())
