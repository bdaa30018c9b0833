"""Recognising infrastructure files by name and content, and how deep each goes."""

import re
from collections.abc import Callable

from analyzer.api import Location, Repo

MAX_BYTES = 500_000
_LINE = Callable[[str], bool]


def _lines(repo: Repo, path: str, test: _LINE) -> list[int]:
    if repo.files.get(path, MAX_BYTES) >= MAX_BYTES:
        return []
    return [n for n, line in enumerate(repo.text(path).splitlines(), 1) if test(line)]


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _is_yaml(path: str) -> bool:
    return path.endswith((".yml", ".yaml"))


# kind -> (is this file of the kind, which lines are its units of depth)
KINDS: dict[str, tuple[Callable[[str], bool], _LINE]] = {
    "docker": (lambda p: _name(p).startswith("Dockerfile") or p.endswith(".dockerfile"),
               lambda line: bool(re.match(r"\s*(FROM|USER|HEALTHCHECK)\b", line, re.I))),
    "compose": (lambda p: _name(p) in {"docker-compose.yml", "docker-compose.yaml",
                                       "compose.yml", "compose.yaml"},
                lambda line: bool(re.match(r"\s{2}[\w.-]+:\s*$", line))),
    "terraform": (lambda p: p.endswith(".tf"),
                  lambda line: bool(re.match(r'\s*(resource|module)\s+"', line))),
    "ansible": (lambda p: _is_yaml(p) and ("playbook" in p or "/tasks/" in f"/{p}"
                                           or "/handlers/" in f"/{p}"),
                lambda line: bool(re.match(r"\s*-\s+(name|hosts):", line))),
    "kubernetes": (lambda p: _is_yaml(p) and not p.startswith(".github/"),
                   lambda line: bool(re.match(r"kind:\s*(Deployment|Service|StatefulSet|"
                                              r"CronJob|Job|Ingress|ConfigMap|DaemonSet)\b",
                                              line))),
    "make": (lambda p: _name(p) in {"Makefile", "justfile", "Taskfile.yml"},
             lambda line: bool(re.match(r"[\w.-]+:", line)) and not line.startswith(".")),
    "deployment": (lambda p: p.startswith(".github/workflows/") or _name(p) == ".gitlab-ci.yml",
                   lambda line: bool(re.search(r"(run|uses|script)\s*:|^\s*-\s", line)) and bool(
                       re.search(r"\b(deploy|kubectl|helm|terraform apply|"
                                               r"docker push|ansible-playbook|aws ecs|"
                                               r"serverless|gcloud run)\b", line, re.I))),
}


def survey(repo: Repo) -> dict[str, list[Location]]:
    """Per kind, each unit of depth found (a Dockerfile stage, a resource, a task...)."""
    found: dict[str, list[Location]] = {}
    for path in sorted(repo.files):
        # docs/Makefile is Sphinx's build, examples show how to deploy: neither is the candidate's
        if repo.role(path).name in {"TEST", "TEST_DATA", "EXAMPLE"}:
            continue
        for kind, (is_kind, unit) in KINDS.items():
            if is_kind(path):
                units = [Location(path, n) for n in _lines(repo, path, unit)]
                if units:
                    found.setdefault(kind, []).extend(units)
    return found


def docker_practices(repo: Repo, units: list[Location]) -> dict[str, bool]:
    """Multi-stage builds, a non-root user, a health check, pinned base images."""
    text = "\n".join(repo.text(p) for p in sorted({loc.path for loc in units}))
    stages = {a.lower() for a in re.findall(r"^\s*FROM\s+\S+\s+AS\s+(\S+)", text, re.M | re.I)}
    bases = [b for b in re.findall(r"^\s*FROM\s+(\S+)", text, re.M | re.I)
             if b.lower() not in stages]  # ``FROM build`` reuses a stage: not a base image
    return {
        "multi-stage": len(bases) >= 2,
        "non-root user": bool(re.search(r"^\s*USER\s+(?!root\b)\S+", text, re.M | re.I)),
        "health check": bool(re.search(r"^\s*HEALTHCHECK\b", text, re.M | re.I)),
        "pinned base image": bool(bases) and all(
            (":" in b and not b.endswith(":latest")) or "@sha256" in b for b in bases),
    }
