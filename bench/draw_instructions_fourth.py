"""Draw a fourth held-out sample of amending SECTIONs for issue #23: 150 SECTIONs, read before the reader is scored.

The frame is bench/draw_instructions_heldout.py's (every amending (bill, top-level SECTION) pair of the session's bills
with text, by a plain pattern), less every pair the three earlier samples hold (bench/real/instructions-sample.toml,
-heldout.toml, -fresh.toml). It is shuffled with random.Random(SEED), a seed not used before, and the first COUNT are
printed with each file's sha256 and the SECTION's opening paragraph. People read every instruction of each drawn SECTION
from the record's DocumentText into bench/real/instructions-fourth.toml, before lawdiff is run on any of them.

    python bench/draw_instructions_fourth.py [../shared/sources/sessions/193] [COUNT]
"""

import hashlib
import importlib.util
import random
import sys
import tomllib
from pathlib import Path

SEED = 1930234  # the court (193), the issue (23), the fourth draw
HERE = Path(__file__).resolve().parent
EARLIER = ("instructions-sample.toml", "instructions-heldout.toml", "instructions-fresh.toml")


def _heldout():
    spec = importlib.util.spec_from_file_location("draw_instructions_heldout", HERE / "draw_instructions_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drawn_before() -> set[tuple[str, str]]:
    """The (file, SECTION) pairs the three earlier samples hold."""
    out = set()
    for name in EARLIER:
        data = tomllib.loads((HERE / "real" / name).read_text(encoding="utf-8"))
        out |= {(s["file"], s.get("section", "")) for s in data.get("section", [])}
    return out


def draw(folder: Path, count: int) -> tuple[list[tuple[str, str, str]], int]:
    """The first COUNT of the shuffled frame, and the frame's size."""
    pairs = _heldout().frame(folder, drawn_before())
    random.Random(SEED).shuffle(pairs)
    return pairs[:count], len(pairs)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else HERE.parent / "../shared/sources/sessions/193"
    count = int(argv[2]) if len(argv) > 2 else 150
    pairs, size = draw(folder, count)
    print(f"# seed {SEED}; first {count} of {size} amending pairs outside the three earlier samples")
    for name, number, line in pairs:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        print(f"{name} {number} {digest}\n    {line[:900]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
