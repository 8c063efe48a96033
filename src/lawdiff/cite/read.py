"""Reading the amending instructions of a parsed document, SECTION by SECTION.

``instructions(doc)`` walks the body's top-level SECTIONs in order.  Of each it reads the
SECTION's own words up to the text it inserts (the ``:-``, or its ``quotedStructure``
child), finds each "is hereby amended" / "is hereby repealed", reads the words before it
as the target (``grammar.LOCATOR``) and the words after it as one or more clauses
(strike, replace, insert, add).  "Said chapter 58", "said section", "as so appearing"
resolve against what the instructions before them named (``_Context``), in this SECTION
or an earlier one.  Where the words do not say which law is amended, the instruction is
listed with ``target: None`` and a ``warning``: nothing is filled in from elsewhere.  A SECTION
that repeals the bill's own SECTIONs ("Section 14 is hereby repealed", the bill having a SECTION
14, and no law named) amends no law and lists none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawdiff.cite import grammar as g
from lawdiff.parse.tree import Document, Node

CUT = "\ue000"
"""Left in the instruction's words where inserted text was cut out (a private-use character no
bill prints): the clause ending there is the one that text belongs to."""

EVIDENCE_CHARS = 400
"""The longest ``evidence`` kept: enough to check the reading, not a copy of the bill."""


@dataclass
class _Context:
    """What earlier instructions named, for "said …" and "as so appearing"."""

    last: dict | None = None
    """The last target read."""
    chapters: dict[str, tuple[str | None, str | None, str]] = field(default_factory=dict)
    """chapter number -> (code, year, the bill SECTION that named it), the latest naming."""
    sections: dict[str, dict] = field(default_factory=dict)
    """section number -> the last target that named it (for "said section 17")."""
    as_appearing: str | None = None
    act: tuple[str, str, str, str] | None = None
    """The last act named (code, year, chapter, SECTION), for "said act"."""
    charter: str | None = None
    """The last town or city charter named, for "said charter"."""
    own: frozenset[str] = frozenset()
    """The bill's own SECTION numbers ("Section 14 is hereby repealed" repeals the bill's SECTION 14)."""

    def note_chapters(self, words: str, where: str) -> None:
        """Remember every chapter ``words`` name with their code ("chapter 7 of the acts of 2023"),
        the last act and the last charter."""
        words = normal(words)
        lower = words.lower()
        for m in g.ACTS_OF.finditer(words) if "chapter" in lower else ():
            code = "Special Acts" if m["special"] else "Acts"
            self.chapters[m["chapter"].upper()] = (code, m["year"], where)
            self.act = (code, m["year"], m["chapter"].upper(), where)
        for m in g.CHARTER.finditer(words) if "charter" in lower else ():
            self.charter = m["name"]
        for m in g.GL_CHAPTER.finditer(words) if "chapter" in lower else ():
            self.chapters[m["chapter"].upper()] = ("G.L.", None, where)


def instructions(doc: Document) -> list[dict]:
    """Every amending instruction of ``doc``, in order (see the package docstring for the fields)."""
    sections = _sections(doc.tree)
    ctx = _Context(own=frozenset(section_number(sec) for sec in sections))
    out: list[dict] = []
    for sec in sections:
        out.extend(read_section(sec, ctx))
    return out


def _sections(root: Node) -> list[Node]:
    body = next((c for c in root.children if c.type == "body"), None)
    return [c for c in body.children if c.type == "section"] if body is not None else []


def section_number(sec: Node) -> str:
    """The SECTION's number as printed, without the word or the stop: "SECTION 2A." -> "2A"."""
    # the word as drafts misprint it ("SECITON 328.", "SECTION. 2", "“SECTION 1." with a stray quotation mark)
    num = re.sub(r"^\s*[“”\"]?\s*sec(?:tion|iton|ton|tino|ion)?(?:\b|(?=\d))\s*\.?\s*", "", sec.num or "", flags=re.I)
    num = re.sub(r"(?<=\d)\s+(?=\d)", "", num)  # "SECTION 1 3.": one number, 13, a space struck into it
    return num.strip().rstrip(".:;,-–— ").strip()  # "SECTION 1 -": the dash sets the number off


SECTION_WORD = r"SEC(?:TION|ITON|TON|ION)"
"""The word SECTION, and as drafts misprint it ("SECTON 1.", "SECITON 328.", "SECION 325.")."""

RUN_IN = re.compile(rf"^\s*{SECTION_WORD}\s*(?P<num>\d+[A-Z]*)\s*[.:]\s*(?=[A-Z])", re.I)
"""A SECTION's number run into its words ("SECTION1: Section 148A ...", "... in line 27. Section 2. Chapter 32
...") where the parser found no heading of its own: the bill prints the number, so the instruction is under it."""

RUN_ON_HEADING = re.compile(r"\b(?:chapter|section|General\s+Laws|acts\s+of)\b", re.I)
"""A "heading" that names a law: the first line of an instruction, not a title ("Short title.")."""

RUN_IN_BEFORE = re.compile(rf"(?:^|[.;]\s+){SECTION_WORD}\s*(?P<num>\d+[A-Z]*)\s*[.:]\s*$", re.I)


AS_THING = re.compile(r"(?:^|,)\s*as\s+(?:the|said|such|that|this)\s+(?!section|chapter|act\b|subsection|paragraph|clause)"
                      r"\w+(?:\s+\w+)?\s*$", re.I)
""""..., as the parcel is amended": the verb is a thing's in a clause of its own, not the law named before it."""


def _follows(printed: str, num: str) -> bool:
    """Whether SECTION ``num`` comes after the SECTION printed ``printed`` ("14" after "13", "3" after "2A")."""
    a, b = re.match(r"\d*", printed)[0], re.match(r"\d*", num)[0]
    return bool(a and b) and int(b) > int(a)


def read_section(sec: Node, ctx: _Context, within: bool = False) -> list[dict]:
    """The instructions of one top-level SECTION; ``ctx`` carries what they name to the next; ``within``: the
    SECTION is an item of a lead's list ("(a) The first sentence of SECTION 8-1(a) is amended by ..."), its subject
    a part of what the lead amends."""
    number = section_number(sec)
    printed = number
    qstrs = [c for c in sec.children if c.type == "quotedStructure"]
    text = sec.text
    if sec.heading and RUN_ON_HEADING.search(sec.heading) and not re.search(r"[.:;?!”\"]\s*$", sec.heading):
        # "SECTION 1. Chapter 176O of the General Laws, as appearing in the 2018 Official" / "Edition, is hereby
        # amended ...": a sentence broken over two lines, its first line taken for a heading; it is the subject
        text = f"{sec.heading} {text}"
    lower = text.lower()
    if "amended" not in lower and "repealed" not in lower and "annulled" not in lower:
        ctx.note_chapters(text, number)  # amends nothing; may name a chapter a later "said" refers to
        return _node_instructions(sec, ctx, [])
    if "follows" in text:
        text = _passive_items(text)
    area, inserted = instruction_area(text)
    found: list[dict] = []
    # "; and further amended" inside the words an instruction strikes ("the words “as amended; and further amended by
    # the board”") is those words, no verb
    verbs = [v for v in g.VERB.finditer(area) if v[0][:3].lower() != "and" or not _inside_quoted(area, v.start())]
    start = 0
    shared: str | None = None  # the subject a verb shares with the one before ("...; and is further amended")
    last_read: tuple[str, re.Match] | None = None  # the subject and verb of the last instruction read
    # after "X is hereby amended as follows:" whose items say "is amended" of X's parts (or an item of such a list)
    for i, verb in enumerate(verbs):
        subject_from = _subject_start(area, start, verb.start())
        subject = shared if shared is not None else area[subject_from:verb.start()]
        end = _subject_start(area, verb.end(), verbs[i + 1].start()) if i + 1 < len(verbs) else len(area)
        shared = None
        if i + 1 < len(verbs) and (end == verb.end() or verbs[i + 1][0][:3].lower() == "and"):
            # no new sentence before the next verb: it goes on with this subject (as "; and further amended" always
            # does: a full stop before it is inside struck words, "the words “shall act. The board”")
            end = verbs[i + 1].start()
            shared = subject
        predicate = area[verb.end():end]
        start = end
        run_in = RUN_IN.match(subject) or RUN_IN_BEFORE.search(area[:subject_from])
        if run_in and (not printed or _follows(printed, run_in["num"])):
            # an unnumbered SECTION whose words print its number (or the next one's); or a later SECTION whose
            # heading the parser did not take for one ("SECTON 14." inside SECTION 13): the bill prints its number
            number = run_in["num"].upper()
        subject = re.sub(rf"^\s*{SECTION_WORD}\s*\w+\s*[.,:]?\s*(?=[A-Z])", "", subject)  # "SECTION 7, Section 88 of ..."
        hereby = re.search(r"\bhereby\b", area[verb.start():verb.end()], re.I)
        if not hereby and (not _names_a_law(subject) or AS_THING.search(subject)):
            # "the plan is amended by the board", "..., pursuant to section 31 of chapter 184, as the parcel is
            # amended by the removal of ...": a sentence about something else
            continue
        items = _read_instruction(number, subject, verb["verb"].lower(), verb.group(0), predicate, ctx, within)
        if AS_FOLLOWS_LEAD.match(predicate) and i + 1 < len(verbs) and shared is None \
                and LEAD_ITEM.match(area, end, verbs[i + 1].start()):
            # "Section 1 of chapter 349 ... is hereby amended as follows: Clause (6) of said Section 1 ... is hereby
            # amended by striking ...", "The charter is further amended in SECTION 7-7 as follows: 1) The first
            # sentence is amended by ...": the lead is what the items amend, not an instruction of its own
            within = True
        else:
            found += [{"section": number, "eid": sec.eid, **item} for item in items]
        last_read = (subject, verb)
        ctx.note_chapters(area[subject_from:end], number)
    if not verbs:
        ctx.note_chapters(area, number)
    listed: list[dict] = []
    items = _listed_items(sec, area, found, qstrs)
    if items is not None and last_read is not None:
        # "... is hereby amended by:" and then "(a) striking out ...", "(b) inserting ...": the lead's
        # one instruction (read as "amend") is the clauses listed under it, each with its own text
        nodes, wrapper = items
        found.pop()
        if wrapper is not None:
            qstrs = [q for q in qstrs if q is not wrapper]
        for node in _and_nested(nodes):
            listed += _read_under(last_read, number, sec, node, node.text, ctx, listed=True, within=within)
    lead_items = _lead_items(number, sec, found, qstrs, ctx) if items is None and last_read is not None else []
    if lead_items:
        # "The charter is further amended in Article 8 ... as follows:- (a) The first sentence of SECTION 8-1(a) is
        # amended by striking ... (b) ...": the lead (read as "amend") is its items, each an instruction of its own
        if found.pop()["_cut"] and inserted:
            inserted = inserted[:-1]  # its ":-" opened the items, no words of an instruction before it
        qstrs = qstrs[1:]
    _attach_text(found, qstrs, inserted)
    found += listed + lead_items
    for node, start, stop in _continued(qstrs) if last_read is not None else ():
        # "...:- (vii) overall claimant data ...; And by striking clause (xiii) and inserting ...:-": the SECTION's
        # instruction goes on after the text it inserts, on the same law, and the parser kept its words in that text
        found += _read_under(last_read, number, sec, node, node.text[start:stop], ctx)
    for node, start in _embedded(qstrs):
        # an instruction the parser left inside the text the one before inserts: read in place, same SECTION
        inner = Node(type="section", eid=sec.eid, num=sec.num, text=node.text[start:],
                     children=[c for c in node.children if c.type == "quotedStructure"])
        for item in read_section(inner, ctx):
            found.append({**item, "section": found[-1]["section"] if found else item["section"]})
    return _node_instructions(sec, ctx, found)


PASSIVE_ITEM = re.compile(r"(?<=[\s:.;”\"-])(?P<num>\d{1,2}\))\s+(?P<subject>(?:(?:A|An|The|Two|Three)\s+)[^.;:“”]{0,100}?)"
                          r"\s+(?:is|are)\s+(?P<verb>stricken|deleted|inserted|added)\b(?P<replaced>,?\s+and\s+replaced\b)?")
"""An item of a lead's list that says what is done to its part in the passive, with no "is amended" ("as follows:- 1)
The first sentence is amended by ... 2) The second sentence of this subsection is stricken. 3) A new sentence is
inserted following the second sentence: ...")."""


def _passive_items(text: str) -> str:
    """``text`` with each passive item (``PASSIVE_ITEM``) said as an instruction on the part the lead named: "2) The
    second sentence is amended by striking it", "3) Said section is amended by inserting a new sentence following
    ..." (the new words are what is inserted, not what is amended)."""
    def said(m: re.Match) -> str:
        if _inside_quoted(text, m.start()):
            return m[0]  # (an item of the words an item inserts, “... as follows: 1) The name is added ...”)
        if m["verb"] in ("stricken", "deleted"):
            replaced = " and inserting in place thereof" if m["replaced"] else ""
            return f"{m['num']} {m['subject']} is amended by striking it{replaced}"
        verb = "inserting" if m["verb"] == "inserted" else "adding"
        return f"{m['num']} Said section is amended by {verb} {m['subject'][0].lower()}{m['subject'][1:]}"
    end = _lead_end(text)
    return PASSIVE_ITEM.sub(said, text[:end]) + text[end:]


def _lead_end(text: str) -> int:
    """Where the lead's list in ``text`` ends: the whole text when its first opener is a lead's "as follows:-" (the
    items after it, and the words they insert, are the lead's); else that opener, inserted law starting there ("...
    the following subsection:- (b) The board shall act as follows: 1) The fee is added ...": the law's own list)."""
    for m in re.finditer(r":", text):
        if g.COLON_DASH.match(text, m.start()) or (
                g.FOLLOWING_BEFORE.search(text, max(0, m.start() - 100), m.start()) and not _inside_quoted(text, m.start())):
            before = text[max(0, m.start() - 20):m.start()].lower().rstrip()
            return len(text) if before.endswith("as follows") and not before.endswith("read as follows") else m.start()
    return len(text)


def _lead_items(number: str, sec: Node, found: list[dict], qstrs: list[Node], ctx: _Context) -> list[dict]:
    """The instructions listed under a lead "... is hereby amended ... as follows:-" that lawdiff read as "amend",
    where every item of the text it opens says "is amended" of a part of what the lead names; none otherwise."""
    if not found or found[-1]["action"] != "amend" or not qstrs or not AS_FOLLOWS_END.search(found[-1]["evidence"]):
        return []
    kids = [c for c in qstrs[0].children if c.type != "quotedStructure"]
    if not kids or not all(_an_item_instruction(c.text or "") for c in kids):
        return []
    out = []
    for kid in kids:
        inner = Node(type="section", eid=sec.eid, num=sec.num, text=kid.text,
                     children=[c for c in kid.children if c.type == "quotedStructure"])
        out += [{**item, "section": number} for item in read_section(inner, ctx, within=True)]
    return out


def _an_item_instruction(words: str) -> bool:
    """Whether an item under a lead is an instruction: it opens with a part ("(a) The first sentence of ...") and says
    "is amended" of it, not of a thing its words speak of ("(a) Section 4 of a plan that is amended by the board
    shall be published": the lead's new text)."""
    verb = g.VERB.search(words)
    return bool(verb and LEAD_ITEM.match(words) and not RELATIVE_BEFORE.search(words, 0, verb.start()))


AS_FOLLOWS_END = re.compile(r"\bas\s+follows\W*$", re.I)
RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.I)


def _read_under(last_read: tuple[str, re.Match], number: str, sec: Node, node: Node, words: str, ctx: _Context,
                listed: bool = False, within: bool = False) -> list[dict]:
    """The instructions of ``words`` (of ``node``), clauses read under the subject and verb read last, each given the
    text the node quotes; ``listed``: a listed clause ("(a) striking out ...", "(b) by inserting ...")."""
    subject, verb = last_read
    area, inserted = instruction_area(words)
    if listed:
        area = f"by {LIST_BY.sub('', area, count=1)}"
    read = [{"section": number, "eid": sec.eid, **item} for item in _read_instruction(
        number, subject, verb["verb"].lower(), verb.group(0), area, ctx, within)]
    _attach_text(read, [c for c in node.children if c.type == "quotedStructure"], inserted)
    return read


def _node_instructions(sec: Node, ctx: _Context, found: list[dict]) -> list[dict]:
    """``found`` and the instructions the parser made provisions of the SECTION ("SECTION 3. (a) Section 2 of
    chapter 70 ... is hereby amended ... (b) Section 5 of said chapter 70 ..."), not of text it quotes, in order."""
    for node in _instruction_nodes(sec):
        inner = Node(type="section", eid=sec.eid, num=sec.num, text=node.text, children=node.children)
        found.extend(read_section(inner, ctx))
    return found


NODE_INSTRUCTION = re.compile(r"^\s*(?:said\s+|the\s+(?:\w+\s+){0,3})?(?:sub\w*|sections?|chapters?|paragraphs?|clauses?|"
                              r"items?|sentences?|articles?|definitions?|tables?)\b", re.I)
"""A provision whose words open with what they amend ("Section 2 of chapter 70 ...", "Subection (a) of ...", "The
first sentence of ..."): an instruction, where a hereby-verb follows."""


def _instruction_nodes(sec: Node) -> list[Node]:
    """The SECTION's own provisions (not inside quoted text) that are instructions of their own: they open with a
    locator and say "is hereby amended/repealed" of a law.  Inserted law opens with no such words."""
    out = []
    todo = [c for c in sec.children if c.type != "quotedStructure"]
    while todo:
        node = todo.pop(0)
        if NODE_INSTRUCTION.match(node.text):
            area = instruction_area(node.text)[0]
            verb = g.VERB.search(area)
            if verb and "hereby" in verb.group(0).lower() and _names_a_law(area[:verb.start()]):
                out.append(node)  # its own provisions are read with it
                continue
        todo[:0] = [c for c in node.children if c.type != "quotedStructure"]
    return out


LIST_LEAD = re.compile(rf"\b(?:by|as\s+follows)\s*(?:[:;]\s*)?(?:{CUT}\s*)?$", re.I)
"""An instruction whose clauses are listed under it: "... is hereby amended by:", "... amended by:-",
"... is hereby amended as follows:"."""
LIST_BY = re.compile(r"^\s*by\s+", re.I)
LIST_ITEM = re.compile(rf"^\s*(?:(?:in|at)\s+lines?\s+[^,]{{1,30}},\s*)?(?:by\s+)?(?:the\s+)?(?:{g.ANY_VERB}|amending)\b", re.I)
"""A listed clause: "(a) striking out, in line 1, ...", "(b) in line 26, striking ...", "(c) Amending the title of
section 5K by adding ...": a verb (the lead's "by" goes before it)."""


def _listed_items(sec: Node, area: str, found: list[dict],
                  qstrs: list[Node]) -> tuple[list[Node], Node | None] | None:
    """The listed clauses of a SECTION whose last instruction ends "amended by:" (or "as follows:") with no
    clause of its own: (the item nodes that open with a verb, the quoted structure that wraps them or None);
    None when the SECTION is not so made (the first item must open with a verb: "as follows:" and then the
    new text of the section is a rewrite, not a list, and stays "amend")."""
    if not found or found[-1]["action"] != "amend" or found[-1]["target"] is None:
        return None
    if not LIST_LEAD.search(area.rstrip(" .")):
        return None
    wrapper = None
    kids = [c for c in sec.children if c.type != "quotedStructure"]
    if not kids and len(qstrs) == 1:
        wrapper = qstrs[0]  # "amended by:-" set the list off like inserted text
        kids = [c for c in wrapper.children if c.type != "quotedStructure"]
    if not kids or not LIST_ITEM.match(kids[0].text):
        return None
    return [k for k in kids if LIST_ITEM.match(k.text)], wrapper


def _and_nested(items: list[Node]) -> list[Node]:
    """``items`` and the listed clauses the parser nested in the text the last one inserts ("(a) inserting after
    section 7Z the following section:- Section 7Z½. ...", and then "(b) inserting after section 34R the following
    sections:-" taken for a part of section 7Z½): a node numbered next, opening with a verb, is the next item."""
    out = list(items)
    while (nxt := _next_label(out[-1].num)) is not None:
        found = next((n for n in _inserted_nodes([c for c in out[-1].children if c.type == "quotedStructure"])
                      if (n.num or "").strip() == nxt and LIST_ITEM.match(n.text) and NAMES_PLACE.search(n.text)), None)
        if found is None:
            break
        out.append(found)
    return out


NAMES_PLACE = re.compile(r"\b(?:(?:sub)?sections?|paragraphs?|clauses?|sentences?|lines?|words?|definitions?|the\s+following)\b",
                         re.I)
"""What a listed clause names that a sentence of law opening with a verb does not ("(b) inserting after section 99D
the following section", not the inserted law's own "(3) inserting a device into the meter")."""


def _next_label(num: str | None) -> str | None:
    """The label after ``num``: "(a)" -> "(b)", "(3)" -> "(4)"; None for others."""
    m = re.fullmatch(r"\((?:(?P<digits>\d{1,2})|(?P<letter>[a-y]))\)", (num or "").strip())
    if m is None:
        return None
    return f"({int(m['digits']) + 1})" if m["digits"] else f"({chr(ord(m['letter']) + 1)})"


EMBEDDED = re.compile(r"(?:^|(?<=[.;”\"])\s+)(?=(?:Said|Section|Sections|Chapter|Subsection)\b[^:.]{0,300}?"
                      r"\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?amended\b[^:.]{0,300}?"
                      r"\b(?:inserting|striking|adding)\b[^.]{0,300}:\s*[-–—]*\s*$)")
"""A sentence that amends and ends with the colon that opens quoted text: "... section 11 of chapter 21N.
Section 2 of chapter 21A of the General Laws, as so appearing, is hereby amended by inserting after clause (30)
the following clause:"."""


def _inserted_nodes(qstrs: list[Node]):
    """The nodes of the inserted text, in document order, not those of text quoted inside it (read from the node
    that opens it)."""
    todo = [c for q in qstrs for c in q.children]
    while todo:
        node = todo.pop(0)
        if node.type == "quotedStructure":
            continue
        yield node
        todo[:0] = node.children


def _embedded(qstrs: list[Node]) -> list[tuple[Node, int]]:
    """Nodes of the inserted text that end with an instruction opening quoted text of their own: (node, where in
    its words the instruction starts).  Inserted law does not say "is hereby amended by inserting ... the following
    clause:" before text it quotes."""
    return [(node, m.end()) for node in _inserted_nodes(qstrs)  # the lookahead's end: where the sentence starts
            if any(c.type == "quotedStructure" for c in node.children) and (m := EMBEDDED.search(node.text))]


CONTINUED = re.compile(r"(?:^|(?<=[.;])\s+)(?:And\s+(?:further,?\s+)?(?=by\s+(?:striking|inserting|adding|deleting)\b)"
                       r"|(?=By\s+(?:striking|inserting|adding|deleting)\b))")
"""Where the bill's instruction goes on inside the text it inserts: "...; And by striking the word “and” ...", "... of
correction. And further, by adding the following sections:-" (a capital "And" opening a sentence: inserted law does
not go on "And by striking")."""


def _continued(qstrs: list[Node]) -> list[tuple[Node, int, int]]:
    """Nodes of the inserted text whose words go on with the SECTION's instruction: (node, where the instruction's
    words start, at "by", and where they end)."""
    out = []
    for node in _inserted_nodes(qstrs):
        if ("And" in node.text or "By " in node.text) and (m := CONTINUED.search(node.text)):
            stop = g.NEW_INSTRUCTION.search(node.text, m.end())  # an instruction of its own after it (``_embedded``)
            out.append((node, m.end(), stop.start() if stop else len(node.text)))
    return out


def instruction_area(text: str) -> tuple[str, list[str]]:
    """The words of ``text`` that instruct, and the inserted texts cut out of it.

    The inserted text starts at ":-" (or a bare colon after "the following ...").  An
    instruction that goes on after inserted words ("...:- y, and by adding ...:- z") is
    picked up again where a new clause starts."""
    pieces: list[str] = []
    inserted: list[str] = []
    rest = text
    while True:
        m = _quote_start(rest)
        if m is None:
            pieces.append(rest)
            break
        pieces.append(rest[:m[1]].rstrip(":-–— ").rstrip() + " " + CUT)
        rest = rest[m[1]:]
        nxt = _quote_start(rest)
        limit = nxt[0] if nxt else len(rest)
        resume = sentence = None
        if g.VERB.search(rest, 0, limit):  # a new instruction after the inserted words
            resume = sentence = g.NEW_INSTRUCTION.search(rest, 0, limit)
            further = AND_FURTHER.search(rest, 0, limit)  # "...:- 12R.4; and further amended by adding ..."
            if further is not None and (resume is None or further.start() < resume.start()):
                resume, sentence = further, None
            if resume is not None:
                limit = resume.start()
        if g.CLAUSE_VERB.search(rest, 0, limit):  # most inserted text holds no verb: skip the slow scan
            clause = next((c for c in g.CLAUSE_START.finditer(rest, 0, limit) if c.start() > 0), None)
            # "striking out the words:- “x”, and inserting in place thereof ...", "striking ... the following: “x”
            # and adding in lines 12 and 27 after the word ...": the struck words were set off like inserted ones;
            # the clause goes on
            goes_on = g.IN_PLACE.search(rest, 0, limit) or _after_quoted(ELSEWHERE.search(rest, 0, limit), rest)
            if goes_on and (resume is None or goes_on.start() < resume.start()):
                resume = goes_on
            if clause is not None and (resume is None or clause.start() < resume.start()):
                resume = clause
        if resume is None:
            inserted.append(rest.strip())
            break
        cut = resume.start()
        if resume is not sentence and (place := PLACE_BEFORE_CLAUSE.search(rest, 0, cut)):
            cut = place.start("place")  # "... new definition:- “x” a license .... In section 11 by adding ...": its place
        inserted.append(rest[:cut].strip())
        if resume is sentence:
            pieces[-1] += "."  # the sentence before it ended in the inserted words
        rest = rest[cut:]
    return " ".join(p for p in pieces if p), inserted


SECTION_PART = re.compile(r"\blines?\s+\d|\b(?:paragraph|sentence|subsection|subparagraph|clause)s?\b|"
                          r"\bthe\s+(?:words?|figures?|phrases?|terms?|numbers?)\b", re.I)
"""Words of a predicate that name a section's own parts: its printed lines, its paragraphs and sentences, its words."""
AND_FURTHER = re.compile(rf";\s*(?=and\s+(?:hereby\s+)?further\s+amended\b{g.AMENDED_BY_AN_ACT})", re.I)
"""The subject's next instruction after inserted words, with no subject of its own ("; and further amended by")."""
PLACE_BEFORE_CLAUSE = re.compile(r"(?<=[.;:”\"])\s+(?P<place>In\s+(?:said\s+)?(?:section|subsection|paragraph|clause)\s+"
                                 r"(?:[\w.-]*\w|\(\w{1,4}\))(?:\s*\(\w{1,4}\))*)\s*,?\s*$")
"""A sentence of a list that opens with its place, capitalised, before its "by": the next clause's, not inserted
text's."""


def _quote_start(text: str) -> tuple[int, int] | None:
    """Where the first inserted text starts (``grammar.QUOTE_START``), found colon by colon:
    (the colon, the end of its dashes); None without one."""
    at = text.find(":")
    while at >= 0:
        dash = g.COLON_DASH.match(text, at)
        before = text[max(0, at - 20):at].lower()
        if dash and not (before.endswith("follows") and not before.endswith("read as follows")
                         and ITEM_AMENDED.match(text, dash.end())):  # ("to read as follows:-" opens the law's words)
            return at, dash.end()
        if g.FOLLOWING_BEFORE.search(text, max(0, at - 100), at) and not _inside_quoted(text, at):
            return at, at + 1  # (not "the following factors ... by:" inside struck words in quotation marks)
        at = text.find(":", at + 1)
    return None


ITEM_AMENDED = re.compile(r"\s*(?:\(?\d{1,2}[.)]\s+(?:the\s+(?:\w+\s+){0,3})?(?:sub\w*|sections?|paragraphs?|clauses?|"
                          r"sentences?|definitions?)|(?:the|said)\s+charter)\b[^:“”]{0,120}?\b(?:is|are)\s+(?:hereby\s+)?"
                          r"(?:further\s+)?amended\b", re.I)
"""An item of a lead's list that says "is amended" of a part ("as follows:- 1) the second sentence of SECTION 5-4(a) is
amended by ..."), or a lead of its own under it ("in Article 6 as follows:- The charter is amended in SECTION 6-2(a)
... as follows:- 1) ..."): the ":-" before it opens the list, not inserted text."""


def _after_quoted(m: re.Match | None, text: str) -> re.Match | None:
    """``m`` where the words before it end with a closing quotation mark (struck words set off, not inserted law)."""
    return m if m is not None and re.search(r"[”\"][.,;]?\s*$", text[:m.start()]) else None


def _inside_quoted(text: str, at: int) -> bool:
    """Whether position ``at`` falls inside a pair of curly quotation marks of ``text`` (“…”): straight ones are
    too often mixed with curly ones ("“(2) No seller …." and replace it with the following words: ") to pair."""
    if "“" not in text:
        return False
    return _inside(_spans(CURLY_QUOTED, text), at)


CURLY_QUOTED = re.compile(r"“[^“”]*”")


def _subject_start(area: str, lo: int, hi: int) -> int:
    """Where the sentence holding position ``hi`` starts (not before ``lo``): after a full stop or semicolon and before
    a capital or a bracket, or after the colon of "as follows:" (before an item's number too: "1) The first ...")."""
    best = lo
    for m in SENTENCE_START.finditer(area[lo:hi]):
        best = lo + m.end()
    return best


SENTENCE_START = re.compile(r"(?<!General)[.;]\s+(?=[A-Z“\"(])|[.;”\"]\s+(?=\d{1,2}\)\s)|(?<=[Aa]s follows):[-–—]*\s+(?=[A-Z“\"(]|\d{1,2}[.)]\s)")
# (not "of the General. Laws")
LEAD_ITEM = re.compile(r"\s*(?:\(?\w{1,3}[.)]\s+)?(?:said\s+|the\s+(?:\w+\s+){0,3})?(?:sub\w*|sections?|paragraphs?|"
                       r"clauses?|items?|sentences?|definitions?|charter)\b", re.I)
"""An item under a lead that is an instruction of its own: "Clause (6) of said Section 1 ...", "1) The first sentence
...", "Section 7.04(c) ..." (not the lead's new text: "“A permit shall ...”", "A permit that is amended by ...")."""
AS_FOLLOWS_LEAD = re.compile(r"^\s*,?\s*(?:in\s+[^:]{1,120}?\s+)?as\s+follows\s*(?::[-–—]*)?\s*$", re.I)
"""The predicate of a lead whose items are instructions of their own: "... is hereby amended as follows:"."""


def _names_a_law(subject: str) -> bool:
    return bool(g.LOCATOR.search(subject) or g.GENERAL_LAWS.search(subject) or g.CONSTITUTION.search(subject)
                or g.CHARTER.search(subject) or g.SAID_CHARTER.search(subject))


# -- the target --------------------------------------------------------------------

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORD = "(?:" + "|".join(TENS + NUMBER_WORDS[::-1]) + "|hundred)"  # "nineteen" before "nine"


NUMBER_RUN = rf"{NUMBER_WORD}(?:(?:(?<=hundred)\s+and\s+|[\s-]+){NUMBER_WORD})*(?:\s+(?-i:[A-Z])\b(?!\s+(?:new|section)\b))?"
"""A number in words and its letter: "one hundred and forty-nine A"."""


def _number_in_words(words: re.Match) -> str:
    """ "one hundred and forty-nine A" -> "149A"."""
    total = 0
    letter = re.search(r"\s([A-Z])$", words[0])
    for word in re.findall(r"[a-z]+", words[0].lower() if letter is None else words[0][:-1].lower()):
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in TENS:
            total += 20 + 10 * TENS.index(word)
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS.index(word) + 1
    return f"{total}{letter[1] if letter else ''}"


NORMAL = [
    # "Ch. 175", "ch. 277", "Chap. 6": the word abbreviated
    (re.compile(r"\b(?:ch|chap)\.\s*(?=\d)", re.I), "chapter "),
    # "Chapter 151-C": the letter set off by a hyphen (not the Uniform Commercial Code's "1-301")
    (re.compile(r"\b(chapter\s+\d+)-(?=(?-i:[A-Z]{1,3})\b)", re.I), r"\1"),
    # "§ 26 of Chapter 218", "§§ 24-26": the section sign
    (re.compile(r"§§\s*(?=\d)"), "sections "),
    (re.compile(r"§\s*(?=\d)"), "section "),
    # "sections 24-26", "sections 117-123": a range, both ends of two or more digits (a charter's "section 2-9",
    # the Uniform Commercial Code's "sections 9-210" are numbers of their own)
    (re.compile(r"\b(sections\s+)(\d{2,4})-(\d{2,4})\b(?![-(]|\.\d|\s+to\b|\s*(?:,|and)\s*\d+-\d)", re.I),
     lambda m: f"{m[1]}{m[2]} to {m[3]}" if len(m[2]) == len(m[3]) and int(m[2]) < int(m[3]) else m[0]),
    # "MGL 94C sec 18A (b) of the General Laws": a chapter's number after the code's initials, "sec" for section
    (re.compile(r"\b(M\.?\s?G\.?\s?L\.?)\s+(?=\d)"), r"\1 chapter "),
    (re.compile(r"\bsec\.?\s+(?=\d)", re.I), "section "),
    # "Chapter40", "Section1": the number run into the word
    (re.compile(r"\b(chapter|section)(?=\d)", re.I), r"\1 "),
    # "said chapter Chapter 94C": the word printed twice
    (re.compile(r"\b(chapter|section)\s+\1\b(?=\s*\d)", re.I), r"\1"),
    # "The same section is further amended": said section
    (re.compile(r"\bthe\s+same\s+(?=(?:chapter|section|subsection|paragraph|clause|article)\b)", re.I), "said "),
    # "striking out Section 2 and Section 2A": two sections, the word printed before each
    (re.compile(r"\b(sections?\s+\d+[A-Z]*)\s+and\s+section\s+(?=\d)", re.I), r"\1 and "),
    # "Section seven of Chapter 150E", "chapter one hundred and forty-nine A of the General Laws", "Section thirty-four
    # M of said chapter ninety", "Sections one and two of": numbers in words (and their letters)
    (re.compile(rf"\b(sections?|chapters?)\s+({NUMBER_RUN}(?:(?:\s*,\s*(?:and\s+)?|(?<!hundred)\s+(?:and|to|through)\s+)"
                rf"{NUMBER_RUN})*)"
                r"(?=\s*(?:,|\bof\b|\bis\b|\bare\b|$))", re.I),
     lambda m: f"{m[1]} {re.sub(NUMBER_RUN, _number_in_words, m[2], flags=re.I)}"),
]
"""Words the drafts print in more than one way, said one way before they are read."""


def normal(words: str) -> str:
    """``words`` with the variants of ``NORMAL`` said one way (the offsets change; read, do not cite, them)."""
    lower = words.lower()
    if "ch" in lower or "same" in lower or "sec" in lower or "§" in words or "mgl" in lower:  # a cheap gate
        for pattern, replacement in NORMAL:
            words = pattern.sub(replacement, words)
    return words


def _strip_qualifiers(words: str) -> str:
    return g.QUALIFIER.sub("", words)


def _locators(words: str) -> dict:
    """The units ``words`` name, the first of each kind: {"section": {"nums": [...], "said": bool,
    "labels": "(b)"}, "chapter": ..., "paragraph": {"ord": "fifth"}, ...}."""
    found: dict[str, dict] = {}
    last_end: dict[str, int] = {}
    outer = None
    for m in g.LOCATOR.finditer(words):
        unit = m["unit"].lower().rstrip("s")
        if unit == "clause" and m["unit"].lower() == "clauses":
            unit = "clause"
        if not (m["nums"] or m["term"] or m["ord"] or m["said"]):
            continue  # "this section", "the following section"
        nums = _split_nums(m["nums"]) if m["nums"] else []
        if unit == "section":
            nums = [n[1:-1].strip() if re.fullmatch(r"\(\s*\d+[A-Z]*\s*\)", n) else n for n in nums]  # "section (8)"
        if unit in found:
            if unit == "section" and m["nums"] and re.fullmatch(r"[.\d]*\s*,?\s*of\s+", words[last_end[unit]:m.start()]):
                # "section 14.04.030 of said section 1 of said chapter 413": the first is a part of the second,
                # the chapter's section, when a chapter follows ("Section 4 of said section 176J" is a slip for
                # chapter 176J: the first stays)
                outer = ({"nums": nums, "said": bool(m["said"]) or found[unit]["said"], "ord": m["ord"],
                          "labels": m["labels"] or "", "term": m["term"], "words": m.group(0).strip()}, m.end())
                last_end[unit] = m.end()
            continue
        last_end[unit] = m.end()
        found[unit] = {"nums": nums, "said": bool(m["said"]), "ord": m["ord"], "labels": m["labels"] or "",
                       "term": m["term"], "words": m.group(0).strip()}
    if outer is not None and re.search(r"\b(?:chapter|charter)\b", words[outer[1]:], re.I):
        found["section"] = outer[0]
    elif outer is not None and outer[0]["said"] and outer[0]["nums"] and "chapter" not in found:
        # "Section 4 of said section 176J" with no chapter: a section holds no sections, so the second may be a
        # slip for the chapter; ``_target`` reads it so only where the bill named chapter 176J and no section 176J
        found["_said_outer"] = outer[0]
    return found


def _split_nums(nums: str) -> list[str]:
    nums = re.sub(r"(\d)\s([A-Z]{1,3})\b", r"\1\2", nums)  # "51 D" is section 51D
    # "Section 3a of Chapter 40a": the letters of a number are capitals however a draft prints them
    nums = re.sub(r"(?<=\d)(?!(?:of|and|or|to|in)\b)([a-z]{1,3})\b", lambda m: m[1].upper(), nums)
    out: list[str] = []
    joined_by_range = False
    for m in re.finditer(rf"{g.NUM}|{g.LABEL}|\b(?i:to|through)\b", nums):
        n = m.group(0).replace(" ", "")
        if re.fullmatch(r"(?i)to|through", n):
            joined_by_range = bool(out)
            continue
        if joined_by_range and RANGE_MARK not in out[-1]:
            out[-1] = f"{out[-1]}{RANGE_MARK}{n}"  # "32 to 51": one range, never two numbers
        elif n.lower() not in ("and", "or"):
            out.append(n)
        joined_by_range = False
    return out


RANGE_MARK = "–"
"""Joins a range's two ends as the words name it: "32 to 51, inclusive" is "32–51"."""
RANGE_CAP = 300
"""A numeric range of more sections than this is left as its two ends (with a warning), not expanded."""


def _expand(nums: list[str]) -> tuple[list[str], str | None]:
    """The sections ``nums`` (from ``_split_nums``) reach: "32–51" is every section from 32 to 51, "5-501–5-503"
    5-501, 5-502 and 5-503. A range of lettered sections ("12A–12F": is 12B½ in it?) or of more than
    ``RANGE_CAP`` sections stays one entry "12A–12F"; the warning says where a numeric range was too long to
    expand."""
    out: list[str] = []
    warning = None
    for n in nums:
        ends = n.split(RANGE_MARK)
        if len(ends) == 2 and all(e.isdigit() for e in ends) and 0 <= int(ends[1]) - int(ends[0]) <= RANGE_CAP:
            out += [str(k) for k in range(int(ends[0]), int(ends[1]) + 1)]
            continue
        tails = [re.fullmatch(r"(\d+[-.])(\d+)", e) for e in ends] if len(ends) == 2 else []
        if tails and all(tails) and tails[0][1] == tails[1][1] and len(tails[0][2]) == len(tails[1][2]) \
                and 0 <= int(tails[1][2]) - int(tails[0][2]) <= RANGE_CAP:
            # "sections 5-501 to 5-507" (the Uniform Probate Code's numbering), "3.01 to 3.05": every section between,
            # printed to the same width
            width = len(tails[0][2])
            out += [f"{tails[0][1]}{k:0{width}d}" for k in range(int(tails[0][2]), int(tails[1][2]) + 1)]
            continue
        if len(ends) == 2 and all(e.isdigit() for e in ends):
            warning = f"sections {ends[0]} to {ends[1]}: too many to list; the range is kept as named"
        out.append(n)
    return out, warning


def _section_keys(named: list[str]) -> dict:
    """A target's keys for the sections ``named`` (from ``_split_nums``): ``section`` the first (a range's first
    end), ``sections`` where they are several or a range, ``sections_named`` a range as the words name it
    ("32–51", for the citation), and ``_warning`` where a range was too long to list."""
    sections, warning = _expand(named)
    out: dict = {"section": sections[0].split(RANGE_MARK)[0] if sections else None}
    ranged = any(RANGE_MARK in n for n in named)
    if len(sections) > 1 or ranged:
        out["sections"] = sections
    if ranged:
        out["sections_named"] = named
    if warning:
        out["_warning"] = warning
    return out


def _label(loc: dict | None) -> str | None:
    """A subsection, paragraph or clause as the words name it: "(b)", "fifth", "(5)"."""
    if not loc:
        return None
    if loc["nums"]:
        return ", ".join(loc["nums"])
    if loc["term"]:
        return loc["term"]
    return loc["ord"]


BARE_CHAPTER = re.compile(rf"\b(?i:sections?)\s+{g.NUM}\s+of\s+(?P<chapter>\d+[A-Z]*)\s+of\s+the\s+"
                          r"(?:Massachusetts\s+)?General\s+Laws\b")
""""Section 4M of 176G of the General Laws": a chapter's number printed without the word "chapter"."""
SAID_SUBSECTION_NUMBER = re.compile(r"\bsaid\s+subsection\s+(?P<num>\d+[A-Z]+)\b(?!\s*\()", re.I)
""""said subsection 2C": a section's number (a subsection is lettered in brackets), named before as a section."""


REGULATION = re.compile(r"\bchapter\s+\S+\s+of\s+the\s+Code\s+of\s+Massachusetts\s+Regulations\b", re.I)
""""Chapter 248 of the Code of Massachusetts Regulations": a regulation's chapter, not the General Laws'."""
BYLAW = re.compile(r"\bchapter\s+\S+\s+of\s+the\s+(?:(?!General\s|Laws?\b|acts\b|statutes\b)[\w’'-]+\s+){1,8}?"
                   r"(?:by-?laws?|ordinances?|zoning\s+code)\b", re.I)
""""Said chapter 140 of the Harwich Affordable Housing Bylaw": a town's bylaw or a city's ordinance, not a law (not
"chapter 40A of the General Laws relating to zoning ordinances", a law about them)."""


def _general_laws_named(ctx: _Context) -> bool:
    """Whether the bill named a chapter of the General Laws before (in full, or read as one)."""
    return any(code == "G.L." for code, _, _ in ctx.chapters.values()) or any(
        t.get("code") == "G.L." for t in [ctx.last or {}, *ctx.sections.values()])


ACTS_NAMED = re.compile(r"\bchapter\s+\w+\s[^,]{0,20}?\bof\s+the\s+(?:special\s+)?(?:acts|statutes|resolves|session\s+laws)\s+of\s+\d{4}\b",
                        re.I)


SUBSECTION_NUMBERED = re.compile(r"^\s*subsection\s+(?P<num>\d+[A-Z]*)\s*(?P<labels>(?:\(\w{1,4}\))+)\s*of\s+chapter\b", re.I)
"""A section's citation with "Subsection" for "Section": "Subsection 24 (1)(a)(1) of Chapter 90" names section 24
(a subsection is lettered or numbered in brackets, never "24" before brackets of its own)."""


NO_CHAPTER = "section {} of the General Laws: no chapter named"
SECTION_FOR_CHAPTER = re.compile(r"^section (\S+) of the General Laws: no chapter named$")


def _target(subject: str, further: bool, ctx: _Context,
            within: bool = False) -> tuple[dict | None, str | None, str | None]:
    """The law ``subject`` names: (target, warning, resolved_from); ``within``: the subject is an item under a lead
    ("... is hereby amended as follows: 1) The first sentence is amended ..."), a part of what the lead named."""
    words = _strip_qualifiers(normal(subject))
    loc = _locators(words)
    if within and loc.get("section") and loc["section"]["nums"][:1] and loc["section"]["nums"][0].startswith("("):
        # "in SECTIONS 6-6 (a) and (c) as follows:- 1) The heading of section (a) is amended ...": a lettered unit of
        # the section the lead names, misnamed
        loc.setdefault("subsection", loc.pop("section"))
    said_number = SAID_SUBSECTION_NUMBER.search(words)
    if said_number and "section" not in loc and said_number["num"].upper() in ctx.sections:
        loc["section"] = {"nums": [said_number["num"].upper()], "said": True, "ord": None, "labels": "",
                          "term": None, "words": said_number.group(0)}
        if loc.get("subsection") and loc["subsection"]["nums"] == loc["section"]["nums"]:
            del loc["subsection"]
    numbered = SUBSECTION_NUMBERED.match(words)
    if numbered and "section" not in loc:  # "Subsection 24 (1)(a)(1) of Chapter 90": section 24, subsection (1)
        loc["section"] = {"nums": [numbered["num"].upper()], "said": False, "ord": None, "labels": numbered["labels"],
                          "term": None, "words": numbered.group(0)}
        loc.pop("subsection", None)
    slip = loc.pop("_said_outer", None)
    if slip is not None and not (g.CHARTER.search(words) or g.SAID_CHARTER.search(words)):
        # (a charter's sections hold sections: "section 4-1-2 of said section 4-1 of said charter" is no slip)
        number = slip["nums"][0].split(RANGE_MARK)[0].upper()
        named = number in ctx.chapters or any(t.get("chapter") == number for t in [ctx.last or {}, *ctx.sections.values()])
        if not named or number in ctx.sections:
            return None, f"section {loc['section']['nums'][0]} of said section {number}: no chapter named", None
        # the bill named chapter 176J and never a section 176J: "said section 176J" can only point back to it
        loc["chapter"] = {**slip, "words": f"said chapter {number}"}
    chapter_loc, section_loc = loc.get("chapter"), loc.get("section")
    code = year = None
    resolved_from = slip_note = None
    chapter = chapter_loc["nums"][0].split(RANGE_MARK)[0] if chapter_loc and chapter_loc["nums"] else None
    acts = g.ACTS_OF.search(words)
    if acts is not None and (chapter is None or acts["chapter"].upper() == chapter):
        code, year, chapter = ("Special Acts" if acts["special"] else "Acts"), acts["year"], acts["chapter"].upper()
    elif g.GENERAL_LAWS.search(words):
        code = "G.L."
    elif g.CONSTITUTION.search(words):
        code = "Constitution"
    said = any(v["said"] for v in loc.values()) or within
    if g.THIS_ACT.search(words):
        return None, "amends this act itself", None
    if REGULATION.search(words):
        return None, "a regulation (the Code of Massachusetts Regulations), not a law", None
    if BYLAW.search(words):
        return None, "a town's bylaw or a city's ordinance, not a law", None
    charter = g.CHARTER.search(words)
    other = charter["name"] if charter else (ctx.charter if g.SAID_CHARTER.search(words) else None)
    if other is None and g.SAID_CHARTER.search(words):
        return None, "'said charter', and no charter named before", None
    if other is not None:  # a town's charter: no code, no chapter of the General Laws
        code = year = None
        named = charter or g.SAID_CHARTER.search(words)
        loc = _locators(words[:named.end()])  # its own parts, named before it ("chapter 6 of said charter"), not
        # what follows it ("which is on file ... under chapter 43B")
        if loc.get("chapter") and loc["chapter"]["nums"]:
            other = f"{other}, chapter {loc['chapter']['nums'][0]}"
        loc.pop("chapter", None)
        chapter, section_loc = None, loc.get("section")
    elif code is None and chapter is None and g.SAID_ACT.search(words):
        if ctx.act is None:
            return None, "'said act', and no act named before", None
        code, year, chapter, resolved_from = ctx.act
    elif code is None and chapter is not None and chapter not in ctx.chapters and ACTS_NAMED.search(words):
        # "Section 1 of Chapter 224 12C of the Acts of 2012": an act's year is named, but not as the chapter's
        return None, f"chapter {chapter}: an act's year named, the words between not read", None
    elif code is None and chapter is not None:
        known = ctx.chapters.get(chapter)
        if known is not None:
            code, year, resolved_from = known
            if not said:
                resolved_from = None  # named bare, as a draft may do after naming it once in full
        elif chapter_loc["said"] and len(near := [c for c in ctx.chapters if re.fullmatch(
                rf"{re.escape(chapter)}[A-Z]{{1,3}}", c)]) == 1:
            # "said section 6 of said chapter 64" where the bill named chapter 64H and no chapter 64: "said" points
            # back, to the one chapter named whose number only lacks its letters
            slip_note = f"said chapter {chapter}: none named before; read as chapter {near[0]}, named before"
            chapter = near[0]
            code, year, resolved_from = ctx.chapters[chapter]
        elif chapter_loc["said"] and ctx.act is not None and not _general_laws_named(ctx):
            # "Section 3 of said chapter 314" where the bill named only an act (chapter 324 of the acts of 2020)
            # before: "said" points back to an act, not to the General Laws, and no act's chapter 314 was named
            return None, f"said chapter {chapter}: none named before, and only acts named", None
        elif re.match(r"\d", chapter):
            # A chapter cited with no year is a chapter of the General Laws: an act is always cited
            # with its year ("chapter 7 of the acts of 2023"), a charter by its town.
            code = "G.L."
        else:
            return None, f"chapter {chapter}: the words name no code (General Laws, acts of a year)", None
    if other is not None or code is not None and chapter is not None:
        pass
    elif code is None and chapter is None:
        # No chapter in the words: only a reference back ("said ...", "further amended") gives one.
        last = ctx.last
        section = section_loc["nums"][0].split(RANGE_MARK)[0] if section_loc and section_loc["nums"] else None
        if chapter_loc is not None and chapter_loc["said"]:
            pass  # "Section 6B of said chapter": the chapter named last
        elif section and (said and not within or further):
            # "said section 17" / "Section 65 is further amended": a section this act named before
            if section not in ctx.sections:
                return None, f"section {section}: {'said' if said else 'further amended'}, and no section " \
                             f"{section} named before", None
            last = ctx.sections[section]
        elif not said and not (section and last is not None and (
                g.SO_APPEARING.search(subject) or last.get("other") and CHARTER_NUMBER.fullmatch(section))):
            # ("Subsection (c) of Section 83C, as so appearing," after a section of chapter 169 of the acts of 2008:
            # "so appearing" points back to the law named last, as "said" does; "The heading of Section 8-1" after a
            # charter's section: a charter's numbering, that charter's)
            return None, "the words name no chapter (and no 'said')", None
        if last is not None and last.get("chapter") is None and last.get("other") and chapter_loc is None:
            # "Said section 2-9", "said paragraph (1)" after a section of a town's charter: that charter
            other = last["other"]
        elif last is None or last.get("chapter") is None:
            return None, "'said', and no chapter named before", None
        else:
            code, year, chapter = last["code"], last.get("year"), last["chapter"]
        resolved_from = last.get("_from")
        inner = any(loc.get(u) for u in ("subsection", "paragraph", "subparagraph", "clause", "subclause",
                                          "sentence", "definition", "item"))
        if (section_loc is None and inner) or (section_loc is not None and not section_loc["nums"]):
            # "said subsection (a)", "said section": inside the section named last
            section_loc = {"nums": [last["section"]] if last.get("section") else []}
    named = [n.replace(" ", "") for n in section_loc["nums"]] if section_loc else []
    part = loc.get("subsection") or loc.get("paragraph")
    if not named and chapter is not None and part is not None and part["said"] and ctx.last is not None \
            and ctx.last.get("chapter") == chapter and ctx.last.get("section"):
        # "Said subsection (c) of said chapter 6D" (no section named): the subsection of the section named last, or of
        # the one other section of that chapter whose subsection (c) was named ("said" points back to it); none read
        # when several were
        unit = "subsection" if loc.get("subsection") else "paragraph"
        others = {t["section"] for t in ctx.sections.values() if t.get("chapter") == chapter
                  and t.get("code") == ctx.last.get("code") and t.get(unit) == _label(part)} - {ctx.last["section"]}
        if ctx.last.get(unit) == _label(part) or not others:
            named = [ctx.last["section"]]
        elif len(others) == 1:
            named = list(others)
    keys = _section_keys(named)
    if code == "G.L." and chapter is None and chapter_loc is not None and chapter_loc["said"] \
            and not chapter_loc["nums"] and ctx.last is not None and ctx.last.get("code") == "G.L." \
            and ctx.last.get("chapter") is not None:
        # "Section 31 of said chapter of the Massachusetts General Laws": the General Laws' chapter named last
        chapter, resolved_from = ctx.last["chapter"], ctx.last.get("_from")
    if code == "G.L." and chapter is None and named:
        bare = BARE_CHAPTER.search(words)
        if bare is None:  # "Section 22C of the General Laws ... adding the following section": a slip, not read
            first = (keys.get("sections") or [keys["section"]])[0]
            return None, NO_CHAPTER.format(first), None
        chapter = bare["chapter"]
    target = {"code": code, "year": year, "chapter": chapter,
              "section": keys.pop("section"),
              "subsection": _label(loc.get("subsection")) or _first_label(section_loc),
              "paragraph": _label(loc.get("paragraph")) or _label(loc.get("subparagraph")),
              "clause": _label(loc.get("clause")) or _label(loc.get("subclause"))}
    for extra in ("item", "definition", "sentence", "article"):
        if loc.get(extra):
            target[extra] = _label(loc[extra])
    target.update(keys)
    if slip_note is not None:
        target.setdefault("_warning", slip_note)
    if other is not None:
        target["other"] = other
    return target, None, resolved_from


CHARTER_NUMBER = re.compile(r"\d{1,2}-\d{1,2}")
"""A town charter's section number, its article's and its own ("8-1"), not a chapter's section ("22A")."""


def _first_label(loc: dict | None) -> str | None:
    """"Section 13B(b)": the "(b)" stuck to a section number is its subsection."""
    labels = re.findall(g.LABEL, loc.get("labels", "")) if loc else []
    return labels[0].replace(" ", "") if labels else None


# -- what it does ------------------------------------------------------------------

QUOTED_WORDS = re.compile(r"“[^“”]*”|\"[^\"“”]*\"")
"""Words in quotation marks, curly or straight, each pair of its own kind."""


def _clauses(predicate: str) -> list[tuple[str, str]]:
    """The clauses of a predicate: "by striking out X and inserting ..., and by adding ..." -> two,
    each as (its words from the verb on, its words as printed from the end of the clause before)."""
    predicate = predicate.strip()
    found = list(g.CLAUSE_START.finditer(predicate))
    if len(found) > 1 and ("“" in predicate or '"' in predicate):
        # a clause never starts inside quoted words: "striking out the words “programs, including, but not
        # limited to, ...”" is one clause, not a strike and an insertion ("including" is a careless "inserting")
        spans = _spans(QUOTED_WORDS, predicate)
        found = [m for m in found if not _inside(spans, m.start())]
    if not found:
        return []
    bounds = [m.start() for m in found][1:] + [len(predicate)]
    raw_starts = [0] + bounds[:-1]
    spans = _spans(QUOTED_WORDS, predicate)
    out = []
    carried = ""  # a place printed before the next clause's "by": "... and in paragraph (b) by striking out ..."
    for m, e, r in zip(found, bounds, raw_starts):
        place = LEADING_PLACE.search(predicate, m.end(), e) if re.match(r"\s+by\b", predicate[e:e + 6]) else None
        if place is not None and (_inside(spans, place.start()) or
                                  not re.search(r"\W\w", predicate[m.end():place.start()].strip(" ,;"))):
            place = None  # inside quoted words; or all the clause says ("by striking in subsection (h) by striking, ...")
        end = place.start("place") if place is not None else e  # the clause keeps its inserted text's mark
        clause, raw = predicate[m.end():end].strip(" ,;"), predicate[r:end].strip(" ,;")
        if carried:
            verb = re.match(r"\w+(?:\s+out)?,?", clause)
            clause, raw = f"{clause[:verb.end()]} {carried},{clause[verb.end():]}", f"{carried} {raw}"
        carried = place["place"] if place is not None else ""
        out += _elsewhere(clause, raw)
    return out


LEADING_PLACE = re.compile(rf"(?:[;.:{CUT}]\s*|,?\s+and\s+)(?P<place>(?i:in)\s+(?:said\s+)?(?:section|subsection|paragraph|clause|subparagraph)"
                           r"\s+(?:[\w.-]*\w|\(\w{1,4}\))(?:\s*\(\w{1,4}\))*)\s*,?\s*$", re.I)
"""A place printed before the "by" of the next clause, at the end of the one before ("... the words “x” and in
paragraph (b) by striking out ...", "... this Chapter. In section 11 by adding ..."): the next clause's place."""


ELSEWHERE = re.compile(r"\s+and\s+(?=(?:by\s+)?(?:inserting|adding),?\s+(?:the\s+following\s+(?:new\s+)?\w+\s+)?(?:in\s+lines?\s+[\d\s,and–-]+?,?\s+)?"
                       r"(?:in\s+the\s+\w+\s+line\s+of\s+[^“”\"]{1,80}?,?\s+)?"
                       r"(?:in\s+the\s+\w+\s+(?:paragraph|sentence|subsection|clause),?\s+)?(?:immediately\s+)?"
                       r"(?:the\s+words?\s+[“\"][^“”\"]{1,200}[”\"]\s*,?\s*(?=(?:following|after|before)\s+the\s+words?\b))?"
                       r"(?:following\s+(?=the\s+words?\s+[“\"])|(?:after|before)\b(?!\s+the\s+words?\s+(?:the\s+following|[,:]))|at\s+the\s+end\s+of\b))", re.I)


def _elsewhere(clause: str, raw: str) -> list[tuple[str, str]]:
    """An insertion that names a place of its own after other words ("striking the word “or” before the word
    “commission” and inserting after the word “commission” ...", "striking clause (vii) ... and inserting the
    following clause at the end of clause (vi)", "inserting, after the word “x”, the words “y” and inserting,
    after the word “z”, ...") is an instruction of its own at that place, not the words' replacement, also on a
    line of the struck words ("deleting, in lines 106 and 107, ... and inserting, in line 106, after the word
    “x” ...": the place it names is its own, as the samples' readers read it); one "after the words" it does not
    name (the struck ones) takes their place: one replacement."""
    out = []
    while (cut := _elsewhere_cut(clause, raw)) is not None:  # a loop: a SECTION may join many insertions
        (m, n) = cut
        out.append((clause[:m.start()].strip(" ,;"), raw[:n.start()].strip(" ,;")))
        clause, raw = clause[m.end():].strip(" ,;"), raw[n.end():].strip(" ,;")
    return out + [(clause, raw)]


def _elsewhere_cut(clause: str, raw: str) -> tuple[re.Match, re.Match] | None:
    """Where ``clause`` (and its words as printed, ``raw``) part before an insertion at a place of its own."""
    m, n = _outside_quotes(ELSEWHERE, clause), _outside_quotes(ELSEWHERE, raw)
    if m is None or n is None:
        return None
    struck_words, anchor = g.QUOTED.search(clause[:m.start()]), g.QUOTED.search(clause[m.end():])
    if struck_words and anchor and _words(anchor["words"])[:1] and \
            _words(anchor["words"])[0] in _words(struck_words["words"]):
        return None  # "striking out “Gardner, Petersham ...” and inserting after the word “Gardner;”"
    return m, n


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _blank(quoted: re.Match) -> str:
    return " " * len(quoted[0])


def _outside_quotes(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match of ``pattern`` in ``text`` that does not start inside quoted words."""
    spans = _spans(QUOTED_WORDS, text)
    return next((m for m in pattern.finditer(text) if not _inside(spans, m.start())), None)


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [q.span() for q in pattern.finditer(text)]


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether position ``at`` falls strictly inside one of ``spans`` (after its opening mark, before its end)."""
    return any(a < at < b for a, b in spans)


def read_lines(nums: str) -> list[int]:
    """Every line ``nums`` names, in the order named: "5 and 120" is [5, 120] (two lines, not the
    span between), "27 to 28" [27, 28], "3, 10 through 12" [3, 10, 11, 12].  A range that runs
    backwards or over ``MAX_LINE_RANGE`` lines keeps its two ends only (a misprint, not 1,000 lines)."""
    out: list[int] = []
    for m in re.finditer(r"(\d+)(?:\s*(?:to|through|-|–)\s*(\d+))?", nums, re.I):
        first, last = int(m[1]), int(m[2]) if m[2] else int(m[1])
        out += range(first, last + 1) if 0 <= last - first <= MAX_LINE_RANGE else [first, last]
    return out


MAX_LINE_RANGE = 500


def _read_clause(clause: str) -> tuple[str, dict, str | None]:
    """(action, where, what a whole-unit object names: "section 17") for one clause."""
    where: dict = {"after": None, "lines": None, "words": None}
    lines = g.LINES.search(QUOTED_WORDS.sub(lambda q: " " * len(q[0]), clause))  # not "line 7" inside struck words
    if lines:
        where["lines"] = read_lines(lines["nums"])
    obj = None
    if m := g.REPLACE.match(clause):
        action, obj = "replace", next(o for o in (m["obj"], m["obj2"], m["obj3"], "") if o is not None)
    elif m := g.STRIKE.match(clause):
        action, obj = "strike", m["obj"]
    elif m := g.INSERT.match(clause):
        action = "insert"
    elif m := g.ADD.match(clause):
        action = "add"
    elif m := g.REPEAL.match(clause):
        action, obj = "repeal", m["obj"]
    else:
        return "amend", where, None
    if obj is not None:
        quoted = g.QUOTED.search(obj)
        if quoted:
            where["words"] = quoted["words"]
        else:
            part = _strip_qualifiers(g.LINES.sub("", obj))
            part = re.sub(r"\bin\s*,?$|^\s*,|,\s*$", "", part.strip(" ,")).strip(" ,.")
            part = re.sub(r"^,?\s*inclusive\b", "", part).strip(" ,.")  # "lines 10 to 12, inclusive": the lines
            where["part"] = part or None
    anchor = g.ANCHOR.search(clause)
    if anchor and action in ("insert", "add"):
        after = _strip_qualifiers(anchor["anchor"]).strip(" ,")
        where["after"] = after
        quoted = g.QUOTED.search(after)
        if quoted:
            where["words"] = quoted["words"]
        if action == "add":
            action = "insert"  # "adding, after the word “x”, ...": an insertion at a named place
    if action == "add" and (g.AS_NTH.search(clause) or BETWEEN.search(clause)):
        action = "insert"  # "adding ... as a second paragraph", "adding ... between the second sentence and ..."
    at_end = g.AT_THE_END.search(clause)
    if at_end and anchor and anchor.start() < at_end.start():
        at_end = None  # "inserting after the word “x” at the end of the first paragraph": after the word, an insertion
    if action == "add" and where["lines"] and not at_end and where["after"] is None:
        action = "insert"  # "adding, at line 180, the following subsection": a place in the printed text
    if action == "insert" and (at_end or where["after"] is None and LAST_UNIT.search(clause)):
        action = "add"  # "inserting at the end thereof", "inserting a new seventh and final paragraph": an addition
    return action, where, obj


BETWEEN = re.compile(r"\bat\s+the\s+beginning\s+of\b|\bbetween\s+the\s+(?:current\s+|existing\s+)?(?:\w+\s+){0,2}?(?:sentence|paragraph|subsection|clause|"
                     r"definition|section)s?\b", re.I)
"""A place between two units or at a unit's start: "adding the following two new sentences between the current second
sentence ...", "adding at the beginning of the first paragraph"."""
LAST_UNIT = re.compile(r"\bnew\s+(?:\w+\s+and\s+)?(?:final|last)\s+(?:paragraph|sentence|subsection|clause)\b|"
                       r"\bas\s+the\s+(?:new\s+)?(?:final|last)\s+(?:paragraph|sentence|subsection|clause)\b", re.I)
"""A unit put last, named so: "inserting a new seventh and final paragraph", "as the last sentence"."""


SECTION_NAMED = re.compile(rf"(?<!after\s)(?<!before\s)(?<!following\s)\b(?:in|of|to|amending)\s+(?:said\s+)?section\s+"
                           rf"(?P<num>{g.NUM})(?![\w½¼¾/-]|\.\d)(?!\s+of\b)", re.I)
"""The section a chapter's instruction works inside, named before its verb or in its clause ("... amended in
section 17 by ...", "by amending Section 224(a) as follows", "at the end of the second paragraph of Section
87JJ"): not an anchor ("after section 5"), and not a section of something else ("in section 17 of chapter 7 of
the acts ...": the whole number is taken before "of" is looked for, so "17" is not cut back to "1")."""
SECTIONS_NAMED = re.compile(rf"\b(?:in|of|to)\s+(?:said\s+)?sections\s+(?P<nums>{g.NUMS})(?![\w½¼¾/-]|\.\d)(?!\s+of\b)"
                            r"(?!\s*,?\s*(?:(?:and|or|to|through)\s+)?\d)", re.I)
"""Several sections a chapter's instruction works inside, named before its verb ("amended in sections 3, 4 and 5 by
striking out each appearance of ..."): the whole list (not "sections 3, 4" of "sections 3, 4 and 5 of chapter 2 of
the acts of 2020", another law's)."""
ANCHOR_WITHIN = re.compile(r"^(?:sub)?section\s+(?P<num>\d+[A-Z]*)\s*\(\w{1,4}\)", re.I)
"""An anchor inside a section: "after section 4O(c)" is after its subsection (c); so is "after subsection 134(b)"."""
NEW_SECTION = re.compile(r"\b(?:a|the)\s+new\s+section\b|^(?:adding|inserting)\s+(?:a\s+)?(?:new\s+)?sections?\b", re.I)
CLAUSE_PLACE_END = re.compile(rf"\bthe\s+following\b|[:“\"]|{CUT}", re.I)


def _clause_place(clause: str) -> str:
    """The words of a clause that say where it works: up to "the following", the first quotation mark or the
    inserted text (a section named inside struck or inserted words is not the place); and the words between "the
    following paragraphs" and those ("inserting the following paragraphs in section 7 after the term “x”:")."""
    end = CLAUSE_PLACE_END.search(clause)
    if end is None:
        return clause
    after = FOLLOWING_PLACE.match(clause, end.start())
    anchored = ANCHORED_IN_SECTION.search(clause.split(CUT, 1)[0])  # "... after the word “program” in Section 16G"
    return clause[:end.start()] + (" " + after["place"] if after else "") + (" " + anchored[1] if anchored else "")


ANCHORED_IN_SECTION = re.compile(rf"[”\"],?\s+(in\s+(?:said\s+)?section\s+{g.NUM})(?![\w½¼¾/-]|\.\d)(?!\s+of\b)", re.I)
"""The section an anchor's quoted words stand in, named after them: "after the word “program” in Section 16G"."""


FOLLOWING_PLACE = re.compile(rf"the\s+following\s+(?:new\s+)?\w+\s+(?P<place>[^:“\"{CUT}]*)", re.I)




LINE_VERB = re.compile(rf"(\blines?\s+{g.LINE_NUMS}),?\s+(?:to\s+)?"
                       r"(strike|striking|insert|inserting|add|adding|delete|deleting)\b", re.I)
"""A verb after the lines with no "by": "amended in lines 26 through 31 striking ...", "amended in line 94 to insert
after the phrase ..."."""
GERUND = {"strike": "striking", "insert": "inserting", "add": "adding", "delete": "deleting",
          "striking": "striking", "inserting": "inserting", "adding": "adding", "deleting": "deleting"}


def _names_its_place(place: str, inside: re.Match, action: str) -> bool:
    """Whether the section ``inside`` (``SECTION_NAMED`` in a clause's ``place``) is where the clause works: "in section
    9", "adding ... to section 21", "at the end of the second paragraph of section 9"; not a section it speaks of ("the
    reference to section 5", "the citation of section 5")."""
    word = inside[0][:2].lower()
    return word == "in" or (word == "to" and action in ("add", "insert")) or \
        (word == "of" and bool(UNIT_BEFORE.search(place, 0, inside.start())))


UNIT_BEFORE = re.compile(r"\b(?:paragraph|sentence|subsection|subparagraph|clause|subclause|subdivision|definition|item)s?"
                         r"(?:\s*\(\w{1,4}\))*\s*$", re.I)
ANCHOR_PLACE = re.compile(r"(?:the\s+(?:\w+\s+){0,2}?)?(?:[“\"]|(?:(?:sub)?sections?|(?:sub)?paragraphs?|(?:sub)?clauses?|"
                          r"sentences?|definitions?|items?|lines?|words?|figures?|phrases?|terms?|numbers?)\b)", re.I)
"""An anchor that is a place in the text ("after the words “x”", "after the second sentence"), not a time ("effective
after December 31, 2024")."""
BY_DASH = re.compile(r"\bby\s*[-–—]+\s*(?=(?:striking|inserting|adding|deleting|substituting|replacing|amending)\b)")
""""is amended by- striking the word ...": a dash after "by", as before inserted text (not the words "by-laws")."""
MARGIN_NUMBER = re.compile(r"\bby\s+\d{1,4}\s+(?=(?:striking|inserting|adding|deleting)\b)", re.I)
"""A line number of the printed bill left in its words ("is hereby amended by 128 striking the third paragraph")."""


WHOLE_CHAPTER = re.compile(rf"^(?:the\s+|said\s+)?chapter\s+(?P<num>{g.NUM})\s*(?:,|$|\s+(?:and|in\s+its\s+entirety)\b)", re.I)
"""A whole chapter as an instruction's object: "striking out chapter 209B"."""
PART_OF_SECTION = re.compile(rf"^(?:the\s+|said\s+)?(?:sub)?(?:section|paragraph|clause)\s+\(\w{{1,4}}\)\s+of\s+(?:said\s+)?"
                             rf"section\s+(?P<num>{g.NUM})(?![\w½¼¾/-]|\.\d)(?!\s+of\b)", re.I)
"""An object that is a part of a section of the chapter named: "subsection (f) of section 3B"."""
SIBLING_ANCHOR = re.compile(rf"^section\s+(?P<num>{g.NUM})\s*$", re.I)
"""An anchor that is a whole section ("after Section 38HH"): a section of the chapter, not a part of the section named."""
NEW_SUBSECTION = re.compile(r"\bfollowing\s+(?:new\s+)?subsection\b", re.I)  # ("the following section": moved below)
IN_A_PART = re.compile(r"^\w+(?:\s+out)?,?\s+in\s+(?:sub)?(?:paragraph|subsection|clause|subparagraph)\s+\(", re.I)
"""A clause whose place is a part of a section, named right after its verb ("striking out in paragraph (b), ...")."""
AT_THE_END_THEREOF = re.compile(r"\bat\s+the\s+end\s+thereof\b", re.I)
WHOLE_MISNAMED = re.compile(r"^(?:the\s+|said\s+)?subsection\s+(?P<nums>\d+[A-Z]*)\b(?!\s*\(|\s+of\b)", re.I)
""""Said chapter 60 is hereby amended by striking out subsection 62A": a chapter's unit numbered like a section is
its section (a chapter has no subsections; a subsection is lettered, "(a)")."""


def _read_instruction(number: str, subject: str, verb: str, verb_words: str, predicate: str,
                      ctx: _Context, within: bool = False) -> list[dict]:
    target, warning, resolved_from = _target(subject, "further" in verb_words.lower(), ctx, within)
    if target is None and verb in ("repealed", "annulled") and (own := OWN_SECTIONS.fullmatch(subject.strip())) \
            and (own["act"] or set(_expand(_split_nums(own["nums"]))[0]) <= ctx.own):
        # "Section 14 is hereby repealed", "Sections 1 to 3, inclusive, are hereby repealed": no law named, and the
        # bill has SECTIONs so numbered: it repeals its own SECTIONs, no law (an instruction on the act itself)
        return []
    head_section = None  # the section named before the first clause ("amended as follows: In section 2 by ...")
    last = ctx.last
    if verb_words[:3].lower() == "and" and target is not None and target["section"] is None and last is not None \
            and last.get("section") and last.get("chapter") == target["chapter"] \
            and SECTION_PART.search(QUOTED_WORDS.sub(_blank, predicate)):
        # "Chapter 112 is hereby amended in section 12F by striking ...; and further amended by inserting ..., in
        # line 18, ...": a line, a paragraph or a word is a section's, the one the sentence worked in ("; and
        # further amended by adding the following definitions" names none: the chapter); a section a clause names
        # ("; and further amended by striking out, in section 9, ...") is still its own
        target["section"] = head_section = last["section"]
    appearing = g.APPEARING.search(subject + predicate)
    if appearing:
        as_appearing = appearing["edition"]
        ctx.as_appearing = as_appearing
    elif g.SO_APPEARING.search(subject + predicate):
        as_appearing = ctx.as_appearing
    else:
        as_appearing = None
    if verb in ("repealed", "annulled"):
        parts = [("repeal", {"after": None, "lines": None, "words": None}, None, "", "")]
    else:
        predicate = MARGIN_NUMBER.sub("by ", BY_DASH.sub("by ", predicate.strip()))
        quoted = _spans(QUOTED_WORDS, predicate)  # the words struck are not the verb's
        predicate = LINE_VERB.sub(lambda m: m[0] if _inside(quoted, m.start())
                                  else f"{m[1]} by {GERUND[m[2].lower()]}", predicate)
        clauses = _clauses(predicate)
        head = predicate[:g.CLAUSE_START.search(predicate).start()] if clauses else predicate
        if target is not None and head.strip(" ,"):
            refine = _locators(_strip_qualifiers(head))  # "is hereby amended in subsection (b) by ..."
            for unit in ("subsection", "paragraph", "clause"):
                if refine.get(unit) and not target.get(unit):
                    target[unit] = _label(refine[unit])
            inside = SECTION_NAMED.search(head)
            several = SECTIONS_NAMED.search(head)
            if several and target["section"] is None and (target["chapter"] is not None or target.get("other")):
                # "Said chapter 186A is hereby further amended in sections 3,4,5, and 6 by striking out ...": each
                target.update(_section_keys(_split_nums(several["nums"])))
                head_section = target["section"]
            elif inside and target["section"] is None and (target["chapter"] is not None or target.get("other")):
                # "Chapter 111 is hereby amended by amending the title of section 5K by adding ...",
                # "Chapter 6 is hereby amended in section 17 by striking ...": the chapter's section
                target["section"] = head_section = _split_nums(inside["num"])[0]
        parts = _joined([(*_read_clause(c), c, raw) for c, raw in clauses])
        if len(parts) == 1 and parts[0][0] == "insert" and not parts[0][1].get("after") and g.AT_THE_END.search(head):
            # "amended, at the end thereof, by inserting ...": an addition ("... by inserting after the word “x”"
            # names its own place: an insertion)
            parts = [("add", *parts[0][1:])]
        elif len(parts) == 1 and parts[0][0] == "add" and not parts[0][1].get("after") and \
                (anchor := g.ANCHOR.search(QUOTED_WORDS.sub(_blank, head))) and ANCHOR_PLACE.match(head, anchor.start("anchor")):
            # "amended in Group 2 after the words “x” by adding:- ...": the place is named before the verb; an
            # insertion there, as "by adding, after the words “x”, ..." is
            after = _strip_qualifiers(head[anchor.start("anchor"):anchor.end("anchor")]).strip(" ,")
            quoted = g.QUOTED.search(after)
            parts = [("insert", {**parts[0][1], "after": after, "words": quoted["words"] if quoted else None},
                      *parts[0][2:])]
        head_lines = g.LINES.search(head) if clauses else None
        if head_lines and len(parts) == 1 and parts[0][1]["lines"] is None:
            parts[0][1]["lines"] = read_lines(head_lines["nums"])  # "amended, in line 26, by striking ..."
            if parts[0][0] == "add" and not g.AT_THE_END.search(head + " " + parts[0][3]):
                parts = [("insert", *parts[0][1:])]  # "amended in line 40 by adding the following sentence": a place
        if not parts:
            blank = {"after": None, "lines": None, "words": None}
            action = "replace" if g.TO_READ.match(predicate) else "insert" if g.TO_INCLUDE.match(predicate) else "amend"
            parts = [(action, blank, None, predicate, predicate)]
            if action == "amend" and (m := g.AS_FOLLOWS_VERB.match(predicate)):
                # "amended as follows: 1. Add : ...", "as follows: Strike paragraph (a) and replace with the
                # following": the verb is an imperative after the colon; read it as the clause it says
                verb = m["verb"].lower()
                gerund = {"add": "adding", "insert": "inserting", "strike": "striking", "delete": "deleting",
                          "replace": "replacing"}[verb]
                rest = re.sub(r"\band\s+replace\b", "and inserting in place thereof", m["rest"], flags=re.I)
                parts = [(*_read_clause(f"{gerund}{rest}"), predicate, predicate)]
            elif action == "amend" and g.NO_VERB_INSERT.search(predicate):
                # "amended in line 89 after the word “products” the following words": where, and what follows,
                # with the verb left out; the words say an insertion (an addition "at the end thereof")
                parts = [(*_read_clause("inserting " + predicate.lstrip(" ,")), predicate, predicate)]
    out = []
    read_targets = []  # each clause's target, where it names the section the instruction's subject does not
    worked_in = None  # the section the last clause named as its place
    for action, where, obj, clause, raw in parts:
        tgt = dict(target) if target is not None else None
        inserts = None
        moved = None  # what a new section's place in the chapter took from the target (``_stay_in_section``)
        if tgt is not None and obj is not None and tgt["section"] is None:
            whole = re.match(rf"^(?:the\s+|said\s+)?sections?\s+(?P<nums>{g.NUMS})", normal(obj.strip()), re.I) \
                or (WHOLE_MISNAMED.match(obj.strip()) if tgt["chapter"] is not None else None)
            if whole:  # "Chapter 58 is amended by striking out section 17": section 17 is amended
                tgt.update(_section_keys(_split_nums(whole["nums"])))
            elif tgt["chapter"] is None and tgt["code"] == "G.L." and not tgt.get("other") \
                    and (whole_chapter := WHOLE_CHAPTER.match(normal(obj.strip()))):
                # "The General Laws are hereby amended by striking out chapter 209B and inserting in place thereof
                # the following chapter": chapter 209B is amended
                tgt["chapter"] = whole_chapter["num"]
            elif tgt["chapter"] is not None and (part := PART_OF_SECTION.match(normal(obj.strip()))):
                # "Chapter 115 ... is hereby amended by striking out subsection (f) of section 3B and inserting in
                # place thereof the following section:-": a part of section 3B (the new text's unit misnamed)
                tgt["section"] = part["num"]
        new = g.NEW_UNITS.search(clause)
        slip = SECTION_FOR_CHAPTER.match(warning or "") if tgt is None else None
        if slip and new and action in ("insert", "add", "replace") and re.search(
                rf"\bsection\s+{re.escape(slip[1])}\s+of\s+the\s+General\s+Laws\b", subject, re.I):
            # "Section 164 of the General Laws is hereby amended by inserting the following section": a section is
            # given no new sections (nor replaced as "the chapter"); the words' unit is chapter 164
            tgt = {"code": "G.L.", "year": None, "chapter": slip[1], "section": None, "subsection": None,
                   "paragraph": None, "clause": None,
                   "_warning": f"'section {slip[1]}' of the General Laws read as chapter {slip[1]}: the words put a "
                               f"new {new['unit'].lower()} into it"}
        place = _clause_place(clause)
        unnamed = tgt is not None and (tgt["section"] is None or tgt["section"] == head_section)
        inside = SECTION_NAMED.search(place) if unnamed else None
        if inside and tgt["section"] is not None and not _names_its_place(place, inside, action):
            inside = None  # a section the clause speaks of ("striking out the reference to section 5"), not its place
        if inside and tgt["chapter"] is not None and not (new and new["unit"].lower().startswith("section")) \
                and not NEW_SECTION.search(clause):
            # "Chapter 112 is hereby amended by inserting at the end of the second paragraph of Section 87JJ the
            # following", "(b) Adding the following to section 5K": inside section 87JJ, not a new section; "as
            # follows: In section 2 by striking ... In section 11 by adding ...": each clause's own section
            tgt["section"] = worked_in = _split_nums(inside["num"])[0]
        elif inside is None and unnamed and tgt["section"] is None and worked_in and IN_A_PART.match(place):
            # "striking out in section 32B paragraph (a) the words “x” and in paragraph (b) by striking out ...":
            # a part named alone is the section's the clause before worked in
            tgt["section"] = worked_in
        within = ANCHOR_WITHIN.match(where.get("after") or "") if tgt is not None and tgt["section"] is None else None
        if within and tgt["chapter"] is not None and not (new and new["unit"].lower().startswith("section")):
            tgt["section"] = within["num"]  # "inserting after section 4O(c) the following": inside section 4O
        sibling = SIBLING_ANCHOR.match(where.get("after") or "") if tgt is not None and tgt["section"] else None
        if sibling and NEW_SUBSECTION.search(clause) and action == "insert" and tgt["chapter"] is not None \
                and sibling["num"].upper() != tgt["section"].upper() and not tgt.get("sections"):
            # "Section 38 of Chapter 63 ... is hereby amended by inserting after Section 38HH the following new
            # subsection:- Section 38II. ...": a section holds no section 38HH; the new unit goes into the chapter,
            # after it (section 38 as printed kept in the warning)
            inserts = "section"  # filled with the number when the quoted text is attached
            tgt["_warning"] = f"section {tgt['section']} named, but the place is section {sibling['num']}: read as a " \
                              f"new section of chapter {tgt['chapter']}"
            tgt["section"] = None
        if new and action in ("insert", "add"):
            inserts = new["unit"].lower()  # filled with the numbers when the quoted text is attached
            inside = re.match(r"(?:sub)?(?:section|paragraph|clause)\s*\(|(?:subsection|paragraph|clause)\s+\w",
                              where.get("after") or "", re.I)  # ("after subsection 1B": a unit of the section)
            if tgt is not None and tgt["section"] and inserts.startswith("section") and not inside and not any(
                    tgt.get(k) for k in ("subsection", "paragraph", "clause")):
                # ("... inserting after subsection (k) the following section": a unit inside it, misnamed)
                # "Section 72 of chapter 111 is hereby amended by inserting the following section": a new
                # section goes into the chapter (after section 72); section 72 itself is not amended
                moved = {"keys": {k: tgt.get(k) for k in ("section", "sections", "sections_named") if tgt.get(k)},
                         "anchored": where["after"] is None, "at_end": bool(AT_THE_END_THEREOF.search(clause))}
                where["after"] = where["after"] or f"section {tgt['section']}"
                tgt["section"] = None
                tgt.pop("sections", None)
                tgt.pop("sections_named", None)
        evidence = re.sub(r"\s+", " ", f"{subject.strip()} {verb_words} {raw.strip()}").replace(CUT, "").strip(" .;,")
        if len(evidence) > EVIDENCE_CHARS:
            evidence = evidence[:EVIDENCE_CHARS - 1] + "…"
        if where.get("after"):
            where["after"] = where["after"].replace(CUT, "").strip()
        if where.get("part"):
            where["part"] = where["part"].replace(CUT, "").strip() or None
        if tgt is not None and moved is None:
            read_targets.append(tgt)
        item = {"_cut": CUT in clause, "_moved": moved, "section": number, "target": _public(tgt), "action": action, "where": where,
                "as_appearing": as_appearing, "inserts": inserts, "text": None, "new_text": None,
                "evidence": evidence}
        if resolved_from is not None:
            item["resolved_from"] = resolved_from
        if tgt is None or warning is not None and not tgt.get("_warning"):
            item["warning"] = warning or "no target read"
        elif action == "amend":
            item["warning"] = "what the instruction does is not read"
        elif tgt.get("_warning"):
            item["warning"] = tgt["_warning"]
        out.append(item)
    if target is not None:
        named = {(t["chapter"], t["section"]) for t in read_targets}
        if target["section"] is None and len(named) == 1 and (inner := named.pop())[1] and inner[0] == target["chapter"]:
            # "Said chapter 6 is hereby further amended by inserting in ... clause (a) of section 172 ...", then
            # "Said clause (a) is hereby further amended": every clause worked inside section 172, and "said" names it
            target = {**target, "section": inner[1]}
        target["_from"] = number
        ctx.last = target
        if target["section"]:
            ctx.sections[target["section"]] = target
    return out


UNPLACED_INSERT = re.compile(r"^(?:inserting|substituting)\s+the\s+following\b(?!.*\b(?:at\s+the\s+(?:end|beginning)|after|before)\b)",
                             re.I | re.S)
IN_ITS_PLACE = re.compile(r"^(?:inserting|substituting)\s+[“\"][^“”\"]*[”\"]\s*,?\s*in\s+(?:its|their)\s+place\b", re.I)
""""and by inserting “any charges” in its place": the place is the struck words'."""
ONLY_WORDS = re.compile(r"^(?:inserting|substituting)\s+(?:the\s+words?\s+)?[“\"][^“”\"]*[”\"]\s*[.;,]?\s*$", re.I)
""""and by inserting “as a result of ...”" and nothing more: no place named but the struck words'."""
REPLACING_IT = re.compile(r"^replacing\s+(?:it|them|the\s+same)\b", re.I)
""""striking out the word “his”, each time it appears, and replacing it, in each instance, with ..."."""
NUMBERED_CLAUSE = re.compile(r"^[\s,;]*(?:and\s+)?\(\s*[ivx\d]{1,4}\s*\)", re.I)


OWN_SECTIONS = re.compile(rf"(?:sections?)\s+(?P<nums>{g.NUMS})(?:\s*,?\s*inclusive)?\s*,?(?P<act>\s*of\s+this\s+act\s*,?)?",
                          re.I)
"""A subject that names sections and nothing else ("Section 14", "Sections 1 to 3, inclusive,"), or this act's
("Section 2 of this act")."""


def _joined(parts: list[tuple]) -> list[tuple]:
    """A strike and the insertion after it that names no place of its own ("by striking out the words “x”, in
    lines 97 to 99, and inserting the following words:- y") are one replacement: the words go where the
    struck ones were.  An insertion with an anchor ("and inserting after the word ...") stays its own."""
    out: list[tuple] = []
    for part in parts:
        action, where, obj, clause, raw = part
        if out and out[-1][0] == "strike" and not NUMBERED_CLAUSE.match(raw) and (
                action == "insert" and not where["after"] and (
                    UNPLACED_INSERT.match(clause) or IN_ITS_PLACE.search(clause) or ONLY_WORDS.match(clause))
                or action == "replace" and REPLACING_IT.match(clause)):
            s_action, s_where, s_obj, s_clause, s_raw = out.pop()
            part = ("replace", s_where, s_obj, clause, f"{s_raw}, {raw}")
        out.append(part)
    return out


def _public(target: dict | None) -> dict | None:
    return None if target is None else {k: v for k, v in target.items() if not k.startswith("_")}


STRAY_MARK = re.compile(r"(?<=[^\W\d_][.”\"])\s+(?:\d{1,3}|[A-Z])$")
"""A lone number or capital after the inserted words' last sentence: a mark the record prints before the
bill's next SECTION ("... aging and independence.", then "9 SECTION 137." on the next line; S.3006, S.3019),
which the parser keeps at the end of this SECTION's text: not words the instruction inserts.  A stop after
a digit ("11,030. 05") or a mark ending in a stop ("(e) 4.") is left as printed."""


def _inserted_words(piece: str) -> str | None:
    return STRAY_MARK.sub("", piece) or None


def _attach_text(found: list[dict], qstrs: list[Node], inserted: list[str]) -> None:
    """Give each instruction that introduces text ("the following section:-") its quoted text's
    eid, and the numbers of the sections (or chapter) it inserts, read from that text."""
    units = {id(i): i["inserts"] for i in found if i["inserts"]}  # "section(s)" or "chapter(s)", then numbers
    moved = {id(i): i.pop("_moved") for i in found}
    cut = [i for i in found if i.pop("_cut")]  # one inserted text (or quoted structure) each, in order
    if len(cut) == len(inserted):
        for item, piece in zip(cut, inserted):
            item["new_text"] = _inserted_words(piece)
    pending = [i for i in found if i["action"] in ("insert", "add", "replace")]
    last = cut[-1] if cut and not cut[-1]["new_text"] else (pending[-1] if pending and not cut else None)
    if qstrs and last is not None:
        q = qstrs[0]
        last["text"] = q.eid
        t = last["target"]
        if not (last["inserts"] or "").startswith("chapter") and t is not None and t["code"] == "G.L." \
                and t["chapter"] is None and last["action"] in ("insert", "add") and [c.type for c in q.children] == ["chapter"]:
            # "Massachusetts General Laws, Part I, Title IX, is amended to include the following: Chapter 61C: ...",
            # "The General Laws are hereby further amended by inserting after Chapter 121G the following section:-
            # Chapter 121H.": the General Laws (or one of their parts) given a new chapter, named (or rightly
            # named) only in the inserted text
            last["inserts"] = units[id(last)] = "chapter"
        if last["inserts"]:
            last["inserts"] = _new_numbers(q, last["inserts"]) or None
            if last["inserts"] is None and _holds_subsections(q):
                # "Section 7C ... is hereby amended ... by adding the following sections:-" and then subsections (d)
                # and (e): units of section 7C, misnamed; section 7C is amended, no new section goes after it
                _stay_in_section(last, moved[id(last)])
    for item in found:
        if isinstance(item["inserts"], str) and item["text"] is None:
            # inserted words inline after ":-": "Section 40. ..." names the new section ("Section 40 The ...", with a
            # capital after it; "Section 5 of this chapter shall ..." is a new section's words that cite another)
            m = re.match(rf"\s*[“\"]?(?:Section|Chapter)\s+(?P<num>{g.NUM})(?:[.:]|\s*$|(?-i:\s+(?=[A-Z])))", item["new_text"] or "", re.I)
            item["inserts"] = [m["num"]] if m else None
        if isinstance(item["inserts"], list):
            item["inserts"] = item["inserts"][0] if len(item["inserts"]) == 1 else item["inserts"]
        if item["inserts"] is None and moved[id(item)] and (
                moved[id(item)]["at_end"] or LABEL_OPENING.match(item["new_text"] or "")):
            # "Section 5 of chapter 59 ... inserting at the end thereof the following new section:-" and then words
            # that number no section, or "... the following section:- (g) any individual ...": a unit of section 5
            # (an addition at its end), misnamed
            _stay_in_section(item, moved[id(item)])
        t = item["target"]
        if t is not None and t["chapter"] is None and isinstance(item["inserts"], str) \
                and units.get(id(item), "").startswith("chapter"):
            t["chapter"] = item["inserts"]  # a new chapter: it is the chapter the instruction reaches
            t["new_chapter"] = True


LABEL_OPENING = re.compile(r"\s*[“\"]?\(\w{1,4}\)\s")
"""Inserted words that open with a unit's letter or number in brackets ("(g) any individual ..."): a unit of a section."""


def _stay_in_section(item: dict, moved: dict | None) -> None:
    """Undo the move of a new section's place to the chapter: the section named is the one amended."""
    if moved is not None:
        item["target"].update(moved["keys"])
        if moved["anchored"]:
            item["where"]["after"] = None


def _holds_subsections(q: Node) -> bool:
    kids = [c for c in q.children if c.type != "quotedStructure"]
    return bool(kids) and all(c.type in ("subsection", "paragraph", "subparagraph", "clause", "subclause") for c in kids)


def _new_numbers(q: Node, unit: str) -> list[str]:
    kind = "chapter" if unit.startswith("chapter") else "section"
    kids = [c for c in q.children if c.type != "quotedStructure"]
    if kind == "chapter" and kids and not any(c.type == "chapter" for c in kids) and kids[0].type == "section" \
            and re.fullmatch(r"\d+[A-Z]{0,3}\.", kids[0].num or ""):
        return [kids[0].num.rstrip(".")]  # a new chapter printed "111O." and its title, no word "CHAPTER"
    nums = []
    for child in q.children:
        if child.type == kind and child.num:
            # the number as printed, without the quotation mark that opens the inserted text ("“Section 7Z1/2.")
            nums.append(re.sub(r"(?i)^\s*[“\"]?\s*(?:section|chapter)\s*", "", child.num).rstrip(".:").strip())
    return nums
