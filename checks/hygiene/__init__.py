"""Committed clutter: virtualenvs, bytecode, binaries, build output, and committed secrets.

## What it measures
The number of hygiene problems in what the repository holds (for a git
repository: what is committed). Each of these is one problem: a committed
virtualenv (`venv/`, `.venv/`, or any folder with a `pyvenv.cfg`), installed
packages (`site-packages`), a `__pycache__` tree, loose `.pyc` files, build
output (`build/`, `dist/`, `*.egg-info`), `node_modules`, a tool cache
(`.tox`, `.mypy_cache`...), editor files (`.idea/`, Jupyter's `.ipynb_checkpoints/`
copies; one problem however many folders), committed binaries (`.so`, `.pyd`,
`.whl`, `.zip`, `.db`/`.sqlite`, `.DS_Store`: one problem), and each `.env` file
holding secret-looking values, and each source file (production, examples,
notebooks; not tests) with a known key format (AWS, GitHub, Slack, Stripe, Google,
private keys) or a random-looking literal assigned to a secret name
(`SECRET_KEY = '197b…'`; placeholders such as `changethis` are not secrets). For a
secret only the path, line and variable name are reported, never the value.
Third-party code copied in (recognised by content: its own licence or `PKG-INFO`,
a `*.dist-info` record, compiled modules beside its sources, a `__version__`, a
well-known import name) is not counted as a problem but is flagged and listed
with the reason. All these trees are already left out of
every other figure. Test data (`fixtures/`,
`tests/data/`...) is not looked at: sample repositories may hold such clutter on purpose.

## Why it matters
A `.gitignore` that keeps environments and build output out of history is basic
craft; a committed password is a security incident waiting to happen.

## Example
A repository with `.venv/` (300 files) and a `.env` whose line 3 sets
`STRIPE_SECRET=...` has 2 problems; the evidence is `.venv/` and `.env:3`.

## Caveats
Beginners often commit a virtualenv once by accident; ask whether they know
why it matters. A secret-looking value may be a harmless local default.
"""

from analyzer.api import Example, FileCheck, Fold, Rule, Signal, value
from checks.hygiene._clutter import SOURCE_ROLES, Found, clutter
from checks.hygiene._flags import flags
from checks.hygiene._secrets import source_secret_lines

# Built from parts, so this module holds no literal that looks like a live key.
_SECRET = "DEBUG=1\nSTRIPE_SECRET=" + "sk_" + "live_4eC39HqLyjWDarjtT1zdp7dc\n"


class Hygiene(FileCheck[Found | None]):
    rule = Rule(5, lambda s: max(0.0, 1 - value(s) / 2), flags)
    examples = (
        Example({".env": _SECRET, "a.py": ""}, 1, (".env:2",)),
        Example({".env.example": _SECRET}, 0, (), note="a template is not a secret"),
        Example({"fixtures/app/.env": _SECRET}, 0, (), note="test data is not looked at"),
    )

    def observe(self) -> Found | None:
        """Likely secrets in a source file, found in the worker and cached with the file."""
        if self.source.notebook or self.source.role not in SOURCE_ROLES:
            return None  # a notebook's lines are its JSON's: read in the fold
        return tuple(source_secret_lines(self.source.text))

    @classmethod
    def result(cls, fold: Fold[Found | None]) -> Signal:
        found = clutter(fold)
        return cls.signal(
            found.problems, found.summary(), evidence=found.evidence(),
            trees={path: str(kind) for path, kind in found.trees.items()},
            bytecode_files=len(found.bytecode), binaries=len(found.binaries),
            vendored=found.vendored,
            secrets=[{"path": p, "line": line, "variable": key} for p, line, key in found.secrets],
        )
