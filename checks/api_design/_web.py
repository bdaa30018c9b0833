"""Recognising web API code by name: routes and their HTTP methods, models, auth, pagination."""

from __future__ import annotations

import libcst as cst

from analyzer.api import dotted

VERBS = {"get", "post", "put", "patch", "delete", "head", "options"}
ROUTE_CALLS = VERBS | {"route", "api_route", "websocket"}
VIEW_BASES = {"ViewSet", "ModelViewSet", "ReadOnlyModelViewSet", "GenericViewSet", "APIView",
              "GenericAPIView", "ListAPIView", "ListCreateAPIView", "RetrieveAPIView",
              "RetrieveUpdateDestroyAPIView", "CreateAPIView", "View", "MethodView",
              "HTTPEndpoint", "Controller"}
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


def base_names(node: cst.ClassDef) -> set[str]:
    return {dotted(base.value).rsplit(".", 1)[-1] for base in node.bases}
