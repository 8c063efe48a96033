"""The redline page of one change model: side by side and inline, three switchable styles.

Reads only the change model (``lawdiff.diff.changes.compare``'s dict).  Deletions and
insertions are real ``<del>``/``<ins>`` elements; the words between them are
escaped text, so nothing from a source document reaches the page as markup.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

from markupsafe import Markup, escape

from lawdiff.diff.citations import edited_lines
from lawdiff.gcpause import no_cycle_collector
from lawdiff.parse.provisions import spell_lines
from lawdiff.diff.model import KIND_WORDS
from lawdiff.render.page import (escape_text, instrument_href, line_cite, mark as _mark, mark_text, part_breaks,
                                 part_lines, parted, parts_phrase, render_page, render_page_to, render_page_utf8)
from lawdiff.render.print_redline import CONTEXTS, print_layout
from lawdiff.render.redline_cells import Cells
from lawdiff.render.redline_rows import SummaryRows, ViewRows
from lawdiff.render.rereadable import places, rereadable

# A figure: digits (with , . % $ and a closing unit word at most) or a number word.
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                "hundred thousand first second third fourth fifth sixth").split()
_FIGURE = re.compile(r"^\(?[$]?\d[\d,.]*%?\)?(?:\s+\S+)?$|^(?:" + "|".join(NUMBER_WORDS) + r")(?:[- ]\w+)?$", re.I)


def is_figure(piece: str) -> bool:
    """A changed token that is a number ("12", "90 days", "sixty"): it decides a deadline or
    a sunset, so the page makes it stand out."""
    return bool(_FIGURE.match(piece.strip().strip(",;.:")))


def _zones(text: str, at: int, heading: str | None) -> list[tuple[str, str]]:
    """``text``, which starts at offset ``at`` of a provision's content (heading, one
    space, text), cut into ("heading" | "sep" | "text", piece)."""
    if not heading:
        return [("text", text)]
    end = len(heading)
    out = []
    for zone, lo, hi in (("heading", 0, end), ("sep", end, end + 1), ("text", end + 1, None)):
        a = max(lo - at, 0)
        b = len(text) if hi is None else min(max(hi - at, 0), len(text))
        if a < b:
            out.append((zone, text[a:b]))
    return out


def side_html(tokens: list, side: str, headings: list | None = None, breaks: dict | None = None,
              parted_side: str | None = None) -> Markup:
    """One side of a change: "old" shows = and - tokens, "new" = and +, "inline" all.

    The heading (``headings``: [old, new], as ``content`` joins it to the text) is
    set apart as on the instrument page: a bold ``span.rl-heading``, then the joining
    space in a ``span.rl-sep`` that the stylesheet turns into a line break.  The
    page's text is still exactly the provision's content.

    A split's (join's) ``breaks`` (token index -> the part that begins after it, see
    ``page.part_breaks``) end a paragraph on its ``parted_side``: the joining space becomes
    an empty ``span.rl-break`` (a new line) and the part's number follows.  Inline, where
    both sides show, a pilcrow marks the paragraph break inserted (split) or struck (join).
    """
    old_heading, new_heading = headings or (None, None)
    breaks = breaks or {}
    pieces: list[tuple[str, str]] = []  # (zone, HTML): plain strings, marked safe once at the end
    at_old = at_new = 0
    for k, (op, text) in enumerate(tokens):
        if k in breaks:
            pieces.append(("text", _break(op, text, side, parted_side, breaks[k].get("num"))))
            at_old += len(text) if op in "=-" else 0
            at_new += len(text) if op in "=+" else 0
            continue
        if op == "-" and side == "new" or op == "+" and side == "old":
            at_old += len(text) if op == "-" else 0
            at_new += len(text) if op == "+" else 0
            continue
        # Where the piece stands: in the new text for "=" and "+" (the old one for "-",
        # or for anything on the old side).
        on_old = op == "-" or (op == "=" and side == "old")
        for zone, piece in _zones(text, at_old if on_old else at_new, old_heading if on_old else new_heading):
            if op == "=":
                html = escape_text(piece)
            else:
                tag = "del" if op == "-" else "ins"
                html = mark_text(tag, piece, spaces=side == "inline")
                if is_figure(piece):  # "12" -> "6": a changed figure is boxed, not a hair-thin mark
                    html = html.replace(f"<{tag}>", f'<{tag} class="figure">', 1)
            pieces.append((zone, html))
        at_old += len(text) if op in "=-" else 0
        at_new += len(text) if op in "=+" else 0
    out: list[Markup] = []
    k = 0
    while k < len(pieces):
        zone = pieces[k][0]
        run = []
        while k < len(pieces) and pieces[k][0] == zone:
            run.append(pieces[k][1])
            k += 1
        body = "".join(run)  # every piece is already markup: joined as strings, marked safe once
        out.append(body if zone == "text" else f'<span class="rl-{zone}">{body}</span>')
    return Markup("".join(out))


def _break(op: str, text: str, side: str, parted_side: str | None, num: str | None) -> Markup:
    """The joining space of a split or join (``op`` "=", or the parted side's own op) on ``side``."""
    shown = side == "inline" or op == "=" or op == ("-" if side == "old" else "+")
    plain = (escape(text) if op == "=" else _mark("del" if op == "-" else "ins", text, spaces=side == "inline")) \
        if shown else Markup("")
    if side == parted_side:  # the paragraph ends here and the part begins, with its number
        return Markup('<span class="rl-break"></span>') + (
            Markup('<strong class="num">') + escape(num) + Markup("</strong> ") if num else Markup(""))
    if side != "inline":
        return plain  # the side that is one paragraph: just the space
    if parted_side == "new":  # a split: a paragraph break inserted, the new part's number with it
        pilcrow = Markup('<ins class="rl-pilcrow" title="paragraph break inserted">¶</ins><span class="rl-break"></span>')
        return plain + pilcrow + (_mark("ins", num) + Markup(" ") if num else Markup(""))
    # a join: the old paragraph break and the old part's number struck
    return Markup('<del class="rl-pilcrow" title="paragraph break struck">¶') + (
        Markup(" ") + escape(num) if num else Markup("")) + Markup("</del>") + plain


_NO_NUM = escape("")


def _num_htmls(change: dict) -> tuple[Markup, Markup, Markup | _BothNums]:
    """The number as each view shows it (old, new, inline): one object where they read the same,
    as for most provisions (three per row held through the page were 5 MB at 30,000 sections)."""
    old = (change.get("old") or {}).get("num")
    new = (change.get("new") or {}).get("num")
    old_html = escape(old) if old else _NO_NUM
    new_html = old_html if new == old else escape(new) if new else _NO_NUM
    if old == new or change.get("old") is None or change.get("new") is None:
        # the same number, or a provision on one side only
        return old_html, new_html, new_html if new else old_html
    return old_html, new_html, _BothNums(old, new)


class _BothNums:
    """The inline view's number where the sides' differ, struck and inserted, made when the page
    writes it (once, in one view; a renumbered provision's, made for every row, were half the
    rows' time).  Never empty: at least one side has a number."""

    __slots__ = ("old", "new")

    def __init__(self, old: str | None, new: str | None):
        self.old, self.new = old, new

    def __html__(self) -> str:
        # A number that one side lacks is marked too: unmarked, it would read as in both.
        return Markup(" ".join(mark_text(tag, num) for tag, num in (("del", self.old), ("ins", self.new)) if num))

    def __str__(self) -> str:
        return self.__html__()


def _changed_lines(change: dict, op: str, side: int) -> list[int]:
    """The lines (of the old side for "-", the new for "+") on which edited words stand."""
    if change["kind"] in ("insert", "delete"):
        return _NONE
    return sorted(set(edited_lines(change, op, side)) | part_lines(change, side)) or _NONE


# What a row has none of (no lines changed, no parts, no stubs after it): one empty tuple shared
# by every row, not an empty list each (three a row, 7 MB at 30,000 sections; issue 26).
_NONE = ()


class _SideHtml:
    """``side_html`` of one view of a change, made when the page writes it (``__html__``, as
    jinja2 and markupsafe ask) and let go once written: each is written once, and the three
    views of every row, made before the page, were the largest part of its memory (issue 26)."""

    __slots__ = ("change", "view")

    def __init__(self, change: dict, view: str):
        self.change, self.view = change, view

    def __html__(self) -> str:
        change = self.change
        found = parted(change)
        return side_html(change.get("tokens", []), self.view, change.get("heading"), part_breaks(change),
                         found[0] if found else None)

    def __str__(self) -> str:
        return self.__html__()


def _side_htmls(change: dict) -> dict[str, _SideHtml]:
    return {f"{view}_html": _SideHtml(change, view) for view in ("old", "new", "inline")}


def _rows(model: dict, first: int = 0, numbered: int = 0) -> tuple[list[dict], list[dict]]:
    """The page's rows and the stubs before its first row, all at once (``_PageRows`` as a list)."""
    rows = _PageRows(model.get("changes", []), first, numbered)
    return list(rows), rows.top_stubs()


def _numbered(changes, first: int, numbered: int):
    """(row id, change, its number in the summary or None for an unchanged provision), in order."""
    n = numbered
    for i, change in enumerate(changes, first):
        number = None
        if change["kind"] != "equal":
            n += 1
            number = n
        yield i, change, number


def _row(change: dict, i: int, number: int | None) -> dict:
    kind = change["kind"]
    old_num, new_num, inline_num = _num_htmls(change)
    return {"i": i, "kind": kind, "label": KIND_WORDS[kind].title, "number": number,
            "old": change.get("old"), "new": change.get("new"),
            "renumbered": bool(change.get("renumbered")),
            "degraded": bool(change.get("degraded")),
            **_side_htmls(change), "parts": list(change["parts"]) if change.get("parts") else _NONE,
            "parts_note": parts_phrase(change),
            "old_num": old_num, "new_num": new_num,
            "inline_num": inline_num, "stub_after": _NONE, "moved": False,
            "old_at": _changed_lines(change, "-", 0), "new_at": _changed_lines(change, "+", 1)}


class _PageRows:
    """The page's rows, each view's made as the view reaches them and let go once written (a dict
    and its HTML makers for every provision, held through the page, were 46 MB at 30,000
    sections; issue 26).  ``first``, ``numbered``: a part of a long redline starts at change
    ``first`` of the whole model, after ``numbered`` numbered changes (its rows keep the whole
    page's ids and numbers).  What a view needs before its rows is found first: where each moved
    provision's stub stands, and each change's row id."""

    def __init__(self, changes: list[dict], first: int = 0, numbered: int = 0):
        self.changes, self.first, self.numbered = changes, first, numbered
        # Where a moved provision used to stand: a stub after the provision that preceded it in the
        # old document (the model's old order; the sort is stable), linking to the row where it now
        # is (and back); before the first row if none did.  By index in ``changes``:
        olds: list[tuple[int, int, bool]] = []  # (old order, index, moved) of each change with an old side
        self.ids = ids = array("q")  # number -> row id
        for k, (kind, order) in enumerate(places(changes)):  # no dict made for it (``rereadable``)
            if order is not None:
                olds.append((order, k, kind == "move"))
            if kind != "equal":
                ids.append(first + k)
        olds.sort()  # by old order, then index: the model's order where the old order ties
        self.moved = {k for _, k, moved in olds if moved}
        self.stubs: dict[int, list[int]] = {}  # a change -> the moved ones whose stubs follow its row
        self.top: list[int] = []
        for n, (_, k, moved) in enumerate(olds):
            if moved:
                (self.stubs.setdefault(olds[n - 1][1], []) if n else self.top).append(k)

    def _row(self, i: int, change: dict, number: int | None) -> dict:
        row = _row(change, i, number)
        k = i - self.first
        row["moved"] = k in self.moved
        if k in self.stubs:
            row["stub_after"] = [self._stub(j) for j in self.stubs[k]]
        return row

    def _stub(self, k: int) -> dict:
        """A moved provision's row where its stub stands (the stub reads its id and old side)."""
        change, i = self.changes[k], self.first + k
        number = self.numbered + bisect_left(self.ids, i) + 1 if change["kind"] != "equal" else None
        row = _row(change, i, number)
        row["moved"] = True
        return row

    def __iter__(self):
        return (self._row(i, change, number) for i, change, number in _numbered(self.changes, self.first, self.numbered))

    def top_stubs(self) -> list[dict]:
        return [self._stub(k) for k in self.top]

    def row_of(self) -> _RowOf:
        return _RowOf(self.ids, self.numbered)


class _RowOf:
    """For the summary, which reads a change's row id only: its number -> {"i": row id}."""

    __slots__ = ("ids", "numbered")

    def __init__(self, ids: array, numbered: int = 0):
        self.ids, self.numbered = ids, numbered

    def __getitem__(self, number: int) -> dict:
        if not isinstance(number, int) or not 0 < number - self.numbered <= len(self.ids):
            raise KeyError(number)
        return {"i": self.ids[number - self.numbered - 1]}


def _groups(rows: list[dict]) -> list[dict]:
    """Runs of unchanged provisions (collapsible) between changed ones."""
    return list(_runs(rows))


def _runs(rows: list[dict]):
    group = None
    for row in rows:
        equal = row["kind"] == "equal"
        if group is None or group["equal"] != equal or not equal:
            if group is not None:
                yield group
            group = {"equal": equal, "rows": []}
        group["rows"].append(row)
    if group is not None:
        yield group


class _Groups:
    """``_groups(rows)`` made a group at a time each time the page reads it (once in each view):
    all of them held through the page were 9 MB at 30,000 sections (issue 26)."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[dict]):
        self.rows = rows

    def __iter__(self):
        return _runs(self.rows)


def _roles(relation: list | None, old: dict, new: dict) -> dict:
    """How the page names the two sides and a changed provision."""
    from lawdiff.site.comparisons import chamber
    kind, words = (relation or [None, ""])[:2]
    if kind == "companion":
        house = chamber(old)
        return {"old": f"{house} bill" if house else "First bill", "new": (words or "companion").capitalize(),
                "kicker": "Companion bills compared", "modify": "Differs", "companion": True}
    return {"old": "Old", "new": "New", "kicker": "Redline", "modify": KIND_WORDS["modify"].title, "companion": False}


def _label(meta: dict) -> str:
    return meta.get("number") or meta.get("id") or "document"


def render_redline(model: dict, *, root: str | None = None, label: str | None = None,
                   has_matrices: bool = False, docs=None, context: str = "changes",
                   downloads: list | None = None, relation: list | None = None, part: dict | None = None,
                   screen: bool = True) -> str:
    """The HTML page of one change model.  ``root`` is the path from the page to the
    site's top ("../" in the site); None gives a standalone page (CSS and script
    inlined, no links to other pages).  ``docs`` (old, new ``Document``s) lets the
    printed layout put each printed line in its row; ``context`` "all" prints the
    unchanged provisions too (else one line per run of them).  ``downloads``: [label, file
    name beside the page, what it holds] of the files the site built with it.  ``relation``
    [manifest relation, words] (``Comparison.relation``, ``.words``): a companion pair is two
    bills filed side by side, not an old text and its amendment, so its sides are named by
    chamber and its differences are "Differs", never "Amended".  ``part``: this page is one part
    of a long redline (``site.redline_parts``): {"n", "count", "names", "first", "numbered",
    "last", "total", "identical"}, and ``model["changes"]`` holds that part's changes only.
    ``screen`` False leaves out what only the screen shows (the summary's linked table and both
    views), for a page that is only printed: the paper is the same, and Chromium prints a
    3,000-section redline in two thirds of the time."""
    if context not in CONTEXTS:
        raise ValueError(context)
    with no_cycle_collector():
        return _render(model, root, label, has_matrices, docs, context, downloads, relation, part, screen=screen)


def render_redline_utf8(model: dict, *, docs=None, context: str = "changes") -> bytes:
    """The standalone page (``render_redline(model, docs=docs, context=context)``) as UTF-8,
    built without the whole page as one string (``page.render_page_utf8``): what
    ``lawdiff diff --format html`` writes, in less than half the memory."""
    if context not in CONTEXTS:
        raise ValueError(context)
    with no_cycle_collector():
        return _render(model, None, None, False, docs, context, None, None, render=render_page_utf8)


def render_redline_to(fp, model: dict, *, docs=None, context: str = "changes") -> None:
    """``render_redline_utf8`` written into ``fp`` (a binary file): ``lawdiff diff --format html``
    puts the page in a temporary file rather than holding it (issue 26: memory)."""
    if context not in CONTEXTS:
        raise ValueError(context)
    with no_cycle_collector():
        _render(model, None, None, False, docs, context, None, None,
                render=lambda *a, **k: render_page_to(fp, *a, **k))


def _render(model, root, label, has_matrices, docs, context, downloads, relation, part=None, render=render_page,
            screen=True):
    old, new = model["old"], model["new"]
    changes = rereadable(model.get("changes", []))  # read some six times, and by index
    if changes is not model.get("changes"):
        model = {**model, "changes": changes}
    rows = _PageRows(changes, part["first"], part["numbered"]) if part else _PageRows(changes)  # made as written
    top_stubs, row_of, any_rows = rows.top_stubs(), rows.row_of(), bool(changes)
    total = part["total"] if part else len(rows.ids)
    linked = root is not None

    def href(meta: dict, eid: str | None) -> str | None:
        return instrument_href(root, meta["id"], eid) if linked and meta.get("id") else None

    def cite(meta: dict, ref: dict | None) -> str | None:
        return line_cite(ref.get("lines"), meta.get("line_numbers", "source")) if ref else None

    def changed_at(meta: dict, lines: list[int]) -> str | None:
        """"changed on lines 49–56, 91": where to look in the printed text."""
        if not lines or meta.get("line_numbers") != "printed":
            return None
        return "changed on " + spell_lines(lines)

    title = label or f"{_label(old)} → {_label(new)}"
    printed = [meta for meta in (old, new) if meta.get("line_numbers") == "printed"]
    unprinted = list(dict.fromkeys(_label(meta) for meta in (old, new) if meta.get("line_numbers") != "printed"))
    roles = _roles(relation, old, new)
    paper = print_layout(model, docs, context, lazy=part is None)  # a part's numbers are changed below
    if part:  # the printed layout numbers this part's changes from 1: the whole page's numbers instead
        for item in {id(x): x for x in paper.get("summary", []) + paper.get("blocks", [])}.values():
            if item.get("number"):
                item["number"] += part["numbered"]
    cells = Cells(old, new, roles, href, cite)
    return render(
        "site/redline.html", root=root, model=model, old=old, new=new, title=title, roles=roles,
        identical=part["identical"] if part else total == 0 and any_rows, part=part,
        view_body=ViewRows(cells, changed_at, _Groups(rows), top_stubs).body, total=total, stats=model.get("stats", {}),
        summary_rows=SummaryRows(cells, paper["summary"], row_of), href=href, cite=cite, linked=linked, kind_words=KIND_WORDS,
        side_name=cells.side_name,
        has_matrices=has_matrices, printed_sides=printed, unprinted_sides=unprinted,
        paper=paper, downloads=downloads or [], screen=screen)
