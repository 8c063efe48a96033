"""Alignment on real version pairs of the 193rd General Court, read from ``../shared/sources``
(the legislature's API answers, beside the checkout as in CI; never copied into the repository).

Expected pairs are what a person reads in the two texts."""

import json
from pathlib import Path

from lawdiff import parse_bytes
from lawdiff.diff.changes import compare

SESSION = Path(__file__).resolve().parents[1].parent / "shared" / "sources" / "sessions" / "193"
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"]


def record(bill: str):
    path = SESSION / "documents" / f"{bill}.json"
    return parse_bytes(path.read_bytes(), path, {"kind": "bill", "id": f"193-{bill.lower()}"})


def session_law(year: int, chapter: str):
    laws = json.loads((SESSION / f"sessionlaws-{year}.json").read_bytes())
    (law,) = [r for r in laws if str(r["ChapterNumber"]) == chapter]
    return parse_bytes(json.dumps(law).encode(), f"acts-{year}-{chapter}.json", {"kind": "act", "id": f"acts-{year}-{chapter}"})


def test_items_renumbered_as_clauses_in_the_enacted_chapter_pair_with_them():
    """H.3907 (Sandisfield select board) became Chapter 61 of the Acts of 2023: the select
    board's powers, items (1) to (8) of SECTION 1(b), are clauses (i) to (viii) there, most with
    the same words ("(1) serve as the chief policy making body of the town;" -> "(i) serve as
    the chief policy-making body of the town;").  Each is one provision renumbered, not a
    deletion and an insertion."""
    model = compare(record("H3907"), session_law(2023, "61"))
    pairs = {(c["old"] or {}).get("eid"): (c["new"] or {}).get("eid") for c in model["changes"]}
    for n, r in enumerate(ROMAN, 1):
        assert pairs.get(f"sec_1__subsec_b__para_{n}") == f"sec_1__subsec_b__cl_{r}"
    # the same in SECTION 2(c): the town manager's duties (1)-(3) -> (i)-(iii)
    for n, r in enumerate(ROMAN[:3], 1):
        assert pairs.get(f"sec_2__subsec_c__para_{n}") == f"sec_2__subsec_c__cl_{r}"
    # the two texts differ in a few hundred words, not in every word of the lists
    stats = model["stats"]
    assert stats["words_deleted"] < 300 and stats["words_inserted"] < 300
