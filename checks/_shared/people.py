"""Who is a person: one identity for `history` and `authorship`, bots left out.

git has already applied the repository's `.mailmap` (`%aN`/`%aE`, blame's author lines).
After that one email is one person, and several emails are one person only where the
evidence is unambiguous: the same full name (two words, or a CamelCase handle; a name of
three words or more is also the two-word name of its first and last word), or a GitHub
noreply login that is another address's local part or another author's name.
A bare first name ("Andrej", "o") never joins two addresses: too many people share one.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.repo import Commit

_BOT_MARKERS = ("[bot]", "dependabot", "renovate", "github-actions", "pre-commit-ci",
                "greenkeeper", "snyk-bot", "allcontributors")
# Quotes and brackets some tools leave around an address ("ana@x.org", “ana@x.org”, <ana@x.org>).
_WRAPPERS = "\"'`<> \t\u201c\u201d\u2018\u2019"
_NOREPLY = re.compile(r"^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$")
_CAMEL = re.compile(r"[a-z][A-Z]")


def is_bot(name: str, email: str) -> bool:
    who = f"{name} {email}".lower()
    return any(marker in who for marker in _BOT_MARKERS)


def human_commits(commits: tuple[Commit, ...]) -> list[Commit]:
    return [c for c in commits if not is_bot(c.author_name, c.author_email)]


def address(name: str, email: str) -> str:
    """The key of one identity: the normalised email, or the name when there is none."""
    clean = email.strip(_WRAPPERS).casefold()
    return clean or f"name:{_squash(name)}"


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _full_name(name: str) -> bool:
    return len(name.split()) >= 2 or _CAMEL.search(name) is not None


def _evidence(pairs: set[tuple[str, str]]) -> dict[str, set[str]]:
    """Addresses grouped by what ties them: a shared full name or a shared GitHub login."""
    groups: defaultdict[str, set[str]] = defaultdict(set)
    for name, key in pairs:
        if _full_name(name) and _squash(name):
            groups[f"name:{_squash(name)}"].add(key)
        login = _NOREPLY.match(key)
        if login:
            groups[f"login:{_squash(login.group(1))}"].add(key)
    for name, key in pairs:  # "Ana Maria Lima" on GitHub is "Ana Lima" in a local git config
        words = [word for word in name.split() if _squash(word)]
        if len(words) >= 3 and (short := f"name:{_squash(words[0] + words[-1])}") in groups:
            groups[short].add(key)
        for handle in (_squash(name), _squash(key.partition("@")[0])):
            if f"login:{handle}" in groups:
                groups[f"login:{handle}"].add(key)
    return groups


@dataclass(frozen=True)
class People:
    """Every address seen, mapped to its person (the smallest address of the group)."""

    person_of: dict[str, str]
    labels: dict[str, str]  # person -> "Name <email>": their most used name and address

    def person(self, name: str, email: str) -> str:
        key = address(name, email)
        return self.person_of.get(key, key)

    def label(self, person: str) -> str:
        return self.labels.get(person, person)

    def named(self, commits: Iterable[Commit], queries: tuple[str, ...]) -> set[str]:
        """The people ``queries`` name: every address of theirs counts, one --author is enough."""
        return {self.person(c.author_name, c.author_email) for c in commits
                if matches(c.author_name, c.author_email, queries)}

    def __len__(self) -> int:
        return len(self.labels)


def people(commits: Iterable[Commit]) -> People:
    """The people behind ``commits`` (bots already left out)."""
    seen = [(c.author_name, address(c.author_name, c.author_email)) for c in commits]
    parent = {key: key for _, key in seen}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for group in _evidence(set(seen)).values():
        first, *rest = sorted(group)
        for other in rest:
            low, high = sorted((root(first), root(other)))
            parent[high] = low
    person_of = {key: root(key) for key in parent}
    names: defaultdict[str, Counter[str]] = defaultdict(Counter)
    keys: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, key in seen:
        names[person_of[key]][name] += 1
        keys[person_of[key]][key] += 1
    labels = {who: _label(names[who], keys[who]) for who in names}
    return People(person_of, labels)


def _label(names: Counter[str], keys: Counter[str]) -> str:
    name = min(names, key=lambda n: (-names[n], n))
    key = min(keys, key=lambda k: (-keys[k], k))
    return name if key.startswith("name:") else f"{name} <{key}>"


def matches(name: str, email: str, queries: tuple[str, ...]) -> bool:
    """True when the name or email equals one of ``queries`` (``Name <email>`` too), any case."""
    wanted = {q.rpartition("<")[2].rstrip(">").strip().casefold() for q in queries}
    return name.casefold() in wanted or address(name, email) in wanted
