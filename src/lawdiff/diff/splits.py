"""Splits and joins: one provision become two or more adjacent ones, or the reverse.

Run after ``align``, over its pairs.  Without it a split reads as the old
provision P amended into the first part (the words that went on struck) plus
the further parts inserted whole: text deleted and new text added, which is
not what happened.

The rule.  A *split* is an old provision P paired with a new provision Q, and
a run of unpaired new provisions standing next to Q among its siblings (after
it, or before it: the aligner pairs P with the larger share), such that

- Q has words of its own, and each part is of Q's kind (type, and quoted or
  not) and has words of its own (at least ``MIN_PART_WORDS``), and every provision of the run but the last
  has no children (so the parts follow each other in document order, and their
  own words are what P's own words became);
- each part's words (multiset, case and quotes folded) are found, to at least
  ``CONTAINED_PART``, among the words of P that Q and the parts taken before it
  did not use: a new paragraph written after an amended one shares its
  vocabulary, not the words P lost;
- the word diff of P against the parts' contents joined by one space changes
  (strikes or inserts) clearly fewer words than what is shown without the part:
  the diff of P against the parts before it, plus every word of the part
  inserted.  "Clearly": fewer by at least the part's own word count, that is,
  at least half of the part's words are words of P that would otherwise be
  shown struck and inserted again (a split with no edit saves twice the part's
  words).  Parts are taken one at a time, nearest first, and each must pass.

A *join* is the mirror image: a new provision paired with an old one, and
unpaired old neighbours of that old one whose words are found in the new one.
Pairs the aligner moved are left alone, and so is a word diff that ran out of
time.

Cost: for p pairs, the bag checks O(p w) (w the words of a provision); two
word diffs for a pair with a neighbour that passes them (the pair alone, then
with the part) and one more per further part, which is rare (a part must be
an unpaired neighbour holding P's lost words), so a bill without splits pays
the bag checks only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lawdiff.diff.align import Alignment, Item, _bag, _seq, content, has_content
from lawdiff.diff.tokens import word_diff

CONTAINED_PART = 0.8  # the least share of a part's words found among the words P lost
SAVING = 1.0  # a part must save at least this many times its own word count of changed words
MIN_PART_WORDS = 3  # a shorter fragment says too little to be called a part


@dataclass
class Group:
    """One split or join: which provisions, and the word diff of the whole."""

    kind: str  # "split" or "join"
    olds: list[int]  # old item indexes, in order (one for a split)
    news: list[int]  # new item indexes, in order (one for a join)
    pair: tuple[int, int]  # (old, new) of the aligner's pair inside the group
    tokens: list[tuple[str, str]]  # ops "=", "-", "+"; the joining spaces cut out as tokens of their own
    breaks: list[int]  # for each part after the first, the index of the token joining it to the one before


def find_groups(alignment: Alignment, timeout: float) -> list[Group]:
    """Every split and join of the alignment (see the module's rule), in no particular order."""
    old, new, pairs = alignment.old, alignment.new, alignment.pairs
    taken = set(pairs.values())
    used_old: set[int] = set()  # parts already in a group: an unpaired provision is one part at most
    used_new: set[int] = set()
    groups = []
    for o, n in pairs.items():
        if o == 0 or n in alignment.moved:
            continue
        a, b = old[o], new[n]
        if not (has_content(a.node) and has_content(b.node)):
            continue
        found = _grow("split", a, b, new, lambda i: i not in taken and i not in used_new, timeout)
        if found is None:
            found = _grow("join", b, a, old, lambda i: i not in pairs and i not in used_old, timeout)
        if found is not None:
            groups.append(found)
            used_new.update(found.news)
            used_old.update(found.olds)
    return groups


def _grow(kind: str, whole: Item, kept: Item, items: list[Item], free, timeout: float) -> Group | None:
    """The parts of ``whole`` around ``kept`` on ``items``' side, or None if it is no split/join."""
    if kept.parent is None or not _seq(kept):
        # Q with no words of its own (a SECTION whose text is all in its subsections) kept
        # none of P's words: it is no part of a split, and joined to the others it would
        # leave a part that is only a number and a space.
        return None
    siblings = items[kept.parent].children
    r = kept.rank
    # Most pairs have no unpaired neighbour of their kind: nothing to count for them.
    if not any(0 <= j < len(siblings) and free(siblings[j]) and items[siblings[j]].kind == kept.kind
               for j in (r - 1, r + 1)):
        return None
    left = _bag(whole) - _bag(kept)  # the words of the whole that ``kept`` did not keep
    if not left:
        return None
    run = [kept.index]
    base = None  # words the diff of the whole against ``run`` changes: diffed once a part fits
    best = None
    for step in (1, -1):  # the parts after it, then the ones before
        while True:
            j = items[run[-1] if step == 1 else run[0]].rank + step
            if not 0 <= j < len(siblings):
                break
            cand = items[siblings[j]]
            before_part = run[-1] if step == 1 else cand.index  # must be childless: another part follows it
            if not _fits(cand, kept, left, free) or items[before_part].children:
                break
            if base is None:
                base = _changed(_diff(kind, whole, [kept], timeout))
                if base is None:
                    return None
            trial = run + [cand.index] if step == 1 else [cand.index] + run
            tokens = _diff(kind, whole, [items[i] for i in trial], timeout)
            changed = _changed(tokens)
            words = len(content(cand.node).split())
            if changed is None or (base + words) - changed < SAVING * words:
                break
            run, base, best = trial, changed, tokens
            left = left - _bag(cand)
    if best is None:
        return None
    texts = [content(items[i].node) for i in run]
    tokens, breaks = _cut(best, texts, "=+" if kind == "split" else "=-")
    if kind == "split":
        return Group(kind, [whole.index], run, (whole.index, kept.index), tokens, breaks)
    return Group(kind, run, [whole.index], (kept.index, whole.index), tokens, breaks)


def _fits(cand: Item, kept: Item, left: Counter, free) -> bool:
    if not free(cand.index) or cand.kind != kept.kind or not has_content(cand.node):
        return False
    bag = _bag(cand)
    if cand.words < MIN_PART_WORDS:
        return False
    found = sum(min(k, left[w]) for w, k in bag.items())
    return found >= CONTAINED_PART * cand.words


def _diff(kind: str, whole: Item, parts: list[Item], timeout: float):
    joined = " ".join(content(p.node) for p in parts)
    if kind == "split":
        diff = word_diff(content(whole.node), joined, timeout)
    else:
        diff = word_diff(joined, content(whole.node), timeout)
    return None if diff.degraded else [(op, text) for op, text in diff.tokens]


def _changed(tokens) -> int | None:
    """Words struck or inserted (None for a diff that ran out of time)."""
    if tokens is None:
        return None
    return sum(len(text.split()) for op, text in tokens if op != "=")


def _cut(tokens: list[tuple[str, str]], texts: list[str], ops: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The tokens with each joining space of the parted side (``ops``: the ops that side
    reads) cut out as a token of its own, and the indexes of those tokens."""
    joins = []
    at = 0
    for text in texts[:-1]:
        at += len(text)
        joins.append(at)  # offset of the joining space on the parted side
        at += 1
    out: list[tuple[str, str]] = []
    breaks: list[int] = []
    pos = 0  # offset on the parted side
    for op, text in tokens:
        if op not in ops:
            out.append((op, text))
            continue
        start = 0
        while joins and pos + len(text) > joins[0] >= pos:
            cut = joins.pop(0) - pos
            assert text[cut] == " "
            if cut > start:
                out.append((op, text[start:cut]))
            breaks.append(len(out))
            out.append((op, " "))
            start = cut + 1
        if start < len(text):
            out.append((op, text[start:]))
        pos += len(text)
    assert not joins
    return out, breaks
