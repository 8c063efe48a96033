"""Sweep a whole session of API records: does every record parse, keep every character of its
own text, and give the top-level SECTIONs a plain count finds?

    python bench/session_sweep.py [FOLDER] [--jobs 2] [--list N] [--only H1030,S934] [--json OUT]

FOLDER defaults to ``../shared/sources/sessions/193/documents`` (one
``/api/GeneralCourts/193/Documents/<Bill>`` record a file).  For every record with a
``DocumentText`` it reports:

- crashes (an exception other than lawdiff's own one-line refusal) and refusals;
- lossless: the characters of the tree (whitespace aside) against those of the record's own
  ``DocumentText``, not only against lawdiff's reading of it (a reader that dropped digits
  as line numbers would pass the second and fail this one);
- structure warnings (``meta.warnings``) and ``structure`` false;
- an independent count of the bill's own top-level SECTIONs, with the disagreements listed.

The independent count is deliberately plain and is not the parser: it walks the record's
paragraphs and takes a paragraph opening "SECTION n." (spaces, a space before the stop,
digits split by a space and "SECTION n" alone on its paragraph allowed), printed in capitals, or
as "Section n." where the record's first paragraph opens so (a bill that numbers its own
sections that way), when n carries the bill's numbering on: 1 first, then the next number, or the same number with a later letter
("2A" after "2").  An inserted chapter's own "SECTION 1." restarts at 1 and so is not taken.
It can be wrong too (an inserted chapter's "SECTION 2." after the bill's SECTION 1 is taken):
a disagreement is a record to read, not a verdict.  A record is "warned" when lawdiff says the
structure was not fully read (a warning or ``structure`` false).  ``--json OUT`` writes each
record's figures (its SECTIONs both ways, warnings) to compare two runs.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.load.documents import parse_bytes
from lawdiff.parse.eids import clean_num

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "sources" / "sessions" / "193" / "documents"
# "SECTION 3.", "SECTION 3 .", "SECTION 1 3.", "SECTION 1" alone, "Section   4 .", "SECTION 2:", and the word as
# drafts misprint it: "SECTON 3.", "SECION 2.", "SECITON 344.", "SECTION436." (a person reads each as a SECTION)
OPENER = re.compile(r"^\s*(SECTION|SECTON|SECION|SECITON|Section)(?:\s+|(?=\d))(\d+(?: \d+)?[A-Z]{0,3})\s*(?:[.:]|$)")
_SUFFIX = re.compile(r"(\d+)([A-Z]*)$")


def plain_sections(text: str) -> list[str]:
    """The bill's own SECTION numbers by the plain count (see the module docstring)."""
    out: list[str] = []
    paragraphs = [p for p in text.splitlines() if p.strip()]
    first = OPENER.match(paragraphs[0]) if paragraphs else None
    style = _style(first.group(1)) if first else "SECTION"
    for paragraph in paragraphs:
        m = OPENER.match(paragraph)
        if not m or _style(m.group(1)) != style:
            continue
        if m.group(0).rstrip().endswith(m.group(2)) and paragraph.strip() != m.group(0).strip():
            continue  # "SECTION 5 of chapter ..." is a citation, not an opener
        num = m.group(2).replace(" ", "").upper()
        if _carries_on(out[-1] if out else None, num):
            out.append(num)
    return out


def _style(word: str) -> str:
    return "Section" if word == "Section" else "SECTION"


def _carries_on(before: str | None, num: str) -> bool:
    b = _SUFFIX.match(num)
    if b is None:
        return False
    if before is None:
        return int(b.group(1)) == 1
    a = _SUFFIX.match(before)
    n, m = int(a.group(1)), int(b.group(1))
    return m == n + 1 or (m == n and b.group(2) > a.group(2))


def top_sections(doc) -> list[str]:
    body = next((c for c in doc.tree.children if c.type == "body"), None)
    if body is None:
        return []
    return [clean_num(n.num).upper() for n in body.children if n.type == "section" and n.num]


def sweep_one(path: str) -> dict:
    data = Path(path).read_bytes()
    name = Path(path).stem
    record = json.loads(data.decode("utf-8-sig"))
    text = record.get("DocumentText")
    if not isinstance(text, str) or not text.strip():
        return {"name": name, "skip": True}
    out: dict = {"name": name, "skip": False}
    start = time.process_time()
    try:
        doc = parse_bytes(data, name)
    except LawdiffError as e:
        return {**out, "refused": e.problem}
    except Exception as e:  # noqa: BLE001 - a crash is what we count
        return {**out, "crash": f"{type(e).__name__}: {e}"}
    out["seconds"] = time.process_time() - start
    got = "".join("".join(doc.tree.words()).split())
    want = "".join(text.split())
    out["lossless"] = got == want
    if got != want:
        out["loss"] = _first_difference(want, got)
    out["warnings"] = len(doc.meta.get("warnings", []))
    out["first_warning"] = doc.meta.get("warnings", [""])[0][:160]
    out["structure"] = doc.meta["structure"]
    out["lawdiff"] = top_sections(doc)
    out["plain"] = plain_sections(text)
    return out


def _first_difference(want: str, got: str) -> str:
    i = next((k for k, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    return f"at char {i}: record {want[max(0, i - 25):i + 25]!r} / tree {got[max(0, i - 25):i + 25]!r}"


def main(folder: Path, jobs: int, show: int, only: set[str] | None, out: str | None = None) -> int:
    paths = sorted(str(p) for p in folder.glob("*.json") if not only or p.stem in only)
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        results = list(pool.map(sweep_one, paths, chunksize=16))
    wall = time.perf_counter() - start
    if out:
        Path(out).write_text(json.dumps({r["name"]: r for r in results}, indent=0, sort_keys=True), encoding="utf-8")
    done = [r for r in results if not r["skip"]]
    parsed = [r for r in done if "lawdiff" in r]
    crashes = [r for r in done if "crash" in r]
    refused = [r for r in done if "refused" in r]
    lossy = [r for r in parsed if not r["lossless"]]
    warned = [r for r in parsed if r["warnings"] or not r["structure"]]
    differ = [r for r in parsed if r["lawdiff"] != r["plain"]]
    differ_unwarned = [r for r in differ if not (r["warnings"] or not r["structure"])]
    # Two top-level sections with one number: their eids collide (sec_2, sec_2_2).
    collide = [r for r in parsed if len(set(r["lawdiff"])) != len(r["lawdiff"])]
    shapes = Counter(_shape(r["lawdiff"], r["plain"]) for r in differ_unwarned)
    seconds = sorted(r["seconds"] for r in parsed)
    print(f"{len(results)} records, {len(done)} with text, {len(parsed)} parsed, {len(crashes)} crashed, "
          f"{len(refused)} refused ({wall:.0f} s wall, {jobs} processes)")
    print(f"lossless against DocumentText: {len(parsed) - len(lossy)} of {len(parsed)}")
    print(f"warned (a warning or structure false): {len(warned)}")
    print(f"top-level SECTIONs differ from the plain count: {len(differ)} ({len(differ_unwarned)} of them unwarned)")
    print(f"records with two top-level SECTIONs numbered alike: {len(collide)}")
    print("unwarned disagreements by shape: " + ", ".join(f"{shape} {n}" for shape, n in shapes.most_common()))
    if seconds:
        print(f"CPU per record: median {seconds[len(seconds) // 2] * 1000:.0f} ms, "
              f"slowest {seconds[-1]:.2f} s")
    kinds = Counter(r["crash"].split(":")[0] for r in crashes)
    for kind, n in kinds.most_common():
        print(f"  crash {kind}: {n}")
    for r in (crashes + refused)[:show]:
        print(f"  {r['name']}: {r.get('crash') or r.get('refused')}")
    for r in lossy[:show]:
        print(f"  lossy {r['name']}: {r['loss']}")
    for r in differ[:show]:
        flag = "unwarned" if r in differ_unwarned else "warned  "
        print(f"  {flag} {r['name']}: lawdiff {_short(r['lawdiff'])} / plain {_short(r['plain'])}")
    return 0


def _shape(lawdiff: list[str], plain: list[str]) -> str:
    """How two lists of SECTIONs disagree, to sort the records to read: lawdiff has a number the
    plain count never takes ("XX", "A1", "2CII"); one side finds none; one stops where the other
    goes on (a heading typed loosely, or swallowed into a quotation); otherwise "other"."""
    if any(not re.fullmatch(r"\d+[A-Z]*", n) for n in lawdiff):
        return "not-a-number"
    if not plain:
        return "plain-none"
    if not lawdiff:
        return "lawdiff-none"
    if lawdiff[:len(plain)] == plain:
        return "plain-stops"
    if plain[:len(lawdiff)] == lawdiff:
        return "lawdiff-stops"
    return "other"


def _short(nums: list[str]) -> str:
    if len(nums) <= 12:
        return f"[{' '.join(nums)}]"
    return f"[{' '.join(nums[:6])} … {' '.join(nums[-4:])}] ({len(nums)})"


if __name__ == "__main__":
    args = sys.argv[1:]

    def option(name: str, default: str | None) -> str | None:
        if name in args:
            i = args.index(name)
            value = args[i + 1]
            del args[i:i + 2]
            return value
        return default

    jobs = int(option("--jobs", "2"))
    show = int(option("--list", "40"))
    only = option("--only", None)
    out = option("--json", None)
    folder = Path(args[0]) if args else DEFAULT
    sys.exit(main(folder, jobs, show, set(only.split(",")) if only else None, out))
