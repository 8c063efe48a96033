"""A hearing packet: what staff bring to a hearing on two texts, in one PDF or one Word file.

Reads a change model (``lawdiff.diff.changes.compare``), the two documents, the corpus
manifest (relations, status) and, with a topic, the provision matrix; writes one file laid
out the same way in both formats:

1. a cover: each side's number, title, date and status, what the new text is to the old
   ("S.1510, Senate companion of H.2288"), "Identical in the body" where no word differs,
   the official-copy caution and the print date;
2. the summary of changes (``print_redline.print_layout``);
3. the redline: on paper the printed layout (line numbers, a bar beside each changed line),
   in Word real tracked changes (``render_docx``: Word draws its own change bars);
4. with ``topic``, the two side by side on it: the matrix's status and summary for each,
   and the memo table's points (who is bound, new and existing agreements, deadlines, carve-outs).

The print date is today's, or ``SOURCE_DATE_EPOCH``'s where set (the same file twice).
"""

from __future__ import annotations

import datetime as _dt
import io
import os

from lawdiff.render.templates import environment

CAUTION = ("Derived from the official texts by lawdiff; not an official copy. Check every citation "
           "against the official document before relying on it.")


def print_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch and epoch.isdigit() else _dt.datetime.now(_dt.timezone.utc)
    return when.date().isoformat()


def packet_data(model: dict, docs, corpus=None, topic: str | None = None) -> dict:
    """What the packet says, for either format."""
    from lawdiff.render.print_redline import print_layout

    old, new = model["old"], model["new"]
    relation = relation_of(corpus, old.get("id"), new.get("id"))
    sides = [_side(corpus, meta) for meta in (old, new)]
    changes = sum(1 for c in model.get("changes", []) if c["kind"] != "equal")
    data = {
        "title": relation[2] if relation else f"{_name(old)} → {_name(new)}",
        "relation": list(relation[:2]) if relation else None,
        "sides": sides,
        "identical": changes == 0 and bool(model.get("changes")),
        "compared": len(model.get("changes", [])),
        "not_compared": model.get("not_compared") or [],
        "changes": changes,
        "stats": model.get("stats", {}),
        "caution": CAUTION,
        "printed": print_date(),
        "summary": print_layout(model, docs)["summary"],
        "topic": None,
    }
    if topic:
        data["topic"] = _topic(corpus, topic, old.get("id"), new.get("id"))
    return data


def _name(meta: dict) -> str:
    return str(meta.get("number") or meta.get("id") or "document")


def relation_of(corpus, old_id, new_id) -> tuple[str, str, str] | None:
    """(manifest relation, its words, the pair's name) of two related instruments, else None."""
    from lawdiff.site.comparisons import relation_label, relation_words
    if corpus is None or old_id not in corpus.entries or new_id not in corpus.entries:
        return None
    a, b = corpus.entries[old_id], corpus.entries[new_id]
    for relation in ("version_of", "refiled_from", "companion"):
        for first, second in ((a, b), (b, a)):
            if first["id"] in second.get(relation, []):
                words = relation_words(relation, first, second)
                return relation, words, relation_label(words, _name(first), _name(second))
    return None


def _side(corpus, meta: dict) -> dict:
    entry = corpus.entries.get(meta.get("id"), {}) if corpus is not None else {}
    status = entry.get("status") or ""
    if corpus is not None and entry:
        from lawdiff.load.history import official_status
        official = official_status(corpus, entry)
        if official:
            status = f"{official['date']}: {official['action']}"
    return {"number": _name(meta), "title": meta.get("title") or entry.get("title") or "",
            "date": str(meta.get("date") or entry.get("date") or ""), "status": status,
            "url": entry.get("url") or ""}


def _topic(corpus, topic: str, old_id: str, new_id: str) -> dict:
    from lawdiff.errors import LawdiffError
    from lawdiff.matrix.annotations import POINTS
    from lawdiff.matrix.build import build_matrix
    if corpus is None:
        raise LawdiffError("--topic", "needs the corpus: compare corpus ids")
    ids = [i for i in (old_id, new_id) if i in corpus.entries]
    if len(ids) != 2:
        raise LawdiffError("--topic", "needs two instruments of the corpus, by id")
    matrix = build_matrix(corpus, topics=[topic], instruments=ids)
    t = matrix["topics"][0]
    cells = {c["instrument"]: c for c in t["cells"]}
    pair = [cells[old_id], cells[new_id]]

    def point(cell, key):
        p = cell.get("points", {}).get(key)
        return f"{p['text']} ({'; '.join(c['citation'] for c in p['cites'])})" if p and p["cites"] else (
            f"{p['text']} (reported)" if p else "—")

    return {"label": t["label"],
            "said": [{"status": c["status_label"] + (" (reported)" if c["basis"] == "reported" else ""),
                      "summary": c["summary"]} for c in pair],
            "points": [{"label": label, "old": point(pair[0], key), "new": point(pair[1], key)}
                       for key, label in POINTS.items() if any(key in c.get("points", {}) for c in pair)]}


# -- PDF: the printed redline page with the cover before it and the topic after it ---------

def packet_html(model: dict, docs, data: dict) -> str:
    """The standalone redline page (its print layout: summary, legend, numbered lines, bars)
    with the cover first and the topic last."""
    from lawdiff.render.redline_html import render_redline
    page = render_redline(model, docs=docs, label=data["title"], relation=data["relation"])
    parts = environment().get_template("site/packet.html").module
    cover, topic = str(parts.cover(data)), str(parts.topic(data))
    page = page.replace('<main id="main">', '<main id="main">' + cover, 1)
    return page.replace("</main>", topic + "</main>", 1)


def packet_pdf(model: dict, docs, data: dict) -> bytes:
    from lawdiff.render.pdf import html_to_pdf
    return html_to_pdf(packet_html(model, docs, data), data["title"])


# -- Word: the tracked-changes redline with the same cover, summary and topic ----------------

def packet_docx(model: dict, data: dict) -> bytes:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml.ns import qn

    from lawdiff.render.docx import _package_bytes, render_docx

    doc = Document(io.BytesIO(render_docx(model)))
    body = doc.element.body
    first = body[0]
    made = []  # new block elements, moved before the redline in order

    def heading(text: str, level: int = 1):
        made.append(doc.add_heading(text, level=level)._p)

    def para(text: str, bold: bool = False):
        p = doc.add_paragraph()
        p.add_run(text).bold = bold
        made.append(p._p)
        return p

    def table(head: list[str], rows: list[list[str]]):
        t = doc.add_table(rows=1, cols=len(head))
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, head):
            cell.paragraphs[0].add_run(text).bold = True
        for row in rows:
            for cell, text in zip(t.add_row().cells, row):
                cell.text = text
        made.append(t._tbl)
        return t

    heading(f"Hearing packet: {data['title']}", 0)
    table([""] + [s["number"] for s in data["sides"]], [[k] + [s[f] for s in data["sides"]] for k, f in
                               (("Number", "number"), ("Title", "title"), ("Date", "date"), ("Status", "status"),
                                ("Official page", "url"))])
    if data["identical"]:
        para(identical_text(data), bold=True)
    para(data["caution"])
    para(f"Printed {data['printed']}.")
    heading("Summary of changes")
    if data["summary"]:
        table(["No.", "Provision", "Change", "Old lines", "New lines", "What changed"],
              [[str(s["number"]), s["label"], s["kind"], s["old_lines"], s["new_lines"], s["gist"]] for s in data["summary"]])
    else:
        para("No differences.")
    brk = para("")
    brk.runs[0].add_break(WD_BREAK.PAGE)
    heading("Redline")
    for el in made:
        first.addprevious(el)
    if data["topic"]:
        t = data["topic"]
        doc.add_heading(f"Side by side: {t['label']}", level=1)
        rows = [["Status and summary"] + [f"{s['status']}. {s['summary']}" for s in t["said"]]]
        rows += [[p["label"], p["old"], p["new"]] for p in t["points"]]
        tbl = doc.add_table(rows=1, cols=3)
        tbl.style = "Table Grid"
        for cell, text in zip(tbl.rows[0].cells, ["Point"] + [s["number"] for s in data["sides"]]):
            cell.paragraphs[0].add_run(text).bold = True
        for row in rows:
            for cell, text in zip(tbl.add_row().cells, row):
                cell.text = text
        sect = body.find(qn("w:sectPr"))
        if sect is not None:  # the section properties stay the body's last child
            body.append(sect)
    doc.core_properties.title = f"Hearing packet: {data['title']}"
    return _package_bytes(doc)


def identical_text(data: dict) -> str:
    out = f"Identical in the body: {data['compared']} provisions compared, not a word different"
    if data["not_compared"]:
        out += f" (the {' and '.join(data['not_compared'])} not compared: only one side's source carries them)"
    return out + "."
