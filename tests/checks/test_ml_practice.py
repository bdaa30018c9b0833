import pytest

from analyzer.model import Location
from analyzer.repo import Repo
from tests.conftest import signal_of
from tests.notebook import notebook

_TRAIN = "import torch\n\nloss.backward()\n"


@pytest.mark.parametrize(("source", "practice"), [
    pytest.param("torch.manual_seed(1)\n", "seed", id="torch-seed"),
    pytest.param("np.random.seed(1)\n", "seed", id="numpy-seed"),
    pytest.param("a, b = train_test_split(x, random_state=0)\n", "split", id="split"),
    pytest.param("test = datasets.MNIST(root, train=False)\n", "split", id="torchvision-test"),
    pytest.param("ds = load_dataset('imdb', split='test')\n", "split", id="hf-test-split"),
    pytest.param("with torch.no_grad():\n    pass\n", "evaluation", id="no-grad"),
    pytest.param("w = SummaryWriter()\n", "tracking", id="tensorboard"),
    pytest.param("wandb.init(project='x')\n", "tracking", id="wandb"),
    pytest.param("torch.save(model.state_dict(), 'm.pt')\n", "checkpoint", id="checkpoint"),
])
def test_each_practice_is_found_at_its_line(source: str, practice: str) -> None:
    """A practice's call counts, and its line is evidence."""
    signal = signal_of(Repo.from_files({"train.py": _TRAIN + source}), "ml_practice")
    assert signal.details["files"][practice] == 1  # type: ignore[index]
    assert Location("train.py", 4) in signal.evidence


def test_common_names_need_their_ml_module() -> None:
    """`log(...)`, `save(...)` and `seed(...)` alone are not ML practices."""
    source = _TRAIN + "log('x')\nfile.save()\nseed(3)\n"
    signal = signal_of(Repo.from_files({"train.py": source}), "ml_practice")
    assert signal.value == 0
    assert "seed" in signal.details["missing"]  # type: ignore[operator]


def test_configs_and_pinned_requirements_count() -> None:
    """A config file and `==` pins are the repository-level practices."""
    repo = Repo.from_files({"train.py": _TRAIN, "configs/base.yaml": "lr: 1\n",
                            "requirements.txt": "torch==2.3.0\n"})
    signal = signal_of(repo, "ml_practice")
    assert signal.details["files"]["config"] == 1  # type: ignore[index]
    assert signal.details["files"]["pinned environment"] == 1  # type: ignore[index]


def test_unpinned_requirements_are_not_a_pinned_environment() -> None:
    repo = Repo.from_files({"train.py": _TRAIN, "requirements.txt": "torch\n"})
    assert signal_of(repo, "ml_practice").details["files"]["pinned environment"] == 0  # type: ignore[index]


def test_a_training_set_alone_is_no_held_out_split() -> None:
    """``train=True`` and ``split="train"`` load the training data: nothing is held out."""
    source = _TRAIN + "a = MNIST(root, train=True)\nb = load_dataset('x', split='train')\n"
    signal = signal_of(Repo.from_files({"train.py": source}), "ml_practice")
    assert "split" in signal.details["missing"]  # type: ignore[operator]


def test_pinned_requirements_of_each_project_folder_count() -> None:
    """A portfolio of projects pins each one's requirements in its own folder; another
    project's pins (a web API beside the training notebooks) say nothing of the training."""
    repo = Repo.from_files({"app/train.py": _TRAIN, "app/requirements.txt": "numpy==1.26.4\n",
                            "eda/requirements.txt": "pandas\n"})
    signal = signal_of(repo, "ml_practice")
    assert signal.details["files"]["pinned environment"] == 1  # type: ignore[index]
    assert "pinned environment" not in signal.details["missing"]  # type: ignore[operator]
    loose = Repo.from_files({"app/train.py": _TRAIN, "app/requirements.txt": "numpy\n"})
    assert "pinned environment" in signal_of(loose, "ml_practice").details["missing"]  # type: ignore[operator]
    other = Repo.from_files({"models/train.py": _TRAIN, "api/requirements.txt": "flask==3.0.0\n"})
    assert "pinned environment" in signal_of(other, "ml_practice").details["missing"]  # type: ignore[operator]


def test_notebook_training_counts() -> None:
    """A scikit-learn fit in a notebook is training code too."""
    repo = Repo.from_files({"m.ipynb": notebook("model = LinearRegression().fit(x, y)\n")})
    assert signal_of(repo, "ml_practice").value is not None


def test_no_training_does_not_apply() -> None:
    repo = Repo.from_files({"a.py": "torch.manual_seed(0)\n"})
    assert signal_of(repo, "ml_practice").value is None


def test_a_missing_seed_is_a_question_at_the_training_code() -> None:
    from analyzer.score import score  # noqa: PLC0415

    signal = signal_of(Repo.from_files({"train.py": _TRAIN}), "ml_practice")
    [seedless] = [f for f in score([signal]).flags if "seed" in f.message]
    assert seedless.question.startswith("train.py:3 sets no random seed")
