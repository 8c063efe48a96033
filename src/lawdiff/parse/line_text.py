"""``Document.line_text`` without a second copy of the words: where each printed line's words
stand in the provision tree.

A parsed document's tree holds every word of its reading once, in order (its provisions'
numbers, headings and texts), and ``line_text`` held them all again, a string for each line in a
dict (at 30,000 sections, 40 MB of the two documents' 150).  ``LineText`` keeps instead the
line numbers and where each line's words start and end in the tree's word stream (arrays of
integers) and gives a line's text, read-only, when asked: a ``Mapping`` of line number to the
words on it, equal to the dict it replaces.

``derive`` makes it only where that is exact: each line's text, in order, is found as a run of
the tree's words joined by single spaces (words of the tree between two lines are the tree's
own: a title or an enacting clause printed without a line number); a line not found so keeps
its own text (the tree parts "(e)(1) Other" into "(e)", "(1)" and "Other").  Where the line
numbers do not rise, or most lines would keep their text, the dict is kept.  The tree's texts
must not change after the document is parsed: nothing in lawdiff changes a parsed provision's
words.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import ItemsView, Iterator, Mapping, ValuesView
from itertools import accumulate, chain, islice

from lawdiff.parse.tree import Node
from lawdiff.read.lines import is_folded


# Line numbers and places in the word stream: a 4-byte integer each (C int) holds any document's
# (a 100 MB file has fewer than 2**31 words), half the 8 of "q": 3.5 MB of a 30,000-section pair (issue 26).
_INT = "i"
_BLOCK = 64  # lines tried at once where they follow one another
_REACH = 1 << 14  # how far past the line before a line's words are looked for (characters)


class LineText(Mapping):
    """Line number -> the words on that line, read from the tree's provisions."""

    __slots__ = ("numbers", "starts", "ends", "kept", "nodes", "node_starts")

    def __init__(self, numbers: array, starts: array, ends: array, kept: dict[int, str], nodes: list[Node],
                 node_starts: array):
        self.numbers = numbers  # the lines with words, rising
        self.starts = starts  # where each line's words start in the word stream (-1: kept)
        self.ends = ends  # and end (words between two lines: a title, a heading printed unnumbered)
        self.kept = kept  # line index -> its text, for the lines whose words the tree splits otherwise
        self.nodes = nodes  # the tree's nodes in document order: their own words are the stream
        self.node_starts = node_starts  # where each node's own words start in the stream; one more: its end

    @classmethod
    def derive(cls, lines: dict[int, str], root: Node) -> LineText | None:
        """``lines`` read from ``root``'s words, or None where they cannot be (see the module)."""
        packed = pack(lines)
        return cls.derive_packed(*packed, root) if packed else None

    @classmethod
    def derive_packed(cls, numbers: array, texts: list[str], root: Node) -> LineText | None:
        """``derive`` of ``pack(lines)``: a loader that packs its lines before the parse holds 1.2
        MB through it where the dict was 5 (105,000 lines; issue 26), and makes the dict again
        (``dict(zip(numbers, texts))``, equal to the one packed) only where this is None."""
        nodes = list(root.walk())
        # A node's own words are its number's, its heading's and its text's (``Node.own_words``).
        stream = " ".join([p for n in nodes for p in (n.num, n.heading, n.text) if p])
        if not is_folded(stream):
            return None
        # Each line, in order, is a run of the stream's words where its text is found at a word
        # boundary after the line before, not far on.  Words between lines are the tree's alone
        # (a title, an enacting clause printed without a line number).  A line not found (the
        # tree parts "(e)(1) Other" into "(e)", "(1)" and "Other") keeps its own text.  The search
        # moves forward only.
        counts = [t.count(" ") + 1 for t in texts]
        starts, ends, kept = array(_INT), array(_INT), {}
        at, word, end = 0, 0, len(stream)  # ``word``: the index of the word at ``at``
        i = 0
        while i < len(texts):
            # Most lines follow one another in the stream: a block of them is tried at once, and
            # found just where the per-line search would find each (the first place it can be).
            block = " ".join(texts[i:i + _BLOCK])
            stop = at + len(block)
            if (stream.startswith(block, at) and (at == 0 or stream[at - 1] == " ")
                    and (stop == end or stream[stop] == " ")):
                for count in counts[i:i + _BLOCK]:
                    starts.append(word)
                    word += count
                    ends.append(word)
                at, i = stop + 1, i + _BLOCK
                continue
            for i in range(i, min(i + _BLOCK, len(texts))):
                at, word = cls._find(stream, texts[i], i, at, word, starts, ends, kept)
            i += 1
        if len(kept) * 2 > len(numbers):
            return None  # the tree holds most lines' words otherwise: the dict is as small
        # The stream is folded: each part is its words joined by single spaces.
        counts = [(n.num.count(" ") + 1 if n.num else 0) + (n.heading.count(" ") + 1 if n.heading else 0)
                  + (n.text.count(" ") + 1 if n.text else 0) for n in nodes]
        node_starts = array(_INT, accumulate(counts, initial=0))
        return cls(numbers, starts, ends, kept, nodes, node_starts)

    @staticmethod
    def _find(stream: str, text: str, i: int, at: int, word: int, starts: array, ends: array,
              kept: dict[int, str]) -> tuple[int, int]:
        """Place line ``i`` (``text``) at or after ``at``; returns the new ``at`` and ``word``."""
        end = len(stream)
        reach = at + len(text) + _REACH
        found = stream.find(text, at, reach)
        while found >= 0 and not ((found == 0 or stream[found - 1] == " ")
                                  and (found + len(text) == end or stream[found + len(text)] == " ")):
            found = stream.find(text, found + 1, reach)
        if found < 0:
            kept[i] = text
            starts.append(-1)
            ends.append(-1)
            return at, word
        word += stream.count(" ", at, found)
        starts.append(word)
        word += text.count(" ") + 1
        ends.append(word)
        return found + len(text) + 1, word

    def _words(self, a: int, b: int) -> list[str]:
        """Words ``a`` to ``b`` (excluded) of the stream."""
        out: list[str] = []
        k = bisect_right(self.node_starts, a) - 1
        skip = a - self.node_starts[k]
        while len(out) < b - a:
            words = self.nodes[k].own_words()
            out.extend(words[skip:skip + b - a - len(out)])
            skip, k = 0, k + 1
        return out

    def words_on_lines(self, first: int, last: int) -> tuple[list[str], list[int]]:
        """``Document.words_on_lines``: the words on lines ``first``..``last`` and the line of each."""
        numbers, starts, ends = self.numbers, self.starts, self.ends
        lo, hi = bisect_left(numbers, first), bisect_right(numbers, last)
        words: list[str] = []
        lines: list[int] = []
        a = b = -1  # the run of the stream being gathered: lines next to one another in it
        for i in range(lo, hi):
            start, stop = starts[i], ends[i]
            if start < 0:  # a line kept as its text
                if b > a:
                    words.extend(self._words(a, b))
                a = b = -1
                own = self.kept[i].split()
                words.extend(own)
                lines.extend([numbers[i]] * len(own))
                continue
            lines.extend([numbers[i]] * (stop - start))
            if start != b:
                if b > a:
                    words.extend(self._words(a, b))
                a = start
            b = stop
        if b > a:
            words.extend(self._words(a, b))
        return words, lines

    def __getitem__(self, number: int) -> str:
        i = bisect_left(self.numbers, number) if isinstance(number, int) else len(self.numbers)
        if i == len(self.numbers) or self.numbers[i] != number:
            raise KeyError(number)
        if self.starts[i] < 0:
            return self.kept[i]
        return " ".join(self._words(self.starts[i], self.ends[i]))

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int):
            return False
        i = bisect_left(self.numbers, number)
        return i < len(self.numbers) and self.numbers[i] == number

    def __iter__(self) -> Iterator[int]:
        return iter(self.numbers)

    def __len__(self) -> int:
        return len(self.numbers)

    def _texts(self) -> Iterator[str]:
        """Every line's text in order, reading each node's words once."""
        words = chain.from_iterable(node.own_words() for node in self.nodes)
        at = 0
        for i, (start, stop) in enumerate(zip(self.starts, self.ends)):
            if start < 0:
                yield self.kept[i]
                continue
            if start > at:
                next(islice(words, start - at - 1, None))  # the words between: passed over
            yield " ".join(islice(words, stop - start))
            at = stop

    def items(self) -> ItemsView:
        return _Items(self)

    def values(self) -> ValuesView:
        return _Values(self)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None  # a mapping, like the dict it stands for

    def __repr__(self) -> str:
        return f"LineText({len(self)} lines)"


def pack(lines: dict[int, str]) -> tuple[array, list[str]] | None:
    """``lines``' numbers as an array and its texts as a list, in order, for ``LineText.derive_packed``;
    None where no ``LineText`` can stand for them (the dict is kept): a number past 2**31 (no
    printed document has one), numbers not rising, a line without words."""
    try:
        numbers = array(_INT, lines)
    except OverflowError:
        return None
    if list(numbers) != sorted(numbers):
        return None
    texts = list(lines.values())
    return (numbers, texts) if all(texts) else None


class _Items(ItemsView):
    def __iter__(self):
        return zip(self._mapping.numbers, self._mapping._texts())


class _Values(ValuesView):
    def __iter__(self):
        return self._mapping._texts()
