"""Parse stage entry: ``Reading`` (lines) -> provision tree (``Node``).

The text is cut into units (``units``): a printed line of a bill, or a paragraph of text
without printed numbers.  The front matter (``zones``) takes the preface and preamble; in
the body (``body``) a unit that starts with a structure marker (``markers``: "SECTION 2.",
"Section 63.", "(a)", "(1)", "(i)", "(A)", a defined term in quotes) opens a node, and any
other unit continues the node before it.  Every word of the reading lands in exactly one
node, in order (tests check this).
"""

from __future__ import annotations

from lawdiff.parse.body import Body
from lawdiff.parse.eids import assign_eids, clean_num
from lawdiff.parse.markers import BILL_SECTION
from lawdiff.parse.numbering import number, numbering_warnings
from lawdiff.parse.tree import DocumentKind, Node
from lawdiff.parse.units import NodeText, Unit, missed_sections, units as units_of
from lawdiff.parse.zones import FrontMatter
from lawdiff.read.lines import Reading


def parse(reading: Reading, kind: str | None = None) -> tuple[Node, dict]:
    """Build the tree; returns (root, facts) where facts tell what was recognised."""
    return parse_units(units_of(reading), kind, reading.body_only)


def parse_units(units: list[Unit], kind: str | None = None, body_only: bool = False) -> tuple[Node, dict]:
    """``parse`` of a reading's units (``units.units``), its ``body_only`` said apart: a caller that
    has what else it needs of the reading lets go of its lines before the tree is built (issue 26)."""
    root = Node(_root_type(kind, units))
    text = NodeText()
    front = FrontMatter(text, "body" if body_only else "preface")
    body = Body(root.type, units, text)
    for i, unit in enumerate(units):
        if not front.take(unit):
            body.add(i, unit)
    structured = front.structured or body.structured
    if not structured and root.type in ("bill", "act") and len(body.body.children) == 1:
        structured = True  # an act of one unnumbered section, as printed
    elif not structured:
        _flatten_to_paragraphs(front.preface, body.body)
    root.children = [part for part in (front.preface, front.preamble, body.body) if part.children]
    text.finish(root)
    assign_eids(root)
    warnings = body.warnings + missed_sections(units) + numbering_warnings(body.body)
    # The numbers remembered for this document's passes (up to 9 MB at 30,000 sections) are let go:
    # they would stay through the whole redline, and the next document asks for its own (issue 26).
    clean_num.cache_clear()
    number.cache_clear()
    facts = {
        # True only when the structure was found: a section opener the tree missed means it was not.
        "structure": structured and not any(w.startswith("SECTION") for w in warnings),
        "kind": kind or _kind(root.type, front.ordered),
        "warnings": warnings,
    }
    return root, facts


def _kind(root_type: str, ordered: bool) -> str:
    """The kind of an instrument the manifest does not name: a bill or act by its root, an
    executive order by its "do hereby order", anything else a document."""
    if root_type != "doc":
        return root_type
    return DocumentKind.EXECUTIVE_ORDER.value if ordered else DocumentKind.DOCUMENT.value


def _root_type(kind: str | None, units: list[Unit]) -> str:
    if kind in (DocumentKind.BILL, DocumentKind.ACT):
        return kind
    if kind == DocumentKind.EXECUTIVE_ORDER:
        return "doc"
    if any(u.text.startswith("Be it enacted") or BILL_SECTION.match(u.text) for u in units):
        return "bill"
    return "doc"


def _flatten_to_paragraphs(preface: Node, body: Node) -> None:
    """No structure recognised: the document is its paragraphs, in order."""
    for node in preface.children + body.children:
        node.type = "p"
    body.children = preface.children + body.children
    preface.children = []
