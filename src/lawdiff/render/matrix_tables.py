"""CSV and Markdown exports of the matrix: one row per topic-instrument pair, for reports and spreadsheets."""

from __future__ import annotations

import csv
import io
import json
import re

from lawdiff.render.markdown_text import escape

COLUMNS = ["topic", "topic_label", "instrument", "instrument_label", "status", "basis",
           "summary", "citation", "text", "source_url", "source_date", "source_name"]
# What spreadsheets run as a formula: the ASCII signs, tab and line breaks, and the full-width
# signs (＝＋－＠), which spreadsheets in East Asian locales read as the ASCII ones.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def status_text(cell: dict) -> str:
    return f"{cell['status_label']} (reported)" if cell["basis"] == "reported" else cell["status_label"]


def provision_words(p: dict) -> str:
    return " ".join(x for x in (p["num"], p["heading"], p["text"]) if x)


def citation_text(p: dict, provisions: list[dict]) -> str:
    """A provision's citation as a reader writes it (the eid stays in the JSON); a qualifier
    also says what it qualifies, so a savings clause pasted into a report is not read as a
    rule on the topic."""
    text = p["citation"]
    if p.get("qualifies"):
        cites = {q["eid"]: q["citation"] for q in provisions}
        text += " (qualifies " + ", ".join(cites.get(e, e) for e in p["qualifies"]) + ")"
    return text


def rows(matrix: dict):
    """One dict per topic-instrument pair, in matrix order."""
    for topic in matrix["topics"]:
        for cell in topic["cells"]:
            provs = cell["provisions"]
            yield {
                "topic": topic["id"],
                "topic_label": topic["label"],
                "instrument": cell["instrument"],
                "instrument_label": cell["label"],
                "status": status_text(cell),
                "basis": cell["basis"] or "",
                "summary": cell["summary"],
                "citation": "; ".join(citation_text(p, provs) for p in provs),
                "text": "\n\n".join(f"{p['citation']}: {provision_words(p)}" for p in provs),
                "source_url": cell["source"].get("url") or "",
                "source_date": cell["source"].get("date") or "",
                "source_name": cell["source"].get("name") or "",
            }


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet would evaluate (=, +, -, @ ..., after any leading spaces) is kept as text by a leading
    apostrophe.  Opened from CSV the apostrophe stays visible (LibreOffice Calc shows
    "'=1+1"), a small price for never running a formula; the words are unchanged."""
    # Spreadsheets drop leading spaces (no-break and ideographic ones too) before they look
    # for a formula: " =1+1" runs as "=1+1".
    return "'" + value if value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START) else value


# Excel reads a CSV file without a byte order mark in the machine's legacy code page,
# turning the texts' curly quotes and the citations' en dashes into mojibake; with
# it, Excel, LibreOffice and Google Sheets all read UTF-8.
BOM = "\ufeff"


def to_csv(matrix: dict) -> str:
    """RFC 4180 CSV, one row per topic-instrument pair, opening with a UTF-8 byte order mark."""
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    for row in rows(matrix):
        w.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return buf.getvalue()


def md_escape(text: str) -> str:
    """Text shows verbatim in a Markdown table: specials escaped, line breaks (any
    convention) as <br>, so one cell stays on one table row."""
    return "<br>".join(escape(line) for line in re.split(r"\r\n|\r|\n|\u2028|\u2029", text))


def to_markdown(matrix: dict) -> str:
    out = ["# Provision matrix", ""]
    for topic in matrix["topics"]:
        out += [f"## {md_escape(topic['label'])}", ""]
        if topic.get("description"):
            out += [md_escape(topic["description"]), ""]
        out += ["| Instrument | Status | Summary | Source | Citation | Text |", "|---|---|---|---|---|---|"]
        for row in (r for r in rows(matrix) if r["topic"] == topic["id"]):
            source = "; ".join(x for x in (row["source_name"], row["source_url"], row["source_date"]) if x)
            cells = [row["instrument_label"], row["status"], row["summary"], source, row["citation"], row["text"]]
            out.append("| " + " | ".join(md_escape(c) for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def to_json(matrix: dict) -> str:
    """The matrix as ``lawdiff matrix --format json`` writes it."""
    return json.dumps(matrix, ensure_ascii=False, indent=2) + "\n"


def of_topic(matrix: dict, topic_id: str) -> dict:
    """The matrix cut to one topic (as ``lawdiff matrix --topic ID`` builds it)."""
    return {**matrix, "topics": [t for t in matrix["topics"] if t["id"] == topic_id]}
