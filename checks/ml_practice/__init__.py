"""How reproducible and honestly evaluated the machine-learning code is.

## What it measures
In repositories with training code (`loss.backward()`, `model.fit(...)`), which
practices an ML engineer relies on appear, and in how many files: random seeds,
a held-out split or cross-validation, evaluation code (`torch.no_grad`, metrics),
experiment tracking (TensorBoard, MLflow, W&B), checkpoints, configuration files
and a pinned environment. The value is the share of those seven practices found.

## Why it matters
A model nobody can retrain to the same numbers, or that was never evaluated on
held-out data, is a demo. Seeds, configs, pinned versions and tracked runs are
what make a result reproducible and trustworthy.

## Example
`torch.manual_seed(1337)` in `train.py`, `random_split` in `data.py`,
`SummaryWriter` logging validation accuracy and `config/base.yaml`: 6 of 7.

## Caveats
Weighted only in the ML and data-science rubrics. Practices may live in a
framework's config (Lightning, Hydra) that this reads by name only; a missing
seed in a quick experiment is normal. Notebooks count alongside code.
"""

from __future__ import annotations

from typing import TypedDict, cast

import libcst as cst

from analyzer.api import Example, FileCheck, Flag, Fold, Level, Marks, Role, Rule, Signal, value
from checks.ml_practice._names import (
    CONFIG,
    ENVIRONMENTS,
    PINNED,
    PRACTICES,
    covers,
    practices_of,
)

_ROLES = (Role.PRODUCTION, Role.NOTEBOOK)
_CODE = tuple(p for p in PRACTICES if p != "training")


class Details(TypedDict):
    files: dict[str, int]  # practice -> files it appears in
    missing: list[str]


def _flags(signal: Signal) -> list[Flag]:
    missing = cast("Details", signal.details)["missing"]
    if not missing:
        return [Flag(Level.GREEN, signal.check, "Reproducible, evaluated training code.")]
    where = str(signal.evidence[0]) if signal.evidence else "the training code"
    found = []
    if "seed" in missing:
        found.append(Flag(Level.YELLOW, signal.check, "Training code sets no random seed.",
                          "A quick experiment often needs none.",
                          f"{where} sets no random seed: how would you reproduce a run?"))
    if "evaluation" in missing or "split" in missing:
        found.append(Flag(Level.YELLOW, signal.check, "No held-out evaluation found.",
                          "Evaluation may run in a separate repository or notebook.",
                          "How do you know this model generalises beyond its training data?"))
    if "pinned environment" in missing:
        found.append(Flag(Level.YELLOW, signal.check, "Training without pinned library versions.",
                          "Versions may be pinned in a container image elsewhere.",
                          "Which library versions produced your results, and how would "
                          "someone install exactly those?"))
    return found


class MlPractice(FileCheck[Marks]):
    rule = Rule(0, value, _flags)  # weighted only by the ML and data-science rubrics
    examples = (
        Example({"train.py": "import torch\ntorch.manual_seed(1)\nloss.backward()\n"},
                round(1 / 7, 4), ("train.py:3", "train.py:2")),
        Example({"a.py": "import random\nrandom.seed(1)\n"}, None, note="no training code"),
    )

    def visit_Call(self, node: cst.Call) -> None:
        for practice in practices_of(node):
            self.mark(practice, node)

    @classmethod
    def result(cls, fold: Fold[Marks]) -> Signal:
        if not fold.count("training", *_ROLES):
            return cls.signal(None, "No model training code.")
        files = {p: fold.files_with(p, *_ROLES) for p in _CODE}
        paths = fold.repo.files
        files["config"] = sum(1 for path in paths if CONFIG.search(path))
        trained = {loc.path for loc in fold.evidence("training", *_ROLES)}
        files["pinned environment"] = sum(1 for path in paths if path.endswith(ENVIRONMENTS) or (
            covers(path, trained) and PINNED.search(fold.repo.text(path))))
        missing = [name for name, count in files.items() if not count]
        share = round((len(files) - len(missing)) / len(files), 4)
        evidence = tuple(dict.fromkeys(fold.evidence("training", *_ROLES, limit=2) + tuple(
            loc for p in _CODE for loc in fold.evidence(p, *_ROLES, limit=2))))
        summary = f"Training code with {len(files) - len(missing)} of {len(files)} practices"
        summary += f"; missing: {', '.join(missing)}." if missing else "."
        return cls.signal(share, summary, evidence=evidence,
                          **Details(files=files, missing=missing))
