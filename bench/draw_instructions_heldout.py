"""Draw a held-out sample of amending SECTIONs for issue #23, after the reader's rules were written.

Reads ../shared/sources/sessions/193/documents/*.json (or the folder given as the first argument). The frame is every
(bill, top-level SECTION) pair of the session's bills with text, as bench/draw_instructions.py lists them (a paragraph
opening "SECTION <number>"), kept only where that paragraph says "is/are hereby [further] amended" or "repealed" (an
amending SECTION, by a plain pattern, no parsing), less the pairs bench/real/instructions-sample.toml already holds.
The frame is shuffled with random.Random(SEED) and the first COUNT printed, one a line with the file's sha256 and the
SECTION's opening paragraph (to read against the record). A person reads every instruction of each drawn SECTION
into bench/real/instructions-heldout.toml.

    python bench/draw_instructions_heldout.py [../shared/sources/sessions/193] [COUNT]
"""

import hashlib
import json
import random
import re
import sys
import tomllib
from functools import lru_cache
from pathlib import Path

SEED = 1930232  # the court (193), the issue (23), the second draw
HEADING = re.compile(r"^\s*SECTION\s*(\d+[A-Z]*)\b")
AMENDING = re.compile(r"\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?(?:amended|repealed)\b", re.I)


def frame(folder: Path, drawn: set) -> list[tuple[str, str, str]]:
    """(documents/<Bill>.json, SECTION number, its opening paragraph) of every amending SECTION, in file-name order,
    less the pairs ``drawn``."""
    return [pair for pair in _amending(folder) if pair[:2] not in drawn]


@lru_cache(maxsize=2)
def _amending(folder: Path) -> tuple[tuple[str, str, str], ...]:
    """Every amending SECTION of the folder's bills, read once (each later draw leaves out other pairs of the same
    frame: tests/test_session_samples.py redraws 24 of them)."""
    out = []
    for path in sorted((folder / "documents").glob("*.json")):
        record = json.loads(path.read_bytes())
        text = record.get("DocumentText") or ""
        if record.get("LegislationTypeName") != "Bill" or not text.strip():
            continue
        seen = set()
        for line in text.splitlines():
            m = HEADING.match(line)
            if not m or m.group(1) in seen:
                continue  # a number printed twice: the first, as the first sample reads it
            seen.add(m.group(1))
            if AMENDING.search(line):
                out.append((f"documents/{path.name}", m.group(1), " ".join(line.split())))
    return tuple(out)


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parents[1]
    folder = Path(argv[1]) if len(argv) > 1 else here / "../shared/sources/sessions/193"
    count = int(argv[2]) if len(argv) > 2 else 40
    first = tomllib.loads((here / "bench/real/instructions-sample.toml").read_text(encoding="utf-8"))
    drawn = {(s["file"], s.get("section", "")) for s in first.get("section", [])}
    pairs = frame(folder, drawn)
    random.Random(SEED).shuffle(pairs)
    print(f"# {len(pairs)} amending (bill, SECTION) pairs outside the first sample; seed {SEED}; first {count}")
    for name, number, line in pairs[:count]:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        print(f"{name} {number} {digest}\n    {line[:700]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
