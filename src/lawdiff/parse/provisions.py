"""Where a provision sits in its tree, and how a person cites it.

A ``Node`` knows its children, not its parent: ``parent_map`` builds the lookup
once per tree, and ``ancestors``/``lineage`` walk up it.  On top of that: finding
a provision by eid (or a one-line error), the scope a definition applies in, the
names a reader sees (an instrument's "H.2288", "EO 650"; a provision's place
"SECTION 3, Section 40"), and the line citations every output prints ("line 91",
"lines 49–56, 88").  Every stage
after parse uses these; none keeps its own copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lawdiff.errors import LawdiffError
from lawdiff.parse.tree import Document, DocumentKind, Node

Parents = dict[int, Node]
"""Each node's parent, by ``id(node)`` (nodes are mutable dataclasses, not hashable)."""


def parent_map(root: Node) -> Parents:
    return {id(c): n for n in root.walk() for c in n.children}


def ancestors(node: Node, parents: Parents) -> Iterator[Node]:
    """The node's ancestors, nearest first (the node itself left out)."""
    node = parents.get(id(node))
    while node is not None:
        yield node
        node = parents.get(id(node))


def lineage(node: Node, parents: Parents) -> Iterator[Node]:
    """The node, then its ancestors, nearest first."""
    yield node
    yield from ancestors(node, parents)


def find_provision(doc: Document, eid: str) -> Node:
    """The node of ``doc`` with this eid, or a one-line error naming ``id#eid``."""
    node = doc.tree.find(eid)
    if node is None:
        raise LawdiffError(f"{doc.meta.get('id')}#{eid}", "no provision with this eid (lawdiff parse lists them)")
    return node


# -- where a definition applies ----------------------------------------------------

_THIS_SECTION = re.compile(r"\bthis section\b", re.I)


def definition_scope(defn: Node, parents: Parents, root: Node) -> Node:
    """The node a definition applies in.  The words that introduce it decide: the text of
    its two nearest ancestors, a definition among them left out (the subsection "(a) As used
    in this section, the following words shall have ..." over H.2288's definitions).  "As used in this section" limits it to the
    enclosing section.  Otherwise a definition inside text a bill inserts (a quoted
    structure) applies in that inserted text: it amends the law the text goes into
    ("As used in this chapter" in an inserted chapter means that chapter), not the bill's
    own instructions.  Anything else applies in the whole instrument (``root``)."""
    chain = list(ancestors(defn, parents))
    intro = " ".join(n.text for n in chain[:2] if n.type != "definition")
    if _THIS_SECTION.search(intro):
        section = next((n for n in chain if n.type == "section"), None)
        if section is not None:
            return section
    return next((n for n in chain if n.type == "quotedStructure"), root)


# -- what a person reads -----------------------------------------------------------

def instrument_name(entry: dict) -> str:
    """The instrument as its manifest entry or meta names it: its printed number ("H.2288",
    "No. 650"), else its corpus id."""
    return str(entry.get("number") or entry.get("id") or "")


def instrument_label(entry: dict) -> str:
    """A short name for citations and column heads: "EO 650", "H.2288"."""
    number = instrument_name(entry)
    if entry.get("kind") == DocumentKind.EXECUTIVE_ORDER and number.startswith("No. "):
        return "EO " + number[4:]
    return number


def number_label(node: Node) -> str:
    """The number as a citation prints it, without its closing period: "Section 40", "(a)",
    "item 7004-0070" (a line item, as budgets cite one)."""
    if node.type == "lineItem" and node.num:
        return f"item {node.num}"
    return (node.num or "").rstrip(".")


def heading_label(node: Node) -> str:
    """Number and heading as the text prints them: "Section 63. Updates to Law Enforcement
    Procedures", "(a) Definitions"; "" for a node with neither."""
    return " ".join(p for p in (node.num, node.heading) if p)


def path_label(node: Node, parents: Parents) -> str:
    """The numbers on the way down to ``node``, as printed: "SECTION 3, Section 40";
    a definition adds its term ("…, definition of “Civil arrest”"), a recital is
    "preamble, recital"; "" for a node with no number above or on it."""
    path = [a for a in reversed(list(lineage(node, parents))) if a.num]
    label = ", ".join(number_label(a) for a in path)
    if node.type == "definition":
        return f"{label}, definition of “{node.term}”" if label else f"definition of “{node.term}”"
    if node.type == "recital":
        return "preamble, recital"
    return label


def line_span(first: int, last: int) -> str:
    """"91" or "49–56": one run of lines (an en dash between, as citations print it)."""
    return str(first) if first == last else f"{first}–{last}"


def lines_text(lines: list[int] | tuple[int, int]) -> str:
    """"line 91" or "lines 85–97" for a node's [first, last] lines."""
    first, last = lines
    return f"line {first}" if first == last else f"lines {line_span(first, last)}"


def spell_lines(lines: list[int]) -> str:
    """"line 91", "lines 49–56, 88": line numbers (sorted, as given) with runs folded into ranges."""
    runs: list[list[int]] = []
    for n in lines:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    text = ", ".join(line_span(a, b) for a, b in runs)
    return ("line " if len(lines) == 1 else "lines ") + text
