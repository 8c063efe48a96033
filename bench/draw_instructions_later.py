"""Draw a later held-out sample of amending SECTIONs for issue #23, read before the reader is scored.

Each later draw has its own seed, never used before, and leaves out every pair the samples before it hold. Its frame
is bench/draw_instructions_heldout.py's (every amending (bill, top-level SECTION) pair of the session's bills with
text, by a plain pattern), less those pairs; it is shuffled with random.Random(seed) and the first COUNT are printed
with each file's sha256 and the SECTION's opening paragraph. People read every instruction of each drawn SECTION from
the record's DocumentText into bench/real/instructions-<name>.toml, before lawdiff is run on any of them.

    python bench/draw_instructions_later.py fresh|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth [../shared/sources/sessions/193] [COUNT]
"""

import hashlib
import importlib.util
import random
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
EARLIER = ["instructions-sample.toml", "instructions-heldout.toml", "instructions-fresh.toml"]
DRAWS = {  # name -> (seed: the court 193, the issue 23, the draw's number; the samples it leaves out)
    "fresh": (1930233, EARLIER[:2]),  # the third draw, 50 SECTIONs (instructions-fresh.toml)
    "fourth": (1930234, EARLIER),
    "fifth": (1930235, EARLIER + ["instructions-fourth.toml"]),
    "sixth": (1930236, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml"]),
    "seventh": (1930237, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml"]),
    "eighth": (1930238, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                   "instructions-seventh.toml"]),
    "ninth": (1930239, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                  "instructions-seventh.toml", "instructions-eighth.toml"]),
    "tenth": (19302310, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                   "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml"]),
    "eleventh": (19302311, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                      "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                      "instructions-tenth.toml"]),
    "twelfth": (19302312, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                     "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                     "instructions-tenth.toml", "instructions-eleventh.toml"]),
    "thirteenth": (19302313, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                        "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                        "instructions-tenth.toml", "instructions-eleventh.toml",
                                        "instructions-twelfth.toml"]),
    "fourteenth": (19302314, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                        "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                        "instructions-tenth.toml", "instructions-eleventh.toml",
                                        "instructions-twelfth.toml", "instructions-thirteenth.toml"]),
    "fifteenth": (19302315, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                       "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                       "instructions-tenth.toml", "instructions-eleventh.toml",
                                       "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                       "instructions-fourteenth.toml"]),
    "sixteenth": (19302316, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                       "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                       "instructions-tenth.toml", "instructions-eleventh.toml",
                                       "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                       "instructions-fourteenth.toml", "instructions-fifteenth.toml"]),
    "seventeenth": (19302317, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                         "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                         "instructions-tenth.toml", "instructions-eleventh.toml",
                                         "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                         "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                         "instructions-sixteenth.toml"]),
    "eighteenth": (19302318, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                        "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                        "instructions-tenth.toml", "instructions-eleventh.toml",
                                        "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                        "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                        "instructions-sixteenth.toml", "instructions-seventeenth.toml"]),
    "nineteenth": (19302319, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                        "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                        "instructions-tenth.toml", "instructions-eleventh.toml",
                                        "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                        "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                        "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                        "instructions-eighteenth.toml"]),
    "twentieth": (19302320, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                       "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                       "instructions-tenth.toml", "instructions-eleventh.toml",
                                       "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                       "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                       "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                       "instructions-eighteenth.toml", "instructions-nineteenth.toml"]),
    "twenty-first": (19302321, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml", "instructions-sixth.toml",
                                          "instructions-seventh.toml", "instructions-eighth.toml", "instructions-ninth.toml",
                                          "instructions-tenth.toml", "instructions-eleventh.toml",
                                          "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                          "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                          "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                          "instructions-eighteenth.toml", "instructions-nineteenth.toml",
                                          "instructions-twentieth.toml"]),
    "twenty-second": (19302322, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml",
                                           "instructions-sixth.toml", "instructions-seventh.toml",
                                           "instructions-eighth.toml", "instructions-ninth.toml",
                                           "instructions-tenth.toml", "instructions-eleventh.toml",
                                           "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                           "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                           "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                           "instructions-eighteenth.toml", "instructions-nineteenth.toml",
                                           "instructions-twentieth.toml", "instructions-twenty-first.toml"]),
    "twenty-third": (19302323, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml",
                                          "instructions-sixth.toml", "instructions-seventh.toml",
                                          "instructions-eighth.toml", "instructions-ninth.toml",
                                          "instructions-tenth.toml", "instructions-eleventh.toml",
                                          "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                          "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                          "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                          "instructions-eighteenth.toml", "instructions-nineteenth.toml",
                                          "instructions-twentieth.toml", "instructions-twenty-first.toml",
                                          "instructions-twenty-second.toml"]),
    "twenty-fourth": (19302324, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml",
                                           "instructions-sixth.toml", "instructions-seventh.toml",
                                           "instructions-eighth.toml", "instructions-ninth.toml",
                                           "instructions-tenth.toml", "instructions-eleventh.toml",
                                           "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                           "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                           "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                           "instructions-eighteenth.toml", "instructions-nineteenth.toml",
                                           "instructions-twentieth.toml", "instructions-twenty-first.toml",
                                           "instructions-twenty-second.toml", "instructions-twenty-third.toml"]),
    "twenty-fifth": (19302325, EARLIER + ["instructions-fourth.toml", "instructions-fifth.toml",
                                          "instructions-sixth.toml", "instructions-seventh.toml",
                                          "instructions-eighth.toml", "instructions-ninth.toml",
                                          "instructions-tenth.toml", "instructions-eleventh.toml",
                                          "instructions-twelfth.toml", "instructions-thirteenth.toml",
                                          "instructions-fourteenth.toml", "instructions-fifteenth.toml",
                                          "instructions-sixteenth.toml", "instructions-seventeenth.toml",
                                          "instructions-eighteenth.toml", "instructions-nineteenth.toml",
                                          "instructions-twentieth.toml", "instructions-twenty-first.toml",
                                          "instructions-twenty-second.toml", "instructions-twenty-third.toml",
                                          "instructions-twenty-fourth.toml"]),
}


def _heldout():
    spec = importlib.util.spec_from_file_location("draw_instructions_heldout", HERE / "draw_instructions_heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def drawn_before(name: str) -> set[tuple[str, str]]:
    """The (file, SECTION) pairs the samples before draw ``name`` hold."""
    out = set()
    for sample in DRAWS[name][1]:
        data = tomllib.loads((HERE / "real" / sample).read_text(encoding="utf-8"))
        out |= {(s["file"], s.get("section", "")) for s in data.get("section", [])}
    return out


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
