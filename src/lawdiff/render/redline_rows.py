"""The redline page's long loops written here as strings: the two screen views' rows (side by
side, inline), the summary's rows (on screen and on paper) and the printed text's lines.

Reads the page's rows (``redline_html._PageRows``), grouped into runs
(``redline_html._Groups``), the printed layout (``print_redline.print_layout``) and the page's
``Cells``; writes a row (with the stubs of the moved provisions that stood after it), a summary
row or a printed provision a string of HTML at a time, which the template writes as it is (in an
``autoescape false`` block: a ``Markup`` a row, escaped again, copied it).  In the template, a
row was some sixty pieces, each an escape and a ``Markup`` through jinja2's generators: half the
page's time at 3,000 sections (issue 26).  Every value is escaped here as the template's
autoescape escaped it, and the page is byte for byte what the template wrote (its whitespace
included: ``trim_blocks`` and ``lstrip_blocks``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from markupsafe import Markup

from lawdiff.diff.model import KIND_WORDS
from lawdiff.render.page import escape_text, html_text, ref_label
from lawdiff.render.redline_cells import Cells


_text = html_text  # what ``{{ value }}`` writes


def _html(value) -> str:
    """What ``{{ value }}`` writes for a row's number or side (``Markup`` or an object with
    ``__html__``, as ``markupsafe.escape`` reads it)."""
    return value if type(value) is Markup else value.__html__()


class ViewRows:
    """``body(view)``: the rows of one view, as the template's loop over the groups wrote them.
    ``changed_at(meta, lines)`` is the page's "changed on lines ..." (or None)."""

    def __init__(self, cells: Cells, changed_at: Callable, groups: Iterable[dict], top_stubs: list[dict]):
        self.cells, self.changed_at, self.groups, self.top_stubs = cells, changed_at, groups, top_stubs
        self.old_name, self.new_name = cells.side_name(cells.old), cells.side_name(cells.new)
        self.move = escape_text(KIND_WORDS["move"].title)

    def body(self, view: str) -> Iterator[str]:
        if self.top_stubs:
            yield "<tbody>" + "".join(self.stub(r, view) for r in self.top_stubs) + "</tbody>"
        colspan = ' colspan="2"' if view == "sbs" else ""
        row = self.sbs if view == "sbs" else self.inline
        for g in self.groups:
            rows = g["rows"]
            if g["equal"]:
                n = len(rows)
                label = f"{n} unchanged provision{'' if n == 1 else 's'}"
                head = (f'  <tbody class="run-equal">\n    <tr class="run-toggle-row"><td{colspan}><button type="button"'
                        f' class="run-toggle" aria-expanded="true" data-label="{label}">{label}</button></td></tr>\n')
            else:
                head = "  <tbody>\n"
            yield head
            for r in rows:
                yield row(r)
            yield "  </tbody>\n"

    def _open(self, r: dict, view: str) -> str:
        number = f' data-change="{r["number"]}" tabindex="-1"' if r["number"] else ""
        return f'    <tr id="{view}-{r["i"]}" class="{_text(r["kind"])}"{number}>\n'

    def _stubs(self, r: dict, view: str) -> str:
        return "".join(self.stub(s, view) for s in r["stub_after"]) if r["stub_after"] else ""

    def _at(self, meta: dict, lines) -> str:
        at = self.changed_at(meta, lines)
        return f' <span class="at">({_text(at)})</span>' if at else ""

    def sbs(self, r: dict) -> str:
        c = self.cells
        old, new = c.old, c.new
        if r["old"]:
            num = f'<strong class="num">{_html(r["old_num"])}</strong> ' if r["old_num"] else ""
            left = (f'<div class="cell-head">{c.ref_link(old, r["old"])}{c.part_links(old, r, "old")}'
                    f'{self._at(old, r["old_at"])} {c.badges(r)}</div><div class="cell-text">{num}'
                    f'{_html(r["old_html"])}</div>{c.moved_note(r, "sbs")}{c.parts_note(r)}')
        else:
            left = f'<span class="absent">Not in {self.old_name}</span>'
        if r["new"]:
            num = f'<strong class="num">{_html(r["new_num"])}</strong> ' if r["new_num"] else ""
            right = (f'<div class="cell-head">{c.ref_link(new, r["new"])}{c.part_links(new, r, "new")}'
                     f'{self._at(new, r["new_at"])} {"" if r["old"] else c.badges(r)}</div><div class="cell-text">'
                     f'{num}{_html(r["new_html"])}</div>')
        else:
            right = f'<span class="absent">{"" if c.roles["companion"] else "Struck: "}not in {self.new_name}</span>'
        return f'{self._open(r, "sbs")}      <td>{left}</td>\n      <td>{right}</td>\n    </tr>\n{self._stubs(r, "sbs")}'

    def inline(self, r: dict) -> str:
        c = self.cells
        old, new = c.old, c.new
        head = ""
        if r["old"]:
            head = f'<span>{self.old_name}</span> {c.ref_link(old, r["old"])}{c.part_links(old, r, "old")}'
        if r["old"] and r["new"]:
            head += " → "
        if r["new"]:
            head += (f'<span>{self.new_name}</span> {c.ref_link(new, r["new"])}{c.part_links(new, r, "new")}'
                     f'{self._at(new, r["new_at"])}')
        num = f'<strong class="num">{_html(r["inline_num"])}</strong> ' if r["inline_num"] else ""
        return (f'{self._open(r, "inline")}      <td><div class="cell-head">{head} {c.badges(r)}</div>'
                f'<div class="cell-text">{num}{_html(r["inline_html"])}</div>{c.moved_note(r, "inline")}'
                f'{c.parts_note(r)}</td>\n    </tr>\n{self._stubs(r, "inline")}')

    def stub(self, r: dict, view: str) -> str:
        """Where a moved provision stood in the old text, linking to where it now stands."""
        ref = r["old"]
        cell = (f'<td>{self.cells.ref_link(self.cells.old, ref)}<p class="note"><span class="badge">{self.move}</span> '
                f'{_text(ref["num"] or ref_label(ref))} stood here in {self.old_name}; '
                f'<a href="#{view}-{r["i"]}">see it where it now stands</a>.</p></td>')
        other = f'  <td><span class="absent">(moved in {self.new_name})</span></td>\n' if view == "sbs" else ""
        return f'<tr class="stub" id="was-{view}-{r["i"]}">\n  {cell}\n{other}</tr>\n'


class SummaryRows:
    """The summary's rows: ``screen()`` linked to each change's row (``row_of``: number -> the
    row's id), ``paper()`` as printed; ``blocks(blocks)`` the printed text, a provision at a time."""

    def __init__(self, cells: Cells, summary: Iterable[dict], row_of):
        self.cells, self.summary, self.row_of = cells, summary, row_of

    def screen(self) -> Iterator[str]:
        c = self.cells
        kind = "Difference" if c.roles["companion"] else "Change"
        what = "differs" if c.roles["companion"] else "changed"
        old, new = c.side_name(c.old), c.side_name(c.new)
        for s in self.summary:
            n = _text(s["number"])
            yield (f'<tr><td data-label="No.">{n}</td><td data-label="Provision"><a href="#sbs-'
                         f'{_text(self.row_of[s["number"]]["i"])}" data-change-link="{n}">{_text(s["label"])}</a></td>'
                         f'<td data-label="{kind}">{c.kind_word(s["kind"])}</td><td data-label="{old} lines" '
                         f'class="nowrap">{_text(s["old_lines"])}</td><td data-label="{new} lines" class="nowrap">'
                         f'{_text(s["new_lines"])}</td><td data-label="What {what}">{_text(s["gist"])}</td></tr>\n')

    def paper(self) -> Iterator[str]:
        kind_word = self.cells.kind_word
        for s in self.summary:
            yield (f'<tr><td>{_text(s["number"])}</td><td>{_text(s["label"])}</td><td>{kind_word(s["kind"])}</td>'
                         f'<td class="nowrap">{_text(s["old_lines"])}</td><td class="nowrap">{_text(s["new_lines"])}'
                         f'</td><td>{_text(s["gist"])}</td></tr>\n')

    def blocks(self, blocks: Iterable[dict]) -> Iterator[str]:
        kind_word = self.cells.kind_word
        for b in blocks:
            if b["folded"]:
                yield f'<p class="paper-folded">{_text(b["text"])}</p>\n'
                continue
            number = f'<span class="paper-no">{_text(b["number"])}.</span> ' if b["number"] else ""
            kind = f" · {kind_word(b['kind'])}" if b["changed"] else ""
            if b["rows"]:
                lines = "".join(f'<div class="pl{" bar" if r["changed"] else ""}"><span class="ln">{_text(r["line"])}'
                                f'</span><span class="lt">{_text(r["html"])}</span></div>\n' for r in b["rows"])
            else:
                lines = (f'<div class="pl whole{" bar" if b["changed"] else ""}"><span class="ln"></span>'
                         f'<span class="lt">{_text(b["html"])}</span></div>')
            yield (f'<div class="paper-prov side-{_text(b["side"])}">\n<p class="paper-head">{number}'
                         f'{_text(b["label"])}{kind}</p>\n{lines}</div>\n')
