"""A bug of ours, planted for exit-code tests: ``sitecustomize`` makes modernity's own scan
raise for any target whose text holds ``BUG_MARK``, in every Python process started
with ``planted_bug_env`` (batch children included). Candidate code is never involved."""

from pathlib import Path

BUG_MARK = "planted-bug"

_SITECUSTOMIZE = f'''
import analyzer.pipeline as pipeline

_scan = pipeline.scan


def scan(target_text, **options):
    if {BUG_MARK!r} in target_text:
        raise KeyError("planted")
    return _scan(target_text, **options)


pipeline.scan = scan
'''


def planted_bug_env(folder: Path, env: dict[str, str]) -> dict[str, str]:
    """``env`` with a ``sitecustomize`` in ``folder`` first on ``PYTHONPATH``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(_SITECUSTOMIZE)
    root = str(Path(__file__).resolve().parent.parent)
    return {**env, "PYTHONPATH": f"{folder}:{root}"}
