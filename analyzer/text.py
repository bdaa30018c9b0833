"""Turning a file's bytes into text without ever failing on an odd encoding."""

import codecs
import io
import tokenize

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(head: bytes) -> bool:
    """A NUL byte in the first block means binary, unless a UTF-16/32 BOM explains it."""
    return b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS)


def decode(data: bytes) -> str:
    """Decode by BOM, then UTF-8, then the PEP 263 cookie; bytes that fit none become U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding, errors="replace")
    except (SyntaxError, LookupError, UnicodeError):
        # ``idna`` and ``punycode`` cookies name codecs that ignore errors="replace"
        return data.decode("utf-8", errors="replace")
