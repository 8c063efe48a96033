"""The Massachusetts legislature's JSON API: a document's record and its history, fetched as bytes.

``https://malegislature.gov/api/GeneralCourts/{court}/Documents/{number}`` is a bill's record
(``BillNumber``, ``GeneralCourtNumber``, ``Title``, ``Pinslip``, ``DocumentText``, ...) and
``.../Documents/{number}/DocumentHistoryActions`` its history.  This module only fetches them
(through ``net.get``: deadline, size cap, retries of 429/5xx) and checks that each answer is
the JSON asked for; it keeps the bytes exactly as sent, so their sha256 can be recorded and
the text shown is what the record holds.  Reading a record into a document is ``read/``'s job.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lawdiff.load import net
from lawdiff.read import api as read_api
from lawdiff.errors import LawdiffError
from lawdiff.files import write_atomic

API = "https://malegislature.gov/api"
MAX_BYTES = 20 * 1024 * 1024
"""The longest bills' records (budgets) are a few MB of JSON."""
TIMEOUT = 60
_NUMBER = re.compile(r"^([HS])\s*\.?\s*(\d{1,5})$", re.I)
COURTS = range(1, 1000)
"""General Court numbers (the 194th sat in 2025-2026); anything else is a typo, refused before asking."""


@dataclass
class Record:
    url: str
    """Where it was fetched (after ``base`` replaced the official host)."""
    data: bytes
    """The bytes as sent."""
    value: object
    """``data`` parsed."""
    final: str | None = None
    """Where the bytes came from after redirects (None: from ``url`` itself)."""


def document_number(number: str) -> str:
    """``H.2288``, ``h 2288`` or ``H2288`` -> ``H2288``, as the API names documents."""
    m = _NUMBER.match(str(number).strip())
    if not m:
        raise LawdiffError(number, "not a House or Senate document number (like H.2288 or S997)")
    return f"{m.group(1).upper()}{int(m.group(2))}"


def document_url(court: int, number: str, base: str | None = None) -> str:
    if not isinstance(court, int) or isinstance(court, bool) or court not in COURTS:
        raise LawdiffError(court, f"not a General Court number (1 to {COURTS[-1]}; the 194th sat in 2025-2026)")
    return net.rebase(f"{API}/GeneralCourts/{court}/Documents/{document_number(number)}", base)


def history_url(court: int, number: str, base: str | None = None) -> str:
    return document_url(court, number, base) + "/DocumentHistoryActions"


def fetch_document(court: int, number: str, base: str | None = None, max_bytes: int = MAX_BYTES,
                   timeout: float = TIMEOUT) -> Record:
    """The record of document ``number`` of General Court ``court``; it must be that document's."""
    url = document_url(court, number, base)
    record = _fetch_json(url, max_bytes, timeout)
    if record.value in (None, {}, ""):
        raise LawdiffError(url, "no such document (the API answered an empty record)")
    if not isinstance(record.value, dict):
        raise LawdiffError(url, f"not a document record (a JSON {type(record.value).__name__})")
    asked = document_number(number)
    got = record.value.get("BillNumber")
    if not isinstance(got, str) or got.upper() != asked:
        raise LawdiffError(url, f"the record is for {got!r}, not {asked}")
    if record.value.get("GeneralCourtNumber") not in (court, str(court)):
        raise LawdiffError(url, f"the record is of General Court {record.value.get('GeneralCourtNumber')!r}, not {court}")
    return record


def fetch_history(court: int, number: str, base: str | None = None, max_bytes: int = MAX_BYTES,
                  timeout: float = TIMEOUT) -> Record:
    """The history actions of document ``number``: a JSON list, kept as sent."""
    url = history_url(court, number, base)
    record = _fetch_json(url, max_bytes, timeout)
    if not isinstance(record.value, list):
        raise LawdiffError(url, f"a document's history is a JSON list, not {type(record.value).__name__}")
    return record


def store(records: dict[str, Record], folder: Path) -> None:
    """Write each record's bytes to ``folder/<name>``, each file whole (``files.write_atomic``);
    nothing is written unless every record was fetched (callers fetch first, then store)."""
    for name, record in records.items():
        if "/" in name or name.startswith("."):
            raise LawdiffError(name, "a record's file name is a plain name inside the folder")
    for name, record in records.items():
        write_atomic(Path(folder) / name, record.data)


def _fetch_json(url: str, max_bytes: int, timeout: float) -> Record:
    answer = net.get(url, max_bytes, timeout, accept="application/json")
    value = read_api.loads(answer.content, url, answer=True)
    return Record(url, answer.content, value, answer.url if answer.url != url else None)


SESSION_LAW_YEARS = range(1780, 2200)


def session_laws_url(year: int, base: str | None = None) -> str:
    if not isinstance(year, int) or isinstance(year, bool) or year not in SESSION_LAW_YEARS:
        raise LawdiffError(year, "not a year of the session laws")
    return net.rebase(f"{API}/SessionLaws/{year}", base)


def fetch_session_law(year: int, chapter: int, base: str | None = None, max_bytes: int = MAX_BYTES,
                      timeout: float = TIMEOUT) -> Record:
    """Chapter ``chapter`` of the Acts of ``year``: its record out of ``/api/SessionLaws/{year}``
    (a list of every chapter of the year).  ``data`` is that one record as JSON (the list is
    not kept: its other chapters are other laws); its values, ``ChapterText`` included, are
    exactly as sent."""
    url = session_laws_url(year, base)
    answer = _fetch_json(url, max_bytes, timeout)
    if not isinstance(answer.value, list):
        raise LawdiffError(url, f"the session laws of a year are a JSON list, not {type(answer.value).__name__}")
    found = [r for r in answer.value if isinstance(r, dict) and str(r.get("ChapterNumber", "")).strip() == str(chapter)
             and r.get("Type", "Acts") == "Acts"]
    if not found:
        raise LawdiffError(url, f"no Chapter {chapter} of the Acts of {year} in the list")
    record = found[0]
    if record.get("Year") not in (year, str(year)):
        raise LawdiffError(url, f"Chapter {chapter}'s record is of the year {record.get('Year')!r}, not {year}")
    return Record(url, json.dumps(record, ensure_ascii=False).encode("utf-8"), record, answer.final)
