"""Recognising web API code by name: routes and their HTTP methods, models, auth, pagination."""

from __future__ import annotations

import libcst as cst

from analyzer.api import Marks, SourceFile, dotted
from analyzer.check import Check

VERBS = {"get", "post", "put", "patch", "delete", "head", "options"}
ROUTE_CALLS = VERBS | {"route", "api_route", "websocket"}
VIEW_BASES = {"ViewSet", "ModelViewSet", "ReadOnlyModelViewSet", "GenericViewSet", "APIView",
              "GenericAPIView", "ListAPIView", "ListCreateAPIView", "RetrieveAPIView",
              "RetrieveUpdateDestroyAPIView", "CreateAPIView", "View", "MethodView",
              "HTTPEndpoint", "Controller", "TemplateView", "ListView", "DetailView", "CreateView",
              "UpdateView", "DeleteView", "FormView", "RedirectView"}
MODEL_BASES = {"BaseModel", "Serializer", "ModelSerializer", "HyperlinkedModelSerializer",
               "Schema", "SQLModel", "Struct"}
AUTH = {"OAuth2PasswordBearer", "HTTPBearer", "HTTPBasic", "APIKeyHeader", "Security",
        "permission_classes", "authentication_classes", "IsAuthenticated",
        "IsAuthenticatedOrReadOnly", "login_required", "permission_required", "jwt_required",
        "LoginRequiredMixin", "PermissionRequiredMixin", "requires_auth", "auth_required"}
PAGINATION = {"pagination_class", "PageNumberPagination", "LimitOffsetPagination",
              "CursorPagination", "Paginator", "paginate", "DEFAULT_PAGINATION_CLASS"}
PAGE_PARAMS = {"limit", "offset", "page", "page_size", "per_page", "cursor"}
OPENAPI = {"FastAPI", "get_schema_view", "SpectacularAPIView", "drf_spectacular", "OpenAPI",
           "swagger_auto_schema", "extend_schema", "APISpec"}


def _strings(node: cst.BaseExpression) -> list[str]:
    if isinstance(node, cst.List | cst.Tuple | cst.Set):
        return [e.value.evaluated_value.upper() for e in node.elements
                if isinstance(e.value, cst.SimpleString)
                and isinstance(e.value.evaluated_value, str)]
    return []


def route_methods(decorator: cst.Decorator) -> list[str] | None:
    """The HTTP methods a decorator routes (``@app.get`` -> GET), or None if not a route."""
    node = decorator.decorator
    call = node if isinstance(node, cst.Call) else None
    func = call.func if call else node
    name = dotted(func)
    last = name.rsplit(".", 1)[-1]
    if last == "api_view":
        return (_strings(call.args[0].value) if call and call.args else []) or ["GET"]
    if "." not in name or last not in ROUTE_CALLS:
        return None
    if last in VERBS:
        return [last.upper()]
    methods = [_strings(a.value) for a in (call.args if call else ())
               if isinstance(a.keyword, cst.Name) and a.keyword.value == "methods"]
    return methods[0] if methods and methods[0] else ["GET"]


# Where view and model base classes come from: a base of the same name defined by the project
# (flask's own `class MethodView(View)`) is not a framework view.
WEB_MODULES = ("django", "rest_framework", "flask", "starlette", "fastapi", "aiohttp", "tornado",
               "sanic", "falcon", "pyramid", "litestar", "quart", "ninja", "pydantic",
               "marshmallow", "sqlmodel", "msgspec")


def from_web(module: str) -> bool:
    return module.split(".", 1)[0] in WEB_MODULES


def base_names(node: cst.ClassDef, imported: dict[str, str], star: bool) -> set[str]:
    """The last names of the bases that come from a web framework: imported from one
    (``APIView``, ``generic.ListView``) or, after a star import from one, any base."""
    found = set()
    for base in node.bases:
        name = dotted(base.value)
        head = name.split(".", 1)[0]
        if from_web(imported.get(head, "")) or (star and head not in imported):
            found.add(name.rsplit(".", 1)[-1])
    return found


class WebImports(Check[Marks]):
    """Where each name of the file was imported from, to tell framework bases from own ones."""

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.imported: dict[str, str] = {}  # local name -> module it came from
        self.star = False  # `from rest_framework.views import *`

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            module = dotted(alias.name)
            local = dotted(alias.asname.name) if alias.asname else module.split(".", 1)[0]
            self.imported[local] = module

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        module = dotted(node.module) if node.module and not node.relative else ""
        if isinstance(node.names, cst.ImportStar):
            self.star = self.star or from_web(module)
            return
        for alias in node.names:
            local = alias.asname.name if alias.asname else alias.name
            self.imported[dotted(local)] = module
