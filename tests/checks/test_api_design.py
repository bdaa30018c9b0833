import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of


@pytest.mark.parametrize(("source", "methods"), [
    pytest.param("@app.get('/a')\ndef a(): ...\n", {"GET": 1}, id="fastapi"),
    pytest.param("@router.delete('/a/{i}')\nasync def a(i: int): ...\n", {"DELETE": 1},
                 id="router"),
    pytest.param("@bp.route('/a', methods=['GET', 'POST'])\ndef a(): ...\n",
                 {"GET": 1, "POST": 1}, id="flask-methods"),
    pytest.param("@app.route('/a')\ndef a(): ...\n", {"GET": 1}, id="flask-default"),
    pytest.param("@api_view(['POST'])\ndef a(request): ...\n", {"POST": 1}, id="drf"),
    pytest.param("from rest_framework import viewsets\nclass A(viewsets.ModelViewSet):\n    pass\n",
                 {"VIEW": 1}, id="viewset"),
    pytest.param("from django.views.generic import *\nclass A(ListView):\n    pass\n",
                 {"VIEW": 1}, id="star-imported-django-view"),
])
def test_routes_and_their_methods(source: str, methods: dict[str, int]) -> None:
    signal = signal_of(Repo.from_files({"api.py": source}), "api_design")
    assert signal.value == 1
    assert signal.details["methods"] == methods
    lines = enumerate(source.splitlines(), 1)
    route = next(n for n, line in lines if line.startswith(("@", "class")))
    assert signal.evidence[0] == Location("api.py", route)


def test_design_practices_are_found() -> None:
    source = (
        "oauth = OAuth2PasswordBearer(tokenUrl='t')\napp = FastAPI()\n"
        "class Item(BaseModel):\n    name: str\n"
        "@app.get('/items', response_model=list[Item])\n"
        "def items(limit: int = 10, token: str = Depends(oauth)): ...\n"
    )
    details = signal_of(Repo.from_files({"api.py": source}), "api_design").details
    assert details["practices"] == {"model": 1, "auth": 1, "pagination": 1, "openapi": 1}


def test_routes_without_auth_are_a_question() -> None:
    from analyzer.score import score  # noqa: PLC0415

    source = "".join(f"@app.post('/{n}')\ndef f{n}(): ...\n" for n in range(3))
    signal = signal_of(Repo.from_files({"api.py": source}), "api_design")
    [flag] = score([signal]).flags
    assert flag.message == "No authentication found around the routes."


def test_other_decorators_are_not_routes() -> None:
    source = "@functools.cache\ndef a(): ...\n@get\ndef c(): ...\n@app.getter\ndef d(): ...\n"
    assert signal_of(Repo.from_files({"a.py": source}), "api_design").value is None


def test_tests_do_not_count() -> None:
    repo = Repo.from_files({"tests/test_api.py": "@app.get('/a')\ndef a(): ...\n"})
    assert signal_of(repo, "api_design").value is None


def test_a_class_named_like_a_framework_view_is_not_a_route() -> None:
    """pallets/flask's own `class MethodView(View)` (View defined in the same file) was a route."""
    source = "class View:\n    pass\nclass MethodView(View):\n    pass\n"
    assert signal_of(Repo.from_files({"src/views.py": source}), "api_design").value is None
