"""Two different instruments side by side: the provisions each has on one topic.

A word redline of EO 650 against H.2288 ("287" struck, "1357" inserted, EO 650
"amended") says nothing true: they are not versions of one text.  For a
``[[comparison]]`` of two unrelated instruments the site prints, instead, the
provisions the matrix puts in each instrument's cell for the topic both treat
(all of them, cited and located: EO 650 Sections 5 and 6 alike), in two
columns under neutral names, with the phrases both texts use (three words or
more) highlighted.  No counts, no "amended" or "struck": nothing here is an
edit of the other.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from lawdiff.errors import LawdiffError
from lawdiff.matrix.locate import citation
from lawdiff.parse.provisions import find_provision, instrument_label
from lawdiff.parse.tree import Document
from lawdiff.render.page import instrument_href, render_page

SHARED_WORDS = 3  # the shortest run of words two texts must share to be highlighted
_WORD = re.compile(r"\w[\w’'()-]*")


def different_instruments(corpus, c) -> bool:
    """A listed comparison of two instruments neither of which is a version of the other."""
    if c.relation != "listed" or c.old.id == c.new.id:
        return False
    a, b = corpus.entries[c.old.id], corpus.entries[c.new.id]
    related = ("version_of", "refiled_from", "companion")
    return not any(b["id"] in a.get(r, []) or a["id"] in b.get(r, []) for r in related)


def parallel_pages(corpus) -> list[dict]:
    """The site's side-by-side pages: [{"slug", "old", "new", "old_label", "new_label"}]."""
    from lawdiff.site.comparisons import comparisons
    return [{"slug": c.slug, "old": c.old.id, "new": c.new.id,
             "old_label": instrument_label(corpus.entries[c.old.id]), "new_label": instrument_label(corpus.entries[c.new.id])}
            for c in comparisons(corpus) if different_instruments(corpus, c)]


def topic_provisions(corpus, c, load) -> dict | None:
    """{"topic": label, "old": [eids], "new": [eids]}: the provisions of the first topic whose
    matrix cells for the two instruments both treat it and hold the compared provisions, each
    side all of its cell's provisions in the matrix's order (cited, then located); None when no
    topic does.  ``load(id)`` gives an instrument's parsed ``Document``."""
    from lawdiff.matrix.annotations import load_annotations
    from lawdiff.matrix.build import check_cites, primary, topic_cell
    from lawdiff.matrix.topics import load_topics

    try:
        topics = load_topics(corpus.root)
        ann_path, annotations = load_annotations(corpus.root, topics, corpus.entries)
    except LawdiffError:  # a corpus without a matrix: the compared provisions alone
        return None
    docs = {c.old.id: load(c.old.id), c.new.id: load(c.new.id)}
    check_cites(ann_path, annotations, docs)
    for tid, topic in topics.items():
        cells = [topic_cell(corpus.entries[side.id], topic, annotations.get((tid, side.id)), docs[side.id])
                 for side in (c.old, c.new)]
        if any(primary(cell) is None for cell in cells):  # silent, or nothing found: not on this topic
            continue
        old, new = ([p["eid"] for p in cell["provisions"]] for cell in cells)
        if (c.old.eid is None or c.old.eid in old) and (c.new.eid is None or c.new.eid in new):
            from lawdiff.matrix.annotations import POINTS
            # the matrix's word on each side, and the curated points on which they differ
            said = [{"status": cell["status_label"], "basis": cell["basis"], "summary": cell["summary"]} for cell in cells]
            points = [{"label": label, "old": _point(cells[0], key), "new": _point(cells[1], key)}
                      for key, label in POINTS.items() if any(key in cell.get("points", {}) for cell in cells)]
            return {"topic": topic.label, "old": old, "new": new, "cells": said, "points": points}
    return None


def _point(cell: dict, key: str) -> dict | None:
    point = cell.get("points", {}).get(key)
    return {"text": point["text"], "cites": [c["citation"] for c in point["cites"]]} if point else None


def render_parallel(old: Document, new: Document, eids: dict, *, label: str, root: str | None = "../",
                    has_matrices: bool = False) -> str:
    """The page: ``eids`` {"old": [...], "new": [...], "topic": label or None}."""
    sides = []
    for doc, key in ((old, "old"), (new, "new")):
        nodes = [find_provision(doc, e) for e in eids[key]] if eids[key] else [doc.tree]
        sides.append({"name": instrument_label(doc.meta), "doc": doc, "provisions": nodes})
    texts = [[_words(n) for n in side["provisions"]] for side in sides]
    shared = [_grams(sum(texts[1], [])), _grams(sum(texts[0], []))]  # each side's marks come from the other
    for k, side in enumerate(sides):
        side["items"] = [{
            "citation": citation(side["doc"], n, list(n.lines) if n.lines else None),
            "href": instrument_href(root, side["doc"].meta["id"], n.eid) if root is not None else None,
            "html": _marked(n, shared[k]),
        } for n in side["provisions"]]
    for side, said in zip(sides, eids.get("cells") or [None, None]):
        side["said"] = said
    return render_page("site/parallel.html", root=root, title=label, topic=eids.get("topic"), sides=sides,
                       points=eids.get("points") or [], has_matrices=has_matrices)


def _text(node) -> str:
    return " ".join(p for p in (node.num, node.heading, node.text) if p)


def _words(node) -> list[str]:
    return [m.group(0).lower() for m in _WORD.finditer(_text(node))]


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + SHARED_WORDS]) for i in range(len(words) - SHARED_WORDS + 1)}


def _marked(node, other: set[tuple[str, ...]]) -> Markup:
    """The provision's words, runs that the other side also has in <mark>."""
    text = _text(node)
    found = list(_WORD.finditer(text))
    words = [m.group(0).lower() for m in found]
    hit = [False] * len(found)
    for i in range(len(words) - SHARED_WORDS + 1):
        if tuple(words[i:i + SHARED_WORDS]) in other:
            for j in range(i, i + SHARED_WORDS):
                hit[j] = True
    out, at, i = Markup(""), 0, 0
    while i < len(found):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(found) and hit[j + 1]:
            j += 1
        start, end = found[i].start(), found[j].end()
        out += escape(text[at:start]) + Markup("<mark>") + escape(text[start:end]) + Markup("</mark>")
        at, i = end, j + 1
    return out + escape(text[at:])
