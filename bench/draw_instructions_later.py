"""Draw a later held-out sample of amending SECTIONs for issue #23, read before the reader is scored.

Each later draw has its own seed, never used before, and leaves out every pair the samples before it hold. Its frame
is bench/draw_instructions_heldout.py's (every amending (bill, top-level SECTION) pair of the session's bills with
text, by a plain pattern), less those pairs; it is shuffled with random.Random(seed) and the first COUNT are printed
with each file's sha256 and the SECTION's opening paragraph. People read every instruction of each drawn SECTION from
the record's DocumentText into bench/real/instructions-<name>.toml, before lawdiff is run on any of them.

    python bench/draw_instructions_later.py fresh|fourth|fifth|...|twenty-fifth [../shared/sources/sessions/193] [COUNT]
"""

import hashlib
import importlib.util
import random
import sys
from functools import lru_cache
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
EARLIER = ["instructions-sample.toml", "instructions-heldout.toml", "instructions-fresh.toml"]
LATER = [  # each later draw, in order, and its seed: the court 193, the issue 23, the draw's number
    ("fourth", 1930234), ("fifth", 1930235), ("sixth", 1930236), ("seventh", 1930237), ("eighth", 1930238),
    ("ninth", 1930239), ("tenth", 19302310), ("eleventh", 19302311), ("twelfth", 19302312),
    ("thirteenth", 19302313), ("fourteenth", 19302314), ("fifteenth", 19302315), ("sixteenth", 19302316),
    ("seventeenth", 19302317), ("eighteenth", 19302318), ("nineteenth", 19302319), ("twentieth", 19302320),
    ("twenty-first", 19302321), ("twenty-second", 19302322), ("twenty-third", 19302323),
    ("twenty-fourth", 19302324), ("twenty-fifth", 19302325),
]
DRAWS = {  # name -> (seed, the samples it leaves out: the first three and every later draw before it)
    "fresh": (1930233, EARLIER[:2]),  # the third draw, 50 SECTIONs (instructions-fresh.toml)
    **{name: (seed, EARLIER + [f"instructions-{before}.toml" for before, _ in LATER[:i]])
       for i, (name, seed) in enumerate(LATER)},
}


@lru_cache(maxsize=1)  # one module, so that its frame is read once for every draw
def _heldout():
    spec = importlib.util.spec_from_file_location("draw_instructions_heldout", HERE / "draw_instructions_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drawn_before(name: str) -> set[tuple[str, str]]:
    """The (file, SECTION) pairs the samples before draw ``name`` hold."""
    return set().union(*(_pairs(sample) for sample in DRAWS[name][1]))


@lru_cache(maxsize=None)  # each sample file parsed once, though every later draw leaves it out
def _pairs(sample: str) -> frozenset[tuple[str, str]]:
    data = tomllib.loads((HERE / "real" / sample).read_text(encoding="utf-8"))
    return frozenset((s["file"], s.get("section", "")) for s in data.get("section", []))


def draw(name: str, folder: Path, count: int) -> tuple[list[tuple[str, str, str]], int]:
    """The first COUNT of draw ``name``'s shuffled frame, and the frame's size."""
    pairs = _heldout().frame(folder, drawn_before(name))
    random.Random(DRAWS[name][0]).shuffle(pairs)
    return pairs[:count], len(pairs)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[1] not in DRAWS:
        print(f"usage: python bench/draw_instructions_later.py {'|'.join(DRAWS)} [FOLDER] [COUNT]", file=sys.stderr)
        return 2
    name = argv[1]
    folder = Path(argv[2]) if len(argv) > 2 else HERE.parent / "../shared/sources/sessions/193"
    count = int(argv[3]) if len(argv) > 3 else 150
    pairs, size = draw(name, folder, count)
    print(f"# {name} draw, seed {DRAWS[name][0]}; first {count} of {size} amending pairs outside the samples before it")
    for file, number, line in pairs:
        digest = hashlib.sha256((folder / file).read_bytes()).hexdigest()
        print(f"{file} {number} {digest}\n    {line[:900]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
