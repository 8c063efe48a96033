"""The provision tree: one ``Node`` class, named after Akoma Ntoso elements.

Types used (AKN element names, so the AKN export is a direct mapping):

- document: ``bill``, ``act``, ``doc`` (an executive order)
- ``preface`` with ``longTitle``, ``summary``, ``session``, ``docket``, ``p``
- ``preamble`` with ``recitals`` > ``recital`` and ``formula`` (enacting formula)
- ``body`` with ``section`` > ``subsection`` > ``paragraph`` > ``clause`` > ``subclause``
- ``quotedStructure``: text an amending instruction inserts (after ``:-``)
- ``definition``: a defined term, ``term`` holding the word(s) defined
- ``p``: a paragraph of a document with no recognisable structure
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterator, Mapping


class DocumentKind(StrEnum):
    """What an instrument is: ``Document.meta["kind"]``, the manifest's ``kind``."""

    BILL = "bill"
    ACT = "act"
    EXECUTIVE_ORDER = "executive-order"
    AMENDMENT = "amendment"
    DOCUMENT = "document"

    @property
    def label(self) -> str:
        """The kind as a page names it: "Executive order"."""
        return self.value.replace("-", " ").capitalize()


def kind_label(kind: str | None, unknown: str) -> str:
    """A reader's name for ``kind``; ``unknown`` for a kind lawdiff does not know."""
    return DocumentKind(kind).label if kind in DocumentKind._value2member_map_ else unknown


class _NoChildren(list):
    """The children of every leaf of a parsed tree: one empty list they all share (an empty list
    each, 56 bytes, was 3.8 MB of a 30,000-section pair, held through the redline; issue 26:
    memory).  It reads as ``[]`` (equal to it, empty, a ``list``); adding to it raises TypeError:
    give the node a list of its own (``node.children = [child]``).  A copy is a plain list."""

    __slots__ = ()

    def _refuse(self, *args, **kwargs):
        raise TypeError("a parsed leaf's children are one empty list every leaf shares: "
                        "give the node a list of its own (node.children = [...])")

    append = extend = insert = __setitem__ = __iadd__ = _refuse

    def __copy__(self) -> list:
        return []

    def __deepcopy__(self, memo) -> list:
        return []

    def __reduce__(self):
        return _no_children, ()  # unpickled as the shared one


def _no_children() -> list:
    return NO_CHILDREN


NO_CHILDREN = _NoChildren()
"""What ``parse`` gives each leaf as its ``children`` (see ``_NoChildren``)."""


@dataclass(slots=True)
class Node:
    type: str
    eid: str | None = None
    num: str | None = None
    """The number as printed, e.g. "SECTION 2.", "(a)"."""
    heading: str | None = None
    text: str = ""
    """The node's own words, children excluded, whitespace folded."""
    lines: list[int] | None = None
    """[first, last] line of the node and its children (see Document.meta["line_numbers"])."""
    term: str | None = None
    children: list[Node] = field(default_factory=list)
    """The provisions inside, in order.  A parsed tree's leaves share ``NO_CHILDREN`` (empty, not
    to be added to): to give a leaf children, give it a list of its own."""

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, in document order."""
        # One generator and a stack of the children's iterators, not a generator for each node
        # that hands every descendant up through all its ancestors' (issue 26).  A node's
        # children are read when the walk comes back to it, as the recursive walk read them.
        yield self
        stack = [iter(self.children)]
        while stack:
            for child in stack[-1]:
                yield child
                if child.children:
                    stack.append(iter(child.children))
                    break
            else:
                stack.pop()

    def find(self, eid: str) -> Node | None:
        return next((n for n in self.walk() if n.eid == eid), None)

    def own_words(self) -> list[str]:
        return " ".join(p for p in (self.num, self.heading, self.text) if p).split()

    def words(self) -> list[str]:
        """Every word of the subtree in document order: num, heading, text, then children."""
        return [w for n in self.walk() for w in n.own_words()]

    def full_text(self) -> str:
        return " ".join(self.words())

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "eid": self.eid,
            "num": self.num,
            "heading": self.heading,
            "text": self.text,
            "lines": list(self.lines) if self.lines else None,
            "term": self.term,
            "children": [c.to_dict() for c in self.children],
        }

    @classmethod
    def from_dict(cls, d: dict) -> Node:
        return cls(
            type=d["type"],
            eid=d.get("eid"),
            num=d.get("num"),
            heading=d.get("heading"),
            text=d.get("text", ""),
            lines=list(d["lines"]) if d.get("lines") else None,
            term=d.get("term"),
            children=[cls.from_dict(c) for c in d.get("children", [])],
        )


@dataclass
class Document:
    """A parsed instrument: what the manifest and reader know of it, and its tree."""

    meta: dict
    tree: Node
    line_text: Mapping[int, str] | None = field(default=None, repr=False)
    """Where each word stands: line number -> the words the reader found on that line, whitespace
    folded (printed numbers, or the source's own lines, as ``meta["line_numbers"]`` says).  Kept
    when the document is parsed from its source (and in its JSON); None for one built otherwise
    (by hand, from Akoma Ntoso): its words then have no lines, only its provisions' ``lines``.
    A parsed document's is a ``parse.line_text.LineText`` where it can be (the words read from
    the tree, not held twice), else a dict; either reads as a dict of int -> str."""

    def words_on_lines(self, first: int, last: int) -> tuple[list[str], list[int]] | None:
        """The words printed on lines ``first``..``last`` and the line of each; None without ``line_text``."""
        if self.line_text is None:
            return None
        if (read := getattr(self.line_text, "words_on_lines", None)) is not None:
            return read(first, last)  # a LineText (parse.line_text): read from the tree
        words: list[str] = []
        lines: list[int] = []
        for n in range(first, last + 1):
            on_line = self.line_text.get(n, "").split()
            words.extend(on_line)
            lines.extend([n] * len(on_line))
        return words, lines

    def to_dict(self) -> dict:
        out = {"meta": self.meta, "tree": self.tree.to_dict()}
        if self.line_text is not None:  # JSON keys are strings
            out["line_text"] = {str(n): text for n, text in self.line_text.items()}
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Document:
        lines = d.get("line_text")
        return cls(meta=d["meta"], tree=Node.from_dict(d["tree"]),
                   line_text={int(n): text for n, text in lines.items()} if lines is not None else None)
