"""Benchmark: omnibus bill pairs (tests/helpers/omnibus.py) at 100, 300, 1,000 and 3,000 sections.

For each size and seed, in a fresh interpreter (so peak memory is that run's own):
read and parse both versions, ``compare``, and the JSON as ``lawdiff diff
--format json`` writes it (``cli.to_json``); then the pairing is scored against the generator's
truth.  Next to it, on the same pair: ``difflib.SequenceMatcher`` over the
sections (pairing scored the same way, sections only) and the time of
``git diff --no-index --word-diff`` on the two printed texts.

    python bench/bench_omnibus.py [--sizes 100,300,1000,3000] [--seeds 3] [--src DIR]

``--src`` runs another checkout's ``src`` (a baseline: ``git archive HEAD src | tar -x -C /tmp/base``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests.helpers: the document generators

from tests.helpers import omnibus  # noqa: E402


def one(n: int, seed: int, tmp: Path) -> dict:
    """Runs in the child: the whole redline of one generated pair, timed and scored."""
    from lawdiff.diff.changes import compare
    from lawdiff.cli import to_json
    from lawdiff.load.documents import load_document

    pair = omnibus.generate(n, seed)
    a, b = pair.texts()
    old, new = tmp / f"old-{n}-{seed}.txt", tmp / f"new-{n}-{seed}.txt"
    old.write_bytes(a)
    new.write_bytes(b)
    t0 = time.perf_counter()
    od, nd = load_document(str(old)), load_document(str(new))
    t1 = time.perf_counter()
    model = compare(od, nd)
    t2 = time.perf_counter()
    to_json(model)  # as ``lawdiff diff --format json`` writes it
    t3 = time.perf_counter()
    out = omnibus.score(model, od, nd, pair)
    out.update(n=n, seed=seed, parse=t1 - t0, compare=t2 - t1, json=t3 - t2, total=t3 - t0,
               peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, bytes=len(a),
               moves=model["stats"]["move"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,300,1000,3000")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--src", default=str(HERE.parent / "src"))
    ap.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    ap.add_argument("--tmp", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        sys.path.insert(0, args.src)
        print(json.dumps(one(*args.one, Path(args.tmp))))
        return
    tmp = Path(tempfile.mkdtemp())
    env = dict(os.environ, PYTHONPATH=args.src)
    print(f"lawdiff from {args.src}")
    print("sections  seed  total s (parse/compare/json)  peak MB  precision  recall  spur.ins  spur.del"
          "  false moves | difflib s  P  R | git word-diff s")
    totals: dict[int, float] = {}
    for n in map(int, args.sizes.split(",")):
        for seed in range(1, args.seeds + 1):
            run = subprocess.run([sys.executable, __file__, "--src", args.src, "--one", str(n), str(seed),
                                  "--tmp", str(tmp)], capture_output=True, text=True, env=env)
            if run.returncode:
                print(run.stderr[-2000:])
                continue
            r = json.loads(run.stdout)
            totals[n] = totals.get(n, 0) + r["total"] / args.seeds
            pair = omnibus.generate(n, seed)
            t_dl, dl = omnibus.difflib_pairs(pair)
            t = time.perf_counter()
            subprocess.run(["git", "diff", "--no-index", "--word-diff", str(tmp / f"old-{n}-{seed}.txt"),
                            str(tmp / f"new-{n}-{seed}.txt")], capture_output=True)
            t_git = time.perf_counter() - t
            print(f"{n:8}  {seed:4}  {r['total']:6.2f} ({r['parse']:.2f}/{r['compare']:.2f}/{r['json']:.2f})"
                  f"  {r['peak_mb']:7.0f}  {r['precision']:9.4f}  {r['recall']:6.4f}  {r['spurious_insertions']:8}"
                  f"  {r['spurious_deletions']:8}  {r['false_moves']:11} | {t_dl:9.2f}  {dl['precision']:.3f}"
                  f"  {dl['recall']:.3f} | {t_git:.2f}", flush=True)
    sizes = sorted(totals)
    for a, b in zip(sizes, sizes[1:]):
        print(f"{a} -> {b} sections ({b / a:.1f}x): {totals[b] / totals[a]:.1f}x the time")


if __name__ == "__main__":
    main()
