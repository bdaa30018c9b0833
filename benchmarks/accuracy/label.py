"""Compute the ground-truth labels of the accuracy benchmark, without modernity.

    python benchmarks/accuracy/label.py [--corpus /work/corpus] [--out labels.json]

Reads `manifest.toml` (repositories pinned to a commit, plus the labels established
by reading the files by hand) and a local work tree per repository at
`<corpus>/<owner>+<name>`. Everything measurable is computed here with Python's
`ast`/`tokenize` and `git log`; the hand labels are copied through. Nothing is
fetched, imported or executed from the scanned repositories. The definitions of
every label are in README.md next to this file.
"""

import argparse
import ast
import io
import json
import math
import re
import subprocess
import sys
import tokenize
import tomllib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

HERE = Path(__file__).parent
TEST_DIRS = {"test", "tests", "testing"}
# Files that build, configure or document the project rather than do its job.
TOOLING_NAMES = {"setup.py", "noxfile.py", "fabfile.py", "conftest.py", "manage.py"}
TESTCASE_BASES = {"TestCase", "IsolatedAsyncioTestCase", "AsyncTestCase", "AsyncHTTPTestCase",
                  "TransactionTestCase", "SimpleTestCase", "LiveServerTestCase", "APITestCase"}
BOT = re.compile(r"\[bot\]|^(dependabot|renovate|pre-commit-ci|github-actions|allcontributors)",
                 re.IGNORECASE)
NOREPLY = re.compile(r"^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$", re.IGNORECASE)
SECRET_NAME = re.compile(r"(secret|api_?key|token|passw(or)?d|access_?key|private_?key)",
                         re.IGNORECASE)
KEY_FORMATS = {
    "AWS access key": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "private key": re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
}
PLACEHOLDER = re.compile(r"(your|change|example|xxx|dummy|secret|placeholder|<|\{|\$)",
                         re.IGNORECASE)


def git(repo: Path, *args: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True)
    return out.stdout.decode("utf-8", "replace")


@dataclass
class Tree:
    """The tracked files of one work tree, split by what they are to the candidate."""

    root: Path
    excluded: list[str]
    tracked: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        listing = git(self.root, "ls-files", "-z").split("\0")
        self.tracked = [p for p in listing if p and (self.root / p).is_file()]

    def is_excluded(self, path: str) -> bool:
        return any(path == d or path.startswith(d.rstrip("/") + "/") for d in self.excluded)

    def own(self, suffix: str) -> list[str]:
        return [p for p in self.tracked if p.endswith(suffix) and not self.is_excluded(p)]

    def production(self) -> list[str]:
        return [p for p in self.own(".py") if not is_test_path(p) and not is_tooling(p)]

    def read(self, path: str) -> str:
        return (self.root / path).read_bytes().decode("utf-8", "replace")


def is_test_path(path: str) -> bool:
    parts = PurePosixPath(path).parts
    name = parts[-1]
    return (any(p in TEST_DIRS for p in parts[:-1]) or name.startswith("test_")
            or name.endswith("_test.py") or name in {"tests.py", "conftest.py"})


def is_tooling(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return parts[-1] in TOOLING_NAMES or parts[0] == "docs"


def parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        return None


def syntax_error(source: str) -> int | None:
    try:
        ast.parse(source)
    except SyntaxError as error:
        return error.lineno or 0
    except ValueError:
        return 0
    return None


def annotated(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    a = node.args
    params = [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]
    return node.returns is not None or any(p is not None and p.annotation for p in params)


def count_defs_by_tokens(source: str) -> int:
    """Python 2 files do not parse as Python 3; their `def`s are counted by token."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return len(re.findall(r"^\s*def\s", source, re.MULTILINE))
    return sum(1 for t in tokens if t.type == tokenize.NAME and t.string == "def")


def functions(tree: Tree, python2: bool) -> dict[str, Any]:
    """Every def/async def (methods and nested ones too) in production files. A file
    that does not parse is counted by token only in Python 2 code (where no def can be
    annotated); elsewhere it is broken and has no functions to judge."""
    total = typed = 0
    unparsable = []
    for path in tree.production():
        source = tree.read(path)
        module = parse(source)
        if module is None:
            unparsable.append(f"{path}:{syntax_error(source)}")
            total += count_defs_by_tokens(source) if python2 else 0
            continue
        for node in ast.walk(module):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                total += 1
                typed += annotated(node)
    return {"production_files": len(tree.production()), "production_functions": total,
            "annotated_functions": typed,
            "annotated_share": round(typed / total, 4) if total else None,
            "unparsable": sorted(unparsable)}


def base_names(node: ast.ClassDef) -> list[str]:
    names = []
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.append(base.id)
        elif isinstance(base, ast.Attribute):
            names.append(base.attr)
    return names


def is_fixture(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    for deco in node.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if (isinstance(target, ast.Attribute) and target.attr == "fixture") or (
                isinstance(target, ast.Name) and target.id == "fixture"):
            return True
    return False


def collected_file(path: str) -> bool:
    """pytest's default `test_*.py`/`*_test.py` and unittest's default `test*.py`."""
    name = PurePosixPath(path).name
    return name.endswith(".py") and (name.startswith("test") or name.endswith("_test.py"))


def is_test_def(node: ast.stmt) -> bool:
    return (isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test") and not is_fixture(node))


def collected_class(node: ast.ClassDef, is_case: Callable[[str], bool]) -> bool:
    """pytest collects Test* classes without __init__; unittest collects TestCase
    subclasses, resolved here through the repository's own base classes."""
    pytest_class = node.name.startswith("Test") and not any(
        isinstance(n, ast.FunctionDef) and n.name == "__init__" for n in node.body)
    return pytest_class or any(is_case(b) for b in base_names(node))


def count_tests(module: ast.Module, is_case: Callable[[str], bool]) -> int:
    count = 0
    for node in module.body:
        if is_test_def(node):
            count += 1
        elif isinstance(node, ast.ClassDef) and collected_class(node, is_case):
            count += sum(is_test_def(n) for n in node.body)
    return count


def tests(tree: Tree) -> dict[str, Any]:
    modules: dict[str, ast.Module] = {}
    for path in tree.own(".py"):
        module = parse(tree.read(path))
        if module is not None:
            modules[path] = module
    parents: dict[str, set[str]] = {}
    for module in modules.values():
        for node in ast.walk(module):
            if isinstance(node, ast.ClassDef):
                parents.setdefault(node.name, set()).update(base_names(node))

    def is_case(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name in TESTCASE_BASES:
            return True
        if name in seen:
            return False
        return any(is_case(b, seen | {name}) for b in parents.get(name, ()))

    per_file = {}
    unparsable_tests = []
    for path in filter(collected_file, tree.own(".py")):
        module = modules.get(path)
        if module is None:  # Python 2 test modules: count indented `def test` by text
            unparsable_tests.append(path)
            per_file[path] = len(re.findall(r"^\s+def test", tree.read(path), re.MULTILINE))
        else:
            per_file[path] = count_tests(module, is_case)
    count = sum(per_file.values())
    return {"test_functions": count, "has_tests": count > 0,
            "test_files": sum(1 for n in per_file.values() if n),
            "unparsable_test_files": sorted(unparsable_tests)}


def squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def people(repo: Path) -> dict[str, Any]:
    """One person is one email after .mailmap; several emails are one person when they
    share a full name (two words or more, compared without case, spaces or accents of
    punctuation; a name of three words or more is also the two-word name of its first and
    last word), or when a
    GitHub noreply login equals another email's local part or
    another author's name. A bare first name never merges anyone."""
    log = git(repo, "log", "--use-mailmap", "--format=%aN\t%aE", "HEAD").splitlines()
    humans = [(n, e.strip("\u201c\u201d\"' <>").lower()) for n, e in
              (line.split("\t", 1) for line in log if line and not BOT.search(line))]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_key: dict[str, set[str]] = {}
    for name, email in humans:
        find(email)
        if len(name.split()) >= 2 or re.search(r"[a-z][A-Z]", name):
            by_key.setdefault("name:" + squash(name), set()).add(email)
        match = NOREPLY.match(email)
        if match:
            by_key.setdefault("login:" + squash(match.group(1)), set()).add(email)
    for name, email in humans:
        words = [w for w in name.split() if squash(w)]  # "Ana Maria Lima" is "Ana Lima" too
        if len(words) >= 3 and "name:" + squash(words[0] + words[-1]) in by_key:
            by_key["name:" + squash(words[0] + words[-1])].add(email)
        for key in ("login:" + squash(name), "login:" + squash(email.split("@")[0])):
            if key in by_key:
                by_key[key].add(email)
    for emails in by_key.values():
        first, *rest = sorted(emails)
        for other in rest:
            union(first, other)
    commits = Counter(find(email) for _, email in humans)
    top = commits.most_common(1)
    return {"commits": len(log), "bot_commits": len(log) - len(humans),
            "people": len(commits),
            "top_author_share": round(top[0][1] / len(humans), 4) if top else None,
            "emails": len({e for _, e in humans})}


def first_commit_dump(repo: Path, tree: Tree) -> dict[str, Any]:
    """All code in the root commit, later commits touching no code file."""
    code = re.compile(r"\.(py|ipynb)$")
    revs = git(repo, "rev-list", "--reverse", "HEAD").split()
    later = 0
    for rev in revs[1:]:
        changed = git(repo, "diff-tree", "--no-commit-id", "--name-only", "-r", rev).split("\n")
        later += any(code.search(p) and not tree.is_excluded(p) for p in changed)
    root_files = set(git(repo, "ls-tree", "-r", "--name-only", revs[0]).split("\n"))
    own_code = [p for p in tree.own(".py") + tree.own(".ipynb")]
    in_root = sum(p in root_files for p in own_code)
    return {"commits_touching_code_after_first": later,
            "code_files_in_first_commit": f"{in_root}/{len(own_code)}",
            "one_sitting": bool(own_code) and later == 0 and in_root == len(own_code)}


def entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def secrets(tree: Tree) -> list[str]:
    """path:line of credentials in source; the secret itself is never printed."""
    found = []
    assign = re.compile(
        r"""^\s*([A-Za-z_][\w.]*)\s*[:=]\s*(?:\w+\()?\s*[rb]?["']([^"']{12,})["']""")
    for path in tree.own(".py") + tree.own(".ipynb") + tree.own(".cfg") + tree.own(".ini"):
        for number, line in enumerate(tree.read(path).splitlines(), 1):
            if any(rx.search(line) for rx in KEY_FORMATS.values()):
                found.append(f"{path}:{number}")
                continue
            match = assign.search(line.replace('\\"', '"').strip(' ",'))
            if match and SECRET_NAME.search(match.group(1)):
                value = match.group(2)
                if entropy(value) >= 3.5 and not PLACEHOLDER.search(value) and " " not in value:
                    found.append(f"{path}:{number}")
    return found


def notebooks(tree: Tree) -> dict[str, Any]:
    own_nb = tree.own(".ipynb")
    return {"notebooks": len(own_nb),
            "notebook_only": bool(own_nb) and not tree.production()}


JUNK = re.compile(r"(\.(so|pyd|dll|dylib|whl|zip|egg|db|sqlite3?|pyc)$|(^|/)(\.idea|__pycache__|"
                  r"venv|\.venv|site-packages|node_modules|\.ipynb_checkpoints|dist|build|"
                  r"[^/]+\.egg-info)/|(^|/)\.DS_Store$)")


def junk(tree: Tree) -> list[str]:
    """Kinds of committed binaries, caches and environments (by extension or folder)."""
    kinds = set()
    for path in tree.tracked:
        match = JUNK.search(path)
        if match:
            kinds.add(match.group(0).strip("/").split("/")[-1].lstrip("."))
    return sorted(kinds)


def last_commit(repo: Path, now: str) -> dict[str, Any]:
    stamp = git(repo, "log", "-1", "--format=%cI", "HEAD").strip()
    days = (date.fromisoformat(now) - date.fromisoformat(stamp[:10])).days
    return {"last_commit": stamp[:10], "stale": days > 730}


def readme(tree: Tree) -> bool:
    return any("/" not in p and p.lower().startswith("readme") for p in tree.tracked)


def label(entry: dict[str, Any], corpus: Path, now: str) -> dict[str, Any]:
    owner, name = entry["repo"].split("/")
    repo = corpus / f"{owner}+{name}"
    head = git(repo, "rev-parse", "HEAD").strip()
    if head != entry["commit"]:
        sys.exit(f"{repo}: at {head}, manifest pins {entry['commit']}")
    excluded = [e["path"] for e in entry.get("exclude", [])]
    tree = Tree(repo, excluded)
    python2 = bool(entry.get("python2"))
    computed: dict[str, Any] = {**functions(tree, python2), **tests(tree), **people(repo),
                                **first_commit_dump(repo, tree), **notebooks(tree),
                                **last_commit(repo, now), "committed_junk": junk(tree),
                                "readme": readme(tree), "secret_candidates": secrets(tree)}
    hand = {k: v for k, v in entry.items() if k not in {"repo", "commit"}}
    return {"repo": entry["repo"], "commit": entry["commit"], "computed": computed, "hand": hand}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/corpus"))
    parser.add_argument("--manifest", type=Path, default=HERE / "manifest.toml")
    parser.add_argument("--out", type=Path, default=HERE / "labels.json")
    parser.add_argument("--only", help="label one repository (owner/name)")
    parser.add_argument("--files", action="store_true",
                        help="with --only: print its production files (e.g. for vermin)")
    args = parser.parse_args()
    manifest = tomllib.loads(args.manifest.read_text())
    if args.files:
        entry = next(e for e in manifest["repo"] if e["repo"] == args.only)
        repo = args.corpus / args.only.replace("/", "+")
        tree = Tree(repo, [e["path"] for e in entry.get("exclude", [])])
        print("\n".join(str(repo / p) for p in tree.production()))
        return
    entries = [e for e in manifest["repo"] if not args.only or e["repo"] == args.only]
    labels = [label(e, args.corpus, manifest["now"]) for e in entries]
    if args.only:
        print(json.dumps(labels, indent=1))
        return
    args.out.write_text(json.dumps({"now": manifest["now"], "repos": labels}, indent=1) + "\n")
    print(f"{len(labels)} repositories labelled -> {args.out}")


if __name__ == "__main__":
    main()
