"""Draw a third, fresh held-out sample of amending SECTIONs for issue #23 (after the rules of the second round).

The frame is bench/draw_instructions_heldout.py's (every amending (bill, top-level SECTION) pair of the session's bills
with text, by a plain pattern), less the pairs bench/real/instructions-sample.toml and
bench/real/instructions-heldout.toml already hold. It is shuffled with random.Random(SEED), a seed not used before,
and the first COUNT printed with each file's sha256 and the SECTION's opening paragraph, to read against the record.
A person reads every instruction of each drawn SECTION into bench/real/instructions-fresh.toml.

    python bench/draw_instructions_fresh.py [../shared/sources/sessions/193] [COUNT]
"""

import hashlib
import importlib.util
import random
import sys
import tomllib
from pathlib import Path

SEED = 1930233  # the court (193), the issue (23), the third draw
HERE = Path(__file__).resolve().parent


def _heldout():
    spec = importlib.util.spec_from_file_location("draw_instructions_heldout", HERE / "draw_instructions_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drawn_before() -> set[tuple[str, str]]:
    """The (file, SECTION) pairs the first sample and the second held-out draw hold."""
    out = set()
    for name in ("instructions-sample.toml", "instructions-heldout.toml"):
        data = tomllib.loads((HERE / "real" / name).read_text(encoding="utf-8"))
        out |= {(s["file"], s.get("section", "")) for s in data.get("section", [])}
    return out


def draw(folder: Path, count: int) -> list[tuple[str, str, str]]:
    pairs = _heldout().frame(folder, drawn_before())
    random.Random(SEED).shuffle(pairs)
    return pairs[:count]


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else HERE.parent / "../shared/sources/sessions/193"
    count = int(argv[2]) if len(argv) > 2 else 50
    pairs = draw(folder, count)
    print(f"# seed {SEED}; first {count} amending pairs outside the earlier two samples")
    for name, number, line in pairs:
        digest = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        print(f"{name} {number} {digest}\n    {line[:900]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
