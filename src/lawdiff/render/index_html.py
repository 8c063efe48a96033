"""The index page: instruments, their relations, the redlines and matrices."""

from __future__ import annotations

from lawdiff.load import history
from lawdiff.site.comparisons import Comparison, relation_words
from lawdiff.load.manifest import Corpus
from lawdiff.parse.provisions import instrument_name
from lawdiff.parse.tree import kind_label
from lawdiff.render.page import ref_label, render_page

RELATIONS = ("refiled_from", "version_of", "companion")
BACKWARD = {"refiled_from": "refiled as", "version_of": "has version"}


def _forward(relation: str, words: str) -> str:
    """What an instrument is to the one it names: "Senate companion of", "refiled from",
    "conference report on", "enacted from"."""
    return {"refiled as": "refiled from", "enacted as": "enacted from",
            "conference report": "conference report on"}.get(words, f"{words} of")


def _relations(corpus: Corpus) -> dict[str, list[tuple[str, str]]]:
    rel: dict[str, list[tuple[str, str]]] = {i: [] for i in corpus.entries}
    for entry in corpus.entries.values():
        for relation in RELATIONS:
            for other in entry.get(relation, []):
                words = relation_words(relation, corpus.entries[other], entry)
                rel[entry["id"]].append((_forward(relation, words), other))
                if relation in BACKWARD:
                    rel[other].append((BACKWARD[relation], entry["id"]))
    return rel


def render_index(corpus: Corpus, found: list[Comparison], infos: dict[str, dict], *,
                 search: bool = False, merge: list[str] | None = None, matrices: list[dict] | None = None,
                 citator: bool = False, documents: dict | None = None) -> str:
    """``documents``: the corpus is listed on pages of its own (``lawdiff.site.session_index``):
    {"total", "pages", "topics"}; the index links them instead of listing every entry."""
    relations = _relations(corpus) if documents is None else {}
    instruments = []
    for entry in (corpus.entries.values() if documents is None else ()):
        instruments.append({
            "id": entry["id"], "number": instrument_name(entry), "title": entry.get("title", ""),
            "kind": kind_label(entry.get("kind"), entry.get("kind", "")),
            "date": entry.get("date", ""), "status": entry.get("status", ""),
            "official": history.official_status(corpus, entry),
            "has_text": bool(entry.get("path")),
            "relations": [(verb, other, instrument_name(corpus.entries[other]), bool(corpus.entries[other].get("path")))
                          for verb, other in relations[entry["id"]]],
        })
    redlines = [{"slug": c.slug, "label": c.label, "relation": c.relation,
                 "old": c.old, "new": c.new,
                 "old_number": instrument_name(corpus.entries[c.old.id]),
                 "new_number": instrument_name(corpus.entries[c.new.id]),
                 "info": infos.get(f"redlines/{c.slug}.html", {})} for c in found]
    return render_page("site/index.html", root="", instruments=instruments, redlines=redlines,
                       matrices=matrices or [], search=search, citator=citator, documents=documents,
                       merge=merge or [], has_matrices=bool(matrices),
                       ref_label=lambda eid: ref_label({"eid": eid}))
