"""Benchmark: the word diff of one long, heavily edited provision (a budget's line-item
list), at 1,000 to 16,000 words, one word in ten replaced, inserted or deleted.

    python bench/bench_long.py [--src DIR]     # --src: another checkout's src, for a baseline
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests.helpers: the document generators

from tests.helpers.omnibus import long_provision  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=str(HERE.parent / "src"))
    args = ap.parse_args()
    sys.path.insert(0, args.src)
    from lawdiff.diff.tokens import word_diff
    print(f"lawdiff from {args.src}")
    last = None
    for n in (1000, 2000, 4000, 8000, 16000):
        old, new = long_provision(n)
        t = time.perf_counter()
        d = word_diff(old, new)
        t = time.perf_counter() - t
        changed = sum(len(x.split()) for op, x in d.tokens if op == "-")
        ratio = f"  ({t / last:.1f}x the time of half as many)" if last else ""
        print(f"{n:6} words: {t:6.2f} s, {changed} words struck, degraded {d.degraded}{ratio}")
        last = t


if __name__ == "__main__":
    main()
