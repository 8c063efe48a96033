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
CELL_W, CELL_H, LABEL_W, HEAD_H = 92, 34, 280, 170


def _style(status: str) -> dict:
    fill, pattern, code = STATUS_STYLE[status]
    return {"fill": fill, "pattern": pattern, "code": code}


def _context(matrix: dict) -> dict:
    statuses = [s for s in STATUS_STYLE if s in matrix["statuses"]]
    return {
        "matrix": matrix,
        "styles": {s: _style(s) for s in STATUS_STYLE},
        "legend": [(s, matrix["statuses"][s]) for s in statuses],
        "status_text": status_text,
        "geom": {"cw": CELL_W, "ch": CELL_H, "lw": LABEL_W, "hh": HEAD_H,
                 "width": LABEL_W + CELL_W * len(matrix["instruments"]) + HEAD_H,  # room for the last slanted label
                 "height": HEAD_H + CELL_H * len(matrix["topics"]) + 10},
    }


def _topic(matrix: dict, topic_id: str) -> dict:
    for t in matrix["topics"]:
        if t["id"] == topic_id:
            return t
    raise KeyError(topic_id)


def phrases(topic: dict) -> list[str]:
    """The topic's literal phrases (its regular expressions left out): words a reader searches for."""
    return [p for p in topic.get("patterns", []) if not any(c in p for c in ("\\", "(?", "[", "|"))]


def render_topic_page(matrix: dict, topic_id: str, links: bool = True) -> str:
    """The page ``matrix/<topic_id>.html``: a row per instrument with status, summary and cited text."""
    topic = _topic(matrix, topic_id)
    return render_page("matrix/topic.html", root=SITE_ROOT, has_matrices=True,
                       **_context(matrix), topic=topic, links=links, phrases=phrases(topic))


def render_overview(matrix: dict) -> str:
    """The page ``matrix/index.html``: the topics-by-instruments grid (SVG) and its text legend."""
    return render_page("matrix/index.html", root=SITE_ROOT, has_matrices=True, **_context(matrix), links=True)


def render_standalone(matrix: dict) -> str:
    """One self-contained page (``lawdiff matrix --format html``): grid and every topic,
    with links to the official texts rather than to site pages."""
    return environment().get_template("matrix/standalone.html").render(**_context(matrix), links=False)
