"""Loading submissions for ``modernity compare`` and rendering its result (terminal, JSON, HTML).

The HTML view puts each reported pair's longest shared fragment side by side;
every piece of submitted text goes through Jinja's autoescaping.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from analyzer.originality.compare import PAIR_AT, Cohort, Pair
from analyzer.originality.shape import Shape, repo_shapes

Texts = Mapping[str, Mapping[str, str]]  # submission -> path -> text


@dataclass(frozen=True, slots=True)
class Submission:
    name: str
    shapes: dict[str, Shape]
    texts: dict[str, str]


def load(target_text: str, *, allow_local: bool = True) -> Submission:
    from analyzer.acquire import acquire, parse_target  # noqa: PLC0415
    from analyzer.walk import build_repo  # noqa: PLC0415

    target = parse_target(target_text, allow_local=allow_local)
    with acquire(target) as root:
        repo = build_repo(root, now=datetime.now(UTC))
        shapes = repo_shapes(repo)
        texts = {path: repo.text(path) for path in shapes}
    name = PurePosixPath(target.display.rstrip("/")).name or target.display
    return Submission(name.removesuffix(".git"), shapes, texts)


def _pair(pair: Pair) -> dict[str, Any]:
    f = pair.longest
    return {
        "a": pair.a, "b": pair.b, "a_to_b": round(pair.a_to_b, 3),
        "b_to_a": round(pair.b_to_a, 3), "reported": max(pair.a_to_b, pair.b_to_a) >= PAIR_AT,
        "longest": None if f is None else {
            "a_path": f.path, "a_lines": [f.first, f.last],
            "b_path": f.source_path, "b_lines": [f.source_first, f.source_last],
        },
    }


def to_json(cohort: Cohort) -> dict[str, Any]:
    return {
        "pair_threshold": PAIR_AT,
        "pairs": [_pair(p) for p in cohort.pairs],
        "groups": [list(g) for g in cohort.groups],
        "tutorials": {name: {"source": title, "coverage": round(share, 3)}
                      for name, (title, share) in sorted(cohort.tutorials.items())},
    }


def _terminal(cohort: Cohort) -> str:
    from analyzer.report.printable import clean  # noqa: PLC0415

    lines = [f"Pairs at {PAIR_AT:.0%} similarity or more (either direction):"]
    reported = [p for p in cohort.pairs if max(p.a_to_b, p.b_to_a) >= PAIR_AT]
    for p in reported:
        where = ""
        if p.longest is not None:
            f = p.longest
            where = (f"; longest: {f.path}:{f.first}-{f.last} ~ "
                     f"{f.source_path}:{f.source_first}-{f.source_last}")
        lines.append(f"  {p.a} -> {p.b} {p.a_to_b:.0%}, {p.b} -> {p.a} {p.b_to_a:.0%}{where}")
    lines += ["  none"] if not reported else []
    lines.append("Groups: " + ("; ".join(", ".join(g) for g in cohort.groups) or "none"))
    for name, (title, share) in sorted(cohort.tutorials.items()):
        lines.append(f"{name}: {share:.0%} matches {title}")
    return "\n".join(clean(line) for line in lines) + "\n"


_HTML = """<!doctype html><html lang="en"><meta charset="utf-8"><title>modernity compare</title>
<style>body{font-family:sans-serif}pre{background:#f6f6f6;padding:.5em;overflow:auto}
.side{display:flex;gap:1em}.side>div{flex:1;min-width:0}</style>
<h1>Submissions compared</h1><p>Groups: {% for g in groups %}{{ g|join(", ") }}{% if not loop.last
%}; {% endif %}{% else %}none{% endfor %}</p>
{% for p in pairs %}<h2>{{ p.a }} &harr; {{ p.b }}: {{ "%.0f"|format(p.a_to_b * 100) }}% /
{{ "%.0f"|format(p.b_to_a * 100) }}%</h2>{% if p.left %}<div class="side">
<div><h3>{{ p.a }}: {{ p.left_where }}</h3><pre>{{ p.left }}</pre></div>
<div><h3>{{ p.b }}: {{ p.right_where }}</h3><pre>{{ p.right }}</pre></div></div>{% endif %}
{% endfor %}{% for name, t in tutorials.items() %}<p>{{ name }}: {{ "%.0f"|format(t.coverage * 100)
}}% matches {{ t.source }}</p>{% endfor %}</html>
"""


def _excerpt(texts: Mapping[str, str], path: str, first: int, last: int) -> str:
    lines = texts.get(path, "").splitlines()[first - 1:last]
    return "\n".join(f"{first + i:>5}  {line}" for i, line in enumerate(lines))


def _html(cohort: Cohort, texts: Texts) -> str:
    from jinja2 import Environment  # noqa: PLC0415

    document = to_json(cohort)
    pairs = []
    for pair in document["pairs"]:
        if not pair["reported"]:
            continue
        f = pair["longest"]
        if f is not None:
            pair["left"] = _excerpt(texts[pair["a"]], f["a_path"], *f["a_lines"])
            pair["right"] = _excerpt(texts[pair["b"]], f["b_path"], *f["b_lines"])
            pair["left_where"] = f"{f['a_path']}:{f['a_lines'][0]}-{f['a_lines'][1]}"
            pair["right_where"] = f"{f['b_path']}:{f['b_lines'][0]}-{f['b_lines'][1]}"
        pairs.append(pair)
    template = Environment(autoescape=True).from_string(_HTML)
    return template.render(pairs=pairs, groups=document["groups"],
                           tutorials=document["tutorials"])


def render(fmt: str, cohort: Cohort, texts: Texts) -> str:
    if fmt == "json":
        return json.dumps(to_json(cohort), indent=2, sort_keys=True) + "\n"
    if fmt == "html":
        return _html(cohort, texts)
    return _terminal(cohort)
