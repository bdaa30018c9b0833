"""Hostile repositories, round two: the cache cannot run code, no file or target stalls the
rest, and no name or markup breaks or spoofs any output format."""

import json
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analyzer.cache import FILE_NAME
from tests.conftest import Planted
from tests.gitrepo import make_repo

NOW = "--now=2026-06-01"
HINTED = "def f(x: int) -> int:\n    return x\n"
BROKEN = "def broken(:\n"
# libcst needs minutes for this 16 KB file, and its tokenizer-based guard accepts it
SLOW = "x = (a\n" + "[0]\n" * 4000


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 300,
        ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "analyzer", "scan", NOW, *args], capture_output=True,
        check=False, env={**os.environ, **(env or {})}, timeout=timeout,
    )


# Code execution through the observation cache


def test_a_planted_cache_row_never_runs_code(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "r", {"a.py": HINTED, "b.py": HINTED, "c.py": HINTED})
    cache = tmp_path / "cache"
    env = {"MODERNITY_CACHE_DIR": str(cache)}
    cold = run(str(repo), "--format=json", env=env)
    assert cold.returncode == 0
    marker = tmp_path / "ran"
    assert not marker.exists()
    with sqlite3.connect(cache / FILE_NAME) as db:
        db.execute("DELETE FROM reports")  # the kept report would answer first (test_reportcache)
        db.execute("UPDATE observations SET payload = ? WHERE path = ?",
                   (pickle.dumps(Planted(marker)), b"a.py"))
        db.execute("UPDATE observations SET payload = ? WHERE path = ?",
                   (json.dumps({"c": "os:system", "v": {"command": f"touch {marker}"}}).encode(),
                    b"b.py"))
        db.execute("UPDATE observations SET payload = ? WHERE path = ?", (json.dumps(
            {"c": "analyzer.engine:FileResult", "v": {"path": "c.py", "error": None,
             "observations": {"d": [["x", {"c": "subprocess:Popen", "v": {}}]]}}}).encode(),
            b"c.py"))
    warm = run(str(repo), "--format=json", "--verbose", env=env)
    assert warm.returncode == 0, warm.stderr
    assert not marker.exists()
    assert b"0 from the cache, 3 analysed" in warm.stderr
    assert warm.stdout == cold.stdout
    # the same planted row does run code when unpickled: the test is real
    with sqlite3.connect(cache / FILE_NAME) as db:
        db.execute("UPDATE observations SET payload = ? WHERE path = ?",
                   (pickle.dumps(Planted(marker)), b"a.py"))
        [payload] = db.execute("SELECT payload FROM observations WHERE path = ?", (b"a.py",))
    pickle.loads(payload[0])
    assert marker.exists()


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_cache_directory_others_can_write_is_refused(tmp_path: Path, mode: int) -> None:
    first = make_repo(tmp_path / "r1", {"a.py": HINTED})
    second = make_repo(tmp_path / "r2", {"a.py": HINTED})
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(mode)
    done = run(str(first), str(second), "--format=json",
               env={"MODERNITY_CACHE_DIR": str(cache)})
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.decode().splitlines() if "warning" in line]
    assert len(warnings) == 1 and "writable by others; running without a cache" in warnings[0]
    assert list(cache.iterdir()) == []


# Time: one file, one target


def test_a_file_libcst_needs_minutes_for_is_skipped_after_the_file_timeout(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path / "r", {"slow.py": SLOW, "app.py": HINTED})
    started = time.monotonic()
    done = run(str(repo), "--format=json", "--file-timeout=3", "--jobs=1", "--no-cache")
    assert time.monotonic() - started < 90
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["files"]["not_analysed"] == {  # our limit: not a file that cannot run
        "slow.py": "skipped: analysis took longer than 3 s (--file-timeout)"}
    assert document["files"]["unparsable"] == {}
    assert {s["check"]: s for s in document["signals"]}["type_hints"]["value"] == 1.0


def test_each_finished_target_is_written_before_the_next_starts(tmp_path: Path) -> None:
    """-o DIR: the first target's report is on disk, complete, while the second still runs;
    a SIGTERM then loses nothing finished."""
    good = make_repo(tmp_path / "good", {"app.py": HINTED})
    stuck = make_repo(tmp_path / "stuck", {"slow.py": SLOW})
    out = tmp_path / "reports"
    process = subprocess.Popen(
        [sys.executable, "-m", "analyzer", "scan", NOW, str(good), str(stuck), "--format=json",
         "--file-timeout=600", "--output-dir", str(out), "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob("001-*.json")):
        assert time.monotonic() < deadline and process.poll() is None, "no first report"
        time.sleep(0.2)
    time.sleep(2)
    assert process.poll() is None, "the second target should still be running"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    [written] = out.iterdir()
    document = json.loads(written.read_text())
    assert document["target"] == str(good) and document["files"]["analysed"] == 1
    assert written.name == f"001-{str(good).strip('/').replace('/', '_')}.json"


def test_output_dir_holds_one_file_per_target_in_every_format(tmp_path: Path) -> None:
    good = make_repo(tmp_path / "good", {"app.py": HINTED})
    for fmt, extension in (("json", "json"), ("sarif", "sarif"), ("html", "html"),
                           ("terminal", "txt")):
        out = tmp_path / fmt
        done = run(str(good), str(tmp_path / "missing"), f"--format={fmt}",
                   "--output-dir", str(out))
        assert done.returncode == 2 and (done.stdout == b"") == (fmt != "terminal")
        names = sorted(p.name for p in out.iterdir())
        assert [n.split(".")[-1] for n in names] == [extension, extension]
        assert names[1].startswith("002-") and "missing" in names[1]


# Output injection


def test_rich_markup_in_a_target_is_printed_not_interpreted(tmp_path: Path) -> None:
    link = tmp_path / "a[link=https://evil.invalid/]click[/link]"
    closing = tmp_path / "b[" / "]"
    for repo in (link, closing):
        make_repo(repo, {"app.py": HINTED})
    done = run(str(link), str(closing), str(tmp_path / "c[/]missing"),
               env={"FORCE_COLOR": "1", "COLUMNS": "400", "TERM": "xterm-256color"})
    assert done.returncode == 2, done.stderr  # the missing one
    stdout = done.stdout.decode()
    assert "\x1b]8;" not in stdout  # no OSC 8 hyperlink
    assert "click[/link]" in stdout and "b[/]" in stdout
    assert b"Traceback" not in done.stderr and b"MarkupError" not in done.stderr


INVALID = b"bad\xff\xfename.py"


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "terminal"])
def test_a_file_name_that_is_not_utf8_is_escaped_in_every_format(
    tmp_path: Path, fmt: str,
) -> None:
    repo = tmp_path / "r"
    repo.mkdir()
    (Path(os.fsdecode(bytes(repo) + b"/" + INVALID))).write_text(BROKEN)
    make_repo(repo, {"app.py": HINTED})
    for locale in ({"PYTHONIOENCODING": "utf-8:strict"}, {"LC_ALL": "C.UTF-8"}):
        done = run(str(repo), f"--format={fmt}", env={**locale, "COLUMNS": "300"})
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8")  # strict: raises on any invalid byte
        if fmt == "json":
            assert json.loads(text)["files"]["unparsable"].keys() == {"bad\\xff\\xfename.py"}
        elif fmt != "sarif":
            assert "bad\\xff\\xfename.py" in text


NAMES = {
    "c\u009b.py": "c\\x9b.py", "d\u202etxt.py": "d\\u202etxt.py", "e\x1b[2J.py": "e\\x1b[2J.py",
}


def test_control_and_bidi_characters_are_escaped_in_json_sarif_and_html(tmp_path: Path) -> None:
    files = {name: BROKEN for name in NAMES} | {"f\u202e.py": "async def g() -> None:\n    pass\n"}
    repo = make_repo(tmp_path / "r", files)
    raw = {fmt: run(str(repo), f"--format={fmt}").stdout for fmt in ("json", "sarif", "html")}
    for output in raw.values():
        for char in ("\u009b", "\u202e", "\x1b"):
            assert char.encode() not in output
    assert json.loads(raw["json"])["files"]["unparsable"].keys() == set(NAMES)  # lossless
    assert all(shown in raw["html"].decode() for shown in NAMES.values())
    sarif = json.loads(raw["sarif"])
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for result in sarif["runs"][0]["results"] for loc in result["locations"]}
    assert "f%E2%80%AE.py" in uris and all("\u202e" not in uri for uri in uris)


def test_idna_and_punycode_cookies_never_crash_a_reader(tmp_path: Path) -> None:
    body = b'x = "\xff\xfe"\n'
    files: dict[str, str | bytes] = {}
    for codec in ("idna", "punycode"):
        cookie = f"# coding: {codec}\n".encode()
        files |= {f"{codec}/README.md": cookie + body, f"{codec}/.env": cookie + body,
                  f"{codec}/mod.py": cookie + body, f"{codec}/pyproject.toml": cookie + body}
    files[".github/workflows/ci.yml"] = b"# coding: idna\n" + body
    files["README.md"] = b"# coding: punycode\n" + body
    files["pyproject.toml"] = b"# coding: idna\n" + body
    files[".env"] = b"# coding: idna\n" + body
    repo = make_repo(tmp_path / "r", files)
    done = run(str(repo), "--format=json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"]["analysed"] == len(files)


def test_a_folder_nested_1500_deep_is_scanned(tmp_path: Path) -> None:
    deep = path = tmp_path / "r"
    deep.mkdir()
    for _ in range(1500):  # Path.mkdir(parents=True) itself recurses too deep for this
        path = path / "d"
        path.mkdir()
    (path / "app.py").write_text(HINTED)
    (deep / "top.py").write_text(HINTED)
    try:
        done = run(str(deep), "--format=json")
    finally:  # shutil.rmtree (pytest's clean-up) recurses too deep for this tree
        (path / "app.py").unlink()
        while path != deep:
            path.rmdir()
            path = path.parent
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["files"]["python"] == 2


def test_a_second_sigterm_during_cleanup_leaves_no_temporary_directory(tmp_path: Path) -> None:
    """Signals a few milliseconds apart, while a clone of many files is being removed."""
    files = {f"pkg{i}/m{j}.txt": f"{i}{j}\n" for i in range(40) for j in range(100)}
    repo = make_repo(tmp_path / "r", files)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "analyzer", "scan", NOW, repo.as_uri(), "--format=json"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    deadline = time.monotonic() + 120
    while len(list(scratch.glob("modernity-*/repo/pkg*"))) < 30:
        assert time.monotonic() < deadline and process.poll() is None, "the clone never filled"
        time.sleep(0.05)
    for _ in range(5):
        process.send_signal(signal.SIGTERM)
        time.sleep(0.003)
    assert process.wait(timeout=60) == 128 + signal.SIGTERM
    assert list(scratch.iterdir()) == []
