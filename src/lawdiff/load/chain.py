"""``lawdiff fetch --versions ID``: follow a bill through the texts the legislature says it became.

From the bill's record and history (``lawdiff.load.versions`` reads the sentences), every text
named is fetched in turn, back to the one it came from and on to the session law, at most
``MAX_TEXTS`` of them.  Nothing is written until the whole chain is known: a chain that
loops, or a named text the API does not have, is one error and the manifest is unchanged.
Then each text is stored earlier first (new manifest entries for texts the manifest does
not list yet), and each gets ``version_of`` naming the texts it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawdiff.load import api
from lawdiff.load import versions
from lawdiff.errors import LawdiffError
from lawdiff.load.fetch import MAX_BYTES, TIMEOUT, Outcome, _store, fetch, is_api_document
from lawdiff.load.manifest import Corpus
from lawdiff.load.manifest_edit import append_entry, set_fields

MAX_TEXTS = 20
"""A measure rarely has more than a dozen texts (filed, new drafts, engrossed, the other
chamber's, conference report, the act); more means the links run away."""


@dataclass
class Text:
    name: str
    """``H5620``, or ``acts-2026-163`` for a session law."""
    record: api.Record
    history: api.Record | None = None
    links: list = field(default_factory=list)


def follow(court: int, number: str, base: str | None = None, max_bytes: int = MAX_BYTES,
           timeout: float = TIMEOUT) -> tuple[dict[str, Text], list[versions.Link]]:
    """Every text of the chain through document ``number`` of General Court ``court``, and the links."""
    start = api.document_number(number)
    texts: dict[str, Text] = {}
    links: list[versions.Link] = []
    queue = [start]
    while queue:
        name = queue.pop(0)
        if name in texts:
            continue
        if len(texts) >= MAX_TEXTS:
            raise LawdiffError(start, f"more than {MAX_TEXTS} texts linked to it; stopped, nothing written")
        text = _fetch(court, name, base, max_bytes, timeout)
        texts[name] = text
        for link in text.links:
            if (link.earlier, link.later) not in {(k.earlier, k.later) for k in links}:
                links.append(link)
            for other in (link.earlier, link.later):
                if other not in texts and other not in queue:
                    queue.append(other)
        if loop := versions.find_loop(links):
            raise LawdiffError(start, "its versions loop (" + " → ".join(loop) + "); nothing written")
    return texts, links


def _fetch(court: int, name: str, base, max_bytes, timeout) -> Text:
    if name.startswith("acts-"):
        _, year, chapter = name.split("-")
        record = api.fetch_session_law(int(year), int(chapter), base, max_bytes, timeout)
        return Text(name, record, None, versions.from_session_law(record.value))
    record = api.fetch_document(court, name, base, max_bytes, timeout)
    history = api.fetch_history(court, name, base, max_bytes, timeout)
    links = versions.from_pinslip(record.value.get("Pinslip"), name)
    for action in history.value:
        if isinstance(action, dict) and isinstance(action.get("Action"), str) and action.get("IsStricken") is not True:
            links += versions.from_action(action["Action"], name)
    return Text(name, record, history, links)


def fetch_versions(corpus: Corpus, entry_id: str, base: str | None = None, max_bytes: int = MAX_BYTES,
                   timeout: float = TIMEOUT) -> list[str]:
    """Fetch the chain through ``entry_id``; the lines to print."""
    entry = corpus.entries.get(entry_id)
    if entry is None:
        raise LawdiffError(entry_id, "not in the manifest (lawdiff add registers a new instrument)")
    if not is_api_document(entry):
        raise LawdiffError(entry_id, "--versions follows a House or Senate document (an entry with session and number)")
    court = entry["session"]
    texts, links = follow(court, entry["number"], base, max_bytes, timeout)
    lines = []
    ids: dict[str, str] = {}
    for name in versions.order(list(texts), links):
        text = texts[name]
        corpus = Corpus.load(corpus.root)  # each store changes the manifest
        ids[name] = _entry_id(corpus, court, name)
        outcome = _store_text(corpus, ids[name], court, text, base, max_bytes, timeout)
        lines.append(outcome.message())
        earlier = [ids[link.earlier] for link in links if link.later == name and link.earlier in ids]
        if earlier:
            lines.append(f"{ids[name]}: version of {', '.join(_add_relation(corpus, ids[name], 'version_of', earlier))}")
        corpus = Corpus.load(corpus.root)
        refiled = [_entry_id(corpus, c, n) for c, n in versions.refiled_from(_pinslip(text), court)]
        refiled = [i for i in refiled if i in corpus.entries]  # an earlier session's bill the manifest lists
        if refiled:
            lines.append(f"{ids[name]}: refiled from {', '.join(_add_relation(corpus, ids[name], 'refiled_from', refiled))}")
    return lines


def _pinslip(text: Text) -> str | None:
    value = text.record.value.get("Pinslip") if isinstance(text.record.value, dict) else None
    return value if isinstance(value, str) else None


def _add_relation(corpus: Corpus, entry_id: str, relation: str, others: list[str]) -> list[str]:
    """``others`` added to the entry's ``relation`` list (what it lists already stays first)."""
    corpus = Corpus.load(corpus.root)
    have = corpus.entries[entry_id].get(relation, [])
    merged = have + [i for i in dict.fromkeys(others) if i not in have and i != entry_id]
    if merged != have:
        set_fields(corpus.root / "instruments.toml", entry_id, {relation: merged})
    return merged


def _entry_id(corpus: Corpus, court: int, name: str) -> str:
    """The manifest's entry for text ``name``, or the id a new one gets (``194-h5620``, ``acts-2026-163``)."""
    for entry in corpus.entries.values():
        if name.startswith("acts-"):
            if entry.get("kind") == "act" and entry.get("number") == _act_number(name):
                return entry["id"]
        elif entry.get("session") == court and entry.get("number") and \
                entry["number"].replace(".", "").replace(" ", "").upper() == name:
            return entry["id"]
    return name if name.startswith("acts-") else f"{court}-{name.lower()}"


def _act_number(name: str) -> str:
    _, year, chapter = name.split("-")
    return f"Chapter {chapter} of the Acts of {year}"


def _store_text(corpus: Corpus, entry_id: str, court: int, text: Text, base, max_bytes, timeout) -> Outcome:
    manifest = corpus.root / "instruments.toml"
    record = text.record.value
    if text.name.startswith("acts-"):
        _, year, chapter = text.name.split("-")
        fields = {} if entry_id in corpus.entries else {
            "kind": "act", "jurisdiction": "us-ma", "number": _act_number(text.name),
            "title": " ".join(str(record.get("Title") or "").split()) or _act_number(text.name),
            "url": f"https://malegislature.gov/Laws/SessionLaws/Acts/{year}/Chapter{chapter}"}
        return _store(corpus, entry_id, text.record.data, text.record.url,
                      source_url=api.session_laws_url(int(year)), fields=fields)
    if entry_id not in corpus.entries:
        number = text.name
        append_entry(manifest, {
            "id": entry_id, "kind": "bill", "jurisdiction": "us-ma", "session": court,
            "number": f"{number[0]}.{number[1:]}",
            "title": " ".join(str(record.get("Title") or "").split()) or number,
            "url": f"https://malegislature.gov/Bills/{court}/{number}"})
        corpus = Corpus.load(corpus.root)
    return fetch(corpus, entry_id, base, True, max_bytes, timeout, prefetched=(text.record, text.history))
