"""Reading Markdown and reStructuredText loosely: words, headings, code blocks, images, badges."""

import re

# Scripts written without spaces between words: each character counts as a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
# Every repetition is bounded to a line or a length: a hostile README must not
# make a pattern backtrack quadratically.
_NOISE = re.compile(r"<[^<>\n]{0,300}>|\w+://\S+|\]\([^()\s]{0,500}\)")  # tags, URLs, links
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*)$")
_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+.:_])\1{2,}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_RST_CODE = re.compile(r"^\s*\.\. (?:code-block|code|sourcecode|highlight)::|::\s*$")
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([ \t]*<?([^()\s>]{1,500})")
_RST_IMAGE = re.compile(
    r"^[ \t]*\.\. (?:\|[^|\n]{1,100}\|[ \t]+)?(?:image|figure)::[ \t]*(\S+)", re.MULTILINE
)
_HTML_IMAGE = re.compile(r"<img\b[^<>]{0,300}?\bsrc=[\"']?([^\"'\s>]{1,500})", re.IGNORECASE)
_BADGE = re.compile(
    r"shields\.io|badge|travis-ci\.|codecov\.io|coveralls\.io|readthedocs\.org/projects"
    r"|pepy\.tech|/workflows/|circleci\.com|appveyor\.com|img\.shields",
    re.IGNORECASE,
)
SECTIONS: dict[str, tuple[str, ...]] = {
    "installation": ("install", "setup", "getting started", "instalaci", "instalaç",
                     "установк", "安装", "安裝", "インストール", "설치"),
    "usage": ("usage", "how to use", "quickstart", "quick start", "utilisation", "verwendung",
              "benutzung", "uso", "использован", "使用", "用法", "使い方", "사용"),
    "examples": ("example", "demo", "beispiel", "exemple", "ejemplo", "exemplo", "пример",
                 "示例", "例子", "範例", "예제"),
    "license": ("licen", "lizenz", "лиценз", "许可", "許可", "协议", "ライセンス", "라이선스"),
    "contributing": ("contribut", "mitwirk", "beitrag", "contribu", "участ", "贡献", "貢献",
                     "기여"),
    "tests": ("test", "pruebas", "тест", "测试", "測試", "テスト", "테스트"),
}


def count_words(text: str) -> int:
    """Words in any language, leaving out URLs, link targets and HTML tags."""
    return len(_WORD.findall(_NOISE.sub(" ", text)))


def headings(text: str) -> list[tuple[int, str]]:
    """(line, title) of Markdown ``#`` headings and Setext/RST underlined titles."""
    lines = text.splitlines()
    found = []
    fenced = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        atx = _ATX.match(line)
        if atx:
            found.append((index + 1, atx.group(1).strip().rstrip("#").strip()))
        elif index and _UNDERLINE.match(line) and lines[index - 1].strip() and not (
            _UNDERLINE.match(lines[index - 1])
        ):
            found.append((index, lines[index - 1].strip()))
    return found


# A keyword must start a word ("Latest" is not "test"); CJK keywords match anywhere.
_SECTION_RES = {
    section: re.compile("(?<![a-z])(?:" + "|".join(map(re.escape, keys)) + ")")
    for section, keys in SECTIONS.items()
}


def sections(text: str) -> dict[str, int]:
    """Which usual README sections have a heading, and the line of the first one."""
    found: dict[str, int] = {}
    for line, title in headings(text):
        lowered = title.lower()
        for section, pattern in _SECTION_RES.items():
            if section not in found and pattern.search(lowered):
                found[section] = line
    return dict(sorted(found.items()))


def code_blocks(text: str) -> int:
    fences = sum(1 for line in text.splitlines() if _FENCE.match(line)) // 2
    return fences + sum(1 for line in text.splitlines() if _RST_CODE.search(line))


def images(text: str) -> tuple[int, int]:
    """(badges, other images): pictures whose address looks like a status badge, and the rest."""
    sources = [*_MD_IMAGE.findall(text), *_RST_IMAGE.findall(text), *_HTML_IMAGE.findall(text)]
    badges = sum(1 for source in sources if _BADGE.search(source))
    return badges, len(sources) - badges
