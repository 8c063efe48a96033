"""The CSV and Markdown exports open where advocates paste them.

CSV: LibreOffice Calc reads the file (UTF-8, as its import dialog offers for a file
with a byte order mark) into one row per topic-instrument pair, every cell equal to
what was written, nothing evaluated as a formula.  Markdown: GitHub's renderer
(cmarkgfm) reads each table into one row per instrument and six cells, each cell's
text exactly the provision text or summary.
"""

import csv
import io
import subprocess
import zipfile

import cmarkgfm
from cmarkgfm.cmark import Options
import pytest
from click.testing import CliRunner
from lxml import etree
from lxml import html as lhtml

from lawdiff.cli import main
from lawdiff.render.matrix_tables import COLUMNS, md_escape, rows, to_csv, to_markdown

from helpers import CORPUS, H2288

ODF = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
       "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
HOSTILE = "a | b\r\nc &amp; ~~d~~ *e* _f_ <script>x</script> # [l](u) `c` \\ end"


def hostile_matrix():
    return {"topics": [{"id": "t", "label": "=1+1", "description": "", "cells": [{
        "instrument": "x", "label": "+x", "status_label": "Silent", "status": "silent", "basis": "checked",
        "summary": HOSTILE, "source": {"url": "@SUM(A1)", "date": None, "name": "=HYPERLINK(\"http://e\")"},
        "provisions": [{"citation": "-c", "eid": "e", "num": "(a)", "heading": None, "text": "\tx | y"}]}]}]}


def ods_rows(path):
    """(text, value type, formula) of every non-empty cell, row by row, as Calc stored them."""
    root = etree.fromstring(zipfile.ZipFile(path).read("content.xml"))
    out = []
    for row in root.iter(f"{{{ODF['table']}}}table-row"):
        cells = []
        for c in row.findall("table:table-cell", ODF):
            repeat = min(int(c.get(f"{{{ODF['table']}}}number-columns-repeated", "1")), len(COLUMNS))
            text = "\n".join("".join(p.itertext()) for p in c.findall("text:p", ODF))
            cells += [(text, c.get(f"{{{ODF['office']}}}value-type"), c.get(f"{{{ODF['table']}}}formula"))] * repeat
        while cells and cells[-1][0] == "":
            cells.pop()
        if cells:
            out.append(cells)
    return out


def test_csv_opens_in_a_spreadsheet_one_row_per_pair(tmp_path, corpus):
    whole = tmp_path / "matrix.csv"
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "matrix", "--format", "csv", "--out", str(whole)])
    assert result.exit_code == 0, result.output
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(to_csv(hostile_matrix()), encoding="utf-8", newline="")
    assert whole.read_bytes().startswith(b"\xef\xbb\xbftopic,")  # the byte order mark Excel needs
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir", str(tmp_path), str(whole), str(hostile)],
        capture_output=True, text=True, timeout=180)
    assert (tmp_path / "matrix.ods").exists() and (tmp_path / "hostile.ods").exists(), done.stdout + done.stderr

    sheet = ods_rows(tmp_path / "matrix.ods")
    written = list(csv.reader(io.StringIO(whole.read_text(encoding="utf-8-sig"))))
    assert [c[0] for c in sheet[0]] == COLUMNS  # the byte order mark is not part of the first heading
    assert len(sheet) == 1 + 11 * 15  # a heading, then every topic-instrument pair (15 instruments since S.3086 and the session law, issue 14)
    for got, want in zip(sheet, written):
        assert [c[0] for c in got] == want[:len(got)] and all(w == "" for w in want[len(got):])
    assert not any(formula for row in sheet for _, _, formula in row)
    # The bill's 287(g) cell: every word of printed lines 85-97, curly quotes and all.
    bill = next(r for r in sheet if r[0][0] == "287g" and r[2][0] == "193-h2288")
    margin = [line.split(" ", 1) for line in H2288.read_text(encoding="utf-8").splitlines() if line.strip()[:2].isdigit()]
    body = " ".join(" ".join(t for n, t in margin if n.strip().isdigit() and 85 <= int(n) <= 97).split())
    assert body in bill[COLUMNS.index("text")][0]
    assert "sheriff’s department" in bill[COLUMNS.index("text")][0]
    assert bill[COLUMNS.index("citation")][0] == "H.2288 SECTION 3, Section 40, lines 85–97"

    (head, row) = ods_rows(tmp_path / "hostile.ods")
    values = dict(zip(COLUMNS, row))
    for col in ("topic_label", "instrument_label", "citation", "text", "source_url", "source_name"):
        text, kind, formula = values[col]
        assert kind == "string" and formula is None, col
    assert values["topic_label"][0] == "'=1+1" and values["source_url"][0] == "'@SUM(A1)"
    assert values["summary"][0] == HOSTILE.replace("\r\n", "\n")


def gfm_tables(markdown):
    # GitHub keeps <br> (its sanitiser allows it); cmark drops raw HTML unless told not to.
    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    page = lhtml.fromstring(f"<div>{rendered}</div>")
    for br in page.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return page.xpath("//table")


def cell_texts(table):
    return [[td.text_content() for td in tr.xpath("./td")] for tr in table.xpath("./tbody/tr")]


def test_markdown_tables_render_one_row_per_instrument_with_exact_text(matrix_all):
    out = to_markdown(matrix_all)
    tables = gfm_tables(out)
    assert len(tables) == 11
    want = list(rows(matrix_all))
    got = [r for t in tables for r in cell_texts(t)]
    assert len(got) == len(want) == 11 * 15  # 15 instruments since S.3086 and the session law joined (issue 14)
    for g, w in zip(got, want):
        assert len(g) == 6
        assert g[0] == w["instrument_label"] and g[1] == w["status"]
        assert g[2] == w["summary"] and g[4] == w["citation"] and g[5] == w["text"]
    # H.2288 287(g): the text cell holds the whole of section 40, with the exception.
    bill = got[1]
    assert bill[5].endswith("pays a daily fee for each person detained there.")
    assert "null and void" in bill[5] and "within 90 days" in bill[5]


def test_markdown_keeps_hostile_text_in_one_cell():
    (table,) = gfm_tables(to_markdown(hostile_matrix()))
    ((instrument, status, summary, source, citation, text),) = cell_texts(table)
    assert summary == HOSTILE.replace("\r\n", "\n")
    assert text == "-c: (a) \tx | y"
    assert not table.xpath(".//script|.//del|.//em|.//code|.//a[@href='u']")  # URLs may autolink
    assert md_escape("line one\rline two\u2028three") == "line one<br>line two<br>three"


@pytest.fixture(scope="module")
def matrix_all(corpus):
    from lawdiff.matrix.build import build_matrix
    return build_matrix(corpus)


def test_exports_say_what_a_qualifier_qualifies(matrix_all):
    """H.2288 63(d) and (e) in the status-questions row are qualifiers of 63(b), not rules
    on status questions; the pasted citation says so."""
    row = next(r for r in rows(matrix_all) if r["topic"] == "status-questions" and r["instrument"] == "193-h2288")
    b, d, e = row["citation"].split("; ")
    assert b == "H.2288 SECTION 2, Section 63, (b), lines 19–24"
    assert d == ("H.2288 SECTION 2, Section 63, (d), lines 49–56 "
                 "(qualifies H.2288 SECTION 2, Section 63, (b), lines 19–24)")
    assert e.endswith("(qualifies H.2288 SECTION 2, Section 63, (b), lines 19–24)")


def test_topic_page_names_what_a_qualifier_qualifies_by_its_citation(matrix_all):
    from lawdiff.render.matrix_html import render_topic_page
    page = lhtml.fromstring(render_topic_page(matrix_all, "287g"))
    (small,) = page.xpath("//tr[@id='cell-287g--eo-650']//small")
    # EO 650 prints no line numbers: it is cited by section alone
    assert small.text_content() == "qualifies EO 650 Section 5"
