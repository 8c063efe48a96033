"""A malegislature.gov bill PDF -> ``Reading``, by the position of each word (PDFium, ``read/pdf_chars.py``).

Position settles what extracted text cannot: a printed line number is a number
standing alone LEFT of the text column (so "7 of chapter 4" at the start of a
line is text, and "82" in the margin beside it is the line number); the petition
table's cells are split at the x of its column headers; page labels, docket
headers and footers are whole lines of their own.

Layout handled (see shared facts on instruments): cover ("petition") pages
paginated ``1 of 2``, then body pages paginated again from ``1 of M``, each
with the docket header repeated on top.  The cover becomes ``Reading.meta``;
only the body becomes lines.  A later text with no cover is all body.  Each
pagination (a letter or committee report before the bill) finds its own text
column.  Pages are read one at a time and closed: only small line records
(``_VLine``) outlive a page, so memory stays flat with length.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass

from lawdiff.errors import LawdiffError
from lawdiff.read import cover, pdf_chars
from lawdiff.read.lines import Line, Reading
from lawdiff.read.words import blank_rules, repair_hyphenation

_PAGE_LABEL = re.compile(r"^(\d{1,4}) of (\d{1,4})$")
_TABLE_HEADER = ("NAME:", "DISTRICT/ADDRESS:", "DATE")
# Lines in these top/bottom shares of a page may be running headers or footers.
_MARGIN_BAND = 0.1
# A margin line number has at most this many digits.
_MAX_DIGITS = 5
_DIGITS = frozenset("0123456789")
_TERMINAL = re.compile(r"(?:[.:;]|:-)[\"”’)]*$")


@dataclass(slots=True)
class _VLine:
    """One visual line of a page, kept small: a 2,000-page bill has some 60,000 of them.

    No PDFium object outlives its page: a line keeps its words joined by one
    space, the x of each word (for the petition table's columns), and for its first
    word the edges of its leading digits (a margin number set so close to the text
    that it is extracted glued to it is split at the column edge).
    """

    text: str
    xs: array
    """x0 of each word of ``text.split(" ")``."""
    top: float
    bottom: float
    page: int
    page_height: float
    digits: tuple[tuple[float, float], ...]
    """(x0, x1) of each leading digit of the first word."""
    left: float | None
    """x0 of the first character that is not one of those digits (None if there is none)."""
    number: int | None = None

    def words(self) -> list[tuple[str, float]]:
        """(text, x0) of each word, left to right."""
        return list(zip(self.text.split(" "), self.xs)) if self.text else []

    def clear(self) -> None:
        """The line is furniture: it holds no words of the instrument."""
        self.text, self.xs, self.digits, self.left = "", array("d"), (), None


def read_pdf(data: bytes, source: object) -> Reading:
    pages = _pages(data, source)
    if not any(line.text for page in pages for line in page):
        raise LawdiffError(source, "PDF has no text layer (a scanned image?); run OCR on it first or use the HTML text")
    labels = _take_page_labels(pages)
    cover_pages, body_pages = _split_cover(pages, labels)
    meta: dict = {}
    if cover_pages:
        texts = [line.text for page in cover_pages for line in page]
        meta.update(cover.cover_meta(texts, _petition_rows(cover_pages)))
    body = [line for page in body_pages for line in page]
    for line in body:
        if line.text and cover.is_header(line.text):
            for key, value in cover.header_meta(line.text).items():
                meta.setdefault(key, value)
            line.clear()
    # Margin numbers before running furniture: a line whose number continues the
    # numbering is the instrument's text even where it recurs at a page's top or bottom.
    body_labels = labels[len(cover_pages):]
    for run in _paginations(body_pages, body_labels):
        _take_margin_numbers([line for page in run for line in page])
    _drop_running_furniture(body_pages)
    printed = any(line.number is not None for line in body)
    if printed:
        restarts = _check_continuous(body, source)
        if restarts:
            meta["line_numbering_restarts"] = restarts
    lines = _to_lines(body_pages)
    blank_rules(lines)
    repair_hyphenation(lines)
    return Reading(lines=lines, line_numbers="printed" if printed else "source", meta=meta)


def _pages(data: bytes, source: object) -> list[list[_VLine]]:
    import pypdfium2
    import pypdfium2.raw as raw

    if b"%%EOF" not in data[-2048:]:
        raise LawdiffError(source, "truncated PDF (no %%EOF end marker): download it again")
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as e:
        if e.err_code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise LawdiffError(source, "encrypted PDF (needs a password); lawdiff cannot read it") from None
        raise LawdiffError(source, f"corrupt PDF, cannot be read ({_pdfium_problem(e)})") from None
    try:
        if len(pdf) == 0:
            raise LawdiffError(source, "PDF has no pages")
        pages = []
        for i in range(len(pdf)):
            # Each page and its text are closed once read: only small line records outlive them.
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                try:
                    height = float(page.get_height())
                    chars = pdf_chars.page_chars(raw, page.raw, textpage.raw, height)
                    blanks = pdf_chars.page_blanks(raw, page.raw, height)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append(_visual_lines(pdf_chars.words(chars, blanks), i, height))
        return pages
    except pypdfium2.PdfiumError as e:
        raise LawdiffError(source, f"corrupt PDF, cannot be read ({_pdfium_problem(e)})") from None
    finally:
        pdf.close()


def _pdfium_problem(e: Exception) -> str:
    """PDFium's own words for what is wrong ("Failed to load document (PDFium: Data format error)." -> the part in brackets)."""
    m = re.search(r"PDFium: ([^)]+)", str(e))
    return m.group(1) if m else (str(e) or type(e).__name__)


def _visual_lines(words: list[pdf_chars.Word], index: int, height: float) -> list[_VLine]:
    """Words grouped into lines: a word joins a line when their vertical middles are close."""
    groups: list[list] = []  # [top, bottom, words]
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        middle = (word.top + word.bottom) / 2
        if groups and abs((groups[-1][0] + groups[-1][1]) / 2 - middle) < (word.bottom - word.top) / 2:
            group = groups[-1]
            group[2].append(word)
            group[0], group[1] = min(group[0], word.top), max(group[1], word.bottom)
        else:
            groups.append([word.top, word.bottom, [word]])
    return [_compact(sorted(ws, key=lambda w: w.x0), top, bottom, index, height) for top, bottom, ws in groups]


def _compact(words: list[pdf_chars.Word], top: float, bottom: float, page: int, page_height: float) -> _VLine:
    """A line's words -> a small ``_VLine``."""
    texts, xs = [], array("d")
    for word in words:
        for piece in word.text.split():  # never split in practice: words end at blanks
            texts.append(piece)
            xs.append(word.x0)
    chars = words[0].chars
    k = next((n for n, c in enumerate(chars) if c[0] not in _DIGITS), len(chars))
    digits = tuple((c[1], c[2]) for c in chars[:min(k, _MAX_DIGITS + 1)])
    if k < len(chars):
        left = chars[k][1]
    else:
        left = words[1].x0 if len(words) > 1 else None
    return _VLine(" ".join(texts), xs, float(top), float(bottom), page, page_height, digits, left)


def _take_page_labels(pages: list[list[_VLine]]) -> list[tuple[int, int] | None]:
    """Remove each page's ``N of M`` label line; returns (N, M) per page, or None."""
    labels: list[tuple[int, int] | None] = []
    for page in pages:
        found = None
        for line in page:
            m = _PAGE_LABEL.match(line.text)
            if m and _in_band(line):
                found = (int(m.group(1)), int(m.group(2)))
                page.remove(line)
                break
        labels.append(found)
    return labels


def _paginations(pages: list, labels: list) -> list[list]:
    """Pages grouped by their printed pagination: a page labelled ``1 of M`` after the first starts another.

    Each is a document of its own with its own text column: a Governor's letter set
    from x=50 before the bill it files (H.4759 of the 193rd) must not move the bill's
    column edge left of its margin numbers.
    """
    runs: list[list] = []
    for page, label in zip(pages, labels):
        if not runs or (label and label[0] == 1):
            runs.append([])
        runs[-1].append(page)
    return runs


def _split_cover(pages, labels) -> tuple[list, list]:
    """Cover pages are the first run of page labels (``1 of 2``, ``2 of 2``) when they hold a petition."""
    restart = next((i for i in range(1, len(pages)) if labels[i] and labels[i][0] == 1), None)
    if restart is None:
        # No second pagination: the cover runs to the last page naming PETITION OF, if any.
        marks = [i for i, page in enumerate(pages) if cover.is_cover([line.text for line in page])]
        restart = marks[-1] + 1 if marks and marks[-1] + 1 < len(pages) else None
    if restart is None:
        return [], pages
    head = pages[:restart]
    if not cover.is_cover([line.text for page in head for line in page]):
        return [], pages
    return head, pages[restart:]


def _petition_rows(cover_pages) -> list[list[str]]:
    """The PETITION OF table: each line's words assigned to the column whose header they fall under."""
    rows: list[list[str]] = []
    columns: list[float] | None = None
    after_petition = False
    for line in (line for page in cover_pages for line in page):
        words = line.words()
        if cover.PETITION_OF.match(line.text):
            after_petition = True
            continue
        if not after_petition:
            continue
        if words[:1] and words[0][0] == "NAME:":
            columns = []
            for head in _TABLE_HEADER:
                x = next((x for text, x in words if text.startswith(head)), None)
                if x is not None:
                    columns.append(x)
            continue
        if columns is None or cover.is_header(line.text):
            continue
        cells = [[] for _ in columns]
        for text, x0 in words:
            col = max((k for k, x in enumerate(columns) if x0 >= x - 2), default=0)
            cells[col].append(text)
        rows.append([" ".join(c) for c in cells])
    return rows


def _in_band(line: _VLine) -> bool:
    return line.top < _MARGIN_BAND * line.page_height or line.bottom > (1 - _MARGIN_BAND) * line.page_height


def _drop_running_furniture(pages: list[list[_VLine]]) -> None:
    """A line in the top or bottom band that recurs (digits aside) on several pages is a running header or footer.

    Unless it carries a margin number that continues the numbering around it: the
    first printed line of a page can sit inside the top band and read like the first
    line of other pages digits aside (H.5163 of the 193rd: line 13, "SECTION 5.
    Section 181 of said chapter 6, ...").  A header whose leading figures merely look
    like a margin number ("840 CMR 13.00 ..." on every page of an appended
    regulation) continues nothing and goes.
    """
    def key(line):
        return re.sub(r"\d+", "#", line.text)

    def banded(line):
        return (line.text or line.number is not None) and _in_band(line)

    if len(pages) < 2:
        return
    # How many pages each banded line appears on (once per page).
    counts = Counter(k for page in pages for k in {key(line) for line in page if banded(line)})
    lines = [line for page in pages for line in page]
    recurring = [banded(line) and counts[key(line)] >= 2 for line in lines]
    for line, fits in zip(lines, _continues_numbering(lines, recurring)):
        if fits is False:
            line.clear()
            line.number = None


def _continues_numbering(lines: list[_VLine], suspect: list[bool]) -> list[bool | None]:
    """For each suspect line: does its number follow the nearest unsuspected number before it, or precede the one after?

    None for lines that are not suspect.
    """
    before: list[int | None] = []
    last = None
    for line, s in zip(lines, suspect):
        before.append(last)
        if not s and line.number is not None:
            last = line.number
    after: list[int | None] = [None] * len(lines)
    following = None
    for k in range(len(lines) - 1, -1, -1):
        after[k] = following
        if not suspect[k] and lines[k].number is not None:
            following = lines[k].number
    result: list[bool | None] = []
    for line, s, b, a in zip(lines, suspect, before, after):
        if not s:
            result.append(None)
        else:
            n = line.number
            result.append(n is not None and (b == n - 1 or a == n + 1))
    return result


def _take_margin_numbers(lines: list[_VLine]) -> bool:
    """Digits printed left of the text column are the line number.

    Decided character by character, so a number set close enough to the text to be
    extracted as one word with it ("82" + "7 of chapter" -> "827") still splits at
    the column edge.
    """
    text_left = _text_left(lines)
    if text_left is None:
        return False
    found = False
    for line in lines:
        if not line.text:
            continue
        k = 0
        while k < len(line.digits) and line.digits[k][1] < text_left - 0.5:
            k += 1
        if k == 0 or k > _MAX_DIGITS:
            continue
        rest = line.digits[k][0] if k < len(line.digits) else line.left
        if rest is not None and rest < text_left - 0.5:
            continue  # the figure runs on left of the column ("15.01" outdented): a heading, not a margin number
        line.number = int(line.text[:k])
        first = line.text.split(" ", 1)[0]
        if k == len(first):
            line.text = line.text[k + 1:]
            line.xs = line.xs[1:]
        else:
            line.text = line.text[k:]
            line.xs[0] = line.digits[k][0] if k < len(line.digits) else line.left
        line.digits = ()
        found = True
    return found


def _check_continuous(lines: list[_VLine], source: object) -> list[int]:
    """Printed numbers run 1, 2, 3 ... through the body; anything else would make citations wrong.

    Except a numbering that starts again at 1, as a budget's does after its local-aid
    tables: the numbers stay the printed ones (what a reader of the page cites), and
    the pages where numbering starts again are returned (1-based).
    """
    expected = None
    restarts: list[int] = []
    for line in lines:
        if line.number is None:
            continue
        if expected is not None and line.number == 1 and expected > 2:
            restarts.append(line.page + 1)
        elif expected is not None and line.number != expected:
            raise LawdiffError(source, f"printed line numbers are not continuous: {line.number} follows "
                                       f"{expected - 1} (page {line.page + 1}); citations would be wrong")
        expected = line.number + 1
    return restarts


def _text_left(lines: list[_VLine]) -> float | None:
    """Where the text column starts: the leftmost character that is not a leading digit of a line.

    Lines in the top and bottom bands are left out where others exist: a running
    footer set further left than the column must not hide the margin.  So are lines
    starting left of where the margin numbers themselves start (``_margin_start``):
    a budget's local-aid table set across the page, margin and all, must not move
    the column edge left of every margin number of the pagination (they would stay
    in the text as words, and the bill's SECTIONs run together).
    """
    start = _margin_start(lines)

    def usable(line: _VLine) -> bool:
        return line.left is not None and bool(line.text) and (start is None or line.left >= start)

    inner = [line.left for line in lines if usable(line) and not _in_band(line)]
    xs = inner or [line.left for line in lines if usable(line)]
    return min(xs) if xs else None


def _margin_start(lines: list[_VLine]) -> float | None:
    """Where margin numbers start, if lines show a margin: the leftmost digit of the numbers that
    stand apart from the text after them and end at the x (to the point) most such numbers end at,
    provided they count up by one from line to line, from 1, as margin numbers do.  A table's
    column of years or of row numbers, set at the text column like the prose around it, starts
    no further left than that prose: no line is left out for it."""
    seen: dict[int, list[tuple[int, float]]] = {}
    for line in lines:
        first = line.text.split(" ", 1)[0]
        if not (0 < len(first) <= _MAX_DIGITS and first.isdigit() and len(line.digits) == len(first)):
            continue
        if line.left is None or line.left - line.digits[-1][1] < 1:
            continue
        seen.setdefault(round(line.digits[-1][1]), []).append((int(first), line.digits[0][0]))
    if not seen:
        return None
    found = max(seen.values(), key=len)
    numbers = [n for n, _ in found]
    steps = sum(1 for a, b in zip(numbers, numbers[1:]) if b == a + 1)
    if len(numbers) < 3 or 1 not in numbers or steps * 2 < len(numbers) - 1:
        return None
    return min(x for _, x in found) - 0.5


def _to_lines(pages: list[list[_VLine]]) -> list[Line]:
    """Visual lines -> ``Line``s, a blank line where the vertical gap marks a new paragraph."""
    out: list[Line] = []
    previous: _VLine | None = None
    for page in pages:
        kept = [line for line in page if line.text or line.number is not None]
        for line in kept:
            if previous is not None:
                if previous.page == line.page:
                    gap = line.top - previous.bottom
                    new_paragraph = gap > 0.8 * (previous.bottom - previous.top)
                else:
                    new_paragraph = bool(_TERMINAL.search(previous.text))
                if new_paragraph:
                    out.append(Line("", None, len(out) + 1))
            out.append(Line(line.text, line.number, len(out) + 1))
            previous = line
    return out
