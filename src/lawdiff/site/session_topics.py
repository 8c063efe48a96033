"""The topics of ``topics.toml`` over every document of a corpus: a topic page lists each
document that treats the topic, with the provisions the matrix's locator finds in it.

Two halves, so the work per document stays pure and cached: ``located(doc, ...)`` runs in the
worker that renders the document's own page (its result travels in the page's cache entry,
so a rebuild locates nothing again); ``pages(...)`` gathers those results into
``topics/<topic>.html`` (and ``topics/<topic>-N.html`` past ``PAGE_SIZE`` documents), with
the curated instruments (``annotations.toml``) first.  Reads: the topics file, the parsed
documents, the annotations; writes: the topic pages.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lawdiff.parse.tree import Document

PAGE_SIZE = 100  # documents a topic page lists: at most about 260 KB of HTML
PROVISIONS_SHOWN = 5  # located provisions listed per document (the rest counted)
EXCERPT = 240  # characters of a provision's matched sentence

_topics: dict[str, dict] = {}  # per process: topics.toml by its hash, loaded once


def topics_key(root: Path | str) -> dict | None:
    """What a document's located provisions depend on besides its text: the topics file
    (its hash goes into each page's cache key); None without a topics file."""
    path = Path(root) / "topics.toml"
    if not path.exists():
        return None
    return {"root": str(root), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def _load(key: dict) -> dict:
    from lawdiff.matrix.topics import load_topics
    if key["sha256"] not in _topics:
        _topics.clear()
        _topics[key["sha256"]] = load_topics(key["root"])
    return _topics[key["sha256"]]


def located(doc: Document, key: dict) -> dict[str, list[dict]]:
    """{topic id: the provisions of ``doc`` that treat it, ranked as the matrix ranks them},
    each as {"eid", "citation", "role", "excerpt"}; topics the text never names are left out
    (one search of the whole text first: most documents of a session name no topic)."""
    from lawdiff.matrix.locate import SKIP_TYPES, locate
    whole = " ".join(" ".join(n.own_words()) for n in doc.tree.walk() if n.type not in SKIP_TYPES)
    out = {}
    for tid, topic in _load(key).items():
        if not topic.matches(whole):
            continue
        found = []
        for p in locate(doc, topic):
            sentence = next((s["text"] for s in p["passages"] if s["matched"]), p["text"] or "")
            found.append({"eid": p["eid"], "citation": p["citation"], "role": p["role"],
                          "excerpt": sentence if len(sentence) <= EXCERPT else sentence[:EXCERPT - 1] + "…"})
        if found:
            out[tid] = found
    return out


def page_name(tid: str, n: int) -> str:
    return f"{tid}.html" if n == 1 else f"{tid}-{n}.html"


def curated(root: Path | str, entries: dict) -> dict[tuple[str, str], dict]:
    """(topic, instrument) -> its annotation, for the instruments of this corpus."""
    from lawdiff.matrix.annotations import load_annotations
    from lawdiff.matrix.topics import load_topics
    if not (Path(root) / "annotations.toml").exists():
        return {}
    _, annotations = load_annotations(root, load_topics(root), entries)
    return {k: a for k, a in annotations.items() if k[1] in entries}


def pages(corpus, infos: dict[str, dict], *, has_matrices: bool = False) -> dict[str, str]:
    """Every topic page; ``infos``: corpus id -> the ``located`` result of its page."""
    from lawdiff.matrix.annotations import STATUSES
    from lawdiff.matrix.topics import load_topics
    from lawdiff.parse.provisions import instrument_name
    from lawdiff.render.page import render_page
    topics = load_topics(corpus.root)
    notes = curated(corpus.root, corpus.entries)
    out = {}
    for tid, topic in topics.items():
        picked = [{"id": i, "number": instrument_name(corpus.entries[i]), "summary": notes[(t, i)].get("summary", ""),
                   "status": STATUSES.get(notes[(t, i)]["status"], notes[(t, i)]["status"])}
                  for (t, i) in notes if t == tid]
        docs = []
        for id_, found in infos.items():
            if tid in found.get("topics", {}):
                provisions = found["topics"][tid]
                entry = corpus.entries[id_]
                docs.append({"id": id_, "number": instrument_name(entry), "title": entry.get("title", ""),
                             "provisions": provisions[:PROVISIONS_SHOWN], "more": len(provisions) - PROVISIONS_SHOWN,
                             "curated": STATUSES.get(notes[(tid, id_)]["status"]) if (tid, id_) in notes else None})
        # the documents that treat it most first: most rules, then most provisions, then the corpus order
        order = {i: k for k, i in enumerate(corpus.entries)}
        docs.sort(key=lambda d: (-sum(p["role"] == "rule" for p in infos[d["id"]]["topics"][tid]),
                                 -len(infos[d["id"]]["topics"][tid]), order[d["id"]]))
        count = max(1, -(-len(docs) // PAGE_SIZE))
        for n in range(1, count + 1):
            out[f"topics/{page_name(tid, n)}"] = render_page(
                "site/topic.html", root="../", topic=topic, curated=picked if n == 1 else [],
                docs=docs[(n - 1) * PAGE_SIZE:n * PAGE_SIZE], total=len(docs), page=n, first=(n - 1) * PAGE_SIZE + 1,
                pages=[(k, page_name(tid, k)) for k in range(1, count + 1)], has_matrices=has_matrices)
    return out
