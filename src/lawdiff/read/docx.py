"""A Word ``.docx`` draft -> ``Reading``.

Staff draft bills in Word.  Each paragraph of the main document is a paragraph
of the text; a manual line break (``w:br``) breaks a line inside it.  Tracked
changes are read as they would be accepted (insertions and move targets kept,
deletions and move sources dropped), and Word's automatic numbering, which
Word draws but does not store as text, is not part of the text: ``meta`` says
when either was found, so a reader knows what the text is.  Headers, footers,
footnotes and comments are not the instrument's text.  A text box is read once,
its paragraphs after the paragraph it is anchored in; of a ``mc:AlternateContent``
only the first choice is read (Word's own drawing of it; the fallback is the same
text again for older readers).

The package is read as Word reads it: the main document is the part ``_rels/.rels``
names, of a Word content type in ``[Content_Types].xml``, whatever its member name; two
members of one name, an encrypted member, a document type declaration (its entities
could change the text unseen) and an ``altChunk`` (a part Word imports when it opens
the file, which lawdiff does not read) are refused in one line.  The main part is
inflated and parsed a chunk at a time, each paragraph released once read, its bytes
counted as they come (never trusting the sizes the ZIP declares), so memory follows
the longest paragraph, not the file.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from collections import Counter
from io import BytesIO
from urllib.parse import unquote

import lxml.etree

from lawdiff.errors import LawdiffError
from lawdiff.read import OLE_MAGIC
from lawdiff.read.lines import Line, Reading, fold
from lawdiff.read.words import blank_rules, repair_hyphenation

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN_RELATIONSHIPS = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
}
_MAIN_TYPES = {  # a document, a template, each with or without macros
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
# The longest instrument text of the 193rd General Court's 8,180 records is 507 KB (S.2869);
# lawdiff's own Word redline of it against H.4722, heavier markup than a draft (a revision
# for every changed word), holds 1.8 bytes of XML per byte of text.  32 MB leaves room for
# a text ten times the longest at three times that markup, and bounds the CPU a crafted
# file can take (parsing is about 0.3 s a MB).
MAX_XML_BYTES = 32 * 1024 * 1024
MAX_PARAGRAPHS = 200_000  # the longest record has 1,190 lines
_MAX_DIRECTORY_BYTES = 1024 * 1024  # about 10,000 entries; a Word file has a few dozen, a few hundred with images
_MAX_PART_BYTES = 1024 * 1024  # _rels/.rels and [Content_Types].xml: a few hundred bytes in a real file
_CHUNK = 64 * 1024
# Subtrees whose text is not in the accepted document.
_DROPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText", f"{_W}fldSimple_instr"}
_TRACKED = (f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo")
_CHOICE, _FALLBACK = f"{_MC}Choice", f"{_MC}Fallback"
_BOX = f"{_W}txbxContent"
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError,
               OverflowError, zlib.error)


def read_docx(data: bytes, source: object) -> Reading:
    if data.startswith(OLE_MAGIC):
        raise LawdiffError(source, "an encrypted Word file or a legacy .doc, not a .docx "
                                   "(save it as .docx without a password)")
    directory = _directory_size(data)
    if directory is not None and directory > _MAX_DIRECTORY_BYTES:
        raise LawdiffError(source, f"a ZIP file whose central directory is {directory:,} bytes, over the "
                                   f"{_MAX_DIRECTORY_BYTES:,}-byte limit (a Word file lists a few dozen parts)")
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            body = _Body(source)
            for chunk in _chunks(z, _main_part(z, source), source):
                body.feed(chunk)
            body.close()
    except _ZIP_ERRORS as e:
        raise LawdiffError(source, f"not a readable Word .docx ({e})") from None
    lines = body.lines
    if not any(line.text for line in lines):
        raise LawdiffError(source, "a Word file with no text")
    blank_rules(lines)
    repair_hyphenation(lines)
    meta: dict = {"source_format": "docx"}
    if body.tracked:
        meta["tracked_changes"] = "read as accepted (insertions kept, deletions dropped)"
    if body.numbered:
        meta["automatic_numbering"] = (f"{body.numbered} paragraphs carry Word's automatic numbering, "
                                       "which is not part of the text")
    return Reading(lines=lines, line_numbers="source", meta=meta)


# -- the package ----------------------------------------------------------------------

def _directory_size(data: bytes) -> int | None:
    """The size the ZIP's end record gives its central directory (ZIP64 too), or None where
    there is no end record (``zipfile`` then says what is wrong).  ``zipfile`` reads the whole
    directory into objects of a few hundred bytes an entry: a 100 MB file of empty entries
    would take gigabytes before any check of its members."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        return None
    size = struct.unpack_from("<I", data, at + 12)[0]
    if size == 0xFFFFFFFF and at >= 20 and data[at - 20:at - 16] == b"PK\x06\x07":
        record = struct.unpack_from("<Q", data, at - 12)[0]
        if data[record:record + 4] == b"PK\x06\x06" and len(data) >= record + 48:
            size = struct.unpack_from("<Q", data, record + 40)[0]
    return size


def _main_part(z: zipfile.ZipFile, source: object) -> zipfile.ZipInfo:
    """The member holding the main document, found as Word finds it."""
    members: dict[str, zipfile.ZipInfo] = {}
    for name, count in Counter(_part_key(i.filename) for i in z.infolist()).items():
        if count > 1:
            raise LawdiffError(source, f"a Word file with {count} members named {name!r}: which one is read "
                                       "would be up to the reader (refused)")
    for info in z.infolist():
        if info.flag_bits & 0x1:
            raise LawdiffError(source, f"a Word file whose member {info.filename!r} is encrypted "
                                       "(save it without a password)")
        members[_part_key(info.filename)] = info
    rels = members.get(_part_key("_rels/.rels"))
    if rels is None:
        raise LawdiffError(source, "a ZIP file, not a Word .docx (no _rels/.rels naming a main document)")
    targets = [r.get("Target", "") for r in _small_xml(z, rels, source).iter(f"{_RELS}Relationship")
               if r.get("Type") in _MAIN_RELATIONSHIPS and r.get("TargetMode", "Internal") == "Internal"]
    if len(targets) != 1:
        raise LawdiffError(source, "a ZIP file, not a Word .docx (_rels/.rels names "
                                   f"{'no' if not targets else len(targets)} main documents)")
    name = posixpath.normpath(posixpath.join("/", unquote(targets[0]).replace("\\", "/"))).lstrip("/")
    main = members.get(_part_key(name))
    if main is None:
        raise LawdiffError(source, f"a ZIP file, not a Word .docx (its main document {name!r} is missing)")
    types = members.get(_part_key("[Content_Types].xml"))
    kind = _content_type(_small_xml(z, types, source), name) if types is not None else None
    if kind not in _MAIN_TYPES:
        raise LawdiffError(source, f"not a Word .docx: its main document {name!r} is of type {kind or 'unknown'}")
    return main


def _part_key(name: str) -> str:
    """Part names are compared as OPC compares them: without a leading slash, ignoring ASCII case."""
    return name.lstrip("/").lower()


def _content_type(types, name: str) -> str | None:
    for override in types.iter(f"{_TYPES}Override"):
        if _part_key(override.get("PartName", "")) == _part_key(name):
            return override.get("ContentType")
    extension = name.rsplit(".", 1)[-1].lower() if "." in posixpath.basename(name) else ""
    for default in types.iter(f"{_TYPES}Default"):
        if default.get("Extension", "").lower() == extension:
            return default.get("ContentType")
    return None


def _small_xml(z: zipfile.ZipFile, info: zipfile.ZipInfo, source: object):
    data = b"".join(_chunks(z, info, source, _MAX_PART_BYTES))
    parser = _parser()
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as e:
        raise LawdiffError(source, f"a Word file whose {info.filename} is not well-formed ({e})") from None
    _refuse_doctype(root, info.filename, source)
    return root


def _chunks(z: zipfile.ZipFile, info: zipfile.ZipInfo, source: object, limit: int = MAX_XML_BYTES):
    """The member's bytes, inflated a chunk at a time and counted as they come: a member that
    inflates past ``limit`` is refused there, whatever size the ZIP declares."""
    total = 0
    with z.open(info) as member:
        while chunk := member.read(_CHUNK):
            total += len(chunk)
            if total > limit:
                raise LawdiffError(source, f"{info.filename} inflates to over {limit:,} bytes, the limit "
                                           "(the longest bills need a few MB)")
            yield chunk


def _parser(**events) -> lxml.etree.XMLParser:
    # No huge_tree: libxml2 then refuses nesting deeper than 256 (Word nests a dozen deep).
    options = dict(resolve_entities=False, no_network=True, load_dtd=False)
    return lxml.etree.XMLPullParser(**events, **options) if events else lxml.etree.XMLParser(**options)


def _refuse_doctype(root, part: str, source: object) -> None:
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise LawdiffError(source, f"a Word file whose {part} has a document type declaration "
                                   "(its entities could change the text unseen; Word writes none)")


# -- the main document ------------------------------------------------------------------

_P, _PPR, _NUMPR, _T, _ALT_CHUNK = f"{_W}p", f"{_W}pPr", f"{_W}numPr", f"{_W}t", f"{_W}altChunk"
_SPACE, _BREAK = {f"{_W}tab", f"{_W}ptab"}, {f"{_W}br", f"{_W}cr"}
_HYPHEN = f"{_W}noBreakHyphen"


class _Body:
    """The main document's paragraphs, read as its XML arrives."""

    def __init__(self, source: object):
        self.source = source
        # Only paragraphs and altChunks are events: every other element is seen with its paragraph.
        self.parser = _parser(events=("end",), tag=(_P, _ALT_CHUNK))
        self.lines: list[Line] = []
        self.paragraphs = 0
        self.numbered = 0
        self.tracked = False
        self.root = None
        self.body = None

    def feed(self, chunk: bytes) -> None:
        try:
            self.parser.feed(chunk)
            self._events()
        except lxml.etree.XMLSyntaxError as e:
            raise LawdiffError(self.source, f"a Word file whose document.xml is not well-formed ({e})") from None

    def close(self) -> None:
        try:
            root = self.parser.close()
            self._events()
        except lxml.etree.XMLSyntaxError as e:
            raise LawdiffError(self.source, f"a Word file whose document.xml is not well-formed ({e})") from None
        if self.root is None:
            self._start(root)
        if self.body is None:
            raise LawdiffError(self.source, "a Word file with no document body")

    def _start(self, root) -> None:
        """Once the root is known (at the first paragraph, or the end): what kind of XML this is."""
        self.root = root
        _refuse_doctype(root, "main document", self.source)
        if root.tag != f"{_W}document":
            raise LawdiffError(self.source, f"not a Word document: its main part is a {root.tag!r}")
        self.body = root.find(f"{_W}body")

    def _events(self) -> None:
        for _, el in self.parser.read_events():
            if self.root is None:
                self._start(el.getroottree().getroot())
            if el.tag == _ALT_CHUNK:
                raise LawdiffError(self.source, "a Word file with an altChunk (content Word imports from another "
                                                "part when it opens the file), which lawdiff does not read: open "
                                                "it in Word and save it, then read that")
            block = self._top_level(el)
            if block is None:
                continue
            self._paragraph(el)
            el.clear()  # read: release its content, and all the body held before it
            while block.getprevious() is not None:
                del self.body[0]

    def _top_level(self, p):
        """The body's child holding ``p`` if ``p`` is read as the body's own paragraph, else None:
        inside another paragraph (a text box, read with its anchor), a fallback or later choice
        of an mc:AlternateContent, or a deletion."""
        child = p
        for parent in p.iterancestors():
            if parent is self.body:
                return child
            if parent.tag == _P or parent.tag in _DROPPED or not _chosen(child):
                return None
            child = parent
        return None  # outside the body

    def _paragraph(self, p) -> None:
        """``p``'s lines, then those of the text boxes anchored in it (in order, iteratively)."""
        pending = [p]
        while pending:
            para = pending.pop()
            self.paragraphs += 1
            if self.paragraphs > MAX_PARAGRAPHS:
                raise LawdiffError(self.source, f"a Word file of over {MAX_PARAGRAPHS:,} paragraphs "
                                                "(the longest bills have a few thousand)")
            first = para[0] if len(para) else None
            if first is not None and first.tag == _PPR and first.find(_NUMPR) is not None:
                self.numbered += 1
            if not self.tracked and any(True for _ in para.iter(*_TRACKED)):
                self.tracked = True
            texts, boxes = _paragraph_lines(para)
            k = self.paragraphs
            for text in texts:
                self.lines.append(Line(fold(text), None, k))
            self.lines.append(Line("", None, k))
            if boxes:
                pending.extend(reversed([q for box in boxes for q in _box_paragraphs(box)]))


def _chosen(el) -> bool:
    """False for an mc:AlternateContent's fallback, or any choice but its first: the same
    content again, for readers that do not know the first."""
    if el.tag in (_CHOICE, _FALLBACK):
        return not any(s.tag == _CHOICE for s in el.itersiblings(preceding=True))
    return True


def _children(el):
    """``el``'s children that hold text of the accepted document, in order."""
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _DROPPED and _chosen(child):
            yield child


def _box_paragraphs(box) -> list:
    """The paragraphs of a text box, not those of boxes inside them (read with their anchor)."""
    found, stack = [], [iter(_children(box))]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _P:
            found.append(child)
        else:
            stack.append(iter(_children(child)))
    return found


def _paragraph_lines(para) -> tuple[list[str], list]:
    """The paragraph's text as accepted, split at manual line breaks; and its text boxes."""
    lines = [""]
    boxes = []
    stack = [iter(_children(para))]
    while stack:  # iterative: any nesting depth the XML parser lets through
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag == _T:
            lines[-1] += child.text or ""
        elif tag in _SPACE:
            lines[-1] += " "
        elif tag in _BREAK:
            lines.append("")
        elif tag == _HYPHEN:
            lines[-1] += "-"
        elif tag == _BOX:
            boxes.append(child)
        elif tag != _PPR:
            stack.append(iter(_children(child)))
    return [line for line in lines if line.strip()], boxes
