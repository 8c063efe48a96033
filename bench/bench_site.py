"""Benchmark of `lawdiff build`: 1,000 generated bills and 1,000 redlines.

The bills are H.2288's real text with a few deterministic word edits each
(bill k is "refiled from" bill k-1, so the manifest relates 999 pairs; one
[[comparison]] table adds the 1,000th redline).  Measured:

1. a cold build (empty cache) on every core, with and without the Pagefind index;
2. a rebuild after one bill's text changed (its page and its two redlines re-render,
   and the one search index shard that holds it is re-indexed);
3. how many cores the cold build kept busy (CPU time / wall time);
4. what the redlines' PDFs cost (headless Chromium, one process a page): a cold build of the
   first ``--pdf-bills`` bills with and without them.  The builds above leave them out
   (``pdf=False``), as issue 5's goals were set without them.

Usage: python bench/bench_site.py [--bills 1000] [--pdf-bills 20] [--keep DIR]
Goals (issue 5): cold build under 60 s on 2 cores; one-document rebuild under 2 s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from lawdiff import Corpus
from lawdiff.site.build import build_site

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "corpus" / "raw" / "193-h2288.txt"
NUMBERED = re.compile(r"^(\s*\d+ )(.*\S)(\s*)$")


def generate(folder: Path, bills: int, seed: int = 650) -> Path:
    """A corpus of ``bills`` edited copies of H.2288 in ``folder``."""
    rng = random.Random(seed)
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    body = [i for i, line in enumerate(lines) if NUMBERED.match(line) and len(line.split()) > 4]
    vocab = sorted({w for i in body for w in lines[i].split()[1:] if w.isalpha() and w.islower()})
    corpus = folder / "corpus"
    (corpus / "raw").mkdir(parents=True)
    manifest = []
    current = list(lines)
    for k in range(bills):
        # each bill: the previous one with five words replaced on printed lines
        for i in rng.sample(body, 5):
            prefix, text, tail = NUMBERED.match(current[i]).groups()
            words = text.split(" ")
            j = rng.randrange(1, len(words))
            if words[j].isalpha():
                words[j] = rng.choice(vocab)
            current[i] = prefix + " ".join(words) + tail
        name = f"gen-{k:04d}"
        (corpus / "raw" / f"{name}.txt").write_text("\n".join(current), encoding="utf-8")
        entry = [f'[[instrument]]\nid = "{name}"\nkind = "bill"\nnumber = "H.{5000 + k}"',
                 f'title = "Generated bill {k} from H.2288"\npath = "raw/{name}.txt"\nstatus = "generated"']
        if k:
            entry.append(f'refiled_from = ["gen-{k - 1:04d}"]')
        manifest.append("\n".join(entry))
    manifest.append('[[comparison]]\nold = "gen-0000#sec_3__qstr_1__sec_40"\n'
                    f'new = "gen-{bills - 1:04d}#sec_3__qstr_1__sec_40"\nlabel = "first against last, Section 40"')
    (corpus / "instruments.toml").write_text("\n\n".join(manifest) + "\n", encoding="utf-8")
    return corpus


def edit(raw: Path, words: str) -> None:
    """Append ``words`` to the last printed line of the bill (SECTION 3's Section 40)."""
    lines = raw.read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if NUMBERED.match(line))
    prefix, text, tail = NUMBERED.match(lines[last]).groups()
    lines[last] = f"{prefix}{text.rstrip('.')} {words}.{tail}"
    raw.write_text("\n".join(lines), encoding="utf-8")


def timed_build(corpus: Path, out: Path, cache: Path, search: bool, pdf: bool = False):
    cpu0 = os.times()
    t0 = time.perf_counter()
    report = build_site(Corpus.load(corpus), out, cache_dir=cache, search=search, pdf=pdf)
    wall = time.perf_counter() - t0
    cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system) + \
          (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
    return report, wall, cpu


def pdf_costs(folder: Path, bills: int) -> None:
    """A cold build of ``bills`` bills with and without the redlines' PDFs: what one PDF adds."""
    corpus = generate(folder, bills)
    _, wall_0, cpu_0 = timed_build(corpus, folder / "build", folder / "cache-0", search=False)
    report, wall_p, cpu_p = timed_build(corpus, folder / "build", folder / "cache-p", search=False, pdf=True)
    if report.no_pdf:
        print(f"PDFs: not measured ({report.no_pdf})")
        return
    pdfs = len(list((folder / "build" / "redlines").glob("*.pdf")))
    print(f"PDFs: cold build of {bills} bills without them {wall_0:.1f} s (CPU {cpu_0:.1f} s), with their {pdfs} PDFs "
          f"{wall_p:.1f} s (CPU {cpu_p:.1f} s): {(wall_p - wall_0) / pdfs:.2f} s wall, {(cpu_p - cpu_0) / pdfs:.2f} s CPU a PDF "
          f"(at that rate {1000 * (wall_p - wall_0) / pdfs:.0f} s more for 1,000 redlines)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bills", type=int, default=1000)
    ap.add_argument("--pdf-bills", type=int, default=20, help="Bills of the PDF measurement (0: skip it).")
    ap.add_argument("--keep", type=Path, help="Build here and keep the result.")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lawdiff-bench-")) if not args.keep else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        corpus = generate(folder, args.bills)
        print(f"generated {args.bills} bills from H.2288 in {time.perf_counter() - t:.1f} s ({os.cpu_count()} cores)")
        out = folder / "build"

        report, wall, cpu = timed_build(corpus, out, folder / "cache", search=False)
        redlines = len(list((out / "redlines").glob("*.html")))
        print(f"cold build, no search index: {report.pages} pages ({redlines} redlines) in {wall:.1f} s; "
              f"CPU {cpu:.1f} s = {cpu / wall:.2f} cores busy; goal < 60 s: {'met' if wall < 60 else 'MISSED'}")
        print(f"  plan {report.timings['plan']:.2f} s, render {report.timings['render']:.2f} s")

        shutil.rmtree(folder / "cache")
        report, wall_s, _ = timed_build(corpus, out, folder / "cache", search=True)
        print(f"cold build with Pagefind index: {wall_s:.1f} s (index {report.timings.get('search', 0):.1f} s, "
              f"{report.search_built} of {report.search_shards} shards indexed, search {'built' if report.search else 'FAILED'}); goal < 60 s: {'met' if wall_s < 60 else 'MISSED'}")

        report, wall_w, _ = timed_build(corpus, out, folder / "cache", search=False)
        print(f"warm rebuild, nothing changed: {wall_w:.2f} s ({report.rendered} rendered, {report.cached} cached)")

        raw = corpus / "raw" / f"gen-{args.bills // 2:04d}.txt"
        edit(raw, "within one year")
        report, wall_1, cpu_1 = timed_build(corpus, out, folder / "cache", search=False)
        print(f"one bill changed, rebuild: {wall_1:.2f} s, CPU {cpu_1:.2f} s ({report.rendered} pages rendered, {report.cached} cached); "
              f"goal < 2 s: {'met' if wall_1 < 2 else 'MISSED'}")
        edit(raw, "within two years")
        report, wall_1s, cpu_1s = timed_build(corpus, out, folder / "cache", search=True)
        print(f"one bill changed, rebuild with Pagefind index: {wall_1s:.2f} s, CPU {cpu_1s:.2f} s (index {report.timings.get('search', 0):.2f} s, "
              f"{report.search_built} of {report.search_shards} shards re-indexed); goal < 2 s: {'met' if wall_1s < 2 else 'MISSED'}")
        if args.pdf_bills:
            pdf_costs(folder / "pdf", args.pdf_bills)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
