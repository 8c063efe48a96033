"""Draw the (record, top-level SECTION) pairs whose amending instructions a person reads for issue #23.

Reads ../shared/sources/sessions/193/documents/*.json (or the folder given as the first argument). The frame is every
bill of the session with text (LegislationTypeName "Bill"), and in each bill every paragraph that opens with
"SECTION <number>" (a plain pattern, no parsing); a bill with no such paragraph counts once, as its one unnumbered
section (""). The frame is shuffled with random.Random(SEED) and printed in that order, one pair a line with the
file's sha256; the reader takes pairs from the top, reads every instruction of each drawn SECTION, and stops when
150 or more instructions are read. A drawn paragraph that, read, is not one of the bill's own SECTIONs (a heading
inside inserted text typed in capitals) is kept in bench/real/instructions-sample.toml with a note, never re-drawn.

    python bench/draw_instructions.py [../shared/sources/sessions/193] [COUNT]
"""

import hashlib
import json
import random
import re
import sys
from pathlib import Path

SEED = 193023  # the court (193) and the issue (23)
HEADING = re.compile(r"^\s*SECTION\s*(\d+[A-Z]*)\b")


def frame(folder: Path) -> list[tuple[str, str]]:
    """(documents/<Bill>.json, SECTION number as printed) for every bill with text, in file-name order."""
    pairs = []
    for path in sorted((folder / "documents").glob("*.json")):
        record = json.loads(path.read_bytes())
        text = record.get("DocumentText") or ""
        if record.get("LegislationTypeName") != "Bill" or not text.strip():
            continue
        numbers = [m.group(1) for line in text.splitlines() if (m := HEADING.match(line))]
        for number in numbers or [""]:
            pairs.append((f"documents/{path.name}", number))
    return pairs


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parents[1]
    folder = Path(argv[1]) if len(argv) > 1 else here / "../shared/sources/sessions/193"
    count = int(argv[2]) if len(argv) > 2 else 250
    pairs = frame(folder)
    random.Random(SEED).shuffle(pairs)
    print(f"# {len(pairs)} (bill, SECTION) pairs; seed {SEED}; first {count} in draw order")
    for name, number in pairs[:count]:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        print(f"{name} {number or '-'} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
