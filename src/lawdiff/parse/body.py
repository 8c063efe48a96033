"""The body of an instrument: each unit opens a provision (its marker, placed by rank) or
continues the one before it.

Ranks: a marker's depth (``markers.LEVELS``) below the frame it stands in, the body or a quoted
structure (an amendment's inserted text, which has its own sections and subsections).  A
marker only counts at a unit start that is also a sentence boundary, so a wrapped line that
happens to begin "(ii)" mid-sentence stays text.
"""

from __future__ import annotations

import re

from lawdiff.parse.eids import clean_num
from lawdiff.parse.markers import (BARE_SECTION, DEFINITION, HYPHENATED_SECTION, LEVELS, MARKER_FIRSTS, ONE_SECTION,
                                   QUOTE_OPENS, QUOTES_SUBSECTIONS, Marker, MarkerLevel, continues, marker,
                                   next_letter, roman_value, subdivision_label, terminal)
from lawdiff.parse.numbering import carries, number, same_case
from lawdiff.parse.tree import Node
from lawdiff.parse.units import NodeText, Unit, where

P_RANK = 99.0  # a plain paragraph holds no structure: any marker closes it
_UNKNOWN = object()  # no marker looked for yet (``Body._open``)
# What marker() answers before it tries the patterns of quoted text (a loose opener is tried after).
_TRIED_BEFORE_QUOTED = (MarkerLevel.BILL_SECTION, MarkerLevel.SECTION, MarkerLevel.LINE_ITEM)
# What opens wherever a printed line starts with it, sentence boundary or not (``Body.add``).
_OPEN_ANYWHERE = (MarkerLevel.BILL_SECTION, MarkerLevel.LINE_ITEM)
_NO_QUOTATION = (None, 0.0)  # ``Body._innermost_quotation`` in the body itself
HEADING_MAX_CHARS = 100  # a heading paragraph of text without printed numbers
# An inserted section's number under its catchline heading (``Body._next_opens``).
SECTION_HEADING = re.compile(r"^[“\"]?Section \d+[A-Z]{0,10}[.:]")
# Text after a list's last item that continues the parent (``_wraps_up``): the items, the parents
# that can hold closing words (AKN hierarchical elements and a definition), the end of a list's
# introduction ("shall:", "that—") and of its last item (a full stop), and how far to look for the
# list's next item.
LIST_ITEMS = {"subsection", "paragraph", "clause", "subclause"}
WRAP_UP_PARENTS = {"section", "lineItem", "subsection", "paragraph", "clause", "subclause", "definition"}
LIST_INTRO = re.compile(r"(?::|—|--)[\"”’)]*$")
SENTENCE_END = re.compile(r"\.[\"”’)]*$")
LOOKAHEAD = 60
RUNS_ON = re.compile(r"(?:[;,]|[;,] (?:and|or))$")
AMENDING = re.compile(r"\b(?:insert\w*|add\w*|strik\w+|amended|substitut\w+|replac\w+)\b[^.;]*$", re.I)
# What says a colon and a dash put text in place rather than introduce a list (``_introduces_list``):
# amending words, "read as follows", or the kind of provision put ("the following section").  Not
# "following" or "follows" alone: "shall have the following powers ...:—" (H.4065) and "The master
# crime list follows:-" (H.1629) introduce lists, and as quotations they swallowed the bill's
# own later SECTIONs.  "added" only as a verb ("is hereby added"): "an added service through:—"
# introduces a list.
QUOTE_INSTRUCTION = re.compile(r"\b(?:insert\w*|add|adding|(?:is|are|be|been) (?:hereby )?added|strik\w+|amend|amended|substitut\w+|replac\w+|"
                               r"read as follows|enact\w*|following (?:new |\w+ )?(?:sections?|chapters?|"
                               r"subsections?|paragraphs?|clauses?|subclauses?|articles?|parts?|titles?|"
                               r"definitions?|words?|sentences?|text))\b[^.;]*$", re.I)
# An amending instruction ending in a bare colon: "inserting after section 47PP the following:"
# (H.1030), "replace with the following:" (S.2423).
BARE_INSTRUCTION = re.compile(r"\b(?:the following|as follows)\b[^.;:]*:[\"”’]?$")
# "... amended by inserting the following-", "... replacing Section 2F with the following-" (H.4150),
# "... the following 3 sections -" (S.2584): a dash and no colon.  Not "the following meanings—" or
# "the following factors-", which introduce lists.
DASH_INSTRUCTION = re.compile(r"\bthe following(?: new| \d+)?(?: (?:sections?|chapters?|subsections?|paragraphs?|"
                              r"clauses?|words?|sentences?|definitions?))?\s?[-–—]{1,2}[\"”’]?$")
# An instruction that puts a part of a section, which holds no "SECTION n." of its own.
PUTS_LESS_THAN_A_SECTION = re.compile(r"\bfollowing (?:new |\d+ |\w+ )?(?:subsections?|paragraphs?|clauses?|subclauses?|"
                                      r"sentences?|words?|definitions?|figures?)\s?:\s?[-–—]{0,2}\s*$", re.I)
# "... inserting after chapter 265 the following chapter 265A" (H.1463): no colon at all.
NAMED_INSERT = re.compile(r"\bfollowing (?:new )?(?:chapter|section) \d+[A-Z]*[:.]?$")
SENTENCE_BREAK = re.compile(r"[.;](?=\s)")  # where _opens_quotation takes the last sentence
AMENDING_WORDS = re.compile(r"\b(?:insert\w*|add|adding|added|strik\w+|amended|substitut\w+|replac\w+|"
                            r"read as follows)\b", re.I)
# "Section 63. Updates to Law Enforcement Procedures (a) Definitions As used ...": a heading and
# the section's first subsection run into one paragraph, as Word-saved drafts print them.
RUN_IN_SUBSECTION = re.compile(r"^([A-Z][^.;:()“”\"]{0,100}?)\s+(\(a\)\s+[A-Z“\"].*)$")
# The words of a bill's own amending section, never of an inserted chapter's.
# "SECTION 43. Said section 57 of said chapter 71, as so appearing, is hereby further amended ...": a bill's
# own instruction, whatever its number (S.116 numbers its SECTIONs 1, 2, 32, 43, 54, 65), where the quotation
# open puts in General Laws: a section of the General Laws never amends another law. A section of an act put
# in ("Section 5 of chapter 9 of the acts of 2023 is hereby amended by striking out section 5 and inserting
# ... the following section:- SECTION 5. Section 3 of chapter 40 ..., as appearing ..., is hereby amended")
# may, and stays quoted (AN_ACT).
AN_ACT = re.compile(r"\b(?:acts|resolves)\s+of\s+\d{4}\b|\bthis\s+act\b", re.I)
AMENDS_AS_APPEARING = re.compile(r"\bas\s+(?:so\s+)?appearing\b[^.;:]{0,120}?\b(?:is|are)\s+hereby\s+(?:further\s+)?"
                                 r"(?:amended|repealed)\b", re.I)
AMENDS_GENERAL_LAWS = re.compile(r"\bGeneral Laws\b[^.]*\b(?:is|are) hereby (?:further )?amended\b")
# How far a bill's own next section may skip (a section struck from a redraft) and still be the
# bill's rather than a quoted one.
NUMBERING_SKIP = 3
# Words that open a sentence, not a heading in capitals: "A municipality may", "This legislation authorizes".
SENTENCE_OPENING = re.compile(r"[A-Z][a-z]* [a-z]+ [a-z]")
# "... by adding the following 7 sections:-", "the following two new sections:-": how many it puts.
SECTIONS_PUT = re.compile(r"\bfollowing (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
                          r"(?:new )?sections\s?:", re.I)
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}

HEADING_LINE_SHARE = 0.75  # a heading line is shorter than this share of a full printed line


class Body:
    """Builds the body node from the units that follow the front matter."""

    def __init__(self, root_type: str, units: list[Unit], text: NodeText):
        self.root_type = root_type
        self.units = units
        self.text = text
        self.body = Node("body")
        # id(quotedStructure) -> how many sections its instruction says it puts: 1 for "the following
        # section:-", n for "the following n sections:-" (other quotations are not in it)
        self.sections_put: dict[int, int] = {}
        self.quote_intro: dict[int, str] = {}  # id(quotedStructure) -> the instruction that opened it
        self.bare_quotes: set[int] = set()  # quotations opened by a bare colon ("the following:")
        self.bill_sections: list[Node] = []  # the bill's own sections, in order: their numbering decides
        self.first_stop = "."  # the stop after the bill's first section number ("." "-" "" ...)
        self.structured = False
        self.warnings: list[str] = []  # markers seen but not placed, for meta.warnings
        self.stack: list[tuple[Node, float]] = [(self.body, 0.0)]
        self.last_label: dict[tuple[int, str], str] = {}  # (id(parent), kind) -> last label opened under it
        self.previous_heading = False
        self.nums: dict[str, str] = {}  # each subdivision number as first printed (shared by those alike)
        # Closing words being gathered: (their parent, the wrapUp node, the node whose text the
        # words would otherwise continue).  The stack stays as it was, so a marker after them is
        # placed exactly as without them.
        self.wrap_up: tuple[Node, Node, Node] | None = None
        printed = [len(u.text) for u in units if u.printed]
        self.full_line = _median(printed) if printed else 0

    def add(self, i: int, unit: Unit) -> None:
        """Place the i-th unit: open the provisions its markers start, or continue the one open."""
        text = unit.text
        # "SECTION 2." and a line item open wherever a line starts with them (an item follows
        # the amount that ends the one before, no full stop); other markers need a sentence
        # boundary before them.
        first = marker(text)
        # marker() answers a line item exactly where LINE_ITEM matches (no other pattern starts
        # with a digit), and the level is asked before the text before it is read: both cheaper.
        boundary = (not unit.printed or self.previous_heading
                    or (first is not None and first.level in _OPEN_ANYWHERE)
                    or self._at_boundary() or self._after_short_line(i))
        self.previous_heading = False
        opened = None
        known = first  # the marker of the unit's own text, found already
        while boundary and text:
            found = self._open(text, unit, known)
            known = _UNKNOWN
            if not found:
                break
            opened, text = found
            if opened.type == "definition":
                break
            if opened.type == "section" and not unit.printed and (m := RUN_IN_SUBSECTION.match(text)) \
                    and _title_like(m.group(1)):
                opened.heading, text = m.group(1), m.group(2)
        if opened is not None and text and opened.type != "lineItem" and self._is_heading(text, i, unit):
            opened.heading = text
            self.text.extend(opened, unit)
            self.previous_heading = True
            return
        if opened is None and self.wrap_up is None and self._wraps_up(i, unit):
            self._open_wrap_up(unit)
        elif opened is None and self.wrap_up is None:
            self._container_for_text(unit)
        node = self.wrap_up[1] if opened is None and self.wrap_up else self.stack[-1][0]
        self.text.add(node, unit, text)
        if _opens_quotation(text) and self._next_opens(i) and not _introduces_list(text):
            self._open_quotation(text)

    def _open_quotation(self, intro: str) -> Node:
        quote = Node("quotedStructure")
        if ONE_SECTION.search(intro):
            self.sections_put[id(quote)] = 1
        elif m := SECTIONS_PUT.search(intro):
            self.sections_put[id(quote)] = int(NUMBER_WORDS.get(m.group(1).lower(), m.group(1)))
        if not QUOTE_OPENS.search(intro.rstrip()):
            self.bare_quotes.add(id(quote))
        self.quote_intro[id(quote)] = intro
        self._push(quote, self.stack[-1][1] + 0.5)
        return quote

    def _open(self, text: str, unit: Unit, known: Marker | None | object = _UNKNOWN) -> tuple[Node, str] | None:
        """Open the node whose marker starts ``text``; returns it and the rest of the text.
        ``known``: ``marker(text)``, where the caller has it (else ``_UNKNOWN``)."""
        first = text[:1]
        if first not in MARKER_FIRSTS and not first.isdigit():
            return None  # no marker, quoted or not, and no defined term ("“" or '"') starts so
        if (known is not _UNKNOWN and known is not None and known.loose is None
                and known.level in _TRIED_BEFORE_QUOTED):
            # One of the patterns marker() tries first, which answer as outside quoted text:
            # whether quoted markers are expected here need not be asked.  A section's base is
            # found after ``_section_kind`` (below); a line item's is the frame's.
            found = known
            base = self._frame_base() if known.level == MarkerLevel.LINE_ITEM else 0.0
        else:
            frame, base = self._innermost_quotation()  # one walk of the stack for both
            quoted = self._quoted_marker_expected(frame)
            # In quoted text only the patterns marker() tries first answer as outside it.
            if known is _UNKNOWN or (quoted and (known is None or known.loose is not None
                                                 or known.level not in _TRIED_BEFORE_QUOTED)):
                found = marker(text, quoted=quoted)
            else:
                found = known
            if (found is None and frame is not None and not quoted and first in "“\"S"
                    and (m := HYPHENATED_SECTION.match(text))
                    and (last := _last_quoted_section(frame)) is not None and HYPHENATED_SECTION.match(last.num or "")):
                # An article's section after another ("Section 5-602." after "Section 5-601.", S.109: a run
                # put in with no chapter heading above them); only that, not every quoted-only pattern (a
                # paragraph "Chapter 41 of the General Laws ..." inside one is no chapter).
                found = Marker(MarkerLevel.SECTION, m.group(1), text[m.end():].lstrip())
        if found:
            kind, num, rest = found.level, found.num, found.rest
            if kind in (MarkerLevel.BILL_SECTION, MarkerLevel.SECTION):
                kind = self._section_kind(found)
                if kind is None:
                    return None  # a loosely typed opener that does not carry the numbering on: text
                if kind != MarkerLevel.BILL_SECTION:  # a bill's own section is ranked 1.0, not by its frame
                    base = self._frame_base()
            if kind == MarkerLevel.BILL_SECTION:
                self._pop_to(1.0)
                node, rank = Node("section", num=num), 1.0
            else:
                kind = self._letter_or_roman(kind, num)
                if kind is None:
                    if not unit.printed:  # a paragraph opens with it: a marker, unplaced
                        self.warnings.append(f"{num} ({where(unit)}) opens no provision: "
                                             f"no clause before it in a list")
                    return None
                rank = self._clause_under_subclause(num) if kind == MarkerLevel.CLAUSE else None
                if kind == MarkerLevel.SUBSECTION:
                    self._leave_definitions_for(num, unit)
                rank = rank or base + LEVELS[kind]
                self._pop_to(rank)
                # One string for each number printed alike: "(a)", "(1)" stand thousands of times in a
                # long bill (0.6 MB at 30,000 sections, held through the redline; issue 26: memory).
                node = Node(kind.value, num=self.nums.setdefault(num, num))
                self.last_label[(id(self.stack[-1][0]), kind)] = subdivision_label(num)
            self._push(node, rank)
            if rank == 1.0 and len(self.stack) == 2:
                self._bill_section_opened(node, found)
            self.text.extend(node, unit)
            self.structured = True
            return node, rest
        m = DEFINITION.match(text)
        if m and self._definitions_expected():
            while any(n.type == "definition" for n, _ in self.stack):
                self.stack.pop()
            node = Node("definition", term=m.group(1).strip())
            self._push(node, self.stack[-1][1] + 0.5)
            self.text.extend(node, unit)
            self.structured = True
            return node, text  # the term stays in the definition's text, as printed
        return None

    def _section_kind(self, found: Marker) -> MarkerLevel | None:
        """Is a "SECTION n." or "Section n." the bill's own section (``BILL_SECTION``), a quoted
        one (``SECTION``), or, typed loosely, no marker at all (None)?  The bill's own numbering
        decides: its sections run 1, 2, 3 ... (2A after 2), so a number that carries it on is the
        bill's, and one that does not ("SECTION 60." after the bill's SECTION 1, H.1478) is quoted."""
        kind, num = found.level, found.num
        if found.loose is not None and not self._fits_numbering(found):
            return None
        quote = self._quotation()
        if quote is not None and self._repeats_heading(quote, num):
            return None
        if num.startswith(("“", '"')) and not (kind == MarkerLevel.BILL_SECTION and quote is None and (
                carries(self.bill_sections[-1].num, num) if self.bill_sections else clean_num(num) == "1")):
            # A stray mark before the bill's own next SECTION, or its first ('"SECTION 1.' opens H.1243),
            # is no quotation.
            return self._quoted_mark()
        if kind == MarkerLevel.BILL_SECTION:
            return MarkerLevel.SECTION if quote is not None and self._quoted_bill_section(num, found.rest) else kind
        if not self.bill_sections:
            if kind == MarkerLevel.SECTION and quote is None and number(num) != (1, ""):
                # A bill with no numbered sections that puts one in ("... adding the following new
                # section;" then "Section 42B.", S.1592): quoted, not the bill's own.
                if self.stack[-1][0] is self.body:
                    self._push(Node("section"), 1.0)
                elif not any(AMENDING_WORDS.search(part) for part in self.text.pieces(self.stack[-1][0])):
                    # No instruction puts it: a bill that reprints a section of the General Laws
                    # whole, catalogue headings and all (H.1291).  Read as quoted, but said so.
                    self.warnings.append(f"{num} is read as quoted text, but no amending instruction "
                                         f"comes before it")
                self._open_quotation("")
            return kind  # a bill that numbers its own sections "Section 1." does so from its first
        bill_title_case = (self.bill_sections[0].num or "").startswith("Section")
        if quote is None:
            if not bill_title_case and carries(self.bill_sections[-1].num, num):
                return MarkerLevel.BILL_SECTION  # "SECTION 1." then "Section 2." (H.2336, S.2872)
            if not bill_title_case and self.stack[-1][0] is not self.body:
                # An inserted section the bill prints in its own section with no quotation
                # opened before it ("replace with the following:" then "Section 26A.", S.2423):
                # quoted, never the bill's next section.
                self._open_quotation("")
            return kind
        if bill_title_case and not self._quoted_bill_section(num, found.rest):
            return MarkerLevel.BILL_SECTION  # "Section 2:" after the "Section 68." that Section 1 inserts (H.1379)
        return kind

    def _repeats_heading(self, quote: Node, num: str) -> bool:
        """"Section 13D1/4.  Section 13D1/4. Whoever ..." (H.1632): the heading just opened, typed
        again before its words, is its text, not a second section."""
        last = quote.children[-1] if quote.children else None
        return (last is not None and last.type == "section" and not last.children
                and not self.text.has_text(last) and clean_num(last.num or "") == clean_num(num))

    def _quoted_mark(self) -> MarkerLevel:
        """A section opened by an opening quotation mark ("“SECTION 11.", S.26; "“Section 17.",
        H.4503) is quoted text: inside the quotation open, or one opened in the section before it
        where the instruction did not end so that one opened.  Not a "“SECTION 3." that carries
        the bill's own numbering on with no quotation open: a stray mark (H.3393)."""
        if self._quotation() is None:
            if self.stack[-1][0] is self.body:
                self._push(Node("section"), 1.0)
            self._open_quotation("")
        return MarkerLevel.SECTION

    def _fits_numbering(self, found: Marker) -> bool:
        """Does a loosely typed opener ("SECTION 3 .", "SECTION 1" alone) carry the bill's own
        numbering on, with the stop its first section used (a charter's "SECTION 2 - FORM OF
        GOVERNMENT" inside the bill's "SECTION 1." is not its SECTION 2)?"""
        if not self.bill_sections:
            return clean_num(found.num) == "1"
        # A dash is how charters head their own sections ("SECTION 2 - FORM OF GOVERNMENT"):
        # the bill's only where its first section has one too, or where a sentence follows the dash
        # ("SECTION 2 - A municipality may elect ...", S.1619), as no heading reads.
        return carries(self.bill_sections[-1].num, found.num) and (
            found.loose != "-" or self.first_stop == "-" or bool(SENTENCE_OPENING.match(found.rest)))

    def _bill_section_opened(self, node: Node, found: Marker) -> None:
        if not self.bill_sections:
            self.first_stop = "." if found.loose is None else found.loose
        self.bill_sections.append(node)

    def _leave_definitions_for(self, num: str, unit: Unit) -> None:
        """A subsection "(b)" with no "(a)" opened under the definition it follows is the
        section's next subsection, never the definition's child; with no "(a)" before it at any
        level, a subsection was missed: a warning."""
        label = subdivision_label(num)
        definitions = [n for n, _ in self.stack if n.type == "definition"]
        if label == "a" or not definitions or (id(definitions[-1]), "subsection") in self.last_label:
            return
        outermost = next(k for k, (n, _) in enumerate(self.stack) if n.type == "definition")
        del self.stack[outermost:]
        if self._last_label("subsection") is None:
            self.warnings.append(f"{num} ({where(unit)}) follows definitions with no (a) before it: "
                                 f"a subsection was not opened")

    def _letter_or_roman(self, kind: MarkerLevel, num: str) -> MarkerLevel | None:
        """Decide whether "(i)", "(v)", "(x)", "(c)" ... is a clause or a lettered subsection.

        In order: a list introduced by a colon starts with clause (i); a running
        roman sequence continues; an amendment's quoted text opens with a
        subsection where its instruction inserts subsections, and "(c)" or "(l)"
        is a letter; the letter right after the last subsection letter ("(h)"
        then "(i)") is a subsection; inside a paragraph it is a
        clause; a later letter ("(a)" then "(c)", where (b) was struck) is a
        subsection; a later numeral with no clause before it ("(iv)") is not a
        marker (None).
        """
        label = subdivision_label(num)
        if kind != MarkerLevel.CLAUSE:
            return kind
        top = self.stack[-1][0]
        if label == "i" and re.search(r"(:|:\s?-|—)$", self.text.tail(self.wrap_up[1] if self.wrap_up else top)):
            return kind
        previous_clause = self._last_label("clause")
        if previous_clause and roman_value(label) == roman_value(previous_clause) + 1:
            return kind
        if top.type == "quotedStructure" and not top.children:
            # The first marker of an amendment's quoted text is what its instruction inserts
            # ("the following subsections:- (c)(1) ..."); and a single (c) or (l) is a letter,
            # for no list of clauses starts at 100 or 50.
            if label in ("c", "l") or QUOTES_SUBSECTIONS.search(self.text.tail(self.stack[-2][0])):
                return MarkerLevel.SUBSECTION
        previous_letter = self._last_label("subsection")
        if previous_letter and next_letter(previous_letter) == label:
            return MarkerLevel.SUBSECTION
        if any(node.type == "paragraph" for node, _ in self.stack):
            return kind
        if previous_letter and len(label) == 1 and len(previous_letter) == 1 and label > previous_letter:
            return MarkerLevel.SUBSECTION
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
        return self._innermost_quotation()[1]

    def _innermost_quotation(self) -> tuple[Node | None, float]:
        """The innermost quoted structure open and its rank (the base of the ranks in it);
        (None, 0.0) in the body itself."""
        for entry in reversed(self.stack):
            if entry[0].type == "quotedStructure":
                return entry
        return _NO_QUOTATION

    def _pop_to(self, rank: float) -> None:
        while len(self.stack) > 1 and self.stack[-1][1] >= rank:
            self.stack.pop()

    def _push(self, node: Node, rank: float) -> None:
        if self.wrap_up:
            self._close_wrap_up()
        self.stack[-1][0].children.append(node)
        self.stack.append((node, rank))

    def _definitions_expected(self) -> bool:
        if self.wrap_up and id(self.wrap_up[1]) in self.text.defines:
            return True
        return any(id(n) in self.text.defines or n.type == "definition" for n, _ in self.stack)

    def _quotation(self) -> Node | None:
        """The innermost quoted structure open, if any."""
        for node, _ in reversed(self.stack):
            if node.type == "quotedStructure":
                return node
        return None

    def _quoted_marker_expected(self, frame: Node | None) -> bool:
        """Bare "197A." and "CHAPTER 6D." open provisions only inside a quoted structure, and a bare
        number only where the quoted text begins with one or continues a run of them.  ``frame``:
        the innermost quoted structure open (``_quotation()``)."""
        if frame is None:
            return False
        if not frame.children or frame.children[-1].type == "chapter":
            return True
        last = _last_quoted_section(frame)
        return last is not None and bool(BARE_SECTION.match(last.num or ""))

    def _wraps_up(self, i: int, unit: Unit) -> bool:
        """Does this unit, with no marker, close the list its parent introduced rather than
        continue the list's last item?  ``(a) The department shall: (1) collect ...; (2) report
        .... The commissioner may waive ...``: the closing sentence is the parent's (AKN's
        ``wrapUp``).  It is when all of these hold:

        - the unit starts a new paragraph: a paragraph of a source without printed lines (an API
          record, a web page: one paragraph per unit), or a printed line after one that stopped
          short of the margin (a printed line alone says nothing: lines wrap);
        - the open provision is a list item, of two at least, whose parent introduced the list
          (its own text ends with a colon or a dash, and is no amending instruction: "inserting
          in its place:" puts text, not a list), and the item ended its sentence with a full
          stop (an item ending "; and" carries the list on);
        - the unit starts a sentence (a capital), and is no amending instruction of its own;
        - the list does not carry on after it: the next marker ahead is not the item's next
          sibling, (3) after (2) (an item of two paragraphs).  Where the parent still gets another
          child after all, the words go back to the item (``_close_wrap_up``).
        """
        if len(self.stack) < 3 or not (not unit.printed or self._after_short_line(i)):
            return False
        item, parent = self.stack[-1][0], self.stack[-2][0]
        if item.type not in LIST_ITEMS or parent.type not in WRAP_UP_PARENTS:
            return False
        intro = self.text.tail(parent)
        if not LIST_INTRO.search(intro) or AMENDING.search(intro) or not SENTENCE_END.search(self.text.tail(item)):
            return False
        if not _two_of(parent.children, item.type):
            return False  # one item is no list: "(3)" alone, put in place of the old (3), may run on
        if not unit.text[:1].isupper() or QUOTE_OPENS.search(unit.text.rstrip()):
            return False
        return not self._list_carries_on(i, item)

    def _runs_on(self, item: Node, parent: Node) -> bool:
        """Is ``item`` the last of a list ``parent`` introduced whose items end in "; or", "; and",
        ",": one sentence, that the list nested in ``item`` ends?"""
        if item.type not in LIST_ITEMS or parent.type not in WRAP_UP_PARENTS:
            return False
        if not LIST_INTRO.search(self.text.tail(parent)) or AMENDING.search(self.text.tail(parent)):
            return False
        siblings = [c for c in parent.children if c.type == item.type]
        if len(siblings) < 2 or siblings[-1] is not item:
            return False
        before = siblings[-2]
        while before.children:  # where that item's words end
            before = before.children[-1]
        return bool(RUNS_ON.search(self.text.tail(before)))

    def _list_carries_on(self, i: int, item: Node) -> bool:
        """Is the next marker within ``LOOKAHEAD`` units the item's next sibling?"""
        for unit in self.units[i + 1: i + 1 + LOOKAHEAD]:
            found = marker(unit.text)
            if found and found.level not in (MarkerLevel.BILL_SECTION, MarkerLevel.SECTION, MarkerLevel.LINE_ITEM):
                return _follows(item.num or "", found.num)
            if found:
                return False
        return False

    def _open_wrap_up(self, unit: Unit) -> None:
        """Open the parent's closing words after the item; the next provision opened closes them.
        A list nested in an item of a list that is one running sentence ("(3) ...; or (4) ...
        without either: (i) ...; (iv) ... ." H.3980) closes the outer list too: the words after
        it are the outer parent's (a closing paragraph that speaks of "this subsection")."""
        at = len(self.stack) - 2
        while at > 1 and self._runs_on(self.stack[at][0], self.stack[at - 1][0]):
            at -= 1
        parent, node = self.stack[at][0], Node("wrapUp")
        parent.children.append(node)
        self.wrap_up = (parent, node, self.stack[-1][0])
        self.text.extend(node, unit)

    def _close_wrap_up(self) -> None:
        """A provision opens after the closing words.  Where it opens outside their parent they
        stay; where inside (the list went on after all: a charter's next article, unmarked, then
        "(i)"), they were the words of the provision before them, as AKN wants a wrapUp last."""
        parent, node, before = self.wrap_up
        self.wrap_up = None
        if any(n is parent for n, _ in self.stack):
            parent.children.remove(node)
            self.text.merge(before, node)

    def _container_for_text(self, unit: Unit) -> None:
        """Text with no marker before it: in a bill, an unnumbered section; elsewhere a paragraph."""
        top = self.stack[-1][0]
        if top is self.body:
            if self.root_type in ("bill", "act"):
                self._push(Node("section"), 1.0)
            else:
                self._push(Node("p"), P_RANK)
        elif top.type == "p" and not unit.printed:
            self.stack.pop()
            self._push(Node("p"), P_RANK)

    def _at_boundary(self) -> bool:
        tail = self.text.tail(self.wrap_up[1] if self.wrap_up else self.stack[-1][0])
        return not tail or terminal(tail)

    def _after_short_line(self, i: int) -> bool:
        """Did the printed line before this one stop well short of the margin?  Type is only
        wrapped at the margin, so its paragraph ended there even without a full stop
        ("(d) [Reserved]" then "(e) Guidelines ...")."""
        if i == 0 or not self.full_line:
            return False
        before = self.units[i - 1]
        return before.printed and len(before.text) < HEADING_LINE_SHARE * self.full_line

    def _is_heading(self, rest: str, i: int, unit: Unit) -> bool:
        if terminal(rest) or rest.endswith(",") or not (rest[0].isupper() or rest[0].isdigit()):
            return False
        if _opens_quotation(rest):
            return False  # "... inserting after chapter 265 the following chapter 265A": an instruction
        if unit.printed:
            if len(unit.text) >= HEADING_LINE_SHARE * self.full_line:
                return False
        elif len(rest) > HEADING_MAX_CHARS:
            return False
        # A heading is followed by its own text or a lower level, never by a sibling.
        following = self.units[i + 1].text if i + 1 < len(self.units) else ""
        found = marker(following)
        if not following:
            return False
        if found:
            kind = MarkerLevel.SECTION if found.level == MarkerLevel.BILL_SECTION else found.level
            return LEVELS[kind] > LEVELS.get(self.stack[-1][0].type, 0) or self.stack[-1][0].type == "definition"
        return True

    def _next_opens(self, i: int) -> bool:
        """Does a marker open the next unit, or the one after a catchline heading that the
        inserted section prints above its number ("... with the following-", "Management
        guidelines for forest lands", "Section 2F. ...", H.4150)?"""
        following = self.units[i + 1].text if i + 1 < len(self.units) else ""
        if marker(following, quoted=True):
            return True
        after = self.units[i + 2].text if i + 2 < len(self.units) else ""
        return (not self.units[i + 1].printed and 0 < len(following) <= HEADING_MAX_CHARS
                and not terminal(following.rstrip()) and bool(SECTION_HEADING.match(after)))

    def _quoted_bill_section(self, num: str, rest: str = "") -> bool:
        """Is "SECTION n." inside a quotation the quotation's own (an act's sections are printed
        in capitals too) rather than the bill's next section?  A number that does not carry the
        bill's own numbering on is quoted ("SECTION 60." after the bill's SECTION 1).  Otherwise
        the first thing after ":-" is quoted, unless it carries the bill's numbering on and the
        instruction does not name it (the inserted text is missing from the record, H.4625), or
        it is a "SECTION 1." after a bare colon that no section of the bill precedes ("... shall
        be amended to include the following:" then the bill's SECTIONs, H.880); after that, a
        number that carries the quoted run on (7 after 6, 2A after 2) is, unless the instruction
        inserted one section only, or the section amends the General Laws itself (a chapter's
        section never says "Chapter 10 of the General Laws is hereby amended", H.3801)."""
        frame = self._quotation()
        if frame is None:
            return False
        if num.lstrip("“”\"").startswith("SECTION") and PUTS_LESS_THAN_A_SECTION.search(self.quote_intro.get(id(frame), "")):
            return False  # a "SECTION 14." after the subsection SECTION 15 puts in is the bill's, misnumbered (H.2081)
        bill_last = self.bill_sections[-1].num if self.bill_sections else None
        if (bill_last and num.lstrip("“”\"").startswith("SECTION")
                and (AMENDS_AS_APPEARING.search(rest[:400])
                     # (the first thing after ":-" only where it carries the bill's numbering on: "SECTION 40A." put
                     # into "said chapter 200", an act, after the bill's SECTION 2 is that act's)
                     or AMENDS_GENERAL_LAWS.search(rest[:300])
                     and (frame.children or self.text.has_text(frame) or _near(bill_last, num)))
                and not AN_ACT.search(self.quote_intro.get(id(frame), ""))):
            return False
        if bill_last and self._holds_all_it_puts(frame, bill_last, num):
            return False
        if bill_last and not _near(bill_last, num):
            return True
        if not frame.children:
            if self.text.has_text(frame):
                return False
            if bill_last is None:
                return not (id(frame) in self.bare_quotes and clean_num(num) == "1")
            return not (bill_last and carries(bill_last, num)
                        and not _names_section(self.quote_intro.get(id(frame), ""), num))
        last = frame.children[-1]
        if last.type == "chapter" and not any(c.type == "section" for c in last.children):
            return True  # an inserted chapter's first section
        if last.type == "chapter" and AMENDS_GENERAL_LAWS.search(rest[:300]):
            return False
        if self.sections_put.get(id(frame)) == 1:
            return False
        last = _last_quoted_section(frame)
        # A quoted run carries on in its own lettering: the bill's "SECTION 2." after a quoted
        # "Section 1." (H.962 puts each section of a chapter in place in turn) is the bill's.
        return last is not None and continues(last.num, num) and same_case(last.num, num)

    def _holds_all_it_puts(self, frame: Node, bill_last: str, num: str) -> bool:
        """Is a "SECTION n." in capitals after the n sections an instruction said it puts ("adding
        the following 7 sections:-", each printed "Section 29." ... "Section 35.") the bill's own,
        even where its number jumps ("SECTION 36." after the bill's SECTION 28, H.142: the bill
        numbered its own sections on from the ones it inserts)?"""
        count = self.sections_put.get(id(frame), 0)
        if count < 2 or not num.startswith("SECTION"):
            return False
        quoted = [c for c in frame.children if c.type == "section"]
        a, b = number(bill_last), number(num)
        return (len(quoted) == count and len(frame.children) == count and not same_case(quoted[-1].num, num)
                and bool(a and b) and b[0] > a[0])


def _introduces_list(text: str) -> bool:
    """Does text ending in a colon and a dash introduce a list of its own, not quoted text? "...
    shall not:— (1) ...", "... through:— (i) ..." (H.4632's items are printed so): no words of an
    amending instruction ("inserting", "amended", "as follows") before it in its sentence.  Read
    as a quotation, the rest of the chapter would be nested in the item."""
    text = text.rstrip()
    return bool(LIST_INTRO.search(text)) and not QUOTE_INSTRUCTION.search(text)


def _opens_quotation(text: str) -> bool:
    """Does an instruction end here and its quoted text follow: ":-", "the following section:",
    or a bare colon or a dash after "the following" in an amending sentence?"""
    text = text.rstrip()
    # Every pattern below but a closing ":-" needs the word "following" or "as follows" (all
    # case-sensitive): most paragraphs have neither, and are answered without scanning them
    # four times over (a tenth of reading an omnibus bill).
    if "following" not in text and "as follows" not in text:
        return text[-1:] in "-–—" and bool(QUOTE_OPENS.search(text))
    # Each pattern below ends the text (``$``; no newline is left after ``rstrip``), and is scanned
    # only where the text ends as it can: QUOTE_OPENS in a colon, ":." or a dash; BARE_INSTRUCTION
    # in a colon, or one and a closing quote; NAMED_INSERT in a digit or a capital ("chapter
    # 265A"), or one and a colon or a full stop; DASH_INSTRUCTION in a dash, or one and a
    # closing quote.  An instruction that ends 'the following word:- "board".' is none of them.
    last, before = text[-1:], text[-2:-1]
    if (last in _DASHES or last == ":" or text.endswith(":.")) and QUOTE_OPENS.search(text):
        return True
    bare = last == ":" or (last in _CLOSING and before == ":")
    named = _figure_or_capital(last) or (last in ":." and _figure_or_capital(before))
    dash = last in _DASHES or (last in _CLOSING and before in _DASHES)
    return (bool((bare and BARE_INSTRUCTION.search(text)) or (named and NAMED_INSERT.search(text))
                 or (dash and DASH_INSTRUCTION.search(text)))
            and bool(AMENDING_WORDS.search(SENTENCE_BREAK.split(text)[-1])))


_DASHES = ("-", "–", "—")  # a tuple: "" is in every string, and in no tuple of characters
_CLOSING = ("\"", "”", "’")


def _figure_or_capital(char: str) -> bool:
    """Can ``char`` end NAMED_INSERT's section number: ``\\d`` (a decimal digit) or ``[A-Z]``?"""
    return char.isdecimal() or "A" <= char <= "Z"


def _title_like(words: str) -> bool:
    """A heading, not a sentence: short, and most of its words capitalised."""
    parts = words.split()
    return 0 < len(parts) <= 12 and sum(p[:1].isupper() for p in parts) * 2 > len(parts)


def _near(before: str, num: str) -> bool:
    """Could ``num`` be the bill's next section after ``before``, a few struck from a redraft?"""
    a, b = number(before), number(num)
    if not (a and b):
        return True  # "SECTION A.", "SECTION XX.": no numbering to go by
    # The same number again is a typing slip of the bill's (H.1864 prints "SECTION 3." twice).
    return a[0] < b[0] <= a[0] + NUMBERING_SKIP or (b[0] == a[0] and b[1] >= a[1])


def _names_section(instruction: str, num: str) -> bool:
    """Does the instruction name the section it puts ("striking out section 7 ... the following
    section:-"), so that the "SECTION 7." after it is the quoted one?"""
    n = clean_num(num)
    return bool(n) and bool(re.search(rf"\bsection {re.escape(n)}\b", instruction, re.I))


def _follows(before: str, num: str) -> bool:
    """Is label ``num`` the one after ``before`` in a list: (3) after (2), (c) after (b), (iv) after (iii)?"""
    a, b = subdivision_label(before), subdivision_label(num)
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if roman_value(a) > 0 and roman_value(b) == roman_value(a) + 1:
        return True
    return next_letter(a.lower()) == b.lower()


def _two_of(children: list[Node], kind: str) -> bool:
    """Are two or more of ``children`` of type ``kind``?  Counted no further than two: asked for
    each unit of a list, a count of all its items grew with the square of the list."""
    seen = 0
    for child in children:
        if child.type == kind:
            seen += 1
            if seen == 2:
                return True
    return False


def _last_quoted_section(frame: Node) -> Node | None:
    """The last of the sections a quotation holds: its own, or else those of the chapter it inserts
    last; None if it holds none.  Looked for from the end: asked for each unit of the quotation,
    a list of all its sections made each time grew with the square of an inserted chapter."""
    for children in (frame.children, frame.children[-1].children):
        for child in reversed(children):
            if child.type == "section":
                return child
    return None


def _median(values: list[int]) -> float:
    """``statistics.median``, which imports ``fractions`` and ``decimal`` (0.65 MiB resident in every
    ``lawdiff diff``; issue 26: memory) for this one call: the middle value, or the mean of the two."""
    values = sorted(values)
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2
