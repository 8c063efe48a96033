"""Same words beat same number (issue #22, class 8), on real bill -> enacted chapter pairs.

    python bench/renumbered_twins.py [SESSION_FOLDER] [--show N] [--graph]

For each 2023 session law of ``SESSION_FOLDER/sessionlaws-2023.json`` (default
``../shared/sources/sessions/193``) whose ``OriginBill`` record is in ``documents/``, it aligns the
bill with the chapter (``lawdiff.diff.align``); with ``--graph``, every version edge of the
session's version graph between two texts instead (filed bill -> new draft -> engrossed ->
chapter, ``lawdiff.versions.graph``).  In each pair it looks at the *twins*: a section of the bill
(the bill's own SECTION, or one inside quoted text) whose words, its whole subtree's with the
numbers left out, appear unchanged under exactly one section of the chapter with another number,
and under no other section of either side.  Such a section was renumbered and kept its words;
the aligner should pair it with its twin, not with the section that merely kept its number.  It
prints, over all pairs: the twins, how many the aligner paired with their twin, and the others
(with what they were paired with instead).  Independent of the aligner: the twins are found by
comparing word strings only.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections import Counter
from pathlib import Path

from lawdiff.diff.align import align, content
from lawdiff.load.documents import parse_bytes

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "sources" / "sessions" / "193"
MIN_WORDS = 12  # shorter sections ("This act shall take effect upon its passage.") are not telling


def words(node) -> str:
    out = []

    def walk(n):
        out.extend(re.findall(r"\w+", content(n).casefold()))
        for c in n.children:
            walk(c)

    walk(node)
    return " ".join(out)


def sections(root) -> list:
    return [n for n in root.walk() if n.type == "section" and n.num]


def origin(record: dict) -> str | None:
    raw = record.get("OriginBill")
    if isinstance(raw, str):
        try:
            raw = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            return None
    return raw.get("BillNumber") if isinstance(raw, dict) else None


def bill_chapter_pairs(folder: Path):
    """(label, bill, chapter) for each 2023 chapter whose origin bill has a text."""
    laws = {str(r["ChapterNumber"]): r for r in json.loads((folder / "sessionlaws-2023.json").read_text("utf-8"))}
    for number, record in laws.items():
        bill = origin(record)
        old = _bill(folder, bill) if bill and record.get("ChapterText") else None
        if old is not None:
            yield f"{bill} -> c.{number}", old, _chapter(record)


def graph_pairs(folder: Path):
    """(label, earlier, later) for each version edge of the session graph between two texts."""
    from lawdiff.load.sources import FolderSource
    from lawdiff.versions import graph

    source = FolderSource(folder, 193)
    years = sorted(int(m.group(1)) for p in folder.glob("sessionlaws-*.json")
                   if (m := re.match(r"sessionlaws-(\d{4})\.json$", p.name)))
    laws = {f"acts-{y}-{r['ChapterNumber']}": r for y in years
            for r in json.loads((folder / f"sessionlaws-{y}.json").read_text("utf-8")) if r.get("ChapterText")}
    for edge in graph.whole(source, source.names(), years).edges:
        docs = [_chapter(laws[n]) if n in laws else _bill(folder, n) for n in (edge.earlier, edge.later)]
        if all(d is not None for d in docs):
            yield f"{edge.earlier} -> {edge.later} ({edge.relation})", docs[0], docs[1]


def _bill(folder: Path, name: str):
    path = folder / "documents" / f"{name}.json"
    if not path.is_file() or not json.loads(path.read_bytes().decode("utf-8-sig")).get("DocumentText"):
        return None  # a bill the API gives no text for (a budget filed as a PDF)
    return parse_bytes(path.read_bytes(), path.name)


def _chapter(record: dict):
    name = f"acts-{record.get('Year', 2023)}-{record['ChapterNumber']}"
    return parse_bytes(json.dumps(record).encode("utf-8"), f"{name}.json", {"id": name})


def main(folder: Path, show: int, use_graph: bool) -> int:
    pairs = twins = right = 0
    wrong: list[str] = []
    for label, old, new in (graph_pairs(folder) if use_graph else bill_chapter_pairs(folder)):
        pairs += 1
        olds, news = sections(old.tree), sections(new.tree)
        count = Counter(words(n) for n in olds + news)
        by_words = {}
        for n in news:
            by_words.setdefault(words(n), []).append(n)
        result = align(old.tree, new.tree)
        index_old = {id(it.node): it.index for it in result.old}
        node_new = {it.index: it.node for it in result.new}
        for o in olds:
            w = words(o)
            if len(w.split()) < MIN_WORDS or count[w] != 2 or len(by_words.get(w, ())) != 1:
                continue
            twin = by_words[w][0]
            if twin.num == o.num:
                continue  # kept its number: nothing to decide
            twins += 1
            got = node_new.get(result.pairs.get(index_old[id(o)]))
            if got is twin:
                right += 1
            else:
                wrong.append(f"{label}: {o.eid} ({o.num}) paired with "
                             f"{got.eid if got is not None else 'nothing'}, its twin is {twin.eid}")
    print(f"{pairs} {'version edges' if use_graph else 'bill -> chapter pairs'}; {twins} renumbered twins, {right} paired with their twin, "
          f"{len(wrong)} not")
    for line in wrong[:show]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    show = 30
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    use_graph = "--graph" in args
    args = [a for a in args if a != "--graph"]
    sys.exit(main(Path(args[0]) if args else DEFAULT, show, use_graph))
