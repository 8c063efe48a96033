"""A floor amendment's instruction: what it does to the bill, and which law the text it inserts amends.

Reads the text of a floor amendment as the legislature's API states it (``load/amendments.py``
keeps it): a motion ("Mr. Tarr moves that the proposed new text be amended by inserting after
section _ the following section:-", "Ms. Comerford moves to amend the bill in section 12, in line
10, by striking out the word “may” and inserting in place thereof ...") and the words it inserts.
Writes one instruction per clause of the motion, in the shape of ``read.instructions`` but aimed at
the bill (``target``: ``{"bill": "S.2834", "section": "12" | "_" | None}``), with ``laws``: the
instructions of any SECTION the amendment inserts ("SECTION _. Section 18 of chapter 358 of the
acts of 2020 is hereby amended by adding ..."), read as any bill's SECTION is read.  A motion whose
words it cannot read is one item with ``action`` "amend" and a ``warning``: never a guess.
Nothing here touches the disk.
"""

from __future__ import annotations

import re

from lawdiff.cite import grammar as g
from lawdiff.cite.read import EVIDENCE_CHARS, _clauses, _Context, _locators, _read_clause, read_lines, read_section
from lawdiff.parse.tree import Node

# "moves that the proposed new text be amended", "moves that the bill be amended",
# "moves to amend the bill (S.2834)", "moves to further amend the text"
MOTION = re.compile(r"\bmoves?\s+(?:that\s+(?:the\s+)?(?P<what>[^.;:]{1,80}?)\s+be\s+(?:further\s+)?amended"
                    r"|to\s+(?:further\s+)?amend\s+(?:the\s+)?(?P<what2>(?:proposed\s+new\s+)?(?:bill|text|"
                    r"resolve|amendment)[^,;:]{0,40}?)(?=\s+(?:in|by|at)\b|,|$))", re.I)
SECTION_PLACE = re.compile(r"\b(?:in\s+)?section\s+(?P<num>\d+[A-Z]*|_+)", re.I)
INSERTED_SECTION = re.compile(r"(?m)^\s*[“\"]?\s*SECTION\s+(?P<num>\d+[A-Z]*|_+)\s*[.:]\s*", re.I)


def motion_instructions(text: str, bill: str) -> list[dict]:
    """The instructions of one amendment's ``text`` to ``bill`` (its number as printed, "S.2834")."""
    motion = MOTION.search(text)
    if motion is None:
        return []  # no motion to amend (a resolution, a title): nothing to read
    quote = g.QUOTE_START.search(text, motion.end())
    predicate = " ".join(text[motion.end():quote.end() if quote else len(text)].split())
    inserted = text[quote.end():].strip() if quote else ""  # the words inserted, paragraphs kept
    clauses = _clauses(predicate)
    head = predicate[:g.CLAUSE_START.search(predicate).start()] if clauses else predicate
    head_place = SECTION_PLACE.search(head)
    out = []
    for clause, raw in clauses or [(predicate, predicate)]:
        action, where, obj = _read_clause(clause) if clauses else ("amend", {"after": None, "lines": None,
                                                                           "words": None}, None)
        section = head_place["num"] if head_place else None
        whole = re.match(r"^(?:the\s+)?section\s+(?P<num>\d+[A-Z]*|_+)\b", (obj or "").strip(), re.I)
        if section is None and whole:
            section = whole["num"]  # "by striking out section 5 and inserting ...": section 5 is replaced
        new = g.NEW_UNITS.search(clause)
        item = {"target": {"bill": bill, "section": section}, "action": action, "where": where,
                "inserts": new["unit"].lower() if new and action in ("insert", "add") else None,
                "evidence": _evidence(motion.group(0) + " " + raw), "laws": []}
        if where.get("lines") is None and (lines := g.LINES.search(head)):  # "in section 12, in line 10, by ..."
            where["lines"] = read_lines(lines["nums"])
        refine = _locators(head)
        for unit in ("subsection", "paragraph", "clause"):
            if refine.get(unit) and refine[unit]["nums"]:
                item["target"][unit] = ", ".join(refine[unit]["nums"])
        if action == "amend":
            item["warning"] = "what the motion does is not read"
        out.append(item)
    if out and inserted:
        out[-1]["laws"] = inserted_instructions(inserted)
    return out


def inserted_instructions(inserted: str) -> list[dict]:
    """The amending instructions of the SECTIONs an amendment inserts, read as a bill's are."""
    ctx = _Context()
    found: list[dict] = []
    heads = list(INSERTED_SECTION.finditer(inserted))
    for k, head in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else len(inserted)
        words = " ".join(inserted[head.end():end].split()).strip("“”\" ")
        sec = Node(type="section", eid=None, num=f"SECTION {head['num']}.", text=words)
        found += read_section(sec, ctx)
    for item in found:
        item["new_text"] = None  # the amendment's own words, shown beside it: not repeated here
    return found


def _evidence(words: str) -> str:
    words = " ".join(words.split()).strip(" ,;.:-")
    return words if len(words) <= EVIDENCE_CHARS else words[:EVIDENCE_CHARS - 1] + "…"


def amendment_instructions(amendments: list[dict], bill: str, adopted_only: bool = True) -> list[dict]:
    """Each amendment (as ``load.amendments.load`` gives them) with its instructions:
    ``{"number", "branch", "sponsor", "action", "title", "instructions": [...]}``; ``adopted_only``:
    only those the record says were adopted."""
    out = []
    for a in amendments:
        if adopted_only and not adopted(a):
            continue
        out.append({k: a[k] for k in ("number", "branch", "sponsor", "action", "title")}
                   | {"instructions": motion_instructions(a["text"], bill)})
    return out


def adopted(amendment: dict) -> bool:
    return amendment.get("action", "").lower().startswith("adopted")


def floor_items(floor: list[dict]) -> list[dict]:
    """``amendment_instructions``' answer as items of ``lawdiff amends --format json``, after the
    bill's own: each instruction with ``amendment`` ({number, branch, sponsor, action}) and
    ``section`` null (it is no SECTION of the bill); its ``target`` names the bill."""
    return [{"section": None, "amendment": {k: a[k] for k in ("number", "branch", "sponsor", "action")}, **item}
            for a in floor for item in a["instructions"]]
