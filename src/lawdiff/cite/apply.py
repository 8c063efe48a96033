"""The law as amended: one SECTION's instructions applied to a base text, where they apply exactly.

``apply_section(base, bill, eid)`` reads the instructions of the bill's SECTION ``eid``
(``read.instructions``) and applies each to ``base`` (the parsed text of the law it amends: a
session-law chapter, a General Laws chapter or section).  It finds the provision the
instruction names (section, then subsection, line item), then:

- words struck, replaced or inserted after ("striking out the words “x” and inserting in place
  thereof the following words:- y"): the words must occur exactly once in that provision
  ("each time it appears": every time), else it refuses, since the bill's line numbers count
  lines of an edition lawdiff does not have;
- a whole section replaced, struck or repealed (several listed ones each, or a range: every section
  the base prints between its two ends), a subsection, paragraph, clause or line item repealed, a
  labelled one struck or replaced whole (found by its label; where the label stands at several
  levels, the one typed as the unit named, else refused), a new section inserted after a named one
  or added at the end: with the quoted text of the bill;
- words added at the end of the provision found (not at the end of a sentence, definition or
  clause inside it: refused).

The base's identity is not known, so every instruction of the SECTION must amend the law its first
instruction amends; and a provision within or around one an earlier instruction edited is refused
(the later instruction would start from the text before).

It returns, per instruction, the provision before and after, and the after text with the
changes marked (``[-struck-]``, ``{+inserted+}``).  What it cannot apply exactly (a paragraph
or sentence named by its position, words found twice, a provision ``base`` does not have)
raises a ``LawdiffError`` of one line, and nothing is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawdiff.cite.labels import cite
from lawdiff.cite.read import RANGE_MARK, instructions
from lawdiff.errors import LawdiffError
from lawdiff.parse.tree import Document, Node

# "at the end of the first sentence", "of the definition of “Board”", "of clause (vi)": a part inside the provision
# found, which lawdiff does not find ("at the end thereof", "of said section", "of section 5" are the provision's own)
END_OF_A_PART = re.compile(r"\bat\s+the\s+(?:end|conclusion)\s+of\s+(?!(?:said\s+|the\s+)?section\b)"
                           r"(?P<part>(?:the\s+|said\s+)?[^,:]{1,80}?)(?=,|\s+(?:the\s+following|by)\b|$)", re.I)
EVERY_TIME = re.compile(r"\b(?:each|every)\s+time\b|\bwherever\b|\bin\s+each\s+instance\b|\beach\s+place\b", re.I)
NTH_TIME = re.compile(r"\bthe\s+(?P<nth>first|second|third|fourth|fifth|sixth)\s+time\s+(?:it|they)\s+appears?\b", re.I)
NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
BEFORE = re.compile(r"\binserting,?\s+before\b|\bbefore\s+the\s+(?:words?|figures?)\b", re.I)


@dataclass
class Applied:
    section: str
    """The bill's SECTION, as printed."""
    label: str
    """What was amended: "Acts 2023 c. 2 § 2A, item 7002-8041"."""
    before: str
    after: str
    marked: str


def _num(node: Node) -> str:
    """"SECTION 3." / "Section 3." -> "3"; a line item's number as it is."""
    return re.sub(r"(?i)^\s*section\s*", "", node.num or "").rstrip(".:; ").strip()


def _sections(base: Document) -> list[Node]:
    """The base's own sections (not those quoted inside it), in order."""
    out: list[Node] = []

    def visit(node: Node) -> None:
        for child in node.children:
            if child.type == "section":
                out.append(child)
            elif child.type not in ("quotedStructure",):
                visit(child)
    visit(base.tree)
    return out


ITEM = re.compile(r"(?<![\w-])\d{4}-\d{4}(?![\w-])")


def _item_span(text: str, item: str, where: str) -> tuple[int, int]:
    """Where line item ``item`` runs in ``text`` (a section whose items the parser left in its text):
    from its number to the next item's number."""
    starts = [m.start() for m in ITEM.finditer(text) if m.group(0) == item]
    if len(starts) != 1:
        raise LawdiffError(where, f"the base text has no item {item} there" if not starts else
                           f"cannot apply exactly: item {item} is printed {len(starts)} times there")
    nxt = ITEM.search(text, starts[0] + len(item))
    return starts[0], nxt.start() if nxt else len(text)


def _find(base: Document, target: dict, where: str) -> Node:
    """The provision ``target`` names in ``base``, or a one-line refusal (a line item the parser
    left in its section's text is found by ``_item_span`` instead)."""
    node: Node | None = None
    if target.get("section"):
        node = next((s for s in _sections(base) if _num(s) == target["section"]), None)
        if node is None:
            raise LawdiffError(where, f"the base text has no section {target['section']}")
    else:
        node = base.tree
    if target.get("item"):
        item = next((n for n in node.walk() if n.type == "lineItem" and n.num == target["item"]), None)
        if item is not None:
            node = item
    for unit in ("subsection", "paragraph", "clause"):
        label = target.get(unit)
        if not label:
            continue
        if not label.startswith("("):
            raise LawdiffError(where, f"cannot apply exactly: the {label} {unit} is named by its position")
        node = _labelled(node, unit, label, where)
    return node


def _labelled(node: Node, unit: str, label: str, where: str) -> Node:
    """The provision labelled ``label`` inside ``node``. One alone is it; where the label stands at several levels
    (subsection (i) of a section and clause (i) of its subsection (a)), the one the parser typed as the unit named
    ("striking out subsection (i)"), else a refusal: never the nearest by guess."""
    found = [n for n in node.walk() if n is not node and (n.num or "").strip() == label]
    if len(found) > 1:
        found = [n for n in found if n.type == unit]
    if len(found) == 1 and found[0].type != unit and re.fullmatch(r"\([ivxlc]+\)", label):
        # "(i)", "(v)": a letter or a Roman figure; the words call it a clause, the tree typed it a subsection
        raise LawdiffError(where, f"cannot apply exactly: the base text's {label} is not typed as a {unit}")
    if len(found) == 1:
        return found[0]
    if not found:
        raise LawdiffError(where, f"the base text has no {unit} {label} there, or more than one provision so labelled")
    raise LawdiffError(where, f"cannot apply exactly: the base text has {len(found)} provisions labelled {label} there")


def _reached(base: Document, named: list[str], where: str) -> list[str]:
    """The base's sections a named list reaches, in the base's order: "27–29" is every section printed
    from 27 to 29 (27A and 28½ among them, which counting 27, 28, 29 would miss); both ends must be there."""
    printed = [_num(s) for s in _sections(base)]
    out: list[str] = []
    for name in named:
        ends = name.split(RANGE_MARK)
        for end in ends:
            if end not in printed:
                raise LawdiffError(where, f"the base text has no section {end}")
        first, last = printed.index(ends[0]), printed.index(ends[-1])
        if last < first:
            raise LawdiffError(where, f"cannot apply exactly: section {ends[-1]} comes before section {ends[0]} "
                                      "in the base text")
        out += printed[first:last + 1]
    return out


def _new_unit(item: dict, quoted: Node | None, before: str, part: str, where: str) -> str:
    """The new text of a labelled provision put in place of ``before``: the quoted structure, or the words
    run in after ':-'. Run in, the bill's own full stop follows the provision's ("… section 172N;."): it is
    dropped after another mark, kept where the provision it replaces ended with a full stop too, and
    otherwise whose it is is not known, so refused."""
    if quoted is not None:
        return " ".join(c.full_text() for c in quoted.children)
    text = (item.get("new_text") or "").strip()
    if not text:
        raise LawdiffError(where, f"cannot apply exactly: the new {part} is not set off after ':-'")
    if re.search(r"[;,:.]\.$", text):
        return text[:-1]
    if text.endswith(".") and not before.rstrip().endswith("."):
        raise LawdiffError(where, f"cannot apply exactly: whether the last full stop of the new {part} is its own "
                                  "or closes the bill's sentence is not known")
    return text


def _new_words(item: dict, where: str) -> str:
    text = (item.get("new_text") or "").strip()
    if not text:
        raise LawdiffError(where, "cannot apply exactly: the words to insert are not set off after ':-'")
    quoted = re.fullmatch(r"[“\"](?P<words>.*)[”\"]\s*[.;,]?", text, re.S)
    if quoted and not re.search(r"[“”\"]", quoted["words"]):  # “2 p.m.”.: what the quotation marks hold, as it is
        return quoted["words"].strip()
    if re.search(r"[“”]", text.strip("“”\".;, ")):
        raise LawdiffError(where, f"cannot apply exactly: the words to insert, {text}, hold quotation marks of their own")
    if re.search(r"(?:^|[\s(])(?:\w\.){2,}$", text):  # ":- 2 p.m.": the full stop may be the words' own
        raise LawdiffError(where, f"cannot apply exactly: whether the last full stop of “{text}” is inserted "
                                  "or closes the bill's sentence is not known")
    return re.sub(r"\.$", "", text).strip()  # the full stop closes the bill's sentence, not the inserted words


def _occurrences(text: str, words: str) -> list[int]:
    pattern = re.compile(r"(?<!\w)" + re.escape(words.strip()) + r"(?!\w)")
    return [m.start() for m in pattern.finditer(text)]


def _word_change(text: str, item: dict, where: str) -> tuple[str, str]:
    """(after, marked) for a word-level instruction on ``text``."""
    words = (item["where"] or {}).get("words")
    if not words and item["action"] == "add" and not item.get("inserts"):
        if end := END_OF_A_PART.search(item["evidence"]):  # "at the end of the definition of “Board”"
            raise LawdiffError(where, f"cannot apply exactly: the end of {end['part']} is named by its place in the "
                                      "provision, and lawdiff adds only at the end of a provision it finds")
        new = _new_words(item, where)  # "adding the following words:- ...": at the end of the provision,
        body = text.rstrip()
        body, stop = (body[:-1].rstrip(), ".") if body.endswith(".") else (body, "")  # before its closing full stop
        glue = "" if re.match(r"[,.;:]", new) else " "  # "adding the following words:- , or as the chair directs"
        return f"{body}{glue}{new}{stop}", f"{body}{glue}{{+{new}+}}{stop}"
    if not words:
        raise LawdiffError(where, "cannot apply exactly: the instruction quotes no words to find")
    words = words.strip()
    found = _occurrences(text, words)
    every = bool(EVERY_TIME.search(item["evidence"]))
    if not found:
        raise LawdiffError(where, f"the words “{words}” are not in the base text there")
    if nth := NTH_TIME.search(item["evidence"]):  # "after the word “x”, the second time it appears"
        k = NTH[nth["nth"].lower()]
        if len(found) < k:
            raise LawdiffError(where, f"the words “{words}” occur {len(found)} times there, not {k}")
        found = [found[k - 1]]
    if len(found) > 1 and not every:
        raise LawdiffError(where, f"cannot apply exactly: the words “{words}” occur {len(found)} times there "
                                  "(the bill's line numbers count another edition's lines)")
    action = item["action"]
    new = "" if action == "strike" else _new_words(item, where)
    after, marked, last = "", "", 0
    for start in found:
        end = start + len(words)
        after, marked = _seam(after, text[last:start]), marked + text[last:start]
        if action in ("replace", "strike"):
            after = _seam(after, new)
            marked += f"[-{words}-]" + (f"{{+{new}+}}" if new else "")
        elif BEFORE.search(item["evidence"]):
            after += f"{new} {words}"
            marked += f"{{+{new}+}} {words}"
        else:
            glue = "" if re.match(r"[,.;:]", new) else " "
            after += f"{words}{glue}{new}"
            marked += f"{words}{glue}{{+{new}+}}"
        last = end
    return _seam(after, text[last:]), marked + text[last:]


def _seam(left: str, right: str) -> str:
    """``left + right`` where words were struck between them: the space on one side goes when the other
    side has one too or opens with punctuation ("the [-said-] board" -> "the board", "[-, inclusive-],").
    Only the seam is touched: the base text's own spacing elsewhere stays as printed."""
    if left[-1:].isspace() and right[:1] and (right[0].isspace() or right[0] in ",.;:"):
        return left.rstrip() + right
    return left + right


def apply_section(base: Document, bill: Document, eid: str) -> list[Applied]:
    """Apply the instructions of ``bill``'s SECTION ``eid`` to ``base`` (see the module docstring)."""
    name = f"{bill.meta.get('id')}#{eid}"
    items = [i for i in instructions(bill) if i["eid"] == eid]
    if not items:
        raise LawdiffError(name, "this SECTION amends no law (lawdiff amends lists the SECTIONs that do)")
    out: list[Applied] = []
    edited: dict[int, str] = {}  # id(node) -> its text after the instructions before
    touched: list[Node] = []  # the nodes edited so far: a later target inside or around one is refused
    law: tuple | None = None  # (code, year, chapter) of the first instruction: the base's identity

    def edit(node: Node) -> str:
        for t in touched:
            if t is not node and (any(n is node for n in t.walk()) or any(n is t for n in node.walk())):
                raise LawdiffError(where, "cannot apply exactly: this instruction amends a provision within or "
                                          "around one an earlier instruction of this SECTION amended")
        if not any(t is node for t in touched):
            touched.append(node)
        return edited.get(id(node), node.full_text())

    for k, item in enumerate(items, 1):
        where = f"{name} (instruction {k})" if len(items) > 1 else name
        target = item["target"]
        if target is None:
            raise LawdiffError(where, f"not read: {item.get('warning')}")
        this = (target.get("code"), target.get("year"), target.get("chapter"))
        law = law or this
        if this != law:
            raise LawdiffError(where, f"cannot apply exactly: this instruction amends {_law(this)}, the SECTION's "
                                      f"first amends {_law(law)}, and the base text is only one of them")
        part = ((item["where"] or {}).get("part") or "").lower()
        quoted = bill.tree.find(item["text"]) if item.get("text") else None
        label = cite(target, item.get("inserts"))
        if item["action"] in ("insert", "add") and item.get("inserts") and quoted is not None:
            new = " ".join(c.full_text() for c in quoted.children)
            anchor = item["where"].get("after")
            if anchor and anchor.lower().startswith("section "):
                _find(base, {"section": anchor.split()[1]}, where)  # the anchor must be there
            out.append(Applied(item["section"], label, "", new, f"{{+{new}+}}"))
            continue
        below = [u for u in ("item", "subsection", "paragraph", "clause") if target.get(u)]
        if item["action"] == "repeal" and below:  # "Subsection (b) of section 1 ... is hereby repealed"
            node = _find(base, target, where)
            if target.get("item") and not (node.type == "lineItem" and node.num == target["item"]):
                raise LawdiffError(where, f"cannot apply exactly: item {target['item']} is printed in its "
                                          "section's text, not as a provision of its own")
            before = edit(node)
            edited[id(node)] = ""
            out.append(Applied(item["section"], label, before, "", f"[-{before}-]"))
            continue
        if item["action"] in ("repeal", "strike", "replace") and (item["action"] == "repeal" or part.startswith("section")):
            if target.get("sections_named"):  # "sections 27 to 29, inclusive": the base's own, 27A among them
                several = _reached(base, target["sections_named"], where)
            else:
                several = target.get("sections") or [target.get("section")]
                listed = re.search(r"\bsections\s+(?P<list>.+?)\s+of\s+(?:said\s+)?chapter\b", item["evidence"], re.I)
                if len(several) > 1 and not (listed and re.fullmatch(r"\w+(?:,\s*\w+)*,?\s+and\s+\w+", listed["list"])):
                    raise LawdiffError(where, "cannot apply exactly: the sections are not listed one by one")
            if len(several) > 1 and item["action"] != "repeal":
                raise LawdiffError(where, f"cannot apply exactly: one instruction {item['action']}s "
                                          f"sections {', '.join(several)}")
            for number in several:
                whole = {**target, "section": number, "item": None, "subsection": None, "paragraph": None,
                         "clause": None}
                node = _find(base, whole, where)
                before = edit(node)
                one = cite(whole, item.get("inserts")) if len(several) > 1 else label
                if item["action"] == "replace":
                    if quoted is None:
                        raise LawdiffError(where, "cannot apply exactly: the new section is not set off as quoted text")
                    new = " ".join(c.full_text() for c in quoted.children)
                    edited[id(node)] = new
                    out.append(Applied(item["section"], one, before, new, f"[-{before}-]{{+{new}+}}"))
                else:
                    edited[id(node)] = ""
                    out.append(Applied(item["section"], one, before, "", f"[-{before}-]"))
            continue
        labelled = re.fullmatch(r"(?P<unit>subsection|paragraph|clause)\s+(?P<label>\(\w+\))", part)
        if labelled and item["action"] in ("strike", "replace"):  # "striking out subsection (b) [and inserting …]"
            node = _find(base, {**target, labelled["unit"]: labelled["label"]}, where)
            before = edit(node)
            new = _new_unit(item, quoted, before, part, where) if item["action"] == "replace" else ""
            edited[id(node)] = new
            out.append(Applied(item["section"], cite({**target, labelled["unit"]: labelled["label"]}), before, new,
                               f"[-{before}-]" + (f"{{+{new}+}}" if new else "")))
            continue
        if part:
            if re.search(r"\(\w+\)", part):  # "subsections (b) and (c)", or one inserted: not one provision's words
                raise LawdiffError(where, f"cannot apply exactly: lawdiff applies quoted words, whole sections and "
                                          f"one labelled provision struck or replaced, not {part}")
            raise LawdiffError(where, f"cannot apply exactly: {part} is named by its position, not its words")
        node = _find(base, target, where)
        text = edit(node)
        start, end = 0, len(text)
        if target.get("item") and not (node.type == "lineItem" and node.num == target["item"]):
            start, end = _item_span(text, target["item"], where)
        after, marked = _word_change(text[start:end], item, where)
        edited[id(node)] = text[:start] + after + text[end:]
        out.append(Applied(item["section"], label, text[start:end].strip(), after.strip(), marked.strip()))
    return out


def _law(key: tuple) -> str:
    """("Acts", "2023", "9") -> "chapter 9 of the acts of 2023"; ("G.L.", None, "44") -> "chapter 44 of the G.L."."""
    code, year, chapter = key
    return f"chapter {chapter} of the acts of {year}" if year else f"chapter {chapter} of the {code}"

MARK = re.compile(r"\[-.*?-\]|\{\+.*?\+\}", re.S)


def excerpt(marked: str, width: int = 100) -> str:
    """The marked text around its changes (``width`` characters either side), "…" for the rest."""
    spans: list[list[int]] = []
    for m in MARK.finditer(marked):
        lo, hi = max(0, m.start() - width), min(len(marked), m.end() + width)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    if not spans:
        return marked
    parts = [marked[lo:hi] for lo, hi in spans]
    return ("… " if spans[0][0] > 0 else "") + " … ".join(parts) + (" …" if spans[-1][1] < len(marked) else "")


def to_text(applied: list[Applied], base: Document, bill: Document, whole: bool = False) -> str:
    """Each instruction's result: a heading line, then the provision with its changes marked (only
    the words around them unless ``whole``)."""
    out = []
    for a in applied:
        out.append(f"SECTION {a.section} of {bill.meta.get('number') or bill.meta.get('id')} → {a.label} "
                   f"(in {base.meta.get('id')})")
        out.append(a.marked if whole else excerpt(a.marked))
        out.append("")
    return "\n".join(out)
