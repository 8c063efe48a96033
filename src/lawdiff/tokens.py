"""Word diff of two strings: diff-match-patch run on tokens, never on characters.

Each word, punctuation mark and whitespace run becomes one token, and each
distinct token is encoded as one character, so diff-match-patch (and its
semantic cleanup) can only ever split the text between tokens: a change reads
``[-thirty-]{+sixty+}``, never ``[-thir-]{+six+}ty``.

diff-match-patch gives up when its deadline passes and then answers "delete
everything, insert everything" without saying so.  ``word_diff`` notices (the
bisection returned that answer after the deadline), diffs again sentence by
sentence (each piece is small, with a fresh deadline), and reports the pair as
``degraded`` only if a piece still ran out of time.  The result is always
exact: ``=`` and ``-`` pieces join to ``old``, ``=`` and ``+`` pieces to ``new``.
"""

from __future__ import annotations

import re
import time
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


class _DMP(diff_match_patch):
    """diff-match-patch that remembers when its bisection hit the deadline."""

    def __init__(self, timeout: float):
        super().__init__()
        self.Diff_Timeout = timeout
        self.timed_out = False

    def diff_bisect(self, text1, text2, deadline):
        result = super().diff_bisect(text1, text2, deadline)
        if time.time() > deadline and len(result) == 2 and result[0][0] == -1 and result[1][0] == 1:
            self.timed_out = True
        return result


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


def _diff_tokens(a: list[str], b: list[str], timeout: float) -> tuple[list[tuple[str, str]], bool]:
    # The common ends are cut off first: most provisions change in a few words.
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ma, mb = a[head:len(a) - tail], b[head:len(b) - tail]
    codes = {t: _char(i) for i, t in enumerate(dict.fromkeys(ma + mb))}
    dmp = _DMP(timeout)
    diffs = dmp.diff_main("".join([codes[t] for t in ma]), "".join([codes[t] for t in mb]), False)
    dmp.diff_cleanupSemantic(diffs)
    # Each piece is a run of ``ma`` (for "=" and "-") or of ``mb`` (for "+"), in order.
    pieces = [("=", "".join(a[:head]))]
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 1:
            pieces.append(("+", "".join(mb[j:j + n])))
            j += n
        else:
            pieces.append((OPS[op], "".join(ma[i:i + n])))
            i += n
            if op == 0:
                j += n
    pieces.append(("=", "".join(a[len(a) - tail:])))
    return pieces, dmp.timed_out


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
    diffs = dmp.diff_main(ca, cb, False)
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
