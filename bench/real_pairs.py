"""Agreement with the drafters' own ids on real U.S. bill version pairs.

U.S. bill XML (the House/Senate bill DTD: BILLS-117hr2008ih.xml, ...rh.xml, ...)
gives each section, subsection, paragraph and quoted block an ``id`` that stays
the same from one printed version to the next: an alignment truth independent of
lawdiff.  This script reads such files into provision trees (enum -> number,
header -> heading, text -> text), aligns each consecutive pair of versions of a
bill with ``lawdiff.diff.changes.compare`` and reports how many pairs agree with the ids.

    python bench/real_pairs.py DIR     # DIR holds BILLS-*.xml (kept outside the repository)

Massachusetts version pairs have no such ids: with ``--ma FOLDER`` (a folder whose ``api/``
holds the legislature's document records, 193-H1745.json ...) it compares each pair in
``MA_PAIRS`` (a filed bill and the committee's new draft) and prints, over sections (a
bill's SECTIONs and the sections it inserts), how many were paired, moved, renumbered,
inserted and deleted, the time taken, and a sample of pairings with their first words so a
person can judge them against the documents; and every split and join found, with the
first words of each part.

    python bench/real_pairs.py --ma /work/realdocs [--sample N]

The documents are public but are not part of lawdiff: fetch them yourself.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lawdiff.diff.changes import compare  # noqa: E402
from lawdiff.load.documents import parse_bytes  # noqa: E402
from lawdiff.parse.eids import assign_eids  # noqa: E402
from lawdiff.parse.tree import Document, Node  # noqa: E402

KINDS = {"section": "section", "subsection": "subsection", "paragraph": "paragraph",
         "subparagraph": "subparagraph", "clause": "clause", "subclause": "subclause", "item": "item",
         "subitem": "subitem", "title": "title", "subtitle": "subtitle", "part": "part", "division": "division",
         "chapter": "chapter", "quoted-block": "quotedStructure"}
ORDER = ["ih", "is", "rh", "rs", "eh", "es", "rfs", "rfh", "eas", "eah", "enr"]


def _words(el) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _node(el, ids: dict) -> Node:
    node = Node(KINDS[el.tag], num=_words(el.find("enum")) or None, heading=_words(el.find("header")) or None,
                text=" ".join(_words(t) for t in el if t.tag in ("text", "continuation-text")).strip())
    node.children = [_node(c, ids) for c in el if c.tag in KINDS]
    ids[id(node)] = el.get("id")
    return node


def read(path: Path) -> tuple[Document, dict[str, str]]:
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    body = root.find(".//legis-body")
    ids: dict[int, str] = {}
    tree = Node("bill", children=[Node("body", children=[_node(c, ids) for c in body if c.tag in KINDS])])
    assign_eids(tree)
    return Document({"id": path.stem}, tree), {n.eid: ids[id(n)] for n in tree.walk() if id(n) in ids}


# Filed bill -> the committee's new draft (SOURCES.md of the collection says which replaces which).
MA_PAIRS = [("193-H1745", "193-H4115"), ("193-H3306", "193-H4450"), ("193-H83", "193-H4632"),
            ("193-S2267", "193-S2600")]


def _opening(ref: dict | None, doc: Document, words: int = 9) -> str:
    if ref is None:
        return "-"
    node = doc.tree.find(ref["eid"])
    return f"{ref['eid']}: " + " ".join(node.words()[:words]) if node is not None else ref["eid"]


def ma_pairs(folder: Path, sample: int) -> None:
    for old_name, new_name in MA_PAIRS:
        paths = [folder / "api" / f"{name}.json" for name in (old_name, new_name)]
        if not all(p.is_file() for p in paths):
            print(f"{old_name} -> {new_name}: not in {folder / 'api'}")
            continue
        old, new = (parse_bytes(p.read_bytes(), p.name) for p in paths)
        start = time.perf_counter()
        model = compare(old, new)
        seconds = time.perf_counter() - start
        sections = [c for c in model["changes"]
                    if any(ref and ref["eid"].split("__")[-1].startswith("sec_") for ref in (c["old"], c["new"]))]
        paired = [c for c in sections if c["old"] and c["new"]]
        count = {k: sum(1 for c in sections if c["kind"] == k) for k in ("move", "insert", "delete")}
        renumbered = sum(1 for c in paired if c["renumbered"])
        stats = model["stats"]
        print(f"{old_name} -> {new_name}: {len(paired)} sections paired ({count['move']} moved, {renumbered} "
              f"renumbered), {count['insert']} inserted, {count['delete']} deleted; all provisions: "
              f"{stats['modify']} modified, {stats['move']} moved, {stats['insert']} inserted, "
              f"{stats['delete']} deleted, {stats['split']} split, {stats['join']} joined; {seconds:.2f} s")
        step = max(1, len(paired) // sample) if sample else len(paired) + 1
        for c in paired[::step][:sample]:
            print(f"   {c['kind']:8} {_opening(c['old'], old)}\n            -> {_opening(c['new'], new)}")
        for c in [c for c in sections if not (c["old"] and c["new"])][:sample]:
            print(f"   {c['kind']:8} {_opening(c['old'] or c['new'], old if c['old'] else new)}")
        for c in [c for c in model["changes"] if c["kind"] in ("split", "join")]:  # every one, to be read
            olds = [c["old"]] + (c["parts"] if c["kind"] == "join" else [])
            news = [c["new"]] + (c["parts"] if c["kind"] == "split" else [])
            print(f"   {c['kind']:8} " + " + ".join(_opening(r, old) for r in olds)
                  + "\n            -> " + " + ".join(_opening(r, new) for r in news))


def main() -> None:
    if sys.argv[1] == "--ma":
        sample = int(sys.argv[sys.argv.index("--sample") + 1]) if "--sample" in sys.argv else 6
        ma_pairs(Path(sys.argv[2]), sample)
        return
    folder = Path(sys.argv[1])
    bills: dict[str, list[Path]] = {}
    for p in sorted(folder.glob("BILLS-*.xml")):
        m = re.fullmatch(r"BILLS-(\d+[a-z]+\d+)([a-z]+)", p.stem)
        if m and m.group(2) in ORDER:
            bills.setdefault(m.group(1), []).append(p)
    total = agree = 0
    for bill, paths in sorted(bills.items()):
        paths.sort(key=lambda p: ORDER.index(re.fullmatch(r"BILLS-\d+[a-z]+\d+([a-z]+)", p.stem).group(1)))
        for a, b in zip(paths, paths[1:]):
            (da, ia), (db, ib) = read(a), read(b)
            truth = {i for i in ia.values() if i} & {i for i in ib.values() if i}
            model = compare(da, db)
            found = {(ia.get(c["old"]["eid"]), ib.get(c["new"]["eid"]))
                     for c in model["changes"] if c["old"] and c["new"]}
            right = sum(1 for x, y in found if x == y and x in truth)
            wrong = [(x, y) for x, y in found if x != y]
            total += len(truth)
            agree += right
            print(f"{a.stem} -> {b.stem}: {len(truth)} ids on both sides, {right} paired as the ids say, "
                  f"{len(wrong)} paired otherwise; {model['stats']['modify']} modified, "
                  f"{model['stats']['insert']} inserted, {model['stats']['delete']} deleted, "
                  f"{model['stats']['split']} split, {model['stats']['join']} joined")
    print(f"agreement: {agree} of {total} ids")


if __name__ == "__main__":
    main()
