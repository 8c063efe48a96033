"""``lawdiff fetch --session 193``: every document of a General Court, as its own corpus folder.

Reads a ``sources.Source`` (the API, or a folder of its saved answers: one code path) and
writes a corpus the site can build: ``raw/`` (each record, history and printed PDF, as sent)
and ``instruments.toml``, one entry per document (``193-h4241``: number as printed, title,
type, sponsors, committee, latest official action, ``version_of`` from the version graph)
and per enacted chapter (``acts-2024-118``).  A record without text takes its PDF where there
is one, otherwise it is listed with ``text = "not published"``.

Scale decides the shape: the manifest of 8,000 entries is generated whole (no per-entry
tomlkit edit), checked as loading checks it, and written atomically: it is the one commit
point.  Raw files carry a piece of their sha256 in their name (``raw/193-h4241.1a2b3c4d5e6f.json``),
so new bytes never overwrite the bytes the current manifest names; files no manifest names
are removed after it is written.  A killed import leaves the previous corpus whole.

Bad records (not JSON, wrong types, missing fields, another document's number), bad
histories, a history naming a document not in the session and unreadable PDFs are each one
line of the report; the rest is imported, and what an earlier import had for a document
whose new answer is bad is kept, so nothing is lost.  The same answers give the same bytes.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.files import read_regular, write_atomic
from lawdiff.load import api
from lawdiff.load.manifest import check_manifest
from lawdiff.load.manifest_edit import locked, toml_value
from lawdiff.load.sources import Source
from lawdiff.versions import graph as versions_graph
from lawdiff.versions import sentences

HEADER = "# Written whole by `lawdiff fetch --session {court}`; edits here are replaced by the next import.\n"
_HEADER = re.compile(r"^# Written whole by `lawdiff fetch --session (\d+)`")
_RAW = re.compile(r"^raw/[a-z0-9.-]+\.[0-9a-f]{12}\.(?:json|history\.json|pdf)$")
# The fields of an entry, in the order they are written.
FIELDS = ("id", "kind", "type", "jurisdiction", "session", "number", "title", "docket", "sponsors", "committee",
          "latest_action", "latest_action_date", "url", "format", "path", "sha256", "record", "history", "text",
          "source_url", "fetched", "version_of")


@dataclass
class Report:
    court: int
    documents: int = 0
    with_text: int = 0
    from_pdf: int = 0
    not_published: int = 0
    chapters: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    """Entries of an earlier import kept because this run's answer for them was bad or missing."""
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return self.problems + [
            f"session {self.court}: {self.documents} documents ({self.with_text} with text in the record, "
            f"{self.from_pdf} from the printed PDF, {self.not_published} text not published), {self.chapters} "
            f"chapters; {self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.kept} kept from "
            f"before; {len(self.problems)} problems; {self.seconds:.1f} s"]


@dataclass
class _Doc:
    name: str
    record: dict
    record_bytes: bytes
    history: list | None = None
    history_bytes: bytes | None = None
    pdf: bytes | None = None


def import_session(root: Path | str, source: Source, court: int, years: list[int] | None = None,
                   today: str | None = None, progress=None) -> Report:
    """Import every document of ``source`` into the corpus folder ``root`` (created if need be)."""
    started = time.perf_counter()
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    manifest = root / "instruments.toml"
    report = Report(court)
    years = years if years is not None else _years(court)
    today = today or datetime.date.today().isoformat()
    docs: dict[str, _Doc] = {}
    # PDFs an earlier import read already (by sha256): reading a printed bill takes seconds.
    read_before = {e.get("sha256") for e in _old_entries(manifest, court).values() if e.get("format") == "pdf"}
    names = source.names()
    listed = set(names)
    for n, name in enumerate(names, 1):
        doc = _read_document(source, name, court, report, read_before)
        if doc is not None:
            docs[name] = doc
        if progress:
            progress(n, len(names))
    laws: dict[str, tuple[dict, bytes]] = {}
    for year in years:
        try:
            values = source.session_laws(year)
        except LawdiffError as e:
            report.problems.append(str(e))
            continue
        for law in values or []:
            for e in sentences.from_session_law(law) if isinstance(law, dict) else []:
                laws[e.later] = (law, json.dumps(law, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    g = versions_graph.build(
        [e for d in docs.values() for e in versions_graph.document_evidence(d.name, d.record, d.history)]
        + [e for law, _ in laws.values() for e in sentences.from_session_law(law)])
    for name, node in sorted(g.nodes.items()):
        if not node.known and not name.startswith("acts-") and name not in listed:  # a bad record: said already
            said = next(e.evidence for e in g.edges + g.others if name in (e.earlier, e.later))
            report.problems.append(f"{source.where('record', name)}: named by the session's records "
                                   f"(\"{said[:80]}\") but not in the session")
    with locked(manifest):
        _write(root, manifest, court, docs, laws, g, report, today)
    report.seconds = time.perf_counter() - started
    return report


def _years(court: int) -> list[int]:
    first = 1637 + 2 * court  # the 193rd General Court sat in 2023 and 2024
    return [first, first + 1]


def _read_document(source: Source, name: str, court: int, report: Report, read_before: set) -> _Doc | None:
    where = source.where("record", name)
    try:
        data = source.record_bytes(name)
        if data is None:
            raise LawdiffError(where, "no record")
        record = source.record(name)
    except LawdiffError as e:
        report.problems.append(str(e))
        return None
    problem = _check_record(record, name, court)
    if problem:
        report.problems.append(f"{where}: {problem}")
        return None
    doc = _Doc(name, record, data)
    try:
        doc.history_bytes = source.history_bytes(name)
        doc.history = source.history(name)
        bad = next((n for n, a in enumerate(doc.history or [], 1) if not (
            isinstance(a, dict) and isinstance(a.get("Date"), str) and isinstance(a.get("Action"), str))), None)
        if bad:
            raise LawdiffError(source.where("history", name), f"history action {bad} has no Date and Action")
    except LawdiffError as e:
        report.problems.append(f"{e}; imported without its history")
        doc.history = doc.history_bytes = None
    if not _has_text(record) and source.has_pdf(name):
        try:
            doc.pdf = source.pdf_bytes(name)
            if doc.pdf is None or _sha(doc.pdf) not in read_before:
                _check_pdf(doc.pdf, source.pdf_where(name))
        except LawdiffError as e:
            report.problems.append(f"{e}; listed as text not published")
            doc.pdf = None
    return doc


def _check_record(record: dict, name: str, court: int) -> str | None:
    number = record.get("BillNumber")
    if not isinstance(number, str):
        return f"BillNumber is {_kind(number)}, not a string"
    if number.strip().upper() != name:
        return f"the record is for {number!r}, not {name}"
    if record.get("GeneralCourtNumber") not in (court, str(court)):
        return f"the record is of General Court {record.get('GeneralCourtNumber')!r}, not {court}"
    for key in ("Title", "LegislationTypeName", "Pinslip", "DocumentText", "DocketNumber"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{key} is {_kind(record[key])}, not a string"
    if not isinstance(record.get("Title"), str) or not record["Title"].strip():
        return "no Title"
    for key in ("Cosponsors", "CommitteeRecommendations"):
        if record.get(key) is not None and not isinstance(record[key], list):
            return f"{key} is {_kind(record[key])}, not a list"
    return None


def _kind(value: object) -> str:
    return "missing" if value is None else f"a JSON {type(value).__name__.replace('str', 'string')}"


def _has_text(record: dict) -> bool:
    return isinstance(record.get("DocumentText"), str) and bool(record["DocumentText"].strip())


def _check_pdf(data: bytes | None, where: str) -> None:
    """The printed text reads as ``parse`` will read it (a scan or a broken file does not)."""
    from lawdiff.read import read

    if data is None:
        raise LawdiffError(where, "no PDF")
    read(data, where)


def _entry(doc: _Doc, court: int) -> tuple[dict, dict[str, bytes]]:
    """The manifest entry of one document (without version_of and fetched) and its raw files."""
    record, name = doc.record, doc.name
    entry_id = versions_graph.entry_id(name, court)
    entry = {"id": entry_id, "kind": "bill", "type": _text(record.get("LegislationTypeName")),
             "jurisdiction": "us-ma", "session": court, "number": versions_graph.number(name),
             "title": _text(record.get("Title")), "docket": _text(record.get("DocketNumber")),
             "sponsors": _sponsors(record), "committee": _committee(record)}
    latest = _latest(doc.history)
    if latest:
        entry["latest_action"] = f"{latest['Branch']}: {' '.join(latest['Action'].split())}".lstrip(": ")
        entry["latest_action_date"] = latest["Date"][:10]
    entry["url"] = f"https://malegislature.gov/Bills/{court}/{name}"
    files: dict[str, bytes] = {}
    record_path = _raw(entry_id, ".json", doc.record_bytes)
    files[record_path] = doc.record_bytes
    if _has_text(record):
        entry.update({"format": "api-json", "path": record_path, "sha256": _sha(doc.record_bytes)})
        entry["source_url"] = api.document_url(court, name)
    elif doc.pdf is not None:
        pdf_path = _raw(entry_id, ".pdf", doc.pdf)
        files[pdf_path] = doc.pdf
        entry.update({"format": "pdf", "path": pdf_path, "sha256": _sha(doc.pdf), "record": record_path})
        entry["source_url"] = f"https://malegislature.gov/Bills/{court}/{name}.pdf"
    else:
        entry.update({"record": record_path, "text": "not published"})
    if doc.history_bytes is not None:
        history_path = _raw(entry_id, ".history.json", doc.history_bytes)
        files[history_path] = doc.history_bytes
        entry["history"] = history_path
    return {k: v for k, v in entry.items() if v not in (None, "", [])}, files


def _act_entry(name: str, law: tuple[dict, bytes] | None, node) -> tuple[dict, dict[str, bytes]]:
    _, year, chapter = name.split("-")
    entry = {"id": name, "kind": "act", "jurisdiction": "us-ma", "number": versions_graph.number(name),
             "title": _text(law[0].get("Title")) if law else "", "url":
             f"https://malegislature.gov/Laws/SessionLaws/Acts/{year}/Chapter{chapter}"}
    if node is not None and node.date:
        entry["latest_action_date"] = node.date
    files = {}
    if law and isinstance(law[0].get("ChapterText"), str) and law[0]["ChapterText"].strip():
        path = _raw(name, ".json", law[1])
        files[path] = law[1]
        entry.update({"format": "api-json", "path": path, "sha256": _sha(law[1]),
                      "source_url": api.session_laws_url(int(year))})
    else:
        entry["text"] = "not published"
    if not entry["title"]:
        entry["title"] = entry["number"]
    return entry, files


def _write(root: Path, manifest: Path, court: int, docs: dict[str, _Doc], laws: dict, g, report: Report,
           today: str) -> None:
    old = _old_entries(manifest, court)
    entries: dict[str, dict] = {}
    files: dict[str, bytes] = {}
    ids = {name: versions_graph.entry_id(name, court) for name in g.nodes}
    for name, doc in docs.items():
        entry, raw = _entry(doc, court)
        entries[entry["id"]] = entry
        files.update(raw)
        report.documents += 1
        if entry.get("format") == "api-json":
            report.with_text += 1
        elif entry.get("format") == "pdf":
            report.from_pdf += 1
        else:
            report.not_published += 1
    for name in sorted((n for n in g.nodes if n.startswith("acts-")), key=versions_graph._sort_key):
        entry, raw = _act_entry(name, laws.get(name), g.nodes.get(name))
        entries[entry["id"]] = entry
        files.update(raw)
        report.chapters += 1
    for edge in g.edges:  # version_of: the texts each came from (those the session has)
        later, earlier = ids[edge.later], ids[edge.earlier]
        if later in entries and earlier in entries:
            entries[later].setdefault("version_of", []).append(earlier)
    for entry in entries.values():
        if "version_of" in entry:
            entry["version_of"] = sorted(dict.fromkeys(entry["version_of"]))
        previous = old.get(entry["id"])
        if previous is None:
            report.new += 1
            if entry.get("source_url"):
                entry["fetched"] = today
            continue
        if previous.get("fetched") and previous.get("sha256") == entry.get("sha256"):
            entry["fetched"] = previous["fetched"]  # same bytes: fetched when they first came
        elif entry.get("source_url"):
            entry["fetched"] = today
        same = previous == entry
        report.unchanged += same
        report.updated += not same
    for entry_id, previous in old.items():  # nothing lost: what this run could not read stays
        if entry_id not in entries:
            entries[entry_id] = previous
            report.kept += 1
            for key in ("path", "record", "history"):
                if previous.get(key):
                    files.setdefault(previous[key], None)
    text = _manifest_text(court, _ordered(entries))
    try:
        checked, _ = check_manifest(tomllib.loads(text), manifest, root)
    except (LawdiffError, tomllib.TOMLDecodeError) as e:
        raise LawdiffError(manifest, f"the import would write a manifest that does not load ({e}); nothing written")
    (root / "raw").mkdir(exist_ok=True)
    for rel, data in files.items():
        if data is not None and not (root / rel).is_file():  # a name holds its bytes: same name, same bytes
            write_atomic(root / rel, data)
    old_text = manifest.read_bytes() if manifest.is_file() else None
    if old_text != text.encode("utf-8"):
        write_atomic(manifest, text.encode("utf-8"))  # the commit point
    named = {e[k] for e in checked.values() for k in ("path", "record", "history") if e.get(k)}
    for path in (root / "raw").iterdir():
        rel = f"raw/{path.name}"
        if _RAW.match(rel) and rel not in named:
            path.unlink(missing_ok=True)


def _old_entries(manifest: Path, court: int) -> dict[str, dict]:
    """The entries the previous import wrote; a manifest a person wrote is never replaced."""
    if not manifest.exists():
        return {}
    text = read_regular(manifest).decode("utf-8", "replace")
    m = _HEADER.match(text)
    if not m:
        raise LawdiffError(manifest, "a manifest the session import did not write; import a session into a folder "
                                     "of its own (--corpus DIR)")
    if int(m.group(1)) != court:
        raise LawdiffError(manifest, f"holds session {m.group(1)}, not {court}; import each session into its own folder")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LawdiffError(manifest, f"not a valid corpus manifest: {e}") from None
    return {e["id"]: e for e in data.get("instrument", []) if isinstance(e, dict) and isinstance(e.get("id"), str)}


def _ordered(entries: dict[str, dict]) -> list[dict]:
    def key(entry_id: str):
        m = re.match(r"^\d+-([hs])(\d+)$", entry_id)
        if m:
            return (0, m.group(1), int(m.group(2)), 0)
        m = re.match(r"^acts-(\d+)-(\d+)$", entry_id)
        return (1, "", int(m.group(1)), int(m.group(2))) if m else (2, entry_id, 0, 0)
    return [entries[i] for i in sorted(entries, key=key)]


def _manifest_text(court: int, entries: list[dict]) -> str:
    out = [HEADER.format(court=court)]
    for entry in entries:
        out.append("\n[[instrument]]\n")
        for key in FIELDS + tuple(sorted(k for k in entry if k not in FIELDS)):
            if key in entry:
                out.append(f"{key} = {toml_value(entry[key])}\n")
    return "".join(out)


def _raw(entry_id: str, extension: str, data: bytes) -> str:
    return f"raw/{entry_id}.{_sha(data)[:12]}{extension}"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _sponsors(record: dict) -> list[str]:
    people = [record.get("PrimarySponsor"), record.get("JointSponsor")] + list(record.get("Cosponsors") or [])
    return list(dict.fromkeys(_text(p.get("Name")) for p in people if isinstance(p, dict) and _text(p.get("Name"))))


def _committee(record: dict) -> str:
    """The code of the first committee that reported on it (``J19``), as the API gives it."""
    for rec in record.get("CommitteeRecommendations") or []:
        committee = rec.get("Committee") if isinstance(rec, dict) else None
        if isinstance(committee, dict) and isinstance(committee.get("CommitteeCode"), str):
            return committee["CommitteeCode"]
    return ""


def _latest(history: list | None) -> dict | None:
    """The latest action not struck: by date, the later listed of a day."""
    standing = [(a["Date"][:10], n, a) for n, a in enumerate(history or [])
                if isinstance(a, dict) and isinstance(a.get("Date"), str) and isinstance(a.get("Action"), str)
                and a.get("IsStricken") is not True]
    if not standing:
        return None
    action = max(standing, key=lambda t: (t[0], t[1]))[2]
    return {"Date": action["Date"], "Branch": _text(action.get("Branch")), "Action": action["Action"]}
