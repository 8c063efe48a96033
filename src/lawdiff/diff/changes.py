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

from array import array
from dataclasses import replace

from lawdiff.diff.align import align, heaviest_chain, content, has_content
from lawdiff.diff.citations import WordLines, own_lines, token_lines_both
from lawdiff.diff.model import Change, ChangeKind, ChangeModel, Ref, Side, Stats, _words
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
        model, changes = _compare(old, new, timeout)
        out = model.to_dict()
        del model
        # Each change made and turned into its dict in turn: the typed changes are never all held
        # (issue 26: 30,000 sections, the typed model and the dicts side by side were compare's peak).
        out["changes"] = [c.to_dict() for c in changes]  # the key is there already, in its place (last)
        del changes
    give_back()  # the alignment is gone: the renderers build in its place
    return out


def compare_streamed(old, new, timeout: float = DEFAULT_TIMEOUT) -> dict:
    """``compare(old, new)`` for a renderer that reads the changes as it writes (``lawdiff diff``
    in every format: the JSON and the Markdown read them once, the page, the PDF and the Word
    redline through ``render.rereadable``, again and by index): the same dict, but its ``"changes"`` is a
    ``ChangeDicts``, which makes each change's dict anew every time it is read (no indexing of its
    own).  The changes are made then too (``Changes``): neither their dicts nor the typed changes are
    ever all held (issue 26: memory).  The dict holds the two documents' nodes and located words
    for as long as it is kept."""
    with _no_cycle_collector():
        model, changes = _compare(old, new, timeout)
    out = model.to_dict()
    out["changes"] = ChangeDicts(changes)  # the key is there already, in its place (last)
    give_back()  # the alignment is gone
    return out


class ChangeDicts:
    """The changes' dicts (``Change.to_dict()``), each made when an iteration reaches it; every
    iteration makes them anew.  ``json_list``: ``render.jsonout`` writes it as a JSON array;
    ``json_plain``: each dict holds strings, integers, booleans, None, lists and dicts only (no
    floats: ``Change.to_dict`` of the typed fields), which ``render.jsonout`` writes in C."""

    __slots__ = ("changes",)
    json_list = True
    json_plain = True

    def __init__(self, changes: Changes | tuple[Change, ...]):
        self.changes = changes

    def __iter__(self):
        # The cycle collector paused while they are made, as ``compare`` pauses it: a reader that keeps
        # them all (a list of them, as the Markdown once did) had it walk the documents and the dicts
        # made so far again and again, for nothing to collect (issue 26: 30,000 sections, 0.86 s for 10
        # times the sections that took 0.02 s; reference counting frees as usual).  Restored when the
        # iteration ends or is dropped.
        with _no_cycle_collector():
            for c in self.changes:
                yield c.to_dict()

    def __len__(self) -> int:
        return len(self.changes)


def compare_model(old, new, timeout: float = DEFAULT_TIMEOUT) -> ChangeModel:
    """``compare``, as the typed ``ChangeModel``."""
    with _no_cycle_collector():
        model, changes = _compare(old, new, timeout)
        return replace(model, changes=tuple(changes))


class _Sides:
    """What a change is made from once the alignment is gone: each side's nodes by item index, their
    places (``_places``), their located words, and the word diff's timeout."""

    __slots__ = ("nodes", "located", "places", "timeout")

    def __init__(self, nodes: tuple[list[Node], list[Node]], located: tuple[WordLines, WordLines],
                 places: tuple[Places, Places], timeout: float):
        self.nodes, self.located, self.places, self.timeout = nodes, located, places, timeout


# A change made only when it is read (``Changes``) is one integer, from its low bits: displaced, moved,
# the code of the pass that paired the two (``Changes.hows``), the new and the old item index (each plus
# one, 0 for none), then for the old and the new side the line of the first and of the last word of its
# content (each plus one, 0 where the side's words are not located): all a ``_change`` finds.
_DISPLACED, _MOVED, _HOW_SHIFT, _N_SHIFT, _O_SHIFT, _LINES_SHIFT = 1, 2, 2, 8, 40, 72
_MASK, _HOW_MASK = (1 << 32) - 1, (1 << 6) - 1


class Changes:
    """The model's changes in order, each a ``Change`` made as it is read (``made``; by index too).  A
    change with a word diff of its own to keep (a pair whose contents differ, a split or join) is made
    and held as built; any other (an unchanged, renumbered or moved provision, an insertion, a deletion:
    at 30,000 sections 39,000 of 42,600) is held as one integer, its words located once as it is built,
    and made from the nodes when it is read: the change ``_change`` makes.  The typed changes were
    42 MB at 30,000 sections, these 2 (issue 26: memory)."""

    __slots__ = ("entries", "sides", "hows", "codes")

    def __init__(self, sides: _Sides):
        self.entries: list[Change | int] = []
        self.sides = sides
        self.hows: list[str | None] = [None]  # code -> pass
        self.codes: dict[str | None, int] = {None: 0}

    def pending(self, o: int | None, n: int | None, moved: bool, how: str | None) -> Change | int:
        """The entry of the change of old item ``o`` and new item ``n`` (either None): the change
        itself where the two contents differ (its word diff is made now, once), else an integer."""
        sides = self.sides
        old = sides.nodes[0][o] if o is not None else None
        new = sides.nodes[1][n] if n is not None else None
        if old is not None and new is not None and content(old) != content(new):
            return _change(sides, o, n, moved, how)
        code = self.codes.get(how)
        if code is None:
            if len(self.hows) > _HOW_MASK:  # no room for another pass's code: held as made
                return _change(sides, o, n, moved, how)
            code = self.codes[how] = len(self.hows)
            self.hows.append(how)
        lines = 0
        for side, node in enumerate((old, new)):
            words = sides.located[side].lines(node) if node is not None else None
            if words:
                first, last = words[0], words[-1]
                if not (type(first) is int and type(last) is int and 0 <= first < _MASK and 0 <= last < _MASK):
                    return _change(sides, o, n, moved, how)  # no room for it here: held as made
                lines |= ((first + 1) << 32 | (last + 1)) << (64 * side)
        return (lines << _LINES_SHIFT | (0 if o is None else o + 1) << _O_SHIFT
                | (0 if n is None else n + 1) << _N_SHIFT | code << _HOW_SHIFT | (_MOVED if moved else 0))

    def unpack(self, e: int) -> tuple[int | None, int | None, bool, str | None, bool]:
        """(old item, new item, moved, the pass that paired them, displaced) of an integer entry."""
        o, n = ((e >> _O_SHIFT) & _MASK) - 1, ((e >> _N_SHIFT) & _MASK) - 1
        return (o if o >= 0 else None, n if n >= 0 else None, bool(e & _MOVED),
                self.hows[(e >> _HOW_SHIFT) & _HOW_MASK], bool(e & _DISPLACED))

    def made(self, e: Change | int) -> Change:
        """The change of an entry: as held, or made from an integer (``_change`` without its word diff,
        which is the whole content, nor locating the words again)."""
        if type(e) is not int:
            return e
        o, n, moved, how, displaced = self.unpack(e)
        sides = self.sides
        old = sides.nodes[0][o] if o is not None else None
        new = sides.nodes[1][n] if n is not None else None
        lines = e >> _LINES_SHIFT
        words = [None, None]  # each side's (first, last) word line, None where not located
        for side in (0, 1):
            first, last = ((lines >> (64 * side + 32)) & _MASK) - 1, ((lines >> (64 * side)) & _MASK) - 1
            if first >= 0:
                words[side] = (first, last)
        wo, wn = words
        if old is None:
            text, op = content(new), "+"
        elif new is None:
            text, op = content(old), "-"
        else:
            text, op = content(old), "="  # both contents the same (``pending``)
        kind = self._kind(o, n, moved, how)
        if text and (wo or wn):
            token_lines = ((wo[0] if wo else None, wn[0] if wn else None),)
            token_last_lines = ((wo[1] if wo else None, wn[1] if wn else None),)
        else:  # no token, or neither side located
            token_lines = token_last_lines = None
        both = old is not None and new is not None
        return Change(
            kind=kind,
            old=_ref_at(o, 0, sides, wo[1] if wo else None),
            new=_ref_at(n, 1, sides, wn[1] if wn else None),
            tokens=((op, text),) if text else (),
            heading=(old.heading if old is not None else None, new.heading if new is not None else None),
            degraded=False,
            renumbered=both and _renumbered(old, new, how),
            matched_by=how if both else None,
            token_lines=token_lines,
            token_last_lines=token_last_lines,
            displaced=displaced,
        )

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self.made(e) for e in self.entries[k]]
        return self.made(self.entries[k])

    def __iter__(self):
        made = self.made
        for e in self.entries:
            yield made(e)

    def __len__(self) -> int:
        return len(self.entries)

    def kind(self, k: int) -> ChangeKind:
        """``self[k].kind``, without making a change held as an integer."""
        e = self.entries[k]
        if type(e) is not int:
            return e.kind
        o, n, moved, how, _ = self.unpack(e)
        return self._kind(o, n, moved, how)

    def _kind(self, o: int | None, n: int | None, moved: bool, how: str | None) -> ChangeKind:
        """The kind of an integer entry's change (its two contents are equal: ``pending``)."""
        if n is None:
            return ChangeKind.DELETE
        if o is None:
            return ChangeKind.INSERT
        if moved:
            return ChangeKind.MOVE
        return ChangeKind.RENUMBER if _renumbered(self.sides.nodes[0][o], self.sides.nodes[1][n], how) \
            else ChangeKind.EQUAL

    def old_order(self, k: int) -> int | None:
        """``self[k].old.order`` (None where there is no old side; -1 where its old side has no
        order, a whole document's root), without making a change held as an integer."""
        e = self.entries[k]
        if type(e) is not int:
            return None if e.old is None else -1 if e.old.order is None else e.old.order
        o = ((e >> _O_SHIFT) & _MASK) - 1
        if o < 0:
            return None
        return self.sides.places[0][0][o]  # -1 where it has none, as asked

    def stats(self) -> Stats:
        """``Stats.of`` the changes, without making those held as integers: their kind, number and
        words are the nodes' (an integer's pair has equal contents: no word is struck or inserted)."""
        kinds = {k: 0 for k in ChangeKind}
        renumbered = degraded = deleted = inserted = 0
        old_nodes, new_nodes = self.sides.nodes
        for e in self.entries:
            if type(e) is not int:
                kinds[e.kind] += 1
                renumbered += e.renumbered
                degraded += e.degraded
                deleted += _words(e, "-")
                inserted += _words(e, "+")
                continue
            o, n, moved, how, _ = self.unpack(e)
            if n is None:
                kinds[ChangeKind.DELETE] += 1
                deleted += len(content(old_nodes[o]).split())
            elif o is None:
                kinds[ChangeKind.INSERT] += 1
                inserted += len(content(new_nodes[n]).split())
            else:
                again = _renumbered(old_nodes[o], new_nodes[n], how)
                renumbered += again
                kinds[ChangeKind.MOVE if moved else ChangeKind.RENUMBER if again else ChangeKind.EQUAL] += 1
        return Stats(*(kinds[k] for k in ChangeKind), renumbered=renumbered, degraded=degraded,
                     words_deleted=deleted, words_inserted=inserted)


def _compare(old, new, timeout: float) -> tuple[ChangeModel, Changes]:
    """The model without its changes (``changes`` empty, ``stats`` counted), and its changes."""
    old_doc, old_root, old_eid = _side(old)
    new_doc, new_root, new_eid = _side(new)
    skipped: list[str] = []
    if old_eid is None and new_eid is None:
        old_root, new_root, skipped = _shared_zones(old_root, new_root)
    alignment = align(old_root, new_root)
    try:
        back = alignment.back
        sides = _Sides(([it.node for it in alignment.old], [it.node for it in alignment.new]),
                       (WordLines(old_doc, keep=64), WordLines(new_doc, keep=64)),  # each change asks for its nodes only
                       (_places(alignment.old), _places(alignment.new)), timeout)
        groups = find_groups(alignment, timeout)
    finally:
        # the passes are over: only nodes and pairs are read from here on; and each item's link to its list (a
        # reference cycle) is broken even when the search for splits fails, as the collector is paused here
        alignment.drop_words()
    give_back()  # the changes are built in what the alignment freed, not above it
    changes = Changes(sides)
    placed = {g.news[0]: g for g in groups}  # a split or join stands where its first new provision does
    hidden_new = {n for g in groups for n in g.news[1:]}
    hidden_old = {o for g in groups for o in g.olds if o != g.pair[0]}  # a join's unpaired parts
    old_nodes, new_nodes = sides.nodes
    changes_new: list[tuple[int, Change | int]] = []  # (new index, its change's entry)
    for n, node in enumerate(new_nodes):
        if not has_content(node) or n in hidden_new:
            continue
        if n in placed:
            changes_new.append((n, _group_change(placed[n], alignment, sides)))
            continue
        o = back.get(n)
        if o and not has_content(old_nodes[o]):
            # Paired with a container that has no words (the mirror of the deletion in
            # ``_place_deletions``): every word is inserted.  Not the roots: a whole document
            # against one provision is the comparison asked for, a change of the document.
            o = None
        changes_new.append((n, changes.pending(o, n, o is not None and n in alignment.moved,
                                               alignment.how.get(n) if o is not None else None)))
    del back
    entries = _displaced(_place_deletions(alignment, changes_new, changes, hidden_old), changes)
    del changes_new
    if groups:
        entries = _undo_displaced_groups(entries, groups, alignment, changes)
    changes.entries = entries
    model = ChangeModel(Side.from_meta(old_doc.meta, old_eid), Side.from_meta(new_doc.meta, new_eid),
                        tuple(skipped), (), changes.stats())
    return model, changes


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


Places = tuple[array, array]


def _places(items) -> Places:
    """The order and the depth of each item, by its index (``Ref.order``, ``Ref.depth``); the
    order counts provisions with words only (-1, None in the ``Ref``, for a node without: a whole
    document's root paired with the one provision the other side names).  Two arrays, not a pair for
    each node in a dict by its id (15 MB at 30,000 sections), nor two lists of integer objects, held
    while the changes are made as they are read (7 MB; issue 26: memory)."""
    orders = array("l")
    depths = array("l")
    order = 0
    for item in items:  # document order: a parent before its children
        if item.parent is None:
            depths.append(0)
        else:
            parent = items[item.parent]
            counts = parent.parent is not None and has_content(parent.node)  # the root does not count
            depths.append(depths[item.parent] + counts)
        orders.append(order if has_content(item.node) else -1)
        order += has_content(item.node)
    return orders, depths


def _ref(i: int | None, side: int, sides: _Sides) -> Ref | None:
    """The ``Ref`` of item ``i`` of a side (0 old, 1 new), or None."""
    if i is None:
        return None
    words = sides.located[side].lines(sides.nodes[side][i])
    return _ref_at(i, side, sides, words[-1] if words else None)


def _ref_at(i: int | None, side: int, sides: _Sides, last_word: int | None) -> Ref | None:
    """``_ref``, given the line of the last word of the node's content (None where not located)."""
    if i is None:
        return None
    node = sides.nodes[side][i]
    lines = own_lines(node)
    if lines and last_word is not None:
        # The tree knows where the next provision starts, not where these words end: in a
        # source with blank lines between paragraphs that is a blank line.
        lines = [lines[0], max(lines[0], last_word)]
    orders, depths = sides.places[side]
    order = orders[i]
    return Ref(node.eid, node.num, node.term, tuple(lines) if lines else None, node.type,
               order if order >= 0 else None, depths[i])


def _change(sides: _Sides, o: int | None, n: int | None, moved: bool, how: str | None,
            displaced: bool = False) -> Change:
    """The change of old item ``o`` and new item ``n`` (either None); ``displaced`` is known once
    every change has its place (``_displaced``)."""
    old = sides.nodes[0][o] if o is not None else None
    new = sides.nodes[1][n] if n is not None else None
    if old is None:
        tokens, degraded, kind = ([["+", content(new)]] if content(new) else []), False, ChangeKind.INSERT
    elif new is None:
        tokens, degraded, kind = ([["-", content(old)]] if content(old) else []), False, ChangeKind.DELETE
    else:
        diff = word_diff(content(old), content(new), sides.timeout)
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
    firsts, lasts = token_lines_both(tokens, old, new, *sides.located)
    return Change(
        kind=kind,
        old=_ref(o, 0, sides),
        new=_ref(n, 1, sides),
        tokens=tuple((op, text) for op, text in tokens),
        heading=(old.heading if old is not None else None, new.heading if new is not None else None),
        degraded=degraded,
        renumbered=both and _renumbered(old, new, how),
        matched_by=how if both else None,
        token_lines=_tupled(firsts),
        token_last_lines=_tupled(lasts),
        displaced=displaced,
    )


def _group_change(g: Group, alignment, sides: _Sides) -> Change:
    """One change for a whole split or join: the first provision of each side in ``old`` and
    ``new``, the parted side's further ones in ``parts``."""
    olds = [sides.nodes[0][i] for i in g.olds]
    news = [sides.nodes[1][i] for i in g.news]
    split = g.kind == "split"
    how = alignment.how.get(g.pair[1])
    rest = g.news[1:] if split else g.olds[1:]
    parted = (olds[0], news) if split else (olds, news[0])  # the parted side as the list of its parts
    firsts, lasts = token_lines_both(g.tokens, *parted, *sides.located)
    return Change(
        kind=ChangeKind.SPLIT if split else ChangeKind.JOIN,
        old=_ref(g.olds[0], 0, sides),
        new=_ref(g.news[0], 1, sides),
        tokens=tuple(g.tokens),
        heading=(olds[0].heading, news[0].heading),
        degraded=False,
        renumbered=_renumbered(olds[0], news[0], how),
        matched_by=how,
        token_lines=_tupled(firsts),
        token_last_lines=_tupled(lasts),
        displaced=False,
        parts=tuple(_ref(i, 1 if split else 0, sides) for i in rest),
        breaks=tuple(g.breaks),
    )


def _undo_displaced_groups(entries: list, groups: list[Group], alignment, changes: Changes) -> list:
    """A split or join whose pair the new order displaced is shown as the aligner paired it
    (the pair, displaced; the further parts inserted or deleted beside it): a renderer that
    shows one text, as Word does, shows a displaced pair at both its places, and a split
    cannot stand at two."""
    orders = (changes.sides.places[0][0], changes.sides.places[1][0])
    by_order = {(orders[0][g.olds[0]], orders[1][g.news[0]]): g for g in groups}
    out: list = []
    for c in entries:
        if type(c) is int or c.kind not in (ChangeKind.SPLIT, ChangeKind.JOIN) or not c.displaced:
            out.append(c)
            continue
        g = by_order[c.old.order, c.new.order]
        po, pn = g.pair
        pair = _change(changes.sides, po, pn, False, alignment.how.get(pn), displaced=True)
        if g.kind == "split":
            out.extend(pair if n == pn else changes.pending(None, n, False, None) for n in g.news)
        else:
            out.extend(pair if o == po else changes.pending(o, None, False, None) for o in g.olds)
    return out


def _tupled(lines):
    return tuple(tuple(pair) for pair in lines) if lines is not None else None


def _displaced(entries: list, changes: Changes) -> list:
    """Mark the pairs (moves aside) whose old places do not follow the new order: all but
    one longest run of them kept in order (``Change.displaced``).  An entry held as an integer
    (``Changes``) is a pair unless a side is missing, a move if it says so."""
    orders = changes.sides.places[0][0]
    pairs: list[int] = []
    olds: list[int] = []
    for k, c in enumerate(entries):
        if type(c) is int:
            o, n, moved, _, _ = changes.unpack(c)
            if o is not None and n is not None and not moved:
                pairs.append(k)
                olds.append(orders[o])
        elif c.old is not None and c.new is not None and c.kind != ChangeKind.MOVE:
            pairs.append(k)
            olds.append(c.old.order)
    kept = bytearray(len(pairs))  # a byte for each pair, not a set of their places (issue 26: memory)
    for i in heaviest_chain(olds):
        kept[i] = 1
    del olds
    out = list(entries)
    for i, k in enumerate(pairs):
        if not kept[i]:
            c = entries[k]
            out[k] = c | _DISPLACED if type(c) is int else replace(c, displaced=True)
    return out


def _renumbered(old: Node, new: Node, how: str | None) -> bool:
    # The roots are the two provisions the user chose to compare (EO 650 Section 5
    # against H.2288 Section 40): their numbers differ by choice, not by renumbering.
    return how != "root" and old.num != new.num


def _place_deletions(alignment, changes_new: list[tuple[int, Change | int]], changes: Changes,
                     hidden: set[int]) -> list[Change | int]:
    """Insert each deleted provision after the change of the old provision before it (``hidden``:
    the unpaired old provisions a join holds, which have no change of their own)."""
    pairs, moved = alignment.pairs, alignment.moved
    after: dict[int | None, list[Change | int]] = {}
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
            after.setdefault(anchor, []).append(changes.pending(item.index, None, False, None))
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
