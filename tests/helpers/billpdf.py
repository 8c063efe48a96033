"""Render a bill's text into a PDF laid out like a malegislature.gov bill (test fixture).

Layout, as the shared facts describe the official PDFs: cover ("petition") pages
paginated ``1 of N``; body pages paginated again from ``1 of M``; the docket header
and the bill-number line on top of every page; printed line numbers in a margin
column of their own, right-aligned left of the text; rules of underscores; the
PETITION OF table with NAME / DISTRICT/ADDRESS / DATE ADDED columns.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from lawdiff.read import read_text

FONT, SIZE = "Times-Roman", 10
WIDTH, HEIGHT = letter
TEXT_X = 72
NUMBER_RIGHT = 62  # line numbers end here: left of the text column
TOP, BOTTOM = 90, HEIGHT - 72  # distances from the top of the page
RULE = "_______________"
PAGE_BREAK = -1


@dataclass
class Bill:
    docket: str = "HOUSE DOCKET, NO. 3198"
    filed: str = "FILED ON: 1/19/2023"
    number_line: str = "HOUSE . . . . . . . . . . . . . . . No. 2288"
    preface: list[str | None] = field(default_factory=list)
    """Unnumbered lines before the body; None is a paragraph gap."""
    body: list[tuple[int | None, object]] = field(default_factory=list)
    """(printed number, text) for each numbered line; (None, text) an unnumbered line, (None, [(x, text),
    ...]) a table row's cells, (PAGE_BREAK, None) a new page."""
    cover: list[str | None] | None = None
    cover_x: float = TEXT_X
    """Where the cover's lines start (a letter set wider than the bill's column starts further left)."""
    petition: list[tuple[str, str, str]] = field(default_factory=list)
    footer: str | None = None
    """A running footer on every page, if any."""
    footer_x: float = TEXT_X
    """Petition table rows: (name, district, date added); an empty name continues the row above."""


def h2288_bill(raw_text: str) -> Bill:
    """The H.2288 text split into its preface lines and numbered lines, rules kept."""
    reading = read_text(raw_text)
    raw = raw_text.splitlines()
    bill = Bill()
    for line in reading.lines:
        if line.number is not None:
            if line.text:
                bill.body.append((line.number, line.text))
        elif line.text:
            bill.preface.append(line.text)
        elif raw[line.src - 1].strip() == RULE:
            bill.preface.append(RULE)
        elif bill.preface and bill.preface[-1] is not None:
            bill.preface.append(None)
    return bill


def render(bill: Bill, *, encrypt: str | None = None) -> bytes:
    cover_pages = _paginate(_cover_items(bill)) if bill.cover is not None else []
    body_pages = _paginate(_body_items(bill))
    buf = io.BytesIO()
    kwargs = {"encrypt": encrypt} if encrypt else {}
    c = canvas.Canvas(buf, pagesize=letter, invariant=1, **kwargs)
    for pages in (cover_pages, body_pages):
        for k, items in enumerate(pages):
            _furniture(c, bill, k + 1, len(pages))
            for item in items:
                item(c)
            c.showPage()
    c.save()
    return buf.getvalue()


def _furniture(c, bill: Bill, page: int, pages: int) -> None:
    c.setFont(FONT, SIZE)
    c.drawString(TEXT_X, HEIGHT - 40, bill.docket)
    c.drawRightString(WIDTH - 72, HEIGHT - 40, bill.filed)
    c.drawCentredString(WIDTH / 2, HEIGHT - 54, bill.number_line)
    c.drawCentredString(WIDTH / 2, 36, f"{page} of {pages}")
    if bill.footer:
        c.drawString(bill.footer_x, 24, bill.footer)


def _text(x: float, text: str, centred: bool = False):
    assert stringWidth(text, FONT, SIZE) < WIDTH - x - 20, f"line too long for the page: {text}"

    def draw(c, y):
        c.setFont(FONT, SIZE)
        if centred:
            c.drawCentredString(WIDTH / 2, y, text)
        else:
            c.drawString(x, y, text)
    return draw


# An item is (height it takes, drawing function of the baseline y).
def _cover_items(bill: Bill):
    items = []
    for line in bill.cover:
        items.append((18, None) if line is None else (13, _text(bill.cover_x, line, centred=line in (RULE,))))
    if bill.petition:
        items.append((PAGE_BREAK, None))  # the table on a page of its own: a two-page cover
        items.append((13, _text(TEXT_X, "PETITION OF:")))
        items.append((8, None))
        items.append((13, _row("NAME:", "DISTRICT/ADDRESS:", "DATE ADDED:")))
        for name, district, added in bill.petition:
            items.append((13, _row(name, district, added)))
    return items


def _row(name, district, added):
    def draw(c, y):
        c.setFont(FONT, SIZE)
        c.drawString(TEXT_X, y, name)
        c.drawString(260, y, district)
        c.drawString(450, y, added)
    return draw


def _body_items(bill: Bill):
    items = []
    for line in bill.preface:
        if line is None:
            items.append((14, None))
        else:
            items.append((13, _text(TEXT_X, line, centred=line.startswith(("The Commonwealth", RULE)))))
    items.append((14, None))
    for number, text in bill.body:
        if number == PAGE_BREAK:
            items.append((PAGE_BREAK, None))
        elif number is None:  # an unnumbered row: text, or a table row's cells as (x, text) pairs
            items.append((16, _cells([(TEXT_X, text)] if isinstance(text, str) else text)))
        else:
            items.append((24, _numbered(number, text)))
    return items


def _cells(cells: list[tuple[float, str]]):
    def draw(c, y):
        c.setFont(FONT, SIZE)
        for x, text in cells:
            c.drawString(x, y, text)
    return draw


def _numbered(number: int, text: str):
    draw_text = _text(TEXT_X, text)

    def draw(c, y):
        c.setFont(FONT, SIZE - 1)
        c.drawRightString(NUMBER_RIGHT, y, str(number))
        draw_text(c, y)
    return draw


def _paginate(items):
    pages, page, used = [], [], 0.0
    for height, draw in items:
        if height == PAGE_BREAK:
            pages.append(page)
            page, used = [], 0.0
            continue
        if used + height > BOTTOM - TOP and page:
            pages.append(page)
            page, used = [], 0.0
        used += height
        if draw is not None:
            y = HEIGHT - TOP - used
            page.append(lambda c, draw=draw, y=y: draw(c, y))
    pages.append(page)
    return pages


LINES_PER_PAGE = (BOTTOM - TOP) // 24  # numbered lines on a full body page


def long_bill(pages: int) -> Bill:
    """A bill of about ``pages`` body pages: numbered sections amending chapter after chapter.

    Section k has five printed lines; every line is well inside the page width.
    """
    bill = Bill(preface=["The Commonwealth of Massachusetts", None, RULE, None,
                         "An Act relative to the length of bills.", None,
                         "Be it enacted by the Senate and House of Representatives in General Court assembled,"])
    texts = []
    for k in range(1, pages * int(LINES_PER_PAGE) // 5 + 1):
        texts += [
            f"SECTION {k}. Section {k % 97 + 1} of chapter {k % 280 + 1} of the General Laws, as appearing",
            "in the 2020 Official Edition, is hereby amended by striking out, in line 4, the words",
            f"“thirty days” and inserting in place thereof the following words:- {k % 60 + 2} days, or such",
            "longer period as the secretary may by regulation establish for notice to the parties under",
            "this section.",
        ]
    bill.body = list(enumerate(texts, start=1))
    return bill
