"""The instrument page: the whole text as its structure, with TOC, anchors, citations, glossary."""

from __future__ import annotations

import re

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


class LineStarts:
    """Where each printed line begins in the page's text: a number in the margin, ``#L89``, at
    the first word of line 89 (``citations.WordLines`` finds each word's line).  Each line is
    marked once, by the first provision that holds a word of it, in page order."""

    def __init__(self, doc: Document):
        from lawdiff.diff.citations import WordLines
        self.words = WordLines(doc)
        self.done: set[int] = set()
        self.starts: dict[int, list[tuple[int, int]]] = {}

    def _mark(self, line: int) -> Markup:
        self.done.add(line)
        n = int(line)  # a number: nothing to escape (Markup.format would cost a third of the page)
        return Markup(f'<a class="ln" id="L{n}" href="#L{n}" data-pagefind-ignore aria-label="line {n}">{n}</a>')

    def _starts(self, node: Node) -> list[tuple[int, int]]:
        """(offset in the node's heading-and-text content, line) of each line that begins there."""
        if id(node) not in self.starts:
            self.starts[id(node)] = self._find_starts(node)
        return self.starts[id(node)]

    def _find_starts(self, node: Node) -> list[tuple[int, int]]:
        found = self.words.of(node)
        if found is None:  # words not located: the node's first line, at its start
            return [(0, node.lines[0])] if node.lines and (node.heading or node.text) else []
        starts, _, lines = found
        return [(at, line) for k, (at, line) in enumerate(zip(starts, lines)) if k == 0 or lines[k - 1] != line]

    def in_head(self, node: Node) -> Markup:
        """The mark of the line the provision's number and heading stand on, when it begins there."""
        if not node.lines or (not node.num and not node.heading) or node.lines[0] in self.done:
            return Markup("")
        if node.heading is None and not node.num:
            return Markup("")
        first = self._starts(node)
        line = first[0][1] if first and first[0][0] == 0 else node.lines[0]
        return self._mark(line) if line not in self.done else Markup("")

    def in_text(self, node: Node) -> dict[int, Markup]:
        """{offset in node.text: mark} of the lines that begin in the provision's own text."""
        skip = len(node.heading) + 1 if node.heading else 0
        out = {}
        for at, line in self._starts(node):
            if at >= skip and line not in self.done:
                out[at - skip] = self._mark(line)
        return out


PART_MARK = re.compile(r"<!--lp[se]:\d+-->")


def render_instrument(doc: Document, *, root: str | None = None, related: list | None = None,
                      has_matrices: bool = False, topics: list | None = None, history: list | None = None,
                      official: dict | None = None, measure: list | None = None, steps: dict | None = None,
                      amendments: list | None = None, lineage: dict | None = None, marks: bool = False,
                      amending: list[dict] | None = None) -> str:
    """The HTML page of one instrument.  ``root`` is the path from the page to the site's
    top ("../" in the site); None gives a standalone page with CSS inlined.  ``has_matrices``:
    the site has matrix pages to link from the header.  ``topics`` (``search.topic_terms``):
    each topic whose phrases occur in the text adds all its phrases to the search index,
    as synonyms (a search for "287(g)" finds the bill that says "1357(g)").  ``history``: the
    official history actions (``lawdiff.load.history``), shown as a timeline; ``official``: the
    latest of them; ``measure``: every text of its measure (``history.measure``), listed when
    there are several; ``steps``: its version graph (``site.steps``), a timeline of steps, each
    linked to its redline; ``lineage``: each provision's history across the texts it was drawn
    from (``render.lineage_notes``), shown under it.  ``marks``: keep the comments that mark where each provision
    starts and ends (``site.instrument_parts`` cuts a long page there).  ``amending``: the text's
    amending instructions (``cite.instructions``) where the caller has read them already."""
    from lawdiff.site.search import topics_in

    def synonyms(node: Node | None = None) -> str:
        """The topics whose phrases occur in the provision's own words, with all their phrases:
        indexed at its heading, so a search for "287(g)" finds H.2288 § 40 (which says
        "1357(g)") there, as a sub-result of the page linked to the provision."""
        own = " ".join(x for x in (node.num, node.heading, node.text) if x) if node is not None else ""
        out = []
        for t in topics_in(own, topics or []):
            # the topic's name, and its one-word synonyms the provision does not print ("1357(g)"
            # for EO 650 Section 5): words to find it by, not a keyword list for its excerpt
            missing = [p for p in t["phrases"] if len(p.split()) == 1 and p.lower() not in own.lower()
                       and p.lower() not in t["label"].lower()]
            out.append(t["label"] + (f" ({', '.join(missing)})" if missing else ""))
        return "; ".join(out)
    numbering = doc.meta.get("line_numbers", "source")
    amends: dict[str, list[str]] = {}  # each SECTION's eid -> what its instructions do ("inserts G.L. c. 126 § 40")
    for item in instructions(doc) if amending is None else amending:
        amends.setdefault(item["eid"], []).append(describe(item))
    found = terms(doc.tree)
    linker = Linker(doc.tree, found)

    starts = LineStarts(doc) if numbering == "printed" else None

    def text_html(node: Node) -> Markup:
        marks = starts.in_text(node) if starts else {}
        if node.type == "definition" and node.term:
            # the defined term where the definition prints it, as <dfn>
            head = node.text.find(node.term)
            if head >= 0:
                end = head + len(node.term)
                return (linker.link(node, node.text[:head], {k: v for k, v in marks.items() if k < head})
                        + Markup("<dfn>{}</dfn>").format(node.text[head:end])
                        + linker.link(node, node.text[end:], {k - end: v for k, v in marks.items() if k >= end}))
        return linker.link(node, node.text, marks)

    def head_mark(node: Node) -> Markup:
        return starts.in_head(node) if starts else Markup("")

    def scope_label(eid: str) -> str:
        node = doc.tree.find(eid)
        return number_label(node) if node is not None and node.num else ref_label({"eid": eid})

    page = render_page(
        "site/instrument.html", root=root, meta=doc.meta, tree=doc.tree,
        kind_label=kind_label(doc.meta.get("kind"), "Instrument"),
        toc=_toc(doc.tree, numbering), glossary=found, related=related or [],
        text_html=text_html, head_mark=head_mark, scope_label=scope_label, line_anchors=starts is not None,
        has_matrices=has_matrices, synonyms=synonyms,
        history=history or [], official=official, measure=measure or [], steps=steps,
        amendments=_read_motions(amendments or []), lineage_of=lambda node: (lineage or {}).get(node.eid),
        amends_of=lambda node: amends.get(node.eid, []) if node.eid else [],
        line_cite=lambda node: line_cite(node.lines, numbering),
        line_cite_of=lambda lines: line_cite(lines, numbering))
    return page if marks else PART_MARK.sub("", page)


def _read_motions(amendments: list[dict]) -> list[dict]:
    """Each floor amendment with what its instruction does to the bill ("inserts a section after
    section _ (SECTION _ adds to Acts 2020 c. 358 § 18)"), read by ``cite.motions``."""
    from lawdiff.cite.labels import describe_motion
    from lawdiff.cite.motions import motion_instructions
    return [{**a, "reads": [describe_motion(i) for i in motion_instructions(a["text"], a["bill"])]}
            for a in amendments]
