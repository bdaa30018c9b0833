"""Where a project's documentation lives, and the sentence that reports it."""

from dataclasses import dataclass
from typing import TypedDict

from analyzer.api import Location, Repo


class Details(TypedDict, total=False):
    public: int
    documented: int
    docs_folders: list[str]
    sphinx: list[str]
    mkdocs: list[str]


@dataclass(frozen=True, slots=True)
class FileDocs:
    public: int
    documented: int
    missing: tuple[int, ...]  # lines of the first public definitions without a docstring


def site_of(repo: Repo) -> Details:
    """Where the documentation lives: a docs folder, a Sphinx or an MkDocs configuration."""
    from checks._shared.config import config_files  # noqa: PLC0415  (a fold's: tomllib and more)

    folders = sorted({p.split("/", 1)[0] + "/" for p in repo.files
                      if p.split("/", 1)[0].lower() in ("doc", "docs") and "/" in p})
    sphinx = [p for p in config_files(repo, "conf.py")
              if "sphinx" in repo.text(p).lower() or "/doc" in f"/{p}".lower()]
    mkdocs = list(config_files(repo, "mkdocs.yml", "mkdocs.yaml"))
    return Details(docs_folders=folders, sphinx=sphinx, mkdocs=mkdocs)


def summary(public: int, documented: int, site: Details) -> str:
    pages = [*site["sphinx"], *site["mkdocs"]]
    where = ", ".join(
        [f"Sphinx ({p})" for p in site["sphinx"]] + [f"MkDocs ({p})" for p in site["mkdocs"]]
        + [f"a {f} folder" for f in site["docs_folders"]
           if not any(s.startswith(f) for s in pages)]
    ) or "no docs folder or site"
    coverage = (f"{documented:,} of {public:,} public modules, classes and functions "
                f"have a docstring ({documented / public:.0%})" if public
                else "no public production code to document")
    return f"{coverage}; {where}."


def evidence(site: Details, production: dict[str, FileDocs]) -> tuple[Location, ...]:
    """The site's files and folders, and the first definitions that lack a docstring."""
    missing = [Location(p, line) for p, obs in production.items() for line in obs.missing]
    return tuple(sorted({
        *(Location(p, 1) for p in (*site["sphinx"], *site["mkdocs"])),
        *map(Location, site["docs_folders"]), *missing[:5],
    }))
