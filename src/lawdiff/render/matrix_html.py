"""HTML pages of the matrix: one page per topic, an overview grid, a standalone page.

The site (``lawdiff.site.build.build_site``) writes ``render_topic_page`` to
``matrix/<topic>.html`` and ``render_overview`` to ``matrix/index.html``, with the
site's header, stylesheet and navigation; links are relative to that folder
(``../instruments/<id>.html#<eid>``).  ``render_standalone`` stays self-contained.
"""

from __future__ import annotations

from lawdiff.render.matrix_tables import status_text
from lawdiff.render.page import render_page
from lawdiff.render.templates import environment

SITE_ROOT = "../"  # the site pages live in matrix/: the site's header links back up from there

# Per status: fill colour, SVG pattern drawn over it, and the word printed in the
# cell, so the grid reads in black and white and without colour vision.
STATUS_STYLE = {
    "prohibits": ("#b2182b", "cross", "Prohibits"),
    "restricts": ("#ef8a62", "diagonal", "Restricts"),
    "permits": ("#a6dba0", "dots", "Permits"),
    "preserves-existing": ("#67a9cf", "horizontal", "Preserves"),
    "requires": ("#c2a5cf", "grid", "Requires"),
    "silent": ("#f7f7f7", None, "Silent"),
    "text-not-in-corpus": ("#ffffff", None, "No text"),
    "not-annotated": ("#fddbc7", "vertical", "Located"),
    "no-match": ("#d9d9d9", None, "No match"),
}
CELL_W, CELL_H = 100, 34
FONT = 15  # px in the grid: about 11 pt on a landscape sheet, where the overview prints
EM = 0.47  # Georgia's mean advance per em (measured on the topic labels), to size the label column and heads


def _style(status: str) -> dict:
    fill, pattern, code = STATUS_STYLE[status]
    return {"fill": fill, "pattern": pattern, "code": code}


def with_text(matrix: dict) -> tuple[list[dict], list[dict]]:
    """(instruments whose text is in the corpus, the others): the grid has a column for each
    of the first; the others are folded into a list (their cells are reported, never located)."""
    return ([i for i in matrix["instruments"] if i["has_text"]],
            [i for i in matrix["instruments"] if not i["has_text"]])


def folded(matrix: dict) -> list[dict]:
    """Each instrument without text, with the topics its annotations report on:
    [{"instrument", "cells": [(topic, cell)]}]."""
    out = []
    for ins in with_text(matrix)[1]:
        cells = [(t, c) for t in matrix["topics"] for c in t["cells"]
                 if c["instrument"] == ins["id"] and c["annotated"]]
        out.append({"instrument": ins, "cells": cells})
    return out


def _context(matrix: dict) -> dict:
    statuses = [s for s in STATUS_STYLE if s in matrix["statuses"]]
    columns = with_text(matrix)[0]
    label_w = int(max([len(t["label"]) for t in matrix["topics"]] or [10]) * EM * FONT) + 24
    # a slanted head (45 degrees) rises and reaches right by its length over the square root of 2
    slant = int(max([len(i["label"]) for i in columns] or [4]) * EM * FONT * 0.71) + 24
    return {
        "matrix": matrix,
        "columns": columns,
        "folded": folded(matrix),
        "styles": {s: _style(s) for s in STATUS_STYLE},
        "legend": [(s, matrix["statuses"][s]) for s in statuses],
        "status_text": status_text,
        "geom": {"cw": CELL_W, "ch": CELL_H, "lw": label_w, "hh": slant, "font": FONT,
                 "width": label_w + CELL_W * len(columns) + slant,  # room for the last slanted label
                 "height": slant + CELL_H * len(matrix["topics"]) + 10},
    }


def _topic(matrix: dict, topic_id: str) -> dict:
    for t in matrix["topics"]:
        if t["id"] == topic_id:
            return t
    raise KeyError(topic_id)


def phrases(topic: dict) -> list[str]:
    """The topic's literal phrases (its regular expressions left out): words a reader searches for."""
    return [p for p in topic.get("patterns", []) if not any(c in p for c in ("\\", "(?", "[", "|"))]


def render_topic_page(matrix: dict, topic_id: str, links: bool = True, parallels: list | None = None) -> str:
    """The page ``matrix/<topic_id>.html``: the memo table (a row per family, a column per
    point), then a row per instrument with status, summary and cited text.  ``parallels``:
    the site's side-by-side pages, [{"slug", "old", "new", "old_label", "new_label"}]: an
    instrument's cell links each one it is on."""
    from lawdiff.matrix.memo import memo
    topic = _topic(matrix, topic_id)
    return render_page("matrix/topic.html", root=SITE_ROOT, has_matrices=True,
                       **_context(matrix), topic=topic, links=links, phrases=phrases(topic),
                       memo=memo(matrix, topic_id), parallels=parallels or [])


def render_overview(matrix: dict) -> str:
    """The page ``matrix/index.html``: the topics-by-instruments grid (SVG) and its text legend."""
    return render_page("matrix/index.html", root=SITE_ROOT, has_matrices=True, **_context(matrix), links=True)


def render_standalone(matrix: dict) -> str:
    """One self-contained page (``lawdiff matrix --format html``): grid and every topic,
    with links to the official texts rather than to site pages."""
    from lawdiff.matrix.memo import memo
    return environment().get_template("matrix/standalone.html").render(
        **_context(matrix), links=False, memos={t["id"]: memo(matrix, t["id"]) for t in matrix["topics"]})
