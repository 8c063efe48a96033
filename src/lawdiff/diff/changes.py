"""The change model: the one thing every redline renderer reads.

``compare(old, new)`` aligns the two trees (``align``), diffs the words of each
aligned pair (``tokens``) and returns a plain dict (JSON as is)::

    {"old": META, "new": META, "degraded": bool, "stats": {...}, "changes": [CHANGE, ...]}

One CHANGE per provision with content of its own (a number, heading or text),
in the new document's order; a deleted provision stands where it stood in the
old document (after the change of the provision that preceded it there).
``tokens`` reconstruct ``content(node)``: the heading and the own text joined
by one space; the number is in ``old.num``/``new.num``.  See README.md.
"""

from __future__ import annotations

import gc

from lawdiff.diff.align import align, content, has_content
from lawdiff.diff.citations import WordLines, own_lines, token_lines
from lawdiff.diff.tokens import DEFAULT_TIMEOUT, word_diff
from lawdiff.parse.provisions import find_provision
from lawdiff.parse.tree import Document, Node

KINDS = ("equal", "modify", "insert", "delete", "move", "renumber")
META_KEYS = ("id", "title", "number", "kind", "session", "date", "source", "sha256", "line_numbers")


def compare(old, new, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """Compare two ``Document``s, or two provisions given as ``(Document, eid)``.

    A ``Document`` may also be given as its dict (``Document.to_dict()``, the
    output of ``lawdiff parse --format json``).
    """
    # The model is many small acyclic lists; the cycle collector would walk the
    # whole heap again and again while they are made, for nothing to collect.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _compare(old, new, timeout)
    finally:
        if enabled:
            gc.enable()


def _compare(old, new, timeout: float) -> dict:
    old_doc, old_root, old_eid = _side(old)
    new_doc, new_root, new_eid = _side(new)
    skipped: list[str] = []
    if old_eid is None and new_eid is None:
        old_root, new_root, skipped = _shared_zones(old_root, new_root)
    alignment = align(old_root, new_root)
    back = alignment.back
    located = (WordLines(old_doc), WordLines(new_doc))
    changes_new: list[dict] = []
    for item in alignment.new:
        if not has_content(item.node):
            continue
        o = back.get(item.index)
        change = _change(alignment.old[o].node if o is not None else None, item.node,
                         item.index in alignment.moved, alignment.how.get(item.index), timeout, located)
        change["_new"] = item.index
        changes_new.append(change)
    changes = _place_deletions(alignment, changes_new, timeout, located)
    for c in changes:
        c.pop("_new", None)
    stats = {k: sum(1 for c in changes if c["kind"] == k) for k in KINDS}
    stats["renumbered"] = sum(1 for c in changes if c["renumbered"])
    stats["degraded"] = sum(1 for c in changes if c["degraded"])
    stats["words_deleted"] = sum(_words(c, "-") for c in changes)
    stats["words_inserted"] = sum(_words(c, "+") for c in changes)
    return {
        "old": _meta(old_doc, old_eid),
        "new": _meta(new_doc, new_eid),
        "degraded": stats["degraded"] > 0,
        "not_compared": skipped,
        "stats": stats,
        "changes": changes,
    }


def _side(side) -> tuple[Document, Node, str | None]:
    if isinstance(side, dict):  # a parsed document as JSON (lawdiff parse --format json)
        side = Document.from_dict(side)
    if isinstance(side, Document):
        return side, side.tree, None
    doc, eid = side
    if isinstance(doc, dict):
        doc = Document.from_dict(doc)
    node = find_provision(doc, eid) if eid else doc.tree
    return doc, node, eid


def _shared_zones(old: Node, new: Node) -> tuple[Node, Node, list[str]]:
    """Leave out a preface or preamble that only one side's source carries.  The legislature's
    API record holds the body alone: against the printed bill, its title and enacting clause
    are not deleted, they are not in that source."""
    zones = ("preface", "preamble")
    have_old = {c.type for c in old.children}
    have_new = {c.type for c in new.children}
    skipped = [z for z in zones if (z in have_old) != (z in have_new)]
    if not skipped:
        return old, new, []
    return without_zones(old, skipped), without_zones(new, skipped), skipped


def without_zones(root: Node, zones: list[str]) -> Node:
    """The document as compared: ``root`` less the top-level zones the model's ``not_compared`` names."""
    if not zones:
        return root
    return Node(root.type, root.eid, root.num, root.heading, root.text, root.lines, root.term,
                [c for c in root.children if c.type not in zones])


def _meta(doc: Document, eid: str | None) -> dict:
    meta = {k: doc.meta[k] for k in META_KEYS if k in doc.meta}
    meta["eid"] = eid
    return meta


def _ref(node: Node | None, located: WordLines) -> dict | None:
    if node is None:
        return None
    lines = own_lines(node)
    words = located.of(node)
    if lines and words and words[2]:
        # The tree knows where the next provision starts, not where these words end: in a
        # source with blank lines between paragraphs that is a blank line.
        lines = [lines[0], max(lines[0], words[2][-1])]
    return {"eid": node.eid, "num": node.num, "term": node.term, "lines": lines}


def _change(old: Node | None, new: Node | None, moved: bool, how: str | None, timeout: float,
            located: tuple[WordLines, WordLines]) -> dict:
    if old is None:
        tokens, degraded, kind = ([["+", content(new)]] if content(new) else []), False, "insert"
    elif new is None:
        tokens, degraded, kind = ([["-", content(old)]] if content(old) else []), False, "delete"
    else:
        diff = word_diff(content(old), content(new), timeout)
        tokens, degraded = diff.tokens, diff.degraded
        edited = content(old) != content(new)
        if moved:
            kind = "move"
        elif edited:
            kind = "modify"
        elif _renumbered(old, new, how):
            kind = "renumber"
        else:
            kind = "equal"
    return {
        "kind": kind,
        "old": _ref(old, located[0]),
        "new": _ref(new, located[1]),
        "tokens": tokens,
        "heading": [old.heading if old is not None else None, new.heading if new is not None else None],
        "degraded": degraded,
        "renumbered": old is not None and new is not None and _renumbered(old, new, how),
        "matched_by": how if old is not None and new is not None else None,
        "token_lines": token_lines(tokens, old, new, *located),
        "token_last_lines": token_lines(tokens, old, new, *located, last=True),
    }


def _renumbered(old: Node, new: Node, how: str | None) -> bool:
    # The roots are the two provisions the user chose to compare (EO 650 Section 5
    # against H.2288 Section 40): their numbers differ by choice, not by renumbering.
    return how != "root" and old.num != new.num


def _place_deletions(alignment, changes_new: list[dict], timeout: float, located) -> list[dict]:
    """Insert each deleted provision after the change of the old provision before it."""
    pairs, moved = alignment.pairs, alignment.moved
    after: dict[int | None, list[dict]] = {}
    anchor = None  # new index of the last old provision that kept its place
    for item in alignment.old:
        if item.index == 0 or not has_content(item.node):
            if item.index in pairs and pairs[item.index] not in moved:
                anchor = pairs[item.index]
            continue
        n = pairs.get(item.index)
        if n is None:
            after.setdefault(anchor, []).append(_change(item.node, None, False, None, timeout, located))
        elif n not in moved:
            anchor = n
    # An anchor without a change of its own (a container) is placed before the first change
    # that follows it in the new document: one merge of two sorted sequences.
    own = {c["_new"] for c in changes_new}
    orphans = sorted(k for k in after if k is not None and k not in own)
    out = list(after.get(None, []))
    q = 0
    for c in changes_new:
        while q < len(orphans) and orphans[q] < c["_new"]:
            out.extend(after[orphans[q]])
            q += 1
        out.append(c)
        out.extend(after.get(c["_new"], []))
    for k in orphans[q:]:
        out.extend(after[k])
    return out


def _words(change: dict, op: str) -> int:
    return sum(len(t.split()) for o, t in change["tokens"] if o == op)
