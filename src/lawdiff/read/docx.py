"""A Word ``.docx`` draft -> ``Reading``.

Staff draft bills in Word.  Each paragraph of the main document is a paragraph
of the text; a manual line break (``w:br``) breaks a line inside it.  Tracked
changes are read as they would be accepted (insertions and move targets kept,
deletions and move sources dropped), and Word's automatic numbering, which
Word draws but does not store as text, is not part of the text: ``meta`` says
when either was found, so a reader knows what the text is.  Headers, footers,
footnotes and comments are not the instrument's text.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

import lxml.etree

from lawdiff.errors import LawdiffError
from lawdiff.read import OLE_MAGIC
from lawdiff.read.lines import Line, Reading, fold
from lawdiff.read.words import blank_rules, repair_hyphenation

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# document.xml of the longest bills is a few MB; a zip bomb is refused before it is inflated.
_MAX_XML_BYTES = 256 * 1024 * 1024
# Subtrees whose text is not in the accepted document.
_DROPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText", f"{_W}fldSimple_instr"}
_TRACKED = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")


def read_docx(data: bytes, source: object) -> Reading:
    root = _document_xml(data, source)
    body = root.find(f"{_W}body")
    if body is None:
        raise LawdiffError(source, "a Word file with no document body")
    lines: list[Line] = []
    numbered = 0
    for k, para in enumerate(body.iter(f"{_W}p"), start=1):
        if para.find(f"{_W}pPr/{_W}numPr") is not None:
            numbered += 1
        for text in _paragraph_lines(para):
            lines.append(Line(fold(text), None, k))
        lines.append(Line("", None, k))
    if not any(line.text for line in lines):
        raise LawdiffError(source, "a Word file with no text")
    blank_rules(lines)
    repair_hyphenation(lines)
    meta: dict = {"source_format": "docx"}
    if any(True for tag in _TRACKED for _ in body.iter(tag)):
        meta["tracked_changes"] = "read as accepted (insertions kept, deletions dropped)"
    if numbered:
        meta["automatic_numbering"] = (f"{numbered} paragraphs carry Word's automatic numbering, "
                                       "which is not part of the text")
    return Reading(lines=lines, line_numbers="source", meta=meta)


def _document_xml(data: bytes, source: object):
    if data.startswith(OLE_MAGIC):
        raise LawdiffError(source, "an encrypted Word file or a legacy .doc, not a .docx "
                                   "(save it as .docx without a password)")
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise LawdiffError(source, "a ZIP file, not a Word .docx (no word/document.xml)") from None
            if info.file_size > _MAX_XML_BYTES:
                raise LawdiffError(source, f"word/document.xml inflates to {info.file_size:,} bytes, "
                                           f"over the {_MAX_XML_BYTES:,}-byte limit")
            xml = z.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as e:
        raise LawdiffError(source, f"not a readable Word .docx ({e})") from None
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        return lxml.etree.fromstring(xml, parser)
    except lxml.etree.XMLSyntaxError as e:
        raise LawdiffError(source, f"a Word file whose document.xml is not well-formed ({e})") from None


def _paragraph_lines(para) -> list[str]:
    """The paragraph's text as accepted, split at manual line breaks."""
    lines = [""]

    def walk(el):
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _DROPPED:
                continue
            if tag == f"{_W}t":
                lines[-1] += child.text or ""
            elif tag in (f"{_W}tab", f"{_W}ptab"):
                lines[-1] += " "
            elif tag in (f"{_W}br", f"{_W}cr"):
                lines.append("")
            elif tag == f"{_W}noBreakHyphen":
                lines[-1] += "-"
            elif tag != f"{_W}pPr":
                walk(child)

    walk(para)
    return [line for line in lines if line.strip()]
