"""Infrastructure as code: containers, provisioning, orchestration and deployment, in depth.

## What it measures
Dockerfiles (and their practices: multi-stage builds, a non-root user, a health
check, pinned base images), compose services, Terraform resources and modules,
Ansible plays and tasks, Kubernetes manifests, Makefile targets and CI steps
that deploy. Each counts by its units (a resource, a task, a service), not by
the file's presence. The value is how many kinds reach some depth (two units
or more).

## Why it matters
For DevOps work this is the product: automation that provisions and deploys
without hand steps. A lone Dockerfile copied from a template is presence; a
pinned, non-root, multi-stage build and a deployment job are depth.

## Example
A Terraform module with four resources, an Ansible role with six tasks and a
workflow step running `ansible-playbook`: three kinds in depth.

## Caveats
Weighted only in the DevOps (and lightly the data-engineering) rubric. Much of
this work lives in private infrastructure repositories; none here is not a lack
of skill. YAML is read by pattern, never parsed or run.
"""

from typing import TypedDict, cast

from analyzer.api import Example, Flag, Fold, Level, RepoCheck, Rule, Signal, saturate
from checks.infrastructure._kinds import docker_practices, survey

DEEP = 2  # units a kind needs to count as more than a template


class Details(TypedDict):
    units: dict[str, int]
    deep: list[str]
    docker: dict[str, bool]


def _flags(signal: Signal) -> list[Flag]:
    details, found = cast("Details", signal.details), []
    missing = [name for name, seen in details["docker"].items() if not seen]
    if details["docker"] and {"non-root user", "pinned base image"} & set(missing):
        found.append(Flag(
            Level.YELLOW, signal.check, f"Container image without: {', '.join(missing)}.",
            "A development-only image needs little hardening.",
            "How would you harden this image before it runs in production?"))
    if len(details["deep"]) >= 3:
        found.append(Flag(Level.GREEN, signal.check,
                          f"Infrastructure as code in depth: {', '.join(details['deep'])}."))
    return found


class Infrastructure(RepoCheck):
    rule = Rule(0, saturate(3), _flags)  # weighted only by role rubrics
    examples = (
        Example({"main.tf": 'resource "a" "b" {}\nresource "a" "c" {}\n'}, 1,
                ("main.tf:1", "main.tf:2")),
        Example({"a.py": "x = 1\n"}, None, note="no infrastructure files"),
    )

    @classmethod
    def result(cls, fold: Fold[None]) -> Signal:
        found = survey(fold.repo)
        if not found:
            return cls.signal(None, "No infrastructure-as-code files.")
        units = {kind: len(locations) for kind, locations in found.items()}
        deep = sorted(kind for kind, count in units.items() if count >= DEEP)
        docker = docker_practices(fold.repo, found["docker"]) if "docker" in found else {}
        parts = ", ".join(f"{kind} ({count})" for kind, count in sorted(units.items()))
        summary = f"{len(deep)} kind(s) of infrastructure in depth; units found: {parts}."
        evidence = tuple(loc for kind in sorted(found) for loc in found[kind][:3])
        return cls.signal(len(deep), summary, evidence=evidence,
                          **Details(units=units, deep=deep, docker=docker))
