"""Score the reader and parser on a folder of real documents against what a person read in them.

    python bench/real_documents.py FOLDER [--show-failures]

FOLDER holds the documents; ``bench/real/expected.toml`` has one ``[[doc]]`` per document:
``file``, ``format``, ``sections`` (top-level SECTION numbers in printed order, as a person
reads them; ``[]`` with ``unnumbered = true`` for a one-section act), optionally ``inserted``
({SECTION -> sections it inserts inside quoted text}), ``inserted_chapters``, ``record``
(fields selecting one record of a list answer, e.g. ``/api/SessionLaws/2023``), and the
provenance (``repo``, ``path``, ``commit``, ``sha256``).  The documents themselves are not
in this repository: they are public records cached by other projects; ``bench/real/``
holds the list (SOURCES.md) and the expectations (expected.toml) for 54 of them.  The
expectations are this repository's (a person's corrections are made there), not the copy
that may lie in FOLDER beside the documents.

For each document it prints whether the SECTION list, the inserted sections and the words
(every word of the reading in the tree, in order) come out as the person read them, the
warnings lawdiff raised, and the time taken; then the totals.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
import tomllib
from pathlib import Path

from lawdiff.load.documents import parse_bytes
from lawdiff.parse.eids import clean_num
from lawdiff.errors import LawdiffError
from lawdiff.read import read


def main(folder: Path, show: bool) -> int:
    expected = Path(__file__).resolve().parent / "real" / "expected.toml"
    docs = tomllib.loads(expected.read_text(encoding="utf-8"))["doc"]
    totals = {"documents": 0, "sections": 0, "inserted": 0, "lossless": 0, "refused": 0, "missing": 0}
    per_format: dict[str, list[int]] = {}
    for exp in docs:
        if not (folder / exp["file"]).is_file():  # a folder that holds some of the documents
            totals["missing"] += 1
            continue
        r = check(folder, exp)
        name = r["name"]
        totals["documents"] += 1
        if r["refused"]:
            totals["refused"] += 1
            print(f"REFUSED  {name}: {r['refused']}")
            continue
        totals["sections"] += r["sections_ok"]
        totals["inserted"] += r["inserted_ok"]
        totals["lossless"] += r["lossless"]
        per_format.setdefault(exp["format"], [0, 0])
        per_format[exp["format"]][0] += r["sections_ok"] and r["inserted_ok"]
        per_format[exp["format"]][1] += 1
        flag = "ok      " if r["right"] else "WRONG   "
        warn = f"  warnings: {len(r['warnings'])}" if r["warnings"] else ""
        print(f"{flag}{name}: {len(r['want'])} sections{'' if r['sections_ok'] else ' (sections differ)'}"
              f"{'' if r['inserted_ok'] else ' (inserted differ)'}{'' if r['lossless'] else ' (words lost)'}"
              f"  {r['seconds']:.2f} s{warn}")
        if show and not (r["sections_ok"] and r["inserted_ok"]):
            print(f"    person: {r['want']}\n    lawdiff: {r['got']}")
            for key, (want, got) in r["inserted_wrong"].items():
                print(f"    SECTION {key} inserts: person {want}, lawdiff {got}")
            for w in r["warnings"][:5]:
                print(f"    warning: {w}")
    n = totals["documents"]
    print(f"\n{n} documents: {totals['sections']} with the SECTIONs a person reads, {totals['inserted']} with "
          f"the inserted sections, {totals['lossless']} lossless, {totals['refused']} refused"
          + (f" ({totals['missing']} listed in expected.toml not in {folder})" if totals["missing"] else ""))
    for fmt, (good, count) in sorted(per_format.items()):
        print(f"  {fmt}: {good} of {count} right")
    return 0


def check(folder: Path, exp: dict) -> dict:
    """One document against what the person read: its SECTIONs, the sections each inserts, every
    character of the reading in the tree (in order), the warnings, the time taken."""
    data = _bytes(folder, exp)
    name = exp["file"] + (f" {exp['record']}" if exp.get("record") else "")
    start = time.perf_counter()
    try:
        doc = parse_bytes(data, name)
    except LawdiffError as e:
        return {"name": name, "refused": e.problem, "right": False}
    seconds = time.perf_counter() - start
    got = _sections(doc)
    want = [_norm(s) for s in exp["sections"]] or ([""] if exp.get("unnumbered") else [])
    inserted_wrong = {key: (want_i, _inserted(doc, key)) for key, want_i in (exp.get("inserted") or {}).items()
                      if _inserted(doc, key) != [_norm(s) for s in want_i]}
    # Every character of the reading in the tree, in order: "SECTION 14.Chapter" is read as
    # the number "SECTION 14." and the text "Chapter", which changes spacing, not characters.
    chars = "".join(w for line in read(data, name).lines for w in line.text.split())
    lossless = "".join(doc.tree.words()) == chars
    warnings = doc.meta.get("warnings", [])
    return {"name": name, "refused": None, "got": got, "want": want, "sections_ok": got == want,
            "inserted_ok": not inserted_wrong, "inserted_wrong": inserted_wrong, "lossless": lossless,
            "warnings": warnings, "warned": bool(warnings) or not doc.meta["structure"], "seconds": seconds,
            "right": got == want and not inserted_wrong and lossless}


def _bytes(folder: Path, exp: dict) -> bytes:
    data = (folder / exp["file"]).read_bytes()
    if exp.get("sha256") and not exp.get("record"):
        assert hashlib.sha256(data).hexdigest() == exp["sha256"], exp["file"]
    if exp.get("record"):  # one record of a list answer, as the API would serve it alone
        records = json.loads(data)
        (record,) = [r for r in records if all(str(r.get(k)) == str(v) for k, v in exp["record"].items())]
        data = json.dumps(record).encode("utf-8")
    return data


def _norm(num: str) -> str:
    """A section number as printed, compared as eids compare it: "2C.I" is "2CI"."""
    return clean_num(num).upper()


def _body(doc):
    return next((c for c in doc.tree.children if c.type == "body"), None)


def _sections(doc) -> list[str]:
    body = _body(doc)
    if body is None:
        return []
    return [clean_num(n.num).upper() if n.num else "" for n in body.children if n.type == "section"]


def _inserted(doc, key: str) -> list[str]:
    body = _body(doc)
    tops = [n for n in body.children if n.type == "section" and (clean_num(n.num).upper() if n.num else "") == _norm(key)]
    out = []
    for top in tops[:1]:
        for q in (c for c in top.walk() if c.type == "quotedStructure"):
            for child in q.children:
                kids = child.children if child.type == "chapter" else [child]
                out += [clean_num(k.num).upper() for k in kids if k.type == "section" and k.num]
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    sys.exit(main(Path(args[0]), "--show-failures" in sys.argv))
