"""Draw the person-read sample of issue #22: 200 records of the 193rd General Court that carry text.

Reads ../shared/sources/sessions/193/documents/*.json (or the folder given as the first argument) and prints, one a
line, the drawn files in draw order with their sha256. The draw is a plain random.Random(SEED).sample over the
records whose DocumentText is non-empty, listed in sorted file-name order, so anyone re-runs it and gets the same
200. Nothing is stratified and nothing is re-drawn; the reading itself lives in bench/real/session-sample.toml.

    python bench/draw_sample.py [../shared/sources/sessions/193]
"""

import hashlib
import json
import random
import sys
from pathlib import Path

SEED = 193022  # the court (193) and the issue (22)
SIZE = 200


def records_with_text(folder: Path) -> list[Path]:
    """Every documents/*.json whose DocumentText holds something other than white space, sorted by name."""
    found = []
    for path in sorted((folder / "documents").glob("*.json")):
        text = json.loads(path.read_bytes()).get("DocumentText") or ""
        if text.strip():
            found.append(path)
    return found


def draw(folder: Path, seed: int = SEED, size: int = SIZE) -> list[Path]:
    return random.Random(seed).sample(records_with_text(folder), size)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "../shared/sources/sessions/193"
    pool = records_with_text(folder)
    print(f"# {len(pool)} records with text; seed {SEED}; {SIZE} drawn")
    for path in random.Random(SEED).sample(pool, SIZE):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        print(f"documents/{path.name} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
