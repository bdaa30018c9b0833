"""Score modernity's reports against the hand-checked labels of real repositories.

    .venv/bin/python benchmarks/accuracy/run.py [--corpus /work/corpus] [--only owner/name]
        [--reports DIR] [--reuse] [--markdown BASELINE.md] [--only-heldout]

Fetches nothing. For each repository of `manifest.toml` it expects a work tree at
`<corpus>/<owner>+<name>` checked out at the pinned commit, runs
`modernity scan PATH --format json --now <manifest now>`, maps report fields to each
label of `labels.json` (written by label.py) and prints the agreement per label and
per repository, then every disagreement (repo, label, expected, got).

Each label's reading of the report is one small function in READERS below. A reader
returns NO_FIELD when the report has no field for that label yet: such labels are
counted apart ("no field yet"), never as agreement. When a check grows the field,
point the reader at it.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from label import is_test_path

HERE = Path(__file__).parent
NO_FIELD = object()
Report = dict[str, Any]
Labels = dict[str, Any]


def signal(report: Report, check: str) -> dict[str, Any]:
    for item in report.get("signals", []):
        if item["check"] == check:
            return dict(item)
    return {"value": None, "details": {}}


def details(report: Report, check: str) -> dict[str, Any]:
    return signal(report, check).get("details") or {}


# ---- how each label is read from a report (point these at new fields) ----

def got_production_functions(r: Report) -> Any:
    return details(r, "type_hints").get("functions")


def got_annotated_share(r: Report) -> Any:
    d = details(r, "type_hints")
    return round(d["annotated_functions"] / d["functions"], 4) if d.get("functions") else None


def got_test_functions(r: Report) -> Any:
    return details(r, "tests").get("test_functions")


def got_has_tests(r: Report) -> Any:
    return bool(details(r, "tests").get("test_functions"))


def got_doctest_runs(r: Report) -> Any:
    return bool(details(r, "tests").get("doctest_examples"))


def got_python2(r: Report) -> Any:
    """A pipeline reading `value` must see a Python 2 project as such (below 300)."""
    value = signal(r, "python_version").get("value")
    return value is not None and value < 300


def got_min_python(r: Report) -> Any:
    d = details(r, "python_version")
    if d.get("minimum") is None:
        return None
    if d.get("also_python2"):  # 2/3 code: its oldest interpreter is a Python 2
        return "2"
    return "2" if str(d["minimum"]).startswith("2") else d["minimum"]


def got_people_history(r: Report) -> Any:
    return details(r, "history").get("contributors")


def got_people_authorship(r: Report) -> Any:
    return details(r, "authorship").get("contributors")


def got_top_author_share(r: Report) -> Any:
    authors = details(r, "authorship").get("authors") or []
    return authors[0]["share"] if authors else None


ARCHETYPES = {"backend web": "backend", "data engineering": "data engineering",
              "data science": "data science", "machine learning": "machine learning",
              "devops": "devops", "ML engineering": "machine learning", "DevOps": "devops",
              "backend": "backend", None: "library/general"}


def got_archetype(r: Report) -> Any:
    primary = details(r, "frameworks").get("primary_archetype")
    return ARCHETYPES.get(primary, primary)


def got_notebook_only(r: Report) -> Any:
    return bool(details(r, "notebooks").get("notebooks_only"))


def got_readme(r: Report) -> Any:
    return details(r, "readme").get("path") is not None


def got_secrets(r: Report) -> Any:
    """Every committed credential the report names, in source or in a .env file."""
    found = details(r, "hygiene").get("secrets") or []
    return sorted(f"{item.get('path')}:{item.get('line')}" if isinstance(item, dict) else item
                  for item in found)


def got_tutorial_copy(r: Report) -> Any:
    """Code the report says was copied from a corpus source (tutorial, course or starter
    project). The label is `tutorial_copy`: an original (nanoGPT, jaffle_shop) is no copy."""
    return bool(details(r, "tutorial_code").get("matches"))


THIRD_PARTY_KINDS = ("virtualenv", "installed packages", "vendored code", "node_modules")


def got_vendored_dirs(r: Report) -> Any:
    """Folders the report excluded as third-party code: the kind after the colon of
    "vendored or generated tree: <kind> (N files)"; build output and caches are not."""
    excluded = r.get("files", {}).get("excluded", {})
    return sorted(
        p.rstrip("/")
        for p, why in excluded.items()
        if p.endswith("/") and why.split(": ", 1)[-1].startswith(THIRD_PARTY_KINDS)
    )


def got_non_production_dirs(r: Report) -> Any:
    """Which folders were set apart as tests, test data, examples or docs: no list yet."""
    return NO_FIELD


# Checks whose figures are about production code (async_code, match_statements and docs
# count tests or documentation on purpose, so their evidence may point there).
PRODUCTION_CHECKS = ("type_hints", "complexity", "idioms", "python_version", "python2_idioms")


def got_evidence_outside_production(r: Report, excluded: list[str]) -> Any:
    """Evidence of production-code checks that points into tests, test data, examples,
    docs or vendored folders (expected: none)."""
    bad = set()
    for check in PRODUCTION_CHECKS:
        for item in signal(r, check).get("evidence", []):
            path = item.get("path") or ""
            inside = any(path == d or path.startswith(d.rstrip("/") + "/") for d in excluded)
            if path.endswith(".py") and (inside or is_test_path(path)):
                bad.add(f"{check}: {path}")
    return sorted(bad)


def got_unparsable(r: Report) -> Any:
    found = r.get("files", {}).get("unparsable", {})
    places = []
    for path, why in found.items():
        line = why.split(",")[0].removeprefix("line ") if why.startswith("line ") else "?"
        places.append(f"{path}:{line}")
    return sorted(places)


def got_one_sitting(r: Report) -> Any:
    return bool(details(r, "history").get("one_commit_dump"))


def got_committed_junk(r: Report) -> Any:
    d = details(r, "hygiene")
    return bool(d.get("trees") or d.get("bytecode_files") or d.get("binaries"))


def got_stale(r: Report) -> Any:
    days = signal(r, "last_commit").get("value")
    return days is not None and days > 730


# Report flags (red or yellow) mapped to the guide's red-flag names.
FLAG_CODES: dict[str, Callable[[str], str | None]] = {
    "tests": lambda m: "no_tests" if "No tests" in m else None,
    "python2_idioms": lambda m: "python2",
    "hygiene": lambda m: "secret" if "ecret" in m else "committed_junk",
    "notebooks": lambda m: "notebook_only" if "notebook" in m else None,
    "readme": lambda m: "no_readme" if "No README" in m else None,
    # "X itself, or a fork with nothing added" says whose history this is, not that it was
    # copied: no code of the guide's list (the originals' labels have no copy flag)
    "tutorial_code": lambda m: None if "itself, or a fork" in m else "tutorial_copy",
    "history": lambda m: "one_sitting" if "sitting" in m or "one commit" in m else None,
    "last_commit": lambda m: "stale",
    "vendored": lambda m: "vendored_code",
    "syntax": lambda m: "unparsable",
}


def got_red_flags(r: Report) -> Any:
    codes = set()
    for flag in r.get("score", {}).get("flags", []):
        if flag["level"] in {"red", "yellow"} and flag["check"] in FLAG_CODES:
            code = FLAG_CODES[flag["check"]](flag["message"])
            if code:
                codes.add(code)
        if flag["level"] in {"red", "yellow"} and "vendored" in flag["message"].lower():
            codes.add("vendored_code")
        if flag["level"] in {"red", "yellow"} and "cannot run" in flag["message"].lower():
            codes.add("unparsable")
    return sorted(codes)


MODERN_CHECKS = {"python_version", "type_hints", "async_code", "match_statements"}


def got_verdict_consistent(r: Report) -> Any:
    """The verdict never calls the code un-modern right under green modern-Python flags."""
    score = r.get("score", {})
    weak = "little evidence of modern" in score.get("verdict", "")
    green = any(f["level"] == "green" and f["check"] in MODERN_CHECKS
                for f in score.get("flags", []))
    return not (weak and green)


def got_excluded_share_reported(r: Report) -> Any:
    return NO_FIELD


# ---- the labels and how agreement is judged ----

def exact(expected: Any, got: Any) -> bool:
    return bool(expected == got)


def within_count(expected: Any, got: Any) -> bool:
    """Counts agree within 5%: enough for rounding of rules, not for a fixture taken
    for a test or an examples folder taken for production."""
    return isinstance(got, int) and abs(got - expected) <= max(1, 0.05 * expected)


def within_people(expected: Any, got: Any) -> bool:
    """People agree exactly in small histories; within 2% in histories of hundreds,
    where one ambiguous name more or less is not what a recruiter acts on."""
    return isinstance(got, int) and abs(got - expected) <= int(0.02 * expected)


def within_share(expected: Any, got: Any) -> bool:
    return isinstance(got, int | float) and abs(got - expected) <= 0.05


def same_set(expected: Any, got: Any) -> bool:
    return sorted(expected) == sorted(got)


@dataclass(frozen=True)
class Label:
    name: str
    read: Callable[[Report], Any]
    agree: Callable[[Any, Any], bool] = exact


LABELS = [
    Label("production_functions", got_production_functions, within_count),
    Label("annotated_share", got_annotated_share, within_share),
    Label("has_tests", got_has_tests),
    Label("test_functions", got_test_functions, within_count),
    Label("doctest_runs", got_doctest_runs),
    Label("python2", got_python2),
    Label("min_python", got_min_python),
    Label("people_history", got_people_history, within_people),
    Label("people_authorship", got_people_authorship, within_people),
    Label("top_author_share", got_top_author_share, within_share),
    Label("archetype", got_archetype),
    Label("notebook_only", got_notebook_only),
    Label("readme", got_readme),
    Label("secrets", got_secrets, same_set),
    Label("tutorial_copy", got_tutorial_copy),
    Label("vendored_dirs", got_vendored_dirs, same_set),
    Label("non_production_dirs", got_non_production_dirs, same_set),
    Label("evidence_outside_production", lambda r: None, same_set),
    Label("unparsable", got_unparsable, same_set),
    Label("one_sitting", got_one_sitting),
    Label("committed_junk", got_committed_junk),
    Label("stale", got_stale),
    Label("red_flags", got_red_flags, same_set),
    Label("verdict_consistent", got_verdict_consistent),
]


THIRD_PARTY = ("vendored", "virtualenv")


def red_flags(c: dict[str, Any], h: dict[str, Any]) -> list[str]:
    """The guide's red flags (SIGNALS.md section 3) that apply, from the other labels."""
    has_code = c["production_functions"] > 0 or c["notebooks"] > 0
    flags = {
        "no_tests": has_code and not c["has_tests"],
        "python2": bool(h.get("python2")),
        "stale": c["stale"],
        "committed_junk": bool(c["committed_junk"]),
        "one_sitting": c["one_sitting"],
        # "notebooks are normal for a data scientist and a red flag for a backend
        # developer" (SIGNALS.md): judged by the labelled archetype's rubric
        "notebook_only": c["notebook_only"] and h.get("archetype") != "data science",
        "unparsable": bool(unparsable(c, h)),
        "secret": bool(h.get("secrets")),
        "vendored_code": any(e.get("kind") == "vendored" for e in h.get("exclude", [])),
        # a committed virtualenv is the guide's clutter flag, counted by committed_junk
        "tutorial_copy": bool(h.get("tutorial_copy")),
        "no_readme": not c["readme"],
    }
    return sorted(k for k, v in flags.items() if v)


def unparsable(c: dict[str, Any], h: dict[str, Any]) -> list[str] | None:
    """Files that cannot run; in Python 2 code every print statement would count, so n/a."""
    if h.get("python2"):
        return None
    return list(h.get("override", {}).get("unparsable", c["unparsable"]))


def expected_labels(entry: Labels) -> dict[str, Any]:
    """The final label set of one repository: hand labels win over computed ones."""
    c, h = entry["computed"], entry["hand"]
    out = {
        "production_functions": c["production_functions"],
        "annotated_share": c["annotated_share"],
        "has_tests": c["has_tests"],
        "test_functions": c["test_functions"],
        "people_history": c["people"],
        "people_authorship": c["people"],
        "top_author_share": c["top_author_share"],
        "notebook_only": c["notebook_only"],
        "readme": c["readme"],
        "one_sitting": c["one_sitting"],
        "committed_junk": bool(c["committed_junk"]),
        "stale": c["stale"],
        "unparsable": unparsable(c, h),
        "verdict_consistent": True,
        "evidence_outside_production": [],
        "vendored_dirs": [e["path"] for e in h.get("exclude", []) if e["kind"] in THIRD_PARTY],
        "non_production_dirs": [
            e["path"] for e in h.get("exclude", []) if e["kind"] not in THIRD_PARTY
        ],
        "red_flags": red_flags(c, h),
    }
    for key in ("doctest_runs", "python2", "min_python", "archetype", "secrets",
                "tutorial_copy"):
        out[key] = h.get(key)
    for key, value in h.get("override", {}).items():
        out[key] = value
    return {k: v for k, v in out.items() if v is not None}


def scan(modernity: str, path: Path, now: str, reports: Path | None, reuse: bool) -> Report:
    cached = reports / f"{path.name}.json" if reports else None
    if cached and reuse and cached.exists():
        return dict(json.loads(cached.read_text()))
    out = subprocess.run([modernity, "scan", str(path), "--format", "json", "--now", now],
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        return {"error": f"exit {out.returncode}: {out.stderr.strip()[:200]}"}
    if cached:
        cached.write_text(out.stdout)
    return dict(json.loads(out.stdout))


def head(path: Path) -> str:
    out = subprocess.run(["git", "-C", str(path), "rev-parse", "HEAD"],
                         capture_output=True, text=True, check=False)
    return out.stdout.strip()


def bare_check(modernity: str, path: Path, now: str, tree_report: Report) -> Any:
    """Class 10: a bare clone of the same commit scores the same, or is refused (exit 2)."""
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / f"{path.name}.git"
        subprocess.run(["git", "clone", "-q", "--bare", str(path), str(bare)], check=True)
        out = subprocess.run([modernity, "scan", str(bare), "--format", "json", "--now", now],
                             capture_output=True, text=True, check=False)
    if out.returncode == 2:
        return "refused"
    if out.returncode not in (0, 1):
        return f"exit {out.returncode}"
    total = json.loads(out.stdout)["score"]["total"]
    return "same" if total == tree_report["score"]["total"] else f"score {total}"


def show(value: Any) -> str:
    text = json.dumps(value) if not isinstance(value, str) else value
    return text if len(text) <= 90 else text[:87] + "..."


Tally = dict[str, list[int]]  # label -> [agree, compared, no field yet]
Disagreement = tuple[str, str, Any, Any]


def score_repo(entry: dict[str, Any], expected: dict[str, Any], report: Report,
               args: argparse.Namespace, now: str) -> tuple[Tally, list[Disagreement]]:
    tally: Tally = {}
    wrong: list[Disagreement] = []
    for lab in [*LABELS, Label("bare_repository", lambda r: None)]:
        if lab.name not in expected:
            continue
        counts = tally.setdefault(lab.name, [0, 0, 0])
        if "error" in report:
            got: Any = report["error"]
        elif lab.name == "bare_repository":
            got = bare_check(args.modernity, args.corpus / entry["repo"].replace("/", "+"),
                             now, report)
        elif lab.name == "evidence_outside_production":
            got = got_evidence_outside_production(
                report, [e["path"] for e in entry.get("exclude", [])]
            )
        else:
            got = lab.read(report)
        if got is NO_FIELD:
            counts[2] += 1
            continue
        counts[1] += 1
        if "error" not in report and lab.agree(expected[lab.name], got):
            counts[0] += 1
        else:
            wrong.append((entry["repo"], lab.name, expected[lab.name], got))
    return tally, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--labels", type=Path, default=HERE / "labels.json")
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.toml")
    parser.add_argument("--modernity", default=str(Path(sys.executable).parent / "modernity"))
    parser.add_argument("--only", action="append", help="owner/name (repeatable)")
    parser.add_argument("--reports", type=Path, help="keep each JSON report in this folder")
    parser.add_argument("--reuse", action="store_true", help="reuse reports kept in --reports")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown")
    parser.add_argument("--only-heldout", action="store_true",
                        help="score only the held-out entries (heldout = true: labelled blind)")
    args = parser.parse_args()
    manifest = tomllib.loads(args.manifest.read_text())
    labels = {e["repo"]: e for e in json.loads(args.labels.read_text())["repos"]}
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    per_label: Tally = {lab.name: [0, 0, 0] for lab in LABELS}
    per_label["bare_repository"] = [0, 0, 0]
    rows, disagreements = [], []
    for entry in manifest["repo"]:
        if (args.only and entry["repo"] not in args.only) or (
                args.only_heldout and not entry.get("heldout")):
            continue
        path = args.corpus / entry["repo"].replace("/", "+")
        if head(path) != entry["commit"]:
            sys.exit(f"{path}: not at the pinned commit {entry['commit']} (run nothing)")
        report = scan(args.modernity, path, manifest["now"], args.reports, args.reuse)
        expected = expected_labels(labels[entry["repo"]])
        if entry.get("bare_check"):
            expected["bare_repository"] = "same"
        tally, wrong = score_repo(entry, expected, report, args, manifest["now"])
        for name, counts in tally.items():
            per_label[name] = [a + b for a, b in zip(per_label[name], counts, strict=True)]
        disagreements += wrong
        rows.append((entry["repo"], sum(c[0] for c in tally.values()),
                     sum(c[1] for c in tally.values()), sum(c[2] for c in tally.values())))
    lines = render(per_label, rows, disagreements)
    heldout = {e["repo"] for e in manifest["repo"] if e.get("heldout")}
    held = [r for r in rows if r[0] in heldout]
    if held:  # the entries nobody tuned the tool on, apart from the rest
        agree, total = sum(r[1] for r in held), sum(r[2] for r in held)
        lines[1:1] = ["", f"**Held-out agreement: {agree}/{total} labels ({pct(agree, total)})** "
                      f"over {len(held)} repositories labelled without running modernity."]
    print("\n".join(lines))
    if args.markdown:
        project = subprocess.run(["git", "-C", str(HERE), "rev-parse", "HEAD"],
                                 capture_output=True, text=True, check=False).stdout.strip()
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        header = [f"# Accuracy benchmark: {when}", "",
                  f"modernity at commit `{project}`; scans with `--now {manifest['now']}`; "
                  f"{len(rows)} repositories, labels from `labels.json`.", ""]
        args.markdown.write_text("\n".join(header + lines) + "\n")


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "-"


def render(per_label: dict[str, list[int]], rows: list[tuple[str, int, int, int]],
           disagreements: list[tuple[str, str, Any, Any]]) -> list[str]:
    agree = sum(c[0] for c in per_label.values())
    total = sum(c[1] for c in per_label.values())
    nofield = sum(c[2] for c in per_label.values())
    lines = [f"**Agreement: {agree}/{total} labels ({pct(agree, total)})**; "
             f"{nofield} label(s) with no report field yet (not counted).", "",
             "| label | agree | compared | agreement | no field yet |", "|---|---|---|---|---|"]
    lines += [f"| {k} | {c[0]} | {c[1]} | {pct(c[0], c[1])} | {c[2]} |"
              for k, c in per_label.items() if c[1] or c[2]]
    lines += ["", "| repository | agree | compared | agreement | no field yet |",
              "|---|---|---|---|---|"]
    lines += [f"| {n} | {a} | {t} | {pct(a, t)} | {nf} |" for n, a, t, nf in rows]
    lines += ["", f"## Disagreements ({len(disagreements)})", "",
              "| repository | label | expected | got |", "|---|---|---|---|"]
    lines += [f"| {n} | {lab} | `{show(e)}` | `{show(g)}` |" for n, lab, e, g in disagreements]
    return lines


if __name__ == "__main__":
    main()
