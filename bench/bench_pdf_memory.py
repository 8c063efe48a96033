"""Peak memory and time of reading a long bill PDF (100, 400 and 2,000 pages).

Each size is rendered once in the malegislature.gov layout (tests/billpdf.py:
numbered lines in the margin, docket header and page label on every page), then
parsed in a fresh subprocess, for the time and the peak resident size
(ru_maxrss); with --traced, once more under tracemalloc, for the peak of
Python's own allocations (tracemalloc makes the run several times slower).
Prints the figures and their ratios to the smallest size; memory must stay
under 300 MB at any size and time grow linearly.
Run: python bench/bench_pdf_memory.py [--traced] [PAGES ...]
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from billpdf import long_bill, render  # noqa: E402

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


def main(sizes: list[int], traced: bool) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            path = Path(tmp) / f"bill-{pages}.pdf"
            path.write_bytes(render(long_bill(pages)))
            plain = measure(path, False)
            rows.append((pages, path.stat().st_size, plain, measure(path, True)["traced_mb"] if traced else None))
    first = rows[0]
    print(f"{'pages':>6} {'MB file':>8} {'seconds':>8} {'s/page':>7} {'peak RSS MB':>12} {'peak traced MB':>15} {'sections':>9}")
    for pages, size, plain, traced_mb in rows:
        traced_text = f"{traced_mb:15.0f}" if traced_mb is not None else f"{'-':>15}"
        print(f"{pages:6d} {size / 2**20:8.1f} {plain['seconds']:8.1f} {plain['seconds'] / pages:7.3f} "
              f"{plain['rss_mb']:12.0f} {traced_text} {plain['sections']:9d}")
    for pages, _, plain, traced_mb in rows[1:]:
        line = (f"{pages} vs {first[0]} pages ({pages / first[0]:.0f}x): time {plain['seconds'] / first[2]['seconds']:.1f}x, "
                f"peak RSS {plain['rss_mb'] / first[2]['rss_mb']:.1f}x")
        if traced_mb is not None:
            line += f", peak traced {traced_mb / first[3]:.1f}x"
        print(line)
    worst = max(plain["rss_mb"] for _, _, plain, _ in rows)
    print(f"largest peak RSS: {worst:.0f} MB ({'under' if worst < 300 else 'OVER'} the 300 MB bound)")


if __name__ == "__main__":
    args = sys.argv[1:]
    main([int(a) for a in args if a != "--traced"] or [100, 400, 2000], "--traced" in args)
