"""The citator's rules of issue #23's later rounds read adversarially: inputs in the real layouts where a rule written
for one drafting form fired on another (a law about ordinances read as a bylaw, a law's history read as an
instruction, a carried section beating the one a clause names, a lead's new text read as its instructions, a list of
another law's sections taken for the chapter's).  The bills are our own wording; the expected values come from
reading them."""

from __future__ import annotations

from tests.helpers.cite_bills import read_bill as _read


def _got(items: list[dict]) -> list[tuple]:
    return [(i["section"], i["target"] and i["target"]["code"], i["target"] and i["target"]["chapter"],
             i["target"] and i["target"]["section"], i["action"]) for i in items]


def test_a_general_laws_chapter_about_ordinances_is_no_bylaw(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 5 of chapter 40A of the General Laws relating to zoning ordinances is hereby "
                  "amended by striking out the word “may”.",
                  "SECTION 2. Said chapter 12 of the Wellfleet Open Space Bylaw is hereby amended by striking out the "
                  "word “shall”.")
    assert _got(items) == [("1", "G.L.", "40A", "5", "strike"), ("2", None, None, None, "strike")]
    assert "warning" not in items[0]
    assert "bylaw" in items[1]["warning"]


def test_and_further_amended_by_an_act_is_a_laws_history(tmp_path):
    # in the subject ("as amended by ...; and further amended by section 2 of ...") and in inserted words
    items = _read(tmp_path,
                  "SECTION 1. Section 3 of chapter 10 of the acts of 2020, as amended by section 4 of chapter 20 of the "
                  "acts of 2021; and further amended by section 2 of chapter 3 of the acts of 2022, is hereby amended "
                  "by striking out the word “may”.",
                  "SECTION 2. Section 4 of chapter 10 of the General Laws is hereby amended by inserting after the word "
                  "“fund” the following words:- established by chapter 5 of the acts of 2020, as amended by chapter 4 "
                  "of the acts of 2021; and further amended by chapter 2 of the acts of 2022.",
                  "SECTION 3. This act shall take effect on July 1.")
    assert _got(items) == [("1", "Acts", "10", "3", "strike"), ("2", "G.L.", "10", "4", "insert")]
    assert items[1]["new_text"].endswith("and further amended by chapter 2 of the acts of 2022.")
    assert all("warning" not in i for i in items)


def test_and_further_amended_inside_struck_words_is_no_verb(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 4 of chapter 10 of the General Laws is hereby amended by striking out the words "
                  "“as amended; and further amended by the board” and inserting in place thereof the following words:- "
                  "as amended.")
    assert _got(items) == [("1", "G.L.", "10", "4", "replace")]
    assert items[0]["where"]["words"] == "as amended; and further amended by the board"


def test_and_further_amended_in_a_section_a_clause_names(tmp_path):
    # the section the sentence worked in is carried to a clause naming a line or a word, not to one naming its own
    items = _read(tmp_path,
                  "SECTION 1. Chapter 112 of the General Laws is hereby amended in section 7 by striking out the word "
                  "“may” and inserting in place thereof the following words:- shall, in each case; and further amended "
                  "by striking out, in section 9, the words “each year”.",
                  "SECTION 2. Said chapter 112 is hereby further amended in section 20 by striking out the word “may” "
                  "and inserting in place thereof the following word:- shall; and further amended by adding the "
                  "following subsection to section 21:- (e) The board may act.",
                  "SECTION 3. Said chapter 112 is hereby further amended in section 30 by striking out the word “may” "
                  "and inserting in place thereof the following word:- shall; and further amended by striking out, in "
                  "line 8, the words “each year”.")
    assert [(i["section"], i["target"]["section"], i["action"]) for i in items] == [
        ("1", "7", "replace"), ("1", "9", "strike"), ("2", "20", "replace"), ("2", "21", "add"),
        ("3", "30", "replace"), ("3", "30", "strike")]


def test_a_leads_new_text_saying_amended_is_not_its_items(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 9 of chapter 90 of the General Laws is hereby amended as follows:-",
                  "(a) Section 4 of any plan filed under this section that is amended by the board shall be published.",
                  "(b) The first sentence of any notice that is amended shall be printed in full.",
                  "SECTION 2. Section 10 of said chapter 90 is hereby amended as follows:-",
                  "(a) Subsection (a) is hereby amended by striking out the word “may”.",
                  "(b) The first sentence of subsection (b) is hereby amended by striking out the word “each”.",
                  "SECTION 3. This act shall take effect on July 1.")
    assert [(i["section"], i["target"]["chapter"], i["target"]["section"], i["target"]["subsection"], i["action"])
            for i in items] == [("1", "90", "9", None, "amend"), ("2", "90", "10", "(a)", "strike"),
                                ("2", "90", "10", "(b)", "strike")]


def test_a_section_numbered_from_a_letter_last_in_its_list(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section B2 of chapter 128 of the acts of 2022 is hereby amended by striking out the word "
                  "“may”.",
                  "SECTION 2. Sections 17 and A1 of chapter 128 of the acts of 2022 are hereby repealed.")
    assert [(i["target"]["section"], i["target"].get("sections")) for i in items] == [("B2", None),
                                                                                        ("17", ["17", "A1"])]


def test_sections_of_another_law_named_before_the_verb_are_not_the_chapters(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 186A of the General Laws is hereby amended in sections 3, 4 and 5 by striking out "
                  "the word “tenant”.",
                  "SECTION 2. Chapter 186B of the General Laws is hereby amended in sections 3, 4 and 5 of chapter 2 of "
                  "the acts of 2020 by striking out the word “tenant”.")
    assert [(i["target"]["chapter"], i["target"]["section"], i["target"].get("sections")) for i in items] == [
        ("186A", "3", ["3", "4", "5"]), ("186B", None, None)]


def test_a_time_before_the_verb_is_no_place(tmp_path):
    # "amended in Group 2 after the words “x” by adding" names a place; "effective after December 31, 2024" a time
    items = _read(tmp_path,
                  "SECTION 1. Section 4 of chapter 10 of the General Laws is hereby amended, effective after December 31, "
                  "2024, by adding the following sentence:- The fund shall be kept.",
                  "SECTION 2. Section 5 of chapter 10 of the General Laws is hereby amended after the second sentence by "
                  "adding the following sentence:- The fund shall be audited.")
    assert [(i["action"], i["where"]["after"]) for i in items] == [("add", None), ("insert", "the second sentence")]


def test_a_section_a_clause_speaks_of_is_not_its_place(tmp_path):
    # the section named before the verb holds; a clause's own "in section N" still moves it
    items = _read(tmp_path,
                  "SECTION 1. Chapter 6 of the General Laws is hereby amended in section 17 by striking out the reference "
                  "to section 5 and inserting in place thereof the following words:- section 6.",
                  "SECTION 2. Said chapter 6 is hereby further amended in section 18 by striking out the citation of "
                  "section 5 and inserting in place thereof the following words:- section 7; and by striking out, in "
                  "section 19, the word “may”.",
                  "SECTION 3. Said chapter 6 is hereby further amended in section 20 by striking out the word “may” and "
                  "inserting in place thereof the following word:- shall; and further amended by adding at the end of "
                  "the second paragraph of section 21 the following sentence:- The board may act.")
    assert [(i["section"], i["target"]["section"], i["action"]) for i in items] == [
        ("1", "17", "replace"), ("2", "18", "replace"), ("2", "19", "strike"), ("3", "20", "replace"),
        ("3", "21", "add")]


def test_a_full_stop_inside_struck_words_before_and_further_amended(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 112 of the General Laws is hereby amended in section 7 by striking out the words "
                  "“shall act. The board” and inserting in place thereof the following words:- may act; and further "
                  "amended by striking out, in line 8, the words “each year”.")
    assert [(i["target"]["section"], i["action"], i["where"]["words"], i["where"]["lines"]) for i in items] == [
        ("7", "replace", "shall act. The board", None), ("7", "strike", "each year", [8])]
    assert items[0]["new_text"] == "may act"


def test_by_laws_in_struck_words_keeps_its_hyphen(tmp_path):
    # "amended by- striking" loses its dash; the words "by-laws" keep theirs
    items = _read(tmp_path,
                  "SECTION 1. Section 5 of chapter 40 of the General Laws is hereby amended by striking out the words "
                  "“ordinances or by-laws” and inserting in place thereof the following words:- ordinances, by-laws or "
                  "rules.",
                  "SECTION 2. Section 6 of said chapter 40 is hereby amended by inserting after the word “by-laws” the "
                  "following words:- or regulations.",
                  "SECTION 3. Section 7 of said chapter 40 is hereby amended by- striking out the word “town”.")
    assert [(i["action"], i["where"]["words"]) for i in items] == [
        ("replace", "ordinances or by-laws"), ("insert", "by-laws"), ("strike", "town")]


def test_a_new_sections_inline_words_citing_a_section_are_no_number(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 10 of the General Laws is hereby amended by adding the following section:- Section 5 "
                  "of this chapter shall not apply to towns.",
                  "SECTION 2. Chapter 11 of the General Laws is hereby amended by adding the following section:- Section "
                  "5A The board shall meet.")
    assert [i["inserts"] for i in items] == [None, "5A"]


def test_inline_inserted_words_before_a_lead_whose_items_are_instructions(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 10 of chapter 90 of the General Laws is hereby amended by adding the following "
                  "paragraph:- The registrar shall keep a list. Said section 10 is hereby further amended as follows:-",
                  "(a) Subsection (a) is hereby amended by striking out the word “may”.",
                  "(b) Subsection (b) is hereby amended by striking out the word “each”.",
                  "SECTION 2. This act shall take effect on July 1.")
    assert [(i["target"]["subsection"], i["action"], i["new_text"]) for i in items] == [
        (None, "add", "The registrar shall keep a list."), ("(a)", "strike", None), ("(b)", "strike", None)]
