"""What the provisions' histories cost on the instrument pages (issue 24 item 9).

For every instrument page of CORPUS whose version chain holds two texts or more: its render
time without the histories and with them (the chain's comparisons computed cold, then taken
from the redline pages' cache), how many provisions show a history, and the page's size.
Then a cold ``lawdiff build`` of CORPUS and a no-op rebuild (every page from the cache).

Usage: python bench/bench_lineage_pages.py CORPUS [--ids ID,ID,...]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from lawdiff import Corpus
from lawdiff.site import build


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--ids", default="")
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    corpus = Corpus.load(args.corpus)
    site = build.plan(corpus, build.code_fingerprint(), pdf=False)
    wanted = set(filter(None, args.ids.split(",")))
    specs = [(p, s) for p, s in site.pages if s["page"] == "instrument" and s.get("lineage")
             and (not wanted or s["doc"]["entry"]["id"] in wanted)]
    total = {"without": 0.0, "cold": 0.0, "warm": 0.0}
    for path, spec in specs:
        for s in spec["lineage"]["versions"] + [spec["doc"]]:
            build._document(s)  # parsed once: the page's own cost below, not the parser's
        t = time.perf_counter()
        build.render_job({**spec, "lineage": None})
        without = time.perf_counter() - t
        build._models.clear()
        t = time.perf_counter()
        result = build.render_job(spec)
        cold = time.perf_counter() - t
        t = time.perf_counter()
        build.render_job(spec)
        warm = time.perf_counter() - t
        pages = [result["html"], *result.get("extra", {}).values()]
        shown = sum(p.count('<details class="lineage"') for p in pages)
        total["without"] += without
        total["cold"] += cold
        total["warm"] += warm
        print(f"{path}: {len(spec['lineage']['labels'])} texts, {shown} provisions with a history; "
              f"{without:.2f} s without, {cold:.2f} s with (cold comparisons), {warm:.2f} s (cached); "
              f"{len(pages)} part(s), largest {max(len(p.encode()) for p in pages) / 1024:.0f} KB")
    print(f"{len(specs)} pages: {total['without']:.1f} s without the histories, {total['cold']:.1f} s with "
          f"(cold), {total['warm']:.1f} s with the steps' models cached")
    if args.no_build:
        return
    with tempfile.TemporaryDirectory() as tmp:
        for what in ("cold build", "no-op rebuild"):
            report = build.build_site(corpus, Path(tmp) / "site", jobs=2, search=False, pdf=False,
                                      cache_dir=Path(tmp) / "cache")
            print(f"{what}: {report.seconds:.1f} s, {report.rendered} rendered, {report.cached} cached")


if __name__ == "__main__":
    main()
