"""The index of a large corpus (a whole session): static pages of a few hundred documents each,
and one compact listing the pages filter and sort in the browser.

Reads the manifest (``Corpus.entries``) and nothing else; writes ``documents/index.html``,
``documents/page-N.html`` and ``documents/listing.js`` (a script, not JSON, so that it loads
from ``file://`` too, where browsers refuse to fetch a file).  Without JavaScript the pages
are plain tables linked page to page; with it, a form filters the whole listing by type,
committee, sponsor, status and chamber, and sorts it.
"""

from __future__ import annotations

import json
import re

from lawdiff.load.manifest import Corpus
from lawdiff.load.history import ENACTED
from lawdiff.parse.provisions import instrument_name

PAGE_SIZE = 250  # rows of a static page: about 120 KB of HTML at the session's longest titles
PAGED_FROM = 300  # a corpus with more entries than this gets the paged index
LISTING = "documents/listing.js"

# The latest action, as a status a person filters by (the first pattern that matches wins);
# most of the session's records carry no history, hence "no action recorded".
STATUSES = [
    ("Enacted", ENACTED),  # as the citator reads it (load.history)
    ("Sent to study", re.compile(r"study order", re.I)),
    ("Replaced by a new draft", re.compile(r"new draft|reprinted as amended|published as amended|"
                                           r"text of an amendment|substituted", re.I)),
    ("No further action", re.compile(r"no further action", re.I)),
]
REPORTED = re.compile(r"\breported\b", re.I)


def paged(corpus: Corpus) -> bool:
    """Whether the site of ``corpus`` lists its documents on pages of their own: a large
    corpus, or an imported session whatever its size (``lawdiff fetch --session`` wrote it)."""
    if len(corpus.entries) > PAGED_FROM:
        return True
    try:
        with open(corpus.root / "instruments.toml", encoding="utf-8") as f:
            return f.readline().startswith("# Written whole by `lawdiff fetch --session")
    except OSError:
        return False


def chamber(entry: dict) -> str:
    number = entry.get("number", "")
    if entry.get("kind") == "act":
        return "Acts"
    return {"H": "House", "S": "Senate"}.get(number[:1], "Other")


def status(entry: dict, successors: set[str]) -> str:
    """What became of a document: from its latest action, else from the version graph (a text
    another text is a version of was replaced by it)."""
    action = entry.get("latest_action", "")
    if entry.get("kind") == "act":
        return "Enacted"
    for label, pattern in STATUSES:
        if pattern.search(action):
            return label
    if entry["id"] in successors:  # "Reported by H4744": the conference report took its place
        return "Replaced by a later text"
    if REPORTED.search(action):
        return "Reported"
    return "Other action recorded" if action else "No action recorded"


def _order(entry: dict) -> tuple:
    """House, Senate, then the rest, each in numeric order (H.2 before H.10)."""
    number = entry.get("number", "")
    digits = [int(d) for d in re.findall(r"\d+", number)]
    return ({"House": 0, "Senate": 1, "Acts": 2}.get(chamber(entry), 3), digits, entry["id"])


def rows(corpus: Corpus) -> list[dict]:
    """One row per document, in the pages' order."""
    successors = {other for e in corpus.entries.values() for other in e.get("version_of", [])}
    out = []
    for entry in sorted(corpus.entries.values(), key=_order):
        out.append({"id": entry["id"], "number": instrument_name(entry), "title": entry.get("title", ""),
                    "type": entry.get("type") or entry.get("kind", "").capitalize(),
                    "committee": entry.get("committee", ""), "sponsors": list(entry.get("sponsors", [])),
                    "status": status(entry, successors), "chamber": chamber(entry),
                    "action": entry.get("latest_action", ""),
                    "date": entry.get("latest_action_date", "") or str(entry.get("date", "")),
                    "has_text": bool(entry.get("path"))})
    return out


def page_name(n: int) -> str:
    return "index.html" if n == 1 else f"page-{n}.html"


def listing(table: list[dict]) -> dict:
    """The compact listing: each repeated value (type, committee, sponsor, status, chamber) once,
    rows naming it by its position."""
    values: dict[str, list[str]] = {}
    for field in ("type", "committee", "status", "chamber"):
        values[field] = sorted({r[field] for r in table if r[field]})
    values["sponsor"] = sorted({s for r in table for s in r["sponsors"]})
    at = {field: {v: i for i, v in enumerate(vs)} for field, vs in values.items()}

    def pos(field, value):
        return at[field][value] if value else -1

    out_rows = []
    for i, r in enumerate(table):
        out_rows.append([r["id"], r["number"], r["title"], pos("type", r["type"]), pos("committee", r["committee"]),
                         [at["sponsor"][s] for s in r["sponsors"]], pos("status", r["status"]),
                         pos("chamber", r["chamber"]), r["date"], 1 if r["has_text"] else 0,
                         i // PAGE_SIZE + 1])
    return {"fields": ["id", "number", "title", "type", "committee", "sponsors", "status", "chamber", "date",
                       "has_text", "page"],
            "values": values, "rows": out_rows}


def pages(corpus: Corpus, *, search: bool = False, has_matrices: bool = False,
          topics: list[dict] | None = None) -> dict[str, str]:
    """Every file of the paged index: {path in the site: text}."""
    from lawdiff.render.page import render_page
    table = rows(corpus)
    count = max(1, -(-len(table) // PAGE_SIZE))
    data = listing(table)
    out = {LISTING: "window.lawdiffListing = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))
           + ";\n"}
    for n in range(1, count + 1):
        out[f"documents/{page_name(n)}"] = render_page(
            "site/documents.html", root="../", rows=table[(n - 1) * PAGE_SIZE:n * PAGE_SIZE], page=n,
            pages=[(k, page_name(k)) for k in range(1, count + 1)], total=len(table), first=(n - 1) * PAGE_SIZE + 1,
            values=data["values"], has_matrices=has_matrices, topics=topics or [])
    return out
