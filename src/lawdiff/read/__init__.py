"""Read stage: source bytes -> ``Reading`` (lines with their printed numbers).

One reader per format (``text``, ``pdf``, ``html``, ``api-json`` records of the
legislature's API, ``docx``), chosen by the content of the bytes rather than by
the file name.  Every reader returns the same
``Reading`` shape, so the parser never knows which format it came from.
The exception is Akoma Ntoso (``read.akn``): already a provision tree, it is read
straight into a ``Document`` and skips the parse stage.
"""

import re
from enum import StrEnum

from lawdiff.read.lines import Line, Reading, fold, text_only_reading
from lawdiff.read.api import is_json
from lawdiff.read.text import read_text
from lawdiff.read.decode import decode
from lawdiff.errors import LawdiffError

__all__ = ["MAX_BYTES", "Line", "Reading", "SourceFormat", "fold", "read", "read_text", "sniff"]

MAX_BYTES = 100 * 1024 * 1024
"""The largest instrument read (the longest budget bills are a few tens of MB as PDF)."""

# An OLE compound file: a password-protected .docx (Word encrypts into one) or a legacy .doc.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_HTML_START = re.compile(
    rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|p|section|article|main|table|h[1-6]|span|meta|title)\b",
    re.I | re.S,
)


class SourceFormat(StrEnum):
    """The format of an instrument's bytes, as the manifest's ``format`` field names it."""

    PDF = "pdf"
    DOCX = "docx"
    API_JSON = "api-json"
    HTML = "html"
    TEXT = "text"

    @property
    def extension(self) -> str:
        """The file name ending lawdiff gives a raw file of this format: ".pdf", ".json", ".txt"."""
        return {"api-json": ".json", "text": ".txt"}.get(self.value, f".{self.value}")


def sniff(data: bytes) -> SourceFormat:
    """The format of ``data``, from the bytes themselves (never the file name)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return SourceFormat.PDF
    if head.startswith((b"PK\x03\x04", OLE_MAGIC)):
        return SourceFormat.DOCX
    if is_json(head):
        return SourceFormat.API_JSON
    for bom in (b"\xef\xbb\xbf",):
        if head.startswith(bom):
            head = head[len(bom):]
    if _HTML_START.match(head.lstrip()):
        return SourceFormat.HTML
    return SourceFormat.TEXT


def read(data: bytes, source: object) -> Reading:
    """Read ``data`` (the bytes of ``source``, named in errors) into lines.  Whatever the format,
    a character XML cannot carry (ESC, U+0001, U+FFFE...) reaches the parser as U+FFFD."""
    return text_only_reading(_read(data, source))


def _read(data: bytes, source: object) -> Reading:
    if len(data) > MAX_BYTES:
        raise LawdiffError(source, f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit for one instrument")
    fmt = sniff(data)
    if fmt == SourceFormat.PDF:
        from lawdiff.read.pdf import read_pdf

        return read_pdf(data, source)
    if fmt == SourceFormat.HTML:
        from lawdiff.read.html import read_html

        return read_html(data, source)
    if fmt == SourceFormat.API_JSON:
        from lawdiff.read.api import read_record

        return read_record(data, source)
    if fmt == SourceFormat.DOCX:
        from lawdiff.read.docx import read_docx

        return read_docx(data, source)
    return read_text(decode(data, source))
