"""The redline page's small pieces, called for every row of both views: a side's name, a
provision's link, a split's further parts, a row's badges and notes, a change's kind.

Reads a row of ``redline_html._PageRows`` and the page's two sides; writes HTML, every value
escaped, as a plain string like the rows that join it (a ``Markup`` each was 3 % of the page's
time; ``side_name``, which the template writes too, stays ``Markup``).  They were template macros;
a macro call costs jinja2 several times a function call, and at 3,000 sections the page made
75,000 of them (issue 26).  Each gives, byte for byte, what its macro gave (trim_blocks and
lstrip_blocks took the macros' line breaks out).  The rows that call them are written by
``render.redline_rows``; the template calls ``side_name``.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from lawdiff.diff.model import KIND_WORDS
from lawdiff.render.page import html_text, ref_label

_NONE = ""


class Cells:
    """The pieces of one page: ``old`` and ``new`` its sides' meta, ``roles`` how it names them
    (``redline_html._roles``), ``href(meta, eid)`` a provision's link or None, ``cite(meta, ref)``
    its lines or None."""

    def __init__(self, old: dict, new: dict, roles: dict, href: Callable, cite: Callable):
        self.old, self.new, self.roles, self.href, self.cite = old, new, roles, href, cite

    def side_name(self, meta: dict) -> Markup:
        """A side's name: its number, else its id."""
        return escape(meta["number"] if "number" in meta else meta["id"])

    def ref_link(self, meta: dict, ref: dict) -> str:
        """A provision's name, linked to its place on the instrument's page where there is one,
        then its lines where the source prints them."""
        h, label = self.href(meta, ref.get("eid")), html_text(ref_label(ref))
        out = f'<a href="{html_text(h)}">{label}</a>' if h else f"<span>{label}</span>"
        c = self.cite(meta, ref)
        return f'{out} <span class="lines">{html_text(c)}</span>' if c else out

    def part_links(self, meta: dict, r: dict, side: str) -> str:
        """" and Section 4" for each further part of a split (new side) or join (old side)."""
        if r["parts"] and (side == "new") == (r["kind"] == "split"):
            return "".join(f" and {self.ref_link(meta, p)}" for p in r["parts"])
        return _NONE

    def parts_note(self, r: dict) -> str:
        return f'<p class="note">{html_text(r["parts_note"])}.</p>' if r["parts_note"] else _NONE

    def badges(self, r: dict) -> str:
        """The change's kind (as the page's roles name it), renumbered, coarse."""
        out = ""
        if r["number"]:
            companion, kind = self.roles["companion"], r["kind"]
            if companion and kind == "insert":
                name = f"Only in {self.side_name(self.new)}"
            elif companion and kind == "delete":
                name = f"Only in {self.side_name(self.old)}"
            else:
                name = html_text(self.roles["modify"] if kind == "modify" else r["label"])
            out = f'<span class="badge">{name}</span>'
        if r["renumbered"] and r["kind"] != "renumber":
            out += f' <span class="badge">{html_text(KIND_WORDS["renumber"].title)}</span>'
        if r["degraded"]:
            out += ' <span class="badge">Coarse diff</span>'
        return out

    def moved_note(self, r: dict, view: str) -> str:
        """A moved provision's link back to the stub where it stood."""
        if not r["moved"]:
            return _NONE
        was = r["old"]["num"] or ref_label(r["old"])
        return (f'<p class="note">Moved from where {html_text(was)} stood in {self.side_name(self.old)}: '
                f'<a href="#was-{html_text(view)}-{html_text(r["i"])}">see its old place</a>.</p>')


    def kind_word(self, k: str) -> str:
        """A change's kind (its title) as the summary names it; a companion pair's "Differs",
        "Only in H.1"."""
        if self.roles["companion"]:
            if k == KIND_WORDS["modify"].title:
                return html_text(self.roles["modify"])
            if k == KIND_WORDS["insert"].title:
                return f"Only in {self.side_name(self.new)}"
            if k == KIND_WORDS["delete"].title:
                return f"Only in {self.side_name(self.old)}"
        return html_text(k)
