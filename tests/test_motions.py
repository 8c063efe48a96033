"""A floor amendment's motion read by the citator (issue #21 item 6): what it does to the bill and
which law the SECTIONs it inserts amend.  Motions here are written for the tests in the layout of
the legislature's amendment records ("Mr. Tarr moves that the proposed new text be amended by ...");
the real amendment 25 of S.2834 is read in tests/test_amendments.py."""

from __future__ import annotations

import pytest

from lawdiff.cite.labels import describe_motion
from lawdiff.cite.motions import amendment_instructions, motion_instructions


@pytest.mark.parametrize("text, said", [
    ("Ms. Lee moves to amend the bill in section 12, in line 10, by striking out the word “may” and inserting in "
     "place thereof the following word:- “shall”.", "replaces “may” in section 12, line 10"),
    ("Mr. Park moves to amend the bill by striking out section 5.", "strikes section 5"),
    ("Mr. Park moves that the proposed new text be amended in section 3, by striking out lines 10 to 12, inclusive.",
     "strikes lines 10–12 in section 3"),
    ("Ms. Lee moves that the bill be amended in section 4, in line 7, by inserting after the word “board” the "
     "following words:- “and the council”.", "inserts words in section 4, line 7 after the word “board”"),
    ("Ms. Lee moves that the proposed new text be amended by adding the following section:-\n"
     "\"SECTION _. Chapter 90 of the General Laws is hereby amended by striking out section 7.\"",
     "adds a section at the end (SECTION _ strikes G.L. c. 90 § 7)"),
    ("Mr. Park moves that the proposed new text be amended by inserting after section 5 the following 2 sections:-\n"
     "\"SECTION 5A. Section 3 of chapter 90 of the General Laws is hereby repealed.\n"
     "SECTION 5B. Said chapter 90 is hereby further amended by striking out section 8.\"",
     "inserts sections after section 5 (SECTION 5A repeals G.L. c. 90 § 3; SECTION 5B strikes G.L. c. 90 § 8)"),
])
def test_a_motion_is_read(text, said):
    [item] = motion_instructions(text, "S.1")
    assert describe_motion(item) == said
    assert item["target"]["bill"] == "S.1" and "warning" not in item


def test_what_a_motion_does_not_say_is_not_guessed():
    [item] = motion_instructions("Mr. Park moves that the bill be amended in section 4 as the committee proposed.",
                                 "S.1")
    assert item["action"] == "amend" and item["warning"] and item["target"] == {"bill": "S.1", "section": "4"}
    assert motion_instructions("Ms. Lee moves that the Senate adjourn.", "S.1") == []
    # an inserted SECTION whose law is not named: listed unread, never guessed
    [item] = motion_instructions("Ms. Lee moves that the bill be amended by adding the following section:-\n"
                                 "\"SECTION _. Said section 9 is hereby amended by striking out the word “may”.\"", "S.1")
    [law] = item["laws"]
    assert law["target"] is None and law["warning"]


def test_only_adopted_amendments_unless_asked():
    amendments = [{"bill": "S2834", "branch": "Senate", "number": n, "sponsor": "", "action": action, "title": "",
                   "text": "Mr. Park moves to amend the bill by striking out section 5.", "further": False,
                   "redraft": ""} for n, action in (("1", "Adopted"), ("2", "Rejected"), ("3", "Adopted, as changed"))]
    assert [a["number"] for a in amendment_instructions(amendments, "S.2834")] == ["1", "3"]
    assert [a["number"] for a in amendment_instructions(amendments, "S.2834", adopted_only=False)] == ["1", "2", "3"]
