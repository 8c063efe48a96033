"""What an advocate meets on the site: page heights, printed sheets, words. Prints figures, asserts nothing.

    python bench/bench_pages.py [SITE]      # SITE: a built site (default: builds the shipped corpus)

Measured in Chromium at 1280 px (issue 24): the 287(g) topic page's height and its table's,
the words of that table, the sheets it prints on (Letter), the overview's smallest text
in CSS px and in points on paper, and the H.2288 → S.1510 page's height.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"

SMALLEST_TEXT = """() => {
  // the smallest rendered text: HTML text by its computed size, SVG text by its size on screen
  let px = Infinity;
  for (const el of document.querySelectorAll('main *')) {
    if (!el.getClientRects().length) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    if (el instanceof SVGElement) {
      const svg = el.ownerSVGElement, scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      px = Math.min(px, parseFloat(getComputedStyle(el).fontSize) * scale);
    } else px = Math.min(px, parseFloat(getComputedStyle(el).fontSize));
  }
  return px; }"""


def sheets(page, out: Path) -> int:
    import pdfplumber
    page.emulate_media(media="print")
    page.pdf(path=str(out), format="Letter")
    page.emulate_media(media="screen")
    with pdfplumber.open(out) as pdf:
        return len(pdf.pages)


def main(site: Path) -> None:
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto((site / "matrix" / "287g.html").as_uri())
        height = page.evaluate("document.documentElement.scrollHeight")
        tables = page.evaluate("""() => [...document.querySelectorAll('main table')].map(t =>
            [t.id || t.className, Math.round(t.getBoundingClientRect().height), t.innerText.split(/\\s+/).filter(Boolean).length])""")
        print(f"287(g) topic page at 1280 px: {height} px tall; printed on {sheets(page, Path(tmp) / 't.pdf')} Letter sheets")
        for name, h, words in tables:
            print(f"  table {name}: {h} px, {words} words")
        page.goto((site / "matrix" / "index.html").as_uri())
        smallest = page.evaluate(SMALLEST_TEXT)
        print(f"overview at 1280 px: smallest text {smallest:.1f} px; {page.evaluate('document.documentElement.scrollHeight')} px tall")
        n = sheets(page, Path(tmp) / "o.pdf")
        import pdfplumber
        with pdfplumber.open(Path(tmp) / "o.pdf") as pdf:
            # the page's own text (the sheet's "Page n of N" footer, 8 pt, left out)
            sizes = sorted({round(c["size"], 1) for p in pdf.pages for c in p.chars if c["top"] < p.height - 60})
        print(f"overview printed: {n} Letter sheets, smallest text {sizes[0]} pt (sizes {sizes[:6]})")
        for name in sorted((site / "redlines").glob("193-h2288--193-s1510.html")):
            page.goto(name.as_uri())
            print(f"{name.name} at 1280 px: {page.evaluate('document.documentElement.scrollHeight')} px tall")
        browser.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]).resolve())
    else:
        from lawdiff import Corpus
        from lawdiff.site.build import build_site
        with tempfile.TemporaryDirectory() as tmp:
            build_site(Corpus.load(ROOT / "corpus"), Path(tmp) / "build", search=False, pdf=False,
                       cache_dir=Path(tmp) / "cache")
            main(Path(tmp) / "build")
