"""The HTML reader: malegislature.gov and mass.gov pages read back to the text's tree."""

import subprocess
import sys

import pytest

from helpers.billhtml import (error_page, h2288_parts, login_page, malegislature_bill_page, malegislature_text_fragment,
                      mass_gov_eo_page, session_law_page)
from helpers import EO650, H2288
from lawdiff import LawdiffError, parse_bytes
from lawdiff.read import read, sniff

PETITION = [("Ruth B. Balser", "12th Middlesex", "1/19/2023"), ("Manny Cruz", "7th Essex", "1/19/2023")]


def nodes(tree):
    """Everything but line extents: HTML prints no line numbers."""
    return [(n.type, n.eid, n.num, n.heading, n.text, n.term) for n in tree.walk()]


@pytest.fixture(scope="module")
def parts():
    return h2288_parts(H2288.read_text(encoding="utf-8"))


def test_whole_bill_page_equals_text_tree(parts, h2288):
    page = malegislature_bill_page(*parts, PETITION).encode()
    assert sniff(page) == "html"
    doc = parse_bytes(page, "H2288.Html", {"kind": "bill"})
    assert nodes(doc.tree) == nodes(h2288.tree)
    assert doc.tree.words() == h2288.tree.words()
    assert doc.meta["line_numbers"] == "source"
    assert doc.meta["docket"] == "HD.3198" and doc.meta["filed"] == "2023-01-19"
    assert doc.meta["number"] == "H.2288"
    assert doc.meta["presented_by"] == ["Ruth B. Balser", "Manny Cruz"]
    assert doc.meta["petitioners"][1] == {"name": "Manny Cruz", "district": "7th Essex", "date_added": "2023-01-19"}


def test_body_fragment_equals_text_tree(parts, h2288):
    page = malegislature_text_fragment(*parts).encode()
    assert sniff(page) == "html"
    doc = parse_bytes(page, "Text", {"kind": "bill"})
    assert nodes(doc.tree) == nodes(h2288.tree)
    assert "“Safe Communities Act”" in doc.tree.find("sec_1").text  # UTF-8 without a <meta charset>


def test_session_law_page(parts, h2288):
    preface, body = parts
    formula = [p for p in preface if p.startswith("Be it enacted")]
    page = session_law_page("Chapter 999", "AN ACT TO PROTECT THE CIVIL RIGHTS AND SAFETY OF ALL MASSACHUSETTS RESIDENTS",
                            formula, body, "Approved, August 5, 2099.").encode()
    doc = parse_bytes(page, "Chapter999", {"kind": "act"})
    assert doc.tree.type == "act"
    text_body = next(n for n in h2288.tree.children if n.type == "body")
    law_body = next(n for n in doc.tree.children if n.type == "body")
    assert nodes(law_body) == nodes(text_body)
    assert doc.meta["approved"] == "August 5, 2099"
    words = " ".join(doc.tree.words())
    assert words.startswith("Chapter 999 AN ACT TO PROTECT")
    for chrome in ("Skip to main", "Legislators", "Session Laws", "Related Bills", "Site Policy", "dataLayer", "Approved"):
        assert chrome not in words


def test_mass_gov_executive_order_equals_text_tree(eo650):
    page = mass_gov_eo_page(EO650.read_text(encoding="utf-8")).encode()
    doc = parse_bytes(page, "no-650.html")
    assert doc.meta["kind"] == "executive-order"
    assert nodes(doc.tree) == nodes(eo650.tree)
    assert doc.tree.find("sec_5").heading == "287(g) Agreements"
    words = " ".join(doc.tree.words())
    for chrome in ("Skip to main", "Living", "Search Mass.gov", "Table of Contents", "Related", "Help Us Improve",
                   "Please do not include", "GovernmentService", "documentElement", "Commonwealth of Massachusetts."):
        assert chrome not in words


@pytest.mark.parametrize("page, problem", [
    (error_page(), "an error page (Page Not Found)"),
    (login_page(), "a login page"),
    ("<html><body><nav>Home</nav><p>Welcome to our site.</p></body></html>", "no bill or executive order text"),
])
def test_pages_that_are_not_instruments(tmp_path, page, problem):
    with pytest.raises(LawdiffError) as e:
        read(page.encode(), "page.html")
    assert problem in e.value.problem
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(path)], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and problem in out.stderr


def test_a_bill_laid_out_in_one_table_cell_reads_as_its_sections():
    """Old Word exports (S.590 of 2009 on mass.gov) put the whole bill in one table cell; the
    petitioners' table beside it keeps one paragraph a cell and stays a data table."""
    from lawdiff.load.documents import parse_bytes

    page = ("<html><body><table><tr><td>"
            "<p class=MsoNormal>Be it enacted by the Senate and House of Representatives as follows:</p>"
            "<p class=MsoNormal>SECTION 1. Section 9A of chapter 118E is hereby amended.</p>"
            "<p class=MsoNormal>SECTION 2. This act shall take effect upon its passage.</p>"
            "</td></tr></table></body></html>")
    doc = parse_bytes(page.encode(), "layout.html")
    body = next(c for c in doc.tree.children if c.type == "body")
    assert [n.num for n in body.children] == ["SECTION 1.", "SECTION 2."]
