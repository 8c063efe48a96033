"""Benchmark of the provision matrix: prints figures, asserts nothing.

    python bench/bench_matrix.py

Times build_matrix over the shipped corpus (every topic, every instrument,
with the compare view), then the locator alone on a long synthetic bill made
of H.2288's body repeated, to show how locating scales with text length.
"""

import re
import statistics
import time
from pathlib import Path

from lawdiff import Corpus
from lawdiff.load.documents import parse_bytes
from lawdiff.matrix.locate import locate
from lawdiff.matrix.build import build_matrix
from lawdiff.matrix.topics import load_topics

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def timed(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def synthetic_bill(copies: int) -> bytes:
    """H.2288's numbered body repeated as SECTION 1..3*copies, printed lines renumbered."""
    raw = (CORPUS / "raw" / "193-h2288.txt").read_text(encoding="utf-8").splitlines()
    head = [l for l in raw if not re.match(r"\s*\d+ ", l)][:20]
    body = [re.match(r"\s*(\d+) (.*)", l).group(2) for l in raw if re.match(r"\s*\d+ ", l)]
    out, n, sec = list(head), 0, 0
    for _ in range(copies):
        for line in body:
            if line.startswith("SECTION "):
                sec += 1
                line = re.sub(r"^SECTION \d+\.", f"SECTION {sec}.", line)
            n += 1
            out += [f"{n} {line}", ""]
    return "\n".join(out).encode()


def main():
    corpus = Corpus.load(CORPUS)
    m = build_matrix(corpus)
    cells = sum(len(t["cells"]) for t in m["topics"])
    provisions = sum(len(c["provisions"]) for t in m["topics"] for c in t["cells"])
    t = timed(lambda: build_matrix(corpus), 5)
    print(f"build_matrix, shipped corpus: {len(m['topics'])} topics x {len(m['instruments'])} instruments = {cells} cells, "
          f"{provisions} provisions located: {t * 1000:.0f} ms (median of 5)")
    topics = list(load_topics(CORPUS).values())
    base = None
    for copies in (1, 10, 50):
        data = synthetic_bill(copies)
        doc = parse_bytes(data, "synthetic.txt", {"kind": "bill"})
        words = len(doc.tree.words())
        t = timed(lambda: [locate(doc, topic) for topic in topics], 3)
        per_kword = t / words * 1000
        base = base or per_kword
        print(f"locate, all {len(topics)} topics, synthetic bill x{copies}: {words} words, {t * 1000:.0f} ms, "
              f"{per_kword * 1000:.2f} ms per 1,000 words (ratio to x1: {per_kword / base:.2f})")


if __name__ == "__main__":
    main()
