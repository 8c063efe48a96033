"""Run the citator over every record of a session that has text, and say how it went.

    python bench/citator_session.py [FOLDER] [--show N] [--json OUT] [--csv OUT]

FOLDER defaults to ../shared/sources/sessions/193/documents (the 193rd General Court as the
legislature's API served it; see its SOURCES.md).  For every record with a DocumentText it
parses the record (``load_document``) and reads its instructions (``lawdiff.cite``); it
prints the time of each stage, how many SECTIONs amend something, how many instructions
were read, how many could not be (``target`` None, with the warnings counted by kind) and
the actions found.  ``--show N`` prints N unread instructions, drawn evenly across the
session, to look at; ``--json OUT`` writes every instruction, ``--csv OUT`` the session citator
(``lawdiff.cite.index``: each chapter and section reached, the bills reaching it, collisions),
``--pages OUT`` its site pages (``lawdiff.site.citator_pages``) into the folder OUT.  Collisions
are counted as the site counts them: between live measures, a measure being the texts of one
version graph (``lawdiff.versions``) and live meaning not enacted and not ended (by the latest
action of the bill's history, where the session has it: 209 bills; the others count live).
Goal (issue #23): the whole session in under 2 minutes on the project machine.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from lawdiff.cite import instructions
from lawdiff.cite.read import instruction_area
from lawdiff.cite import grammar
from lawdiff.cite.index import build_index, to_csv
from lawdiff.errors import LawdiffError
from lawdiff.load.documents import load_document
from lawdiff.load.manifest import Corpus
from lawdiff.load.sources import FolderSource
from lawdiff.site import citator_pages
from lawdiff.versions import graph

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "sources" / "sessions" / "193" / "documents"


def _status(folder: Path, stem: str) -> str | None:
    """The latest action not struck of the bill's official history, where the session has it
    (``../history/<Bill>.json``: 209 of the 193rd's bills): "2024-07-31: Senate: Accompanied ..."."""
    path = folder.parent / "history" / f"{stem}.json"
    if not path.is_file():
        return None
    actions = [a for a in json.loads(path.read_bytes()) if not a.get("IsStricken")]
    if not actions:
        return None
    last = max(actions, key=lambda a: a["Date"])  # ISO dates: text order is date order
    return f"{last['Date'][:10]}: {last['Branch']}: {' '.join(last['Action'].split())}"


def _families(session: Path) -> tuple[dict[str, str], set[str]]:
    """Each text of a version graph -> the graph's first text; the graphs that hold an enacted chapter."""
    source = FolderSource(session, 193)
    years = sorted(int(m.group(1)) for p in session.glob("sessionlaws-*.json")
                   if (m := re.match(r"sessionlaws-(\d{4})\.json$", p.name)))
    family, enacted = {}, set()
    for group in graph.components(graph.whole(source, source.names(), years)):
        texts = sorted(n for n in group if not n.startswith("acts-"))
        for n in texts:
            family[n] = texts[0]
        if any(n.startswith("acts-") for n in group):
            enacted.add(texts[0])
    return family, enacted


def main(argv: list[str]) -> int:
    args = list(argv)
    show = int(args.pop(args.index("--show") + 1)) if "--show" in args else 0
    if "--show" in args:
        args.remove("--show")
    out = Path(args.pop(args.index("--json") + 1)) if "--json" in args else None
    if "--json" in args:
        args.remove("--json")
    csv_out = Path(args.pop(args.index("--csv") + 1)) if "--csv" in args else None
    if "--csv" in args:
        args.remove("--csv")
    pages_out = Path(args.pop(args.index("--pages") + 1)) if "--pages" in args else None
    if "--pages" in args:
        args.remove("--pages")
    folder = Path(args[0]) if args else DEFAULT
    corpus = Corpus(root=folder, entries={}, comparisons=[])
    files = sorted(folder.glob("*.json"))
    counts: Counter = Counter()
    actions: Counter = Counter()
    warnings: Counter = Counter()
    unread: list[tuple[str, dict]] = []
    everything: dict[str, list[dict]] = {}
    t_parse = t_cite = 0.0
    cpu_start = time.process_time()
    for path in files:
        if not json.loads(path.read_bytes()).get("DocumentText"):
            continue
        t0 = time.perf_counter()
        try:
            doc = load_document(str(path), corpus)
        except LawdiffError:
            counts["refused"] += 1
            continue
        t1 = time.perf_counter()
        items = instructions(doc)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_cite += t2 - t1
        counts["records"] += 1
        body = next((c for c in doc.tree.children if c.type == "body"), None)
        sections = [c for c in body.children if c.type == "section"] if body else []
        counts["sections"] += len(sections)
        counts["amending sections"] += sum(
            1 for s in sections if grammar.VERB.search(instruction_area(s.text)[0]))
        counts["sections with instructions"] += len({i["section"] for i in items})
        counts["records with instructions"] += bool(items)
        counts["instructions"] += len(items)
        for item in items:
            actions[item["action"]] += 1
            if item["target"] is None:
                counts["unread"] += 1
                warnings[re.sub(r"\d+\w*", "N", item.get("warning") or "")] += 1
                unread.append((path.stem, item))
            elif item.get("warning"):
                counts["action not read"] += 1
        everything[path.stem] = items
    total = t_parse + t_cite
    cpu = time.process_time() - cpu_start
    print(f"{counts['records']} records with text ({counts['refused']} refused), {counts['sections']} SECTIONs")
    print(f"time: parse {t_parse:.1f} s, cite {t_cite:.1f} s, total {total:.1f} s "
          f"({'under' if total < 120 else 'OVER'} the 2-minute goal); processor time {cpu:.1f} s "
          f"(the wall-clock time on an idle machine; the two differ when other work shares the cores)")
    print(f"SECTIONs with 'is hereby amended/repealed': {counts['amending sections']}; "
          f"with an instruction read: {counts['sections with instructions']}")
    print(f"instructions: {counts['instructions']} in {counts['records with instructions']} records; "
          f"unread (target null): {counts['unread']} ({100 * counts['unread'] / max(1, counts['instructions']):.1f} %); "
          f"target read, action not: {counts['action not read']}")
    print("actions: " + ", ".join(f"{a} {n}" for a, n in actions.most_common()))
    print("why unread:")
    for w, n in warnings.most_common(12):
        print(f"  {n:6d}  {w}")
    if show and unread:
        step = max(1, len(unread) // show)
        for stem, item in unread[::step][:show]:
            print(f"--- {stem} SECTION {item['section']}: {item['warning']}\n    {item['evidence'][:240]}")
    t3 = time.perf_counter()
    family, enacted = _families(folder.parent)
    t_graph = time.perf_counter() - t3
    t3 = time.perf_counter()
    bills = []
    for stem, items in everything.items():
        status = _status(folder, stem)
        action = status.split(": ", 1)[1] if status else None
        b = citator_pages.bill({"id": stem, "number": stem}, None, items, family.get(stem), family.get(stem) in enacted)
        b["state"] = citator_pages.state(action, family.get(stem) in enacted)
        b["live"], b["status"] = b["state"] == "live", status
        bills.append(b)
    every_live = build_index({**b, "live": True, "family": None} for b in bills)
    index = build_index(bills)
    t_index = time.perf_counter() - t3
    gl = [c for c in index["chapters"] if c["code"] == "G.L."]
    reached = sum(len(c["sections"]) for c in gl)
    states = Counter(b["state"] for b in bills)
    print(f"session citator ({t_index:.1f} s; version graph {t_graph:.1f} s): {len(gl)} General Laws chapters and "
          f"{reached} of their sections reached; {index['collisions']} collisions (sections reached by two or more "
          f"live measures); {every_live['collisions']} sections reached by two or more bills counting every bill "
          f"live and every text its own measure")
    print("bills by state: " + ", ".join(f"{k} {n}" for k, n in states.most_common())
          + f"; {len(set(family.values()))} version graphs join {len(family)} texts")
    print("chapters reached by most bills: " + ", ".join(
        f"{c['code'] or c['other']}{' ' + c['year'] if c['year'] else ''} c. {c['chapter']} ({c['bills']})"
        for c in index["chapters"][:8]))
    if pages_out is not None:
        t4 = time.perf_counter()
        written = citator_pages.pages(bills)
        t_pages = time.perf_counter() - t4
        for rel, text in written.items():
            (pages_out / rel).parent.mkdir(parents=True, exist_ok=True)
            (pages_out / rel).write_text(text, encoding="utf-8")
        sizes = sorted(((len(t.encode()), rel) for rel, t in written.items() if rel.endswith(".html")), reverse=True)
        print(f"citator pages: {len(sizes)} HTML pages in {t_pages:.1f} s; largest {sizes[0][0] / 1000:.0f} KB "
              f"({sizes[0][1]}); {sum(1 for n, _ in sizes if n >= 500_000)} of 500 KB or more; JSON "
              f"{len(written['citator/citator.json'].encode()) / 1e6:.1f} MB, CSV "
              f"{len(written['citator/citator.csv'].encode()) / 1e6:.1f} MB")
    if csv_out is not None:
        csv_out.write_text(to_csv(index), encoding="utf-8")
    if out is not None:
        out.write_text(json.dumps(everything, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
