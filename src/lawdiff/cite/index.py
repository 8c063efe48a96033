"""The session citator: from many bills' instructions, which bills reach each chapter and section.

``build_index(bills)`` reads, for each bill, its identity (``id``, ``number``, optionally
``status`` and ``live``) and its instructions (``read.instructions``), and writes one entry per
chapter (General Laws, an act of a year, a charter) and, inside it, one per section reached:
each bill, its SECTION, the action and the bill's status.  A section reached by two or more
live bills is a **collision**: staff and advocates need to know that those bills must be read
together.  Texts of one measure (a bill and its new draft, its Senate text, its conference report:
one ``family``) are one bill there, never a collision with each other.  Chapters are listed by how many bills reach them, most first.  ``to_json`` and
``to_csv`` write it.  Unread instructions (``target`` None) are counted, never placed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

CSV_FIELDS = ["code", "year", "chapter", "section", "bill", "bill_id", "bill_section", "action", "status",
              "collision"]


def _sort_key(number: str | None) -> tuple:
    """"2", "2A", "10", "121B": by the figures, then the letters; a chapter as a whole first."""
    if number is None:
        return (-1, "")
    m = re.match(r"(\d+)(.*)", number)
    return (int(m[1]), m[2]) if m else (10**9, number)


def _reached(item: dict) -> list[str | None]:
    """The sections an instruction reaches: the one it amends, the ones it names ("sections 30, 36
    and 98"), or the new ones it inserts; None where it reaches the chapter as a whole."""
    t = item["target"]
    if t.get("sections"):
        return list(t["sections"])
    if t.get("section"):
        return [t["section"]]
    new = item.get("inserts")
    if new and not t.get("new_chapter"):
        return list(new) if isinstance(new, list) else [new]
    return [None]


def build_index(bills: Iterable[dict]) -> dict:
    """``bills``: dicts with ``id``, ``number`` (as printed, "H.2288"), ``instructions``, and optionally
    ``status`` (the latest official action), ``live`` (False for a bill that can no longer pass;
    default True) and ``family`` (the measure it is a text of, from the version graph; default its id):
    a collision is two or more families with a live text reaching the section.  Returns {"chapters": [...], "collisions": n, "unread": n, "bills": n}."""
    chapters: dict[tuple, dict] = {}
    unread = 0
    seen_bills = 0
    for bill in bills:
        seen_bills += 1
        for item in bill["instructions"]:
            t = item["target"]
            if t is None or not (t.get("chapter") or t.get("other")):
                unread += 1
                continue
            key = (t.get("code") or "", t.get("year") or "", t.get("chapter") or "", t.get("other") or "")
            chapter = chapters.setdefault(key, {"code": t.get("code"), "year": t.get("year"),
                                                "chapter": t.get("chapter"), "other": t.get("other"),
                                                "sections": {}})
            for section in _reached(item):
                entry = {"bill": bill["number"], "bill_id": bill["id"], "bill_section": item["section"],
                         "eid": item.get("eid"), "action": item["action"], "status": bill.get("status"),
                         "live": bill.get("live", True), "family": bill.get("family") or bill["id"]}
                chapter["sections"].setdefault(section, []).append(entry)
    out = []
    collisions = 0
    for chapter in chapters.values():
        sections = []
        for number in sorted(chapter["sections"], key=_sort_key):
            entries = chapter["sections"][number]
            live = {e["family"] for e in entries if e["live"]}
            collision = number is not None and len(live) >= 2  # the chapter as a whole is no one section
            collisions += collision
            sections.append({"section": number, "bills": len({e["bill_id"] for e in entries}),
                             "collision": collision, "entries": entries})
        bills_here = {e["bill_id"] for s in sections for e in s["entries"]}
        out.append({**{k: chapter[k] for k in ("code", "year", "chapter", "other")},
                    "bills": len(bills_here), "sections": sections})
    out.sort(key=lambda c: (-c["bills"], c["code"] or "", c["year"] or "", _sort_key(c["chapter"]), c["other"] or ""))
    return {"bills": seen_bills, "unread": unread, "collisions": collisions, "chapters": out}


def to_json(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, indent=1) + "\n"


def to_csv(index: dict) -> str:
    """One row per bill SECTION reaching a section; ``collision`` is "yes" on every row of a collision."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for chapter in index["chapters"]:
        for section in chapter["sections"]:
            for e in section["entries"]:
                writer.writerow({"code": chapter["code"] or chapter["other"], "year": chapter["year"] or "",
                                 "chapter": chapter["chapter"] or "", "section": section["section"] or "",
                                 "bill": e["bill"], "bill_id": e["bill_id"], "bill_section": e["bill_section"],
                                 "action": e["action"], "status": e["status"] or "",
                                 "collision": "yes" if section["collision"] else ""})
    return buf.getvalue()
