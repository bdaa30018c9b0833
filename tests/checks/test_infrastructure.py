from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of

_HARDENED = ("FROM python:3.12-slim AS build\nRUN pip wheel .\nFROM python:3.12-slim\n"
             "USER app\nHEALTHCHECK CMD true\n")


def test_a_lone_template_is_presence_not_depth() -> None:
    """One Terraform resource is found but does not count as depth."""
    signal = signal_of(Repo.from_files({"main.tf": 'resource "aws_s3_bucket" "b" {}\n'}),
                       "infrastructure")
    assert (signal.value, signal.details["units"]) == (0, {"terraform": 1})
    assert signal.evidence == (Location("main.tf", 1),)


def test_ansible_tasks_and_a_deploying_workflow_are_depth() -> None:
    repo = Repo.from_files({
        "roles/web/tasks/main.yml": "- name: a\n  apt: {}\n- name: b\n  service: {}\n",
        ".github/workflows/cd.yml": "name: deploy\njobs:\n  go:\n    steps:\n"
                                    "      - run: ansible-playbook site.yml\n"
                                    "      - run: kubectl rollout status deploy/web\n",
    })
    signal = signal_of(repo, "infrastructure")
    assert signal.details["deep"] == ["ansible", "deployment"]
    assert Location(".github/workflows/cd.yml", 5) in signal.evidence
    assert Location(".github/workflows/cd.yml", 1) not in signal.evidence  # a name, not a step


def test_docker_practices() -> None:
    signal = signal_of(Repo.from_files({"Dockerfile": _HARDENED}), "infrastructure")
    assert all(signal.details["docker"].values())  # type: ignore[attr-defined]


def test_a_root_latest_image_is_flagged() -> None:
    from analyzer.score import score  # noqa: PLC0415

    signal = signal_of(Repo.from_files({"Dockerfile": "FROM python:latest\nRUN x\n"}),
                       "infrastructure")
    [flag] = score([signal]).flags
    assert "non-root user" in flag.message and "pinned base image" in flag.message


def test_kubernetes_manifests_outside_ci() -> None:
    repo = Repo.from_files({"k8s/app.yaml": "kind: Deployment\n---\nkind: Service\n"})
    assert signal_of(repo, "infrastructure").details["units"] == {"kubernetes": 2}


def test_test_fixtures_are_not_infrastructure() -> None:
    repo = Repo.from_files({"tests/data/Dockerfile": "FROM a\nFROM b\n"})
    assert signal_of(repo, "infrastructure").value is None


def test_a_sphinx_docs_makefile_is_not_infrastructure() -> None:
    """gtoonstra/etl-with-airflow: Sphinx's docs/Makefile was read as 28 units of 'make' depth."""
    makefile = "".join(f"{target}:\n\t$(SPHINXBUILD) -b {target} . out\n"
                       for target in ("html", "latex", "doctest"))
    repo = Repo.from_files({"docs/Makefile": makefile, "dags/load.py": "x = 1\n"})
    assert signal_of(repo, "infrastructure").value is None
