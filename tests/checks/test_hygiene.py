import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest

from analyzer.engine import run
from analyzer.model import Location, Signal
from analyzer.paths import TreeKind, tree_reason
from analyzer.registry import get_check
from analyzer.repo import Repo
from analyzer.rules import Level
from analyzer.walk import build_repo
from checks.hygiene import Hygiene, _secrets
from tests.conftest import signal_of
from tests.gitrepo import git, materialise

NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize(("kind", "problems"), [
    pytest.param(TreeKind.VIRTUALENV, 1, id="virtualenv"),
    pytest.param(TreeKind.BYTECODE, 1, id="pycache"),
    pytest.param(TreeKind.BUILD, 1, id="build-output"),
    pytest.param(TreeKind.NODE_MODULES, 1, id="node-modules"),
    pytest.param(TreeKind.VENDORED, 0, id="vendored-code-is-fine"),
])
def test_committed_trees_are_problems(kind: TreeKind, problems: int) -> None:
    """Environments, caches and build output are clutter; vendored libraries are not, but
    they are still shown (with a flag of their own) so the exclusion is visible."""
    repo = Repo.from_files({"app.py": "x = 1\n"}, excluded={"stuff/": tree_reason(kind, 40)})
    signal = signal_of(repo, "hygiene")
    assert signal.value == problems
    assert signal.evidence == (Location("stuff/"),)
    assert Hygiene.rule is not None
    vendored_flag = any("vendored" in f.message for f in Hygiene.rule.flags(signal))
    assert vendored_flag is (kind is TreeKind.VENDORED)


def test_loose_bytecode_files_are_one_problem() -> None:
    """Stray .pyc files count once, however many there are."""
    repo = Repo.from_files({}, excluded={"a.pyc": "binary", "b.pyc": "binary", "c.png": "binary"})
    signal = signal_of(repo, "hygiene")
    assert (signal.value, signal.details["bytecode_files"]) == (1, 2)


@pytest.mark.parametrize(("line", "flagged"), [
    pytest.param("DB_PASSWORD=q8Zt3vL0pW7xN2mR", True, id="named-secret"),
    pytest.param("export API_TOKEN='9f8e7d6c5b4a3f2e'", True, id="quoted-exported"),
    pytest.param("UPLOAD_URL=postgres://app:hunter2x@db/prod", True, id="credentials-in-url"),
    pytest.param("KEY_ID=AKIAABCDEFGHIJKLMNOP", True, id="aws-key-shape"),
    pytest.param("DB_PASSWORD=changeme", False, id="placeholder"),
    pytest.param("SECRET_KEY=${SECRET_KEY}", False, id="interpolated"),
    pytest.param("DB_PASSWORD=", False, id="empty"),
    pytest.param("DEBUG=1", False, id="not-a-secret"),
])
def test_secret_looking_values_in_env_files(line: str, flagged: bool) -> None:
    """Secret-looking values are reported by path, line and name, never by value."""
    signal = signal_of(Repo.from_files({".env": f"# settings\n{line}\n"}), "hygiene")
    assert signal.value == int(flagged)
    assert signal.evidence == ((Location(".env", 2),) if flagged else ())
    secret = line.partition("=")[2].strip("'")
    assert not flagged or secret not in signal.summary + repr(signal.details)


def test_test_data_is_not_the_candidates_clutter() -> None:
    """A sample repository under fixtures/ may hold a virtualenv or a .env on purpose."""
    repo = Repo.from_files(
        {"fixtures/demo/.env": "DB_PASSWORD=q8Zt3vL0pW7xN2mR\n"},
        excluded={"fixtures/demo/.venv/": tree_reason(TreeKind.VIRTUALENV, 30)},
    )
    assert signal_of(repo, "hygiene").value == 0


def test_env_templates_are_not_checked() -> None:
    """A .env.example documents variables; its values are meant to be read."""
    repo = Repo.from_files({".env.example": "DB_PASSWORD=q8Zt3vL0pW7xN2mR\n"})
    assert signal_of(repo, "hygiene").value == 0


def test_virtualenv_with_any_name_is_found_by_pyvenv_cfg(tmp_path: Path) -> None:
    """A folder holding pyvenv.cfg is a virtualenv whatever it is called, and is left out."""
    root = tmp_path / "repo"
    (root / "myenv/lib").mkdir(parents=True)
    (root / "myenv/pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "myenv/lib/mod.py").write_text("def f(x): pass\n")
    (root / "app.py").write_text("x = 1\n")
    repo = build_repo(root, now=NOW)
    assert list(repo.files) == ["app.py"]
    assert signal_of(repo, "hygiene").details["trees"] == {"myenv/": "virtualenv"}


def test_committed_virtualenv_is_flagged_and_changes_no_ratio(tmp_path: Path) -> None:
    """The committed_venv fixture: its .venv is flagged, and type hints and tests ignore it."""
    with_venv = materialise("committed_venv", tmp_path / "with")
    clean = tmp_path / "clean"
    shutil.copytree(with_venv, clean)
    git(clean, "rm", "-rq", "--", ".venv", "build")
    git(clean, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "clean")
    names = ["type_hints", "tests", "hygiene"]
    dirty = {s.check: s for s in run(build_repo(with_venv, now=NOW)).signals if s.check in names}
    tidy = {s.check: s for s in run(build_repo(clean, now=NOW)).signals if s.check in names}
    def figures(signal: Signal) -> dict[str, object]:
        # type_hints says how many vendored files it left out: that count alone may differ
        return {k: v for k, v in signal.details.items() if k != "excluded"}

    for name in ("type_hints", "tests"):
        assert (dirty[name].value, figures(dirty[name])) == (tidy[name].value, figures(tidy[name]))
    excluded = dirty["type_hints"].details["excluded"]
    assert isinstance(excluded, dict) and excluded["vendored_or_generated_files"] > 0
    assert dirty["type_hints"].value == 1.0
    assert dirty["hygiene"].details["trees"] == {".venv/": "virtualenv", "build/": "build output"}
    assert dirty["hygiene"].value == 3  # the virtualenv, build/ and the .env password
    assert tidy["hygiene"].value == 1


@pytest.mark.parametrize("path", [
    pytest.param("lambda.zip", id="zip"), pytest.param("Pillow-5.4.1-cp37-none.whl", id="wheel"),
    pytest.param("lib/_imaging.cpython-37m-x86_64-linux-gnu.so", id="extension"),
    pytest.param("lib/.libs/libz-a147dcb0.so.1.2.3", id="versioned-shared-library"),
    pytest.param("todos.db", id="database"), pytest.param("data/app.sqlite3", id="sqlite"),
    pytest.param("src/.DS_Store", id="finder-metadata"),
])
def test_committed_binaries_are_one_problem(path: str) -> None:
    """Compiled libraries, archives and databases are counted, whatever the walk called them."""
    repo = Repo.from_files({"app.py": "x = 1\n"}, excluded={path: "binary", "logo.png": "binary"})
    signal = signal_of(repo, "hygiene")
    assert (signal.value, signal.details["binaries"]) == (1, 1)
    assert Location(path) in signal.evidence and Location("logo.png") not in signal.evidence


def test_notebook_checkpoint_copies_are_one_problem(tmp_path: Path) -> None:
    """Jupyter's .ipynb_checkpoints/ copies are editor files: left out, counted once."""
    root = tmp_path / "repo"
    for project in ("p1", "p2"):
        (root / project / ".ipynb_checkpoints").mkdir(parents=True)
        (root / project / "a.ipynb").write_text("{}")
        (root / project / ".ipynb_checkpoints" / "a-checkpoint.ipynb").write_text("{}")
    repo = build_repo(root, now=NOW)
    assert repo.notebooks == ("p1/a.ipynb", "p2/a.ipynb")
    signal = signal_of(repo, "hygiene")
    assert signal.value == 1
    assert signal.details["trees"] == {
        "p1/.ipynb_checkpoints/": "editor files", "p2/.ipynb_checkpoints/": "editor files"}


_KEY = "197b2c37e4f9a8d1c6b5e0f3a2d7c4b8"  # random-looking hex, as in a real router


@pytest.mark.parametrize(("source", "name"), [
    pytest.param(f"SECRET_KEY = '{_KEY}'\n", "SECRET_KEY", id="module-constant"),
    pytest.param(f'API_KEY: str = "{_KEY}"\n', "API_KEY", id="annotated"),
    pytest.param(f'config = {{"db_password": "{_KEY}"}}\n', "db_password", id="dict-entry"),
    pytest.param(f'client = Client(token="{_KEY}")\n', "token", id="keyword-argument"),
    pytest.param('aws = "AKIAIOSFODNN7EXAMPLE"\n', "AWS access key", id="aws-key-format"),
    pytest.param('KEY = """-----BEGIN RSA PRIVATE KEY-----\n', "private key", id="private-key"),
])
def test_secrets_hard_coded_in_source(source: str, name: str) -> None:
    """A secret in source is reported at its line, by name, never by value (a red flag)."""
    signal = signal_of(Repo.from_files({"app/auth.py": f"import os\n{source}"}), "hygiene")
    assert signal.value == 1
    assert signal.evidence == (Location("app/auth.py", 2),)
    assert signal.details["secrets"] == [{"path": "app/auth.py", "line": 2, "variable": name}]
    assert _KEY not in signal.summary + repr(signal.details)
    assert Hygiene.rule is not None
    assert [f.level for f in Hygiene.rule.flags(signal)] == [Level.RED]


@pytest.mark.parametrize("source", [
    pytest.param("SECRET_KEY = 'changethis'\n", id="placeholder"),
    pytest.param("SECRET_KEY = 'your-secret-key-here-1234'\n", id="your-placeholder"),
    pytest.param("SECRET_KEY = os.environ['SECRET_KEY']\n", id="from-environment"),
    pytest.param("token = os.getenv('API_TOKEN', '')\n", id="getenv"),
    pytest.param("TOKEN_URL = 'https://example.org/oauth2/token'\n", id="url"),
    pytest.param("password_field = 'user_password_hash'\n", id="identifier"),
    pytest.param("ALGORITHM = 'HS256'\n", id="not-a-secret-name"),
    pytest.param("SECRET_KEY = 'django-insecure-k2v!9q$w7@zr4#m8&x1^pt+e'\n",
                 id="django-development-key"),
    pytest.param("API_TOKEN = '$(cat /run/secrets/api)'\n", id="shell-command"),
    pytest.param("API_TOKEN = '$DEPLOY_API_TOKEN'\n", id="shell-variable"),
])
def test_what_is_not_a_hard_coded_secret(source: str) -> None:
    assert signal_of(Repo.from_files({"app/auth.py": source}), "hygiene").value == 0


def test_a_generated_django_key_with_a_dollar_sign_is_a_secret() -> None:
    """Django draws its keys from "!@#$%^&*(-_=+)": a "$" inside one is no ${reference}."""
    source = "SECRET_KEY = 'h4!t$9w(q2@v7zx#k1&m8^rp+e3=c6*ny5)b0'\n"
    signal = signal_of(Repo.from_files({"blog/settings.py": source}), "hygiene")
    assert signal.details["secrets"] == [
        {"path": "blog/settings.py", "line": 1, "variable": "SECRET_KEY"}]


def test_keys_in_tests_are_fixtures_not_secrets() -> None:
    repo = Repo.from_files({"tests/test_auth.py": f"SECRET_KEY = '{_KEY}'\n"})
    assert signal_of(repo, "hygiene").value == 0


@pytest.mark.parametrize("line", [
    pytest.param("SECRET_KEY=changethis", id="change-this"),
    pytest.param("DATABASE_URL=postgresql://postgres:${POSTGRES_PASSWORD}@localhost:5432/app",
                 id="interpolated-password-in-url"),
])
def test_env_placeholders_are_not_secrets(line: str) -> None:
    assert signal_of(Repo.from_files({".env": f"{line}\n"}), "hygiene").value == 0


def test_a_secret_in_a_file_the_parser_refuses_is_still_found() -> None:
    """Parsed files are scanned for secrets where they are parsed (and cached); a file the
    engine could not parse (Python 2 here) is scanned in the fold, as before."""
    repo = Repo.from_files({"app/auth.py": f"print 'starting'\nSECRET_KEY = '{_KEY}'\n"})
    analysis = run(repo, [get_check("hygiene")])
    assert "app/auth.py" in analysis.unparsable
    [signal] = analysis.signals
    assert signal.details["secrets"] == [{"path": "app/auth.py", "line": 2,
                                          "variable": "SECRET_KEY"}]


def _line_by_line(text: str) -> list[tuple[int, str]]:
    """The definition ``source_secret_lines`` follows with one search per pattern."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        kind = next((k for k, shape in _secrets._KEY_FORMATS.items() if shape.search(line)), None)
        if kind is not None:
            found.append((number, kind))
            continue
        for match in _secrets._SOURCE_ASSIGNMENT.finditer(line.replace('\\"', '"')):
            value = match["value"]
            if (_secrets._SOURCE_NAME.search(match["key"]) and _secrets._entropy(value) >= 3.5
                    and not _secrets._NOT_A_VALUE.search(value)):
                found.append((number, match["key"]))
                break
    return found


@pytest.mark.parametrize("text", [
    f"import os\nSECRET_KEY = '{_KEY}'\r\nx = 1\raws = 'AKIAIOSFODNN7EXAMPLE'\x0cend\n",
    f"a\x85token = \"{_KEY}\"\u2028ghp_{'a' * 36}\x1cKEY = '''-----BEGIN RSA PRIVATE KEY-----\n",
    f"api_key = \"{_KEY}\" and sk-{'b' * 40}\nAIza{'c' * 35}\n\nxoxb-1234567890-abc\n",
    f"call(token=\\\"{_KEY}\\\")\nsk_live_{'d' * 20} rk_live_{'e' * 20}\n",
])
def test_the_whole_text_secret_scan_finds_what_a_line_by_line_scan_finds(text: str) -> None:
    """Every kind of line break, several findings on a line, a key format beside a name."""
    found = _secrets.source_secret_lines(text)
    assert found == _line_by_line(text)
    assert len(found) >= 2


# A Kubernetes Secret's data is base64: of "local-password", of a random password, of raw bytes.
_K8S_LOCAL, _K8S_REAL = "bG9jYWwtcGFzc3dvcmQ=", "VnE4I25UMiFyTHg5QFdtNA=="
_K8S_BYTES = "yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f"


@pytest.mark.parametrize(("path", "text", "found"), [
    pytest.param("airflow/airflow.cfg",
                 "[webserver]\nauth_backend = airflow.api.auth.backend.default\n"
                 "secret_key = Zk3q9LmV2xPw8RtY7uNc\n", [("airflow/airflow.cfg", 3)],
                 id="airflow-generated-secret-key"),
    pytest.param("config.yaml", "db:\n  password: ${DB_PASSWORD}\n  api_token: changeme\n", [],
                 id="interpolations-and-placeholders"),
    pytest.param("config.example.ini", "[a]\napi_key = Zk3q9LmV2xPw8RtY7uNc\n", [],
                 id="a-template-is-not-a-secret"),
    pytest.param(".github/workflows/ci.yml", "env:\n  TOKEN: ${{ secrets.PYPI }}\n", [],
                 id="ci-secret-reference"),
    pytest.param("k8s/secret.yaml", f"kind: Secret\ndata:\n  password: {_K8S_LOCAL}\n", [],
                 id="base64-of-a-placeholder-password"),
    pytest.param("k8s/secret.yaml", f"kind: Secret\ndata:\n  password: {_K8S_REAL}\n"
                 f"  api_token: {_K8S_BYTES}\n", [("k8s/secret.yaml", 3), ("k8s/secret.yaml", 4)],
                 id="base64-of-a-real-password-or-random-bytes"),
])
def test_secrets_in_committed_config_files(path: str, text: str,
                                           found: list[tuple[str, int]]) -> None:
    """cg-at-ibm/data-eng-pipeline commits Airflow's generated airflow.cfg with its key."""
    signal = signal_of(Repo.from_files({path: text, "app.py": "x = 1\n"}), "hygiene")
    secrets = cast("list[dict[str, object]]", signal.details["secrets"])
    assert [(s["path"], s["line"]) for s in secrets] == found


def test_each_flag_points_at_its_own_evidence() -> None:
    """A question about clutter or vendored code is not asked at a secret's line."""
    from analyzer.score import rules  # noqa: PLC0415

    repo = Repo.from_files(
        {"app.py": "x = 1\n", ".env": "# settings\nexport API_TOKEN='9f8e7d6c5b4a3f2e'\n"},
        excluded={"build/": tree_reason(TreeKind.BUILD, 3),
                  "vendor/requests/": tree_reason(TreeKind.VENDORED, 40, "its own LICENSE")},
    )
    signal = signal_of(repo, "hygiene")
    assert signal.evidence[0] == Location(".env", 2)  # the signal's first: the secret
    flags = rules()["hygiene"].flags(signal)
    assert [(f.level, f.at) for f in flags] == [
        (Level.RED, Location(".env", 2)), (Level.YELLOW, Location("build/")),
        (Level.YELLOW, Location("vendor/requests/")),
    ]
