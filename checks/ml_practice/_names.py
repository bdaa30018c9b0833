"""Which calls and files show each ML practice: seeding, held-out evaluation, tracking..."""

from __future__ import annotations

import re

import libcst as cst

from analyzer.api import dotted

# The last name (or last two) of a call, by the practice it shows.
PRACTICES: dict[str, frozenset[str]] = {
    "training": frozenset({"backward", "fit", "train_step", "training_step", "zero_grad"}),
    "seed": frozenset({"manual_seed", "seed", "set_seed", "seed_everything", "manual_seed_all",
                       "set_random_seed", "PRNGKey"}),
    "split": frozenset({"train_test_split", "random_split", "KFold", "StratifiedKFold",
                        "GroupKFold", "cross_val_score", "cross_validate", "TimeSeriesSplit"}),
    "evaluation": frozenset({"no_grad", "inference_mode", "accuracy_score", "f1_score",
                             "roc_auc_score", "classification_report", "confusion_matrix",
                             "mean_squared_error", "evaluate", "estimate_loss", "eval", "score"}),
    "tracking": frozenset({"SummaryWriter", "add_scalar", "log_metric", "log_metrics",
                           "log_param", "log_params", "start_run", "init", "log"}),
    "checkpoint": frozenset({"save", "load_state_dict", "save_pretrained", "dump",
                             "save_model", "save_checkpoint", "ModelCheckpoint"}),
}
_ANY_PRACTICE = frozenset().union(*PRACTICES.values())
# Names too common to count on their own: they need the module that makes them ML.
_QUALIFIED = {"init": ("wandb",), "log": ("wandb", "mlflow"), "save": ("torch", "model", "tf"),
              "dump": ("joblib", "pickle"), "seed": ("random", "np.random", "numpy.random"),
              "eval": ("model",), "score": ("model", "clf", "pipeline", "estimator")}
CONFIG = re.compile(r"(^|/)(configs?|conf|hparams?|params)(/|\.ya?ml$|\.json$|\.toml$)"
                    r"|(^|/)[^/]*(config|hparams|params)[^/]*\.(ya?ml|json|toml)$")
_HELD_OUT = re.compile(r"^[rbuRBU]*['\"]+(?:test|val|valid|validation|eval|dev)\b", re.IGNORECASE)
_REQUIREMENTS = re.compile(r"(^|/)requirements[^/]*\.txt$")
PINNED = re.compile(r"^[A-Za-z0-9_.\-\[\]]+==[0-9]", re.MULTILINE)
ENVIRONMENTS = ("environment.yml", "environment.yaml", "poetry.lock", "uv.lock", "conda.yaml",
                "Pipfile.lock", "requirements.lock")


def practices_of(node: cst.Call) -> list[str]:
    """The practices a call shows (``train_test_split(x, random_state=0)`` shows two).

    A data set's own held-out part is a split too: torchvision's ``CIFAR10(..., train=False)``,
    Hugging Face's and TFDS's ``load_dataset(..., split="test")``."""
    seeded = held_out = False
    for arg in node.args:  # a keyword is a Name or None
        if arg.keyword is None:
            continue  # a positional argument: none of the keywords below
        keyword, given = arg.keyword.value, arg.value
        seeded = seeded or keyword == "random_state"
        held_out = held_out or (keyword == "train" and type(given) is cst.Name
                                and given.value == "False") or (
            keyword == "split" and type(given) is cst.SimpleString
            and _HELD_OUT.search(given.value) is not None)
    found = _practice_of(node)
    return [p for p in (found, "seed" if seeded else None, "split" if held_out else None)
            if p is not None]


def _practice_of(node: cst.Call) -> str | None:
    name = dotted(node.func)
    func = node.func  # ``Model().fit(x, y)``: a call's attribute has no dotted name
    last = func.attr.value if type(func) is cst.Attribute else name.rsplit(".", 1)[-1]
    if last not in _ANY_PRACTICE:  # most calls
        return None
    for practice, names in PRACTICES.items():
        if last not in names:
            continue
        owners = _QUALIFIED.get(last)
        if owners is None or any(name.startswith(f"{owner}.") or
                                 f".{owner}." in f".{name}" for owner in owners):
            return practice
    return None


def covers(path: str, trained: set[str]) -> bool:
    """A requirements file at the root, or in a folder holding training code: a portfolio's
    project folders each have their own, and another project's pins nothing here."""
    home = path.rpartition("/")[0]
    return _REQUIREMENTS.search(path) is not None and (
        not home or any(t.startswith(f"{home}/") for t in trained))
