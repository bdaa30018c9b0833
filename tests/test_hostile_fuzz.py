"""Random index entries, random file names (bytes) and random git config values: the scan
never reads outside the target, never runs past its deadline, never fails as a bug (exit 3).

Each example builds a real repository beside an "outside" folder holding a marker, then
hand-writes its index, names its files and appends to its ``.git/config`` as drawn. The
scan runs in this process (so any exception but ``ModernityError`` fails the test,
which is what exit 3 would be) with short git and per-file deadlines.
"""

import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import ModernityError
from analyzer.output import render_document
from analyzer.pipeline import scan
from analyzer.walk import Limits
from tests.gitrepo import make_repo, write_index

MARKER = "outside_marker_5150"
HINTED = b"def f(x: int) -> int:\n    return x\n"
DEADLINE_SECONDS = 90  # git 10 s per call, 10 s per file: far above a healthy scan's 2 s

_SEGMENT = st.one_of(
    st.sampled_from([b"..", b".", b"", b"outside", b"cfg", b"secret.py", b".git", b"config",
                     b"HEAD", b"app.py", b"a", b"\xff\xfe", b"x\x1b[2J", b"\xe2\x80\xae"]),
    st.binary(min_size=1, max_size=6).filter(lambda b: b"\x00" not in b and b"/" not in b),
)
_PATH = st.lists(_SEGMENT, min_size=1, max_size=4).map(b"/".join)
_NAME = st.binary(min_size=1, max_size=12).filter(
    lambda b: b"\x00" not in b and b"/" not in b and b not in (b".", b"..", b".git"))
_KEYS = st.sampled_from([
    "include.path", "blame.ignoreRevsFile", "core.worktree", "core.repositoryformatversion",
    "extensions.objectformat", "extensions.worktreeConfig", "core.bare", "mailmap.file",
    "core.excludesFile", "core.attributesFile", "core.hooksPath", "core.fsmonitor",
    "diff.external", "index.version", "core.sparseCheckout", "i18n.logOutputEncoding",
    "log.showSignature", "core.quotePath", "core.precomposeUnicode", "core.commentChar",
])
_VALUE = st.one_of(
    st.sampled_from(["OUTSIDE", "OUTSIDE/secret.py", "../outside", "99", "true", "sha256",
                     "/dev/zero", "\"unterminated", "x\n[include]\npath = OUTSIDE/secret.py"]),
    st.text(max_size=12),
)


def _outside(base: Path) -> Path:
    outside = base / "outside"
    (outside / "cfg").mkdir(parents=True)
    (outside / "secret.py").write_text(f"import {MARKER}\n")
    (outside / "cfg" / ".env").write_text(f"{MARKER.upper()}=1\n")
    (outside / "README.md").write_text(f"# {MARKER}\n")
    (outside / "config").write_text(f"[include]\n\tpath = {outside / 'secret.py'}\n")
    return outside


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(entries=st.lists(_PATH, max_size=5), names=st.lists(_NAME, max_size=4),
       config=st.lists(st.tuples(_KEYS, _VALUE), max_size=4), link=st.booleans())
def test_random_index_names_and_config_never_escape_hang_or_crash(
    tmp_path_factory: pytest.TempPathFactory, entries: list[bytes], names: list[bytes],
    config: list[tuple[str, str]], link: bool,
) -> None:
    base = tmp_path_factory.mktemp("fuzz")
    outside = _outside(base)
    repo = make_repo(base / "r", {"app.py": HINTED})
    for name in names:
        try:
            (Path(os.fsdecode(bytes(repo) + b"/" + name))).write_bytes(HINTED)
        except OSError:
            continue
    if link:
        (repo / "cfg").symlink_to(outside / "cfg")
    absolute = [bytes(outside) + b"/" + entry for entry in entries[:1]]
    write_index(repo, {e: HINTED for e in [*entries, *absolute, b"app.py", b"cfg/.env"]})
    with (repo / ".git" / "config").open("ab") as handle:
        for key, value in config:
            section, _, option = key.rpartition(".")
            text = value.replace("OUTSIDE", str(outside))
            handle.write(f"[{section}]\n\t{option} = {text}\n".encode("utf-8", "surrogateescape"))
    started = time.monotonic()
    try:
        report = scan(str(repo), now=datetime(2026, 6, 1, tzinfo=UTC), jobs=1, use_cache=False,
                      limits=Limits(timeout_seconds=10, file_timeout_seconds=10))
    except ModernityError as error:  # exit 2: a one-line refusal is an allowed outcome
        assert MARKER not in str(error).lower()
    else:
        document = render_document("json", [report])
        json.loads(document)
        document.encode("utf-8")  # valid UTF-8, whatever the names were
        assert MARKER not in document.lower()
    assert time.monotonic() - started < DEADLINE_SECONDS
