"""A change model as a Word document whose changes are real tracked changes.

Every provision is one paragraph: its number, its heading (bold) and its text,
indented by its depth in the bill.  Deleted words are ``w:del`` runs (text in
``w:delText``), inserted words ``w:ins`` runs, one revision per token of the
change model; a changed number is one deletion and one insertion.  A provision
that exists on one side only also has its paragraph mark tracked, so that
accepting every change gives exactly the new text, paragraph for paragraph,
and rejecting every change exactly the old one.  A split is the new paragraphs with
the paragraph mark between them tracked as inserted (and the joining space, which
only the old text has, deleted); a join is the old paragraphs with the mark
between them tracked as deleted; the further part's number is inserted (split)
or deleted (join) at the start of its paragraph.  A moved provision (or a pair
the new order displaced) is Word's move markup: ``w:moveFrom`` where it stood,
``w:moveTo`` where it stands, inside ``w:moveFromRangeStart``/``w:moveToRangeStart``
ranges of one name (ECMA-376 17.13.5.21-26, 17.13.2.23-28); the words the move
changed are ``w:del`` at its old end and ``w:ins`` at its new one, with a comment
on each end naming the other.  Only changed provisions carry a comment, citing
their printed lines.

It reads the change model alone: each side's content is rebuilt from the tokens,
the indent is ``Ref.depth``, the old order ``Ref.order``, and the pairs to show at
both places are the moves and the ``displaced`` pairs the model marks.

python-docx builds the package and the comments; it cannot write revisions, so
the revision elements are made with its lxml element classes.  The provisions'
paragraphs (and the comments) are set down as XML bytes 512 at a time, held
compressed, and leave the tree; the parts are written into the package piece by
piece: a tree of the whole bill was nine times its XML (30,000 sections: 327 MB
of elements for 36 MB of XML).  Output is byte-reproducible:
revision dates come from the inputs (omitted where they carry none), zip entries
have a fixed timestamp.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from operator import attrgetter
from typing import Iterator, NamedTuple

from docx import Document as new_docx
from docx.oxml import parse_xml
from docx.oxml.ns import NamespacePrefixedTag, nsdecls
from docx.oxml.ns import qn as _qn
from docx.oxml.parser import oxml_parser
from docx.opc.pkgwriter import PackageWriter
from docx.shared import Pt
from lxml import etree

from lawdiff.diff.citations import edited_lines
from lawdiff.parse.provisions import spell_lines
from lawdiff.diff.model import KIND_WORDS
from lawdiff.errors import LawdiffError
from lawdiff.read.lines import refuse_not_text
from lawdiff.render.page import line_cite, names, part_breaks, parted, ref_label, side_refs, side_title, span_lines
from lawdiff.render.rereadable import old_order, rereadable

# python-docx's OxmlElement and qn read the prefixed name anew on every call, most of a long
# bill's export (30,000 sections: 777,752 elements); the same element, its name read once.
qn = functools.cache(_qn)


@functools.cache
def _clark(nsptag: str) -> tuple[str, dict]:
    tag = NamespacePrefixedTag(nsptag)
    return tag.clark_name, tag.nsmap


def _element(nsptag: str):
    """``docx.oxml.OxmlElement(nsptag)``: a loose element of python-docx's class for its name."""
    clark, nsmap = _clark(nsptag)
    return oxml_parser.makeelement(clark, nsmap=nsmap)


AUTHOR = "lawdiff"
INDENT_TWIPS = 360  # a quarter inch per level of the bill's structure
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FRONT_MATTER_PARAGRAPHS = 3  # title, sources, how to read; the bill's text follows
END_NOTE = "End of redline."
COARSE_NOTE = ("Coarse comparison: the word diff ran out of time, so larger stretches are shown deleted and "
               "inserted than may have changed; read this provision against the official texts.")


@dataclass(frozen=True)
class Provision:
    """One side of a change as its paragraph prints it, from the change model alone."""

    num: str | None
    heading: str | None
    content: str  # heading and own text, joined by one space (what the tokens rebuild)
    type: str
    depth: int  # provisions with words that enclose it: the paragraph's indent


def _provision(change: dict, side: str) -> Provision | None:
    ref = change[side]
    if ref is None:
        return None
    ops = "=-" if side == "old" else "=+"
    text = "".join(t for op, t in change["tokens"] if op in ops)
    return Provision(ref["num"], change["heading"][0 if side == "old" else 1], text, ref["type"], ref["depth"])


class Place(NamedTuple):
    """Where a paragraph of the redline goes: the change (its index in the model), its role, and
    its old order (-1 for a whole document's root, which comes first; None on the new side)."""

    k: int
    role: str  # "both", "old" (deleted or moved away), "new" (inserted or moved here)
    order: int | None


@dataclass
class Slot:
    """One paragraph of the redline: a provision on the old side, the new side, or both."""

    change: dict
    role: str  # "both", "old" (deleted or moved away), "new" (inserted or moved here)
    k: int  # the change's index in the model: both ends of a move share it

    @property
    def old(self) -> Provision | None:
        return _provision(self.change, "old") if self.role != "new" else None

    @property
    def new(self) -> Provision | None:
        return _provision(self.change, "new") if self.role != "old" else None


def render_docx(model: dict) -> bytes:
    """The Word redline of the change model ``model`` (``compare``'s dict, or ``compare_streamed``'s,
    whose changes are read three times over: each dict made when read, never all held), as .docx bytes."""
    for side in ("old", "new"):
        meta = model[side]  # the text itself is safe (read.text_only)
        refuse_not_text(meta, meta.get("id", "document"), "Word")
    changes = rereadable(model["changes"])
    _check_complete(model, changes)
    builder = _Builder(model, _revision_date(model))
    builder.front_matter()
    for k, role, _ in _places(changes):
        builder.paragraph(Slot(changes[k], role, k))
        builder.set_down(at_least=_BATCH)
    builder.set_down()
    builder.end()
    return builder.save()


def _check_complete(model: dict, changes=None) -> None:
    """Accept-all and reject-all can only be exact if every provision with words is in the
    model: each side's ``order``s are 0, 1, 2, ... with none left out.  ``changes``: the model's
    changes as ``rereadable`` gives them (read once here)."""
    changes = rereadable(model["changes"]) if changes is None else changes
    found: dict[str, list[int]] = {"old": [], "new": []}
    for c in changes:
        for side, orders in found.items():
            orders.extend(r["order"] for r in side_refs(c, side) if r["order"] is not None)
    for side in ("old", "new"):
        orders = sorted(found[side])
        missing = sorted(set(range(orders[-1] + 1)) - set(orders)) if orders else []
        if missing or len(orders) != len(set(orders)):
            what = (f"leaves out {side} provision(s) number {', '.join(str(k + 1) for k in missing[:3])} "
                    "in document order" if missing else f"names an {side} provision twice")
            raise LawdiffError(_sides(model), f"the change model {what}; "
                                              "no Word redline is written rather than one that drops words")


def _revision_date(model: dict) -> str | None:
    """The newer input's date (ISO), else the older one's; None when neither has one."""
    for side in ("new", "old"):
        value = model[side].get("date")
        if value:
            try:
                day = date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
            return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


# -- the order of paragraphs ------------------------------------------------------

def _places(changes) -> list[Place]:
    """Paragraphs in an order that reads as the new text with the old text's removals in place.

    Provisions on both sides keep the model's (new) order; what exists on one
    side only goes between them, so that the old-side paragraphs read in the
    old document's order (``order``) and the new-side paragraphs in the new one's.
    A move, and a pair the new order displaced (``displaced``), is shown at both places.
    """
    old_only, new_seq = [], []
    for k, change in enumerate(changes):
        o, n = change["old"], change["new"]
        order = old_order(o)
        if o is not None and n is not None and change["kind"] != "move" and not change["displaced"]:
            new_seq.append(Place(k, "both", order))
            continue
        if o is not None:
            old_only.append(Place(k, "old", order))
        if n is not None:
            new_seq.append(Place(k, "new", None))
    old_only.sort(key=attrgetter("order"))
    old_only.reverse()  # taken from the end
    out: list[Place] = []
    for place in new_seq:
        if place.role == "both":
            while old_only and old_only[-1].order < place.order:
                out.append(old_only.pop())
        out.append(place)
    out.extend(reversed(old_only))
    return _deletions_first(out)


def _deletions_first(places: list[Place]) -> list[Place]:
    out, gap = [], []
    for place in places:
        if place.role == "both":
            out.extend(sorted(gap, key=lambda s: s.role != "old"))  # stable: old order, new order kept
            gap = []
            out.append(place)
        else:
            gap.append(place)
    out.extend(sorted(gap, key=lambda s: s.role != "old"))
    return out


# -- building the document -----------------------------------------------------------

def _sides(model: dict) -> str:
    """"No. 650 Section 5 (sec_5) → H.2288 Section 40 (...)": the redline's two sides."""
    return f"{side_title(model['old'])} → {side_title(model['new'])}"


# The mark of a paragraph that exists on one side only: [moved?][its side].
_MARKS = {False: {"old": "w:del", "new": "w:ins"}, True: {"old": "w:moveFrom", "new": "w:moveTo"}}
_REVISIONS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo")
_RANGE_STARTS = (qn("w:moveFromRangeStart"), qn("w:moveToRangeStart"))
_RANGE_ENDS = (qn("w:moveFromRangeEnd"), qn("w:moveToRangeEnd"))
_NUMBERED = (*(qn(t) for t in _REVISIONS), *_RANGE_STARTS, *_RANGE_ENDS)
# A revision's or move range's id while the comments are still being counted ("R7": the eighth);
# set down as the comment count plus that number.  Its element's name and "w:id" come first
# (``_Builder.revision``, ``_range``), and no text holds a "<".
_PROVISIONAL_ID = re.compile(rb'(<w:[A-Za-z]+ w:id=")R(\d+)"')
_NAMESPACES = re.compile(rb' xmlns(?::\w+)?="[^"]*"')
_BATCH = 512  # paragraphs (comments) held in the tree before they are set down together


class _Builder:
    def __init__(self, model: dict, when: str | None):
        self.model = model
        self.move_names: dict[int, str] = {}
        self.when = when
        self.comments = None
        self.comment_count = 0
        self.doc = new_docx()
        self.body = self.doc.element.body
        # The body ends with its section properties; each provision's paragraph goes just before
        # them.  python-docx's add_paragraph finds that place by scanning the body's children on
        # every call, which made a long bill's redline quadratic (50,000 sections: 183 s).
        self.body_end = self.body.find(qn("w:sectPr"))
        self.next_id = 1
        self.made: list = []  # the paragraphs of the provision being built, in the tree
        self.pieces: list[bytes] = []  # the bill's paragraphs set down, in order (compressed)
        self.comment_pieces: list[bytes] = []
        self.numbered = 0  # revisions and move ranges set down
        self.ranges: dict[tuple, str] = {}  # a move range's end -> its start's provisional id
        self.place = self.comment_place = None  # where the bill's paragraphs (the comments) go
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(12)

    # The bill's text is what lies between the front matter and the end note: tests rely on this.
    def front_matter(self) -> None:
        old, new = self.model["old"], self.model["new"]
        self.doc.add_paragraph(f"Redline: {_sides(self.model)}", style="Title")
        self.doc.add_paragraph(
            f"Old: {side_title(old)}{' — ' + old['title'] if old.get('title') else ''}. "
            f"New: {side_title(new)}{' — ' + new['title'] if new.get('title') else ''}.")

        def numbering(meta, word):
            if meta.get("line_numbers") == "printed":
                return f"the {word} version’s printed line numbers"
            return f"the {word} version by provision (it prints no line numbers)"

        self.doc.add_paragraph(
            "Every difference is a tracked change by “lawdiff”: accept all changes to get the new text, "
            f"reject all to get the old one. A comment on every changed provision cites "
            f"{numbering(new, 'new')} and {numbering(old, 'old')}. "
            "A moved provision is a move in Word’s own markup, from where it stood to where it stands "
            "now (words changed on the way are tracked deletions and insertions); a comment on each end "
            "names the other."
            + (f" Warning: {self.model['stats'].get('degraded', 0)} provision(s) could only be compared coarsely "
               "(the word comparison ran out of time); their comments say so: read them against the official texts."
               if self.model.get("degraded") else ""))
        self.place = _marker()
        self.body_end.addprevious(self.place)

    def end(self) -> None:
        self.doc.add_paragraph(END_NOTE)
        settings = self.doc.settings.element
        # Further edits by the reader are tracked too.
        proof = settings.find(qn("w:proofState"))
        track = _element("w:trackRevisions")
        if proof is not None:
            proof.addnext(track)  # the schema's order: after proofState, before defaultTabStop
        else:
            settings.insert(0, track)
        props = self.doc.core_properties
        props.title = f"Redline: {_sides(self.model)}"
        props.author = props.last_modified_by = AUTHOR
        props.revision = 1
        for child in list(props._element):  # no clock time in the package
            if child.tag in (qn("dcterms:created"), qn("dcterms:modified")):
                props._element.remove(child)
        if self.when:
            props.created = props.modified = datetime.fromisoformat(self.when.replace("Z", "+00:00"))

    def revision(self, tag: str) -> OxmlElement:
        el = _element(tag)
        el.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        el.set(qn("w:author"), AUTHOR)
        if self.when:
            el.set(qn("w:date"), self.when)
        return el

    def _paragraph(self, node) -> tuple:
        """A new paragraph laid out for ``node`` (a ``Provision``, or a part's ref): (w:p, w:pPr)."""
        p = _element("w:p")  # what add_paragraph() makes, put in place without the scan
        self.body_end.addprevious(p)
        self.made.append(p)
        p_pr = p.get_or_add_pPr()
        depth = node.depth
        if node.type == "section" and depth == 0:
            keep = _element("w:keepNext")
            p_pr.append(keep)
            spacing = _element("w:spacing")
            spacing.set(qn("w:before"), "240")
            p_pr.append(spacing)
        ind = _element("w:ind")
        ind.set(qn("w:left"), str(INDENT_TWIPS * depth))
        p_pr.append(ind)
        if node.heading or (node.type == "section" and depth == 0):
            level = _element("w:outlineLvl")  # the navigation pane follows the bill's structure
            level.set(qn("w:val"), str(min(depth, 8)))
            p_pr.append(level)
        return p, p_pr

    def _mark(self, p_pr, tag: str) -> None:
        """Track the paragraph's mark itself (``tag`` "w:ins" or "w:del")."""
        r_pr = _element("w:rPr")
        r_pr.append(self.revision(tag))
        p_pr.append(r_pr)

    def paragraph(self, slot: Slot) -> None:
        change = slot.change
        if slot.role == "both" and parted(change):
            self._parted(slot)
            return
        node = slot.new if slot.role != "old" else slot.old
        p, p_pr = self._paragraph(node)
        # A pair shown apart (a move, or a pair the new order displaced) is Word's own move:
        # moveFrom where it stood, moveTo where it stands; a provision on one side only is
        # deleted or inserted.
        moved = slot.role != "both" and change["old"] is not None and change["new"] is not None
        if slot.role in ("old", "new"):
            # The paragraph itself exists on one side only: track its mark too.  A moved
            # paragraph's mark is a plain deletion/insertion all the same (the schema allows
            # either): LibreOffice ignores a moveFrom mark and would keep an empty paragraph.
            self._mark(p_pr, _MARKS[False][slot.role])

        if slot.role == "both":
            self._prefix(p, _prefix(slot.old), _prefix(slot.new))
            self._tokens(p, change["tokens"], slot.old, slot.new)
        elif moved:
            name = self.move_names.setdefault(slot.k, f"move{len(self.move_names) + 1}")
            side = slot.role
            self._range(p, f"w:{'moveFrom' if side == 'old' else 'moveTo'}RangeStart", name)
            old, new = _provision(change, "old"), _provision(change, "new")  # both ends of the move
            self._prefix(p, _prefix(old), _prefix(new), show=side, equal=_MARKS[True][side])
            self._tokens(p, change["tokens"], old, new, show=side, equal=_MARKS[True][side])
            self._range(p, f"w:{'moveFrom' if side == 'old' else 'moveTo'}RangeEnd", name)
        elif slot.role == "old":
            text = _prefix(slot.old) + slot.old.content
            self._wrapped(p, "w:del", _styled(text, len(_prefix(slot.old)), slot.old))
        else:
            text = _prefix(slot.new) + slot.new.content
            self._wrapped(p, "w:ins", _styled(text, len(_prefix(slot.new)), slot.new))
        note = self._note(slot)
        if change.get("degraded"):
            note = (note + " " if note else "") + COARSE_NOTE
        if note:
            self._comment(p, note)

    def _parted(self, slot: Slot) -> None:
        """A split (join): one paragraph per provision of its parted side.  At each break the
        joining space, which only the single side has, is tracked on that side (deleted for a
        split, inserted for a join), the paragraph's mark is tracked as the parted side's
        (inserted, deleted), and the next paragraph opens with the part's number tracked the
        same way: accepting all gives the new paragraphs, rejecting all the old ones."""
        change = slot.change
        side, refs = parted(change)
        single = "w:del" if side == "new" else "w:ins"  # how the single side's joining space is tracked
        parted_tag = "w:ins" if side == "new" else "w:del"
        breaks = part_breaks(change)
        old, new = slot.old, slot.new
        p, p_pr = self._paragraph(new if side == "new" else old)
        first = p
        self._prefix(p, _prefix(old), _prefix(new))
        start = 0
        marks = sorted(breaks)
        for at in marks + [len(change["tokens"])]:
            self._tokens(p, change["tokens"][start:at], old, new, offsets=self._offsets(change["tokens"][:start]))
            if at == len(change["tokens"]):
                break
            op, text = change["tokens"][at]
            if op == "=":
                self._wrapped(p, single, [(text, False)])
            self._mark(p_pr, parted_tag)
            part = breaks[at]
            p, p_pr = self._paragraph(_PartLayout(part["type"], part["depth"]))
            if part.get("num"):
                self._wrapped(p, parted_tag, [(part["num"] + " ", False)])
            start = at + 1
        note = self._note(slot)
        self._comment(first, note)

    @staticmethod
    def _offsets(tokens: list) -> tuple[int, int]:
        """Where the text after ``tokens`` starts in the old and in the new content."""
        return (sum(len(t) for op, t in tokens if op in "=-"), sum(len(t) for op, t in tokens if op in "=+"))

    def _range(self, p, tag: str, name: str) -> None:
        """A move range's start or end: the start names the move (both ends of a move share the
        name) and, as ECMA-376 requires of it, carries an author and a date: the inputs' date,
        else the package's fixed 1980-01-01 (the revisions themselves then carry none)."""
        el = _element(tag)
        el.set(qn("w:id"), f"r{name}")  # renumbered on save; a start and its end share an id
        if tag.endswith("Start"):
            el.set(qn("w:name"), name)
            el.set(qn("w:author"), AUTHOR)
            el.set(qn("w:date"), self.when or "1980-01-01T00:00:00Z")
        p.append(el)

    def _prefix(self, p, old: str, new: str, show: str = "both", equal: str | None = None) -> None:
        """The number: kept (``equal`` wraps it on a move), or struck and inserted; ``show``
        "old"/"new" writes only what that end of a move shows."""
        if old == new:
            if new:
                self._wrapped(p, equal, [(new, True)]) if equal else p.append(_run(new, bold=True))
            return
        if old and show != "new":
            self._wrapped(p, "w:del", [(old, True)])
        if new and show != "old":
            self._wrapped(p, "w:ins", [(new, True)])

    def _tokens(self, p, tokens: list, old: Provision, new: Provision, show: str = "both",
                equal: str | None = None, offsets: tuple[int, int] = (0, 0)) -> None:
        """The words: "=" plain (or in ``equal``, the move's wrapper), "-" deleted, "+" inserted;
        at one end of a move (``show`` "old" or "new") the other end's edits are left out.
        ``offsets``: where ``tokens`` start in the old and the new content (a split's later parts)."""
        old_heading = len(old.heading) if old.heading else 0
        new_heading = len(new.heading) if new.heading else 0
        at_old, at_new = offsets
        for op, text in tokens:
            if op == "=":
                pieces = _split(text, at_old, old_heading) if show == "old" else _split(text, at_new, new_heading)
                if equal:
                    self._wrapped(p, equal, pieces)
                else:
                    for piece, bold in pieces:
                        if piece:
                            p.append(_run(piece, bold=bold))
                at_old += len(text)
                at_new += len(text)
            elif op == "-":
                if show != "new":
                    self._wrapped(p, "w:del", _split(text, at_old, old_heading))
                at_old += len(text)
            else:
                if show != "old":
                    self._wrapped(p, "w:ins", _split(text, at_new, new_heading))
                at_new += len(text)

    def _wrapped(self, p, tag: str, pieces: list[tuple[str, bool]]) -> None:
        """One revision holding the pieces (a token split where a heading ends stays one revision)."""
        pieces = [(t, b) for t, b in pieces if t]
        if not pieces:
            return
        wrapper = self.revision(tag)
        for text, bold in pieces:
            wrapper.append(_run(text, bold=bold, deleted=tag == "w:del"))  # moved-from text stays w:t
        p.append(wrapper)

    def _note(self, slot: Slot) -> str:
        change = slot.change
        old, new, kind = change["old"], change["new"], change["kind"]
        apart = slot.role != "both" and old is not None and new is not None  # Word's move markup
        if kind == "equal" and not apart:
            return ""  # a comment only where something changed
        old_name = ref_label(old) if old else ""
        new_name = ref_label(new) if new else ""
        cite_old, cite_new = (_cite(side, ref, self.model[side]) for side, ref in (("old", old), ("new", new)))
        if apart:
            if slot.role == "old":
                return _join(f"Moved to {new_name}", cite_new) + _join("; it stood here", cite_old) + "."
            edited = " with edits" if any(op != "=" for op, _ in change["tokens"]) else ""
            return _join(f"Moved{edited} from {old_name}", cite_old) + _join("; it stands here", cite_new) + "."
        label = KIND_WORDS[kind].note
        name = ref_label(new or old)
        if parted(change):  # "Split: Section 63(c) into Section 63(c) and Section 63(d) (...)"
            name = f"{names(side_refs(change, 'old'))} into {names(side_refs(change, 'new'))}"
            cite_old = _cite("old", {"lines": span_lines(side_refs(change, "old"))}, self.model["old"])
            cite_new = _cite("new", {"lines": span_lines(side_refs(change, "new"))}, self.model["new"])
        if kind == "renumber":
            name = f"{old_name} → {new_name}" if old_name != new_name else \
                f"{name}, {old['num'] or '(unnumbered)'} → {new['num'] or '(unnumbered)'}"
        cites = ", ".join(c for c in (cite_new, cite_old) if c)
        return f"{label}: {name}" + (f" ({cites})" if cites else "") + "." + _edit_lines(change, self.model)

    def _comment(self, p, text: str) -> None:
        # Made here rather than by python-docx's add_comment, which looks for a free id with an
        # XPath over every comment (quadratic on a long bill) and stamps the clock's date.
        if self.comments is None:
            self.comments = self.doc.comments._comments_elm  # creates the comments part
            self.comment_place = _marker()
            self.comments.append(self.comment_place)
        cid = str(self.comment_count)
        self.comment_count += 1
        comment = parse_xml(
            f'<w:comment {nsdecls("w")} w:id="{cid}" w:author="{AUTHOR}" w:initials="LD">'
            '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
            '<w:r><w:t xml:space="preserve"></w:t></w:r></w:p></w:comment>')
        if self.when:
            comment.set(qn("w:date"), self.when)  # the inputs' date, never the clock's
        comment.findall(qn("w:p") + "/" + qn("w:r"))[-1].find(qn("w:t")).text = text
        self.comments.append(comment)
        if len(self.comments) > _BATCH:
            self._set_down_comments()
        start = _element("w:commentRangeStart")
        start.set(qn("w:id"), cid)
        p_pr = p.find(qn("w:pPr"))
        if p_pr is not None:
            p_pr.addnext(start)
        else:
            p.insert(0, start)
        end = _element("w:commentRangeEnd")
        end.set(qn("w:id"), cid)
        p.append(end)
        ref_run = _element("w:r")
        ref = _element("w:commentReference")
        ref.set(qn("w:id"), cid)
        ref_run.append(ref)
        p.append(ref_run)

    def set_down(self, at_least: int = 1) -> None:
        """The paragraphs made since the last time as XML bytes, out of the tree (once there are
        ``at_least``).  Their revisions and move ranges are numbered in document order (a range's
        end takes its start's number), ids provisional until the comments are counted (``save``)."""
        if len(self.made) < at_least:
            return
        for p in self.made:
            for el in p.iter(*_NUMBERED):
                key = (el.tag.replace("Start", "End"), el.get(qn("w:id")))
                if el.tag in _RANGE_ENDS:
                    el.set(qn("w:id"), self.ranges[key])
                    continue
                number = f"R{self.numbered}"
                self.numbered += 1
                if el.tag in _RANGE_STARTS:
                    self.ranges[key] = number
                el.set(qn("w:id"), number)
        # They stand between the marker and the section properties; printed as the body prints
        # them (one element printed alone would declare every namespace in scope).
        # Held compressed (a sixth of their size) until the comments are counted.
        self.pieces.append(zlib.compress(_after(etree.tostring(self.body, encoding="UTF-8"), self.place,
                                                b"<w:sectPr"), 1))
        for p in self.made:
            self.body.remove(p)
        self.made.clear()

    def _set_down_comments(self) -> None:
        """The comments after the comments part's marker as XML bytes, out of the tree."""
        self.comment_pieces.append(zlib.compress(_after(etree.tostring(self.comments, encoding="UTF-8"),
                                                        self.comment_place, b"</w:comments>"), 1))
        for comment in list(self.comment_place.itersiblings()):
            self.comments.remove(comment)

    def save(self) -> bytes:
        """The package, the bill's paragraphs and the comments put in their places.  Revision
        and move-range ids follow the comment ids, so no two annotations share an id."""
        shift = self.comment_count

        def final(piece: bytes) -> bytes:
            return _PROVISIONAL_ID.sub(lambda m: m[1] + b"%d\"" % (int(m[2]) + shift), zlib.decompress(piece))

        def blob(part):  # asked for as the package writes each part
            if part is self.doc.part:
                return _with_pieces(part.blob, self.place, map(final, self.pieces))
            if self.comments is not None and getattr(part, "_element", None) is self.comments:
                return _with_pieces(part.blob, self.comment_place, map(zlib.decompress, self.comment_pieces))
            return None
        return _package_bytes(self.doc, blob)


def _marker() -> etree._Element:
    """An element standing where set-down pieces go when the part is written."""
    mark = _element("w:bookmarkStart")
    mark.set(qn("w:name"), "lawdiff-pieces")
    return mark


def _fragment(el) -> bytes:
    """``el`` as it prints inside its part: lxml declares every namespace in scope on the
    element it prints alone, where the part's root declares them."""
    xml = etree.tostring(el, encoding="UTF-8")
    head = xml.index(b">")
    return _NAMESPACES.sub(b"", xml[:head]) + xml[head:]


def _after(xml: bytes, mark, end: bytes) -> bytes:
    """What ``xml`` prints after the marker ``mark`` and before the last ``end``."""
    mark_xml = _fragment(mark)
    return xml[xml.index(mark_xml) + len(mark_xml):xml.rindex(end)]


def _with_pieces(blob: bytes, mark, pieces) -> Iterator[bytes]:
    """A part's ``blob`` with ``pieces`` where its marker ``mark`` prints (what was not set down
    still prints after it), piece by piece."""
    head, found, tail = blob.rpartition(_fragment(mark))
    if not found:
        raise AssertionError("the part lost its marker")
    yield head
    yield from pieces
    yield tail


def _join(words: str, cite: str) -> str:
    return f"{words} ({cite})" if cite else words


def _cite(side: str, ref: dict | None, meta: dict) -> str:
    """"old lines 85–97": only where that side's source prints line numbers (else "")."""
    lines = line_cite(ref.get("lines"), meta.get("line_numbers", "source")) if ref else None
    return f"{side} {lines}" if lines else ""


def _edit_lines(change: dict, model: dict) -> str:
    """" Struck on old lines 49–56; inserted on new line 49." from the change model, where
    known and where that side prints line numbers."""
    if change["kind"] not in ("modify", "split", "join"):
        return ""
    printed = [model[side].get("line_numbers") == "printed" for side in ("old", "new")]
    struck = edited_lines(change, "-", 0) if printed[0] else []
    added = edited_lines(change, "+", 1) if printed[1] else []
    parts = []
    if struck:
        parts.append(f"struck on old {spell_lines(struck)}")
    if added:
        parts.append(f"inserted on new {spell_lines(added)}")
    if not parts:
        return ""
    sentence = "; ".join(parts)
    return " " + sentence[0].upper() + sentence[1:] + "."


@dataclass(frozen=True)
class _PartLayout:
    """What a split's (join's) further paragraph is laid out by: its type and depth."""

    type: str
    depth: int
    heading: str | None = None


def _prefix(node: Provision) -> str:
    """The number and the space after it, as the paragraph prints them."""
    if not node.num:
        return ""
    return node.num + (" " if node.content else "")


def _styled(text: str, prefix_len: int, node: Provision) -> list[tuple[str, bool]]:
    heading_end = prefix_len + (len(node.heading) if node.heading else 0)
    return [(text[:heading_end], True), (text[heading_end:], False)]


def _split(text: str, at: int, heading_len: int) -> list[tuple[str, bool]]:
    """Cut ``text`` (which starts at offset ``at`` of a provision's content) where its heading ends."""
    cut = max(0, min(len(text), heading_len - at))
    return [(text[:cut], True), (text[cut:], False)]


def _run(text: str, bold: bool = False, deleted: bool = False) -> OxmlElement:
    r = _element("w:r")
    if bold:
        r_pr = _element("w:rPr")
        r_pr.append(_element("w:b"))
        r.append(r_pr)
    t = _element("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


class _FixedTimeZip:
    """python-docx's physical package writer (``write(pack_uri, blob)``), writing each part once
    stamped with one fixed time, so output is byte-reproducible.  ``Document.save`` would
    compress every part at zlib's default level only for the stamping to read and compress
    it again; level 1: the parts are small XML (a site builds one file per redline)."""

    def __init__(self, zip_file: zipfile.ZipFile):
        self.zip_file = zip_file

    def write(self, pack_uri, blob) -> None:
        """Write a part: its bytes, or its pieces of bytes in order (never joined in memory)."""
        fixed = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_TIME)
        fixed.compress_type = zipfile.ZIP_DEFLATED
        fixed.external_attr = 0o644 << 16
        if isinstance(blob, bytes):
            self.zip_file.writestr(fixed, blob, compresslevel=1)
            return
        fixed._compresslevel = 1  # what writestr(compresslevel=1) sets
        with self.zip_file.open(fixed, "w") as part:
            for piece in blob:
                part.write(piece)


def _package_bytes(doc, blob_of=None) -> bytes:
    """The .docx file: what ``doc.save`` writes (``OpcPackage.save``: each part marshalled, then
    python-docx's PackageWriter, in its order), through ``_FixedTimeZip``; ``blob_of(part)``, where
    it answers, gives a part's bytes (or pieces of bytes, in order) instead of its element's."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zip_file:
        writer = _FixedTimeZip(zip_file)
        PackageWriter._write_content_types_stream(writer, package.parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        for part in package.parts:  # PackageWriter._write_parts, each blob asked for as it is written
            blob = blob_of(part) if blob_of is not None else None
            writer.write(part.partname, part.blob if blob is None else blob)
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
    return out.getvalue()
