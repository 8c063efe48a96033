"""Benchmark: the word diff of one long, heavily edited provision (a budget's line-item
list), at 1,000 to 16,000 words, one word in ten replaced, inserted or deleted.

    python bench/bench_long.py [--src DIR]     # --src: another checkout's src, for a baseline
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def provision(words: int, seed: int = 3) -> tuple[str, str]:
    import omnibus
    rng = random.Random(seed)
    sentences = omnibus._sentences()
    old: list[str] = []
    while len(old) < words:
        old += rng.choice(sentences).split()
    new = list(old[:words])
    for _ in range(words // 10):
        i = rng.randrange(len(new))
        what = rng.random()
        if what < 0.5:
            new[i] = rng.choice(omnibus.WORDS)
        elif what < 0.75:
            new.insert(i, rng.choice(omnibus.WORDS))
        else:
            del new[i]
    return " ".join(old[:words]), " ".join(new)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=str(HERE.parent / "src"))
    args = ap.parse_args()
    sys.path.insert(0, args.src)
    from lawdiff.tokens import word_diff
    print(f"lawdiff from {args.src}")
    last = None
    for n in (1000, 2000, 4000, 8000, 16000):
        old, new = provision(n)
        t = time.perf_counter()
        d = word_diff(old, new)
        t = time.perf_counter() - t
        changed = sum(len(x.split()) for op, x in d.tokens if op == "-")
        ratio = f"  ({t / last:.1f}x the time of half as many)" if last else ""
        print(f"{n:6} words: {t:6.2f} s, {changed} words struck, degraded {d.degraded}{ratio}")
        last = t


if __name__ == "__main__":
    main()
