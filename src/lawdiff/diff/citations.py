"""Which printed line each word of a provision stands on.

The tree keeps a node's first and last line, not where each word falls; a
redline wants "line 91" for the one word that changed.  The document keeps the
words of each line as the reader found them (``Document.line_text``), and each
node's words are found, all of them and in order, on the lines the node
occupies.  Where they are not found exactly, or the document has no
``line_text``, the node gets no word lines: no citation is better than a wrong one.
"""

from __future__ import annotations

from bisect import bisect_right

from lawdiff.diff.align import content, has_content
from lawdiff.parse.tree import Document, Node


def own_lines(node: Node) -> list[int] | None:
    """The lines of the node's own words (its children excluded).

    A node's own words come before its children, and a child opens at the
    start of a line unless it opens on its parent's first line.
    """
    if not node.lines:
        return None
    first, last = node.lines
    starts = [c.lines[0] for c in node.children if c.lines]
    if starts:
        last = max(first, min(starts) - 1)
    return [first, last]


class WordLines:
    """For each node, the line of every character of ``content(node)``.

    ``keep``: remember only the last so many nodes asked for (None: all).  The change model asks
    for a node's words a few times in a row, while it builds that node's change; remembering every
    node's held three lists a word for the whole document until the model was built (issue 26:
    the largest part of ``compare``'s memory after the alignment)."""

    def __init__(self, doc: Document | None, keep: int | None = None):
        self.doc = doc
        self.keep = keep
        self.cache: dict[int, tuple[list[int], list[int], list[int]] | None] = {}

    def of(self, node: Node) -> tuple[list[int], list[int], list[int]] | None:
        """(word starts, word ends, word lines) over ``content(node)``, or None."""
        found = self._found(node)
        if found is not None and found[0] is None:
            found = self.cache[id(node)] = (*_offsets(content(node).split()), found[2])
        return found

    def lines(self, node: Node) -> list[int] | None:
        """The line of each word of ``content(node)`` (``of(node)[2]``), or None; the words' offsets
        are not made.  An unchanged provision (most of a bill) needs only its first and last word's
        line, for its one token and its ``Ref.lines`` (issue 26: the offsets were a fifth of locating)."""
        found = self._found(node)
        return found[2] if found is not None else None

    def _found(self, node: Node):
        """What ``_locate`` found, cached; its offsets None until ``of`` made them."""
        cache = self.cache
        key = id(node)
        if key not in cache:
            if self.keep is not None and len(cache) >= self.keep:
                del cache[next(iter(cache))]  # the one asked for first (dicts keep their order)
            cache[key] = self._locate(node)
        return cache[key]

    def _locate(self, node: Node):
        span = own_lines(node)
        found = self.doc.words_on_lines(*span) if self.doc is not None and span is not None else None
        if found is None or not has_content(node):
            return None
        words, lines = found
        text = content(node)
        want = text.split()
        m = len(want)
        if not m or " ".join(want) != text:
            return None
        # The node's words follow its number (and, on a shared first line, its parent's).
        for k in range(0, len(words) - m + 1):
            if words[k] == want[0] and words[k:k + m] == want:
                break
        else:
            return None
        return None, None, lines[k:k + m]  # the offsets made when asked (``of``)


def _offsets(words: list[str]) -> tuple[list[int], list[int]]:
    """Where each word starts and ends in the words joined by one space."""
    starts, ends, at = [], [], 0
    for w in words:
        starts.append(at)
        ends.append(at + len(w))
        at += len(w) + 1
    return starts, ends


def _line_at(located, offset: int, length: int, text: str, last: bool = False) -> int | None:
    """The line of the first (``last``: the last) word character in text[offset:offset+length],
    or, for an empty stretch (an insertion point), of the last word before it."""
    starts, ends, lines = located
    if length:
        if not offset and length == len(text):
            # The whole text (an unchanged provision's one token): a located text is its words one
            # space apart, so it opens with its first word and ends with its last (issue 26: no copy
            # of the text, stripped twice, for most provisions).
            return lines[-1] if last else lines[0]
        stretch = text[offset:offset + length]
        if stretch.strip():
            p = offset + (len(stretch.rstrip()) - 1 if last else len(stretch) - len(stretch.lstrip()))
            i = bisect_right(starts, p) - 1
            return lines[max(i, 0)]
    i = bisect_right(ends, offset) - 1  # the last word ending at or before the point
    return lines[max(i, 0)]


def located_run(nodes, located: WordLines):
    """(word starts, ends, lines) over the contents of ``nodes`` (one node, or a split's or
    join's parts in order) joined by one space, and that text; (None, text) where some part
    is not located."""
    if nodes is None:
        return None, ""
    if isinstance(nodes, Node):
        return located.of(nodes), content(nodes)
    starts, ends, lines, at = [], [], [], 0
    for node in nodes:
        found = located.of(node)
        if found is None:
            return None, " ".join(content(n) for n in nodes)
        starts.extend(s + at for s in found[0])
        ends.extend(e + at for e in found[1])
        lines.extend(found[2])
        at += len(content(node)) + 1
    return (starts, ends, lines), " ".join(content(n) for n in nodes)


def token_lines_both(tokens: list, old, new, old_lines: WordLines,
                     new_lines: WordLines) -> tuple[list[list[int | None]] | None, list[list[int | None]] | None]:
    """[[old line, new line], ...] parallel to ``tokens``, twice: where each token's first word and where
    its last word stands (None, None if neither side is located).

    ``old line`` is where the word stands in the old text, or for an inserted token the line of the old
    word it follows; ``new line`` likewise.  ``old`` and ``new`` are a node each, None, or (a split's or
    join's parted side) the list of its parts, whose contents the tokens join by one space.  Both lists
    at once: each side's words located and their text joined once (issue 26: every change asks for both).
    """
    if len(tokens) == 1 and tokens[0][0] == "=" and isinstance(old, Node) and isinstance(new, Node):
        # One token, the whole of both texts (an unchanged provision): its first and last word's lines
        # on each side, what ``_line_at`` answers for a whole text, without the words' offsets.
        size = len(tokens[0][1])
        lo = old_lines.lines(old) if size == len(content(old)) else False
        ln = new_lines.lines(new) if size == len(content(new)) else False
        if lo is not False and ln is not False:
            if lo is None and ln is None:
                return None, None
            return ([[lo[0] if lo else None, ln[0] if ln else None]],
                    [[lo[-1] if lo else None, ln[-1] if ln else None]])
    lo, to = located_run(old, old_lines)
    ln, tn = located_run(new, new_lines)
    if lo is None and ln is None:
        return None, None
    firsts, lasts, io, i_n = [], [], 0, 0
    for op, text in tokens:
        on_old = len(text) if op in "=-" else 0
        on_new = len(text) if op in "=+" else 0
        firsts.append([_line_at(lo, io, on_old, to) if lo else None, _line_at(ln, i_n, on_new, tn) if ln else None])
        lasts.append([_line_at(lo, io, on_old, to, True) if lo else None,
                      _line_at(ln, i_n, on_new, tn, True) if ln else None])
        io += on_old
        i_n += on_new
    return firsts, lasts


def edited_lines(change: dict, op: str, side: int) -> list[int]:
    """The lines of one side (0 old, 1 new) that the change's ``op`` tokens ("-" or "+")
    touch: every line from a token's first word to its last, or for a token that side
    lacks, the line of the word it follows there.  From the change model alone."""
    firsts, lasts = change.get("token_lines"), change.get("token_last_lines")
    if not firsts:
        return []
    found: set[int] = set()
    for k, (o, _) in enumerate(change["tokens"]):
        first = firsts[k][side] if o == op and firsts[k] else None
        if first is None:
            continue
        end = lasts[k][side] if lasts and lasts[k] and lasts[k][side] is not None else first
        found.update(range(first, end + 1))
    return sorted(found)
