"""``lawdiff fetch --versions ID``: fetch every text of the version graph that holds a bill.

The graph is walked first (``lawdiff.versions.graph.walk`` over the API: each document's record
and history, then those of every text they name); then every text is downloaded and read as
``parse`` reads it (the record's ``DocumentText``, else the printed PDF, else the whole-bill
page; a session law's record); only when all of them are in hand is anything written: the raw
files and one edit of the manifest (new entries, ``version_of`` naming the texts each came
from), under the corpus lock, so a second ``fetch --versions`` at once waits and then finds
the texts already there.  A failure anywhere writes nothing.  A cycle in the evidence is
reported and kept (each text still gets its ``version_of``); a text the legislature never
published is listed without one.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass, field

from lawdiff.errors import LawdiffError
from lawdiff.load import api, net
from lawdiff.load.documents import parse_bytes
from lawdiff.load.fetch import MAX_BYTES, TIMEOUT, _FALL_BACK, commit, is_api_document
from lawdiff.load.manifest import Corpus
from lawdiff.load.manifest_edit import edit_entries, locked
from lawdiff.load.sources import ApiSource
from lawdiff.read import sniff
from lawdiff.versions import graph as versions_graph
from lawdiff.versions import sentences


@dataclass
class Text:
    """One text of the graph, downloaded, not yet written."""
    name: str
    data: bytes | None = None
    """The raw text (None: not published)."""
    url: str | None = None
    """Where ``data`` came from, and the official URL it stands for."""
    official: str | None = None
    history: bytes | None = None
    record: dict = field(default_factory=dict)


def fetch_versions(corpus: Corpus, entry_id: str, base: str | None = None, max_bytes: int = MAX_BYTES,
                   timeout: float = TIMEOUT) -> list[str]:
    """Fetch the graph through ``entry_id``; the lines to print."""
    entry = corpus.entries.get(entry_id)
    if entry is None:
        raise LawdiffError(entry_id, "not in the manifest (lawdiff add registers a new instrument)")
    if not is_api_document(entry):
        raise LawdiffError(entry_id, "--versions follows a House or Senate document (an entry with session and number)")
    court = entry["session"]
    source = ApiSource(court, base, max_bytes, timeout)
    start = api.document_number(entry["number"])
    g = versions_graph.walk(source, start)
    joined = {start} | {n for e in g.edges for n in (e.earlier, e.later)}
    names = [n for n in g.order() if n in joined]  # not the study orders and cross-references
    texts = {name: _download(source, g, name, base, max_bytes, timeout) for name in names}
    return _record(corpus, court, g, names, texts)


def _download(source: ApiSource, g, name: str, base, max_bytes, timeout) -> Text:
    if name.startswith("acts-"):
        _, year, chapter = name.split("-")
        law = source.session_law(int(year), int(chapter))
        if not isinstance(law, dict) or not source.has_text(name, law):
            return Text(name)
        url = api.session_laws_url(int(year), base)
        return Text(name, json.dumps(law, ensure_ascii=False).encode("utf-8"), url,
                    api.session_laws_url(int(year)), record=law)
    if not g.nodes[name].known:
        raise LawdiffError(source.where("record", name), "HTTP 404 Not Found")
    record = source.record(name)
    history = source.history_bytes(name)
    if isinstance(record.get("DocumentText"), str) and record["DocumentText"].strip():
        return Text(name, source.record_bytes(name), source.where("record", name),
                    api.document_url(source.court, name), history, record)
    page = f"https://malegislature.gov/Bills/{source.court}/{name}"
    for official in (f"{page}.pdf", f"{page}.Html"):
        url = net.rebase(official, base)
        try:
            data = net.get(url, max_bytes, timeout).content
            parse_bytes(data, url, {"kind": "bill"})  # a scan sends us on to the page
            return Text(name, data, url, official, history, record)
        except LawdiffError as e:
            if not _FALL_BACK.search(e.problem):
                raise
    return Text(name, None, None, None, history, record)


def _record(corpus: Corpus, court: int, g, names: list[str], texts: dict[str, Text]) -> list[str]:
    """Write every text and one manifest edit, under the lock, against the manifest as it is then."""
    manifest = corpus.root / "instruments.toml"
    today = datetime.date.today().isoformat()
    with locked(manifest):
        corpus = Corpus.load(corpus.root)
        ids = {name: _entry_id(corpus, court, name) for name in names}
        files: dict[str, bytes] = {}
        changes: dict[str, dict] = {}
        new: list[dict] = []
        lines: list[str] = []
        for name in names:
            text, entry_id = texts[name], ids[name]
            entry = corpus.entries.get(entry_id)
            fields: dict = {}
            if text.history is not None:
                files[f"raw/{entry_id}.history.json"] = text.history
                fields["history"] = f"raw/{entry_id}.history.json"
            if text.data is not None:
                fmt = sniff(text.data)
                meta = {**(entry or {}), **_new_fields(name, court, text.record), "id": entry_id}
                parse_bytes(text.data, text.url, meta)  # an error page or a scan stops everything here
                rel, sha = f"raw/{entry_id}{fmt.extension}", hashlib.sha256(text.data).hexdigest()
                files[rel] = text.data
                fields.update({"format": fmt.value, "path": rel, "sha256": sha})
                same = entry is not None and all(entry.get(k) == v for k, v in fields.items()) and \
                    all(_on_disk(corpus.root / n) == b for n, b in files.items() if n in (rel, fields.get("history")))
                if not same:
                    fields.update({"source_url": text.official, "fetched": today})
                lines.append(f"{entry_id}: unchanged {rel}" if same else
                             f"{entry_id}: fetched {rel} from {text.url} (sha256 {sha[:12]})")
            else:
                lines.append(f"{entry_id}: text not published" + (" (history kept)" if text.history else ""))
            earlier = [ids[e.earlier] for e in g.edges if e.later == name]
            if earlier:
                have = (entry or {}).get("version_of", [])
                fields["version_of"] = have + [i for i in dict.fromkeys(earlier) if i not in have and i != entry_id]
                lines.append(f"{entry_id}: version of {', '.join(fields['version_of'])}")
            refiled = [versions_graph.entry_id(n, c) for c, n in
                       sentences.refiled_from(text.record.get("Pinslip") if text.record else None, court)]
            refiled = [i for i in refiled if i in corpus.entries]
            if refiled:
                have = (entry or {}).get("refiled_from", [])
                fields["refiled_from"] = have + [i for i in refiled if i not in have]
                lines.append(f"{entry_id}: refiled from {', '.join(fields['refiled_from'])}")
            if entry is None:
                new.append({"id": entry_id, **_new_fields(name, court, text.record), **fields})
            else:
                fields = {k: v for k, v in fields.items() if entry.get(k) != v}
                if fields:
                    changes[entry_id] = fields
        for cycle in g.cycles():
            lines.append("versions loop in the legislature's evidence (kept): "
                         + " → ".join(ids[n] for n in cycle + cycle[:1]))
        new_ids = {f["id"] for f in new}
        for f in new:  # version_of may name a text appended after it: the manifest is checked whole
            f["version_of"] = [i for i in f.get("version_of", []) if i in corpus.entries or i in new_ids]
        commit(corpus.root, files, lambda: edit_entries(manifest, changes, new) if changes or new else None)
    return lines


def _new_fields(name: str, court: int, record: dict) -> dict:
    title = " ".join(str(record.get("Title") or "").split()) if isinstance(record, dict) else ""
    if name.startswith("acts-"):
        _, year, chapter = name.split("-")
        return {"kind": "act", "jurisdiction": "us-ma", "number": versions_graph.number(name),
                "title": title or versions_graph.number(name),
                "url": f"https://malegislature.gov/Laws/SessionLaws/Acts/{year}/Chapter{chapter}"}
    return {"kind": "bill", "jurisdiction": "us-ma", "session": court, "number": versions_graph.number(name),
            "title": title or versions_graph.number(name), "url": f"https://malegislature.gov/Bills/{court}/{name}"}


def _entry_id(corpus: Corpus, court: int, name: str) -> str:
    """The manifest's entry for text ``name``, or the id a new one gets (``194-h5620``, ``acts-2026-163``)."""
    number = versions_graph.number(name)
    for entry in corpus.entries.values():
        if name.startswith("acts-"):
            if entry.get("kind") == "act" and entry.get("number") == number:
                return entry["id"]
        elif entry.get("session") == court and entry.get("number") and \
                entry["number"].replace(".", "").replace(" ", "").upper() == name:
            return entry["id"]
    return versions_graph.entry_id(name, court)


def _on_disk(path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None
