"""The cover ("petition") of a malegislature.gov bill, and its docket header, as metadata.

The PDF and the whole-bill HTML page print the same cover: the docket header
(``HOUSE DOCKET, NO. 3902 FILED ON: 1/20/2023``), the bill number
(``HOUSE . . . . No. 1401``), ``PRESENTED BY:`` and names, the petition sentence,
the title, and a ``PETITION OF:`` table (NAME / DISTRICT/ADDRESS / DATE ADDED).
Each reader finds the lines and the table cells by its own means (positions in a
PDF, elements in HTML); this module turns them into one ``meta`` dict.
"""

from __future__ import annotations

import re

DOCKET = re.compile(r"^(HOUSE|SENATE) DOCKET, NO\. ?(\d+)\s+FILED ON: ?(\d{1,2})/(\d{1,2})/(\d{4})$")
# The docket and the filing date can also sit on lines of their own.
DOCKET_ONLY = re.compile(r"^(HOUSE|SENATE) DOCKET, NO\. ?(\d+)$")
FILED_ONLY = re.compile(r"^FILED ON: ?(\d{1,2})/(\d{1,2})/(\d{4})$")
# A bill filed but not yet numbered prints "HOUSE . . . No." with the number left blank.
NUMBER = re.compile(r"^(HOUSE|SENATE)(?: ?\.)+ ?No\.(?: ?(\d+))?$")
PRESENTED = re.compile(r"^PRESENTED BY:?$")
PETITION_OF = re.compile(r"^PETITION OF:?$")
# "... respectfully petition for the adoption of the accompanying bill:" (or resolve).
PETITION_SENTENCE = re.compile(r"petition for the adoption of the accompanying \w+:?$")
TO_THE_HONORABLE = re.compile(r"^To the Honorable\b")
_RULE = re.compile(r"^_{3,}$")
# "Ruth B. Balser and Manny Cruz"; "A, B and C"
_NAMES_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# "Paul K. Frost, (BY REQUEST)": filed at a constituent's request; a note, not a name.
_BY_REQUEST = re.compile(r"^\(BY REQUEST\)$", re.I)


def is_header(text: str) -> bool:
    """The docket header or the bill-number line: printed on every page, data for ``meta``."""
    # Each opens with HOUSE, SENATE or FILED ON: most lines are answered by their first words
    # (by the first letter alone, every "SECTION n." of a bill was tried against four patterns).
    return text.startswith(_HEADER_STARTS) and any(p.match(text) for p in (DOCKET, DOCKET_ONLY, FILED_ONLY, NUMBER))


_HEADER_STARTS = ("HOUSE", "SENATE", "FILED ON")


def header_meta(text: str) -> dict:
    """``docket``, ``filed``, ``number`` from one header line (empty if it is none)."""
    if m := DOCKET.match(text):
        chamber, num, month, day, year = m.groups()
        return {"docket": f"{chamber[0]}D.{num}", "filed": f"{year}-{int(month):02d}-{int(day):02d}"}
    if m := DOCKET_ONLY.match(text):
        return {"docket": f"{m.group(1)[0]}D.{m.group(2)}"}
    if m := FILED_ONLY.match(text):
        month, day, year = m.groups()
        return {"filed": f"{year}-{int(month):02d}-{int(day):02d}"}
    if (m := NUMBER.match(text)) and m.group(2):
        return {"number": f"{m.group(1)[0]}.{m.group(2)}"}
    return {}


def iso_date(text: str) -> str:
    """``1/19/2023`` -> ``2023-01-19``; anything else is kept as printed."""
    m = _DATE.match(text.strip())
    if not m:
        return text.strip()
    month, day, year = m.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


def is_cover(texts: list[str]) -> bool:
    return any(PRESENTED.match(t) or PETITION_OF.match(t) for t in texts)


def cover_meta(texts: list[str], rows: list[list[str]]) -> dict:
    """Metadata from the cover's lines (in order) and the petition table's rows (cells).

    ``rows`` excludes the NAME / DISTRICT/ADDRESS / DATE ADDED header.
    """
    meta: dict = {}
    for text in texts:
        for key, value in header_meta(text).items():
            meta.setdefault(key, value)
    presented: list[str] = []
    title: list[str] = []
    zone = None
    for text in texts:
        if not text or is_header(text) or _RULE.match(text):
            continue
        if PRESENTED.match(text):
            zone = "presented"
        elif TO_THE_HONORABLE.match(text):
            zone = None
        elif PETITION_SENTENCE.search(text):
            zone = "title"
        elif PETITION_OF.match(text):
            zone = None
        elif zone == "presented":
            presented.extend(n for n in _NAMES_SEPARATOR.split(text) if n)
        elif zone == "title":
            title.append(text)
    if any(_BY_REQUEST.match(n) for n in presented):
        meta["by_request"] = True
        presented = [n for n in presented if not _BY_REQUEST.match(n)]
    if presented:
        meta["presented_by"] = presented
    if title:
        meta["title"] = " ".join(title)
    petitioners = []
    for cells in rows:
        cells = [" ".join(c.split()) for c in cells] + ["", "", ""]
        name, district, added = cells[:3]
        if not name and petitioners:
            # A cell that wrapped onto a second line continues the row above.
            row = petitioners[-1]
            row["district"] = " ".join(filter(None, [row["district"], district]))
            continue
        if name:
            petitioners.append({"name": name, "district": district, "date_added": iso_date(added)})
    if petitioners:
        meta["petitioners"] = petitioners
    return meta
