"""How long reading H.2288 takes from each format (text, malegislature PDF, whole-bill HTML).

Builds the PDF and HTML the way the tests do (reportlab; hand-written markup), then
times read + parse.  Prints milliseconds per document and the ratio to text.
Run: python bench/read_formats.py
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from billhtml import h2288_parts, malegislature_bill_page  # noqa: E402
from billpdf import h2288_bill, render  # noqa: E402

from lawdiff import parse_bytes  # noqa: E402

raw = (ROOT / "corpus/raw/193-h2288.txt").read_bytes()
text = raw.decode("utf-8")
pdf = render(h2288_bill(text))
html = malegislature_bill_page(*h2288_parts(text), [("Ruth B. Balser", "12th Middlesex", "1/19/2023")]).encode()


def per_doc(data: bytes, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        parse_bytes(data, "bench", {"kind": "bill"})
    return (time.perf_counter() - start) / repeat * 1000


base = per_doc(raw, 50)
print(f"text: {base:7.1f} ms per document ({len(raw):,} bytes)")
for name, data, repeat in (("pdf", pdf, 5), ("html", html, 50)):
    ms = per_doc(data, repeat)
    print(f"{name}: {ms:7.1f} ms per document ({len(data):,} bytes), {ms / base:.1f}x text")
