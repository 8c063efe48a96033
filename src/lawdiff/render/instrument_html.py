"""The instrument page: the whole text as its structure, with TOC, anchors, citations, glossary."""

from __future__ import annotations

from markupsafe import Markup

from lawdiff.cite import instructions
from lawdiff.cite.labels import describe
from lawdiff.parse.provisions import heading_label, number_label
from lawdiff.parse.tree import Document, Node, kind_label
from lawdiff.render.glossary import Linker, terms
from lawdiff.render.page import line_cite, ref_label, render_page

TOC_TYPES = {"section", "lineItem", "subsection", "recitals", "formula", "preface", "preamble"}
PART_LABELS = {"preface": "Front matter", "preamble": "Preamble", "recitals": "Recitals", "formula": "Enacting formula"}


def _toc(root: Node, numbering: str) -> list[dict]:
    items = []

    def visit(node: Node, level: int) -> None:
        for child in node.children:
            if child.type in TOC_TYPES and child.eid:
                label = heading_label(child) or PART_LABELS.get(child.type, child.type)
                if not child.heading and child.text and child.type in ("section", "lineItem", "subsection"):
                    label = f"{child.num or ''} {child.text[:60]}{'…' if len(child.text) > 60 else ''}".strip()
                items.append({"eid": child.eid, "label": label, "level": min(level, 3),
                              "cite": line_cite(child.lines, numbering)})
                if child.type not in ("preface", "recitals"):
                    visit(child, level + 1)
            elif child.type in ("body", "quotedStructure"):
                visit(child, level)

    visit(root, 1)
    return items


def render_instrument(doc: Document, *, root: str | None = None, related: list | None = None,
                      has_matrices: bool = False, topics: list | None = None, history: list | None = None,
                      official: dict | None = None, measure: list | None = None, steps: dict | None = None,
                      amendments: list | None = None) -> str:
    """The HTML page of one instrument.  ``root`` is the path from the page to the site's
    top ("../" in the site); None gives a standalone page with CSS inlined.  ``has_matrices``:
    the site has matrix pages to link from the header.  ``topics`` (``search.topic_terms``):
    each topic whose phrases occur in the text adds all its phrases to the search index,
    as synonyms (a search for "287(g)" finds the bill that says "1357(g)").  ``history``: the
    official history actions (``lawdiff.load.history``), shown as a timeline; ``official``: the
    latest of them; ``measure``: every text of its measure (``history.measure``), listed when
    there are several; ``steps``: its version graph (``site.steps``), a timeline of steps, each
    linked to its redline."""
    from lawdiff.site.search import topics_in

    synonyms = "; ".join(f"{t['label']}: {', '.join(t['phrases'])}"
                         for t in topics_in(doc.tree.full_text(), topics or []))
    numbering = doc.meta.get("line_numbers", "source")
    amends: dict[str, list[str]] = {}  # each SECTION's eid -> what its instructions do ("inserts G.L. c. 126 § 40")
    for item in instructions(doc):
        amends.setdefault(item["eid"], []).append(describe(item))
    found = terms(doc.tree)
    linker = Linker(doc.tree, found)

    def text_html(node: Node) -> Markup:
        if node.type == "definition" and node.term:
            # the defined term where the definition prints it, as <dfn>
            head = node.text.find(node.term)
            if head >= 0:
                end = head + len(node.term)
                return (linker.link(node, node.text[:head])
                        + Markup("<dfn>{}</dfn>").format(node.text[head:end])
                        + linker.link(node, node.text[end:]))
        return linker.link(node, node.text)

    def scope_label(eid: str) -> str:
        node = doc.tree.find(eid)
        return number_label(node) if node is not None and node.num else ref_label({"eid": eid})

    return render_page(
        "site/instrument.html", root=root, meta=doc.meta, tree=doc.tree,
        kind_label=kind_label(doc.meta.get("kind"), "Instrument"),
        toc=_toc(doc.tree, numbering), glossary=found, related=related or [],
        text_html=text_html, scope_label=scope_label, has_matrices=has_matrices, synonyms=synonyms,
        history=history or [], official=official, measure=measure or [], steps=steps,
        amendments=amendments or [],
        amends_of=lambda node: amends.get(node.eid, []) if node.eid else [],
        line_cite=lambda node: line_cite(node.lines, numbering),
        line_cite_of=lambda lines: line_cite(lines, numbering))
