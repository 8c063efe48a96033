"""``lawdiff apply``: each instruction applies exactly or the SECTION is refused in one line."""

from __future__ import annotations

import pytest

from lawdiff.cite.apply import apply_section
from lawdiff.errors import LawdiffError
from tests.test_cite import _base, _bill

SECTION_1 = ("SECTION 1. (a) The board shall meet each month.", "(b) The board shall report each year.",
             "(c) The clerk shall keep the minutes.")
SECTION_2 = "SECTION 2. The fund shall hold not more than $300,000 for repairs."


def _pair(tmp_path, *bill: str):
    return _base(tmp_path, *SECTION_1, SECTION_2), _bill(tmp_path, *bill)


def test_repealing_a_subsection_strikes_only_that_subsection(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Subsection (b) of section 1 of chapter 9 of the acts of 2023 is "
                                 "hereby repealed.")
    [one] = apply_section(base, bill, "sec_1")
    assert one.before == "(b) The board shall report each year."
    assert one.marked == "[-(b) The board shall report each year.-]"
    assert "(a)" not in one.marked and "(c)" not in one.marked  # the rest of section 1 is not struck


def test_repealing_a_subsection_the_base_does_not_have_is_refused(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Subsection (f) of section 1 of chapter 9 of the acts of 2023 is "
                                 "hereby repealed.")
    with pytest.raises(LawdiffError, match=r"no subsection \(f\)"):
        apply_section(base, bill, "sec_1")


def test_repealing_two_sections_strikes_both(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Sections 1 and 2 of chapter 9 of the acts of 2023 are hereby repealed.")
    got = apply_section(base, bill, "sec_1")
    assert [a.before.split(".")[0] for a in got] == ["SECTION 1", "SECTION 2"]
    assert all(a.after == "" and a.marked == f"[-{a.before}-]" for a in got)


def test_an_instruction_amending_another_law_is_refused(tmp_path):
    base, bill = _pair(tmp_path,
                       "SECTION 1. Section 2 of chapter 9 of the acts of 2023 is hereby amended by striking out the "
                       "word “repairs” and inserting in place thereof the following word:- upkeep. Section 2 of "
                       "chapter 44 of the General Laws is hereby amended by striking out the word “fund” and "
                       "inserting in place thereof the following word:- trust.")
    with pytest.raises(LawdiffError, match=r"instruction 2\).*chapter 44 of the G\.L\..*chapter 9 of the acts of 2023"):
        apply_section(base, bill, "sec_1")


def test_a_later_instruction_within_an_edited_provision_is_refused(tmp_path):
    """Section 1 loses "each month" first; an edit of its subsection (b) would start from the text
    before, and print "each month" again."""
    base, bill = _pair(tmp_path,
                       "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out the "
                       "words “each month”. Subsection (b) of said section 1 of said chapter 9 is hereby amended by "
                       "striking out the words “each year”.")
    with pytest.raises(LawdiffError, match="within or around one an earlier instruction"):
        apply_section(base, bill, "sec_1")


def test_two_edits_of_one_provision_build_on_each_other(tmp_path):
    base, bill = _pair(tmp_path,
                       "SECTION 1. Section 2 of chapter 9 of the acts of 2023 is hereby amended by striking out the "
                       "figure “$300,000” and inserting in place thereof the following figure:- $400,000. Said "
                       "section 2 of said chapter 9 is hereby further amended by striking out the word “repairs” and "
                       "inserting in place thereof the following word:- upkeep.")
    got = apply_section(base, bill, "sec_1")
    assert got[-1].after == "SECTION 2. The fund shall hold not more than $400,000 for upkeep."


def test_inserted_words_keep_their_own_full_stop(tmp_path):
    base, bill = _pair(tmp_path,
                       "SECTION 1. Section 2 of chapter 9 of the acts of 2023 is hereby amended by inserting after "
                       "the word “repairs” the following words:- “by 2 p.m.”.",
                       "SECTION 2. Section 2 of chapter 9 of the acts of 2023 is hereby amended by inserting after "
                       "the word “repairs” the following words:- by 2 p.m.")
    [one] = apply_section(base, bill, "sec_1")
    assert one.after == "SECTION 2. The fund shall hold not more than $300,000 for repairs by 2 p.m.."
    assert "{+by 2 p.m.+}" in one.marked
    with pytest.raises(LawdiffError, match="last full stop"):  # unquoted: the stop may be the sentence's
        apply_section(base, bill, "sec_2")


def test_striking_a_labelled_subsection_strikes_that_subsection_alone(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by "
                                 "striking out subsection (b).")
    [one] = apply_section(base, bill, "sec_1")
    assert one.label == "Acts 2023 c. 9 § 1(b)"
    assert one.marked == "[-(b) The board shall report each year.-]" and one.after == ""


def test_replacing_a_labelled_subsection_puts_the_quoted_one_in_its_place(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by "
                                 "striking out subsection (c) and inserting in place thereof the following "
                                 "subsection:- (c) The secretary shall keep the minutes.")
    [one] = apply_section(base, bill, "sec_1")
    assert one.before == "(c) The clerk shall keep the minutes."
    assert one.after == "(c) The secretary shall keep the minutes."


def test_a_clause_run_in_after_the_colon_loses_the_bills_full_stop_not_its_own_mark(tmp_path):
    """As bills print it: "... the following clause:- (2) publish its report;." The ';' is the clause's,
    the '.' closes the bill's sentence. A lone '.' after a clause that ended in ';' is anyone's: refused."""
    base = _base(tmp_path, "SECTION 1. The board shall:", "(1) meet;", "(2) report; and", "(3) sign.")
    bill = _bill(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out "
                           "clause (2) and inserting in place thereof the following clause:- (2) publish its report;.",
                 "SECTION 2. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out clause (2) "
                 "and inserting in place thereof the following clause:- (2) publish its report.")
    [one] = apply_section(base, bill, "sec_1")
    assert (one.before, one.after) == ("(2) report; and", "(2) publish its report;")
    with pytest.raises(LawdiffError, match="last full stop of the new clause"):
        apply_section(base, bill, "sec_2")


def test_a_subsection_is_found_at_its_own_level_not_as_a_clause_of_another(tmp_path):
    """Clause (i) of subsection (a) comes first in reading order; subsection (i) is the one named."""
    base = _base(tmp_path, "SECTION 1. (a) The board shall: (i) meet; and (ii) report.", "(h) The clerk shall sign.",
                 "(i) The clerk shall keep the minutes.")
    bill = _bill(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out "
                           "subsection (i).")
    [one] = apply_section(base, bill, "sec_1")
    assert one.before == "(i) The clerk shall keep the minutes."


def test_two_subsections_struck_at_once_are_refused(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by "
                                 "striking out subsections (b) and (c).")
    with pytest.raises(LawdiffError, match="cannot apply exactly"):
        apply_section(base, bill, "sec_1")


def test_a_range_of_sections_repeals_every_section_the_base_prints_between_its_ends(tmp_path):
    """"Sections 1 to 2, inclusive" reaches 1A too: counting 1, 2 would keep it."""
    base = _base(tmp_path, "SECTION 1. The board shall meet.", "SECTION 1A. The board shall report.",
                 "SECTION 2. The fund shall hold $300,000.", "SECTION 3. This act shall take effect on passage.")
    bill = _bill(tmp_path, "SECTION 1. Sections 1 to 2, inclusive, of chapter 9 of the acts of 2023 are hereby "
                           "repealed.")
    got = apply_section(base, bill, "sec_1")
    assert [a.before.split(".")[0] for a in got] == ["SECTION 1", "SECTION 1A", "SECTION 2"]
    assert all(a.after == "" for a in got)


def test_a_range_whose_end_the_base_lacks_is_refused(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Sections 1 to 5, inclusive, of chapter 9 of the acts of 2023 are hereby "
                                 "repealed.")
    with pytest.raises(LawdiffError, match="no section 5"):
        apply_section(base, bill, "sec_1")


def test_inserted_words_in_two_quotations_are_refused(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Section 2 of chapter 9 of the acts of 2023 is hereby amended by inserting "
                                 "after the word “repairs” the following words:- “and” and “or”.")
    with pytest.raises(LawdiffError, match="quotation marks of their own"):
        apply_section(base, bill, "sec_1")


def test_striking_words_folds_the_spacing_at_the_seam_and_nowhere_else(tmp_path):
    """The base's own spacing outside the change stays as printed (" , " here): only the two spaces
    either side of the struck words become one, and a space before the comma they leave goes."""
    base = _base(tmp_path, "SECTION 1. The fund , as printed , shall hold not more than $300,000 for repairs, "
                           "and no more , each year.")
    bill = _bill(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out "
                           "the words “not more than” and by striking out the words “and no more”.")
    first, second = apply_section(base, bill, "sec_1")
    assert first.after == "SECTION 1. The fund , as printed , shall hold $300,000 for repairs, and no more , each year."
    assert second.after == "SECTION 1. The fund , as printed , shall hold $300,000 for repairs, , each year."


def test_words_added_at_the_end_of_a_part_inside_the_provision_are_refused_not_put_at_its_end(tmp_path):
    base = _base(tmp_path, "SECTION 1. As used in this act: “Board”, the select board; “Clerk”, the town clerk.")
    bill = _bill(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended, at the end of the "
                           "definition of “Board”, by inserting the following words:- , or its designee")
    with pytest.raises(LawdiffError, match="the end of the definition"):
        apply_section(base, bill, "sec_1")


def test_words_added_that_open_with_a_comma_take_no_space_before_it(tmp_path):
    base, bill = _pair(tmp_path, "SECTION 1. Section 2 of chapter 9 of the acts of 2023 is hereby amended by adding "
                                 "the following words:- , or as the treasurer directs")
    [one] = apply_section(base, bill, "sec_1")
    assert one.after == "SECTION 2. The fund shall hold not more than $300,000 for repairs, or as the treasurer directs."


def test_a_clause_named_where_a_subsection_has_the_same_label_is_not_taken_for_it(tmp_path):
    """Clause (i) of subsection (a) and subsection (i) both print "(i)": "striking out clause (i)" must not
    strike subsection (i)."""
    base = _base(tmp_path, "SECTION 1. (a) The board shall: (i) meet; and (ii) report.", "(h) The clerk shall sign.",
                 "(i) The clerk shall keep the minutes.")
    bill = _bill(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out "
                           "clause (i).")
    with pytest.raises(LawdiffError, match=r"\(i\) is not typed as a clause"):
        apply_section(base, bill, "sec_1")
