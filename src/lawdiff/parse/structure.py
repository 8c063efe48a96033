"""Parse stage: ``Reading`` (lines) -> provision tree (``Node``).

The text is cut into units: a printed line of a bill, or a paragraph of text
without printed numbers.  Each unit is placed in one of three zones (preface,
preamble, body); in the body a unit that starts with a structure marker
("SECTION 2.", "Section 63.", "(a)", "(1)", "(i)", "(A)", a defined term in
quotes) opens a node, and any other unit continues the node before it.

A marker only counts at a unit start that is also a sentence boundary, so a
wrapped line that happens to begin "(ii)" mid-sentence stays text.  Every word
of the reading lands in exactly one node, in order (tests check this).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from lawdiff.parse.eids import assign_eids
from lawdiff.read.lines import Reading
from lawdiff.read.cover import is_header
from lawdiff.parse.tree import Node

# "SECTION 2." and, as real bills also print it: "SECTION 2:", "SECTION 14.Chapter",
# "SECITON 344." (H.4396 of the 193rd), "SECTION A1." (H.3), "SECTION 2C.I." (a budget's parts).
BILL_SECTION = re.compile(r"^((?:SECTION|SECITON) (?:[A-Z]?\d+[A-Z]{0,8}(?:\.[IVX]+)?|[IVXLC]+)[.:])(?=\s|$|[A-Z])")
# Inserted sections carry long suffixes: "Section 2JJJJJJ.", "Section 15AAAAAAA.".
SECTION = re.compile(r"^((?:Section|Sec\.) \d+[A-Za-z]{0,10}(?:½)?[.:])(?=\s|$)")
# An inserted section whose number lost its full stop: "Section 54B (a) If a child ..." (quoted only).
SECTION_NO_STOP = re.compile(r"^(Section \d+[A-Z]{0,10})(?=\s+\([a-z0-9]{1,4}\)\s)")
# Only inside quoted text: an inserted section printed as a bare number ("197A."), and the
# heading of an inserted chapter ("CHAPTER 6D.", "Chapter 6D") that holds its own sections.
BARE_SECTION = re.compile(r"^(\d{1,4}[A-Z]{1,10}(?:½)?\.)(?=\s+[A-Z(“\"]|$)")
CHAPTER = re.compile(r"^((?:CHAPTER|Chapter) \d+[A-Z]{0,3}\.?)(?=\s|$)")
# What ends an amending instruction: ":-", also printed ": -", ":--" or with a dash; or a bare
# colon after "the following section", "the following 2 sections", "the following chapter".
QUOTE_OPENS = re.compile(
    r":\s?[-–—]{1,2}$|\bfollowing (?:new |\w+ )?(?:sections?|chapters?|subsections?|paragraphs?|clauses?|"
    r"subclauses?|articles?|parts?|titles?)\s?:$")
# An instruction that inserts one section: the next "SECTION n." after it is the bill's own.
ONE_SECTION = re.compile(r"\bfollowing (?:new )?section\s?:", re.I)
SUBDIVISION = re.compile(r"^(\((\d{1,3}[A-Za-z]?|[a-z]{1,4}|[A-Z]{1,2})\))(?=\s|$)")
DEFINITION = re.compile(r"^[“\"]([^”\"]+?),?[”\"],?(?=\s|$)")
DEFINITIONS_INTRO = re.compile(r"following (?:words|terms)[^.]*? (?:shall )?have the following meanings|As used in this", re.I)
# A labelled field of a web page's header: "Date: 01/29/2026", "Issuer: Maura Healey".
FIELD = re.compile(r"^(?:Date|Issuer|Issued|Signed|Effective Date|Filed|Docket|Bill Number|Sponsor|Presented by): \S")
RECITAL = re.compile(r"^WHEREAS\b", re.I)  # "Whereas," opens an emergency preamble
FORMULA = re.compile(r"^(Be it enacted\b|NOW,? THEREFORE\b)")
TERMINAL = re.compile(r"(?:[.:;]|:\s?[-–—]{1,2}|[;,] (?:and|or))[\"”’)]*$")
ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")

# Level of a marker below the frame it stands in (the body, or a quoted structure).
LEVELS = {"chapter": 0.5, "section": 1, "subsection": 2, "paragraph": 3, "clause": 4, "subclause": 5}
P_RANK = 99.0  # a plain paragraph holds no structure: any marker closes it
HEADING_MAX_CHARS = 100  # a heading paragraph of text without printed numbers
HEADING_LINE_SHARE = 0.75  # a heading line is shorter than this share of a full printed line


@dataclass
class Unit:
    text: str
    first: int | None
    last: int | None
    printed: bool


def parse(reading: Reading, kind: str | None = None) -> tuple[Node, dict]:
    """Build the tree; returns (root, facts) where facts tell what was recognised."""
    units = _split_glued_sections(_units(reading))
    root_type = _root_type(kind, units)
    builder = _Builder(root_type, units, "body" if reading.body_only else "preface")
    root = builder.build()
    assign_eids(root)
    _set_extents(root, builder.extents)
    warnings = builder.warnings + _missed_sections(units)
    facts = {
        # True only when the structure was found: a section opener the tree missed means it was not.
        "structure": builder.structured and not any(w.startswith("SECTION") for w in warnings),
        "kind": kind or {"doc": "executive-order" if builder.ordered else "document"}.get(root_type, root_type),
        "warnings": warnings,
    }
    return root, facts


# "SECTION 5." standing after a sentence end inside a unit: an opener that begins no section.
_GLUED_SECTION = re.compile(r"(?<=[.;:\-–—”\"] )SECTION (?:\d+[A-Z]?|[IVXLC]+)[.:](?=\s|[A-Z])")


def _split_glued_sections(units: list[Unit]) -> list[Unit]:
    """A "SECTION n." that the source ran on after a sentence end (``... on bail," SECTION 9.
    Said section ...``) starts a unit of its own when n carries on the section numbering;
    any other stays where it is, and ``_missed_sections`` reports it."""
    out: list[Unit] = []
    last = None
    for unit in units:
        if m := BILL_SECTION.match(unit.text):
            last = m.group(1)
        rest = unit
        while (m := _GLUED_SECTION.search(rest.text)) and last and _continues(last, m.group(0)):
            out.append(Unit(rest.text[: m.start()].rstrip(), rest.first, rest.last, rest.printed))
            rest = Unit(rest.text[m.start():], rest.first, rest.last, rest.printed)
            last = m.group(0)
        out.append(rest)
    return out


def _missed_sections(units: list[Unit]) -> list[str]:
    """Bill sections the source shows but the tree cannot have: "SECTION n." after a sentence
    end within a line or paragraph (a layout the reader did not split).  Never silently flat."""
    return [f"{m.group(0)} ({_where(u)}) stands inside another provision's text, not as a section of its own"
            for u in units for m in _GLUED_SECTION.finditer(u.text)]


def _where(unit: Unit) -> str:
    if unit.first is None:
        return "position unknown"
    return f"line {unit.first}" if unit.first == unit.last else f"lines {unit.first}–{unit.last}"


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
    return bool(TERMINAL.search(before)) and bool(_marker(text, quoted=True) or DEFINITION.match(text))


def _root_type(kind: str | None, units: list[Unit]) -> str:
    if kind in ("bill", "act"):
        return kind
    if kind == "executive-order":
        return "doc"
    if any(u.text.startswith("Be it enacted") or BILL_SECTION.match(u.text) for u in units):
        return "bill"
    return "doc"


def _marker(text: str, quoted: bool = False) -> tuple[str, str, str] | None:
    """(type, num, rest) for a structure marker at the start of ``text``; ``quoted``: the text
    stands in an amendment's quoted structure, where bare numbers and chapters are markers too."""
    if m := BILL_SECTION.match(text):
        return "billSection", m.group(1), text[m.end():].lstrip()
    if m := SECTION.match(text):
        return "section", m.group(1), text[m.end():].lstrip()
    if quoted and (m := BARE_SECTION.match(text) or SECTION_NO_STOP.match(text)):
        return "section", m.group(1), text[m.end():].lstrip()
    if quoted and (m := CHAPTER.match(text)):
        return "chapter", m.group(1), text[m.end():].lstrip()
    if m := SUBDIVISION.match(text):
        label = m.group(2)
        if label[0].isdigit():
            kind = "paragraph"
        elif label.isupper():
            kind = "subclause"
        elif ROMAN.match(label):
            kind = "clause"  # "(i)" after "(h)" is corrected by the builder
        else:
            kind = "subsection"
        return kind, m.group(1), text[m.end():].lstrip()
    return None


class _Builder:
    def __init__(self, root_type: str, units: list[Unit], zone: str = "preface"):
        self.units = units
        self.first_zone = zone
        self.root = Node(root_type)
        self.preface = Node("preface")
        self.preamble = Node("preamble")
        self.body = Node("body")
        self.extents: dict[int, list[int]] = {}
        # Each node's text as the pieces added, joined once at the end: checks look at the
        # last piece only, so a provision thousands of lines long is built in linear time.
        self.parts: dict[int, list[str]] = {}
        self.defines: set[int] = set()  # nodes whose text introduces definitions
        self.single_section_quotes: set[int] = set()
        self.structured = False
        self.warnings: list[str] = []  # markers seen but not placed, for meta.warnings
        self.ordered = False  # an executive order's "do hereby order"
        self.stack: list[tuple[Node, float]] = [(self.body, 0.0)]
        self.last_label: dict[tuple[int, str], str] = {}  # (id(parent), kind) -> last label opened under it
        self.previous_heading = False
        printed = [len(u.text) for u in units if u.printed]
        self.full_line = statistics.median(printed) if printed else 0

    # -- zones -------------------------------------------------------------
    def build(self) -> Node:
        zone = self.first_zone
        for i, unit in enumerate(self.units):
            if zone != "body":
                if RECITAL.match(unit.text):
                    zone = "preamble"
                    self._recital(unit)
                    continue
                if FORMULA.match(unit.text):
                    self._formula(unit)
                    zone = "body"
                    continue
                if zone == "preamble" and not unit.printed and not _marker(unit.text):
                    self._add_text(self.preamble.children[-1].children[-1], unit)
                    continue
                if zone == "preface" and not unit.printed and not _marker(unit.text):
                    self._preface(unit)
                    continue
                zone = "body"
            self._body_unit(i, unit)
        if not self.structured and self.root.type in ("bill", "act") and len(self.body.children) == 1:
            self.structured = True  # an act of one unnumbered section, as printed
        elif not self.structured:
            self._flatten_to_paragraphs()
        for part in (self.preface, self.preamble, self.body):
            if part.children:
                self.root.children.append(part)
        for node in self.root.walk():
            node.text = " ".join(" ".join(self.parts.get(id(node), ())).split())
        return self.root

    def _flatten_to_paragraphs(self) -> None:
        """No structure recognised: the document is its paragraphs, in order."""
        for node in self.preface.children + self.body.children:
            node.type = "p"
        self.body.children = self.preface.children + self.body.children
        self.preface.children = []

    def _preface(self, unit: Unit) -> None:
        text = unit.text
        if re.match(r"^(?:An Act\b|An Resolve\b|Resolve\b|Executive Order No\. ?\d)", text):
            kind = "longTitle"
        elif re.match(r"^By (Representative|Senator|Mr\.|Ms\.|Mrs\.)", text):
            kind = "summary"
        elif re.match(r"^In the .* General Court\b", text):
            kind = "session"
        elif is_header(text):
            kind = "docket"
        else:
            kind = "p"
        node = Node(kind)
        self.preface.children.append(node)
        self._add_text(node, unit)

    def _recital(self, unit: Unit) -> None:
        if not self.preamble.children or self.preamble.children[-1].type != "recitals":
            self.preamble.children.append(Node("recitals"))
        recital = Node("recital")
        self.preamble.children[-1].children.append(recital)
        self._add_text(recital, unit)
        self.structured = True

    def _formula(self, unit: Unit) -> None:
        formula = Node("formula")
        self.preamble.children.append(formula)
        self._add_text(formula, unit)
        self.structured = True
        self.ordered = "hereby order" in unit.text

    # -- body --------------------------------------------------------------
    def _body_unit(self, i: int, unit: Unit) -> None:
        text = unit.text
        # "SECTION 2." opens a bill section wherever a line starts with it; other
        # markers need a sentence boundary before them.
        boundary = (not unit.printed or self.previous_heading or self._at_boundary()
                    or bool(BILL_SECTION.match(text)) or self._after_short_line(i))
        self.previous_heading = False
        opened = None
        while boundary and text:
            found = self._open(text, unit)
            if not found:
                break
            opened, text = found
            if opened.type == "definition":
                break
        if opened is not None and text and self._is_heading(text, i, unit):
            opened.heading = text
            self._extend(opened, unit)
            self.previous_heading = True
            return
        if opened is None:
            self._container_for_text(unit)
        node = self.stack[-1][0]
        self._add_text(node, unit, text)
        if QUOTE_OPENS.search(text.rstrip()) and self._next_opens(i):
            quote = Node("quotedStructure")
            if ONE_SECTION.search(text):
                self.single_section_quotes.add(id(quote))
            self._push(quote, self.stack[-1][1] + 0.5)

    def _open(self, text: str, unit: Unit) -> tuple[Node, str] | None:
        """Open the node whose marker starts ``text``; returns it and the rest of the text."""
        base = self._frame_base()
        marker = _marker(text, quoted=self._quoted_marker_expected())
        if marker:
            kind, num, rest = marker
            if kind == "billSection" and self._quoted_bill_section(num):
                kind = "section"  # "SECTION 7." of a special act, quoted in full
            if kind == "billSection":
                self._pop_to(1.0)
                node, rank = Node("section", num=num), 1.0
            else:
                kind = self._letter_or_roman(kind, num)
                if kind is None:
                    if not unit.printed:  # a paragraph opens with it: a marker, unplaced
                        self.warnings.append(f"{num} ({_where(unit)}) opens no provision: "
                                             f"no clause before it in a list")
                    return None
                rank = self._clause_under_subclause(num) if kind == "clause" else None
                rank = rank or base + LEVELS[kind]
                self._pop_to(rank)
                node = Node(kind, num=num)
                self.last_label[(id(self.stack[-1][0]), kind)] = num.strip("()")
            self._push(node, rank)
            self._extend(node, unit)
            self.structured = True
            return node, rest
        m = DEFINITION.match(text)
        if m and self._definitions_expected():
            while any(n.type == "definition" for n, _ in self.stack):
                self.stack.pop()
            node = Node("definition", term=m.group(1).strip())
            self._push(node, self.stack[-1][1] + 0.5)
            self._extend(node, unit)
            self.structured = True
            return node, text  # the term stays in the definition's text, as printed
        return None

    def _letter_or_roman(self, kind: str, num: str) -> str | None:
        """Decide whether "(i)", "(v)", "(x)", "(c)" ... is a clause or a lettered subsection.

        In order: a list introduced by a colon starts with clause (i); a running
        roman sequence continues; the letter right after the last subsection
        letter ("(h)" then "(i)") is a subsection; inside a paragraph it is a
        clause; a later letter ("(a)" then "(c)", where (b) was struck) is a
        subsection; a later numeral with no clause before it ("(iv)") is not a
        marker (None).
        """
        label = num.strip("()")
        if kind != "clause":
            return kind
        top = self.stack[-1][0]
        if label == "i" and re.search(r"(:|:\s?-|—)$", self._tail(top)):
            return kind
        previous_clause = self._last_label("clause")
        if previous_clause and _roman_value(label) == _roman_value(previous_clause) + 1:
            return kind
        previous_letter = self._last_label("subsection")
        if previous_letter and _next_letter(previous_letter) == label:
            return "subsection"
        if any(node.type == "paragraph" for node, _ in self.stack):
            return kind
        if previous_letter and len(label) == 1 and len(previous_letter) == 1 and label > previous_letter:
            return "subsection"
        if len(label) > 1 and top.type != "quotedStructure":
            # "(iv)" with no clause (iii) before it: a list never begins mid-way, so this is
            # running text that a new print happens to wrap at the start of a line ("...; and
            # (iv) the person may..."); as a clause it would turn a re-wrapped bill into a new
            # provision.  An amendment's quoted text may begin anywhere ("clause (iv)").
            return None
        return kind

    def _clause_under_subclause(self, num: str) -> float | None:
        """The rank of a clause that federal-style drafting nests under a subclause ("(A) ... (i)
        ... (ii) ... (B)"): a list "(i)" opening inside "(A)", and the clauses that carry it on.
        None where clauses stand above subclauses, as Massachusetts drafts them."""
        for node, rank in reversed(self.stack):
            if node.type == "subclause":
                return rank + 1 if num == "(i)" else None
            if node.type == "clause":
                nested = any(n.type == "subclause" and r < rank for n, r in self.stack)
                return rank if nested else None
            if node.type != "definition":
                return None
        return None

    def _last_label(self, kind: str) -> str | None:
        for node, _ in reversed(self.stack):
            if (id(node), kind) in self.last_label:
                return self.last_label[(id(node), kind)]
        return None

    def _frame_base(self) -> float:
        for node, rank in reversed(self.stack):
            if node.type == "quotedStructure":
                return rank
        return 0.0

    def _pop_to(self, rank: float) -> None:
        while len(self.stack) > 1 and self.stack[-1][1] >= rank:
            self.stack.pop()

    def _push(self, node: Node, rank: float) -> None:
        self.stack[-1][0].children.append(node)
        self.stack.append((node, rank))

    def _definitions_expected(self) -> bool:
        return any(id(n) in self.defines or n.type == "definition" for n, _ in self.stack)

    def _quotation(self) -> Node | None:
        """The innermost quoted structure open, if any."""
        return next((n for n, _ in reversed(self.stack) if n.type == "quotedStructure"), None)

    def _quoted_marker_expected(self) -> bool:
        """Bare "197A." and "CHAPTER 6D." open provisions only inside a quoted structure, and a bare
        number only where the quoted text begins with one or continues a run of them."""
        frame = self._quotation()
        if frame is None:
            return False
        if not frame.children or frame.children[-1].type == "chapter":
            return True
        sections = _quoted_sections(frame)
        return bool(sections) and bool(BARE_SECTION.match(sections[-1].num or ""))

    def _tail(self, node: Node) -> str:
        parts = self.parts.get(id(node))
        return parts[-1].rstrip() if parts else ""

    def _container_for_text(self, unit: Unit) -> None:
        """Text with no marker before it: in a bill, an unnumbered section; elsewhere a paragraph."""
        top = self.stack[-1][0]
        if top is self.body:
            if self.root.type in ("bill", "act"):
                self._push(Node("section"), 1.0)
            else:
                self._push(Node("p"), P_RANK)
        elif top.type == "p" and not unit.printed:
            self.stack.pop()
            self._push(Node("p"), P_RANK)

    def _at_boundary(self) -> bool:
        tail = self._tail(self.stack[-1][0])
        return not tail or bool(TERMINAL.search(tail))

    def _after_short_line(self, i: int) -> bool:
        """Did the printed line before this one stop well short of the margin?  Type is only
        wrapped at the margin, so its paragraph ended there even without a full stop
        ("(d) [Reserved]" then "(e) Guidelines ...")."""
        if i == 0 or not self.full_line:
            return False
        before = self.units[i - 1]
        return before.printed and len(before.text) < HEADING_LINE_SHARE * self.full_line

    def _is_heading(self, rest: str, i: int, unit: Unit) -> bool:
        if TERMINAL.search(rest) or rest.endswith(",") or not (rest[0].isupper() or rest[0].isdigit()):
            return False
        if unit.printed:
            if len(unit.text) >= HEADING_LINE_SHARE * self.full_line:
                return False
        elif len(rest) > HEADING_MAX_CHARS:
            return False
        # A heading is followed by its own text or a lower level, never by a sibling.
        following = self.units[i + 1].text if i + 1 < len(self.units) else ""
        marker = _marker(following)
        if not following:
            return False
        if marker:
            kind = "section" if marker[0] == "billSection" else marker[0]
            return LEVELS[kind] > LEVELS.get(self.stack[-1][0].type, 0) or self.stack[-1][0].type == "definition"
        return True

    def _next_opens(self, i: int) -> bool:
        following = self.units[i + 1].text if i + 1 < len(self.units) else ""
        return bool(_marker(following, quoted=True))

    def _quoted_bill_section(self, num: str) -> bool:
        """Is "SECTION n." inside a quotation the quotation's own (an act's sections are printed
        in capitals too) rather than the bill's next section?  The first thing after ":-" is
        quoted; after that, a number that carries the quoted run on (7 after 6, 2A after 2) is,
        unless the instruction inserted one section only."""
        frame = self._quotation()
        if frame is None:
            return False
        if not frame.children:
            return id(frame) not in self.parts
        last = frame.children[-1]
        if last.type == "chapter" and not any(c.type == "section" for c in last.children):
            return True  # an inserted chapter's first section
        if id(frame) in self.single_section_quotes:
            return False
        quoted = _quoted_sections(frame)
        return bool(quoted) and _continues(quoted[-1].num, num)

    # -- text and line extents --------------------------------------------
    def _add_text(self, node: Node, unit: Unit, text: str | None = None) -> None:
        text = unit.text if text is None else text
        if text:
            parts = self.parts.setdefault(id(node), [])
            # The intro may wrap across printed lines: look at this piece and the end of the last.
            if DEFINITIONS_INTRO.search(f"{parts[-1][-120:]} {text}" if parts else text):
                self.defines.add(id(node))
            parts.append(text)
        self._extend(node, unit)

    def _extend(self, node: Node, unit: Unit) -> None:
        if unit.first is None:
            return
        extent = self.extents.setdefault(id(node), [unit.first, unit.last])
        extent[0] = min(extent[0], unit.first)
        extent[1] = max(extent[1], unit.last)


def _quoted_sections(frame: Node) -> list[Node]:
    """The sections a quotation holds: its own, or those of the chapter it inserts last."""
    return [c for c in frame.children if c.type == "section"] or \
        [c for c in frame.children[-1].children if c.type == "section"]


def _section_number(num: str | None) -> tuple[int, str] | None:
    m = re.search(r"(\d+)([A-Z]*)", num or "")
    return (int(m.group(1)), m.group(2)) if m else None


def _continues(before: str | None, num: str) -> bool:
    """Does section ``num`` follow ``before`` in one run: the next number (7 after 6) or a
    lettered one inserted after it (2A after 2, 2B after 2A)?"""
    a, b = _section_number(before), _section_number(num.upper())
    if a is None or b is None:
        return False
    return b[0] == a[0] + 1 or (b[0] == a[0] and b[1] > a[1])


def _roman_value(label: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    if not ROMAN.match(label):
        return -1
    total = 0
    for a, b in zip(label, label[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def _next_letter(label: str) -> str | None:
    """"h" -> "i", "aa" -> "bb"; None after "z"."""
    if len(set(label)) != 1 or label[0] >= "z":
        return None
    return chr(ord(label[0]) + 1) * len(label)


def _set_extents(node: Node, extents: dict[int, list[int]]) -> list[int] | None:
    """A node's lines cover its own text and all its children."""
    spans = [extents.get(id(node))] + [_set_extents(c, extents) for c in node.children]
    spans = [s for s in spans if s]
    node.lines = [min(s[0] for s in spans), max(s[1] for s in spans)] if spans else None
    return node.lines
