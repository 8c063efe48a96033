"""Is this file XML, and which: Akoma Ntoso, someone else's XML, or a DTD subset to refuse?

Judged from the first bytes alone with regular expressions, so loading a text, PDF or API
record (most files) does not import lxml: ``read.akn``, the reader, does that when an AKN
file is read (issue 26: memory and start-up).
"""

from __future__ import annotations

import re

from lawdiff.errors import LawdiffError


_ROOT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?akomaNtoso[\s>/]")


def is_akn(data: bytes) -> bool:
    """True when ``data`` is XML whose root element is ``akomaNtoso`` (judged by content, not name)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    # Skip the XML declaration, comments and processing instructions before the root.
    rest = re.sub(rb"^(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*", b"", head, flags=re.S)
    return bool(_ROOT_TAG.match(rest))


# A DOCTYPE that opens an internal subset ("[") before it closes: its entities and attribute
# defaults would change the text the parser sees, and a reader of the file would not see them.
_INTERNAL_SUBSET = re.compile(rb"^(?:\s*(?:<\?.*?\?>|<!--.*?-->))*\s*<!DOCTYPE\b[^>\[]*\[", re.S | re.I)


def refuse_internal_subset(data: bytes, source: object) -> None:
    """A one-line error for markup whose DOCTYPE has an internal subset (``<!DOCTYPE x [ ... ]>``)."""
    if _INTERNAL_SUBSET.match(data[: 1 << 20].lstrip(b"\xef\xbb\xbf \t\r\n")):  # a prolog of comments may be long
        raise LawdiffError(source, _SUBSET_REFUSED)


_SUBSET_REFUSED = ("XML with an internal DTD subset (<!DOCTYPE ... [ ... ]>): refused, since its entities could"
                   " change the text unseen; remove the subset")


_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def foreign_xml_root(data: bytes) -> str | None:
    """The root element's name of an XML document (one that declares itself XML) that is
    neither Akoma Ntoso nor (X)HTML, else None: such a file is refused rather than read as text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<?xml") or is_akn(data):
        return None
    rest = re.sub(rb"^(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*", b"", head, flags=re.S)
    m = _XML_ROOT.match(rest)
    if m is None or m.group(1).lower() == b"html":
        return None
    return m.group(1).decode("ascii", "replace")
