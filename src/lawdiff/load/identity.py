"""What a document says it is, and whether that agrees with the manifest entry it is filed under.

Reads a parsed ``Document`` (from ``load.documents.parse_bytes``, parsed without the entry's
fields, so its ``meta`` is the reader's own) and returns its number, General Court and title
as the document states them: the API record's ``BillNumber``/``GeneralCourtNumber``/``Title``,
a PDF's or page's cover ("SENATE . . . No. 2954", "In the One Hundred and Ninety-Third
General Court (2023-2024)", "In the Year Two Thousand and Nine", the long title).
``check`` compares them with what the entry (or the ``add`` options, or an id shaped like
``194-s1681``) claims; ``fill`` gives the fields a new entry lacks.  Nothing is written here.
"""

from __future__ import annotations

import re

from lawdiff.errors import LawdiffError

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
             "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_COURT = re.compile(r"\bIn the (.{3,80}?) General Court\b", re.I)
_YEAR = re.compile(r"\bIn the Year (.{3,80}?)\s*$", re.I)
_ID = re.compile(r"^(\d{1,3})-([hs])(\d{1,5})$")


def words_to_number(text: str) -> int | None:
    """"One Hundred and Ninety-Third" -> 193, "Two Thousand and Nine" -> 2009; None if not all number words."""
    total, current = 0, 0
    words = [w for w in re.split(r"[\s\-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _ORDINALS and word != "hundredth":
            current += _ORDINALS[word]
        elif word in ("hundred", "hundredth"):
            current = max(current, 1) * 100
        elif word in ("thousand", "thousandth"):
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def stated(doc) -> dict:
    """{number, session, title}: as far as the document itself says."""
    out: dict = {}
    meta = doc.meta
    if isinstance(meta.get("number"), str) and meta["number"].strip():
        out["number"] = meta["number"].strip()
    if isinstance(meta.get("session"), int) and not isinstance(meta.get("session"), bool):
        out["session"] = meta["session"]
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        out["title"] = meta["title"].strip()
    for node in _preface(doc.tree):
        text = " ".join((node.text or "").split())
        if "session" not in out:
            if (m := _COURT.search(text)) and (court := words_to_number(m.group(1))):
                out["session"] = court
            elif (m := _YEAR.search(text)) and (year := words_to_number(m.group(1))) and 1900 <= year <= 2200:
                out["session"] = (year - 1637) // 2  # the 193rd sat in 2023-2024, each court two years
        if "title" not in out and "longtitle" in (node.eid or "") and text:
            out["title"] = text
    return out


def _preface(tree):
    stack = [child for child in getattr(tree, "children", []) if (child.eid or "").startswith("preface")]
    while stack:
        node = stack.pop(0)
        yield node
        stack[:0] = list(getattr(node, "children", []))


def _plain(number: str) -> str:
    return re.sub(r"[\s.]", "", number).upper()


def claimed(entry_id: str, entry: dict) -> tuple[dict, str]:
    """{number, session} the entry (manifest fields and ``add`` options) claims, else what an
    id shaped like ``194-s1681`` does; and where the claim comes from."""
    claims = {k: entry[k] for k in ("number", "session") if entry.get(k) is not None}
    if claims:
        return claims, "the entry"
    if m := _ID.match(entry_id):
        return {"number": f"{m.group(2).upper()}.{int(m.group(3))}", "session": int(m.group(1))}, "its id"
    return {}, ""


def check(doc, entry_id: str, entry: dict, source: object) -> dict:
    """What the document states; a contradiction with the entry's number or General Court is an error."""
    own = stated(doc)
    claims, where = claimed(entry_id, entry)
    wrong = []
    if own.get("number") and isinstance(claims.get("number"), str) and _plain(own["number"]) != _plain(claims["number"]):
        wrong.append(("number", own["number"], claims["number"]))
    if own.get("session") and isinstance(claims.get("session"), int) and own["session"] != claims["session"]:
        wrong.append(("session", _court(own["session"]), _court(claims["session"])))
    if wrong:
        says = " of ".join(v for _, v, _ in wrong)
        claim = " of ".join(v for _, _, v in wrong)
        raise LawdiffError(source, f"the document says it is {says}, but {entry_id} is {claim} ({where}); "
                                   "not stored (--force stores it all the same)")
    return own


def _court(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix} General Court"
