"""Align two provision trees before any text is compared.

Content decides, numbers confirm.  Passes, in order, each only over what earlier
passes left unpaired:

1. ``text``: the same normalised own text (heading and text), unique on both
   sides and long enough to be a real identifier (a bare heading is not); then,
   between provisions numbered differently, the same words (punctuation aside) in
   the whole subtree, numbers left out, so also a provision with too few words of
   its own (a "Section 40." whose words are all in its subsections).
2. ``number``: inside a pair of aligned parents, children with the same kind,
   number and heading (a definition's term counts as its number), unique among
   their siblings; and a container without words, the only one of its type.  A
   bare number (no heading, no term: a bill's SECTION 4) says little once
   sections are renumbered: such provisions are left to pass 3, where the same
   number only breaks ties between provisions whose words already match.
3. ``similar`` in order: inside aligned parents, between two children already
   paired with each other (anchors, kept in order), the unpaired children are
   compared within a band around the diagonal, and the heaviest in-order chain
   of related pairs is kept (weighted by similarity; the same number adds a
   little, so numbers only break ties), except where either side resembles a
   provision outside the gap better by ``MARGIN`` (its true partner moved).  Two
   provisions in the same gap that open with the same ``OPENING`` words are
   related too (a section rewritten after its first sentence).
4. ``similar`` anywhere (moves): what is still unpaired is looked up through an
   inverted index of small sketches (the rarest word trigrams of each subtree's
   words, see ``_sketch``); a pair is accepted only when it is strongly related
   (``STRONG``: such a pair is usually a move, and a false move is worse than a
   missed one), of comparable size (weighted Dice at least ``RELATED`` too: where
   the relation rests on containment, the larger at most about three times the
   smaller, so a short struck section whose words all recur in a long inserted one
   is not moved into it) and mutually best, ahead of every other candidate by
   ``MARGIN``, paired ones included, so a struck section never pairs with an
   inserted look-alike.
5. ``heading``: inside aligned parents, unpaired children of one kind with the
   same heading, the only one so named on each side, that share words (weighted
   Dice at least ``WEAK``): a provision renumbered and rewritten under its name.
6. ``position``: inside aligned parents, the unpaired children between the
   same two aligned neighbours, when both sides hold the same number of them
   with the same kinds, and they share words (plain and weighted Dice at least
   ``WEAK``), or have
   the same number or term and either share most of the smaller one's words (a
   provision grown tenfold) or one side is nearly empty ("[Reserved]").

Passes 2 to 6 repeat until nothing changes, since each new pair of parents lets
their children be paired.  The roots are always paired (for a provision pair,
the two provisions the user chose).

Similarity is measured on a provision's whole subtree (its own words and its
children's, the numbers left out, so a title renumbered VI -> VII with its
sections still matches), each word weighted by its inverse document frequency
over both trees: in an omnibus bill of formulaic sections ("Section 5 of
chapter 10 of the General Laws ... is hereby amended by striking out ...") the
shared formula weighs little and the chapter, line and figures weigh most.
*Related* means weighted Dice at least ``RELATED`` or the smaller side's words
found in the larger at least to ``CONTAINED`` (when the larger weighs at most ``GROWTH``
times the smaller).  A kind is the type plus whether
the provision is quoted: a bill's SECTION and a quoted "Section 40." never pair.

A pair is *moved* when its parents are not paired with each other, or when,
among the children of paired parents, it falls outside the longest run kept in
order.  Only pairs whose words or name say they are the same provision can be
moved (found by ``text``, ``similar`` or ``heading``, or weighted similarity at
least ``STRONG``): a number or a position says nothing about a provision's
identity across places.
The run kept is the one with the most provisions, then the most text, so one
long section moved past three short ones is one move, and of two swapped
provisions the shorter one is reported as moved.

Complexity, for n provisions of w words each, depth d: item and word tables
O(n d w); passes 1, 2, 5 and 6 O(n w) per round (hash tables); pass 3 O(n B w) for
a band of ``BAND`` places (gaps of at most ``FULL_GAP`` pairs in full), plus
O(k log k) for each gap's chain, and a parent pair is looked at again only when
its paired children changed; the sketch index O(n ``SKETCH_WORDS``) once; each
candidate look-up O(``SKETCH`` ``CAP`` + ``CANDIDATES`` w), once per provision;
the move check O(n log n).  Rounds are few (3 to 6 on the benchmarks: a round
pairs what the previous one's new parents allow).  Memory O(n d w).
"""

from __future__ import annotations

import math
import re
import sys
import zlib
from collections import Counter, deque
from itertools import chain, islice
from operator import add, lt, mul
from dataclasses import dataclass, field

from lawdiff.parse.eids import clean_num
from lawdiff.parse.tree import Node

MIN_TEXT_WORDS = 6  # pass 1: shorter texts ("Definitions") are not identifiers
_TEXT_CHARS = 2 * MIN_TEXT_WORDS - 1  # the fewest characters so many words take
MARGIN = 0.15  # passes 3 and 4: lead over the runner-up
RELATED = 0.5  # pass 3: weighted Dice to be the same provision edited ...
CONTAINED = 0.8  # ... or this much of the smaller side's weight found in the larger ...
GROWTH = 20  # ... when the larger weighs at most this many times the smaller
STRONG = 0.8  # pass 4, and what a number or position pair's words must share to be called moved
WEAK = 0.25  # pass 5: the least (plain) Dice of the own words to pair at all
BAND = 8  # pass 3: how far from the diagonal of a long gap a pair is looked for
FULL_GAP = 256  # pass 3: gaps with at most this many candidate pairs are compared in full
OPENING = 10  # pass 3: so many same opening words keep a rewritten provision in its place
TIE = 0.05  # pass 3: what the same number adds to a pair's weight in the chain
SKETCH = 8  # pass 4: trigrams kept per provision
RARE = 4  # pass 4: a word in at most this many provisions is rare
CAP = 32  # pass 4: a trigram shared by more provisions than this says nothing
CANDIDATES = 8  # pass 4: candidates scored per provision
SKETCH_WORDS = 120  # a subtree's first words, enough to recognise it
KEEP_TREES = 1024  # subtree multisets kept once counted (the most recently counted)
KEEP_GAPS = 256  # passes 3 and 6: a parent with more children keeps its last gaps
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_WORD = re.compile(r"\w+")


# The levels of an enumerated list under a subsection are one kind: drafters renumber items
# (1)-(8) as clauses (i)-(viii) with the same words (H.3907 -> Acts 2023 c.61), and a
# paragraph and a clause under paired parents are then the same provision renumbered.
_LIST_LEVELS = dict.fromkeys(("paragraph", "subparagraph", "clause", "subclause"), "list item")


def content(node: Node) -> str:
    """The string of a node that a change's tokens reconstruct: heading and own text (those it has)
    joined by one space.  Without a generator and a join: it is asked a few times of every
    provision (issue 26: 0.9 -> 0.2 microseconds); a node's text is returned as it is."""
    heading, text = node.heading, node.text
    if heading:
        return f"{heading} {text}" if text else heading
    return text or ""


def has_content(node: Node) -> bool:
    return bool(node.num or node.heading or node.text)


def _normal(text: str) -> str:
    if not text.isascii():  # the curly quotes are not ASCII: an ASCII text has none (translating was 70 % of the time)
        text = _straight_quotes(text)
    return " ".join(text.casefold().split())


def _straight_quotes(text: str) -> str:
    """``text.translate(_QUOTES)``, a quote at a time: ``str.replace`` finds a character in C at
    memory speed, where ``translate`` with a table looks every character up (issue 26: 680 against
    4 microseconds for 5,000 characters of a bill; a fifth of ``compare`` on the session's pairs)."""
    return text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")


def _key(item: Item) -> str:
    """The item's normalised own text (heading and text): what pass 1 and the repeated-text pass
    compare, made again when asked.  Not kept: one more copy of every provision's text was a
    seventh of the alignment's peak (issue 26: 18 MB at 30,000 sections)."""
    return _normal(content(item.node))


@dataclass(slots=True)
class Item:
    """One node of a tree, with what the passes need."""

    node: Node
    index: int  # document order
    parent: int | None  # index of the parent item
    children: list[int] | tuple[()] = ()  # a list once it has any: most items have none, and share this
    size: int = 0  # characters of its normalised own text (``_key``); 0: it has none
    bag: Counter | None = None  # own words
    seq: tuple[str, ...] = ()  # own words (the word pattern's matches in ``_key``), in order
    words: int = 0
    rank: int = 0  # place among its siblings
    quoted: bool = False  # inside a quoted structure (text an amendment inserts)
    tree: Counter | None = None  # words of the whole subtree, counted when compared (``_Weights.tree``)
    weight: float = 0.0  # IDF weight of the subtree's words (0: it has none)
    end: int = 0  # index after the last item of the subtree
    side: list | None = field(default=None, repr=False, compare=False)  # the list of items it is in

    @property
    def kind(self) -> tuple[str, bool]:
        return _LIST_LEVELS.get(self.node.type, self.node.type), self.quoted


def _items(root: Node, texts=None, read: dict | None = None, keep: bool = False,
           ints: list[int] | None = None) -> list[Item]:
    """The items of the tree, in document order.  ``texts(item, key)``, if given, is called for each
    provision (not the root) whose normalised text is long enough to identify it (``MIN_TEXT_WORDS``
    words), with that text: pass 1 reads it here, where it is made, rather than normalising every text again
    (issue 26: the second normalisation was most of pass 1's time).

    ``read``: what was read of each content (``content(node)`` -> its normalised length, its words,
    and its normalised text where pass 1 reads it), filled (``keep``: the old side) or looked up (the
    new side, whose provisions are mostly the old ones unchanged: their words are read once, and
    the two sides share their word tuples; issue 26: reading the words was an eighth of ``compare``).

    ``ints``: the integers 0, 1, 2, ... as objects, grown here as needed, whose objects an item's index,
    end and place among its siblings are (both sides given the same list share them).  Python makes
    a new object for each integer past 256: at 30,000 sections the ends and places made 130,000 of
    them, and the new side's indexes 45,000 more: 5 MB traced, 2 MiB of the diff's peak (issue 26: memory)."""
    items: list[Item] = []
    ints = [] if ints is None else ints
    stack: list[tuple[Node, int | None]] = [(root, None)]
    while stack:  # iterative: a deep tree must not hit the recursion limit
        node, parent = stack.pop()
        text = content(node)
        got = read.get(text) if read is not None else None
        if got is None:
            key = _normal(text)
            # Interned: a bill repeats a few thousand words a million times, and one string per
            # occurrence was the largest part of the alignment's memory (issue 26).
            seq = tuple(map(sys.intern, _WORD.findall(key))) if key else ()  # a tuple: no room to grow
            # Long enough for pass 1: so many words (one space apart, normalised) in at least so many characters
            got = len(key), seq, key if len(key) >= _TEXT_CHARS and key.count(" ") >= MIN_TEXT_WORDS - 1 else None
            if keep:
                read[text] = got  # the text pass 1 reads is held by pass 1 too: no copy of it here
        size, seq, long = got
        if len(items) == len(ints):
            ints.append(len(items))
        item = Item(node, ints[len(items)], parent, size=size, seq=seq, words=len(seq), side=items)
        if parent is not None:
            p = items[parent]
            item.quoted = p.quoted or p.node.type == "quotedStructure"
            item.rank = ints[len(p.children)]
            if p.children:
                p.children.append(item.index)
            else:
                p.children = [item.index]
        items.append(item)
        if texts is not None and parent is not None and long is not None:
            texts(item, long)
        stack.extend((c, item.index) for c in reversed(node.children))
    if len(items) == len(ints):
        ints.append(len(items))
    for item in reversed(items):
        item.end = items[item.children[-1]].end if item.children else ints[item.index + 1]  # children in order
    return items


def _seq(item: Item) -> tuple[str, ...]:
    """The item's own words, in order."""
    return item.seq


def _bag(item: Item) -> Counter:
    """The item's own words as a multiset, counted when first asked: most provisions are paired
    by their text or number and never compared word by word (issue 26: a multiset for every
    provision and subtree was half of the alignment's memory)."""
    if item.bag is None:
        item.bag = Counter(_seq(item))
    return item.bag


def similarity(a: Item, b: Item) -> float:
    """Dice coefficient of the two own-word multisets (1.0: the same words)."""
    ba, bb = _bag(a), _bag(b)
    total = a.words + b.words
    if not total:
        return 1.0 if _key(a) == _key(b) else 0.0
    if len(ba) > len(bb):
        ba, bb = bb, ba
    common = 0
    for w, k in ba.items():
        other = bb.get(w)
        if other:
            common += k if k < other else other
    return 2 * common / total


def _provisions_of_words(seqs: list[tuple[str, ...]]) -> Counter:
    """How many of ``seqs`` (provisions' words) each word is in.  Each provision's distinct words once,
    all counted in one call (issue 26: a call for each provision was most of the count's time); a
    tuple that is there several times (the new side shares an unchanged provision's with the old:
    ``_items``) counted once, its words then added as many times (the count 0.28 -> 0.19 s at
    30,000 sections: most of a new version is the old one's tuples)."""
    times = Counter(map(id, seqs))
    by_times: dict[int, dict[int, tuple[str, ...]]] = {}  # how many times -> the tuples there so many times
    for seq in seqs:
        by_times.setdefault(times[id(seq)], {})[id(seq)] = seq
    df: Counter = Counter()
    for m, group in by_times.items():
        counted = Counter(chain.from_iterable(map(dict.fromkeys, group.values())))
        if not df and m == 1:
            df = counted
            continue
        for w, k in counted.items():
            df[w] += m * k
    return df


class _Weights:
    """Inverse document frequency of each word over the provisions of both trees,
    and the subtree word multisets it weighs."""

    def __init__(self, old: list[Item], new: list[Item]):
        seqs = [it.seq for items in (old, new) for it in items if it.seq]
        n = len(seqs)
        df = _provisions_of_words(seqs)
        del seqs
        self.df = df
        self.index: tuple[_Index, _Index] | None = None  # built when first needed
        self.ranks: tuple[dict[str, int], int] = ({}, 0)  # the words ordered for the sketches (``_ranks``), with the index
        self.found: dict[tuple[str, int], list[tuple[float, int]]] = {}
        self.counted: deque[Item] = deque()  # the items whose ``tree`` is kept, oldest first
        self.idf = {w: math.log((n + 1) / k) for w, k in df.items()}
        idf = self.idf.__getitem__
        # Weights by the word tuples their subtree is made of (by identity: ``_items`` gives an unchanged
        # provision of the new side the old one's tuple; tuples without words left out), for any
        # subtree made of the same tuples, which weighs the same: the new side's unchanged provisions,
        # and a parent whose words are all one child's (a document's root and its body, a section
        # whose words are all in its one subsection), children being weighed first (issue 26:
        # weighing was a tenth of ``compare``).
        weighed: dict = {}
        for items in (old, new):
            for it in reversed(items):
                if it.children:
                    key = tuple([id(seq) for k in range(it.index, it.end) if (seq := items[k].seq)])
                    if len(key) == 1:
                        key = key[0]
                else:
                    key = id(it.seq)
                weight = weighed.get(key)
                if weight is None:
                    # Weighed as the multiset ``tree`` counts (the same sum in the same order, so the same
                    # float), which is let go: it is counted again only if the item is compared.
                    tree = Counter(chain.from_iterable(items[k].seq for k in range(it.index, it.end))) \
                        if it.children else Counter(it.seq)
                    weight = weighed[key] = sum(map(mul, tree.values(), map(idf, tree)))
                it.weight = weight

    def tree(self, item: Item) -> Counter:
        """The words of the item's whole subtree as a multiset, counted when first compared; the
        last ``KEEP_TREES`` counted are kept (a provision is compared with its neighbours and its
        candidates in a run; every subtree's multiset kept was a tenth of compare's peak)."""
        tree = item.tree
        if tree is None:
            # A subtree's items follow it in document order: its words are counted in one pass (in
            # C), their first occurrences in the order its own words and its children's gave them.
            items = item.side
            tree = item.tree = Counter(chain.from_iterable(items[k].seq for k in range(item.index, item.end))) \
                if item.children else Counter(item.seq)
            self.counted.append(item)
            if len(self.counted) > KEEP_TREES:
                self.counted.popleft().tree = None
        return tree

    def scores(self, a: Item, b: Item) -> tuple[float, float]:
        """(weighted Dice, weighted containment of the smaller in the larger) of two subtrees."""
        if not a.weight or not b.weight:
            return 0.0, 0.0  # no words in one subtree (a weight is positive when it has any)
        ta, tb = self.tree(a), self.tree(b)
        if len(ta) > len(tb):
            ta, tb = tb, ta
        idf = self.idf
        common = 0.0
        for w, k in ta.items():
            other = tb.get(w)
            if other:
                common += (k if k < other else other) * idf[w]
        return 2 * common / (a.weight + b.weight), common / min(a.weight, b.weight)

    def dice(self, a: Item, b: Item) -> float:
        return self.scores(a, b)[0]

    def related(self, a: Item, b: Item) -> float:
        """How related two provisions are (0 when not at all): weighted Dice, or the
        containment when that is high (a provision grown by a proviso is still itself)."""
        d, c = self.scores(a, b)
        # Containment says "grown by a proviso" only between provisions of comparable size: a
        # one-line effective-date section is found word for word in any bill that inserts a
        # whole chapter (H.83's SECTION 1 and H.4632's SECTION 4), and is not that section.
        if c >= CONTAINED and GROWTH * min(a.weight, b.weight) >= max(a.weight, b.weight):
            return max(d, c)
        return d if d >= RELATED else 0.0

    def candidates(self, side: str, item: Item, old: list[Item], new: list[Item]) -> list[tuple[float, int]]:
        """(relatedness, index) of the other side's provisions sharing the rarest trigrams
        with ``item`` (paired ones included), best first; ``side`` is the item's ("old"/"new")."""
        key = (side, item.index)
        if key in self.found:
            return self.found[key]
        if self.index is None:
            self.ranks = _ranks(self.df)
            made: dict = {}
            self.index = _Index(old, self.ranks, made, True), _Index(new, self.ranks, made, False)
            del made
        theirs = self.index[1] if side == "old" else self.index[0]
        mine, other = (old, new) if side == "old" else (new, old)
        # The item's sketch made again, as the index made it (the root and a provision without words have none)
        sketch = _sketch(mine, item, self.ranks) if item.index and item.weight else ()
        votes: Counter = Counter()
        for g in sketch:
            hits = theirs.hits(g)
            if len(hits) <= CAP:
                votes.update(h for h in hits if other[h].kind == item.kind)
        picks = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:CANDIDATES]
        found = sorted(((self.related(item, other[h]), h) for h, _ in picks), key=lambda sh: (-sh[0], sh[1]))
        self.found[key] = found  # paired or not, the candidates stay the same: asked once
        return found


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

    def drop_words(self) -> None:
        """Let go of what only the passes read (each item's word lists and multisets, and its
        counts and weight, zero after this): the change model needs the nodes and the pairs
        alone, and these were two thirds of the memory held while it was built (issue 26).  A
        pass run after this fails loudly (``seq`` is None) rather than on empty bags."""
        for items in (self.old, self.new):
            for it in items:
                it.bag = it.tree = it.seq = it.side = None
                it.size = it.words = it.rank = it.end = 0  # most are numbers past the few Python shares
                it.weight = 0.0


def align(old_root: Node, new_root: Node) -> Alignment:
    """Pair the provisions of two trees (the passes in the module docstring).  Each item points back to its list (a
    reference cycle): ``Alignment.drop_words()`` breaks it once the passes' words are no longer read."""
    # Pass 1's texts are read as the items are made: the old side's held, the new side's looked up
    # there and let go; both sides' texts at once (a copy of every provision's) were the alignment's
    # highest point (issue 26).
    first: dict[tuple, int] = {}  # (kind, text) -> its old item, or -1 where the old side repeats it
    match: dict[int, int] = {}  # old item with a text of its own -> the new one with that text, -1 if several

    def old_text(it: Item, key: str) -> None:
        k = (it.kind, key)
        first[k] = -1 if k in first else it.index

    def new_text(it: Item, key: str) -> None:
        if (o := first.get((it.kind, key), -1)) >= 0:
            match[o] = -1 if o in match else it.index

    read: dict[str, tuple] = {}  # the old side's contents as read (``_items``), for the new side's
    ints: list[int] = []  # the integer objects both sides' items share (``_items``)
    old = _items(old_root, old_text, read, keep=True, ints=ints)
    new = _items(new_root, new_text, read, ints=ints)
    del ints
    del first, read
    weights = _Weights(old, new)
    pairs: dict[int, int] = {0: 0}
    how: dict[int, str] = {0: "root"}
    _by_text(match, pairs, how)
    _by_subtree_text(old, new, pairs, how)
    seen: dict = {}  # pass 3: parent pairs already looked at, with how many children were paired
    kept: dict = {}  # passes 3 and 6: the last gaps of parents with many children (``_gaps``)
    parents = _parents(old)  # the passes under paired parents look at these pairs only
    while True:
        before = len(pairs)
        _by_number(old, new, pairs, how, weights, parents)
        _by_repeated_text(old, new, pairs, how, parents)
        _by_order(old, new, pairs, how, weights, seen, kept, parents)
        if len(pairs) == before:
            _by_similarity(old, new, pairs, how, weights)
        if len(pairs) == before:
            _by_heading(old, new, pairs, how, weights, parents)
        if len(pairs) == before:
            _by_position(old, new, pairs, how, weights, kept, parents)
        if len(pairs) == before:
            break
    moved = _moves(old, new, pairs, how, weights)
    return Alignment(old, new, pairs, how, moved)


def _pair(o: int, n: int, why: str, pairs: dict[int, int], how: dict[int, str]) -> None:
    pairs[o] = n
    how[n] = why


def _by_text(match: dict[int, int], pairs, how) -> None:
    """Pass 1: each old provision and the new one with the same text (``match``: found by ``align`` as
    the items were made), where the text is unique on both sides."""
    for o in sorted(match):  # in the old document's order, as the unique texts came
        if match[o] >= 0:
            _pair(o, match[o], "text", pairs, how)


def _by_subtree_text(old, new, pairs, how) -> None:
    """Pass 1 again, for what it left: the same words (punctuation aside: a stray comma, S.2834 ->
    S.2850) in a provision's whole subtree, numbers left out, unique on both sides; so also a
    provision with too few words of its own to go by (a quoted "Section 40." whose words are all
    in its subsections).  A section renumbered with its words unchanged (a run of sections
    renumbered after one put in before them) pairs with its words, never with the section that
    merely kept its number (issue #22, class 8)."""
    kinds: dict[tuple, tuple] = {}  # one tuple for each kind, not one for each provision

    def unique(items, want: dict | None = None) -> dict[tuple, int]:
        """(kind, signature) -> the one item with it, or -1 where several have it; ``want``: only the
        keys it holds once.  Lists by index for the signatures and sizes, and an item (or -1) for each
        key, not a list of every item with it: at 30,000 sections that was 24 MB, this pass the
        alignment's highest point (issue 26: memory)."""
        sig = [0] * len(items)
        size = [0] * len(items)
        seen: dict[tuple, int] = {}
        for it in reversed(items):  # children before their parents
            own = _seq(it)  # the words of its key, as the weights found them
            i = it.index
            sig[i] = hash((" ".join(own), tuple([sig[c] for c in it.children])))
            size[i] = len(own) + sum([size[c] for c in it.children])
            if i and size[i] >= MIN_TEXT_WORDS:
                kind = it.kind
                key = (kinds.setdefault(kind, kind), sig[i])
                if want is None or want.get(key, -1) >= 0:
                    seen[key] = -1 if key in seen else i
        return seen

    uo = unique(old)
    un = unique(new, uo)
    taken = set(pairs.values())
    for k, o in sorted(((k, o) for k, o in uo.items() if o >= 0), key=lambda kv: kv[1]):
        n = un.get(k)
        if n is not None and n < 0:
            n = None
        # Under the same number the number pass pairs them as before: this pass decides only
        # between a provision's words and its number.
        if (n is not None and o not in pairs and n not in taken
                and clean_num(old[o].node.num or "") != clean_num(new[n].node.num or "")):
            _pair(o, n, "text", pairs, how)
            taken.add(n)


def _parents(items: list[Item]) -> set[int]:
    """The indexes of the items with children: the pairs the passes under paired parents look at."""
    return {it.index for it in items if it.children}


def _paired_so_far(pairs, parents: set[int] | None = None):
    """The pairs made before this is called, not those added while it runs: what iterating a copy
    of ``pairs.items()`` gives, less the copy (a pair's partner never changes once made; issue 26:
    a tuple for each pair, in each pass).  ``parents`` (``_parents`` of the old side): only the pairs
    whose old provision has children, the only ones the passes under paired parents read, picked
    out in C (issue 26: most pairs are of provisions without children, each looked at in Python by
    four passes a round)."""
    for o in (list(pairs) if parents is None else list(filter(parents.__contains__, pairs))):
        yield o, pairs[o]


def _parent_pairs(pairs, parents: set[int] | None = None):
    """Every pair, including the ones added while this runs (children after their parents);
    ``parents``: only those whose old provision has children, as ``_paired_so_far``."""
    done = set()
    while True:
        todo = [(o, pairs[o]) for o in (pairs if parents is None else filter(parents.__contains__, pairs))
                if o not in done]
        if not todo:
            return
        for o, n in todo:
            done.add(o)
            yield o, n


def _unique_children(items: list[Item], parent: int, used, key) -> dict:
    """``key(child)`` -> child, over the children of ``parent`` not in ``used``, for each key
    only one of them has (a key None leaves the child out)."""
    seen: dict[tuple, list[int]] = {}
    for c in items[parent].children:
        if c not in used and (k := key(items[c])) is not None:
            seen.setdefault(k, []).append(c)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


def _number_key(item: Item) -> tuple | None:
    n = item.node
    if not (n.num or n.heading or n.term or n.text):
        # A container (body, quotedStructure) has no words: the only one of its type under
        # paired parents is the same container.  Pairing it now lets its children be paired
        # by number before the similarity pass looks at them.
        return item.kind, None, None, None
    if not (n.num or n.heading or n.term):
        return None  # nothing to match by: left to the similarity and position passes
    return item.kind, n.num, n.heading, n.term


def _by_number(old, new, pairs, how, weights, parents: set[int] | None = None) -> None:
    taken = set(pairs.values())
    for po, pn in _parent_pairs(pairs, parents):
        if not old[po].children or not new[pn].children:
            continue
        ko = _unique_children(old, po, pairs, _number_key)
        kn = _unique_children(new, pn, taken, _number_key)
        for k, o in ko.items():
            n = kn.get(k)
            if n is None:
                continue
            _, num, heading, term = k
            if not heading and not term and old[o].size and new[n].size:
                continue  # a bare number only confirms: left to the in-order pass, where it breaks ties
            _pair(o, n, "number", pairs, how)
            taken.add(n)


def _by_repeated_text(old, new, pairs, how, parents: set[int] | None = None) -> None:
    """Under paired parents, children with the same words that pass 1 could not pair because
    the text is repeated (a provision duplicated): the first with the first, in order.  Only
    among siblings, so a repeated clause is never paired across sections and called moved."""
    taken = set(pairs.values())
    for po, pn in _paired_so_far(pairs, parents):
        if not old[po].children or not new[pn].children:
            continue

        def groups(items, parent, used):
            # The same text has the same length and words: grouped by those, and the texts
            # themselves (not kept, ``_key``) compared only where both sides have such a group.
            out: dict[tuple, list[int]] = {}
            for c in items[parent].children:
                it = items[c]
                if c not in used and it.size:
                    out.setdefault((it.kind, it.node.num, it.size, it.seq), []).append(c)
            return out

        go, gn = groups(old, po, pairs), groups(new, pn, taken)
        found = []  # (the first old child with that text, old, new)
        for k, os_ in go.items():
            ns = gn.get(k)
            if not ns:
                continue
            by_key = _by_key(new, ns)
            for key, os_k in _by_key(old, os_).items():
                found.extend((os_k[0], o, n) for o, n in zip(os_k, by_key.get(key, ())))
        for _, o, n in sorted(found):  # texts in the order of their first old child, as grouped by text
            _pair(o, n, "text", pairs, how)
            taken.add(n)


def _by_key(items: list[Item], group: list[int]) -> dict[str, list[int]]:
    """The items of ``group`` by their normalised text, each list in the group's order."""
    out: dict[str, list[int]] = {}
    for c in group:
        out.setdefault(_key(items[c]), []).append(c)
    return out


def _gaps(old, new, pairs, taken, po, pn, kept: dict | None = None) -> list:
    """``_gaps_of``, as a list.  ``kept``: a parent pair with more than ``KEEP_GAPS`` children keeps
    its last gaps there, with how many of its children were paired then, and they are read again
    while that is so (the pairs only grow, and a pair's partner never changes, so the same counts
    are the same children paired).  The in-order pass and the position pass often look at a bill's
    body with the same children paired (issue 26: its chain of 30,000 anchors made again)."""
    co, cn = old[po].children, new[pn].children
    if kept is None or len(co) <= KEEP_GAPS:
        return list(_gaps_of(old, new, pairs, taken, po, pn))
    state = _paired_counts(co, cn, pairs, taken)
    last = kept.get((po, pn))
    if last is None or last[0] != state:
        last = kept[po, pn] = state, list(_gaps_of(old, new, pairs, taken, po, pn))
    return last[1]


def _paired_counts(co: list[int], cn: list[int], pairs, taken) -> tuple[int, int]:
    """How many of the old children are paired, and of the new ones taken: counted in C (issue 26:
    a generator over a bill's 30,000 sections, each round and pass)."""
    return sum(map(pairs.__contains__, co)), sum(map(taken.__contains__, cn))


def _gaps_of(old, new, pairs, taken, po, pn):
    """The unpaired children of two paired parents, cut at the children paired with each
    other and kept in order: [(old children, new children), ...] between the same anchors."""
    co, cn = old[po].children, new[pn].children
    where = {c: j for j, c in enumerate(cn)}
    # The anchors' places on each side in two lists, their chain as indexes (``heaviest_chain``), not a
    # pair for each anchor, its chain as pairs and that list twice more with the ends: a bill's body has
    # 30,000 of them (issue 26: a fifth of the in-order pass's transient, the alignment's highest point).
    at = [i for i, c in enumerate(co) if pairs.get(c) in where]
    ys = [where[pairs[co[i]]] for i in at]
    del where
    ao = an = -1
    for k in chain(heaviest_chain(ys), (None,)):
        bo, bn = (at[k], ys[k]) if k is not None else (len(co), len(cn))
        gap_o = [c for c in co[ao + 1:bo] if c not in pairs]
        gap_n = [c for c in cn[an + 1:bn] if c not in taken]
        if gap_o and gap_n:
            yield gap_o, gap_n
        ao, an = bo, bn


def _by_order(old, new, pairs, how, weights, seen: dict, kept: dict | None = None,
              parents: set[int] | None = None) -> None:
    taken = set(pairs.values())
    for po, pn in _paired_so_far(pairs, parents):
        if not old[po].children or not new[pn].children:
            continue
        # Looked at before with the same children paired: nothing new to find here.
        state = _paired_counts(old[po].children, new[pn].children, pairs, taken)
        if seen.get((po, pn)) == state:
            continue
        seen[po, pn] = state
        for gap_o, gap_n in _gaps(old, new, pairs, taken, po, pn, kept):
            points, values = [], []
            full = len(gap_o) * len(gap_n) <= FULL_GAP
            inside_o, inside_n = set(gap_o), set(gap_n)
            for i, o in enumerate(gap_o):
                a = old[o]
                if not a.weight:
                    continue
                if full:
                    js = range(len(gap_n))
                else:
                    centre = round(i * len(gap_n) / len(gap_o))
                    js = range(max(0, centre - BAND), min(len(gap_n), centre + BAND + 1))
                elsewhere = None
                for j in reversed(js):  # same i, falling j: one old child never pairs twice
                    b = new[gap_n[j]]
                    if b.kind != a.kind or not b.weight or has_content(a.node) != has_content(b.node):
                        continue
                    s = weights.related(a, b) or _same_opening(a, b)
                    if not s:
                        continue
                    if s < 1 - MARGIN:
                        # Not if either resembles a provision outside the gap clearly better
                        # (its true partner moved away, or it moved here).
                        if elsewhere is None:
                            elsewhere = _best_outside(weights.candidates("old", a, old, new), inside_n)
                        if elsewhere >= s + MARGIN or _best_outside(
                                weights.candidates("new", b, old, new), inside_o) >= s + MARGIN:
                            continue
                    same = (a.node.num, a.node.term) == (b.node.num, b.node.term)
                    points.append((i, j))
                    # Of two parts both contained in a provision split in two, the larger
                    # share (by Dice) keeps its place and the other is the new paragraph.
                    values.append(s + (TIE if same else 0.0) + TIE / 5 * weights.dice(a, b))
            for i, j in heaviest_increasing(points, values):
                _pair(gap_o[i], gap_n[j], "similar", pairs, how)
                taken.add(gap_n[j])


def _same_opening(a: Item, b: Item) -> float:
    """A provision rewritten after its opening words is still itself, in its place: ``RELATED``
    when both open with the same ``OPENING`` words or more, else 0."""
    wa, wb = _opening(a), _opening(b)
    return RELATED if len(wa) == OPENING and wa == wb else 0.0


def _opening(item: Item) -> list[str]:
    """The first ``OPENING`` words of the item's normalised text (``_key``), fewer if it has fewer: the
    words of its content normalised one by one (folding case and straightening quotes touch no
    space), not the whole text normalised for its first words (issue 26: long sections of real
    bills, normalised again for each neighbour in a gap)."""
    return [_normal(w) for w in content(item.node).split(None, OPENING)[:OPENING]]


def _best_outside(scored: list[tuple[float, int]], inside: set[int]) -> float:
    return next((r for r, c in scored if c not in inside), 0.0)


def _ranks(df: Counter) -> tuple[dict[str, int], int]:
    """Each word's place in the order of (provisions it is in, the word), shifted left 7 bits (room
    for a place among a sketch's ``SKETCH_WORDS`` words in the low bits); and the first rank of a
    word in more than ``RARE`` provisions.  One integer key orders a sketch's words as the tuples
    (provisions, word, place) did, and one comparison tells a rare word (issue 26: sorting tuples
    was most of a sketch's cost, and the sketches a third of the alignment's)."""
    ranked = sorted(df.items(), key=lambda wk: (wk[1], wk[0]))
    ranks = {w: r << 7 for r, (w, _) in enumerate(ranked)}
    rare = sum(1 for _, k in ranked if k <= RARE)
    return ranks, rare << 7


def _prefix(items: list[Item], item: Item) -> tuple[tuple[str, ...], ...]:
    """The own words of the subtree's items that hold its first ``SKETCH_WORDS`` words, in order: what
    the sketch is made of (two provisions with equal prefixes have the same sketch)."""
    if not item.children:
        return (item.seq,)
    parts = []
    total = 0
    for k in range(item.index, item.end):
        seq = items[k].seq
        parts.append(seq)
        total += len(seq)
        if total >= SKETCH_WORDS:
            break
    return tuple(parts)


def _sketch(items: list[Item], item: Item, ranks: tuple[dict[str, int], int]) -> tuple[str, ...]:
    """The item's sketch (``_sketch_of`` its ``_prefix``)."""
    return _sketch_of(_prefix(items, item), ranks)


def _sketch_of(prefix: tuple[tuple[str, ...], ...], ranks: tuple[dict[str, int], int]) -> tuple[str, ...]:
    """A min-hash sketch of a subtree's first words (its ``_prefix``): of the word trigrams holding a rare
    word (in at most ``RARE`` provisions; failing enough of those, the rarest words, by ``_ranks``), the
    ``SKETCH`` / 2 with the smallest fixed hash and the first ``SKETCH`` / 2.  Two versions
    of one text (one grown by a proviso) share most of theirs; look-alikes share few."""
    if len(prefix) == 1:
        words: list[str] | tuple[str, ...] = prefix[0][:SKETCH_WORDS]
    else:
        words = list(chain.from_iterable(prefix))
        del words[SKETCH_WORDS:]
    n = len(words)
    if n < 3:
        return (" ".join(words),) if words else ()
    last = n - 3  # the last trigram's start
    rank, rare_below = ranks
    keys = list(map(rank.__getitem__, words))
    rare = [k for k, r in enumerate(keys) if r < rare_below]
    if len(rare) < SKETCH:
        # The SKETCH with the fewest provisions, then the least word, then the first: the smallest
        # keys, each its word's rank plus its place.
        rare = sorted(r & 127 for r in sorted(map(add, keys, range(n)))[:SKETCH])
    starts = sorted({s for k in rare for s in (k - 2, k - 1, k) if 0 <= s <= last})
    grams = list(dict.fromkeys([f"{words[k]} {words[k + 1]} {words[k + 2]}" for k in starts]))  # in document order
    # Half by hash, half the first ones: a text grown at its end keeps its opening.  The smallest
    # hashes, ties in document order (a stable sort of the places by their hash).
    half = SKETCH // 2
    hashes = list(map(zlib.crc32, map(str.encode, grams)))
    by_hash = [grams[k] for k in sorted(range(len(grams)), key=hashes.__getitem__)[:half]]
    # Interned: the two versions of a provision (most of them alike) and its look-alikes share
    # their trigrams, one string each rather than one per sketch (a sixth of the alignment's
    # memory, issue 26).
    return tuple(map(sys.intern, dict.fromkeys(by_hash + grams[:half])))


class _Index:
    """Trigram -> the provisions of one side whose sketch holds it (built once).  The sketches
    themselves are not kept: a provision's is made again when it is looked up, which few are
    (1,030 of 90,386 at 30,000 sections; every sketch kept was 15 MB, issue 26)."""

    def __init__(self, items: list[Item], ranks: tuple[dict[str, int], int], made: dict, keep: bool):
        """``made``: the old side's sketches by their ``_prefix`` (``keep``: this is the old side, whose
        sketches are kept there until the new side's index is built, then let go): a provision the
        new version kept as it was (most of a bill) has its old sketch, made once (issue 26: the
        sketches were a fifth of ``compare``; the new side's own are not kept, they are seldom
        repeated and memory counts too)."""
        self.postings: dict[str, list[int] | tuple[int, ...] | int] = {}  # read by ``hits``
        for it in items[1:]:
            if it.weight:
                prefix = _prefix(items, it)
                sketch = made.get(prefix)
                if sketch is None:
                    sketch = _sketch_of(prefix, ranks)
                    if keep:
                        made[prefix] = sketch
                for g in sketch:
                    self.postings.setdefault(g, []).append(it.index)
        # Tuples, not lists with room to grow: most trigrams are in one or two provisions (issue 26:
        # the index was a quarter of the alignment's memory); and a trigram of one provision holds its
        # index alone, no tuple (issue 26: three of four trigrams at 30,000 sections, 1.4 MB).
        self.postings = {g: where[0] if len(where) == 1 else tuple(where) for g, where in self.postings.items()}

    def hits(self, gram: str) -> tuple[int, ...]:
        """The provisions whose sketch holds ``gram``, in document order."""
        where = self.postings.get(gram, ())
        return (where,) if type(where) is int else where


def _by_similarity(old, new, pairs, how, weights) -> None:
    taken = set(pairs.values())
    lo = [it for it in old[1:] if it.index not in pairs and it.weight]
    ln = {it.kind for it in new[1:] if it.index not in taken and it.weight}
    found = []
    for a in lo:
        if a.kind not in ln:
            continue
        n = _clear_best(weights.candidates("old", a, old, new))
        if n is None or n in taken:
            continue
        if _clear_best(weights.candidates("new", new[n], old, new)) != a.index:
            continue
        # Found anywhere, the pair is a move on its words alone: containment may say
        # "grown by a proviso" here only when the Dice agrees they are of comparable size
        # (full containment and Dice RELATED: at most three times).  A struck two-sentence
        # section whose sentences recur in an inserted section three times its size
        # (omnibus n=45 seed=693) is a deletion and an insertion, not a move.
        if weights.dice(a, new[n]) >= RELATED:
            found.append((a.index, n))
    for o, n in found:
        _pair(o, n, "similar", pairs, how)
        taken.add(n)


def _clear_best(scored: list[tuple[float, int]]) -> int | None:
    """The best candidate if it is strongly related (``STRONG``: a pair found here is
    usually a move, and a false move is worse than a missed one) and ahead of the
    runner-up by ``MARGIN``."""
    if not scored or scored[0][0] < STRONG:
        return None
    if len(scored) > 1 and scored[1][0] > scored[0][0] - MARGIN:
        return None
    return scored[0][1]


def _by_heading(old, new, pairs, how, weights, parents: set[int] | None = None) -> None:
    """Under paired parents, two unpaired children of one kind with the same heading (the
    drafters' own name for a provision), each the only one so named among the unpaired on its
    side, that share words (weighted Dice at least ``WEAK``): one provision renumbered and
    rewritten, which words alone call too different (H.83 -> H.4632 of the 193rd: the second
    "Section 11. Civil rights protections" of chapter 93L is "Section 8. Civil Rights
    Protections" of chapter 93M, weighted Dice 0.38)."""
    taken = set(pairs.values())
    for po, pn in _paired_so_far(pairs, parents):
        if not old[po].children or not new[pn].children:
            continue
        kn = _unique_children(new, pn, taken, _heading_key)
        for k, o in _unique_children(old, po, pairs, _heading_key).items():
            n = kn.get(k)
            if n is not None and weights.dice(old[o], new[n]) >= WEAK:
                _pair(o, n, "heading", pairs, how)
                taken.add(n)


def _heading_key(item: Item) -> tuple | None:
    return (item.kind, _normal(item.node.heading)) if item.node.heading else None


def _by_position(old, new, pairs, how, weights, kept: dict | None = None,
                 parents: set[int] | None = None) -> None:
    taken = set(pairs.values())
    for po, pn in _paired_so_far(pairs, parents):
        if not old[po].children or not new[pn].children:
            continue
        for gap_o, gap_n in _gaps(old, new, pairs, taken, po, pn, kept):
            if len(gap_o) != len(gap_n):
                continue
            if any(old[o].kind != new[n].kind for o, n in zip(gap_o, gap_n)):
                continue
            for o, n in zip(gap_o, gap_n):
                a, b = old[o], new[n]
                # A provision whose every word went is deleted, not edited into a
                # container: pairing it with an empty node would drop it from the model.
                if has_content(a.node) != has_content(b.node):
                    continue
                if a.size and b.size and min(similarity(a, b), weights.dice(a, b)) < WEAK \
                        and not _same_name(a, b, weights):
                    continue
                _pair(o, n, "position", pairs, how)
                taken.add(n)


def _same_name(a: Item, b: Item, weights) -> bool:
    """Rewritten words keep their place if the number (or term) says it is the same provision
    and the words do not say otherwise: "Executive Order" -> "Order", Section 40 grown
    tenfold, (d) emptied to "[Reserved]".  Two substantial texts sharing little are two
    provisions, whatever their numbers."""
    if (a.node.num, a.node.term) != (b.node.num, b.node.term):
        return False
    if a.node.heading and a.node.heading == b.node.heading or a.node.term:
        return True
    _bag(a), _bag(b)
    if min(a.words, b.words) <= 3:
        return True
    return weights.scores(a, b)[1] >= 0.5


def heaviest_increasing(points: list[tuple[int, int]], weights: list[float] | None = None) -> list[tuple[int, int]]:
    """The heaviest subsequence of ``points`` (sorted by first) increasing in both.

    O(n log n): a Fenwick tree over the second coordinate holds, for each value,
    the heaviest run ending below it (ties go to the earliest point).  Points
    with the same first coordinate never chain if they come with falling second.
    """
    return [points[i] for i in heaviest_chain([y for _, y in points], weights)]


def heaviest_chain(ys: list, weights: list[float] | None = None) -> list[int]:
    """``heaviest_increasing`` of the points ``(k, ys[k])``, as their indexes: only the second
    coordinates are read (the order of the points is their first), so no pairs need be made."""
    if not ys:
        return []
    if all(map(lt, ys, islice(ys, 1, None))) and (weights is None or min(weights) > 0):
        # Already in order, every weight positive: the whole run is the heaviest, and the one the tree
        # below finds (each point's run the heaviest so far, so each follows the one before).  Most
        # parents' children are (issue 26: 41,000 chains at 30,000 sections, tested in C here).
        return list(range(len(ys)))
    weights = weights or [1] * len(ys)
    # Each point's rank among the distinct second coordinates (1, 2, ...), from one sort of the
    # points rather than a dict of the values; the tree as two lists rather than a pair for each
    # entry (issue 26: the change model's last step orders every pair of a bill, 15 MB at 30,000
    # sections).
    rank = [0] * len(ys)
    size = 0
    last = None
    for k in sorted(range(len(ys)), key=ys.__getitem__):
        if not size or ys[k] != last:
            size += 1
            last = ys[k]
        rank[k] = size
    tree_weight = [0] * (size + 1)  # the heaviest run ending at or below a rank, and its last point
    tree_point = [-1] * (size + 1)
    best, prev = [0] * len(ys), [-1] * len(ys)
    for i in range(len(ys)):
        r = rank[i] - 1  # strictly below y
        top, top_point = 0, -1
        while r > 0:
            if tree_weight[r] > top:
                top, top_point = tree_weight[r], tree_point[r]
            r -= r & -r
        here = best[i] = top + weights[i]
        prev[i] = top_point
        r = rank[i]
        while r <= size:
            if here > tree_weight[r]:
                tree_weight[r], tree_point[r] = here, i
            r += r & -r
    i = max(range(len(ys)), key=lambda k: (best[k], -k))
    out = []
    while i != -1:
        out.append(i)
        i = prev[i]
    return out[::-1]


def _moves(old, new, pairs, how, weights) -> set[int]:
    moved: set[int] = set()

    def same(o: int, n: int) -> bool:
        """Whether the pair's words or name say it is the same provision (it may then be moved).
        Asked only of a pair out of place (its parents not paired together, or outside the run
        kept in order): asking it of every pair compared the words of each pair made by number
        or position, most of them in place (issue 26: CPU)."""
        return how[n] in ("text", "similar", "heading") or (
            how[n] != "root" and weights.dice(old[o], new[n]) >= STRONG)

    for o, n in pairs.items():
        po, pn = old[o].parent, new[n].parent
        if po is not None and pairs.get(po) != pn and same(o, n):
            moved.add(n)
    for po, pn in pairs.items():
        co = old[po].children
        cn = new[pn].children
        if not co or not cn:
            continue
        position = {c: i for i, c in enumerate(cn)}
        # The paired children's places on each side in two lists, the chain kept a byte for each, not a
        # pair for each and a set of them (issue 26: a bill's body, 30,000 pairs, the alignment's peak).
        at = [i for i, c in enumerate(co) if pairs.get(c) in position]
        ys = [position[pairs[co[i]]] for i in at]
        del position
        # Fewest provisions moved first, then the shortest: one long section moved up past
        # three short ones is one move, and of two swapped ones the shorter moved.
        sizes = [max(1, old[co[i]].size + len(old[co[i]].children)) for i in at]
        whole = sum(sizes) + 1
        for k in range(len(sizes)):
            sizes[k] += whole
        kept = bytearray(len(at))
        for k in heaviest_chain(ys, sizes):
            kept[k] = 1
        del sizes
        for k, i in enumerate(at):
            n = cn[ys[k]]
            if not kept[k] and n not in moved and same(co[i], n):
                moved.add(n)
    return moved
