"""A document's floor amendments, as the legislature's API lists and states them.

``/api/GeneralCourts/{court}/Documents/{bill}/Amendments`` lists them (``AmendmentNumber``,
``Branch``, ``ParentBillNumber``); ``.../Branches/{branch}/Amendments/{n}`` is one amendment's
record: ``Sponsor``, ``Action`` (Adopted, Rejected, Withdrawn, ...), ``Title``, ``Text`` (the
motion and its instruction: "Mr. Tarr moves that the proposed new text be amended by
inserting after section _ the following section:- ..."), ``IsFurther``, ``RedraftNumber``.
``read_listing`` and ``read_amendment`` check and read those answers; ``fetch_amendments``
asks the API for every amendment of a bill, a bad answer being one line of its problems and
the rest still read.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from lawdiff.errors import LawdiffError
from lawdiff.load import api, net
from lawdiff.load.sources import json_answer

_NUMBER = re.compile(r"^\d{1,4}(?:\.\d{1,3})?$")
_BRANCHES = ("House", "Senate")


@dataclass(frozen=True)
class Ref:
    bill: str
    branch: str
    number: str


@dataclass(frozen=True)
class Amendment:
    bill: str
    branch: str
    number: str
    sponsor: str
    action: str
    """As the record says it (``Adopted``, ``Rejected``, ``Withdrawn``; empty when none yet)."""
    title: str
    text: str
    further: bool
    redraft: str

    def to_dict(self) -> dict:
        return asdict(self)


def read_listing(data: bytes, bill: str, where: str) -> list[Ref]:
    """The amendments a listing names for ``bill`` (``S2834``), in its order."""
    value = json_answer(data, where)
    if not isinstance(value, list):
        raise LawdiffError(where, f"an amendments listing is a JSON list, not {type(value).__name__}")
    out = []
    for n, item in enumerate(value, 1):
        number = item.get("AmendmentNumber") if isinstance(item, dict) else None
        branch = item.get("Branch") if isinstance(item, dict) else None
        parent = item.get("ParentBillNumber") if isinstance(item, dict) else None
        if not (isinstance(number, str) and _NUMBER.match(number) and branch in _BRANCHES and parent == bill):
            raise LawdiffError(where, f"listing item {n} is not an amendment of {bill} (AmendmentNumber, Branch, "
                                      "ParentBillNumber)")
        out.append(Ref(bill, branch, number))
    return out


def read_amendment(data: bytes, ref: Ref, where: str) -> Amendment:
    value = json_answer(data, where)
    if not isinstance(value, dict):
        raise LawdiffError(where, f"an amendment's record is a JSON object, not {type(value).__name__}")
    if value.get("AmendmentNumber") != ref.number or value.get("ParentBillNumber") != ref.bill:
        raise LawdiffError(where, f"the record is amendment {value.get('AmendmentNumber')!r} of "
                                  f"{value.get('ParentBillNumber')!r}, not {ref.number} of {ref.bill}")
    for key in ("Action", "Title", "Text", "RedraftNumber"):
        if value.get(key) is not None and not isinstance(value[key], str):
            raise LawdiffError(where, f"{key} is a JSON {type(value[key]).__name__}, not a string")
    sponsor = value.get("Sponsor")
    name = sponsor.get("Name") if isinstance(sponsor, dict) else None
    return Amendment(ref.bill, ref.branch, ref.number, " ".join(name.split()) if isinstance(name, str) else "",
                     " ".join((value.get("Action") or "").split()), " ".join((value.get("Title") or "").split()),
                     (value.get("Text") or "").replace("\r\n", "\n"), value.get("IsFurther") is True,
                     value.get("RedraftNumber") or "")


def listing_url(court: int, bill: str, base: str | None = None) -> str:
    return api.document_url(court, bill, base) + "/Amendments"


def amendment_url(court: int, ref: Ref, base: str | None = None) -> str:
    return api.document_url(court, ref.bill, base) + f"/Branches/{ref.branch}/Amendments/{ref.number}"


def fetch_amendments(court: int, bill: str, base: str | None = None, max_bytes: int = api.MAX_BYTES,
                     timeout: float = api.TIMEOUT) -> tuple[list[Amendment], list[str]]:
    """Every amendment of ``bill`` (``S2834``) the API lists, and one line per bad answer."""
    bill = api.document_number(bill)
    url = listing_url(court, bill, base)
    refs = read_listing(net.get(url, max_bytes, timeout, accept="application/json").content, bill, url)
    found, problems = [], []
    for ref in refs:
        where = amendment_url(court, ref, base)
        try:
            found.append(read_amendment(net.get(where, max_bytes, timeout, accept="application/json").content,
                                        ref, where))
        except LawdiffError as e:
            problems.append(str(e))
    return found, problems


def fetch_and_store(corpus, entry_id: str, base: str | None = None, max_bytes: int = api.MAX_BYTES,
                    timeout: float = api.TIMEOUT) -> list[str]:
    """Fetch every floor amendment of bill ``entry_id`` and keep them beside its text
    (``raw/<id>.amendments.json``: the listing and each record, their values as sent), named by
    the entry's ``amendments`` field; the lines to print (one per bad record, then a summary)."""
    from lawdiff.load.fetch import commit, is_api_document
    from lawdiff.load.manifest_edit import set_fields

    entry = corpus.entries.get(entry_id)
    if entry is None:
        raise LawdiffError(entry_id, "not in the manifest (lawdiff add registers a new instrument)")
    if not is_api_document(entry):
        raise LawdiffError(entry_id, "--amendments reads a House or Senate document's floor amendments")
    court, bill = entry["session"], api.document_number(entry["number"])
    found, problems = fetch_amendments(court, bill, base, max_bytes, timeout)
    rel = f"raw/{entry_id}.amendments.json"
    data = (json.dumps({"bill": bill, "court": court, "amendments": [a.to_dict() for a in found]},
                       ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    manifest = corpus.root / "instruments.toml"
    commit(corpus.root, {rel: data},
           lambda: set_fields(manifest, entry_id, {"amendments": rel}) if entry.get("amendments") != rel else None)
    adopted = sum(1 for a in found if a.action.lower().startswith("adopted"))
    return problems + [f"{entry_id}: {len(found)} floor amendments ({adopted} adopted) in {rel}"]


def load(corpus, entry: dict) -> list[dict]:
    """The floor amendments kept for ``entry`` (``fetch --amendments``), or []."""
    from lawdiff.files import read_regular

    if not entry.get("amendments"):
        return []
    path = corpus.root / entry["amendments"]
    if not path.is_file():
        return []
    value = json_answer(read_regular(path, api.MAX_BYTES), str(path))
    items = value.get("amendments") if isinstance(value, dict) else None
    if not isinstance(items, list) or not all(isinstance(a, dict) for a in items):
        raise LawdiffError(path, "not the floor amendments lawdiff keeps (an object with an amendments list)")
    keys = set(Amendment.__dataclass_fields__)
    out = []
    for a in items:
        if set(a) != keys or not all(isinstance(a[k], bool if k == "further" else str) for k in keys):
            raise LawdiffError(path, "an amendment without the fields lawdiff keeps")
        out.append(a)
    return out
