"""The units the parser places, and the text each provision gathers from them.

A unit is a printed line of a bill, or a paragraph of text without printed numbers.
``NodeText`` collects each provision's text and the printed lines it covers as units are
added, so checks look at the last piece only and a provision thousands of lines long is
built in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawdiff.parse.provisions import lines_text
from lawdiff.parse.markers import BILL_SECTION, DEFINITION, DEFINITIONS_INTRO, FIELD, continues, marker, terminal
from lawdiff.parse.tree import NO_CHILDREN, Node
from lawdiff.read.cover import is_header
from lawdiff.read.lines import Reading, fold, is_folded


@dataclass(slots=True)
class Unit:
    text: str
    first: int | None
    last: int | None
    printed: bool


def units(reading: Reading) -> list[Unit]:
    """The reading's units, with a "SECTION n." that the source ran on after a sentence end split
    off, and an inserted section's heading run on after its instruction."""
    return _split_run_in_headings(_split_glued_sections(_units(reading)))


# "... by adding the following section:-Section 21." (H.4503), "... the following new section:-“Section
# 35QQQ" (S.587): the inserted section's heading typed on after the instruction's ":-"; also an
# article's section ("... the following section:-Section 3-9."), which only a quotation holds.
_RUN_IN_HEADING = re.compile(r"\b[Ss]ection\s?:\s?[-–—]{1,2}( ?)(?=“?Section \d+(?:-\d+)?[A-Z]{0,10}(?:[.:](?:\s|$)|\s*$))")


def _split_run_in_headings(units: list[Unit]) -> list[Unit]:
    """The inserted section opens a unit of its own, as if typed on the next paragraph."""
    out: list[Unit] = []
    for unit in units:
        # The pattern needs "ection" and a colon: most units have no colon, and skip its scan.
        m = _RUN_IN_HEADING.search(unit.text) if ":" in unit.text and "ection" in unit.text else None
        if m and m.end() < len(unit.text):
            out.append(Unit(unit.text[: m.start(1)], unit.first, unit.last, unit.printed))
            unit = Unit(unit.text[m.end():], unit.first, unit.last, unit.printed)
        out.append(unit)
    return out


# "SECTION 5." standing after a sentence end inside a unit: an opener that begins no section.  The
# source may also run it on with no space after a full stop ("... or a.SECTION 110.", S.3006;
# "... thereunder.SECTION 8.", H.3421).
_GLUED_SECTION = re.compile(r"(?:(?<=[.;:\-–—”\"] )|(?<=[.;]))SECTION (?:\d+[A-Z]?|[IVXLC]+)[.:](?=\s|[A-Z])")
# A stray mark typed before a paragraph's "SECTION n.": a line number ("9 SECTION 137.", S.3006),
# a full stop that ends the section before ("parent" then ".SECTION 26.", S.1130), a letter ("S
# SECTION 18.", S.3019).  Split off, like a glued opener, where n carries the numbering on.
_STRAY_BEFORE_SECTION = re.compile(r"^(?:\d{1,3} ?|[A-Z] |[.,;] ?)(?=SECTION \d+[A-Z]?[.:](?:\s|[A-Z]))")
# How a unit that opens a quotation ends: ":-", ": --", a bare colon, ":." (see body._opens_quotation).
_ENDS_INSTRUCTION = re.compile(r"(?::\s?[-–—]{0,2}|:\.)\s*$")
_MARKS = " .,;:-–—”\""  # what a glued opener may stand after with nothing else before it


def _glued_section(text: str):
    """``_GLUED_SECTION.search(text)``, scanned only where "SECTION " stands after the first
    character (its look-behind needs one before it): most units hold none."""
    return _GLUED_SECTION.search(text) if text.find("SECTION ", 1) >= 0 else None


_BILL_SECTION_FIRSTS = "“\"S"


def _split_glued_sections(units: list[Unit]) -> list[Unit]:
    """A "SECTION n." that the source ran on after a sentence end (``... on bail," SECTION 9.
    Said section ...``) starts a unit of its own when n carries on the section numbering;
    any other stays where it is, and ``missed_sections`` reports it."""
    out: list[Unit] = []
    last = None
    for unit in units:
        # BILL_SECTION starts with a quotation mark or "S": most units are answered by their first character.
        if unit.text[:1] in _BILL_SECTION_FIRSTS and (m := BILL_SECTION.match(unit.text)):
            last = m.group(1)
        at = unit.text.find("SECTION ", 1)
        if at < 0:  # most units: no "SECTION " after their first character, so neither a stray mark nor a glued opener
            out.append(unit)
            continue
        rest = unit
        # (a stray mark is at most four characters: "SECTION " stands within the first twelve)  Not
        # where the unit before ends an instruction: the mark would be the first text of its
        # quotation, and a quoted "SECTION n." after it would read as the bill's own.
        if (at < 12 and (m := _STRAY_BEFORE_SECTION.match(unit.text))
                and not (out and _ENDS_INSTRUCTION.search(out[-1].text))
                and last and continues(last, (opener := BILL_SECTION.match(unit.text[m.end():]).group(1)))):
            out.append(Unit(unit.text[: m.end()].rstrip(), unit.first, unit.last, unit.printed))
            rest = Unit(unit.text[m.end():], unit.first, unit.last, unit.printed)
            last = opener
        while ((m := _glued_section(rest.text)) and last and continues(last, m.group(0))
               and not (rest is unit and not rest.text[: m.start()].strip(_MARKS) and out
                        and _ENDS_INSTRUCTION.search(out[-1].text))):  # ". SECTION 2." first in a quotation: as above
            out.append(Unit(rest.text[: m.start()].rstrip(), rest.first, rest.last, rest.printed))
            rest = Unit(rest.text[m.start():], rest.first, rest.last, rest.printed)
            last = m.group(0)
        out.append(rest)
    return out


def missed_sections(units: list[Unit]) -> list[str]:
    """Bill sections the source shows but the tree cannot have: "SECTION n." after a sentence
    end within a line or paragraph (a layout the reader did not split).  Never silently flat."""
    return [f"{m.group(0)} ({where(u)}) stands inside another provision's text, not as a section of its own"
            for u in units if u.text.find("SECTION ", 1) >= 0 for m in _GLUED_SECTION.finditer(u.text)]


def where(unit: Unit) -> str:
    if unit.first is None:
        return "position unknown"
    return lines_text((unit.first, unit.last))


def _units(reading: Reading) -> list[Unit]:
    units: list[Unit] = []
    printed_doc = reading.line_numbers == "printed"
    paragraph: list = []

    def close_paragraph():
        if paragraph:
            first, last = (None, None) if printed_doc else (paragraph[0].src, paragraph[-1].src)
            units.append(Unit(" ".join(l.text for l in paragraph), first, last, False))
            paragraph.clear()

    for line in reading.lines:
        if line.number is not None:
            close_paragraph()
            if not line.text:
                continue
            if units and units[-1].printed and units[-1].first == line.number:
                units[-1].text += " " + line.text  # the printed line continues
            else:
                units.append(Unit(line.text, line.number, line.number, True))
        elif is_header(line.text) or FIELD.match(line.text):
            close_paragraph()  # a header or field line is a block of its own
            paragraph.append(line)
            close_paragraph()
        elif line.text:
            if paragraph and _opens_paragraph(line.text, paragraph[-1].text):
                close_paragraph()
            paragraph.append(line)
        else:
            close_paragraph()
    close_paragraph()
    return units


def _opens_paragraph(text: str, before: str) -> bool:
    """A marker at the start of a line after a sentence end opens a paragraph even with no
    blank line before it: sections sharing one ``<p>`` split by ``<br>``, wrapped text with no
    blank lines.  Mid-sentence ("... under\n(a) of section 2") it stays a continuation; "SECTION 2."
    opens one wherever a line starts with it, as on a printed page (a short title has no full stop)."""
    if BILL_SECTION.match(text):
        return True
    return terminal(before) and bool(marker(text, quoted=True) or DEFINITION.match(text))


def _defines(text: str) -> bool:
    """``DEFINITIONS_INTRO.search(text)``: in ASCII text (where its case-blind letters match only
    their ASCII cases) it cannot match without "as used in this", or "following words" or
    "following terms" and "have the following meanings", so the scan is skipped for the many
    pieces that hold neither."""
    if text.isascii():
        low = text.lower()
        if "as used in this" not in low and not ("have the following meanings" in low and (
                "following words" in low or "following terms" in low)):
            return False
    return DEFINITIONS_INTRO.search(text) is not None


class NodeText:
    """Each provision's text as the pieces added (joined once, at the end), the printed lines
    it covers, and which provisions introduce definitions.

    While the tree is built a node holds its first piece in its own ``text`` and the lines of its
    own units in its ``lines`` (``[first, last]``, widened in place); only a node given a second
    piece has a list of them here.  A dict of every node's pieces and one of its lines, keyed by
    ``id(node)``, were 11 MB at 30,000 sections, held through the parse (issue 26: memory)."""

    def __init__(self):
        self.more: dict[int, list[str]] = {}  # the pieces of a node given more than one
        self.merged: set[int] = set()  # nodes given another's pieces, none yet of their own: they have text
        self.defines: set[int] = set()  # nodes whose text introduces definitions

    def add(self, node: Node, unit: Unit, text: str | None = None) -> None:
        text = unit.text if text is None else text
        if text:
            key = id(node)
            before = node.text
            if not before:
                parts = self.more.get(key)  # pieces merged in, the first of them gone: a list here
                before = parts[-1] if parts else ""
            # The intro may wrap across printed lines: look at this piece and the end of the last
            # (not again for a node already known to introduce definitions).
            if key not in self.defines and _defines(f"{before[-120:]} {text}" if before else text):
                self.defines.add(key)
            if not node.text and key not in self.more:
                node.text = text  # its first piece
            else:
                parts = self.more.get(key)
                if parts is None:
                    parts = self.more[key] = [node.text]
                    node.text = ""
                parts.append(text)
        # ``self.extend(node, unit)`` written out: it is done for every unit placed.
        first, last = unit.first, unit.last
        if first is None:
            return
        extent = node.lines
        if extent is None:
            node.lines = [first, last]
        else:
            if first < extent[0]:
                extent[0] = first
            if last > extent[1]:
                extent[1] = last

    def extend(self, node: Node, unit: Unit) -> None:
        first, last = unit.first, unit.last
        if first is None:
            return
        extent = node.lines
        if extent is None:
            node.lines = [first, last]
        else:  # comparisons, not min() and max(): once for each unit placed
            if first < extent[0]:
                extent[0] = first
            if last > extent[1]:
                extent[1] = last

    def pieces(self, node: Node) -> list[str]:
        """The pieces of ``node``'s text so far, in order."""
        parts = self.more.get(id(node))
        if parts is not None:
            return parts
        return [node.text] if node.text else []

    def merge(self, into: Node, node: Node) -> None:
        """Give ``node``'s words and lines to ``into`` (which they follow), as if added there."""
        given = self.pieces(node)
        self.more.pop(id(node), None)
        node.text = ""
        if given:
            parts = self.more.get(id(into))
            if parts is None:
                parts = self.more[id(into)] = [into.text] if into.text else []
                into.text = ""
            parts.extend(given)
        elif not self.has_text(into):
            self.merged.add(id(into))  # as when the pieces were listed for every node: an empty list is some
        extent, node.lines = node.lines, None
        if extent:
            first, last = extent
            self.extend(into, Unit("", first, last, False))
        if id(node) in self.defines:
            self.defines.add(id(into))

    def tail(self, node: Node) -> str:
        parts = self.more.get(id(node))
        if parts:
            return parts[-1].rstrip()
        return node.text.rstrip()

    def has_text(self, node: Node) -> bool:
        return bool(node.text) or id(node) in self.more or id(node) in self.merged

    def finish(self, root: Node) -> None:
        """Join each node's pieces, and give each node the printed lines of its text and children."""
        more = self.more
        for node in root.walk():
            parts = more.get(id(node))
            text = " ".join(parts) if parts is not None else node.text
            node.text = text if is_folded(text) else fold(text)  # most are: no list of words made
            if not node.children:
                node.children = NO_CHILDREN  # the tree is built: every leaf shares one empty list
        _set_extents(root)


def _set_extents(node: Node) -> list[int] | None:
    """A node's lines cover its own text and all its children (its own: what ``NodeText`` gave it)."""
    own = node.lines
    first, last = own if own else (None, None)
    for child in node.children:  # compared as the spans come: no list of them made for each node
        span = _set_extents(child)
        if span:
            if first is None or span[0] < first:
                first = span[0]
            if last is None or span[1] > last:
                last = span[1]
    if own:
        own[0], own[1] = first, last
    elif first is not None:
        node.lines = [first, last]
    return node.lines
