"""The provision matrix: how each instrument treats each topic, with citations.

``build_matrix`` joins three things: the topics (corpus/topics.toml), the
provisions the locator finds in every instrument whose text is in the corpus,
and the curated cells (corpus/annotations.toml).  Every eid an annotation cites
must exist in the parsed text, so a re-parse that renames or drops a provision
fails the build instead of leaving a cell pointing nowhere.
"""

from __future__ import annotations

from lawdiff.matrix.annotations import COMPUTED_STATUSES, DEFAULT_SOURCE, STATUSES, load_annotations
from lawdiff.diff.changes import compare
from lawdiff.load.documents import load_document
from lawdiff.errors import LawdiffError
from lawdiff.matrix.locate import instrument_label, locate, provision
from lawdiff.load.manifest import Corpus
from lawdiff.matrix.topics import load_topics


def status_label(status: str) -> str:
    return STATUSES.get(status) or COMPUTED_STATUSES[status]


def build_matrix(corpus: Corpus, topics: list[str] | None = None, instruments: list[str] | None = None,
                 load=None) -> dict:
    """The matrix as a JSON-ready dict; ``topics``/``instruments`` pick rows/columns (default: all, in file order).
    ``load(id)`` gives an instrument's ``Document`` (default: ``load_document``; the site passes
    the documents it has already parsed)."""
    load = load or (lambda iid: load_document(iid, corpus))
    all_topics = load_topics(corpus.root)
    ann_path, annotations = load_annotations(corpus.root, all_topics, corpus.entries)
    topic_ids = _pick(topics, all_topics, corpus.root / "topics.toml", "topic")
    instrument_ids = _pick(instruments, corpus.entries, corpus.root / "instruments.toml", "instrument")

    # the texts of the columns and of every annotated instrument (its citations are checked), no more:
    # a session's matrix of its curated instruments does not parse the other 7,800 texts
    wanted = set(instrument_ids) | {iid for _, iid in annotations}
    docs = {entry["id"]: load(entry["id"]) for entry in corpus.with_text() if entry["id"] in wanted}
    check_cites(ann_path, annotations, docs)  # every annotation, not only the requested ones

    from lawdiff.load.history import official_status

    officials = {iid: official_status(corpus, corpus.entries[iid]) for iid in instrument_ids}
    reached = {iid: statutes_reached(docs[iid]) for iid in instrument_ids if iid in docs}
    out_topics = []
    for tid in topic_ids:
        topic = all_topics[tid]
        cells = []
        for iid in instrument_ids:
            cell = topic_cell(corpus.entries[iid], topic, annotations.get((tid, iid)), docs.get(iid))
            if official := officials.get(iid):
                cell["official_status"] = official
            if reached.get(iid):
                cell["amends"] = reached[iid]  # the statutes the instrument's instructions reach (lawdiff.cite)
            cells.append(cell)
        out_topics.append({
            "id": tid,
            "label": topic.label,
            "description": topic.description,
            "patterns": [p.source for p in topic.patterns],
            "cells": cells,
            "comparisons": _comparisons(cells, docs),
        })
    family = families(corpus.entries)
    return {
        "instruments": [{**_instrument(corpus, corpus.entries[i]), "family": family[i]} for i in instrument_ids],
        "statuses": {**STATUSES, **COMPUTED_STATUSES},
        "topics": out_topics,
    }


FAMILY_RELATIONS = ("version_of", "companion", "refiled_from")


def families(entries: dict) -> dict[str, str]:
    """Instrument id -> its family: the first (in manifest order) of the instruments joined to
    it by the manifest's relations (versions, companions, refiles), however far."""
    parent = {i: i for i in entries}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = {i: k for k, i in enumerate(entries)}
    for entry in entries.values():
        for relation in FAMILY_RELATIONS:
            for other in entry.get(relation, []):
                if other in parent:
                    a, b = sorted((root(entry["id"]), root(other)), key=order.get)
                    parent[b] = a
    return {i: root(i) for i in entries}


def check_cites(ann_path, annotations: dict, docs: dict) -> None:
    """Every eid an annotation cites is in the parsed text of its instrument (among ``docs``):
    drift is an error, not a cell pointing nowhere."""
    for (tid, iid), ann in annotations.items():
        for eid in ann["cite"]:
            if iid in docs and docs[iid].tree.find(eid) is None:
                raise LawdiffError(ann_path, f"annotation {tid}/{iid} cites {eid}, which is not in the parsed text of {iid}")
        for key, point in ann.get("points", {}).items():
            for eid in point["cite"]:
                node = docs[iid].tree.find(eid) if iid in docs else None
                if iid in docs and node is None:
                    raise LawdiffError(ann_path, f"annotation {tid}/{iid} point {key} cites {eid}, which is not in the parsed text of {iid}")
                lines = point["lines"]
                if node is not None and lines and not (node.lines and node.lines[0] <= lines[0] and lines[1] <= node.lines[1]):
                    raise LawdiffError(ann_path, f"annotation {tid}/{iid} point {key}: lines {lines[0]}-{lines[1]} are not within {eid}")


def topic_cell(entry: dict, topic, ann: dict | None, doc) -> dict:
    """One cell: how the instrument of ``entry`` (its parsed text ``doc``, None where the corpus
    has none) treats ``topic``: the annotation ``ann``'s citations first, then what the locator found."""
    provisions = []
    if doc is not None:
        provisions = locate(doc, topic)
        if ann:
            provisions = _with_cited(provisions, ann["cite"], doc)
    cell = _cell(entry, ann, provisions)
    if cell["annotated"] and ann.get("points"):
        cell["points"] = {key: _point(point, doc) for key, point in ann["points"].items()}
    return cell


def _point(point: dict, doc) -> dict:
    """A memo point with its citations as a reader writes them: {"text", "cites": [{"eid",
    "citation", "anchor"}]}; ``anchor`` is the instrument page's #L<first line> where the point
    gives printed lines, else the provision's eid."""
    from lawdiff.matrix.locate import citation
    cites = []
    for eid in point["cite"]:
        node = doc.tree.find(eid)
        lines = point["lines"] or (list(node.lines) if node.lines else None)
        printed = doc.meta.get("line_numbers") == "printed"
        cites.append({"eid": eid, "citation": citation(doc, node, lines),
                      "anchor": f"L{point['lines'][0]}" if point["lines"] and printed else eid})
    return {"text": point["text"], "cites": cites}


# A cell whose status says the instrument does not treat the topic has nothing to compare.
NOT_COMPARED = {"silent", "no-match", "text-not-in-corpus"}


def primary(cell: dict) -> dict | None:
    """The provision that stands for a cell in a comparison: the first one cited, else the
    best-ranked rule; None when the instrument does not treat the topic."""
    if cell["status"] in NOT_COMPARED or not cell["provisions"]:
        return None
    rules = [p for p in cell["provisions"] if p.get("cited")] or [p for p in cell["provisions"] if p["role"] == "rule"]
    return rules[0] if rules else None


def _comparisons(cells: list[dict], docs: dict) -> list[dict]:
    """A redline (the change model of ``lawdiff.diff.changes.compare``) of each pair of cells'
    primary provisions, in column order: shared language stands out where two
    instruments borrow from each other."""
    sides = [(c, primary(c)) for c in cells]
    sides = [(c, p) for c, p in sides if p is not None]
    out = []
    for i, (a, pa) in enumerate(sides):
        for b, pb in sides[i + 1:]:
            model = compare((docs[a["instrument"]], pa["eid"]), (docs[b["instrument"]], pb["eid"]))
            out.append({
                "id": f"{a['instrument']}~{pa['eid']}--{b['instrument']}~{pb['eid']}",
                "old": {"instrument": a["instrument"], "label": a["label"], "eid": pa["eid"], "citation": pa["citation"]},
                "new": {"instrument": b["instrument"], "label": b["label"], "eid": pb["eid"], "citation": pb["citation"]},
                "shared_words": sum(len(t.split()) for c in model["changes"] for op, t in c["tokens"] if op == "="),
                "degraded": model["degraded"],
                "stats": model["stats"],
                "changes": model["changes"],
            })
    return out


def _pick(wanted: list[str] | None, known: dict, path, noun: str) -> list[str]:
    if not wanted:
        return list(known)
    if isinstance(wanted, str):
        wanted = [wanted]
    for w in wanted:
        if w not in known:
            raise LawdiffError(path, f"no {noun} {w!r} (known: {', '.join(known)})")
    return list(dict.fromkeys(wanted))


def _with_cited(provisions: list[dict], cite: list[str], doc) -> list[dict]:
    """Cited provisions first, in the annotation's order, then the rest as located."""
    by_eid = {p["eid"]: p for p in provisions}
    cited = []
    for eid in cite:
        p = by_eid.pop(eid, None) or provision(doc, doc.tree.find(eid))
        cited.append({**p, "cited": True})
    return cited + [{**p, "cited": False} for p in provisions if p["eid"] in by_eid]


def statutes_reached(doc) -> list[str]:
    """The laws ``doc``'s instructions reach, cited once each in order: ["G.L. c. 147 § 63", ...]."""
    from lawdiff.cite import instructions
    from lawdiff.cite.labels import cite

    out: list[str] = []
    for item in instructions(doc):
        if item["target"] is not None:
            name = cite(item["target"], item.get("inserts"))
            if name not in out:
                out.append(name)
    return out


def _instrument(corpus: Corpus, entry: dict) -> dict:
    from lawdiff.load.history import official_status

    return {
        "id": entry["id"],
        "label": instrument_label(entry),
        "title": entry.get("title"),
        "kind": entry.get("kind"),
        "date": str(entry["date"]) if entry.get("date") else None,
        "url": entry.get("url"),
        "status": entry.get("status"),
        "has_text": bool(entry.get("path")),
        # the latest action of the official history, when fetched; "status" is the hand-typed one
        **({"official_status": official} if (official := official_status(corpus, entry)) else {}),
    }


def _cell(entry: dict, ann: dict | None, provisions: list[dict]) -> dict:
    has_text = bool(entry.get("path"))
    if ann and has_text and ann["status"] == "text-not-in-corpus":
        ann = None  # written before the text was fetched: what it said no longer holds
    if ann:
        status, summary, basis, source = ann["status"], ann["summary"], ann["basis"], dict(ann["source"])
        source["name"] = source["name"] or DEFAULT_SOURCE[basis]
        if basis == "checked" and has_text and not source["url"]:
            # Checked against the text in the corpus: its official page is the source.
            source["url"] = entry.get("url")
    else:
        status = ("not-annotated" if provisions else "no-match") if has_text else "text-not-in-corpus"
        summary, basis = "", None
        source = {"url": entry.get("url"), "date": None, "name": None}
    provisions = [{**p, "cited": p.get("cited", False)} for p in provisions]
    return {
        "instrument": entry["id"],
        "label": instrument_label(entry),
        "status": status,
        "status_label": status_label(status),
        "basis": basis,
        "annotated": ann is not None,
        "summary": summary,
        "source": source,
        "has_text": has_text,
        "provisions": provisions,
    }
