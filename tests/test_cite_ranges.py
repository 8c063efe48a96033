"""Ranges as the words name them: "sections 32 to 51" reaches every section from 32 to 51 and is cited
"§§ 32–51", never as the two sections 32 and 51; "in lines 5 and 120" names two lines, not lines 5 to 120.
The instructions here are written for these tests."""

from __future__ import annotations

from lawdiff.cite.index import _reached
from lawdiff.cite.labels import cite, describe, describe_motion, lines_text
from lawdiff.cite.motions import motion_instructions
from lawdiff.render.amends import _lines
from tests.test_cite import _read


def test_a_numeric_range_of_sections_is_every_section_in_it(tmp_path):
    [item] = _read(tmp_path, "SECTION 1. Sections 32 to 51, inclusive, of chapter 147 of the General Laws are "
                             "hereby repealed.")
    t = item["target"]
    assert t["chapter"] == "147" and t["section"] == "32" and item["action"] == "repeal"
    assert t["sections"] == [str(n) for n in range(32, 52)] and t["sections_named"] == ["32–51"]
    assert cite(t) == "G.L. c. 147 §§ 32–51"
    assert _reached(item) == [str(n) for n in range(32, 52)]  # the session citator sees 33 to 50 too
    assert "warning" not in item


def test_through_and_a_list_with_a_range(tmp_path):
    [item] = _read(tmp_path, "SECTION 2. Sections 3 through 5 and 9 of chapter 62 of the General Laws are hereby "
                             "repealed.")
    t = item["target"]
    assert t["sections"] == ["3", "4", "5", "9"] and cite(t) == "G.L. c. 62 §§ 3–5, 9"


def test_a_lettered_range_stays_a_range(tmp_path):
    [item] = _read(tmp_path, "SECTION 3. Sections 12A to 12F, inclusive, of chapter 30 of the General Laws are "
                             "hereby repealed.")
    t = item["target"]
    assert t["sections"] == ["12A–12F"] and t["section"] == "12A"
    assert cite(t) == "G.L. c. 30 §§ 12A–12F" and describe(item) == "repeals G.L. c. 30 §§ 12A–12F"
    assert _reached(item) == ["12A–12F"]  # never "12A" and "12F" alone


def test_a_range_too_long_to_list_is_kept_with_a_warning(tmp_path):
    [item] = _read(tmp_path, "SECTION 4. Sections 1 to 5000 of chapter 30 of the General Laws are hereby "
                             "repealed.")
    t = item["target"]
    assert t["sections"] == ["1–5000"] and cite(t) == "G.L. c. 30 §§ 1–5000"
    assert "too many" in item["warning"]


def test_a_list_of_sections_is_unchanged(tmp_path):
    [item] = _read(tmp_path, "SECTION 5. Sections 30, 36 and 98 of chapter 62 of the General Laws are hereby "
                             "repealed.")
    assert item["target"]["sections"] == ["30", "36", "98"] and "sections_named" not in item["target"]
    assert cite(item["target"]) == "G.L. c. 62 §§ 30, 36, 98"


def test_lines_named_one_by_one_are_not_a_range(tmp_path):
    [item] = _read(tmp_path, "SECTION 6. Section 7 of chapter 90 of the General Laws is hereby amended by striking "
                             "out, in lines 5 and 120, the word “may” and inserting in place thereof the word "
                             "“shall”.")
    assert item["where"]["lines"] == [5, 120]
    assert _lines(item) == "lines 5 and 120"


def test_lines_to_is_a_range(tmp_path):
    [item] = _read(tmp_path, "SECTION 7. Section 7 of chapter 90 of the General Laws is hereby amended by striking "
                             "out, in lines 27 to 28, the word “may” and inserting in place thereof the word "
                             "“shall”.")
    assert item["where"]["lines"] == [27, 28] and _lines(item) == "lines 27–28"


def test_lines_text():
    assert lines_text([10]) == "line 10"
    assert lines_text([3, 10, 11, 12]) == "lines 3 and 10–12"
    assert lines_text([1, 4, 9]) == "lines 1, 4 and 9"
    assert lines_text(None) == ""


def test_a_motion_naming_two_lines():
    [item] = motion_instructions("Ms. Lee moves to amend the bill in section 12, in lines 5 and 120, by striking out "
                                 "the word “may” and inserting in place thereof the following word:- “shall”.", "S.1")
    assert item["where"]["lines"] == [5, 120]
    assert describe_motion(item) == "replaces “may” in section 12, lines 5 and 120"
