"""An official web page -> ``Reading`` (lxml).

Pages handled: malegislature.gov's whole bill (``/Bills/{court}/{number}.Html``:
cover, petition table, body), its body-only fragment
(``/Bills/{court}/{id}/{House|Senate}/Bill/Text``), session-law pages
(``/Laws/SessionLaws/Acts/{year}/Chapter{n}``) and mass.gov executive orders.

A block element (``p``, ``h2``, ``li``, a table row ...) is a paragraph, and so
is each line a ``<br>`` breaks it into (pages set sections apart with ``<br>``).
Only the page's main content counts: scripts, navigation, forms, feedback boxes
and asides are not the instrument's text.
HTML prints no line numbers, so ``Line.src`` is the line of the HTML source.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from lawdiff.read.decode import decode
from lawdiff.errors import LawdiffError
from lawdiff.read import cover
from lawdiff.read.lines import Line, Reading, fold
from lawdiff.read.text import drop_mass_gov_feedback
from lawdiff.read.words import blank_rules, repair_hyphenation

_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table",
    "tbody", "thead", "tfoot", "tr", "ul", "center", "body", "html", "header", "caption",
}
_CELLS = {"td", "th"}
# Never the instrument's text, wherever they sit.
_JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "nav", "form", "button",
              "input", "select", "textarea", "aside", "footer", "object", "embed", "canvas", "link", "meta")
_JUNK_CLASS = re.compile(
    r"feedback|breadcrumb|skip-?link|skip-?nav|share|social|sidebar|cookie|visually-hidden|sr-only|"
    r"related|utility-nav|site-header|site-footer|print-button|back-to-top",
    re.I,
)
_MAIN = ("//main", "//*[@role='main']", "//*[@id='main-content']", "//*[@id='main']", "//article", "//body")
_INSTRUMENT = re.compile(
    r"\bBe it enacted\b|^SECTION [\dIVXLC]+\.|^Section \d+[A-Z]?\.|^WHEREAS\b|\bdo hereby order\b|"
    r"^An? Act\b|^AN ACT\b|^Chapter \d+\b|\bExecutive Order\b",
)
_APPROVED = re.compile(r"^Approved(?: by the Governor)?,? (\w+ \d{1,2}, \d{4})\.?$")
_ERROR_TITLE = re.compile(r"not found|\b404\b|\berror\b|unavailable|access denied|forbidden|sign in|log ?in", re.I)


class _Block:
    def __init__(self, src: int):
        self.src = src
        self.lines: list[tuple[str, int]] = [("", src)]
        self.cells: list[str] | None = None

    def add(self, text: str | None) -> None:
        if text:
            line, src = self.lines[-1]
            self.lines[-1] = (line + text, src)

    def texts(self) -> list[tuple[str, int]]:
        return [(fold(t), s) for t, s in self.lines if fold(t)]


def read_html(data: bytes, source: object) -> Reading:
    doc, text = _parse(data, source)
    line_of = _line_finder(doc, text)
    title = fold(" ".join(doc.xpath("//title//text()")))
    password = bool(doc.xpath("//input[translate(@type, 'PASSWORD', 'password')='password']"))
    root = next((found[0] for xp in _MAIN if (found := doc.xpath(xp))), doc)
    _strip_junk(root)
    blocks = _blocks(root, line_of)
    texts = [t for b in blocks for t, _ in b.texts()]
    # A site may put a sign-in box on every page: a password field alone does not make a login page.
    if not any(_INSTRUMENT.search(t) for t in texts):
        if password:
            raise LawdiffError(source, f"a login page ({title or 'password form'}), not an instrument")
        heading = fold(" ".join(doc.xpath("//h1//text()"))) or title
        if _ERROR_TITLE.search(f"{title} {heading}"):
            raise LawdiffError(source, f"an error page ({heading or title}), not an instrument")
        raise LawdiffError(source, f"no bill or executive order text on this page ({title or 'untitled'})")
    meta, blocks = _take_cover(blocks)
    meta.update(_take_approval(blocks))
    lines: list[Line] = []
    for block in blocks:
        for text, src in block.texts():
            if cover.is_header(text):
                for key, value in cover.header_meta(text).items():
                    meta.setdefault(key, value)
                continue
            lines.append(Line(text, None, src))
            # A <br> inside a block breaks a paragraph, not a wrapped line: HTML wraps by itself,
            # and bill and session-law pages set sections and subsections apart with <br>.
            lines.append(Line("", None, src))
    lines = drop_mass_gov_feedback(lines)
    blank_rules(lines)
    repair_hyphenation(lines)
    return Reading(lines=lines, line_numbers="source", meta=meta)


def _parse(data: bytes, source: object):
    # Decoded here (UTF-8, else cp1252) so a fragment with no <meta charset> is not read as Latin-1.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", decode(data, source))
    try:
        if re.search(r"<html[\s>]", text[:4096], re.I):
            return lxml.html.document_fromstring(text), text
        # A fragment (the Bill/Text body) has no <html>: wrap it so it has one root.
        return lxml.html.fragment_fromstring(text, create_parent="div"), text
    except (lxml.etree.ParserError, ValueError) as e:
        raise LawdiffError(source, f"HTML cannot be parsed ({e})") from None


def _strip_junk(root) -> None:
    for el in root.xpath(".//*"):
        if not isinstance(el.tag, str):  # comments, processing instructions
            continue
        classes = f"{el.get('class', '')} {el.get('id', '')}"
        hidden = el.get("hidden") is not None or el.get("aria-hidden") == "true" or \
            re.search(r"display:\s*none", el.get("style", ""))
        banner = el.tag == "header" and el.get("role") == "banner"
        if el.tag in _JUNK_TAGS or _JUNK_CLASS.search(classes) or hidden or banner:
            el.drop_tree() if el.getparent() is not None else None
    for el in root.xpath(".//comment() | .//processing-instruction()"):
        if el.getparent() is not None:
            el.drop_tree()


# libxml2 counts source lines in 16 bits: every element past line 65,535 says 65,535.
_LXML_LAST_LINE = 65535


def _line_finder(doc, text: str):
    """The source line of an element.  lxml's ``sourceline`` is exact up to line 65,535 and
    stuck there after it; in a longer page each element's line is taken from the standard
    library's parser instead, the k-th start tag of a name there being the k-th element of
    that name here (both read the same tags in source order)."""
    if text.count("\n") < _LXML_LAST_LINE:
        return lambda el: el.sourceline
    from html.parser import HTMLParser

    starts: dict[str, list[int]] = {}

    class _Lines(HTMLParser):
        def handle_starttag(self, tag, attrs):
            starts.setdefault(tag, []).append(self.getpos()[0])

    _Lines(convert_charrefs=False).feed(text)
    lines: dict = {}
    seen: dict[str, int] = {}
    for el in doc.iter():
        if isinstance(el.tag, str) and el.sourceline is not None:
            k = seen[el.tag] = seen.get(el.tag, -1) + 1
            found = starts.get(el.tag, [])
            if k < len(found):
                lines[el] = found[k]
    return lambda el: lines.get(el, el.sourceline if (el.sourceline or 0) < _LXML_LAST_LINE else None)


def _blocks(root, line_of) -> list[_Block]:
    blocks: list[_Block] = []
    current = [_Block(line_of(root) or 0)]

    def new_block(el):
        if current[0].texts() or current[0].cells:
            blocks.append(current[0])
        current[0] = _Block(line_of(el) or current[0].src)

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "tr" and not _layout_row(el):
            new_block(el)
            current[0].cells = [fold(c.text_content()) for c in el if isinstance(c.tag, str) and c.tag in _CELLS]
            current[0].add(" ".join(current[0].cells))
            new_block(el)
            current[0].add(el.tail)
            return
        if tag in _BLOCKS:
            new_block(el)
        elif tag == "br":
            current[0].lines.append(("", line_of(el) or current[0].src))
        if tag != "br":
            current[0].add(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCKS:
            new_block(el)
        current[0].add(el.tail)

    walk(root)
    new_block(root)
    return blocks


def _layout_row(tr) -> bool:
    """A row with a cell of several paragraphs lays out the page (old Word exports put the whole
    bill in one cell); a row of one-paragraph cells is data (the petitioners' table)."""
    return any(sum(1 for el in cell.iterdescendants() if isinstance(el.tag, str) and el.tag in _BLOCKS) > 1
               for cell in tr if isinstance(cell.tag, str) and cell.tag in _CELLS)


def _take_approval(blocks: list[_Block]) -> dict:
    """A session law ends "Approved, August 5, 2026.": when it became law, not a word of its text."""
    for k in range(len(blocks) - 1, -1, -1):
        texts = blocks[k].texts()
        if not texts:
            continue
        if len(texts) == 1 and (m := _APPROVED.match(texts[0][0])):
            del blocks[k]
            return {"approved": m.group(1)}
        return {}
    return {}


def _take_cover(blocks: list[_Block]) -> tuple[dict, list[_Block]]:
    """The whole-bill page opens with the cover; it ends with the PETITION OF table."""
    start = next((k for k, b in enumerate(blocks) if any(cover.PETITION_OF.match(t) for t, _ in b.texts())), None)
    if start is None or not cover.is_cover([t for b in blocks[: start + 1] for t, _ in b.texts()]):
        return {}, blocks
    end = start + 1
    rows = []
    while end < len(blocks) and (blocks[end].cells is not None or not blocks[end].texts()):
        cells = blocks[end].cells or []
        if cells and not cells[0].upper().startswith("NAME"):
            rows.append(cells)
        end += 1
    texts = [t for b in blocks[:start + 1] for t, _ in b.texts()]
    return cover.cover_meta(texts, rows), blocks[end:]
