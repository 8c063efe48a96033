"""Word diff of two strings: diff-match-patch run on tokens, never on characters.

Each word, punctuation mark and whitespace run becomes one token, and each
distinct token is encoded as one character, so diff-match-patch (and its
semantic cleanup) can only ever split the text between tokens: a change reads
``[-thirty-]{+sixty+}``, never ``[-thir-]{+six+}ty``.

diff-match-patch gives up when its deadline passes and then answers "delete
everything, insert everything" without saying so.  ``word_diff`` notices (a call ran
to its deadline), diffs again sentence by
sentence (each piece is small, with a fresh deadline), and reports the pair as
``degraded`` only if a piece still ran out of time.  The result is always
exact: ``=`` and ``-`` pieces join to ``old``, ``=`` and ``+`` pieces to ``new``.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from diff_match_patch import diff_match_patch

# A word is letters/digits with inner apostrophes, hyphens, periods or commas
# kept inside ("sheriff’s", "non-federal", "1357(g)" splits at the brackets,
# "1.2" and "1,000" stay whole); punctuation is one token per mark.
TOKEN = re.compile(r"\w+(?:[’'.,\-]\w+)*|\s+|[^\w\s]", re.UNICODE)
# Where a sentence or clause ends: the finer level a degraded diff is retried at.
SENTENCE_END = re.compile(r"(?<=[.;:])\s+")
DEFAULT_TIMEOUT = 2.0  # seconds per diff-match-patch call

OPS = {0: "=", -1: "-", 1: "+"}


def tokenize(text: str) -> list[str]:
    tokens = TOKEN.findall(text)
    assert "".join(tokens) == text  # the pattern covers every character
    return tokens


@dataclass
class WordDiff:
    tokens: list[list[str]]
    """[[op, text], ...]: op "=" (both), "-" (old only), "+" (new only); runs merged."""
    degraded: bool
    """diff-match-patch ran out of time even at the finer level: a correct but coarse diff."""


class _DMP:
    """diff-match-patch, through its public ``diff_main`` only, remembering whether a call ran
    to its deadline: past it, diff-match-patch has answered some stretch with "delete all,
    insert all" (exact, but coarse)."""

    def __init__(self, timeout: float):
        self.dmp = diff_match_patch()
        self.dmp.Diff_Timeout = timeout
        self.timed_out = False

    def diff_main(self, a: str, b: str) -> list[tuple[int, str]]:
        start = time.monotonic()
        diffs = self.dmp.diff_main(a, b, False)
        if time.monotonic() - start >= self.dmp.Diff_Timeout:
            self.timed_out = True
        return diffs


class _Codec:
    """Maps tokens (or sentences) to single characters and back."""

    def __init__(self):
        self.code: dict[str, str] = {}
        self.items: list[str] = []

    def encode(self, pieces: list[str]) -> str:
        out = []
        for p in pieces:
            c = self.code.get(p)
            if c is None:
                c = self.code[p] = _char(len(self.items))
                self.items.append(p)
            out.append(c)
        return "".join(out)

    def decode(self, chars: str) -> list[str]:
        return [self.items[_index(c)] for c in chars]


def _char(i: int) -> str:
    # Skip the surrogate block: those code points are not characters.
    return chr(i + 0x20 if i + 0x20 < 0xD800 else i + 0x20 + 0x800)


def _index(c: str) -> int:
    o = ord(c)
    return o - 0x20 if o < 0xD800 else o - 0x20 - 0x800


def word_diff(old: str, new: str, timeout: float = DEFAULT_TIMEOUT) -> WordDiff:
    if old == new:
        return WordDiff([["=", old]] if old else [], False)
    pieces, timed_out = _diff_tokens(tokenize(old), tokenize(new), timeout)
    degraded = False
    if timed_out:
        pieces, degraded = _diff_by_sentence(old, new, timeout)
    return WordDiff(_merge(pieces), degraded)


def _common_ends(a, b) -> tuple[int, int]:
    """How many items ``a`` and ``b`` share at their start, then at their end (not overlapping)."""
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


def _diff_tokens(a: list[str], b: list[str], timeout: float) -> tuple[list[tuple[str, str]], bool]:
    # The common ends are cut off first: most provisions change in a few words.
    head, tail = _common_ends(a, b)
    # Whitespace is diffed with the word after it: an LCS over bare tokens may keep a
    # space and strike the word next to it ("[-D E-]{+E F+}"), one over words keeps the word.
    ma, mb = _glue(a[head:len(a) - tail]), _glue(b[head:len(b) - tail])
    codes = {t: _char(i) for i, t in enumerate(dict.fromkeys(ma + mb))}
    dmp = _DMP(timeout)
    ca, cb = "".join([codes[t] for t in ma]), "".join([codes[t] for t in mb])
    diffs = _anchored(dmp, ca, cb) if len(ca) + len(cb) > LONG else dmp.diff_main(ca, cb)
    # Back to runs of tokens, in order: "=" and "-" take from ``ma``, "+" from ``mb``.
    runs: list[list] = [["=", a[:head]]]
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 1:
            runs.append(["+", _unglue(mb[j:j + n])])
            j += n
        else:
            runs.append([OPS[op], _unglue(ma[i:i + n])])
            i += n
            if op == 0:
                j += n
    runs.append(["=", a[len(a) - tail:]])
    runs = _slide(_cleanup(runs))
    return [(op, "".join(toks)) for op, toks in runs], dmp.timed_out


# Provisions longer than this (tokens, both sides) are first cut at tokens that occur once
# on each side (patience diff), so diff-match-patch only sees the stretches between them.
LONG = 500
# Unchanged words a rewrite may absorb ("[-is due-]{+shall be made+}" rather than one
# struck and re-inserted "the" between two rewritten clauses); any other word stays unchanged.
_GLUE = frozenset("a an and as at be by for in is of on or the to".split())


def _anchored(dmp: _DMP, ca: str, cb: str) -> list[tuple[int, str]]:
    """Patience diff down to stretches diff-match-patch handles fast: keep the longest
    in-order chain of codes that occur once on each side, then do the same inside each
    stretch between them (a code repeated in the whole text is often unique in a stretch)."""
    out: list[tuple[int, str]] = []
    todo: list[tuple] = [(0, len(ca), 0, len(cb))]  # stretches, or (index,) of an anchor
    while todo:
        piece = todo.pop()
        if len(piece) == 1:
            out.append((0, ca[piece[0]]))
            continue
        a0, a1, b0, b1 = piece
        sa, sb = ca[a0:a1], cb[b0:b1]
        if not sa and not sb:
            continue
        if len(sa) + len(sb) <= LONG or not sa or not sb:
            out.extend(dmp.diff_main(sa, sb))
            continue
        chain = _chain(sa, sb)
        if not chain:
            out.extend(dmp.diff_main(sa, sb))
            continue
        pieces: list[tuple] = []
        pi = pj = 0
        for i, j in chain:
            pieces += [(a0 + pi, a0 + i, b0 + pj, b0 + j), (a0 + i,)]
            pi, pj = i + 1, j + 1
        pieces.append((a0 + pi, a1, b0 + pj, b1))
        todo.extend(reversed(pieces))  # so that they come off the stack in order
    return out


def _chain(sa: str, sb: str) -> list[tuple[int, int]]:
    """Anchors: codes that occur once on each side; failing those (a text repeating its
    clauses), the rarest codes that occur equally often on both sides, k-th with k-th."""
    count_a, count_b = Counter(sa), Counter(sb)
    for most in (1, 2, 4, 8):
        rare = {c for c, k in count_a.items() if k <= most and count_b.get(c) == k}
        if not rare:
            continue
        where_b: dict[str, list[int]] = {}
        for j, c in enumerate(sb):
            if c in rare:
                where_b.setdefault(c, []).append(j)
        seen: Counter = Counter()
        points = []
        for i, c in enumerate(sa):
            if c in rare:
                points.append((i, where_b[c][seen[c]]))
                seen[c] += 1
        chain = _longest_increasing(points)
        if chain:
            return chain
    return []


def _longest_increasing(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``points`` (increasing in first) also increasing in second: O(n log n)."""
    tails: list[int] = []  # tails[k]: index of the point ending the best chain of length k + 1
    prev = [-1] * len(points)
    for k, (_, y) in enumerate(points):
        lo = bisect_left([points[t][1] for t in tails], y) if len(tails) < 64 else _bisect_tails(points, tails, y)
        if lo:
            prev[k] = tails[lo - 1]
        if lo == len(tails):
            tails.append(k)
        else:
            tails[lo] = k
    out, k = [], tails[-1] if tails else -1
    while k != -1:
        out.append(points[k])
        k = prev[k]
    return out[::-1]


def _bisect_tails(points, tails, y) -> int:
    lo, hi = 0, len(tails)
    while lo < hi:
        mid = (lo + hi) // 2
        if points[tails[mid]][1] < y:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _glue(tokens: list[str]) -> list[tuple[str, ...]]:
    """Each whitespace token joined to the token after it (a trailing one stands alone)."""
    out: list[tuple[str, ...]] = []
    k = 0
    while k < len(tokens):
        if tokens[k].isspace() and k + 1 < len(tokens):
            out.append((tokens[k], tokens[k + 1]))
            k += 2
        else:
            out.append((tokens[k],))
            k += 1
    return out


def _unglue(units: list[tuple[str, ...]]) -> list[str]:
    return [t for u in units for t in u]


def _is_word(token: str) -> bool:
    return token[:1].isalnum() or token[:1] == "_"


def _cleanup(runs: list[list]) -> list[list]:
    """Semantic cleanup on tokens: between two changed stretches, an unchanged stretch
    without words (a space, a comma), or one that is only chaff inside a rewrite (see
    ``_absorbable``), joins the change, so a rewritten clause reads as one; any other
    unchanged word stays unchanged."""
    out: list[list] = []  # ["=", tokens] or ["~", deleted tokens, inserted tokens]
    for op, toks in runs:
        if not toks:
            continue
        if op == "=":
            out.append(["=", list(toks)])
            continue
        if not out or out[-1][0] != "~":
            out.append(["~", [], []])
        out[-1][1 if op == "-" else 2].extend(toks)
    out = _factor(out)
    for _ in range(8):  # a change that grew may now absorb the next stretch too (bounded: linear)
        merged = _absorb(out)
        if len(merged) == len(out):
            break
        out = merged
    flat: list[list] = []
    for run in merged:
        if run[0] == "=":
            flat.append(run)
        else:
            flat.extend(r for r in (["-", run[1]], ["+", run[2]]) if r[1])
    return flat


def _absorb(out: list[list]) -> list[list]:
    """One pass of ``_cleanup``: absorbable unchanged stretches join their changes."""
    merged: list[list] = []
    for k, run in enumerate(out):
        if run[0] == "=" and merged and merged[-1][0] == "~" and k + 1 < len(out) and _absorbable(
                run[1], merged[-1], out[k + 1]):
            merged[-1][1].extend(run[1])
            merged[-1][2].extend(run[1])
            continue
        if run[0] == "~" and merged and merged[-1][0] == "~":
            merged[-1][1].extend(run[1])
            merged[-1][2].extend(run[2])
            continue
        merged.append(run)
    return merged


def _factor(runs: list[list]) -> list[list]:
    """Tokens both sides of a change begin or end with are unchanged: moved out of it."""
    out: list[list] = []
    for run in runs:
        if run[0] != "~":
            out.append(run)
            continue
        old, new = run[1], run[2]
        p, q = _common_ends(old, new)
        if p:
            out.append(["=", old[:p]])
        out.append(["~", old[p:len(old) - q], new[p:len(new) - q]])
        if q:
            out.append(["=", old[len(old) - q:]])
    # Neighbouring unchanged runs join again.
    joined: list[list] = []
    for run in out:
        if run[0] == "~" and not run[1] and not run[2]:
            continue
        if run[0] == "=" and joined and joined[-1][0] == "=":
            joined[-1][1].extend(run[1])
        else:
            joined.append(run)
    return joined


def _absorbable(equal: list[str], before: list, after: list) -> bool:
    """May an unchanged stretch between two changes join them?  One without words, yes.
    One with words only as chaff inside a rewrite: glue words ("of the") between changes
    of at least 3 words each side, other words when each change is at least twice as
    long and 3 words or more ("[-shall execute any new-]" rather than " any " kept alone
    between two rewritten clauses).  Never between small edits: "A B C D E" -> "A X C E F"
    keeps "C" and "E" unchanged."""
    words = [t for t in equal if _is_word(t)]
    if not words:
        return True
    size = min(max(sum(map(_is_word, r[1])), sum(map(_is_word, r[2]))) for r in (before, after))
    if all(w.casefold() in _GLUE for w in words) and len(words) <= 2:
        return size >= 3
    return size >= max(3, 2 * len(words))


_SENTENCE = frozenset(".;:")


def _cut_score(left: list[str], right: list[str]) -> int:
    """How natural a cut between two token runs is for a change to start or end at."""
    if not left or not right:
        return 6
    x = left[-1]
    if x.isspace() and len(left) > 1 and left[-2] in _SENTENCE:
        return 5  # after "Supplier. ": a sentence starts here
    if x in _SENTENCE and right[0].isspace():
        return 4
    if x.isspace() or right[0].isspace():
        return 2
    if not _is_word(x) or not _is_word(right[0]):
        return 1
    return 0


def _slide(runs: list[list]) -> list[list]:
    """A lone insertion or deletion between two unchanged runs may stand at several places
    (its ends repeat the neighbouring words): put it where a person would, at a sentence
    start rather than across "The ", at a word rather than a space; no word changes."""
    for k in range(1, len(runs) - 1):
        if runs[k][0] == "=" or runs[k - 1][0] != "=" or runs[k + 1][0] != "=":
            continue
        prev, edit, nxt = runs[k - 1][1], runs[k][1], runs[k + 1][1]
        # As far left as it goes, then try every place to the right.
        shift = 0
        while shift < len(prev) and shift < len(edit) and prev[len(prev) - 1 - shift] == edit[len(edit) - 1 - shift]:
            shift += 1
        text = prev + edit + nxt
        start = len(prev) - shift
        best, best_at = None, start
        at = start
        while True:
            e = text[at:at + len(edit)]
            score = (_cut_score(text[:at], e) + _cut_score(e, text[at + len(edit):]), not e[0].isspace())
            if best is None or score > best:
                best, best_at = score, at
            if at + len(edit) < len(text) and at < len(prev) + len(nxt) and text[at] == text[at + len(edit)] \
                    and at - len(prev) < len(nxt):
                at += 1
            else:
                break
        runs[k - 1][1] = text[:best_at]
        runs[k][1] = text[best_at:best_at + len(edit)]
        runs[k + 1][1] = text[best_at + len(edit):]
    return runs


def _sentences(text: str) -> list[str]:
    """``text`` cut after each sentence or clause end; the pieces join back to it."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(text):
        out.append(text[start:m.end()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


def _diff_by_sentence(old: str, new: str, timeout: float) -> tuple[list[tuple[str, str]], bool]:
    """Align sentences first, then diff words inside each changed stretch."""
    codec = _Codec()
    ca, cb = codec.encode(_sentences(old)), codec.encode(_sentences(new))
    dmp = _DMP(timeout)
    diffs = dmp.diff_main(ca, cb)
    degraded = dmp.timed_out
    pieces: list[tuple[str, str]] = []
    deleted, inserted = [], []

    def flush():
        nonlocal degraded
        if deleted and inserted:
            sub, out_of_time = _diff_tokens(tokenize("".join(deleted)), tokenize("".join(inserted)), timeout)
            pieces.extend(sub)
            degraded = degraded or out_of_time
        elif deleted:
            pieces.append(("-", "".join(deleted)))
        elif inserted:
            pieces.append(("+", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op, chars in diffs:
        text = "".join(codec.decode(chars))
        if op == -1:
            deleted.append(text)
        elif op == 1:
            inserted.append(text)
        else:
            flush()
            pieces.append(("=", text))
    flush()
    return pieces, degraded


def _merge(pieces: list[tuple[str, str]]) -> list[list[str]]:
    """Drop empty pieces, join neighbours with the same op, and put a deletion before its insertion."""
    out: list[list[str]] = []
    for op, text in pieces:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1][1] += text
        elif op == "-" and out and out[-1][0] == "+":
            # "+x" then "-y" reads better, and reconstructs the same, as "-y" "+x".
            if len(out) >= 2 and out[-2][0] == "-":
                out[-2][1] += text
            else:
                out.insert(len(out) - 1, ["-", text])
        else:
            out.append([op, text])
    return out
