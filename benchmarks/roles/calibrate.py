"""How well each role rubric orders the repositories a person graded by hand for that role.

    python benchmarks/accuracy/run.py --reports /tmp/acc   # one JSON report per repository
    python benchmarks/roles/calibrate.py --reports /tmp/acc

Each report's signals are scored again under every rubric (no rescan). For each role it
prints the pairwise agreement (over pairs the hand grades tell apart: the tool's order
agrees 1, ties 0.5, disagrees 0), Spearman's rho, the same for the general rubric on the
same repositories, and the disagreeing pairs with the checks that pulled them apart.
"""

import argparse
import json
import tomllib
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from analyzer.model import Location, Signal
from analyzer.roles import ROLES
from analyzer.score import Score, score

HERE = Path(__file__).parent


def signals_of(report: Path) -> list[Signal]:
    document = json.loads(report.read_text())
    return [Signal(check=s["check"], value=s["value"], summary=s["summary"],
                   evidence=tuple(Location(e["path"], e["line"]) for e in s["evidence"]),
                   details=s["details"], display=s.get("display")) for s in document["signals"]]


def ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            result[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return result


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    ra, rb = ranks(a), ranks(b)
    mean_a, mean_b = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - mean_a) * (y - mean_b) for x, y in zip(ra, rb, strict=True))
    var_a = sum((x - mean_a) ** 2 for x in ra)
    var_b = sum((y - mean_b) ** 2 for y in rb)
    return cov / (var_a * var_b) ** 0.5 if var_a and var_b else float("nan")


Pair = tuple[str, str]  # (graded higher, graded lower)


def agreement(grades: dict[str, int], totals: dict[str, int]) -> tuple[float, int, list[Pair]]:
    points, pairs, wrong = 0.0, 0, list[Pair]()
    for a, b in combinations(sorted(grades), 2):
        if grades[a] == grades[b]:
            continue
        pairs += 1
        better, worse = (a, b) if grades[a] > grades[b] else (b, a)
        if totals[better] > totals[worse]:
            points += 1
        elif totals[better] == totals[worse]:
            points += 0.5
            wrong.append((better, worse))
        else:
            wrong.append((better, worse))
    return points, pairs, wrong


def pulled(better: Score, worse: Score) -> str:
    """The checks whose points put the worse repository ahead, largest first."""
    gaps = {c: (worse.contributions.get(c) or 0) - (better.contributions.get(c) or 0)
            for c in set(better.contributions) | set(worse.contributions)}
    return ", ".join(f"{c} {g:+.1f}" for c, g in sorted(gaps.items(), key=lambda x: -x[1])[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, required=True)
    parser.add_argument("--grades", type=Path, default=HERE / "grades.toml")
    parser.add_argument("--set", action="append", default=[], metavar="ROLE.CHECK=WEIGHT",
                        help="try a weight before changing analyzer/roles.py (repeatable)")
    args = parser.parse_args()
    graded = tomllib.loads(args.grades.read_text())
    rubrics = dict(ROLES)
    for change in args.set:
        key, _, weight = change.partition("=")
        role, _, check = key.partition(".")
        rubrics[role] = replace(rubrics[role], weights={**rubrics[role].weights,
                                                         check: float(weight)})
    print("| role | repositories | pairs | rubric agreement | rho | general agreement | rho |")
    print("|---|---|---|---|---|---|---|")
    notes = []
    for role, grades in graded.items():
        found = {r: signals_of(args.reports / f"{r.replace('/', '+')}.json") for r in grades}
        judged = {r: score(s, rubric=rubrics[role]) for r, s in found.items()}
        general = {r: score(s) for r, s in found.items()}
        cells = []
        for scores in (judged, general):
            totals = {r: s.total for r, s in scores.items()}
            points, pairs, wrong = agreement(grades, totals)
            rho = spearman([grades[r] for r in grades], [totals[r] for r in grades])
            cells += [f"{points:g}/{pairs} ({points / pairs:.0%})" if pairs else "-",
                      f"{rho:.2f}"]
            if scores is judged:
                notes += [f"{role}: {b} {totals[b]} <= {w} {totals[w]} "
                          f"({pulled(judged[b], judged[w])})" for b, w in wrong]
        print(f"| {role} | {len(grades)} | {pairs} | {' | '.join(cells)} |")
        print("", *(f"  {r}: hand {grades[r]}, {role} {judged[r].total}, general {general[r].total}"
                    for r in sorted(grades, key=lambda r: -grades[r])), sep="\n")
    print("", "Disagreements (checks that put the worse one ahead):", *notes, sep="\n")


if __name__ == "__main__":
    main()
