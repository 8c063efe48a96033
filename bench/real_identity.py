"""What real documents say they are: how often ``lawdiff add`` can check a file against its entry.

    python bench/real_identity.py FILE_OR_FOLDER...

For each PDF, page or API record named ``<court>-<H|S><number>.<ext>`` or ``<H|S><number>.<ext>``
inside a folder named for its court (``sessions/193/pdf/``), the file name is the claim (what a
person filed it as); ``load.identity.stated`` is what the document says.  Prints per file the
number, General Court and title it states, and the totals: how many state each, how many
contradict their file name (a person's filing, so each contradiction is a finding to read).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.load.documents import parse_bytes
from lawdiff.load.identity import check, stated

_NAME = re.compile(r"^(?:(\d{3})-)?([HS])(\d+)$")


def main(paths: list[str]) -> None:
    files = [f for p in map(Path, paths) for f in (sorted(p.iterdir()) if p.is_dir() else [p])
             if f.suffix.lower() in (".pdf", ".html", ".json") and _NAME.match(f.stem.split("-wordhtml")[0])]
    totals = dict(read=0, refused=0, number=0, session=0, title=0, contradicts=0)
    for f in files:
        m = _NAME.match(f.stem)
        court = int(m.group(1) or next((p for p in f.parts if p.isdigit() and len(p) == 3), 0))
        claim = {"number": f"{m.group(2)}.{m.group(3)}", "session": court or None}
        try:
            doc = parse_bytes(f.read_bytes(), f, {})
        except LawdiffError as e:
            totals["refused"] += 1
            print(f"{f.name}: refused ({e.problem[:60]})")
            continue
        totals["read"] += 1
        own = stated(doc)
        for key in ("number", "session", "title"):
            totals[key] += key in own
        try:
            check(doc, f.stem.lower(), claim, f.name)
            verdict = "agrees" if own.keys() & {"number", "session"} else "states nothing to check"
        except LawdiffError as e:
            totals["contradicts"] += 1
            verdict = e.problem
        print(f"{f.name}: {own.get('number', '-')} {own.get('session', '-')} {verdict}")
    print(f"\n{len(files)} files: {totals['read']} read, {totals['refused']} refused; of those read, "
          f"{totals['number']} state their number, {totals['session']} their General Court, "
          f"{totals['title']} their title; {totals['contradicts']} contradict their file name")


if __name__ == "__main__":
    main(sys.argv[1:])
