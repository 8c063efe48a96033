"""Source bytes -> str, refusing what is not text.

State documents are mostly UTF-8, but cp1252 (Windows "smart quotes") is common
in older exports, so it is accepted as a fallback rather than rejected.
"""

from lawdiff.errors import LawdiffError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, source: object) -> str:
    """Decode ``data`` read from ``source`` (named in errors)."""
    if not data.strip():
        raise LawdiffError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise LawdiffError(source, f"starts with a {encoding} byte-order mark but is not {encoding}") from None
            if not text.strip():
                raise LawdiffError(source, "empty file")
            return text
    if b"\x00" in data:
        raise LawdiffError(source, "binary file, not text")
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            raise LawdiffError(source, "binary file, not text")
        return text
    raise LawdiffError(source, "bytes decode in no supported encoding (UTF-8, UTF-16 with BOM, cp1252)")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > max(2, len(text) // 100)
