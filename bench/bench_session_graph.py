"""The version graph of a whole General Court: how many graphs, edges by relation, cycles, time.

    python bench/bench_session_graph.py [../shared/sources/sessions/193]

Reads the saved session folder (every record and history, the session laws beside them),
builds one graph, and prints the figures the README quotes.  Not a test: a measurement.
"""

from __future__ import annotations

import collections
import re
import sys
import time
from pathlib import Path

from lawdiff.load.sources import FolderSource
from lawdiff.versions import graph


def main(folder: str) -> None:
    source = FolderSource(folder, 193)
    years = sorted(int(m.group(1)) for p in Path(folder).glob("sessionlaws-*.json")
                   if (m := re.match(r"sessionlaws-(\d{4})\.json$", p.name)))
    start = time.perf_counter()
    names = source.names()
    whole = graph.whole(source, names, years)
    built = time.perf_counter() - start
    start = time.perf_counter()
    parts = graph.components(whole)
    cycles = whole.cycles()
    cut = time.perf_counter() - start
    print(f"documents read: {len(names)}; nodes: {len(whole.nodes)} "
          f"({sum(1 for n in whole.nodes.values() if not n.known and not n.name.startswith('acts-'))} named but "
          f"without a record, {sum(1 for n in whole.nodes if n.startswith('acts-'))} chapters)")
    print(f"version graphs (two texts or more): {len(parts)}; largest: {max(map(len, parts), default=0)} texts")
    print(f"version edges: {len(whole.edges)}")
    for relation, count in collections.Counter(e.relation for e in whole.edges).most_common():
        print(f"  {relation}: {count}")
    print(f"other relations: {len(whole.others)}")
    for relation, count in collections.Counter(e.relation for e in whole.others).most_common():
        print(f"  {relation}: {count}")
    print(f"cycles: {len(cycles)}")
    for c in cycles:
        print("  " + " -> ".join(c + c[:1]))
        for e in whole.edges:
            if e.earlier in c and e.later in c:
                print(f"    {e.earlier} -> {e.later} {e.relation}: {e.evidence[:150]}")
    print(f"time: read and build {built:.2f} s; components and cycles {cut:.3f} s")
    synthetic()


class _Chain:
    """Made up: ``n`` texts, each a new draft of the one before; text 1's history repeats a link ``extra`` times."""

    def __init__(self, n: int, extra: int = 0, loop: bool = False):
        self.n, self.extra, self.loop = n, extra, loop

    def record(self, name):
        return {"BillNumber": name, "LegislationTypeName": "Bill", "Title": "An Act"}

    def history(self, name):
        k = int(name[1:])
        out = [{"Date": "2024-01-01", "Action": f"New draft of H{k - 1}"}] if k > 1 else []
        out += [{"Date": "2024-01-01", "Action": f"Accompanied a new draft, see H{k + 1}"}] if k < self.n else []
        out += [{"Date": "2024-01-02", "Action": "Accompanied a new draft, see H1"}] if self.loop and k == self.n else []
        return out + ([{"Date": "2024-01-01", "Action": "Accompanied a new draft, see H2"}] * self.extra if k == 1 else [])

    def session_law(self, year, chapter):
        return None

    def has_text(self, name, record):
        return True


def synthetic() -> None:
    """Issue 25 item 5's shapes: a history of 20,000 actions, a 3,000-text chain, a 3,000-text loop."""
    for label, source, start in (("history of 20,000 actions", _Chain(2, 20000), "H1"),
                                 ("chain of 3,000 texts", _Chain(3000), "H1500"),
                                 ("loop of 3,000 texts", _Chain(3000, loop=True), "H1")):
        t = time.perf_counter()
        g = graph.walk(source, start, limit=10000)
        found = g.cycles()
        g.order()
        print(f"{label}: {len(g.edges)} edges, {len(found)} cycle(s), {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/sources/sessions/193")
