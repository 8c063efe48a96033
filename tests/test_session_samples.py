"""The person-read samples in bench/real/ (issues #22 and #23) stay what their drawing scripts say they are.

session-sample.toml must list exactly the 200 records bench/draw_sample.py draws, in draw order, with the sha256 of
the bytes in ../shared/sources/sessions/193; instructions-sample.toml must hold the first pairs
bench/draw_instructions.py draws, none skipped, with instruction entries that agree with their SECTION's count.
The readings themselves are a person's and are not checked against the program here.
"""

import hashlib
import importlib.util
import tomllib
from collections import Counter
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SESSION = ROOT / "../shared/sources/sessions/193"
ACTIONS = {"insert", "strike", "replace", "add", "repeal", "amend"}
CODES = {"G.L.", "Acts", "Special Acts", "Constitution", "Resolves"}  # a reader may name a resolve (H.1803)


@lru_cache(maxsize=None)  # each script loaded once: the later draws share one frame of the session (read once)
def _script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sha(name):
    return hashlib.sha256((SESSION / name).read_bytes()).hexdigest()


def test_the_session_sample_is_the_seeded_draw_with_the_files_own_digests():
    records = tomllib.loads((ROOT / "bench/real/session-sample.toml").read_text(encoding="utf-8"))["record"]
    drawn = [f"documents/{p.name}" for p in _script("draw_sample").draw(SESSION)]
    assert [r["file"] for r in records] == drawn
    assert len(set(drawn)) == 200
    for r in records:
        assert r["sha256"] == _sha(r["file"])
        assert r["number"] == Path(r["file"]).stem
        assert all(isinstance(n, str) and n for n in r["sections"] + r["inserted"])


def test_the_instruction_sample_is_a_prefix_of_the_seeded_draw_and_adds_up():
    data = tomllib.loads((ROOT / "bench/real/instructions-sample.toml").read_text(encoding="utf-8"))
    sections, instructions = data["section"], data["instruction"]
    module = _script("draw_instructions")
    pairs = module.frame(SESSION)
    import random

    random.Random(module.SEED).shuffle(pairs)
    assert [(s["file"], s["section"]) for s in sections] == pairs[: len(sections)]
    assert [s["draw"] for s in sections] == list(range(1, len(sections) + 1))
    assert sum(s["instructions"] for s in sections) == len(instructions) >= 150
    per_file = Counter(i["file"] for i in instructions)
    counted = Counter()
    for s in sections:
        assert s["sha256"] == _sha(s["file"])
        counted[s["file"]] += s["instructions"]
    assert per_file == +counted
    keys = Counter((i["file"], i["section"], i["index"]) for i in instructions)
    assert max(keys.values()) == 1
    for i in instructions:
        assert i["action"] in ACTIONS
        assert i.get("code") in CODES or ("code" not in i and i.get("other"))
        assert "target_section" in i or "inserts" in i or i.get("new_chapter") or i["action"] == "repeal" or "other" in i
        assert len(i["evidence"].replace("…", " ").split()) <= 13


def test_the_held_out_instruction_sample_is_the_seeded_draw_and_adds_up():
    data = tomllib.loads((ROOT / "bench/real/instructions-heldout.toml").read_text(encoding="utf-8"))
    first = tomllib.loads((ROOT / "bench/real/instructions-sample.toml").read_text(encoding="utf-8"))
    sections, instructions = data["section"], data["instruction"]
    module = _script("draw_instructions_heldout")
    pairs = module.frame(SESSION, {(s["file"], s.get("section", "")) for s in first["section"]})
    import random

    random.Random(module.SEED).shuffle(pairs)
    assert [(s["file"], s["section"]) for s in sections] == [(f, n) for f, n, _ in pairs[:80]]
    assert sum(s["instructions"] for s in sections) == len(instructions) == 82
    for s in sections:
        assert s["sha256"] == _sha(s["file"])
    for i in instructions:
        assert i["action"] in ACTIONS and (i.get("code") in CODES or ("code" not in i and i.get("other")))
        assert len(i["evidence"].replace("…", " ").split()) <= 13


def _later_draw(name: str, count: int, total: int):
    """bench/real/instructions-<name>.toml holds draw ``name`` of bench/draw_instructions_later.py, adding up."""
    data = tomllib.loads((ROOT / f"bench/real/instructions-{name}.toml").read_text(encoding="utf-8"))
    sections, instructions = data["section"], data["instruction"]
    module = _script("draw_instructions_later")
    drawn, _ = module.draw(name, SESSION, count)
    assert [(s["file"], s["section"]) for s in sections] == [(f, n) for f, n, _ in drawn]
    assert [s["draw"] for s in sections] == list(range(1, count + 1))
    assert not {(s["file"], s["section"]) for s in sections} & module.drawn_before(name)  # none drawn before
    seeds = [_script(n).SEED for n in ("draw_instructions", "draw_instructions_heldout")]
    seeds += [seed for other, (seed, _) in module.DRAWS.items() if other != name]
    assert module.DRAWS[name][0] not in seeds
    assert sum(s["instructions"] for s in sections) == len(instructions) == total
    per_section = Counter((i["file"], i["section"]) for i in instructions)
    assert all(per_section[(s["file"], s["section"])] == s["instructions"] for s in sections)
    keys = Counter((i["file"], i["section"], i["index"]) for i in instructions)
    assert max(keys.values()) == 1
    for s in sections:
        assert s["sha256"] == _sha(s["file"])
    for i in instructions:
        assert i["action"] in ACTIONS
        # a code, or a charter named in `other`, or none where the SECTION's note says the words do not tell
        noted = i.get("note") or any(s.get("note") for s in sections if (s["file"], s["section"]) == (i["file"], i["section"]))
        assert i.get("code") in CODES or ("code" not in i and (i.get("other") or noted))
        assert len(i["evidence"].replace("…", " ").split()) <= 20  # a short excerpt to find it, no more


def test_the_fresh_instruction_sample_is_the_third_seeded_draw_and_adds_up():
    _later_draw("fresh", 50, 52)


def test_the_fourth_instruction_sample_is_the_fourth_seeded_draw_and_adds_up():
    _later_draw("fourth", 150, 151)


def test_the_fifth_instruction_sample_is_the_fifth_seeded_draw_and_adds_up():
    _later_draw("fifth", 150, 152)


def test_the_sixth_instruction_sample_is_the_sixth_seeded_draw_and_adds_up():
    _later_draw("sixth", 150, 157)


def test_the_seventh_instruction_sample_is_the_seventh_seeded_draw_of_300_and_adds_up():
    _later_draw("seventh", 300, 309)


def test_the_eighth_instruction_sample_is_the_eighth_seeded_draw_of_300_and_adds_up():
    _later_draw("eighth", 300, 314)


def _scored(name: str) -> dict:
    data = tomllib.loads((ROOT / "bench/real" / name).read_text(encoding="utf-8"))
    fields = ("code", "chapter", "target_section", "action")
    return {(i["file"], i["section"], i["index"]): tuple(i.get(f) for f in fields) for i in data["instruction"]}


def test_two_people_reading_the_fourth_draw_agree_on_what_the_citator_is_scored_on():
    first, second = _scored("instructions-fourth.toml"), _scored("instructions-fourth-second.toml")
    assert len(first) == 151 and first == second


def test_two_people_reading_the_fifth_draw_agree_once_the_one_difference_was_settled():
    """They differed on H1169 SECTION 1 alone (insert or add); the lead settled it from the words, before
    lawdiff was scored, as the second reader read it (the first file's note says so)."""
    first, second = _scored("instructions-fifth.toml"), _scored("instructions-fifth-second.toml")
    assert len(first) == 152 and first == second


def test_two_people_reading_the_sixth_draw_agree_on_what_the_citator_is_scored_on():
    first, second = _scored("instructions-sixth.toml"), _scored("instructions-sixth-second.toml")
    assert len(first) == 157 and first == second


def test_the_ninth_instruction_sample_is_the_ninth_seeded_draw_of_300_and_adds_up():
    _later_draw("ninth", 300, 307)


def test_the_tenth_instruction_sample_is_the_tenth_seeded_draw_of_300_and_adds_up():
    _later_draw("tenth", 300, 306)


def test_the_eleventh_instruction_sample_is_the_eleventh_seeded_draw_of_300_and_adds_up():
    _later_draw("eleventh", 300, 322)


def test_the_twelfth_instruction_sample_is_the_twelfth_seeded_draw_of_300_and_adds_up():
    _later_draw("twelfth", 300, 311)


def test_the_thirteenth_instruction_sample_is_the_thirteenth_seeded_draw_of_300_and_adds_up():
    _later_draw("thirteenth", 300, 306)


def test_the_fourteenth_instruction_sample_is_the_fourteenth_seeded_draw_of_300_and_adds_up():
    _later_draw("fourteenth", 300, 321)


def test_the_fifteenth_instruction_sample_is_the_fifteenth_seeded_draw_of_300_and_adds_up():
    _later_draw("fifteenth", 300, 363)


def test_the_sixteenth_instruction_sample_is_the_sixteenth_seeded_draw_of_300_and_adds_up():
    _later_draw("sixteenth", 300, 316)


def test_the_seventeenth_instruction_sample_is_the_seventeenth_seeded_draw_of_300_and_adds_up():
    _later_draw("seventeenth", 300, 304)


def test_the_eighteenth_instruction_sample_is_the_eighteenth_seeded_draw_of_300_and_adds_up():
    _later_draw("eighteenth", 300, 324)


def test_the_nineteenth_instruction_sample_is_the_nineteenth_seeded_draw_of_300_and_adds_up():
    _later_draw("nineteenth", 300, 308)


def test_the_twentieth_instruction_sample_is_the_twentieth_seeded_draw_of_300_and_adds_up():
    _later_draw("twentieth", 300, 308)


def test_the_twenty_first_instruction_sample_is_the_twenty_first_seeded_draw_of_300_and_adds_up():
    _later_draw("twenty-first", 300, 312)


def test_the_twenty_second_instruction_sample_is_the_twenty_second_seeded_draw_of_300_and_adds_up():
    _later_draw("twenty-second", 300, 312)


def test_the_twenty_third_instruction_sample_is_the_twenty_third_seeded_draw_of_300_and_adds_up():
    _later_draw("twenty-third", 300, 313)


def test_the_twenty_fourth_instruction_sample_is_the_twenty_fourth_seeded_draw_of_300_and_adds_up():
    _later_draw("twenty-fourth", 300, 303)


def test_the_twenty_fifth_instruction_sample_is_the_twenty_fifth_seeded_draw_of_300_and_adds_up():
    _later_draw("twenty-fifth", 300, 314)
