"""The relations one sentence of the legislature states: history actions, pinslips, titles.

A Massachusetts bill number names one fixed text; a new text (committee new draft, the other
chamber's text, a reprint as amended, a further amendment, the conference report) gets a new
number, and the enacted act a chapter of the session laws.  Each ``Evidence`` says ``earlier``
became ``later`` by ``relation``, with the sentence (``said``) and its date.

Two kinds: ``version`` (a text that came from another) and ``other`` (a study order, the
bills an order accompanies, a "See H4241" cross-reference, a floor amendment offered to a
text, a pinslip that only names another document): kept, shown apart, never versions.

The sentences are matched with every way the legislature names a document ("House, No. 4241",
"Senate document numbered 2703", "House bill No. 5316", "H4241") first written as ``H4241``;
the evidence keeps the words as they were.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

VERSION, OTHER = "version", "other"

# Relations, in the words the pages and the JSON use.
NEW_DRAFT = "new draft"
NEW_TEXT = "new text"
COMMITTEE_TEXT = "committee text"
REPRINTED = "reprinted as amended"
PUBLISHED = "published as amended"
SUBSTITUTED = "substituted"
AMENDMENT_TEXT = "amendment text"
FURTHER = "further amendment"
CONFERENCE = "conference report"
REPORTED = "reported"
IN_PART = "reported in part"
ENACTED = "enacted as chapter"
# Other kinds
STUDY = "study order"
ACCOMPANIED = "accompanied by"
SEE = "see"
FLOOR = "floor amendment"
PART_OF = "part of"
EXTENSION = "extension order"
NAMED = "named"


@dataclass(frozen=True)
class Evidence:
    earlier: str
    later: str
    relation: str
    said: str
    """The legislature's words (whitespace collapsed)."""
    date: str | None = None
    """``YYYY-MM-DD`` of the history action; None for a pinslip or title."""
    kind: str = VERSION
    by: str = ""
    """The document (or chapter) whose history, pinslip or title states it."""


def doc(letter: str, digits: str) -> str:
    return f"{letter.upper()}{int(digits)}"


def act(year: int | str, chapter: int | str) -> str:
    return f"acts-{int(year)}-{int(chapter)}"


_MENTION = re.compile(r"\b(House|Senate)(?: (?:bill|document|Bill|Document))?,? (?:No\.|numbered|Number)\s?(\d{1,5})\b")
_DOC = r"([HS])\.?\s?(\d{1,5})\b"
_ANY_DOC = re.compile(r"\b" + _DOC)


def normal(text: object) -> str:
    """The sentence with whitespace collapsed and every document named ``H4241``."""
    text = " ".join(str(text).split())
    return _MENTION.sub(lambda m: f"{m.group(1)[0]}{int(m.group(2))}", text)


def _docs(text: str) -> list[str]:
    return list(dict.fromkeys(doc(*m.groups()) for m in _ANY_DOC.finditer(text)))


# History actions: (pattern, relation, direction, kind); direction "out": own -> named,
# "in": named -> own.  The first that matches decides; a study order is checked first,
# because "Accompanied a study order, see H4517" names the order, not a new text.
_ACTIONS = [
    (r"\bstudy order\b", STUDY, "out", OTHER),
    (r"^Accompanied by\b", ACCOMPANIED, "in", OTHER),
    (r"^Accompanied a new draft,? see\b", NEW_DRAFT, "out", VERSION),
    (r"^Accompanied\b", ACCOMPANIED, "out", OTHER),
    (r"^(?:Pending )?new draft of\b", NEW_DRAFT, "in", VERSION),
    (r"^New draft substituted,? see\b", NEW_DRAFT, "out", VERSION),
    (r"\bsubstituting therefor a bill\b.*\bsee\b", NEW_DRAFT, "out", VERSION),
    (r"^New text of\b", NEW_TEXT, "in", VERSION),
    (r"^Recommended new text for\b", COMMITTEE_TEXT, "in", VERSION),
    (r"\binserting (?:in place thereof )?the text of\b", COMMITTEE_TEXT, "out", VERSION),
    (r"^Reprinted,? as amended,? (?:see )?" + _DOC, REPRINTED, "out", VERSION),
    (r"^Text of " + _DOC + r",? (?:re)?printed,? as amended\b", REPRINTED, "in", VERSION),
    (r"^" + _DOC + r",? published as amended\b", PUBLISHED, "in", VERSION),
    (r"^Published as amended,? see\b", PUBLISHED, "out", VERSION),
    (r"^Substituted\b.*\bfor " + _DOC, SUBSTITUTED, "in", VERSION),
    (r"\bwith a further amendment,? see\b", FURTHER, "out", VERSION),
    (r"^Text of an amendment\b", FURTHER, "in", VERSION),
    (r"^Reported,? \(?in part\)?,?(?: by)? " + _DOC, IN_PART, "out", VERSION),
    (r"^Reported on a part of\b", IN_PART, "in", VERSION),
    (r"^Reported by " + _DOC, REPORTED, "out", VERSION),
    (r"^Reported on " + _DOC, REPORTED, "in", VERSION),
    (r"^(?:For .*,\s*)?See " + _DOC, SEE, "out", OTHER),
]
_ACTIONS = [(re.compile(p, re.I), relation, way, kind) for p, relation, way, kind in _ACTIONS]
_PUBLISHED_AS = re.compile(r"\bText of " + _DOC + r",? published as " + _DOC, re.I)
_SIGNED = re.compile(r"\bSigned by the Governor,? Chapter (\d{1,4}) of the Acts of (\d{4})\b", re.I)
_CONFERENCE = re.compile(r"\bcommittee of conference\b", re.I)


def from_history(own: str, actions: list) -> list[Evidence]:
    """The relations the history of document ``own`` states (actions struck by the clerk say
    nothing).  "Reported by"/"Reported on" after a committee of conference is the conference
    report; before one, a committee's report."""
    out: list[Evidence] = []
    conference = False
    for item in actions:
        if not isinstance(item, dict) or not isinstance(item.get("Action"), str) or item.get("IsStricken") is True:
            continue
        date = item["Date"][:10] if isinstance(item.get("Date"), str) else None
        said = " ".join(item["Action"].split())
        for evidence in from_action(said, own, date):
            if evidence.relation == REPORTED and conference:
                evidence = Evidence(evidence.earlier, evidence.later, CONFERENCE, said, date, by=own)
            out.append(evidence)
        conference = conference or bool(_CONFERENCE.search(said))
    return out


def from_action(action: str, own: str, date: str | None = None) -> list[Evidence]:
    """The relations one history action of document ``own`` states."""
    said = " ".join(str(action).split())
    text = normal(said)
    if m := _SIGNED.search(text):
        return [Evidence(own, act(m.group(2), m.group(1)), ENACTED, said, date, by=own)]
    if m := _PUBLISHED_AS.search(text):
        source, published = doc(*m.groups()[:2]), doc(*m.groups()[2:])
        return _without_self([Evidence(own, source, PUBLISHED, said, date, by=own),
                              Evidence(source, published, PUBLISHED, said, date, by=own)])
    for pattern, relation, way, kind in _ACTIONS:
        if m := pattern.search(text):
            named = _docs(text[m.start():]) or _docs(text)
            if relation in (REPRINTED, PUBLISHED, SUBSTITUTED, REPORTED, IN_PART, SEE, COMMITTEE_TEXT,
                            FURTHER) and kind == VERSION or relation == SEE:
                named = named[:1]  # "... the text of S2703, amended": one text
            return _without_self([Evidence(own, other, relation, said, date, kind, own) if way == "out"
                                  else Evidence(other, own, relation, said, date, kind, own) for other in named])
    return []


# Pinslips and titles: (pattern, relation, kind, which); ``which`` names the earlier text:
# "in" the first document inside the match, "after" the first after it, "petitions" every
# bill the petitions came with.
_STATEMENTS = [
    (r"\bbeing the text of " + _DOC + r",? (?:re)?printed,? as amended", REPRINTED, VERSION, "in"),
    (r"\bfurther amendment\b.*?\btext contained in ", FURTHER, VERSION, "after"),
    (r"\bfurther amendment\b", FURTHER, VERSION, "after"),
    (r"^Text of amendments?\b.*?\((?:offered|recommended)\b.*?\bamendment \(", FLOOR, OTHER, "after"),
    (r"\bcommittee of conference\b", CONFERENCE, VERSION, "after"),
    (r"\bSubstituted as a new draft\b", NEW_DRAFT, VERSION, "after"),
    (r"\bNew draft\b.*?\bto (?:the )?(?:Senate|House) Bill\b", NEW_DRAFT, VERSION, "after"),
    (r"\bSubstituted\b.*?\bfor a bill\b", SUBSTITUTED, VERSION, "after"),
    (r"^" + _DOC + r",? as amended(?: by the (?:House|Senate))? and passed to be engrossed", PUBLISHED, VERSION, "in"),
    (r"^Text of (?:the |an? )?(?:Senate |House )?(?:\([^()]*\) )?amendments?\b", AMENDMENT_TEXT, VERSION, "after"),
    (r"\bwithin which time to make its final report\b", EXTENSION, OTHER, "after"),
    (r"\bto whom was referred (?:the )?(?:House|Senate) (?:Bill|Resolve)\b", COMMITTEE_TEXT, VERSION, "after"),
    (r"\bto whom was referred (?:the )?(?:House|Senate) Bills\b", NEW_DRAFT, VERSION, "referred"),
    (r"\bto whom was referred the petitions?\b", NEW_DRAFT, VERSION, "petitions"),
    (r"^(?:Being the text of )?(?:Sections?|So much of)\b", PART_OF, OTHER, "after"),
]
_STATEMENTS = [(re.compile(p, re.I), relation, kind, which) for p, relation, kind, which in _STATEMENTS]
_SIMILAR = re.compile(r"\[SIMILAR MATTER FILED IN PREVIOUS SESSION SEE (HOUSE|SENATE), NO\.\s*(\d{1,5}) "
                      r"OF (\d{4})-(\d{4})\.\]", re.I)
_LEAD = re.compile(r"^(?:(?:Senate|House)\b[^-–]{0,40}?|(?:January|February|March|April|May|June|July|August|"
                   r"September|October|November|December) [^-–]{0,20}?|Filed by [^-–]{0,80}?)\s*[-–]{1,2}\s*")
_REPORT = re.compile(r"\breports?\b", re.I)


def _report(text: str, start: int) -> int:
    m = _REPORT.search(text, start)
    return m.start() if m else len(text)


_ACCOMPANIED_BILL = re.compile(r"\(accompanied by (?:bill|resolve),? ([HS]\d{1,5})\)", re.I)


def from_statement(statement: object, own: str, kind_of_document: str = "") -> list[Evidence]:
    """The relations a record's ``Pinslip`` or ``Title`` states about document ``own``.
    ``kind_of_document``: its ``LegislationTypeName`` (a committee's report that accompanies
    an order sends bills to study; one that accompanies a bill is a new draft)."""
    if not isinstance(statement, str) or not statement.strip():
        return []
    said = " ".join(statement.split())
    text = normal(_SIMILAR.sub(" ", said))  # an earlier session's bill: refiled, not a version
    text = _LEAD.sub("", text)  # "Senate, March 21, 2024 -- ", "Filed by Mr. Mark -- "
    petitions = _docs(" ".join(_ACCOMPANIED_BILL.findall(text)))
    for pattern, relation, kind, which in _STATEMENTS:
        if m := pattern.search(text):
            if which in ("petitions", "referred"):
                # Every bill sent to the committee: up to its report (the report's own number follows).
                named = petitions if which == "petitions" else _docs(text[m.end():_report(text, m.end())])
                if kind_of_document.lower() == "order":  # a report sending the bills to study
                    relation, kind = STUDY, OTHER
            else:
                named = _docs(text[m.start():] if which == "in" else text[m.end():])[:1]
            return _without_self([Evidence(other, own, relation, said, None, kind, own) for other in named])
    rest = _ACCOMPANIED_BILL.sub(" ", text)  # a filed bill's pinslip names itself
    return _without_self([Evidence(other, own, NAMED, said, None, OTHER, own) for other in _docs(rest)])


def from_session_law(record: dict) -> list[Evidence]:
    """A session law's ``OriginBill`` is the bill it enacted."""
    origin = record.get("OriginBill") if isinstance(record, dict) else None
    number = origin.get("BillNumber") if isinstance(origin, dict) else None
    m = re.fullmatch(_DOC, number.strip()) if isinstance(number, str) else None
    year, chapter = record.get("Year"), record.get("ChapterNumber", "")
    if not m or isinstance(year, bool) or not str(year or "").strip().isdigit() or not str(chapter).strip().isdigit():
        return []  # a year or chapter that is not a number ("20x3", true) names no chapter
    record = {**record, "Year": str(year).strip()}
    chapter = act(record["Year"], str(record["ChapterNumber"]).strip())
    return [Evidence(doc(*m.groups()), chapter, ENACTED, f"OriginBill {number.strip()}", _approved(record), by=chapter)]


def _approved(record: dict) -> str | None:
    """``ApprovedDate`` ("Feb 16 2023", or ISO) as ``YYYY-MM-DD``."""
    value = " ".join(str(record.get("ApprovedDate") or "").split())
    if re.match(r"\d{4}-\d\d-\d\d", value):
        return value[:10]
    try:
        return datetime.datetime.strptime(value, "%b %d %Y").date().isoformat()
    except ValueError:
        return None


def refiled_from(pinslip: str | None, court: int) -> list[tuple[int, str]]:
    """(court, number) of the earlier session's bill a pinslip says this one refiles:
    "[SIMILAR MATTER FILED IN PREVIOUS SESSION SEE SENATE, NO. 997 OF 2023-2024.]"."""
    out = []
    for m in _SIMILAR.finditer(" ".join((pinslip or "").split())):
        # Each General Court sits two years (the 193rd in 2023-2024): the court of years Y-(Y+1) is (Y - 1637) / 2.
        first = int(m.group(3))
        if (first - 1637) % 2 == 0 and (first - 1637) // 2 < court:
            out.append(((first - 1637) // 2, doc("H" if m.group(1).lower() == "house" else "S", m.group(2))))
    return out


def _without_self(evidence: list[Evidence]) -> list[Evidence]:
    return [e for e in evidence if e.earlier != e.later]
