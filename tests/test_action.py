"""The CI integrations run here as on a runner: the action's shell steps, the GitLab
snippet's commands and the pre-commit hook, against real fixture repositories.

The action's ``run:`` scripts are executed by bash exactly as written in action.yml,
with the environment GitHub would give them (inputs, fake GITHUB_STEP_SUMMARY and
GITHUB_OUTPUT files). Its ``uses:`` steps (setup-python, upload-sarif) are GitHub's
own and are not run; nor is the install step, which would replace this test
environment's editable install (the installed ``modernity`` is on PATH instead).
"""

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.gitrepo import materialise

ROOT = Path(__file__).resolve().parent.parent
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def _action() -> Any:
    return yaml.safe_load((ROOT / "action.yml").read_text())


def _run_action(workdir: Path, inputs: dict[str, str]) -> dict[str, Any]:
    """Run every shell step but install, in order, as a runner would; stop at a failure."""
    action = _action()
    values = {f"inputs.{name}": spec.get("default", "") for name, spec in action["inputs"].items()}
    values |= {f"inputs.{name}": value for name, value in inputs.items()}
    values |= {"github.action_path": str(ROOT), "runner.temp": str(workdir)}
    summary, output = workdir / "summary.md", workdir / "output.txt"
    summary.write_text("")
    results: dict[str, Any] = {"summary": summary, "codes": {}}
    for step in action["runs"]["steps"]:
        if "run" not in step or step["id"] == "install":
            continue
        output.write_text("")
        env = {
            **os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        }
        for name, text in step.get("env", {}).items():
            env[name] = EXPRESSION.sub(lambda m: str(values.get(m.group(1), "")), str(text))
        done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=workdir, env=env,
                              capture_output=True, text=True, check=False)
        results["codes"][step["id"]] = done.returncode
        results[step["id"]] = done
        for line in output.read_text().splitlines():
            key, _, value = line.partition("=")
            values[f"steps.{step['id']}.outputs.{key}"] = value
        if done.returncode:
            break
    results["values"] = values
    return results


def test_the_action_is_composite_and_never_pastes_inputs_into_scripts() -> None:
    """Inputs reach the shell only through env: `${{ }}` inside a script would be injectable."""
    action = _action()
    assert action["runs"]["using"] == "composite"
    uses = [step["uses"] for step in action["runs"]["steps"] if "uses" in step]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("id")


def test_the_action_scans_summarises_and_passes_a_strong_repository(tmp_path: Path) -> None:
    repo = materialise("modern_app", tmp_path / "modern_app")
    result = _run_action(tmp_path, {"target": str(repo), "fail-under": "50"})
    assert result["codes"] == {"scan": 0, "gate": 0}, result["scan"].stderr
    score = int(result["values"]["steps.scan.outputs.score"])  # ages count from today
    assert score >= 50
    assert result["summary"].read_text().startswith(f"### modernity: {score}/100 · ")
    sarif = json.loads((tmp_path / "modernity.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["properties"]["score"] == score
    assert f"modernity score {score} (at least 50)" in result["gate"].stdout


def test_the_action_fails_a_weak_repository_after_writing_the_summary(tmp_path: Path) -> None:
    repo = materialise("tiny_script", tmp_path / "tiny_script")
    result = _run_action(tmp_path, {"target": str(repo), "fail-under": "50"})
    assert result["codes"] == {"scan": 0, "gate": 1}
    assert re.search(r"::error::modernity score \d+ is below 50", result["gate"].stdout)
    assert "No README" in result["summary"].read_text()


def test_the_action_warns_about_a_shallow_clone(tmp_path: Path) -> None:
    repo = materialise("modern_app", tmp_path / "full")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth=1", repo.as_uri(), str(shallow)], check=True)
    result = _run_action(tmp_path, {"target": str(shallow)})
    assert result["codes"] == {"scan": 0, "gate": 0}
    assert "::warning::the target is a shallow clone" in result["scan"].stdout


def test_a_hostile_target_input_runs_nothing(tmp_path: Path) -> None:
    """A target with shell syntax is a string for modernity, which refuses it (exit 2)."""
    marker = tmp_path / "pwned"
    result = _run_action(tmp_path, {"target": f"$(touch {marker})`touch {marker}`"})
    assert result["codes"] == {"scan": 2}
    assert not marker.exists()


def _gitlab_commands() -> list[list[str]]:
    text = (ROOT / "docs" / "integrations.md").read_text()
    snippet = yaml.safe_load(text.split("## GitLab CI", 1)[1].split("```yaml")[1].split("```")[0])
    return [shlex.split(line) for line in snippet["modernity"]["script"]]


def test_the_gitlab_snippet_writes_code_quality_and_markdown(tmp_path: Path) -> None:
    repo = materialise("tiny_script", tmp_path / "tiny_script")
    codes = []
    for command in _gitlab_commands():
        assert command[0] == "modernity"
        done = subprocess.run([sys.executable, "-m", "analyzer", *command[1:]], cwd=repo,
                              capture_output=True, text=True, check=False)
        codes.append(done.returncode)
    assert codes == [0, 1]  # the report is written, then the job fails under 50
    issues = json.loads((repo / "gl-code-quality-report.json").read_text())
    assert {issue["check_name"] for issue in issues} >= {"modernity/readme", "modernity/tests"}
    assert re.match(r"### modernity: \d+/100 · Very weak", (repo / "modernity.md").read_text())


@pytest.mark.parametrize(("name", "code"), [("modern_app", 0), ("tiny_script", 1)])
def test_the_pre_commit_hook(name: str, code: int, tmp_path: Path) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    command = [*shlex.split(hook["entry"]), *hook["args"]]
    assert command[0] == "modernity" and hook["pass_filenames"] is False
    repo = materialise(name, tmp_path / name)
    done = subprocess.run([sys.executable, "-m", "analyzer", *command[1:]], cwd=repo,
                          capture_output=True, text=True, check=False)
    assert done.returncode == code, done.stderr
