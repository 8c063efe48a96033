"""A record of the legislature's JSON API -> ``Reading``.

Two kinds of record are read:

- a document (``/api/GeneralCourts/{court}/Documents/{number}``): the text is
  ``DocumentText``, one paragraph per line (tab-indented, CRLF, no printed line
  numbers: a figure opening a paragraph is never taken for one); ``Title``, ``BillNumber``, sponsors, ``Pinslip`` and the committee's
  recommendation go into ``meta``;
- a session law (one record of ``/api/SessionLaws/{year}``): the act's text is
  ``ChapterText``, an HTML fragment of ``<p class="MsoNormal">`` paragraphs.

The text the user sees is exactly what the record holds: nothing from the
metadata (title, pinslip) is added to it.
"""

from __future__ import annotations

import json
import re
import sys

from lawdiff.errors import LawdiffError
from lawdiff.read.lines import Reading
from lawdiff.read.text import read_text

_DOCUMENT_KEYS = {"DocumentText", "BillNumber", "GeneralCourtNumber"}
_SESSION_LAW_KEYS = {"ChapterText", "ChapterNumber", "Year"}


# An object's first key, or a list of objects: a bill's text may itself open with "[SIMILAR
# MATTER FILED IN PREVIOUS SESSION ...]", which is text, not JSON.
_JSON_START = re.compile(rb'^(?:\xef\xbb\xbf)?\s*(?:\{\s*["}]|\[\s*[{\]])')


def is_json(data: bytes) -> bool:
    return bool(_JSON_START.match(data[:64]))


def read_record(data: bytes, source: object) -> Reading:
    record = _load(data, source)
    if _DOCUMENT_KEYS <= record.keys():
        return _read_document(record, source)
    if _SESSION_LAW_KEYS <= record.keys():
        return _read_session_law(record, source)
    raise LawdiffError(source, "JSON, but not a legislature document record (no DocumentText, BillNumber, "
                               "GeneralCourtNumber) nor a session-law record (no ChapterText, ChapterNumber, Year)")


def loads(data: bytes, source: object, answer: bool = False) -> object:
    """``data`` parsed as JSON; anything Python's reader would raise on (not UTF-8, malformed,
    an integer of over 4,300 digits, nesting deeper than the stack), and strings no UTF-8 can
    carry (a lone surrogate written as ``\\ud800``), is one error naming ``source``.
    ``answer``: ``data`` is what the API answered (the errors say so)."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise LawdiffError(source, "the API's answer is not UTF-8 text" if answer else "JSON that is not UTF-8") from None
    except json.JSONDecodeError as e:
        raise LawdiffError(source, f"the API's answer is not JSON ({e})" if answer else
                           f"malformed JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except RecursionError:
        raise LawdiffError(source, f"JSON nested over {sys.getrecursionlimit():,} levels deep; "
                                   "not a legislature record") from None
    except ValueError as e:  # "Exceeds the limit (4300 digits) for integer string conversion"
        if "digits" in str(e):
            raise LawdiffError(source, "JSON holding a number of over 4,300 digits; not a legislature record") from None
        raise LawdiffError(source, f"malformed JSON ({e})") from None
    if _ESCAPED_SURROGATE.search(data):  # only an escape can make one: UTF-8 cannot encode a surrogate
        _refuse_lone_surrogates(value, source)
    return value


_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refuse_lone_surrogates(value: object, source: object) -> None:
    """Walked without recursion (the nesting was bounded by the parser, but need not be here)."""
    stack = [("", value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if m := _LONE_SURROGATE.search(item):
                raise LawdiffError(source, f"{where or 'the record'} holds a lone surrogate "
                                           f"(U+{ord(m.group()):04X}), which is not text")
        elif isinstance(item, dict):
            stack += [(where or str(k), k) for k in item] + [(where or str(k), v) for k, v in item.items()]
        elif isinstance(item, list):
            stack += [(where or f"item {i + 1}", v) for i, v in enumerate(item)]


def _load(data: bytes, source: object) -> dict:
    record = loads(data, source)
    # /api/SessionLaws/{year} answers with a list: one chapter is a list of one.
    if isinstance(record, list) and len(record) == 1:
        record = record[0]
    if isinstance(record, list):
        raise LawdiffError(source, f"a JSON list of {len(record)} records; lawdiff reads one instrument per file")
    if not isinstance(record, dict):
        raise LawdiffError(source, "JSON, but not a legislature record (not an object)")
    return record


def _text(record: dict, key: str, source: object) -> str:
    text = record.get(key)
    if not isinstance(text, str):
        raise LawdiffError(source, f"{key} is {type(text).__name__ if text is not None else 'null'}, not text")
    if not text.strip():
        raise LawdiffError(source, f"the record's {key} is empty (the legislature published no text; "
                                   "read the PDF instead)")
    if not _WORD.search(text):
        raise LawdiffError(source, f"the record's {key} has no words (only NULs, spaces or marks); not a text")
    return text


_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script


def _list(record: dict, key: str, source: object) -> list:
    """A field the API sends as a list (or null, for none)."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        kind = {str: "text", bool: "true/false", int: "a number", float: "a number", dict: "an object"}
        raise LawdiffError(source, f"{key} is {kind.get(type(value), type(value).__name__)}, not a list")
    return value


def _read_document(record: dict, source: object) -> Reading:
    reading = read_text(_text(record, "DocumentText", source), paragraph_per_line=True,
                        printed_numbers=False)  # the API prints none: "1G. The President" keeps its 1
    reading.meta = _document_meta(record, source)
    reading.body_only = True
    return reading


def _document_meta(record: dict, source: object) -> dict:
    meta: dict = {"source_format": "api-json", "kind": "bill"}
    if title := _str(record.get("Title")):
        meta["title"] = title
    if number := _str(record.get("BillNumber")):
        meta["number"] = _dotted(number)
    if docket := _str(record.get("DocketNumber")):
        meta["docket"] = _dotted(docket)
    if isinstance(record.get("GeneralCourtNumber"), int):
        meta["session"] = record["GeneralCourtNumber"]
    primary = _name(record.get("PrimarySponsor"))
    joint = _name(record.get("JointSponsor"))
    sponsors = [n for n in (primary, joint) if n]
    if sponsors:
        meta["sponsors"] = sponsors
    cosponsors = [n for c in _list(record, "Cosponsors", source) if (n := _name(c)) and n not in sponsors]
    if cosponsors:
        meta["cosponsors"] = cosponsors
    if pinslip := _str(record.get("Pinslip")):
        meta["pinslip"] = pinslip
    if preamble := _str(record.get("EmergencyPreamble")):
        meta["emergency_preamble"] = preamble
    if kind := _str(record.get("LegislationTypeName")):
        meta["legislation_type"] = kind
    committees = [c for r in _list(record, "CommitteeRecommendations", source) if (c := _recommendation(r))]
    if committees:
        meta["committee_recommendations"] = committees
    amendments = _list(record, "Amendments", source)
    if amendments:
        meta["amendments"] = len(amendments)
    return meta


def _read_session_law(record: dict, source: object) -> Reading:
    from lawdiff.read.html import read_html  # lxml is loaded only when a record holds HTML

    reading = read_html(_text(record, "ChapterText", source).encode("utf-8"), source)
    meta = {"source_format": "api-json", "kind": "act"}
    if title := _str(record.get("Title")):
        meta["title"] = title
    if record.get("Year") and record.get("ChapterNumber"):
        meta["chapter"] = f"Chapter {record['ChapterNumber']} of the Acts of {record['Year']}"
    if approved := _str(record.get("ApprovedDate")):
        meta["approved"] = approved[:10]
    origin = record.get("OriginBill")
    if isinstance(origin, dict):
        origin = origin.get("BillNumber") or origin.get("Details")
    if origin := _str(origin):
        meta["origin_bill"] = origin
    reading.meta = {**reading.meta, **meta}
    return reading


def _str(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _name(person: object) -> str | None:
    return _str(person.get("Name")) if isinstance(person, dict) else None


def _dotted(number: str) -> str:
    """"S997" -> "S.997", "HD3902" -> "HD.3902": as the printed bill writes it."""
    letters = number.rstrip("0123456789")
    return f"{letters}.{number[len(letters):]}" if letters and number[len(letters):] else number


def _recommendation(rec: object) -> dict | None:
    if not isinstance(rec, dict):
        return None
    out = {}
    if action := _str(rec.get("Action")):
        out["action"] = action
    committee = rec.get("Committee")
    if isinstance(committee, dict) and (code := _str(committee.get("CommitteeCode"))):
        out["committee"] = code
    return out or None
