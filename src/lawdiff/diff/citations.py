"""Which printed line each word of a provision stands on.

The tree keeps a node's first and last line, not where each word falls; a
redline wants "line 91" for the one word that changed.  The source is read
again (only if it still has the sha256 the document was parsed from) and each
node's words are found, all of them and in order, on the lines the node
occupies.  Where they are not found exactly, the node gets no word lines:
no citation is better than a wrong one.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from pathlib import Path

from lawdiff.diff.align import content, has_content
from lawdiff.read import read
from lawdiff.parse.tree import Document, Node
from lawdiff.parse.provisions import spell_lines  # noqa: F401  (the renderers import it from here)


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


def _reading_lines(doc: Document) -> dict[int, list[str]] | None:
    """Line number -> words printed on it, from the document's source; None if unavailable."""
    source = doc.meta.get("source")
    if not source or not Path(source).is_file():
        return None
    data = Path(source).read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    if sha256 != doc.meta.get("sha256"):
        return None
    key = (str(source), sha256)
    found = _CACHE.get(key)
    if found is None:
        found = _words_by_line(read(data, source))
    elif not isinstance(found, dict):
        found = _words_by_line(found)  # the reading the document was parsed from
    _keep(key, found)
    return found


# (source, sha256) -> words by line, or the reading they come from: a site compares each
# instrument with several others, and a document just parsed need not be read again.
_CACHE: dict[tuple[str, str], object] = {}


def _keep(key: tuple[str, str], value) -> None:
    _CACHE.pop(key, None)
    if len(_CACHE) >= 16:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = value


def remember(source, sha256: str, reading) -> None:
    """Keep the reading a document was just parsed from (``documents.parse_bytes``), so that
    locating its words does not read and decode the source again; words are split only if
    a redline asks for them.  The sha256 check still runs on the file as it is then."""
    _keep((str(source), sha256), reading)


def _words_by_line(reading) -> dict[int, list[str]]:
    printed = reading.line_numbers == "printed"
    words: dict[int, list[str]] = {}
    for line in reading.lines:
        number = line.number if printed else line.src
        if number is not None and line.text:
            words.setdefault(number, []).extend(line.text.split())
    return words


class WordLines:
    """For each node, the line of every character of ``content(node)``."""

    def __init__(self, doc: Document | None):
        self.lines = _reading_lines(doc) if doc is not None else None
        self.cache: dict[int, tuple[list[int], list[int], list[int]] | None] = {}

    def of(self, node: Node) -> tuple[list[int], list[int], list[int]] | None:
        """(word starts, word ends, word lines) over ``content(node)``, or None."""
        if id(node) not in self.cache:
            self.cache[id(node)] = self._locate(node)
        return self.cache[id(node)]

    def _locate(self, node: Node):
        span = own_lines(node)
        if self.lines is None or span is None or not has_content(node):
            return None
        words: list[str] = []
        lines: list[int] = []
        for n in range(span[0], span[1] + 1):
            on_line = self.lines.get(n, ())
            words.extend(on_line)
            lines.extend([n] * len(on_line))
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
        starts, ends, at = [], [], 0
        for w in want:
            starts.append(at)
            ends.append(at + len(w))
            at += len(w) + 1
        return starts, ends, lines[k:k + m]


def _line_at(located, offset: int, length: int, text: str, last: bool = False) -> int | None:
    """The line of the first (``last``: the last) word character in text[offset:offset+length],
    or, for an empty stretch (an insertion point), of the last word before it."""
    starts, ends, lines = located
    if length:
        stretch = text[offset:offset + length]
        if stretch.strip():
            p = offset + (len(stretch.rstrip()) - 1 if last else len(stretch) - len(stretch.lstrip()))
            i = bisect_right(starts, p) - 1
            return lines[max(i, 0)]
    i = bisect_right(ends, offset) - 1  # the last word ending at or before the point
    return lines[max(i, 0)]


def token_lines(tokens: list, old: Node | None, new: Node | None, old_lines: WordLines,
                new_lines: WordLines, last: bool = False) -> list[list[int | None]] | None:
    """[[old line, new line], ...] parallel to ``tokens``; None if neither side is located.

    ``old line`` is where the token's first word (``last``: its last word) stands in
    the old text, or for an inserted token the line of the old word it follows;
    ``new line`` likewise.
    """
    lo = old_lines.of(old) if old is not None else None
    ln = new_lines.of(new) if new is not None else None
    if lo is None and ln is None:
        return None
    to, tn = (content(old) if old is not None else ""), (content(new) if new is not None else "")
    out, io, i_n = [], 0, 0
    for op, text in tokens:
        on_old, on_new = op in "=-", op in "=+"
        out.append([
            _line_at(lo, io, len(text) if on_old else 0, to, last) if lo else None,
            _line_at(ln, i_n, len(text) if on_new else 0, tn, last) if ln else None,
        ])
        io += len(text) if on_old else 0
        i_n += len(text) if on_new else 0
    return out


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
