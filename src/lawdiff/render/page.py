"""What every site page shares: relative links, the stylesheet and script, citations."""

from __future__ import annotations

import io
import re
from importlib.resources import files
from pathlib import Path

from markupsafe import Markup, escape

from lawdiff.parse.provisions import lines_text
from lawdiff.render.templates import environment

STATIC = Path(str(files("lawdiff.templates"))) / "static"
STATIC_FILES = ("site.css", "site.js")


def instrument_href(root: str, id_: str, eid: str | None = None) -> str:
    return f"{root}instruments/{id_}.html" + (f"#{eid}" if eid else "")


def redline_href(root: str, slug: str) -> str:
    return f"{root}redlines/{slug}.html"


def line_cite(lines: list[int] | None, numbering: str) -> str | None:
    """"lines 85–97" for printed line numbers; None where the source prints none."""
    if not lines or numbering != "printed":
        return None
    return lines_text(lines)


_EDGE = re.compile(r"^(\s*)(.*?)(\s*)$", re.S)


def escape_text(text: str) -> str:
    """``markupsafe.escape(text)`` as a plain string, byte for byte (``&#39;``, ``&#34;``): the
    redline escapes a word at a time, and a ``Markup`` per word was most of its cost (issue 26;
    the caller marks the whole run safe once)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def html_text(value) -> str:
    """What autoescape writes for ``{{ value }}``, as a plain string: a string escaped
    (``escape_text``), markup as it is, a number as its digits, anything else as
    ``markupsafe.escape`` gives it (for the rows a page writes in Python, outside autoescape)."""
    kind = type(value)
    if kind is str:
        return escape_text(value)
    if kind is Markup:
        return value
    return str(value) if kind is int else str(escape(value))


def mark_text(tag: str, text: str, spaces: bool = False) -> str:
    """``mark`` as a plain string of HTML (for callers that join many and mark them safe once)."""
    lead, core, trail = _EDGE.match(text).groups()

    def space(ws: str) -> str:
        return f'<{tag} class="ws">{escape_text(ws)}</{tag}>' if ws and spaces else escape_text(ws)

    if not core:
        return space(text)
    return f"{space(lead)}<{tag}>{escape_text(core)}</{tag}>{space(trail)}"


def mark(tag: str, text: str, spaces: bool = False) -> Markup:
    """``<del>``/``<ins>`` around the words only: the brackets of the congressional
    style then hug the words, and the whitespace stays between them.  With ``spaces``
    (the inline view, where both sides show) the whitespace is marked too, in its own
    ``class="ws"`` element, so that the marked and unmarked text rebuild each side exactly."""
    return Markup(mark_text(tag, text, spaces))


def render_page(template: str, *, root: str | None, **context) -> str:
    """Render a site template.  ``root`` is the relative path from the page to the
    site's top ("" or "../"); None makes a standalone page with CSS and script inlined."""
    return environment().get_template(template).render(**_page_context(root, context))


# Characters of a page joined and encoded at a time by ``render_page_utf8`` (counted, not pieces:
# a piece is a word or a whole row of the redline's views).
_BATCH = 1 << 16


def render_page_utf8(template: str, *, root: str | None, **context) -> bytes:
    """``render_page(...).encode("utf-8")`` without the page as one string.  ``render`` lists
    every piece of the page (millions for a long redline), joins them into a string of two bytes
    a character (an arrow or a curly quote is enough) and the caller encodes it: the pieces, the
    page and its bytes at once were the largest part of ``lawdiff diff --format html``'s memory
    (issue 26).  Here the pieces are joined and encoded a batch at a time into one buffer."""
    out = io.BytesIO()
    render_page_to(out, template, root=root, **context)
    return out.getvalue()


def render_page_to(fp, template: str, *, root: str | None, **context) -> None:
    """``render_page_utf8`` written into ``fp`` (a binary file) a batch of pieces at a time."""
    batch: list[str] = []
    size = 0
    for piece in environment().get_template(template).generate(**_page_context(root, context)):
        batch.append(piece)
        size += len(piece)
        if size >= _BATCH:
            fp.write("".join(batch).encode("utf-8"))
            batch, size = [], 0
    if batch:
        fp.write("".join(batch).encode("utf-8"))


def _page_context(root: str | None, context: dict) -> dict:
    inline = None
    if root is None:
        inline = {name: Markup((STATIC / name).read_text(encoding="utf-8").replace("</", "<\\/"))
                  for name in STATIC_FILES}
    return dict(root=root if root is not None else "", standalone=root is None, inline=inline,
                instrument_href=instrument_href, redline_href=redline_href, **context)


# How a reader names the parts of a bill that are not sections: "Recital 3", "Title".
_PARTS = {"formula": "Enacting formula", "longtitle": "Title", "summary": "Summary", "session": "Session",
          "docket": "Docket", "recs": "Recitals", "intro": "opening words", "wrapup": "closing words"}
_COUNTED = {"p": "paragraph", "rec": "Recital", "item": "item", "hcontainer": "part"}
_CONTAINERS = {"chp": "Chapter", "chapter": "Chapter", "part": "Part", "art": "Article", "article": "Article",
               "title": "Title", "division": "Division"}
_SUBDIVISIONS = ("subsec", "para", "cl", "subcl")


def side_title(meta: dict) -> str:
    """A redline side as a title names it: "H.2288", or for one provision
    "H.2288 Section 40": the reader's names, never the eid."""
    name = str(meta.get("number") or meta.get("id") or "?")
    return f"{name} {ref_label(meta)}" if meta.get("eid") else name


def ref_label(ref: dict) -> str:
    """A reader's name for a provision, from its eid (``ref``: a change model's ref, a side's
    meta, or any dict with "eid", and "term"/"num" where known): "Section 63(a)",
    "Section 63(a), definition of “Immigration enforcement”" (the term as printed),
    "Recital 3", "Front matter, paragraph 1".  The one labelling function of every
    renderer a person reads; the eid itself belongs to JSON, AKN and URLs."""
    eid, term = ref.get("eid") or "", ref.get("term")
    key = eid if term is None else (eid, term)
    try:
        label = _LABELS.get(key)
    except TypeError:  # a term that is no string (a hand-made model): not remembered
        label = _label_of(eid, term)
    else:
        if label is None:
            if len(_LABELS) >= _LABELS_HELD:
                _LABELS.clear()
            label = _LABELS[key] = _label_of(eid, term)
    return label or ref.get("num") or eid


# A redline names each provision up to twelve times (both views, the summary twice, the printed
# text), a pass over the whole model each: the labels are remembered, by eid (and term: the number
# only names a provision whose eid gives nothing).  An LRU cache of 16,384 (an entry 170 bytes with
# its links) missed every label of every pass at 30,000 sections (45,000 labels read in order, five
# times: 201,000 misses, a tenth of the page's time); a plain dict keyed by the eid the change
# already holds costs 110 bytes a label, 5 MB for all of them there (issue 26).  Emptied when it
# reaches ``_LABELS_HELD``, as a process that writes page after page (the site) would otherwise
# keep every label it ever made.
_LABELS: dict = {}
_LABELS_HELD = 1 << 17


def _label_of(eid: str, term: str | None) -> str:
    """The label of ``ref_label``, or "" where the eid names nothing a reader would (the caller
    then names the provision by its number, or its eid)."""
    head, subdivisions, tail, front, outer = "", "", None, False, ""
    for part in eid.split("__"):
        alias, _, value = part.partition("_")
        unnumbered = value.startswith("nn")
        if alias == "sec":
            section = "Unnumbered section" if unnumbered else f"Section {_number(value)}"
            head, subdivisions, tail = (f"{outer}, " if outer else "") + section, "", None
        elif alias in _SUBDIVISIONS:
            subdivisions += "" if unnumbered else f"({value})"
        elif alias in _CONTAINERS:
            head, subdivisions, tail = f"{_CONTAINERS[alias]} {_number(value)}", "", None
            outer = head
        elif alias == "defn":
            tail = f"definition of “{term or value.replace('-', ' ')}”"
        elif alias == "qstr":
            tail = "inserted text"
        elif alias == "preface":
            front = True
        elif alias == "preamble":
            tail = "Preamble"
        elif alias in _PARTS:
            tail = _PARTS[alias]
        elif alias in _COUNTED:
            tail = f"{_COUNTED[alias]} {value}"
        elif alias:
            tail = f"{alias} {value}".strip()
    if tail == "inserted text" and not head:
        tail = None
    pieces = [p for p in (head + subdivisions, tail) if p]
    if front and not head and (not tail or tail[0].islower()):  # "Front matter, paragraph 1"; "Summary"
        pieces.insert(0, "Front matter")
    label = ", ".join(pieces)
    return (label[0].upper() + label[1:]) if label else ""


def _number(value: str) -> str:
    """A section number as printed: "63a" is "63A"."""
    return value.upper() if value[:1].isdigit() else value


# -- splits and joins ------------------------------------------------------------

_PARTED = {"split": "new", "join": "old"}


def parted(change: dict) -> tuple[str, list[dict]] | None:
    """A split's or join's parted side and its provisions in order: ("new", [new, *parts])
    for a split, ("old", [old, *parts]) for a join; None for any other change."""
    side = _PARTED.get(change["kind"])  # (asked some twenty times a change by a redline page)
    if side is None or not change.get("parts"):
        return None
    return side, [change[side]] + list(change["parts"])


def side_refs(change: dict, side: str) -> list[dict]:
    """The provisions of one side ("old", "new") of a change: one, none, or a split's (join's)
    parts in order."""
    found = parted(change)
    if found and found[0] == side:
        return found[1]
    return [change[side]] if change.get(side) else []


def span_lines(refs: list[dict]) -> list[int] | None:
    """[first, last] from the first provision's first line to the last one's last; None where
    none of them is located."""
    lines = [r["lines"] for r in refs if r.get("lines")]
    return [lines[0][0], lines[-1][1]] if lines else None


def parted_name(change: dict) -> str:
    """"(2) → (2) and (3)": a split's or join's provisions, old side → new side."""
    return f"{names(side_refs(change, 'old'))} → {names(side_refs(change, 'new'))}"


def names(refs: list[dict]) -> str:
    """"(2) and (3)", "(a), (b) and (c)": provisions by a reader's names."""
    labels = [ref_label(r) for r in refs]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def parts_phrase(change: dict) -> str | None:
    """"Split into (2) and (3)", "Joined from (d)(1) and (d)(2)": what a reader is told of a
    split or join (None for any other change)."""
    found = parted(change)
    if found is None:
        return None
    side, refs = found
    return f"Split into {names(refs)}" if side == "new" else f"Joined from {names(refs)}"


def part_breaks(change: dict) -> dict[int, dict]:
    """Token index of each break -> the part that begins after it (empty for other changes)."""
    found = parted(change)
    if found is None:
        return {}
    return dict(zip(change["breaks"], found[1][1:]))


def part_lines(change: dict, side: int) -> set[int]:
    """The first line of each further part on ``side`` (0 old, 1 new) when that is a split's
    (join's) parted side: where a paragraph was opened (closed), a line a redline cites."""
    found = parted(change)
    if not found or found[0] != ("old", "new")[side]:
        return set()
    return {r["lines"][0] for r in found[1][1:] if r.get("lines")}
