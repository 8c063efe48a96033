"""Apply the 2023 session laws' instructions to the 2023 chapters they amend, and count what applies.

    python bench/apply_sessionlaws.py [SESSIONLAWS.json] [--show N]

The 2023 session laws (``../shared/sources/sessions/193/sessionlaws-2023.json``, the legislature's
``/api/SessionLaws/2023``) amend each other: supplemental budgets amend the year's earlier
chapters.  For every SECTION of a chapter whose instructions amend "chapter N of the acts of
2023" with chapter N in the same file, this runs ``lawdiff.cite.apply.apply_section`` with
chapter N as the base text and prints how many SECTIONs applied exactly and why the others
were refused; ``--show N`` prints N applied results (marked) to check by eye.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from lawdiff.cite import instructions
from lawdiff.cite.apply import apply_section, excerpt
from lawdiff.errors import LawdiffError
from lawdiff.load.documents import parse_bytes

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "sources" / "sessions" / "193" / "sessionlaws-2023.json"


def main(argv: list[str]) -> int:
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 0
    args = [a for i, a in enumerate(argv) if a != "--show" and (i == 0 or argv[i - 1] != "--show")]
    path = Path(args[0]) if args else DEFAULT
    records = json.loads(path.read_bytes())
    start = time.perf_counter()
    docs = {str(r["ChapterNumber"]): parse_bytes(json.dumps(r).encode("utf-8"), f"{path.name}#chapter-{r['ChapterNumber']}",
                                                 {"id": f"acts-2023-{r['ChapterNumber']}"})
            for r in records if r.get("ChapterText")}
    tried = applied = 0
    refused: Counter = Counter()
    shown = []
    for number, bill in docs.items():
        by_section: dict[str, list[dict]] = {}
        for item in instructions(bill):
            by_section.setdefault(item["eid"], []).append(item)
        for eid, items in by_section.items():
            t = items[0]["target"]
            if not t or t.get("code") != "Acts" or t.get("year") != "2023" or t.get("chapter") not in docs:
                continue
            if any(i["target"] != t for i in items):
                continue  # one base text per SECTION
            tried += 1
            try:
                result = apply_section(docs[t["chapter"]], bill, eid)
            except LawdiffError as e:
                refused[re.sub(r"“[^”]*”|\d[\d,.$-]*", "…", str(e).split(": ", 1)[1])] += 1
                continue
            applied += 1
            if len(shown) < show:
                shown.append((number, eid, result))
    print(f"{path.name}: {len(docs)} chapters; {tried} SECTIONs amend another 2023 chapter in the file; "
          f"{applied} applied exactly, {tried - applied} refused ({time.perf_counter() - start:.1f} s)")
    for why, n in refused.most_common():
        print(f"  {n:4d}  {why}")
    for number, eid, result in shown:
        for a in result:
            print(f"--- chapter {number} {eid} → {a.label}\n    {excerpt(a.marked, 80)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
