"""Agreement with the drafters' own ids on real U.S. bill version pairs.

U.S. bill XML (the House/Senate bill DTD: BILLS-117hr2008ih.xml, ...rh.xml, ...)
gives each section, subsection, paragraph and quoted block an ``id`` that stays
the same from one printed version to the next: an alignment truth independent of
lawdiff.  This script reads such files into provision trees (enum -> number,
header -> heading, text -> text), aligns each consecutive pair of versions of a
bill with ``lawdiff.diff.changes.compare`` and reports how many pairs agree with the ids.

    python bench/real_pairs.py DIR     # DIR holds BILLS-*.xml (kept outside the repository)

The documents are public but are not part of lawdiff: fetch them yourself.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lawdiff.diff.changes import compare  # noqa: E402
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


def main() -> None:
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
                  f"{model['stats']['insert']} inserted, {model['stats']['delete']} deleted")
    print(f"agreement: {agree} of {total} ids")


if __name__ == "__main__":
    main()
