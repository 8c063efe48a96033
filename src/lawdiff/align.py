"""Align two provision trees before any text is compared.

Passes, in order, each only over what earlier passes left unpaired:

1. ``text``: the same normalised own text (heading and text), unique on both
   sides and long enough to be a real identifier (a bare heading is not).
2. ``number``: inside a pair of aligned parents, children with the same type,
   number and heading (a definition's term counts as its number), unique among
   their siblings; and a container without words, the only one of its type.  A bare number (no heading, no term: a bill's SECTION 4)
   says little once sections are renumbered, so the pair must also share some
   words, and no sibling within ``WINDOW`` places may resemble either node
   better by ``MARGIN``: a new SECTION 3 must not take the place of an edited
   old SECTION 3 that it pushed down to SECTION 4.
3. ``similar``: same type, word similarity at least ``SIMILAR`` and ahead of the
   runner-up (for both nodes) by ``MARGIN``.
4. ``position``: inside aligned parents, the unpaired children between the
   same two aligned neighbours, when both sides hold the same number of them
   with the same types, and they share some words or the same number and term
   (a provision rewritten in place).

Passes 2 to 4 repeat until nothing changes, since each new pair of parents lets
their children be paired.  The roots are always paired (for a provision pair,
the two provisions the user chose).

A pair is *moved* when its parents are not paired with each other, or when,
among the children of paired parents, it falls outside the longest run kept in
order.  Only pairs whose words say they are the same provision can be moved
(found by ``text``, or similar by at least ``SIMILAR``): a number or a position
says nothing about a provision's identity across places.  The longest
run is weighted by text length, so of two swapped provisions the shorter one is
the one reported as moved.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from .tree import Node

MIN_TEXT_WORDS = 6  # pass 1: shorter texts ("Definitions") are not identifiers
SIMILAR = 0.6  # pass 3: Dice similarity of the word multisets
MARGIN = 0.15  # pass 3: lead over the runner-up
WEAK = 0.25  # passes 2 (bare numbers) and 4: the least similarity to pair at all
WINDOW = 3  # pass 2 (bare numbers): how many siblings either side may compete
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_WORD = re.compile(r"\w+")


def content(node: Node) -> str:
    """The string of a node that a change's tokens reconstruct: heading and own text."""
    return " ".join(p for p in (node.heading, node.text) if p)


def has_content(node: Node) -> bool:
    return bool(node.num or node.heading or node.text)


def _normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


@dataclass
class Item:
    """One node of a tree, with what the passes need."""

    node: Node
    index: int  # document order
    parent: int | None  # index of the parent item
    children: list[int] = field(default_factory=list)
    key: str = ""
    bag: Counter | None = None
    words: int = 0
    rank: int = 0  # place among its siblings

    @property
    def size(self) -> int:
        return len(self.key)


def _items(root: Node) -> list[Item]:
    items: list[Item] = []

    def visit(node: Node, parent: int | None) -> None:
        item = Item(node, len(items), parent, key=_normal(content(node)))
        items.append(item)
        if parent is not None:
            item.rank = len(items[parent].children)
            items[parent].children.append(item.index)
        for child in node.children:
            visit(child, item.index)

    visit(root, None)
    return items


def _bag(item: Item) -> Counter:
    if item.bag is None:
        item.bag = Counter(_WORD.findall(item.key))
        item.words = sum(item.bag.values())
    return item.bag


def similarity(a: Item, b: Item) -> float:
    """Dice coefficient of the two word multisets (1.0: the same words)."""
    ba, bb = _bag(a), _bag(b)
    total = a.words + b.words
    if not total:
        return 1.0 if a.key == b.key else 0.0
    if len(ba) > len(bb):
        ba, bb = bb, ba
    common = 0
    for w, k in ba.items():
        other = bb.get(w)
        if other:
            common += k if k < other else other
    return 2 * common / total


@dataclass
class Alignment:
    old: list[Item]
    new: list[Item]
    pairs: dict[int, int]  # old index -> new index
    how: dict[int, str]  # new index -> pass that paired it
    moved: set[int]  # new indexes of moved pairs

    @property
    def back(self) -> dict[int, int]:
        return {n: o for o, n in self.pairs.items()}


def align(old_root: Node, new_root: Node) -> Alignment:
    old, new = _items(old_root), _items(new_root)
    pairs: dict[int, int] = {0: 0}
    how: dict[int, str] = {0: "root"}
    _by_text(old, new, pairs, how)
    while True:
        before = len(pairs)
        _by_number(old, new, pairs, how)
        _by_repeated_text(old, new, pairs, how)
        _by_similarity(old, new, pairs, how)
        if len(pairs) == before:
            _by_position(old, new, pairs, how)
        if len(pairs) == before:
            break
    moved = _moves(old, new, pairs, how)
    return Alignment(old, new, pairs, how, moved)


def _pair(o: int, n: int, why: str, pairs: dict[int, int], how: dict[int, str]) -> None:
    pairs[o] = n
    how[n] = why


def _by_text(old, new, pairs, how) -> None:
    def unique(items):
        seen: dict[tuple, list[int]] = {}
        for it in items[1:]:
            if len(it.key.split()) >= MIN_TEXT_WORDS:
                seen.setdefault((it.node.type, it.key), []).append(it.index)
        return {k: v[0] for k, v in seen.items() if len(v) == 1}

    uo, un = unique(old), unique(new)
    for k, o in uo.items():
        if k in un:
            _pair(o, un[k], "text", pairs, how)


def _parent_pairs(pairs):
    """Every pair, including the ones added while this runs (children after their parents)."""
    done = set()
    while True:
        todo = [(o, n) for o, n in pairs.items() if o not in done]
        if not todo:
            return
        for o, n in todo:
            done.add(o)
            yield o, n


def _by_number(old, new, pairs, how) -> None:
    taken = set(pairs.values())
    for po, pn in _parent_pairs(pairs):
        def keyed(items, parent, used):
            seen: dict[tuple, list[int]] = {}
            for c in items[parent].children:
                if c in used:
                    continue
                n = items[c].node
                if not (n.num or n.heading or n.term or n.text):
                    # A container (body, quotedStructure) has no words: the only one of its
                    # type under paired parents is the same container.  Pairing it now lets
                    # its children be paired by number before the similarity pass looks at them.
                    seen.setdefault((n.type, None, None, None), []).append(c)
                    continue
                if not (n.num or n.heading or n.term):
                    continue  # nothing to match by: left to the similarity and position passes
                seen.setdefault((n.type, n.num, n.heading, n.term), []).append(c)
            return {k: v[0] for k, v in seen.items() if len(v) == 1}

        ko = keyed(old, po, pairs)
        kn = keyed(new, pn, taken)
        for k, o in ko.items():
            n = kn.get(k)
            if n is None:
                continue
            _, num, heading, term = k
            if not heading and not term and old[o].key and new[n].key and _outdone(old, new, po, pn, o, n):
                continue
            _pair(o, n, "number", pairs, how)
            taken.add(n)


def _by_repeated_text(old, new, pairs, how) -> None:
    """Under paired parents, children with the same words that pass 1 could not pair because
    the text is repeated (a provision duplicated): the first with the first, in order.  Only
    among siblings, so a repeated clause is never paired across sections and called moved."""
    taken = set(pairs.values())
    for po, pn in list(pairs.items()):
        def groups(items, parent, used):
            out: dict[tuple, list[int]] = {}
            for c in items[parent].children:
                if c not in used and items[c].key:
                    out.setdefault((items[c].node.type, items[c].node.num, items[c].key), []).append(c)
            return out

        go, gn = groups(old, po, pairs), groups(new, pn, taken)
        for k, os_ in go.items():
            for o, n in zip(os_, gn.get(k, ())):
                _pair(o, n, "text", pairs, how)
                taken.add(n)


def _outdone(old, new, po, pn, o, n) -> bool:
    """Does a nearby sibling resemble ``o`` or ``n`` clearly better than they resemble each other?"""
    s = similarity(old[o], new[n])
    if s < WEAK:
        return True
    if s > 1 - MARGIN:
        return False  # no rival can beat it by the margin
    co, cn = old[po].children, new[pn].children
    i, j = old[o].rank, new[n].rank
    rivals = [similarity(old[o], new[c]) for c in cn[max(0, j - WINDOW):j + WINDOW + 1] if c != n]
    rivals += [similarity(old[c], new[n]) for c in co[max(0, i - WINDOW):i + WINDOW + 1] if c != o]
    return any(r >= s + MARGIN for r in rivals)


def _by_similarity(old, new, pairs, how) -> None:
    taken = set(pairs.values())
    lo = [it for it in old[1:] if it.index not in pairs and it.key]
    ln = [it for it in new[1:] if it.index not in taken and it.key]
    if not lo or not ln:
        return
    scores: dict[tuple[int, int], float] = {}
    # Dice <= 2 min / (a + b): a pair whose word counts are too far apart cannot
    # reach SIMILAR - MARGIN, so it can neither match nor stand as runner-up.
    floor = SIMILAR - MARGIN
    for it in lo + ln:
        _bag(it)
    ln.sort(key=lambda it: it.words)
    sizes = [it.words for it in ln]
    for a in lo:
        low = a.words * floor / (2 - floor)
        high = a.words * (2 - floor) / floor if floor else float("inf")
        for b in ln[bisect_left(sizes, low):]:
            if b.words > high:
                break
            if a.node.type == b.node.type:
                s = similarity(a, b)
                if s >= floor:
                    scores[a.index, b.index] = s
    best_o: dict[int, list[float]] = {}
    best_n: dict[int, list[float]] = {}
    for (o, n), s in scores.items():
        best_o.setdefault(o, []).append(s)
        best_n.setdefault(n, []).append(s)

    def lead(values: list[float], s: float) -> float:
        rest = sorted(values, reverse=True)
        runner = rest[1] if len(rest) > 1 else 0.0
        return s - runner if rest[0] == s else -1.0

    for (o, n), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < SIMILAR or o in pairs or n in taken:
            continue
        if lead(best_o[o], s) >= MARGIN and lead(best_n[n], s) >= MARGIN:
            _pair(o, n, "similar", pairs, how)
            taken.add(n)


def _by_position(old, new, pairs, how) -> None:
    taken = set(pairs.values())
    for po, pn in list(pairs.items()):
        co, cn = old[po].children, new[pn].children
        # Cut both child lists at children paired with each other (in order).
        where = {c: j for j, c in enumerate(cn)}
        anchors = [(i, where[pairs[c]]) for i, c in enumerate(co) if pairs.get(c) in where]
        anchors = _increasing(anchors)
        bounds = [(-1, -1)] + anchors + [(len(co), len(cn))]
        for (ao, an), (bo, bn) in zip(bounds, bounds[1:]):
            gap_o = [c for c in co[ao + 1:bo] if c not in pairs]
            gap_n = [c for c in cn[an + 1:bn] if c not in taken]
            if not gap_o or len(gap_o) != len(gap_n):
                continue
            if any(old[o].node.type != new[n].node.type for o, n in zip(gap_o, gap_n)):
                continue
            for o, n in zip(gap_o, gap_n):
                # Rewritten words keep their place if the number (or term) says it is the same
                # provision: "Executive Order" -> "Order", or Section 40 grown tenfold.
                same_name = (old[o].node.num, old[o].node.term) == (new[n].node.num, new[n].node.term)
                if old[o].key and new[n].key and similarity(old[o], new[n]) < WEAK and not same_name:
                    continue
                # A provision whose every word went is deleted, not edited into a
                # container: pairing it with an empty node would drop it from the model.
                if has_content(old[o].node) != has_content(new[n].node):
                    continue
                _pair(o, n, "position", pairs, how)
                taken.add(n)


def _increasing(points: list[tuple[int, int]], weights: list[int] | None = None) -> list[tuple[int, int]]:
    """The heaviest subsequence of ``points`` (sorted by first) increasing in second.

    O(n log n): a Fenwick tree over the second coordinate holds, for each value,
    the heaviest run ending below it (ties go to the earliest point).
    """
    if not points:
        return []
    weights = weights or [1] * len(points)
    ranks = {y: r + 1 for r, y in enumerate(sorted({y for _, y in points}))}
    size = len(ranks)
    tree = [(0, -1)] * (size + 1)  # (weight, point index)
    best, prev = [0] * len(points), [-1] * len(points)
    for i, (_, y) in enumerate(points):
        r = ranks[y] - 1  # strictly below y
        top = (0, -1)
        while r > 0:
            if tree[r][0] > top[0]:
                top = tree[r]
            r -= r & -r
        best[i], prev[i] = top[0] + weights[i], top[1]
        r = ranks[y]
        while r <= size:
            if best[i] > tree[r][0]:
                tree[r] = (best[i], i)
            r += r & -r
    i = max(range(len(points)), key=lambda k: (best[k], -k))
    out = []
    while i != -1:
        out.append(points[i])
        i = prev[i]
    return out[::-1]


def _moves(old, new, pairs, how) -> set[int]:
    moved: set[int] = set()
    same = {n for o, n in pairs.items()
            if how[n] in ("text", "similar") or (how[n] != "root" and similarity(old[o], new[n]) >= SIMILAR)}
    for o, n in pairs.items():
        if n not in same:
            continue
        po, pn = old[o].parent, new[n].parent
        if po is not None and pairs.get(po) != pn:
            moved.add(n)
    for po, pn in pairs.items():
        co = old[po].children
        cn = new[pn].children
        position = {c: i for i, c in enumerate(cn)}
        points = [(i, position[pairs[c]]) for i, c in enumerate(co) if pairs.get(c) in position]
        weights = [max(1, old[co[i]].size + len(old[co[i]].children)) for i, _ in points]
        kept = set(_increasing(points, weights))
        for i, j in points:
            n = cn[j]
            if (i, j) not in kept and n in same:
                moved.add(n)
    return moved
