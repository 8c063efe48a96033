"""The change model: the one thing every redline renderer reads.

``compare(old, new)`` aligns the two trees (``align``), diffs the words of each
aligned pair (``tokens``) and builds a ``model.ChangeModel``; ``compare`` returns
its dict (JSON as is, ``model.ChangeModel.to_dict``)::

    {"schema": ..., "old": META, "new": META, "degraded": bool, "not_compared": [...],
     "stats": {...}, "changes": [CHANGE, ...]}

One CHANGE per provision with content of its own (a number, heading or text),
in the new document's order; a deleted provision stands where it stood in the
old document (after the change of the provision that preceded it there).
``tokens`` reconstruct ``content(node)``: the heading and the own text joined
by one space; the number is in ``old.num``/``new.num``.  A split or join
(``splits``) is one change for all its provisions: its further ones are in
``parts``, and have no change of their own.  See model.py and README.md.
"""

from __future__ import annotations

from dataclasses import replace

from lawdiff.diff.align import Item, align, heaviest_chain, content, has_content
from lawdiff.diff.citations import WordLines, own_lines, token_lines_both
from lawdiff.diff.model import Change, ChangeKind, ChangeModel, Ref, Side, Stats
from lawdiff.diff.splits import Group, find_groups
from lawdiff.diff.tokens import DEFAULT_TIMEOUT, word_diff
from lawdiff.gcpause import no_cycle_collector as _no_cycle_collector
from lawdiff.memtrim import give_back
from lawdiff.parse.provisions import find_provision
from lawdiff.parse.tree import Document, Node


def compare(old, new, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """Compare two ``Document``s, or two provisions given as ``(Document, eid)``: the
    change model as a dict (``compare_model(...).to_dict()``, the JSON as is).

    A ``Document`` may also be given as its dict (``Document.to_dict()``, the
    output of ``lawdiff parse --format json``).
    """
    with _no_cycle_collector():
        typed = compare_model(old, new, timeout)
        # ``typed.to_dict()``, each change let go once it is a dict: the typed model and the whole
        # dict side by side were compare's peak (issue 26: 30,000 sections, 34 MB over the model).
        changes = list(typed.changes)
        model = replace(typed, changes=()).to_dict()
        del typed
        out = []
        for k in range(len(changes)):
            out.append(changes[k].to_dict())
            changes[k] = None
        model["changes"] = out  # the key is there already, in its place (last)
    give_back()  # the typed model and the alignment are gone: the renderers build in their place
    return model


def compare_streamed(old, new, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """``compare(old, new)`` for writing out once (``lawdiff diff --format json``): the same dict,
    but its ``"changes"`` is a ``ChangeDicts``, which makes each change's dict as it is read.  The
    whole dict of the changes is never held: at 30,000 sections it was 83 MB against the typed
    changes' 45 (issue 26: memory).  ``render.jsonout`` writes it as it writes a list."""
    typed = compare_model(old, new, timeout)
    model = replace(typed, changes=()).to_dict()
    model["changes"] = ChangeDicts(typed.changes)  # the key is there already, in its place (last)
    give_back()  # the alignment is gone
    return model


class ChangeDicts:
    """The changes' dicts (``Change.to_dict()``), each made when an iteration reaches it; every
    iteration makes them anew.  ``json_list``: ``render.jsonout`` writes it as a JSON array;
    ``json_plain``: each dict holds strings, integers, booleans, None, lists and dicts only (no
    floats: ``Change.to_dict`` of the typed fields), which ``render.jsonout`` writes in C."""

    __slots__ = ("changes",)
    json_list = True
    json_plain = True

    def __init__(self, changes: tuple[Change, ...]):
        self.changes = changes

    def __iter__(self):
        # The cycle collector paused while they are made, as ``compare`` pauses it: a reader that keeps
        # them all (a list of them, for Markdown) had it walk the documents and the dicts made so far
        # again and again, for nothing to collect (issue 26: 30,000 sections, 0.86 s for 10 times the
        # sections that took 0.02 s; reference counting frees as usual).  Restored when the iteration
        # ends or is dropped.
        with _no_cycle_collector():
            for c in self.changes:
                yield c.to_dict()

    def __len__(self) -> int:
        return len(self.changes)


def compare_model(old, new, timeout: float = DEFAULT_TIMEOUT) -> ChangeModel:
    """``compare``, as the typed ``ChangeModel``."""
    with _no_cycle_collector():
        return _compare(old, new, timeout)


def _compare(old, new, timeout: float) -> ChangeModel:
    old_doc, old_root, old_eid = _side(old)
    new_doc, new_root, new_eid = _side(new)
    skipped: list[str] = []
    if old_eid is None and new_eid is None:
        old_root, new_root, skipped = _shared_zones(old_root, new_root)
    alignment = align(old_root, new_root)
    try:
        back = alignment.back
        located = (WordLines(old_doc, keep=64), WordLines(new_doc, keep=64))  # each change asks for its nodes only
        places = (_places(alignment.old), _places(alignment.new))
        groups = find_groups(alignment, timeout)
    finally:
        # the passes are over: only nodes and pairs are read from here on; and each item's link to its list (a
        # reference cycle) is broken even when the search for splits fails, as the collector is paused here
        alignment.drop_words()
    give_back()  # the changes are built in what the alignment freed, not above it
    placed = {g.news[0]: g for g in groups}  # a split or join stands where its first new provision does
    hidden_new = {n for g in groups for n in g.news[1:]}
    hidden_old = {o for g in groups for o in g.olds if o != g.pair[0]}  # a join's unpaired parts
    changes_new: list[tuple[int, Change]] = []  # (new index, its change)
    for item in alignment.new:
        if not has_content(item.node) or item.index in hidden_new:
            continue
        if item.index in placed:
            changes_new.append((item.index, _group_change(placed[item.index], alignment, located, places)))
            continue
        o = back.get(item.index)
        if o and not has_content(alignment.old[o].node):
            # Paired with a container that has no words (the mirror of the deletion in
            # ``_place_deletions``): every word is inserted.  Not the roots: a whole document
            # against one provision is the comparison asked for, a change of the document.
            o = None
        change = _change(alignment.old[o] if o is not None else None, item,
                         o is not None and item.index in alignment.moved,
                         alignment.how.get(item.index) if o is not None else None, timeout, located, places)
        changes_new.append((item.index, change))
    changes = _displaced(_place_deletions(alignment, changes_new, timeout, located, places, hidden_old))
    if groups:
        changes = _undo_displaced_groups(changes, groups, alignment, timeout, located, places)
    return ChangeModel(Side.from_meta(old_doc.meta, old_eid), Side.from_meta(new_doc.meta, new_eid),
                       tuple(skipped), tuple(changes), Stats.of(changes))


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


Places = tuple[list[int | None], list[int]]


def _places(items) -> Places:
    """The order and the depth of each item, by its index (``Ref.order``, ``Ref.depth``); the
    order counts provisions with words only (None for a node without: a whole document's root
    paired with the one provision the other side names).  Two lists, not a pair for each node
    in a dict by its id: that was 15 MB at 30,000 sections (issue 26: memory)."""
    orders: list[int | None] = []
    depths: list[int] = []
    order = 0
    for item in items:  # document order: a parent before its children
        if item.parent is None:
            depths.append(0)
        else:
            parent = items[item.parent]
            counts = parent.parent is not None and has_content(parent.node)  # the root does not count
            depths.append(depths[item.parent] + counts)
        orders.append(order if has_content(item.node) else None)
        order += has_content(item.node)
    return orders, depths


def _ref(item: Item | None, located: WordLines, places: Places) -> Ref | None:
    if item is None:
        return None
    node = item.node
    lines = own_lines(node)
    words = located.lines(node)
    if lines and words:
        # The tree knows where the next provision starts, not where these words end: in a
        # source with blank lines between paragraphs that is a blank line.
        lines = [lines[0], max(lines[0], words[-1])]
    order, depth = places[0][item.index], places[1][item.index]
    return Ref(node.eid, node.num, node.term, tuple(lines) if lines else None, node.type, order, depth)


def _change(old_item: Item | None, new_item: Item | None, moved: bool, how: str | None, timeout: float,
            located: tuple[WordLines, WordLines], places: tuple[Places, Places]) -> Change:
    old = old_item.node if old_item is not None else None
    new = new_item.node if new_item is not None else None
    if old is None:
        tokens, degraded, kind = ([["+", content(new)]] if content(new) else []), False, ChangeKind.INSERT
    elif new is None:
        tokens, degraded, kind = ([["-", content(old)]] if content(old) else []), False, ChangeKind.DELETE
    else:
        diff = word_diff(content(old), content(new), timeout)
        tokens, degraded = diff.tokens, diff.degraded
        edited = content(old) != content(new)
        if moved:
            kind = ChangeKind.MOVE
        elif edited:
            kind = ChangeKind.MODIFY
        elif _renumbered(old, new, how):
            kind = ChangeKind.RENUMBER
        else:
            kind = ChangeKind.EQUAL
    both = old is not None and new is not None
    firsts, lasts = token_lines_both(tokens, old, new, *located)
    return Change(
        kind=kind,
        old=_ref(old_item, located[0], places[0]),
        new=_ref(new_item, located[1], places[1]),
        tokens=tuple((op, text) for op, text in tokens),
        heading=(old.heading if old is not None else None, new.heading if new is not None else None),
        degraded=degraded,
        renumbered=both and _renumbered(old, new, how),
        matched_by=how if both else None,
        token_lines=_tupled(firsts),
        token_last_lines=_tupled(lasts),
        displaced=False,  # known once every change has its place (_displaced)
    )


def _group_change(g: Group, alignment, located: tuple[WordLines, WordLines], places) -> Change:
    """One change for a whole split or join: the first provision of each side in ``old`` and
    ``new``, the parted side's further ones in ``parts``."""
    old_items = [alignment.old[i] for i in g.olds]
    new_items = [alignment.new[i] for i in g.news]
    olds = [it.node for it in old_items]
    news = [it.node for it in new_items]
    split = g.kind == "split"
    how = alignment.how.get(g.pair[1])
    rest = new_items[1:] if split else old_items[1:]
    sides = (olds[0], news) if split else (olds, news[0])  # the parted side as the list of its parts
    firsts, lasts = token_lines_both(g.tokens, *sides, *located)
    return Change(
        kind=ChangeKind.SPLIT if split else ChangeKind.JOIN,
        old=_ref(old_items[0], located[0], places[0]),
        new=_ref(new_items[0], located[1], places[1]),
        tokens=tuple(g.tokens),
        heading=(olds[0].heading, news[0].heading),
        degraded=False,
        renumbered=_renumbered(olds[0], news[0], how),
        matched_by=how,
        token_lines=_tupled(firsts),
        token_last_lines=_tupled(lasts),
        displaced=False,
        parts=tuple(_ref(it, located[1 if split else 0], places[1 if split else 0]) for it in rest),
        breaks=tuple(g.breaks),
    )


def _undo_displaced_groups(changes: list[Change], groups: list[Group], alignment, timeout: float, located,
                           places) -> list[Change]:
    """A split or join whose pair the new order displaced is shown as the aligner paired it
    (the pair, displaced; the further parts inserted or deleted beside it): a renderer that
    shows one text, as Word does, shows a displaced pair at both its places, and a split
    cannot stand at two."""
    by_order = {(places[0][0][g.olds[0]], places[1][0][g.news[0]]): g for g in groups}
    def alone(old, new):
        return _change(old, new, False, None, timeout, located, places)

    out: list[Change] = []
    for c in changes:
        if c.kind not in (ChangeKind.SPLIT, ChangeKind.JOIN) or not c.displaced:
            out.append(c)
            continue
        g = by_order[c.old.order, c.new.order]
        po, pn = g.pair
        pair = replace(_change(alignment.old[po], alignment.new[pn], False, alignment.how.get(pn), timeout,
                               located, places), displaced=True)
        if g.kind == "split":
            out.extend(pair if n == pn else alone(None, alignment.new[n]) for n in g.news)
        else:
            out.extend(pair if o == po else alone(alignment.old[o], None) for o in g.olds)
    return out


def _tupled(lines):
    return tuple(tuple(pair) for pair in lines) if lines is not None else None


def _displaced(changes: list[Change]) -> list[Change]:
    """Mark the pairs (moves aside) whose old places do not follow the new order: all but
    one longest run of them kept in order (``Change.displaced``)."""
    pairs = [k for k, c in enumerate(changes) if c.old is not None and c.new is not None
             and c.kind != ChangeKind.MOVE]
    kept = bytearray(len(pairs))  # a byte for each pair, not a set of their places (issue 26: memory)
    for i in heaviest_chain([changes[k].old.order for k in pairs]):
        kept[i] = 1
    out = list(changes)
    for i, k in enumerate(pairs):
        if not kept[i]:
            out[k] = replace(changes[k], displaced=True)
    return out


def _renumbered(old: Node, new: Node, how: str | None) -> bool:
    # The roots are the two provisions the user chose to compare (EO 650 Section 5
    # against H.2288 Section 40): their numbers differ by choice, not by renumbering.
    return how != "root" and old.num != new.num


def _place_deletions(alignment, changes_new: list[tuple[int, Change]], timeout: float, located,
                     places, hidden: set[int]) -> list[Change]:
    """Insert each deleted provision after the change of the old provision before it (``hidden``:
    the unpaired old provisions a join holds, which have no change of their own)."""
    pairs, moved = alignment.pairs, alignment.moved
    after: dict[int | None, list[Change]] = {}
    anchor = None  # new index of the last old provision that kept its place
    for item in alignment.old:
        if item.index == 0 or not has_content(item.node):
            if item.index in pairs and pairs[item.index] not in moved:
                anchor = pairs[item.index]
            continue
        n = pairs.get(item.index)
        if n is None and item.index in hidden:
            continue
        if n is None or not has_content(alignment.new[n].node):
            # Unpaired, or paired with a container that has no words of its own (a quotation
            # the other version opens with a section where this one runs the section's words
            # into it, S.160 -> S.2673): its words are struck here, never left out.
            after.setdefault(anchor, []).append(_change(item, None, False, None, timeout, located, places))
        if n is not None and n not in moved:
            anchor = n
    # An anchor without a change of its own (a container) is placed before the first change
    # that follows it in the new document: one merge of two sorted sequences.
    own = {n for n, _ in changes_new}
    orphans = sorted(k for k in after if k is not None and k not in own)
    out = list(after.get(None, []))
    q = 0
    for n, c in changes_new:
        while q < len(orphans) and orphans[q] < n:
            out.extend(after[orphans[q]])
            q += 1
        out.append(c)
        out.extend(after.get(n, []))
    for k in orphans[q:]:
        out.extend(after[k])
    return out
