"""Same words beat same number (issue #22, class 8): a section whose words reappear unchanged under
another number pairs with them, not with the section that merely kept its number.  API records
written here in our own words, in the layout of the session's records; the runs renumbered are
the kind real redrafts make (S.2856 -> S.2869, S.2888 -> S.2891: a section put in, the ones after
it renumbered, one of them with a stray comma dropped)."""

from __future__ import annotations

import json

from lawdiff.diff.align import align
from lawdiff.load.documents import parse_bytes


def doc(name: str, *paragraphs: str):
    text = "".join(f"\t{p}\r\n" for p in paragraphs)
    return parse_bytes(json.dumps({"DocumentText": text, "BillNumber": name, "GeneralCourtNumber": 193}).encode(),
                       f"{name}.json")


def pairs(old, new) -> dict[str, str]:
    result = align(old.tree, new.tree)
    return {result.old[o].node.eid: result.new[n].node.eid for o, n in result.pairs.items() if result.old[o].node.eid}


DREDGE_A = "(a) The harbor commission shall publish a yearly plan for the dredging of every public channel."
DREDGE_B = "(b) The plan shall name the channels to be dredged first and the money that each will need."
MOOR_A = "(a) Every town on the coast shall keep a register of its moorings and send a copy each spring."
MOOR_B = "(b) A town that keeps no register shall receive no money from the dredging fund."
WALL_A = "(a) There shall be a coastal resilience fund for grants to towns that raise their sea walls."
WALL_B = "(b) Grants from the fund shall not exceed one half of the cost of a project."
EFFECT = "SECTION 2. This act shall take effect upon its passage."


def test_inserted_sections_renumbered_with_their_words_pair_with_their_words():
    """The quoted "Section 40." has no words of its own (all in its subsections): its number used to
    pair it with the new "Section 40." while its subsections went to "Section 41."."""
    old = doc("H9001", "SECTION 1. Chapter 91 of the General Laws is hereby amended by adding the following 2 "
                       "sections:-", "Section 40.", DREDGE_A, DREDGE_B, "Section 41.", MOOR_A, MOOR_B, EFFECT)
    new = doc("H9002", "SECTION 1. Chapter 91 of the General Laws is hereby amended by adding the following 3 "
                       "sections:-", "Section 40.", WALL_A, WALL_B, "Section 41.", DREDGE_A, DREDGE_B,
              "Section 42.", MOOR_A, MOOR_B, EFFECT)
    got = pairs(old, new)
    assert got["sec_1__qstr_1__sec_40"] == "sec_1__qstr_1__sec_41"
    assert got["sec_1__qstr_1__sec_41"] == "sec_1__qstr_1__sec_42"
    assert got["sec_1__qstr_1__sec_40__subsec_a"] == "sec_1__qstr_1__sec_41__subsec_a"
    assert "sec_1__qstr_1__sec_40" not in {v for k, v in got.items()}  # the new Section 40 is inserted


def test_a_bills_sections_renumbered_pair_with_their_words_even_with_a_stray_comma_dropped():
    """A redraft puts a SECTION 3 in: the old SECTION 3 reappears as SECTION 4 word for word but for a
    comma, and the old SECTION 4 (its words all in its subsections) as SECTION 5.  Its bare number
    used to pair the old SECTION 4 with the new SECTION 4, leaving the old SECTION 3 unpaired."""
    reports = ("The office shall report to the clerks of the house and the senate, on the number of channels "
               "dredged{} and the money spent, not later than March 1 of each year.")
    fund = ("(a) The sum of 5,000,000 dollars is hereby authorized for the dredging fund.",
            "(b) The sum shall be spent within 3 years of the effective date of this act.")
    old = doc("S9001", "SECTION 1. The harbor commission shall make rules for the dredging of channels.",
              "SECTION 2. The commission shall hold a public hearing before it adopts the rules.",
              "SECTION 3. " + reports.format(","), "SECTION 4.", *fund)
    new = doc("S9002", "SECTION 1. The harbor commission shall make rules for the dredging of channels.",
              "SECTION 2. The commission shall hold a public hearing before it adopts the rules.",
              "SECTION 3. The commission shall publish the rules on its website within 30 days.",
              "SECTION 4. " + reports.format(""), "SECTION 5.", *fund)
    got = pairs(old, new)
    assert got["sec_3"] == "sec_4"
    assert got["sec_4"] == "sec_5"
    assert "sec_3" not in got.values()  # the new SECTION 3 is inserted
