"""Reading a Word redline the way a staffer would: all changes accepted, or all rejected.

Works on the document XML alone (no Word): accepting drops every ``w:del`` and
``w:moveFrom`` and keeps the text of every ``w:ins`` and ``w:moveTo``; a paragraph
whose mark is deleted (or moved away) joins the next paragraph.  Rejecting is the
mirror image.
"""

import io
import zipfile

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def document_xml(data: bytes) -> etree._Element:
    """The main document part, as python-docx opens it (its element tree is lxml)."""
    return docx.Document(io.BytesIO(data)).element


def paragraphs(data: bytes, accept: bool) -> list[str]:
    """The text of each paragraph of the body once every change is accepted (or rejected)."""
    root = document_xml(data)
    drop = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    out: list[str] = []
    carry = ""
    for p in root.iterfind(".//w:body/w:p", NS):
        parts = []
        for el in p.iter(f"{{{W}}}t", f"{{{W}}}delText"):
            inside = {etree.QName(a).localname for a in el.iterancestors() if etree.QName(a).namespace == W}
            if drop & inside:
                continue
            parts.append(el.text or "")
        text = carry + "".join(parts)
        mark = p.find("w:pPr/w:rPr", NS)
        joined = mark is not None and any(mark.find(f"w:{d}", NS) is not None for d in drop)
        if joined:
            carry = text  # the paragraph mark is gone: this text runs into the next paragraph
            continue
        carry = ""
        out.append(text)
    if carry:
        out.append(carry)
    return out


def revisions(data: bytes, moves: bool = False) -> list[tuple[str, str]]:
    """Every run-level revision in document order: ("+"|"-", its text); with ``moves``,
    moved text too (``w:moveTo`` as "+", ``w:moveFrom`` as "-")."""
    root = document_xml(data)
    out = []
    tags = [f"{{{W}}}ins", f"{{{W}}}del"] + ([f"{{{W}}}moveTo", f"{{{W}}}moveFrom"] if moves else [])
    for el in root.iter(*tags):
        if etree.QName(el.getparent()).localname == "rPr":
            continue  # a paragraph mark, not words
        op = "+" if etree.QName(el).localname in ("ins", "moveTo") else "-"
        out.append((op, "".join(t.text or "" for t in el.iter(f"{{{W}}}t", f"{{{W}}}delText"))))
    return out


# -- the same, as LibreOffice understood the file -----------------------------------

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def libreoffice_paragraphs(odt: bytes) -> tuple[list[str], list[str]]:
    """(accepted, rejected) paragraph texts of an .odt that LibreOffice made from the redline.

    LibreOffice keeps an insertion as a range (``text:change-start`` ..
    ``text:change-end``) in the body and a deletion as a point (``text:change``)
    whose words sit in ``text:tracked-changes``.  The body is flattened to one
    stream of characters and paragraph breaks; accepting drops the deletion
    points, rejecting drops the insertion ranges and puts each deletion back.
    """
    with zipfile.ZipFile(io.BytesIO(odt)) as z:
        root = etree.fromstring(z.read("content.xml"))
    text = root.find(f".//{{{OFFICE}}}body/{{{OFFICE}}}text")
    regions = {}
    tracked = text.find(f"{{{TEXT}}}tracked-changes")
    if tracked is not None:
        for region in tracked:
            change = region[0]
            kind = etree.QName(change).localname
            deleted = [p for p in change if etree.QName(p).localname in ("p", "h")]
            regions[region.get(f"{{{TEXT}}}id")] = (kind, deleted)
    stream: list = []
    for block in text:
        if etree.QName(block).localname in ("p", "h"):
            _inline(block, stream)
            stream.append("\n")
    accepted = "".join(x for x in stream if isinstance(x, str))
    rejected, skipping = [], set()
    for x in stream:
        if isinstance(x, tuple):
            what, cid = x
            kind, deleted = regions[cid]
            if what == "start" and kind == "insertion":
                skipping.add(cid)
            elif what == "end":
                skipping.discard(cid)
            elif what == "point" and kind == "deletion" and not skipping:
                restored: list = []
                for i, p in enumerate(deleted):
                    if i:
                        restored.append("\n")
                    _inline(p, restored)
                rejected.extend(s for s in restored if isinstance(s, str))
        elif not skipping:
            rejected.append(x)
    return _split(accepted), _split("".join(rejected))


def _split(s: str) -> list[str]:
    return s[:-1].split("\n") if s.endswith("\n") else s.split("\n")


def _inline(el, out: list) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        name = etree.QName(child).localname
        if name == "change-start":
            out.append(("start", child.get(f"{{{TEXT}}}change-id")))
        elif name == "change-end":
            out.append(("end", child.get(f"{{{TEXT}}}change-id")))
        elif name == "change":
            out.append(("point", child.get(f"{{{TEXT}}}change-id")))
        elif name == "s":
            out.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
        elif name == "tab":
            out.append("\t")
        elif name == "annotation":
            pass  # a comment: not part of the text
        else:
            _inline(child, out)
        if child.tail:
            out.append(child.tail)
