"""Committed clutter: virtualenvs, bytecode, build output, and secrets in .env files.

## What it measures
The number of hygiene problems in what the repository holds (for a git
repository: what is committed). Each of these is one problem: a committed
virtualenv (`venv/`, `.venv/`, or any folder with a `pyvenv.cfg`), installed
packages (`site-packages`), a `__pycache__` tree, loose `.pyc` files, build
output (`build/`, `dist/`, `*.egg-info`), `node_modules`, a tool cache
(`.tox`, `.mypy_cache`...), and each `.env` file holding secret-looking values.
For a secret only the path, line and variable name are reported, never the value.
Vendored third-party code (`vendor/`, `third_party/`) is not a problem. All these
trees are already left out of every other figure. Test data (`fixtures/`,
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

from pathlib import PurePosixPath

from analyzer.check import Check, Corpus
from analyzer.model import Location, Signal
from analyzer.paths import Role, TreeKind, kind_of_reason
from checks._secrets import is_env_file, secret_lines


class Hygiene(Check[None]):
    @classmethod
    def result(cls, corpus: Corpus) -> Signal:
        repo = corpus.repo

        def own(path: str) -> bool:  # sample repositories inside fixtures/ are test data
            return repo.role(path) is not Role.TEST_DATA

        trees = {
            path: kind for path, reason in repo.excluded.items()
            if (kind := kind_of_reason(reason)) not in (None, TreeKind.VENDORED) and own(path)
        }
        bytecode = [
            path for path in repo.excluded if own(path)
            and PurePosixPath(path).suffix in {".pyc", ".pyo"} and not path.endswith("/")
        ]
        secrets = [
            (path, line, key) for path in repo.files if is_env_file(path) and own(path)
            for line, key in secret_lines(repo.text(path))
        ]
        env_files = sorted({path for path, _, _ in secrets})
        problems = len(trees) + bool(bytecode) + len(env_files)
        evidence = (
            *(Location(path, line) for path, line, _ in secrets),
            *(Location(path) for path in trees), *(Location(p) for p in bytecode[:5]),
        )
        found = [f"{kind} {path}" for path, kind in trees.items()]
        if bytecode:
            found.append(f"{len(bytecode)} loose bytecode file(s)")
        found.extend(f"secret-looking values in {path}" for path in env_files)
        summary = (f"{problems} hygiene problem(s): {'; '.join(found)}." if problems
                   else "No committed virtualenvs, bytecode, build output or secrets.")
        return cls.signal(
            problems, summary, evidence=evidence,
            trees={path: str(kind) for path, kind in trees.items()},
            bytecode_files=len(bytecode),
            secrets=[{"path": p, "line": line, "variable": key} for p, line, key in secrets],
        )
