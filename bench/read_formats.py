"""How long reading H.2288 takes from each format (text, malegislature PDF, whole-bill HTML, the
legislature's API record, a Word draft, a session-law record), a 200-section API record, and a
100-page PDF.

Builds the PDF and HTML the way the tests do (reportlab; hand-written markup), then
times read + parse.  Prints milliseconds per document and the ratio to text.
For the 100-page PDF (tests/billpdf.py ``long_bill``) it also prints pdfplumber's
share (its character pass alone) and a cheaper page pass: pypdfium2's character
boxes, timed and checked for whether they find the same margin line numbers.
Run: python bench/read_formats.py
"""

import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.helpers: the document generators

from tests.helpers.billhtml import h2288_parts, malegislature_bill_page  # noqa: E402
from tests.helpers.billpdf import h2288_bill, long_bill, render  # noqa: E402

import docx  # noqa: E402

from lawdiff import parse_bytes  # noqa: E402
from lawdiff.read import read  # noqa: E402

raw = (ROOT / "corpus/raw/193-h2288.txt").read_bytes()
text = raw.decode("utf-8")
pdf = render(h2288_bill(text))
html = malegislature_bill_page(*h2288_parts(text), [("Ruth B. Balser", "12th Middlesex", "1/19/2023")]).encode()


def per_doc(data: bytes, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        parse_bytes(data, "bench", {"kind": "bill"})
    return (time.perf_counter() - start) / repeat * 1000


def pdfplumber_pass(data: bytes) -> None:
    """pdfplumber's share: every page's characters, nothing else."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as doc:
        for page in doc.pages:
            page.chars
            page.close()


def pdfium_margin_numbers(data: bytes) -> list[int]:
    """The cheaper pass: pypdfium2's character boxes, lines by vertical middle, leading digits left of the column."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(data)
    rows = []  # (characters left to right as (x0, x1, char), count of leading digits)
    for i in range(len(doc)):
        page = doc[i]
        textpage = page.get_textpage()
        boxes = []
        for k in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, k))
            if not char.isspace():
                left, bottom, right, top = textpage.get_charbox(k)
                boxes.append(((top + bottom) / 2, max(top - bottom, 1.0), left, right, char))
        textpage.close()
        page.close()
        groups: list[tuple[float, list]] = []
        for middle, height, left, right, char in sorted(boxes, key=lambda b: (-b[0], b[2])):
            if groups and abs(groups[-1][0] - middle) < height / 2:
                groups[-1][1].append((left, right, char))
            else:
                groups.append((middle, [(left, right, char)]))
        for _, chars in groups:
            chars.sort()
            digits = next((n for n, c in enumerate(chars) if c[2] not in "0123456789"), len(chars))
            rows.append((chars, digits))
    doc.close()
    text_left = min(chars[d][0] for chars, d in rows if d < len(chars))
    found = []
    for chars, digits in rows:
        k = next((n for n in range(digits) if chars[n][1] >= text_left - 0.5), digits)
        if 0 < k <= 5:
            found.append(int("".join(c[2] for c in chars[:k])))
    return found


def timed(fn, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


base = per_doc(raw, 50)
print(f"text: {base:7.1f} ms per document ({len(raw):,} bytes)")
for name, data, repeat in (("pdf", pdf, 5), ("html", html, 50)):
    ms = per_doc(data, repeat)
    print(f"{name}: {ms:7.1f} ms per document ({len(data):,} bytes), {ms / base:.1f}x text")

# The API record as served (tests/fixtures/real/api), the same paragraphs as a Word draft and as a
# session-law record's ChapterText, and a 200-section record made of S.1510's sections renumbered.
record = (ROOT / "tests/fixtures/real/api/193-H2288.json").read_bytes()
paras = [x.strip() for x in json.loads(record)["DocumentText"].split("\r\n") if x.strip()]
word = docx.Document()
for para in paras:
    word.add_paragraph(para)
word_bytes = io.BytesIO()
word.save(word_bytes)
session_law = json.dumps({"Year": 2024, "ChapterNumber": 1, "Title": "An Act", "ApprovedDate": "2024-01-01T00:00:00",
                          "ChapterText": "".join(f'<p class="MsoNormal">{x}</p>' for x in paras)}).encode()
s1510 = json.loads((ROOT / "corpus/raw/193-s1510.json").read_bytes())
sections = s1510["DocumentText"].split("\tSECTION ")[1:]
big_text = "".join(f"\tSECTION {n}." + sections[n % len(sections)].split(".", 1)[1] for n in range(1, 201))
big_record = json.dumps({**s1510, "DocumentText": big_text}).encode()
for name, data, repeat in (("api record", record, 50), ("docx", word_bytes.getvalue(), 20),
                           ("session-law record", session_law, 50), ("api record, 200 sections", big_record, 3)):
    ms = per_doc(data, repeat)
    print(f"{name}: {ms:7.1f} ms per document ({len(data):,} bytes), {ms / base:.1f}x text")

long_pdf = render(long_bill(100))
seconds = per_doc(long_pdf, 1) / 1000
plumber, _ = timed(pdfplumber_pass, long_pdf)
print(f"pdf, 100 pages: {seconds:5.1f} s per document ({len(long_pdf):,} bytes; goal under 15 s), "
      f"pdfplumber's character pass alone {plumber:.1f} s ({plumber / seconds:.0%})")
fium, numbers = timed(pdfium_margin_numbers, long_pdf)
printed = [line.number for line in read(long_pdf, "bench").lines if line.number]
print(f"  cheaper page pass (pypdfium2 character boxes): {fium:.2f} s ({plumber / fium:.0f}x faster than pdfplumber's); "
      f"margin numbers {'the same as' if numbers == printed else 'DIFFERENT from'} the reader's ({len(numbers)} vs {len(printed)})")
