"""Peak memory and time of reading a long bill PDF (100, 400 and 2,000 pages), or with --html a
long bill page (10,000 and 100,000 source lines, one provision a line, past libxml2's 65,535).

Each size is rendered once in the malegislature.gov layout (tests/billpdf.py:
numbered lines in the margin, docket header and page label on every page), then
parsed in a fresh subprocess, for the time and the peak resident size
(ru_maxrss); with --traced, once more under tracemalloc, for the peak of
Python's own allocations (tracemalloc makes the run several times slower).
Prints the figures and their ratios to the smallest size; memory must stay
under 300 MB at any size and time grow linearly.
Run: python bench/bench_pdf_memory.py [--traced] [PAGES ...]
     python bench/bench_pdf_memory.py --html [LINES ...]
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.helpers: the document generators

from tests.helpers.billpdf import long_bill, render  # noqa: E402

CHILD = r"""
import json, resource, sys, time, tracemalloc
from pathlib import Path
from lawdiff import parse_bytes
path, traced = Path(sys.argv[1]), sys.argv[2] == "1"
data = path.read_bytes()
if traced:
    tracemalloc.start()
start = time.perf_counter()
doc = parse_bytes(data, path, {"kind": "bill"})
seconds = time.perf_counter() - start
sections = sum(1 for n in doc.tree.walk() if n.type == "section" and "__" not in n.eid)
print(json.dumps({"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "traced_mb": tracemalloc.get_traced_memory()[1] / 2**20 if traced else None,
                  "sections": sections}))
"""


def measure(path: Path, traced: bool) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), "1" if traced else "0"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def html_page(lines: int) -> bytes:
    """A bill page of ``lines`` source lines: sections of five subsections, one provision a line."""
    rows = ["<html><body><p>Be it enacted by the Senate and House of Representatives as follows:</p>"]
    for k in range(1, lines - 1):
        n, sub = divmod(k - 1, 6)
        rows.append(f"<p>SECTION {n + 1}. The department shall report on item {k}.</p>" if sub == 0 else
                    f"<p>({'abcde'[sub - 1]}) The report shall state the figure for line {k} of the account.</p>")
    rows.append("</body></html>")
    return "\n".join(rows).encode()


def main(sizes: list[int], traced: bool, html: bool = False) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            path = Path(tmp) / (f"bill-{pages}.html" if html else f"bill-{pages}.pdf")
            path.write_bytes(html_page(pages) if html else render(long_bill(pages)))
            plain = measure(path, False)
            rows.append((pages, path.stat().st_size, plain, measure(path, True)["traced_mb"] if traced else None))
    first = rows[0]
    unit = "lines" if html else "pages"
    print(f"{unit:>6} {'MB file':>8} {'seconds':>8} {'ms/line' if html else 's/page':>7} {'peak RSS MB':>12} {'peak traced MB':>15} {'sections':>9}")
    for pages, size, plain, traced_mb in rows:
        traced_text = f"{traced_mb:15.0f}" if traced_mb is not None else f"{'-':>15}"
        print(f"{pages:6d} {size / 2**20:8.1f} {plain['seconds']:8.1f} {plain['seconds'] / pages * (1000 if html else 1):7.3f} "
              f"{plain['rss_mb']:12.0f} {traced_text} {plain['sections']:9d}")
    for pages, _, plain, traced_mb in rows[1:]:
        line = (f"{pages} vs {first[0]} {unit} ({pages / first[0]:.0f}x): time {plain['seconds'] / first[2]['seconds']:.1f}x, "
                f"peak RSS {plain['rss_mb'] / first[2]['rss_mb']:.1f}x")
        if traced_mb is not None:
            line += f", peak traced {traced_mb / first[3]:.1f}x"
        print(line)
    worst = max(plain["rss_mb"] for _, _, plain, _ in rows)
    print(f"largest peak RSS: {worst:.0f} MB ({'under' if worst < 300 else 'OVER'} the 300 MB bound)")


if __name__ == "__main__":
    args = sys.argv[1:]
    html = "--html" in args
    sizes = [int(a) for a in args if not a.startswith("--")]
    main(sizes or ([10_000, 100_000] if html else [100, 400, 2000]), "--traced" in args, html)
