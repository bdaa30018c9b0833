"""The web API the code defines: routes and methods, request/response models, auth, pagination.

## What it measures
Routes in Django/DRF, FastAPI, Flask and Starlette code (route decorators with
their HTTP methods, DRF `api_view`s, view sets and class-based views), and the
design around them: request/response models (pydantic models, serializers,
`response_model=`), authentication (`OAuth2PasswordBearer`, `permission_classes`,
`login_required`), pagination (pagination classes, `limit`/`offset` parameters)
and an OpenAPI description. The value is the number of routes.

## Why it matters
Backend work is API design. Typed request and response models, authentication
and pagination show an API meant for real clients, not a tutorial's hello-world.

## Example
`@app.get("/orders", response_model=list[OrderOut])` taking `offset` and `limit`,
and `@app.post` depending on `OAuth2PasswordBearer`: 2 routes (GET, POST) with
models, auth and pagination.

## Caveats
Weighted only in the backend rubric. Auth often lives in middleware, a gateway or
settings this does not read, so "no auth found" is a question, not a finding.
Routes registered in URL configuration only (`path(...)`) are not counted.
"""

from __future__ import annotations

from typing import TypedDict, cast

import libcst as cst

from analyzer.api import Example, FileCheck, Flag, Fold, Level, Marks, Rule, Signal, saturate
from checks.api_design import _web
from checks.api_design._web import AUTH, OPENAPI, PAGE_PARAMS, PAGINATION, route_methods

PRACTICES = ("model", "auth", "pagination", "openapi")
_NAMES = (("auth", AUTH), ("pagination", PAGINATION), ("openapi", OPENAPI),
          ("model", {"response_model"}))
_PRACTICES_OF = {name: tuple(p for p, names in _NAMES if name in names)
                 for _, names in _NAMES for name in names}


class Details(TypedDict):
    methods: dict[str, int]
    practices: dict[str, int]  # practice -> files it appears in


def _flags(signal: Signal) -> list[Flag]:
    practices = cast("Details", signal.details)["practices"]
    if all(practices.values()):
        return [Flag(Level.GREEN, signal.check, "API with models, auth, pagination and OpenAPI.")]
    if (signal.value or 0) >= 3 and not practices["auth"]:
        return [Flag(Level.YELLOW, signal.check, "No authentication found around the routes.",
                     "Auth may live in middleware, a gateway or settings.",
                     "Who may call these endpoints, and where is that enforced?")]
    return []


class ApiDesign(_web.WebImports, FileCheck[Marks]):
    rule = Rule(0, saturate(5), _flags)  # weighted only by the backend rubric
    examples = (
        Example({"a.py": "@app.get('/a')\ndef a(): ...\n@app.route('/b', methods=['POST'])\n"
                         "def b(): ...\n"}, 2, ("a.py:1", "a.py:3")),
        Example({"a.py": "@property\ndef a(self): ...\n"}, None, note="no routes"),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        for decorator in node.decorators:
            methods = route_methods(decorator)
            if methods is not None:
                self.mark("route", decorator)
                for method in methods:
                    self.mark(f"method:{method}", decorator)
                names = {p.name.value for p in (*node.params.params, *node.params.kwonly_params)}
                if names & PAGE_PARAMS:
                    self.mark("pagination", node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = _web.base_names(node, self.imported, self.star)
        if bases & _web.VIEW_BASES:
            self.mark("route", node)
            self.mark("method:VIEW", node)
        if bases & _web.MODEL_BASES:
            self.mark("model", node)

    def visit_Name(self, node: cst.Name) -> None:  # every name of the file: one lookup
        for practice in _PRACTICES_OF.get(node.value, ()):
            self.mark(practice, node)

    @classmethod
    def result(cls, fold: Fold[Marks]) -> Signal:
        routes = fold.count("route")
        if not routes:
            return cls.signal(None, "No web API routes in production code.")
        methods = {m: fold.count(f"method:{m}") for m in
                   ("GET", "POST", "PUT", "PATCH", "DELETE", "VIEW")}
        methods = {m: n for m, n in methods.items() if n}
        practices = {p: fold.files_with(p) for p in PRACTICES}
        shown = ", ".join(f"{n} {m}" for m, n in methods.items())
        has = [p for p in PRACTICES if practices[p]]
        summary = (f"{routes} route(s) in {fold.files_with('route')} file(s) ({shown}); "
                   f"{'with ' + ', '.join(has) if has else 'no models, auth or pagination'}.")
        evidence = tuple(dict.fromkeys(fold.evidence("route", limit=5) + tuple(
            loc for p in PRACTICES for loc in fold.evidence(p, limit=1))))
        return cls.signal(routes, summary, evidence=evidence,
                          **Details(methods=methods, practices=practices))
