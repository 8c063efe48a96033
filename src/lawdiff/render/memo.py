"""A topic's memo table (``lawdiff.matrix.memo``) as Markdown, CSV and a Word table.

Each cell is the entry texts of one point, each with its citations: in Markdown a citation
links the official text, in Word it is a hyperlink to it, in CSV the links are one column
of their own.  The site's page links each citation to its line on the instrument page
instead (templates/matrix/_macros.html ``memo_table``).
"""

from __future__ import annotations

import csv
import io

from lawdiff.matrix.memo import cite_text
from lawdiff.render.matrix_tables import BOM, md_escape, spreadsheet_safe

NOTE = ("Derived from the official texts; not an official copy. “Reported” marks third-party "
        "reporting not yet checked against the official text.")


def members_text(row: dict) -> str:
    return ", ".join(m["label"] + ("" if m["has_text"] else "*") for m in row["members"])


def entry_text(entry: dict) -> str:
    """An entry as plain text: its words, then whose and where ("… (H.2288 SECTION 3, Section 40,
    lines 89–90; S.1510 SECTION 3, Section 40)"; "… (reported: S.1681, H.2580)")."""
    if entry["reported"]:
        return f"{entry['text']} (reported: {', '.join(entry['instruments'])})"
    if entry["cites"]:
        return f"{entry['text']} ({'; '.join(cite_text(c) for c in entry['cites'])})"
    return f"{entry['text']} ({', '.join(entry['instruments'])})"


def _cells(m: dict, row: dict) -> list[list[dict]]:
    return [row["status"]] + [row["points"].get(c["key"], []) for c in m["columns"]]


def headings(m: dict) -> list[str]:
    return ["Instruments", "Status"] + [c["label"] for c in m["columns"]]


def to_markdown(m: dict) -> str:
    def cell(entries: list[dict]) -> str:
        out = []
        for e in entries:
            if e["reported"] or not e["cites"]:
                out.append(md_escape(entry_text(e)))
                continue
            cites = "; ".join(", ".join(f"[{md_escape(l['label'])}]({l['url']})" if l["url"] else md_escape(l["label"])
                                        for l in c["links"]) + (" " + md_escape(c["where"]) if c["where"] else "")
                              for c in e["cites"])
            out.append(f"{md_escape(e['text'])} ({cites})")
        return "<br>".join(out) or "—"

    lines = [f"# {md_escape(m['topic']['label'])}: how each family of instruments treats it", ""]
    lines += ["| " + " | ".join(headings(m)) + " |", "|" + "---|" * len(headings(m))]
    for row in m["rows"]:
        first = f"**{md_escape(row['family'])}**<br>{md_escape(members_text(row))}"
        lines.append("| " + " | ".join([first] + [cell(c) for c in _cells(m, row)]) + " |")
    lines += ["", md_escape("* text not in the corpus. " + NOTE), ""]
    return "\n".join(lines)


def to_csv(m: dict) -> str:
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["family"] + headings(m) + ["sources"])
    for row in m["rows"]:
        cells = ["\n".join(entry_text(e) for e in entries) for entries in _cells(m, row)]
        urls = dict.fromkeys(l["url"] for es in _cells(m, row) for e in es for c in e["cites"] for l in c["links"] if l["url"])
        w.writerow([spreadsheet_safe(v) for v in [row["family"], members_text(row), *cells, " ".join(urls)]])
    return buf.getvalue()


def to_docx(m: dict) -> bytes:
    """A Word document: a title, the table (one row per family, the heading row repeated on each
    page), the note; landscape Letter; citations hyperlinked to the official texts.  Same
    input, same bytes (no clock time in the package)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt

    from lawdiff.render.docx import _package_bytes

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Inches(11), Inches(8.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.6))
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_heading(f"{m['topic']['label']}: how each family of instruments treats it", level=1)
    table = doc.add_table(rows=1, cols=len(headings(m)))
    table.style = "Table Grid"
    head = table.rows[0]
    head_pr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the heading row again on every page
    repeat.set(qn("w:val"), "true")
    head_pr.append(repeat)
    for cell, text in zip(head.cells, headings(m)):
        cell.paragraphs[0].add_run(text).bold = True

    def hyperlink(paragraph, text: str, url: str) -> None:
        rel = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                       is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        props.append(style)
        props.append(underline)
        run.append(props)
        t = OxmlElement("w:t")
        t.text = text
        t.set(qn("xml:space"), "preserve")
        run.append(t)
        link.append(run)
        paragraph._p.append(link)

    for row in m["rows"]:
        cells = table.add_row().cells
        p = cells[0].paragraphs[0]
        p.add_run(row["family"]).bold = True
        cells[0].add_paragraph(members_text(row))
        for cell, entries in zip(cells[1:], _cells(m, row)):
            for k, e in enumerate(entries or [None]):
                p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                if e is None:
                    p.add_run("—")
                elif e["reported"] or not e["cites"]:
                    p.add_run(entry_text(e))
                else:
                    p.add_run(e["text"] + " (")
                    for j, c in enumerate(e["cites"]):
                        if j:
                            p.add_run("; ")
                        for k, link in enumerate(c["links"]):
                            if k:
                                p.add_run(", ")
                            if link["url"]:
                                hyperlink(p, link["label"], link["url"])
                            else:
                                p.add_run(link["label"])
                        if c["where"]:
                            p.add_run(" " + c["where"])
                    p.add_run(")")
    doc.add_paragraph("* text not in the corpus. " + NOTE)
    props = doc.core_properties
    props.title = f"{m['topic']['label']}: memo table"
    props.author = props.last_modified_by = "lawdiff"
    props.revision = 1
    for child in list(props._element):  # no clock time in the package
        if child.tag in (qn("dcterms:created"), qn("dcterms:modified")):
            props._element.remove(child)
    return _package_bytes(doc)
