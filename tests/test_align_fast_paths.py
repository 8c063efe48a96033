"""The aligner's faster paths give what the plain ones gave (issue 26: the CPU of ``lawdiff diff``).

- A sketch orders its words by one integer (``align._ranks``: the word's rank by the provisions it
  is in, then the word, with the word's place in the low bits) instead of sorting tuples: the
  trigrams chosen must be those of the tuple sort it replaced, ties included.
- The two sides' sketch indexes are built together, a new provision whose words open as an old
  one's does (``align._prefix``) taking that one's sketch: the postings must be those of a sketch
  made for each provision.
- The new side's items take what was read of an old provision with the same content (``align._items``'s
  ``read``): its items, and the texts pass 1 is given, must be those read afresh.
- A new provision whose subtree is made of the same word tuples as an old one's takes its weight, and
  so does a parent whose words are all one child's: every weight must be the float its subtree's
  words, counted afresh, give (an omnibus pair and a real bill and its new draft); the provisions each word
  is in are counted in one call: the counts must be those counted a provision at a time.
- ``align.content`` joins a node's heading and text without a generator: the string must be the
  join's, for every combination of heading and text, present, empty or None.
- ``citations.token_lines_both`` gives each token's first and last lines at once, and ``_line_at``
  answers a token that is the whole located text without reading it: both as ``token_lines`` twice,
  with the stretch read, gave them.  One "=" token, the whole of both texts, is answered from the
  words' lines alone (``WordLines.lines``), their offsets made only when ``WordLines.of`` is asked:
  the same lines, and ``of`` the offsets the loop made for every located node.
- A parent with many children keeps its last gaps while the same number of its children are paired
  (``align._gaps``): the alignment must be the one made with every gap made afresh.
- Quotes are straightened a quote at a time (``align._straight_quotes``), not by ``translate``; two
  provisions' opening words are normalised word by word (``align._opening``), not their whole texts:
  the same text and the same verdict as before.
- ``changes.ChangeDicts`` pauses the cycle collector while it makes the changes' dicts: restored when
  the iteration ends or is dropped, and the dicts those of ``compare``.
- ``align._moves`` compares a pair's words only when the pair is out of place: the moves must be
  those found by comparing every pair's first.
- The passes under paired parents go over the pairs whose old provision has children only, picked
  out in C (``align._parents``), and count a parent's paired children in C (``_paired_counts``): the
  alignment must be the one made going over every pair (omnibus pairs, a real bill and its draft).
- Pass 1 reads each provision's normalised text where ``align._items`` makes it, not from the text
  made again: the provisions it is given and their texts must be those the test made again gave.
"""

import json
import sys
import zlib
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.diff import align, citations
from lawdiff.load.documents import parse_bytes

from helpers import ROOT, omnibus
from test_heaviest_increasing import dict_and_pairs


SESSION = ROOT / "../shared/sources/sessions/193"


def sketch_by_tuples(items, item, df):
    """``align._sketch`` as it was before the integer ranks: the rarest words by sorting
    (provisions, word, place) tuples."""
    words = []
    for k in range(item.index, item.end):
        words.extend(items[k].seq)
        if len(words) >= align.SKETCH_WORDS:
            del words[align.SKETCH_WORDS:]
            break
    if len(words) < 3:
        return (" ".join(words),) if words else ()
    last = len(words) - 3
    dfs = list(map(df.__getitem__, words))
    rare = [k for k, d in enumerate(dfs) if d <= align.RARE]
    if len(rare) < align.SKETCH:
        cut = sorted(dfs)[align.SKETCH - 1] if len(dfs) > align.SKETCH else max(dfs)
        near = [(d, words[k], k) for k, d in enumerate(dfs) if d <= cut]
        rare = sorted(k for _, _, k in sorted(near)[:align.SKETCH])
    starts = sorted({s for k in rare for s in (k - 2, k - 1, k) if 0 <= s <= last})
    grams = list(dict.fromkeys([f"{words[k]} {words[k + 1]} {words[k + 2]}" for k in starts]))
    half = align.SKETCH // 2
    hashes = list(map(zlib.crc32, map(str.encode, grams)))
    by_hash = [grams[k] for k in sorted(range(len(grams)), key=hashes.__getitem__)[:half]]
    return tuple(map(sys.intern, dict.fromkeys(by_hash + grams[:half])))


def same_sketches(old_root, new_root):
    old, new = align._items(old_root), align._items(new_root)
    weights = align._Weights(old, new)
    ranks = align._ranks(weights.df)
    compared = 0
    for items in (old, new):
        for it in items[1:]:
            if it.weight:
                assert align._sketch(items, it, ranks) == sketch_by_tuples(items, it, weights.df)
                compared += 1
    return compared


def postings_one_by_one(items, df):
    out = {}
    for it in items[1:]:
        if it.weight:
            for g in sketch_by_tuples(items, it, df):
                out.setdefault(g, []).append(it.index)
    return {g: tuple(where) for g, where in out.items()}


def test_indexes_with_shared_sketches_as_one_by_one():
    old_text, new_text = omnibus.generate(80, 4).texts()
    old_doc, new_doc = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
    old, new = align._items(old_doc.tree), align._items(new_doc.tree)
    weights = align._Weights(old, new)
    made = {}
    ranks = align._ranks(weights.df)
    index_old, index_new = align._Index(old, ranks, made, True), align._Index(new, ranks, made, False)
    for index, items in ((index_old, old), (index_new, new)):
        one_by_one = postings_one_by_one(items, weights.df)
        assert {g: index.hits(g) for g in index.postings} == one_by_one and index.hits("no such words") == ()
        # A trigram of one provision holds the index alone
        assert all(type(index.postings[g]) is (int if len(where) == 1 else tuple) for g, where in one_by_one.items())
    # Most of the new version's provisions opened as old ones did and took their sketches; the new
    # side's own were not kept.
    shared = sum(1 for it in new[1:] if it.weight and align._prefix(new, it) in made)
    assert shared > 0.8 * sum(1 for it in new[1:] if it.weight)
    assert len(made) == len({align._prefix(old, it) for it in old[1:] if it.weight})


def test_sketches_of_omnibus_bills_as_before():
    for seed in (1, 2):
        old_text, new_text = omnibus.generate(60, seed).texts()
        old, new = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
        assert same_sketches(old.tree, new.tree) > 100


# Few distinct words, so words share their counts of provisions (ties broken by the word, then the
# place) and the rare words are sometimes enough (the first branch), sometimes not.
WORDS = st.sampled_from("a b c d e f g h i j k l m n o p q r s t".split())
TEXTS = st.lists(st.lists(WORDS, max_size=30).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS)
def test_sketches_of_random_texts_as_before(old_texts, new_texts):
    from lawdiff.parse.tree import Node

    def tree(texts):
        # A section of subsections, so subtrees (a parent's words, then its children's) are sketched too.
        kids = [Node("subsection", f"s1__sub{k}", f"({k})", text=t) for k, t in enumerate(texts)]
        return Node("body", "body", children=[Node("section", "s1", "1", text=texts[0], children=kids)])

    same_sketches(tree(old_texts), tree(new_texts))


def test_ranks_order_words_by_provisions_then_word():
    ranks, rare_below = align._ranks(Counter({"b": 2, "a": 2, "z": 1, "c": 9}))
    assert sorted(ranks, key=ranks.get) == ["z", "a", "b", "c"]
    assert all(r % 128 == 0 for r in ranks.values())
    assert {w for w in ranks if ranks[w] < rare_below} == {"a", "b", "z"}  # in at most RARE (4) provisions


def text_key(item):
    """Pass 1's text of an item as it was found before: normalised again from the node."""
    if item.size < 2 * align.MIN_TEXT_WORDS - 1:
        return None
    key = align._key(item)
    return key if len(key.split()) >= align.MIN_TEXT_WORDS else None


def same_texts(root):
    given = []
    items = align._items(root, lambda it, key: given.append((it.index, it.kind, key)))
    assert given == [(it.index, it.kind, text_key(it)) for it in items[1:] if text_key(it) is not None]
    return len(given)


def test_pass_one_texts_of_omnibus_bills_as_before():
    old_text, new_text = omnibus.generate(60, 3).texts()
    for text in (old_text, new_text):
        assert same_texts(parse_bytes(text, "bill.txt").tree) > 50


SPACED = st.lists(st.sampled_from(["a", "bb", "Ccc", "“d”", "e.", " ", "  ", "\t", "ß", ""]), max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SPACED, SPACED), min_size=1, max_size=8))
def test_pass_one_texts_of_random_texts_as_before(parts):
    from lawdiff.parse.tree import Node
    quoted = Node("quotedStructure", "q", children=[Node("section", f"q{k}", "1", h or None, t)
                                                   for k, (h, t) in enumerate(parts)])
    root = Node("body", "body", children=[Node("section", f"s{k}", "1", h or None, t) for k, (h, t) in enumerate(parts)]
                + [Node("section", "s", "2", None, "x", children=[quoted])])
    same_texts(root)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-5, 60), max_size=40, unique=True).map(sorted), st.data())
def test_a_chain_already_in_order_as_the_tree_finds_it(ys, data):
    weights = data.draw(st.one_of(st.none(), st.lists(st.floats(0.01, 5), min_size=len(ys), max_size=len(ys))))
    points = list(enumerate(ys))
    assert align.heaviest_increasing(points, weights) == dict_and_pairs(points, weights) == points
    if len(ys) > 1:  # one weight not positive: the tree decides, as before
        zero = [1.0] * len(ys)
        zero[data.draw(st.integers(0, len(ys) - 1))] = 0.0
        assert align.heaviest_increasing(points, zero) == dict_and_pairs(points, zero)


def moves_comparing_every_pair(old, new, pairs, how, weights):
    """``align._moves`` as it was: every pair's words compared first."""
    moved = set()
    same = {n for o, n in pairs.items()
            if how[n] in ("text", "similar", "heading") or (how[n] != "root" and weights.dice(old[o], new[n]) >= align.STRONG)}
    for o, n in pairs.items():
        if n not in same:
            continue
        po, pn = old[o].parent, new[n].parent
        if po is not None and pairs.get(po) != pn:
            moved.add(n)
    for po, pn in pairs.items():
        co, cn = old[po].children, new[pn].children
        if not co or not cn:
            continue
        position = {c: i for i, c in enumerate(cn)}
        points = [(i, position[pairs[c]]) for i, c in enumerate(co) if pairs.get(c) in position]
        sizes = [max(1, old[co[i]].size + len(old[co[i]].children)) for i, _ in points]
        whole = sum(sizes) + 1
        kept = set(align.heaviest_increasing(points, [whole + size for size in sizes]))
        moved.update(cn[j] for i, j in points if (i, j) not in kept and cn[j] in same)
    return moved


def test_moves_as_when_every_pair_was_compared(monkeypatch):
    found = []

    def both(old, new, pairs, how, weights):
        lazy = found_lazy(old, new, pairs, how, weights)
        found.append((lazy, moves_comparing_every_pair(old, new, pairs, how, weights)))
        return lazy

    found_lazy = align._moves
    monkeypatch.setattr(align, "_moves", both)
    for seed in (5, 6, 7, 8):
        # More moves than the bench's 0.5 %, and sections struck and inserted: pairs out of place.
        pair = omnibus.generate(120, seed, moved=0.05)
        old_text, new_text = pair.texts()
        align.align(parse_bytes(old_text, "old.txt").tree, parse_bytes(new_text, "new.txt").tree)
    assert all(lazy == eager for lazy, eager in found)
    assert len(found) == 4 and sum(len(lazy) for lazy, _ in found) >= 4, found


def item_fields(items):
    return [(it.index, it.parent, it.children, it.size, it.seq, it.words, it.rank, it.quoted, it.end, it.kind)
            for it in items]


def same_items_read_once(old_root, new_root):
    fresh_texts, read_texts = [], []
    fresh = [align._items(root, lambda it, key: fresh_texts.append((it.index, key))) for root in (old_root, new_root)]
    read = {}
    once = [align._items(old_root, lambda it, key: read_texts.append((it.index, key)), read, keep=True),
            align._items(new_root, lambda it, key: read_texts.append((it.index, key)), read)]
    assert read_texts == fresh_texts
    for a, b in zip(fresh, once):
        assert item_fields(a) == item_fields(b)
    return sum(1 for it in once[1] if any(it.seq is o.seq for o in once[0][1:] if it.seq))


def test_items_read_once_as_read_afresh():
    old_text, new_text = omnibus.generate(60, 9).texts()
    shared = same_items_read_once(parse_bytes(old_text, "old.txt").tree, parse_bytes(new_text, "new.txt").tree)
    assert shared > 50  # the unchanged provisions' words are the old side's tuples


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(SPACED, SPACED), min_size=1, max_size=6), st.lists(st.tuples(SPACED, SPACED), max_size=6))
def test_items_read_once_of_random_texts(old_parts, new_parts):
    from lawdiff.parse.tree import Node

    def tree(parts):
        quoted = Node("quotedStructure", "q", children=[Node("section", f"q{k}", "1", h or None, t)
                                                       for k, (h, t) in enumerate(parts)])
        return Node("body", "body", children=[Node("section", f"s{k}", "1", h or None, t)
                                              for k, (h, t) in enumerate(parts)] + [quoted])
    same_items_read_once(tree(old_parts), tree(old_parts[:2] + new_parts))


@pytest.mark.parametrize("pair", ["omnibus", "H1745-H4115"])
def test_weights_taken_from_the_old_side_as_counted_afresh(pair):
    import math
    from itertools import chain
    from operator import mul
    if pair == "omnibus":
        old_text, new_text = omnibus.generate(60, 10).texts()
        old_doc, new_doc = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
    else:  # a filed bill and its committee's new draft, as the legislature's API serves them
        names = [SESSION / "documents" / f"{name}.json" for name in pair.split("-")]
        old_doc, new_doc = (parse_bytes(path.read_bytes(), path) for path in names)
    read = {}
    old = align._items(old_doc.tree, None, read, keep=True)
    new = align._items(new_doc.tree, None, read)
    weights = align._Weights(old, new)
    df = Counter()  # each provision's distinct words counted a provision at a time, as before
    for items in (old, new):
        for it in items:
            if it.seq:
                df.update(dict.fromkeys(it.seq).keys())
    # The same counts (in another order: a tuple there several times is counted apart, and the order
    # is never read: idf is looked up, ``_ranks`` sorts by count and word).
    assert weights.df == df and all(type(k) is int for k in weights.df.values())
    for items in (old, new):
        for it in items:
            tree = Counter(chain.from_iterable(items[k].seq for k in range(it.index, it.end)))
            expected = sum(map(mul, tree.values(), map(weights.idf.__getitem__, tree)))
            assert it.weight == expected and type(it.weight) is type(expected)
            assert not it.seq or it.weight > 0
    assert all(w > 0 for w in weights.idf.values()) and not math.isnan(sum(weights.idf.values()))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), SPACED), st.one_of(st.none(), SPACED))
def test_content_as_the_join(heading, text):
    from lawdiff.parse.tree import Node
    node = Node("section", "s1", "1", heading, text)
    assert align.content(node) == " ".join(p for p in (heading, text) if p)
    assert type(align.content(node)) is str


def line_at_reading_the_stretch(located, offset, length, text, last=False):
    """``citations._line_at`` as it was: the stretch always read."""
    from bisect import bisect_right
    starts, ends, lines = located
    if length:
        stretch = text[offset:offset + length]
        if stretch.strip():
            p = offset + (len(stretch.rstrip()) - 1 if last else len(stretch) - len(stretch.lstrip()))
            i = bisect_right(starts, p) - 1
            return lines[max(i, 0)]
    i = bisect_right(ends, offset) - 1
    return lines[max(i, 0)]


def token_lines_as_it_was(tokens: list, old, new, old_lines, new_lines, last: bool = False):
    """``citations.token_lines`` as it was, one of the two lists at a time: [[old line, new line], ...]
    parallel to ``tokens``; None if neither side is located.

    ``old line`` is where the token's first word (``last``: its last word) stands in
    the old text, or for an inserted token the line of the old word it follows;
    ``new line`` likewise.  ``old`` and ``new`` are a node each, None, or (a split's
    or join's parted side) the list of its parts, whose contents the tokens join by one space.
    """
    lo, to = citations.located_run(old, old_lines)
    ln, tn = citations.located_run(new, new_lines)
    if lo is None and ln is None:
        return None
    out, io, i_n = [], 0, 0
    for op, text in tokens:
        on_old, on_new = op in "=-", op in "=+"
        out.append([
            citations._line_at(lo, io, len(text) if on_old else 0, to, last) if lo else None,
            citations._line_at(ln, i_n, len(text) if on_new else 0, tn, last) if ln else None,
        ])
        io += len(text) if on_old else 0
        i_n += len(text) if on_new else 0
    return out



def test_token_lines_at_once_as_twice(monkeypatch):
    from lawdiff.diff.tokens import word_diff
    old_text, new_text = omnibus.generate(40, 11).texts()
    old, new = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
    located = (citations.WordLines(old), citations.WordLines(new))
    old_nodes = [n for n in old.tree.walk() if align.has_content(n)]
    new_nodes = [n for n in new.tree.walk() if align.has_content(n)]
    found = whole = 0
    for a, b in zip(old_nodes, new_nodes):  # pairs in order: most the same provision, some not
        for pair in ((a, b), (a, None), (None, b), ([a, b], b), (a, [b, a])):
            contents = [" ".join(align.content(n) for n in side) if isinstance(side, list) else
                        align.content(side) if side is not None else "" for side in pair]
            tokens = word_diff(*contents).tokens if all(pair) else [["-" if pair[0] else "+", contents[0] or contents[1]]]
            fresh = tuple(citations.WordLines(doc) for doc in (old, new))  # nothing cached: the lines alone
            both = citations.token_lines_both(tokens, *pair, *fresh)
            assert both == citations.token_lines_both(tokens, *pair, *located)
            monkeypatch.setattr(citations, "_line_at", line_at_reading_the_stretch)
            twice = (token_lines_as_it_was(tokens, *pair, *located), token_lines_as_it_was(tokens, *pair, *located, last=True))
            monkeypatch.undo()
            assert both == twice
            found += both[0] is not None
            whole += both[0] is not None and len(tokens) == 1 and tokens[0][0] == "="
    assert found > 100 and whole > 30


def locate_with_offsets(doc, node):
    """``WordLines._locate`` as it was: every located node's word offsets made with its lines."""
    span = citations.own_lines(node)
    found = doc.words_on_lines(*span) if span is not None else None
    if found is None or not align.has_content(node):
        return None
    words, lines = found
    text = align.content(node)
    want = text.split()
    m = len(want)
    if not m or " ".join(want) != text:
        return None
    for k in range(0, len(words) - m + 1):
        if words[k] == want[0] and words[k:k + m] == want:
            break
    else:
        return None
    starts, ends, at = [], [], 0
    for w in want:
        starts.append(at)
        ends.append(at + len(w))
        at += len(w) + 1
    return starts, ends, lines[k:k + m]


def test_word_lines_without_offsets_then_with():
    """``WordLines.lines`` (offsets not made) and then ``of`` (made then), or ``of`` alone, in a cache
    that forgets: what ``_locate`` found with the offsets made at once, for every node of a pair."""
    for name, text in zip(("old.txt", "new.txt"), omnibus.generate(90, 11).texts()):
        doc = parse_bytes(text, name)
        nodes = list(doc.tree.walk())
        lazy, eager = citations.WordLines(doc, keep=3), citations.WordLines(doc, keep=3)
        located = 0
        for node in nodes:
            want = locate_with_offsets(doc, node)
            assert lazy.lines(node) == (want[2] if want else None)
            assert lazy.of(node) == want == eager.of(node)
            assert lazy.lines(node) == (want[2] if want else None)
            located += want is not None
        assert located > 100


def test_gaps_kept_as_made_afresh(monkeypatch):
    for seed in (12, 13):
        pair = omnibus.generate(150, seed, moved=0.03)
        old_text, new_text = pair.texts()
        old, new = parse_bytes(old_text, "old.txt").tree, parse_bytes(new_text, "new.txt").tree
        found = []
        for keep in (0, 10**9):  # every parent keeps its gaps; none does
            monkeypatch.setattr(align, "KEEP_GAPS", keep)
            made = align.align(old, new)
            found.append((made.pairs, made.how, made.moved))
        assert found[0] == found[1]
        assert len(found[0][0]) > 150


QUOTED = st.text(alphabet=st.sampled_from(list("aBΣςßİ ’‘“”\"'.,\t\n\u00a0\u2003xYz1")), max_size=80)


@settings(max_examples=500, deadline=None)
@given(QUOTED, QUOTED, st.integers(0, 12))
def test_quotes_and_openings_as_before(a, b, repeat):
    from lawdiff.parse.tree import Node
    assert align._straight_quotes(a) == a.translate(align._QUOTES)
    # Texts sharing their first words now and then: ``repeat`` words of ``a`` opening ``b`` too.
    b = " ".join(a.split()[:repeat]) + " " + b

    def item(text):
        return align._items(Node("section", "s", "1", None, text))[0]

    def before(x, y):
        wa = align._key(x).split(" ", align.OPENING)[:align.OPENING]
        wb = align._key(y).split(" ", align.OPENING)[:align.OPENING]
        return align.RELATED if len(wa) == align.OPENING and wa == wb else 0.0

    x, y = item(a), item(b)
    assert align._same_opening(x, y) == before(x, y)
    if align._key(x):
        assert align._opening(x) == align._key(x).split(" ", align.OPENING)[:align.OPENING]


def test_openings_of_long_texts():
    from lawdiff.parse.tree import Node
    words = "The Secretary’s “Fund” shall be ΣΑΣ Straße credited to the account of".split()
    a = align._items(Node("section", "s", "1", None, " ".join(words)))[0]
    b = align._items(Node("section", "s", "1", None, "  ".join(words[:10]) + " and other words"))[0]
    c = align._items(Node("section", "s", "1", None, " ".join(words[:9])))[0]
    assert align._same_opening(a, b) == align.RELATED
    assert align._same_opening(a, c) == 0.0
    assert align._opening(a)[:3] == ["the", "secretary's", '"fund"']


def test_change_dicts_pause_the_collector_and_restore_it():
    import gc
    from lawdiff.diff.changes import compare, compare_streamed
    old_text, new_text = omnibus.generate(20, 14).texts()
    old, new = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
    assert gc.isenabled()
    streamed = compare_streamed(old, new)
    seen = []
    for d in streamed["changes"]:
        seen.append(gc.isenabled())
    assert seen and not any(seen) and gc.isenabled()
    assert list(streamed["changes"]) == compare(old, new)["changes"]
    dropped = iter(streamed["changes"])
    next(dropped)
    assert not gc.isenabled()
    del dropped  # a reader that stops half way (a write that failed)
    assert gc.isenabled()
    gc.disable()
    try:  # paused already: left paused
        assert len(list(streamed["changes"])) == len(seen) and not gc.isenabled()
    finally:
        gc.enable()


def test_passes_over_parent_pairs_only_as_over_every_pair(monkeypatch):
    """``align._parents`` given to the passes (the pairs with children picked out) or not (every pair
    looked at, as before): the same pairs, passes and moves, on omnibus pairs with moves and on real
    bills and their new drafts."""
    docs = []
    for seed in (21, 22, 23):
        old_text, new_text = omnibus.generate(120, seed, moved=0.03).texts()
        docs.append((parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")))
    for pair in ("H3306-H4450", "H83-H4632"):
        names = [SESSION / "documents" / f"{name}.json" for name in pair.split("-")]
        docs.append(tuple(parse_bytes(path.read_bytes(), path) for path in names))
    for old, new in docs:
        found = []
        for every in (False, True):
            if every:
                monkeypatch.setattr(align, "_parents", lambda items: None)
            made = align.align(old.tree, new.tree)
            found.append((made.pairs, made.how, made.moved))
        monkeypatch.undo()
        assert found[0] == found[1]
        assert len(found[0][0]) > 25 and len(found[0][1]) == len(found[0][0])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("a b c d e f".split()), min_size=1, max_size=6).map(tuple), max_size=8),
       st.lists(st.integers(0, 7), max_size=12))
def test_provisions_of_words_with_tuples_there_several_times(seqs, again):
    """``align._provisions_of_words`` counts a tuple there several times (the same object, as the new
    side shares the old one's) once and adds its words so many times: each provision's distinct
    words counted one provision at a time give the same counts."""
    seqs = seqs + [seqs[k] for k in again if k < len(seqs)]
    want = Counter()
    for seq in seqs:
        want.update(set(seq))
    assert align._provisions_of_words(seqs) == want


def test_items_share_their_integers_and_read_the_same():
    """``align._items`` given one list of integer objects for both sides: every index, end and place
    among siblings is the value made without it, and the two sides' are the same objects."""
    old_text, new_text = omnibus.generate(150, 4).texts()
    roots = [parse_bytes(text, name).tree for text, name in ((old_text, "old.txt"), (new_text, "new.txt"))]
    ints: list[int] = []
    shared = [align._items(root, ints=ints) for root in roots]
    alone = [align._items(root) for root in roots]
    for a, b in zip(shared, alone):
        assert [(it.index, it.end, it.rank, it.parent, it.children) for it in a] == \
            [(it.index, it.end, it.rank, it.parent, it.children) for it in b]
    old, new = shared
    assert len(old) > 260 and all(old[k].index is new[k].index for k in range(min(len(old), len(new))))
    assert all(it.end is ints[it.end] and it.rank is ints[it.rank] for items in shared for it in items)


def by_subtree_text_with_lists(old, new, pairs, how):
    """``align._by_subtree_text`` as it was: signatures and sizes in dicts, every item with a key in
    a list, both sides' unique keys made in full."""
    def unique(items):
        sig, size, seen = {}, {}, {}
        for it in reversed(items):
            own = it.seq
            sig[it.index] = hash((" ".join(own), tuple(sig[c] for c in it.children)))
            size[it.index] = len(own) + sum(size[c] for c in it.children)
            if it.index and size[it.index] >= align.MIN_TEXT_WORDS:
                seen.setdefault((it.kind, sig[it.index]), []).append(it.index)
        return {k: v[0] for k, v in seen.items() if len(v) == 1}

    uo, un = unique(old), unique(new)
    taken = set(pairs.values())
    for k, o in sorted(uo.items(), key=lambda kv: kv[1]):
        n = un.get(k)
        if (n is not None and o not in pairs and n not in taken
                and align.clean_num(old[o].node.num or "") != align.clean_num(new[n].node.num or "")):
            align._pair(o, n, "text", pairs, how)
            taken.add(n)


def test_subtree_text_pass_as_with_lists(monkeypatch):
    """``align._by_subtree_text`` keeps an item (or -1) for each key, the new side's only where the
    old side has it once: the same pairs as with every item listed (omnibus pairs with sections
    renumbered and moved, whose words this pass pairs, and real bills and their new drafts)."""
    docs = []
    for seed in (31, 32, 33):
        old_text, new_text = omnibus.generate(150, seed, moved=0.05).texts()
        docs.append((parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")))
    for pair in ("H3306-H4450", "H83-H4632", "H1745-H4115"):
        names = [SESSION / "documents" / f"{name}.json" for name in pair.split("-")]
        docs.append(tuple(parse_bytes(path.read_bytes(), path) for path in names))
    docs.append(renumbered_runs())
    by_pass = 0
    for old, new in docs:
        found = []
        for before in (False, True):
            if before:
                monkeypatch.setattr(align, "_by_subtree_text", by_subtree_text_with_lists)
            made = align.align(old.tree, new.tree)
            found.append((made.pairs, made.how, made.moved))
        monkeypatch.undo()
        assert found[0] == found[1]
        made = align.align(old.tree, new.tree)
        by_pass += sum(1 for o, n in made.pairs.items() if made.how[n] == "text" and made.old[o].node.num
                       and align.clean_num(made.old[o].node.num) != align.clean_num(made.new[n].node.num))
    assert by_pass >= 4  # pass 1 pairs no renumbered provision whose words are all in its children


def renumbered_runs(moved: bool = False):
    """An act's sections put in and renumbered, each with its words in its subsections (which only
    the subtree pass pairs by their words), some subsections' words repeated under two sections on
    a side (keys held by several items), in the API records' layout."""
    def doc(name, *paragraphs):
        text = "".join(f"\t{p}\r\n" for p in paragraphs)
        return parse_bytes(json.dumps({"DocumentText": text, "BillNumber": name, "GeneralCourtNumber": 193}).encode(),
                           f"{name}.json")

    def section(k, topic):
        return (f"SECTION {k}.", f"(a) The keeper of the {topic} shall count the boats that pass each week of the year.",
                f"(b) The keeper shall send the counts of the {topic} to the harbor board by the first of May.")

    repeated = ("SECTION {}.", "(a) Each town shall keep a list of its wells and pumps and the water they draw.",
                "(b) The list shall be open to the public at the town hall during business hours.")
    topics = ["north lock", "south lock", "east weir", "west weir", "middle canal", "upper basin"]
    old = [p for k, t in enumerate(topics, 1) for p in section(k, t)]
    old += [p.format(7) for p in repeated] + [p.format(8) for p in repeated]
    new = [*section(1, topics[0]), *section(2, "river gate")]
    new += [p for k, t in enumerate(topics[1:], 3) for p in section(k, t)]
    new += [p.format(8) for p in repeated] + [p.format(9) for p in repeated]
    if moved:  # the first section moved last, its subsections with it
        new = new[3:] + new[:3]
    return doc("H9101", *old), doc("H9102", *new)


def gaps_of_with_points(old, new, pairs, taken, po, pn):
    """``align._gaps_of`` as it was: the anchors as pairs, chained as pairs, the ends added to a copy."""
    co, cn = old[po].children, new[pn].children
    where = {c: j for j, c in enumerate(cn)}
    anchors = align.heaviest_increasing([(i, where[pairs[c]]) for i, c in enumerate(co) if pairs.get(c) in where])
    bounds = [(-1, -1)] + anchors + [(len(co), len(cn))]
    for (ao, an), (bo, bn) in zip(bounds, bounds[1:]):
        gap_o = [c for c in co[ao + 1:bo] if c not in pairs]
        gap_n = [c for c in cn[an + 1:bn] if c not in taken]
        if gap_o and gap_n:
            yield gap_o, gap_n


def test_gaps_as_with_points(monkeypatch):
    """``align._gaps_of`` chains the anchors' places as two lists: the gaps the pairs gave, each time
    the passes ask (omnibus pairs with moves, struck and inserted sections, and a real redraft)."""
    asked = []

    def both(old, new, pairs, taken, po, pn):
        got = list(fresh(old, new, pairs, taken, po, pn))
        asked.append((got, list(gaps_of_with_points(old, new, pairs, taken, po, pn))))
        return iter(got)

    fresh = align._gaps_of
    monkeypatch.setattr(align, "_gaps_of", both)
    for seed in (41, 42, 43):
        old_text, new_text = omnibus.generate(150, seed, moved=0.05, struck=0.05, inserted=0.05).texts()
        align.align(parse_bytes(old_text, "old.txt").tree, parse_bytes(new_text, "new.txt").tree)
    names = [SESSION / "documents" / f"{name}.json" for name in ("H83", "H4632")]
    old, new = (parse_bytes(path.read_bytes(), path) for path in names)
    align.align(old.tree, new.tree)
    assert all(got == before for got, before in asked)
    assert sum(len(got) for got, _ in asked) > 20


def test_changes_held_as_integers_are_made_as_change_makes_them():
    """``changes.Changes`` holds a change with no word diff of its own to keep as one integer, its words'
    lines located once, and makes it when it is read without ``_change``: every such change must be the
    one ``_change`` makes, and its kind and old order, read without making it, those of the change (omnibus pairs with sections struck, inserted, moved and renumbered; real
    bills and their redrafts, printed and API records), and every change of the model as before."""
    from lawdiff.diff import changes as changes_module
    from lawdiff.diff.model import ChangeModel

    docs = []
    for seed in (51, 52):
        old_text, new_text = omnibus.generate(200, seed, moved=0.05, struck=0.05, inserted=0.05).texts()
        docs.append((parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")))
    for pair in ("H3306-H4450", "H83-H4632", "H1745-H4115"):
        names = [SESSION / "documents" / f"{name}.json" for name in pair.split("-")]
        docs.append(tuple(parse_bytes(path.read_bytes(), path) for path in names))
    docs += [renumbered_runs(), renumbered_runs(moved=True)]
    held = displaced = 0
    seen = set()
    for old, new in docs:
        model, made = changes_module._compare(old, new, changes_module.DEFAULT_TIMEOUT)
        for e in made.entries:
            if type(e) is not int:
                continue
            o, n, moved, how, displaced = made.unpack(e)
            assert made.made(e) == changes_module._change(made.sides, o, n, moved, how, displaced)
            held += 1
            seen.add(made.made(e).kind)
        assert made[0] == next(iter(made)) and made[-2:] == list(made)[-2:]
        typed = list(made)
        assert [made.kind(k) for k in range(len(made))] == [c.kind for c in typed]
        assert [made.old_order(k) for k in range(len(made))] == [
            None if c.old is None else -1 if c.old.order is None else c.old.order for c in typed]
        assert displaced_as_before([replace(c, displaced=False) for c in typed]) == typed
        displaced += sum(c.displaced for c in typed)
        whole = ChangeModel(model.old, model.new, model.not_compared, tuple(made), model.stats)
        assert model.stats == type(model.stats).of(list(made)) and whole.to_dict()["stats"] == model.stats.to_dict()
    assert held > 500 and {"equal", "renumber", "insert", "delete", "move"} <= {k.value for k in seen}
    assert displaced > 0


def displaced_as_before(changes):
    """``changes._displaced`` as it was, over typed changes."""
    from lawdiff.diff.model import ChangeKind

    pairs = [k for k, c in enumerate(changes) if c.old is not None and c.new is not None and c.kind != ChangeKind.MOVE]
    kept = set(align.heaviest_chain([changes[k].old.order for k in pairs]))
    return [replace(c, displaced=True) if k in pairs and pairs.index(k) not in kept else c
            for k, c in enumerate(changes)]


POOL = ["The board shall meet each month in the town hall and keep minutes of what it decides.",
        "(a) Each town shall keep a list of its wells and the water each of them draws in a year.",
        "(b) The list shall be open to the public during the hours the town hall is open.",
        "The clerk shall send a copy of the minutes to the state secretary by the first of June.",
        "(a) No person shall fish in the reservoir between the first of March and the last of May.",
        "This act shall take effect upon its passage."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=8),
       st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=8), st.integers(0, 3))
def test_changes_held_as_integers_of_random_bills(old_picks, new_picks, shift):
    """Random bills in the API records' layout, their paragraphs drawn from a few (repeated, reordered,
    dropped, renumbered by ``shift``): every change held as an integer made as ``_change`` makes it,
    its kind and old order read without making it, and the counts those of the made changes."""
    from lawdiff.diff import changes as changes_module

    def bill(name, picks, first):
        text = "".join(f"\tSECTION {first + k}. {POOL[p]}\r\n" if not POOL[p].startswith("(") else f"\t{POOL[p]}\r\n"
                       for k, p in enumerate(picks))
        return parse_bytes(json.dumps({"DocumentText": text, "BillNumber": name, "GeneralCourtNumber": 193}).encode(),
                           f"{name}.json")

    model, made = changes_module._compare(bill("H9201", old_picks, 1), bill("H9202", new_picks, 1 + shift),
                                          changes_module.DEFAULT_TIMEOUT)
    typed = list(made)
    for k, e in enumerate(made.entries):
        assert made.kind(k) == typed[k].kind and made.old_order(k) == (
            None if typed[k].old is None else -1 if typed[k].old.order is None else typed[k].old.order)
        if type(e) is int:
            o, n, moved, how, displaced = made.unpack(e)
            assert typed[k] == changes_module._change(made.sides, o, n, moved, how, displaced)
    assert model.stats == type(model.stats).of(typed)
