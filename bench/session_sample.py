"""Score lawdiff on a person-read sample of session records (``bench/real/session-sample.toml``).

    python bench/session_sample.py [SAMPLE.toml] [--sources FOLDER] [--show]

Each ``[[record]]`` names a record (``file``, under FOLDER: ``../shared/sources/sessions/193`` by
default) with ``sections``, the bill's own top-level SECTION numbers as a person read them,
and ``inserted``, the section numbers inside quoted text over the whole record.  For every
record it compares lawdiff's top-level SECTIONs and its quoted sections (numbers compared as
eids compare them: "SECTION 1 3." is "13"), and whether lawdiff warned (a warning, or
``structure`` false).  The goal (issue #22): at least 99.5 % with the SECTIONs right, and
every record still wrong warned.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from lawdiff.load.documents import parse_bytes
from lawdiff.parse.eids import clean_num

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / ".." / "shared" / "sources" / "sessions" / "193"


def norm(num: str) -> str:
    return clean_num(num).upper()


def top_sections(doc) -> list[str]:
    body = next((c for c in doc.tree.children if c.type == "body"), None)
    return [norm(n.num) for n in body.children if n.type == "section" and n.num] if body else []


def quoted_sections(doc) -> list[str]:
    """The numbered sections inside quoted text, in document order (an inserted chapter's too)."""
    out: list[str] = []

    def visit(node, quoted: bool):
        if quoted and node.type == "section" and node.num:
            out.append(norm(node.num))
        for child in node.children:
            visit(child, quoted or child.type == "quotedStructure")

    visit(doc.tree, False)
    return out


def score(sample: Path, sources: Path, show: bool) -> dict:
    records = tomllib.loads(sample.read_text(encoding="utf-8"))["record"]
    totals = {"records": 0, "sections": 0, "inserted": 0, "wrong_warned": 0, "wrong": 0, "warned": 0,
              "q_wrong": 0, "q_wrong_warned": 0}
    for rec in records:
        doc = parse_bytes((sources / rec["file"]).read_bytes(), rec["file"])
        warned = bool(doc.meta.get("warnings")) or not doc.meta["structure"]
        got, want = top_sections(doc), [norm(s) for s in rec["sections"]]
        got_q, want_q = quoted_sections(doc), [norm(s) for s in rec.get("inserted", [])]
        totals["records"] += 1
        totals["sections"] += got == want
        totals["inserted"] += got_q == want_q
        totals["warned"] += warned
        if got != want:
            totals["wrong"] += 1
            totals["wrong_warned"] += warned
        if got_q != want_q:
            totals["q_wrong"] += 1
            totals["q_wrong_warned"] += warned
        if show and (got != want or got_q != want_q):
            flag = "SECTIONS" if got != want else "inserted"
            print(f"{flag} {rec['number']}{' (warned)' if warned else ''}: person {want} / lawdiff {got}"
                  + (f"\n    inserted: person {want_q} / lawdiff {got_q}" if got_q != want_q else ""))
    return totals


def main(args: list[str]) -> int:
    show = "--show" in args
    args = [a for a in args if a != "--show"]
    sources = SOURCES
    if "--sources" in args:
        i = args.index("--sources")
        sources = Path(args[i + 1])
        del args[i:i + 2]
    sample = Path(args[0]) if args else ROOT / "bench" / "real" / "session-sample.toml"
    t = score(sample, sources, show)
    n = t["records"]
    print(f"{n} records: {t['sections']} with the top-level SECTIONs a person reads "
          f"({100 * t['sections'] / n:.1f} %), {t['inserted']} with the quoted sections; "
          f"{t['wrong']} wrong, {t['wrong_warned']} of them warned; {t['q_wrong']} with the quoted sections "
          f"wrong, {t['q_wrong_warned']} of them warned; {t['warned']} warned in all")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
