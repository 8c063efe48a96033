"""The PDF reader: H.2288 rendered in the malegislature.gov layout reads back to the text's tree."""

import re
import subprocess
import sys

import pypdfium2
import pypdfium2.raw
import pytest
from reportlab.pdfgen import canvas

from helpers import billpdf
from helpers.billpdf import PAGE_BREAK, RULE, h2288_bill, render
from helpers import H2288
from lawdiff import LawdiffError, parse_bytes
from lawdiff.read import pdf_chars, read, sniff

COVER = [
    "The Commonwealth of Massachusetts", None, RULE, None,
    "PRESENTED BY:", "Ruth B. Balser and Manny Cruz", RULE,
    "To the Honorable Senate and House of Representatives of the Commonwealth of Massachusetts in General",
    "Court assembled:",
    "The undersigned legislators and/or citizens respectfully petition for the adoption of the accompanying bill:",
    None, "An Act to protect the civil rights and safety of all Massachusetts residents.", RULE,
]
# Docket number, dates and the third row are illustrative fixture values, not the bill's real cover.
PETITION = [
    ("Ruth B. Balser", "12th Middlesex", "1/19/2023"),
    ("Manny Cruz", "7th Essex", "1/19/2023"),
    ("Jane Q. Example", "Sample District and", "2/1/2023"),
    ("", "Other Town", ""),  # a district cell wrapped onto a second line
]


def h2288_fixture(**changes):
    bill = h2288_bill(H2288.read_text(encoding="utf-8"))
    bill.cover, bill.petition = COVER, PETITION
    for key, value in changes.items():
        setattr(bill, key, value)
    return bill


@pytest.fixture(scope="module")
def pdf_bytes():
    return render(h2288_fixture())


def page_words(data: bytes) -> list[list]:
    """The reader's own words of each page (text, x0, top ...), to check a fixture sets up the case it is for."""
    pdf = pypdfium2.PdfDocument(data)
    pages = []
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        height = page.get_height()
        pages.append(pdf_chars.words(pdf_chars.page_chars(pypdfium2.raw, page.raw, textpage.raw, height),
                                     pdf_chars.page_blanks(pypdfium2.raw, page.raw, height)))
    return pages


def nodes(tree, with_lines=True):
    return [(n.type, n.eid, n.num, n.heading, n.text, n.term) + ((n.lines,) if with_lines else ())
            for n in tree.walk()]


def test_pdf_tree_equals_text_tree(pdf_bytes, h2288):
    doc = parse_bytes(pdf_bytes, "h2288.pdf", {"kind": "bill"})
    assert doc.meta["line_numbers"] == "printed"
    assert nodes(doc.tree) == nodes(h2288.tree)
    assert doc.tree.words() == h2288.tree.words()
    # The 287(g) ban cites the printed lines 85-97, as in the text.
    assert doc.tree.find("sec_3__qstr_1__sec_40").lines == [85, 97]


def test_cover_becomes_metadata(pdf_bytes):
    meta = read(pdf_bytes, "h2288.pdf").meta
    assert meta["docket"] == "HD.3198"
    assert meta["filed"] == "2023-01-19"
    assert meta["number"] == "H.2288"
    assert meta["title"] == "An Act to protect the civil rights and safety of all Massachusetts residents."
    assert meta["presented_by"] == ["Ruth B. Balser", "Manny Cruz"]
    assert meta["petitioners"] == [
        {"name": "Ruth B. Balser", "district": "12th Middlesex", "date_added": "2023-01-19"},
        {"name": "Manny Cruz", "district": "7th Essex", "date_added": "2023-01-19"},
        {"name": "Jane Q. Example", "district": "Sample District and Other Town", "date_added": "2023-02-01"},
    ]


def test_line_numbers_come_from_the_margin_not_from_digits_in_the_text(pdf_bytes):
    lines = {line.number: line.text for line in read(pdf_bytes, "h2288.pdf").lines if line.number}
    assert sorted(lines) == list(range(1, 98))
    # Line 82 starts with a figure of the text: it stays text.
    assert lines[82].startswith("7 of chapter 4, provided that personal")
    assert lines[91].endswith("shall, within 90")


def test_page_furniture_is_dropped(pdf_bytes):
    texts = [line.text for line in read(pdf_bytes, "h2288.pdf").lines]
    assert not any(re.fullmatch(r"\d+ of \d+", t) for t in texts)
    assert not any("DOCKET" in t or "No. 2288" == t[-8:] for t in texts)
    assert not any(t.startswith(("PRESENTED BY", "PETITION OF", "Jane Q. Example")) for t in texts)


def test_words_split_across_lines_are_repaired(h2288):
    bill = h2288_fixture()
    body = dict(bill.body)
    # "investi-" / "gation," (a word broken by the typesetter) and "non-" / "federal" (a compound).
    body[76] += " investi-"
    body[77] = body[77].replace("investigation,", "gation,", 1)
    body[10] = body[10].replace("non-federal entity in the", "non-")
    body[11] = "federal entity in the " + body[11]
    bill.body = sorted(body.items())
    doc = parse_bytes(render(bill), "hyphenated.pdf", {"kind": "bill"})
    assert doc.tree.words() == h2288.tree.words()
    assert nodes(doc.tree) == nodes(h2288.tree)


def test_reader_is_chosen_by_content_not_name(pdf_bytes, tmp_path):
    assert sniff(pdf_bytes) == "pdf"
    misnamed = tmp_path / "bill.txt"
    misnamed.write_bytes(pdf_bytes)
    out = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(misnamed), "--format", "text"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "[sec_3__qstr_1__sec_40]" in out.stdout and "lines 85–97" in out.stdout


def scan_pdf(tmp_path) -> bytes:
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.rect(72, 72, 400, 600, fill=1)  # an image-like page: marks, no text
    c.showPage()
    c.save()
    return path.read_bytes()


def bad_pdfs(tmp_path, good: bytes):
    middle = len(good) // 2
    return {
        "scan": (scan_pdf(tmp_path), "no text layer"),
        "encrypted": (render(h2288_fixture(), encrypt="secret"), "encrypted PDF"),
        "truncated": (good[:middle], "truncated PDF"),
        "corrupt": (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n%%EOF\n", "PDF"),
    }


def test_bad_pdfs_give_one_clear_error(tmp_path, pdf_bytes):
    for name, (data, problem) in bad_pdfs(tmp_path, pdf_bytes).items():
        with pytest.raises(LawdiffError) as e:
            read(data, f"{name}.pdf")
        assert problem in e.value.problem, name
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        out = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(path)],
                             capture_output=True, text=True, cwd=tmp_path)
        assert out.returncode == 2, name
        assert out.stdout == ""
        assert out.stderr.count("\n") == 1 and out.stderr.startswith(f"lawdiff: {path}: "), out.stderr


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n")
        f.truncate(200 * 1024 * 1024)  # sparse: nothing is written to disk
    out = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(path)], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr == f"lawdiff: {path}: file is 209,715,200 bytes, over the 104,857,600-byte limit for one instrument\n"


def test_later_text_without_cover_and_header_on_two_lines(h2288):
    # A new draft has no cover pages; here the docket and the filing date also sit on separate lines.
    bill = h2288_fixture(cover=None, petition=[])
    bill.filed = ""
    bill.preface = ["FILED ON: 1/19/2023"] + bill.preface
    reading = read(render(bill), "draft.pdf")
    assert reading.meta == {"docket": "HD.3198", "number": "H.2288", "filed": "2023-01-19"}
    doc = parse_bytes(render(bill), "draft.pdf", {"kind": "bill"})
    assert nodes(doc.tree) == nodes(h2288.tree)


def test_line_numbers_set_close_to_the_text(h2288, monkeypatch):
    # Numbers ending 1 pt before the text column are extracted glued to it ("827 of chapter"):
    # the reader still splits them at the column edge.
    monkeypatch.setattr(billpdf, "NUMBER_RIGHT", billpdf.TEXT_X - 1)
    data = render(h2288_fixture())
    words = [w.text for page in page_words(data) for w in page]
    assert "827" in words and "1SECTION" in words  # the glue is real
    lines = {line.number: line.text for line in read(data, "tight.pdf").lines if line.number}
    assert lines[82].startswith("7 of chapter 4,") and lines[1].startswith("SECTION 1.")
    doc = parse_bytes(data, "tight.pdf", {"kind": "bill"})
    assert nodes(doc.tree) == nodes(h2288.tree)


def test_line_numbers_that_skip_are_an_error_not_a_wrong_citation():
    bill = h2288_fixture()
    bill.body = [(n + (1 if n >= 40 else 0), text) for n, text in bill.body]  # 39 then 41
    with pytest.raises(LawdiffError) as e:
        read(render(bill), "skip.pdf")
    assert e.value.problem.startswith("printed line numbers are not continuous: 41 follows 39 (page ")


def test_running_footer_is_dropped(h2288):
    bill = h2288_fixture(footer="Safe Communities Act - House Docket 3198 - draft of 1/19/2023")
    doc = parse_bytes(render(bill), "footer.pdf", {"kind": "bill"})
    assert nodes(doc.tree) == nodes(h2288.tree)


def h5163_like_bill() -> billpdf.Bill:
    """Three-line sections alike but for their figures, as in H.5163 of the 193rd (a 149-section bill)."""
    body = []
    for k in range(1, 41):
        body += [f"SECTION {k}. Section {100 + k} of said chapter 6, as so appearing, is hereby amended by",
                 f"striking out, in line {k % 9 + 2}, the words “elder affairs” and inserting in place thereof the following",
                 "words:- aging and independence."]
    return billpdf.Bill(preface=["The Commonwealth of Massachusetts", None,
                                 "By striking out all after the enacting clause and inserting in place thereof the following:–"],
                        body=list(enumerate(body, start=1)))


def test_numbered_line_at_the_page_top_is_text_not_a_running_header(monkeypatch):
    # In H.5163 a page's first line (line 13, "SECTION 5. Section 181 of said chapter 6, ...") sits 74 pt
    # from the top, inside the band where running headers live, and reads like the first line of
    # other pages digits aside: it was dropped as a header ("14 follows 12 (page 3)").
    monkeypatch.setattr(billpdf, "TOP", 50)
    monkeypatch.setattr(billpdf, "BOTTOM", 50 + 24 * 24)  # 24 lines a page: every page starts alike
    data = render(h5163_like_bill())
    first = min((w for w in page_words(data)[2] if w.text.isdigit() and w.x0 < billpdf.TEXT_X), key=lambda w: w.top)
    assert first.top < 0.1 * billpdf.HEIGHT  # the flaw's condition: a numbered line in the top band
    lines = {line.number: line.text for line in read(data, "h5163-like.pdf").lines if line.number}
    assert sorted(lines) == list(range(1, 121))
    assert lines[int(first.text)] == dict(h5163_like_bill().body)[int(first.text)]
    doc = parse_bytes(data, "h5163-like.pdf", {"kind": "bill"})
    sections = [n for n in doc.tree.walk() if n.type == "section" and "__" not in n.eid]
    assert [n.num for n in sections] == [f"SECTION {k}." for k in range(1, 41)]
    assert sections[4].lines == [13, 15]


def test_pages_are_released_as_they_are_read(monkeypatch):
    # A page's characters cost megabytes: a 2,000-page bill ran out of memory when every page kept
    # them.  When a page is opened, every page (and its text) opened before it must be closed.
    opened: list = []
    still_open: list[int] = []
    get_page, get_textpage = pypdfium2.PdfDocument.get_page, pypdfium2.PdfPage.get_textpage

    def page(pdf, index):
        still_open.append(sum(1 for obj in opened if obj.raw is not None))
        opened.append(get_page(pdf, index))
        return opened[-1]

    def textpage(self, *args, **kwargs):
        opened.append(get_textpage(self, *args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(pypdfium2.PdfDocument, "get_page", page)
    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", textpage)
    reading = read(render(billpdf.long_bill(6)), "long.pdf")
    assert len(still_open) == 7 and max(still_open) == 0  # six body pages after a first page holding the preface
    assert all(obj.raw is None for obj in opened) and len(opened) == 14
    assert [line.number for line in reading.lines if line.number] == list(range(1, len(billpdf.long_bill(6).body) + 1))


def test_a_letter_before_the_bill_does_not_move_the_margin(monkeypatch):
    # H.4759 of the 193rd: the Governor's letter (its own pages, "1 of 2", "2 of 2") is set from
    # x=50.4, left of the bill's text column at 72 and of the right edge (54) of its margin numbers.
    # Taken as one column, "10" split into line 1 and the text "0 this act ...": refused as "1 follows 1".
    monkeypatch.setattr(billpdf, "NUMBER_RIGHT", 54)
    letter = ["To the Honorable Senate and House of Representatives,", None,
              "I am filing for your consideration the attached legislation, which would allow the town to grant",
              "one more license for the sale of all alcoholic beverages to be drunk on the premises.", None,
              "Respectfully submitted,"]
    body = ["SECTION 1. (a) Notwithstanding section 17 of chapter 138 of the General Laws or any",
            "other general or special law to the contrary, the licensing authority of the town may grant",
            "a license for the sale of all alcoholic beverages to be drunk on the premises. The license",
            "shall be subject to all of said chapter 138 except said section 17.",
            "(b) A license granted under this act shall only be exercised in the dining room of a",
            "common victualler and such other public rooms or areas as may be deemed reasonable.",
            "(c) The licensing authority shall not approve the transfer of a license granted pursuant to",
            "this act to any other location, but it may grant the license to a new applicant at the same",
            "location if the applicant files with the licensing authority the letters the law requires.",
            "10 days after such return the license shall be granted to a new applicant or dissolve.",
            "SECTION 2. Chapter 515 of the acts of 2008 is hereby repealed.",
            "SECTION 3. This act shall take effect upon its passage."]
    bill = billpdf.Bill(cover=letter, cover_x=50.4, preface=["The Commonwealth of Massachusetts"],
                        body=list(enumerate(body, start=1)))
    data = render(bill)
    reading = read(data, "h4759-like.pdf")
    assert reading.line_numbers == "printed"
    lines = {line.number: line.text for line in reading.lines if line.number}
    assert lines == dict(enumerate(body, start=1))  # line 10 keeps its "10 days"
    assert "Respectfully submitted," in [line.text for line in reading.lines if line.number is None]
    doc = parse_bytes(data, "h4759-like.pdf", {"kind": "bill"})
    sections = [n for n in doc.tree.walk() if n.type == "section" and "__" not in n.eid]
    assert [(n.num, n.lines) for n in sections] == [("SECTION 1.", [1, 10]), ("SECTION 2.", [11, 11]),
                                                     ("SECTION 3.", [12, 12])]


def test_running_footer_starting_with_figures_left_of_the_column(h2288):
    # S.16 of the 193rd appends a regulation whose every page carries "840 CMR 13.00 ROLLOVERS ...",
    # set left of the text column: its "84" looks like a margin number on every page, but it
    # continues no numbering, so it is furniture (it was refused as "84 follows 84").
    footer = "840 CMR 13.00 ROLLOVERS FOR SERVICE PURCHASES AND BUYBACKS"
    doc = parse_bytes(render(h2288_fixture(footer=footer, footer_x=30)), "footer.pdf", {"kind": "bill"})
    assert nodes(doc.tree) == nodes(h2288.tree)
    # The same pages with no margin numbers at all: read as unnumbered text, footer gone.
    unnumbered = billpdf.Bill(preface=[text for _, text in h2288_fixture().body], footer=footer, footer_x=30)
    reading = read(render(unnumbered), "unnumbered.pdf")
    assert reading.line_numbers == "source"
    assert [line.text for line in reading.lines if line.text] == [text for _, text in h2288_fixture().body]


def test_outdented_heading_figures_are_not_margin_numbers(tmp_path):
    # S.2573 of the 193rd files a regulation: no line numbers, headings "15.01 Authority and
    # Definitions" set out at x=58 from a text at 108-126.  Its "1" ends left of where "5.01" starts,
    # and was taken for line 1 of every heading (refused as "1 follows 1").
    path = tmp_path / "regulation.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    page = [
        (72, "205 CMR 15.00: RACING MEETING LICENSING"),
        (58.4, "15.01 Authority and Definitions"),
        (108, "(1) Authority. 205 CMR 15.00 is issued pursuant to G.L. c. 128A, § 9."),
        (126, "the following meanings, unless the context clearly requires otherwise."),
        (58.4, "15.02 Racing Meeting License Application"),
        (108, "(1) Required Materials. An applicant must submit a fully executed original application."),
    ]
    for sheet in range(2):
        y = 680
        for x, text in page:
            c.setFont("Times-Roman", 12)
            c.drawString(x, y, text.replace("15.0", f"15.{sheet}") if sheet else text)
            y -= 26
        c.showPage()
    c.save()
    reading = read(path.read_bytes(), "regulation.pdf")
    assert reading.line_numbers == "source"
    texts = [line.text for line in reading.lines if line.text]
    assert texts[1] == "15.01 Authority and Definitions" and texts[4] == "15.02 Racing Meeting License Application"
    assert "15.12 Racing Meeting License Application" in texts


def test_unnumbered_filing_and_a_bill_by_request(h2288):
    # H.2521 of the 193rd as filed: "HOUSE . . . No." with the number still blank on every page,
    # and "PRESENTED BY: Paul K. Frost, (BY REQUEST)".  The blank number line is the header, not
    # text of the bill; "(BY REQUEST)" is a note on the filing, not a second presenter.
    cover_lines = [("Paul K. Frost, (BY REQUEST)" if line == "Ruth B. Balser and Manny Cruz" else line) for line in COVER]
    bill = h2288_fixture(number_line="HOUSE . . . . . . . . . . . . . . . No.", cover=cover_lines)
    data = render(bill)
    reading = read(data, "h2521-like.pdf")
    assert reading.meta["presented_by"] == ["Paul K. Frost"] and reading.meta["by_request"] is True
    assert "number" not in reading.meta and reading.meta["docket"] == "HD.3198"
    assert not any(line.text.startswith("HOUSE") for line in reading.lines)
    assert nodes(parse_bytes(data, "h2521-like.pdf", {"kind": "bill"}).tree) == nodes(h2288.tree)


def budget_like_bill() -> tuple[billpdf.Bill, list[str], list[str], list[list[str]]]:
    """A budget's layout (H.3900, S.4 of the 193rd): numbered sections, a local-aid table set across the
    page (its first column starts left of where the margin numbers end), then the outside sections
    numbered again from 1.  Wording, towns' figures and section numbers are the fixture's own."""
    first = ["SECTION 1. The sums set out in this act are appropriated for the fiscal year ending June 30,",
             "2025, subject to the laws that regulate the spending of public money.",
             "SECTION 2. The comptroller shall keep an account of the receipts of each fund named in",
             "this act and report them quarterly to the committees on ways and means.",
             "SECTION 3. The sums distributed to cities, towns and regional school districts under",
             "chapter 70 of the General Laws and as general government aid are set out in the following",
             "table, which the commissioner of revenue shall certify to each municipality by July 15."]
    rows = [["Municipality", "Chapter 70", "General Government Aid"]] + [
        [town, f"${n * 1_234_567:,}", f"${n * 98_765:,}"]
        for n, town in enumerate(["Ashby", "Becket", "Carver", "Dalton", "Egremont", "Florida", "Granby",
                                  "Hadley", "Ipswich", "Lanesborough", "Monterey", "Nahant"] * 4, start=1)]
    then = ["SECTION 4. Section 6 of chapter 6D of the General Laws, as appearing in the 2022 Official",
            "Edition, is hereby amended by striking out, in line 3, the figure “15” and inserting in place",
            "thereof the following figure:- 20.",
            "SECTION 5. Section 2 of chapter 29 of the General Laws is hereby amended by adding the",
            "following paragraph:-",
            "The secretary shall publish the reports required by this section on the website of the",
            "executive office not later than 30 days after they are filed.",
            "SECTION 6. This act shall take effect on July 1, 2024."]
    body: list = [(n, text) for n, text in enumerate(first, start=1)]
    body.append((PAGE_BREAK, None))
    body.append((None, "LOCAL AID"))
    body += [(None, [(36, a), (250, b), (400, c)]) for a, b, c in rows]
    body.append((PAGE_BREAK, None))
    body += [(n, text) for n, text in enumerate(then, start=1)]
    bill = billpdf.Bill(preface=["The Commonwealth of Massachusetts", None,
                                 "An Act making appropriations for the fiscal year 2025.", None,
                                 "Be it enacted by the Senate and House of Representatives in General Court assembled:"],
                        body=body)
    return bill, first, then, rows


def test_budget_line_numbers_that_start_again_after_a_table():
    # A budget's margin numbers run 1-7, a local-aid table follows set from x=36 (left of the margin
    # numbers' right edge at 62), and the outside sections are numbered from 1 again.  The table moved
    # the column edge left of every margin number: all were read as words of the text ("...AID 1
    # SECTION 4. Section 6 of chapter 6D...") and SECTIONs 3 to 6 ran together.
    bill, first, then, rows = budget_like_bill()
    data = render(bill)
    pages = page_words(data)
    assert min(w.x0 for page in pages for w in page) < billpdf.NUMBER_RIGHT  # the flaw's condition
    reading = read(data, "budget-like.pdf")
    assert reading.line_numbers == "printed"
    numbered = [(line.number, line.text) for line in reading.lines if line.number is not None]
    assert numbered == list(enumerate(first, start=1)) + list(enumerate(then, start=1))
    # Every margin number is a number, never a word of the text; the table's rows are unnumbered text.
    texts = [line.text for line in reading.lines if line.number is None and line.text]
    assert "LOCAL AID" in texts and [" ".join(row) for row in rows] == [t for t in texts if t.startswith(
        ("Municipality", *{row[0] for row in rows[1:]}))]
    assert not any(re.match(r"\d+ SECTION", t) for t in texts)
    # Where the numbering starts again: the first page after the table's (preface and lines 1-7 on
    # page 1, the table on pages 2-3).
    table_pages = sorted({k + 1 for k, page in enumerate(pages) if any(w.text == "Nahant" for w in page)})
    assert reading.meta["line_numbering_restarts"] == [table_pages[-1] + 1]
    doc = parse_bytes(data, "budget-like.pdf", {"kind": "bill"})
    sections = [(n.num, n.lines) for n in doc.tree.walk() if n.type == "section" and "__" not in n.eid]
    assert sections == [("SECTION 1.", [1, 2]), ("SECTION 2.", [3, 4]), ("SECTION 3.", [5, 7]),
                        ("SECTION 4.", [1, 3]), ("SECTION 5.", [4, 7]), ("SECTION 6.", [8, 8])]


def test_numbered_table_rows_at_the_text_column_are_text():
    # What lets a budget's margin numbers survive its tables (lines starting left of where the
    # margin numbers start are no column edge) must not turn a table's own numbers into margin
    # numbers: row numbers 1, 2, 3 ... and years counting up, set at the text column where the
    # prose around them starts, stay words of an unnumbered document.
    prose = ["The board shall publish the following figures each year on its website, together with",
             "a statement of the method used to compute them."]
    towns = ["Ashby", "Becket", "Carver", "Dalton", "Egremont", "Florida"]
    body = [(None, text) for text in prose]
    body += [(None, [(72, str(n)), (90, town), (300, f"${n * 1000:,}")]) for n, town in enumerate(towns, start=1)]
    body += [(None, text) for text in prose]
    body += [(None, [(72, str(year)), (150, f"${(year - 2000) * 500:,}")]) for year in range(2019, 2025)]
    bill = billpdf.Bill(preface=["The Commonwealth of Massachusetts"], body=body)
    reading = read(render(bill), "tables.pdf")
    assert reading.line_numbers == "source"
    texts = [line.text for line in reading.lines if line.text]
    assert [t for t in texts if t[0].isdigit()] == (
        [f"{n} {town} ${n * 1000:,}" for n, town in enumerate(towns, start=1)]
        + [f"{year} ${(year - 2000) * 500:,}" for year in range(2019, 2025)])
