"""The citator on a lead's numbered list of changes to a town charter (issue #23, the Beverly charter bill's forms):
"The charter is further amended in SECTION 5-4 ... as follows:- 1) the second sentence of SECTION 5-4(a) is amended
by ...; 2) the second sentence in (b) is amended by ...", items said in the passive ("2) The second sentence of this
subsection is stricken."), a lead within a lead, and a section numbered with a half in brackets.  Our own wording in
the real layouts; the expected values come from reading them."""

from __future__ import annotations

from tests.helpers.cite_bills import read_bill as _read


CHARTER = ("SECTION 1. Section 1-2 of the charter of the city of Elmford, which is on file in the office of the "
           "archivist of the commonwealth as provided in section 12 of chapter 43B of the General Laws, is amended by "
           "striking out the word “town”.")


def _got(items: list[dict]) -> list[tuple]:
    return [(i["section"], i["target"] and i["target"]["section"], i["action"]) for i in items
            if i["section"] != "1"]


def test_numbered_items_run_on_in_one_paragraph_each_keep_the_leads_section(tmp_path):
    # the items follow one another in the lead's own paragraph; the second names only "(b)", a part of 5-4
    items = _read(tmp_path, CHARTER,
                  "SECTION 2. The charter is further amended in SECTION 5-4 by amending the second sentence of (a) and "
                  "the third sentence of (b) as follows:- 1) the second sentence of SECTION 5-4(a) is amended by "
                  "striking the words “the auditor;” and inserting in place thereof the words “the comptroller;” "
                  "2) the third sentence in (b) is amended by striking the word “shall” and replacing it with the "
                  "word “may”; by inserting the word “annual” following the word “the”.")
    assert _got(items) == [("2", "5-4", "replace"), ("2", "5-4", "replace"), ("2", "5-4", "insert")]
    assert [i["target"].get("subsection") for i in items[1:]] == ["(a)", None, None]


def test_items_in_the_passive_are_instructions_on_the_leads_section(tmp_path):
    items = _read(tmp_path, CHARTER,
                  "SECTION 2. The charter is further amended in SECTION 7-3(c) by amending the first sentence, "
                  "striking the second sentence and adding a new sentence as follows:-",
                  "1)\tThe first sentence is amended by striking the word “two” and inserting in place thereof the "
                  "word “three”.",
                  "2)\tThe second sentence of this subsection is stricken.",
                  "3)\tA new sentence is inserted following the first sentence: “The clerk shall post the list.”",
                  "4)\tThe third sentence as now appearing is stricken, and replaced as follows:- “No list shall be "
                  "kept.”",
                  "SECTION 3. The charter is further amended in SECTION 7-4 by striking the word “clerk”.")
    assert _got(items) == [("2", "7-3", "replace"), ("2", "7-3", "strike"), ("2", "7-3", "insert"),
                           ("2", "7-3", "replace"), ("3", "7-4", "strike")]
    assert all(i["target"]["other"] == "charter of the city of Elmford" for i in items)  # SECTION 1's too


def test_a_lead_within_a_lead_and_a_lettered_unit_called_a_section(tmp_path):
    items = _read(tmp_path, CHARTER,
                  "SECTION 2. The charter is further amended in Article 6 as follows:-",
                  "The charter is amended in SECTION 6-2(a) in the first and final sentences as follows:-",
                  "1)\tThe first sentence is amended by inserting the words “and on the city website” following the "
                  "word “newspaper”.",
                  "2)\tThe final sentence is amended by striking the word “not” following the word “shall”.",
                  "SECTION 3. The charter is further amended in SECTIONS 6-6 (a) and (c) as follows:-",
                  "1) The heading of section (a) is amended by striking the word “hearing” and inserting the word "
                  "“Hearing” in its place.",
                  "2) The first sentence of (c) is amended by striking the word “60” and inserting in place thereof "
                  "the word “90”.")
    assert _got(items) == [("2", "6-2", "insert"), ("2", "6-2", "strike"), ("3", "6-6", "replace"),
                           ("3", "6-6", "replace")]
    assert items[3]["target"]["subsection"] == "(a)"


def test_a_lead_whose_colon_dash_opens_inserted_text_is_not_a_list(tmp_path):
    # "as follows:-" before new words (not an item that says "is amended") still opens inserted text
    items = _read(tmp_path,
                  "SECTION 1. Section 3 of chapter 41 of the General Laws is hereby amended to read as follows:- "
                  "1) The town clerk is amended to be elected for three years.",
                  "SECTION 2. Said section 3 of said chapter 41 is hereby further amended by striking out the word "
                  "“year”.")
    assert [(i["target"]["chapter"], i["target"]["section"], i["action"]) for i in items] == [
        ("41", "3", "replace"), ("41", "3", "strike")]


def test_a_section_numbered_with_a_half_in_brackets(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1: Section 9C (1/2) of Chapter 32B of the General Laws is hereby amended by striking out "
                  "in the sixth line the words “continue to”.")
    assert [(i["target"]["chapter"], i["target"]["section"], i["action"]) for i in items] == [
        ("32B", "9C(1/2)", "strike")]


def test_a_charters_section_named_bare_after_the_charter(tmp_path):
    # "The heading of Section 8-1 is hereby amended": no charter, no "said", but a charter's numbering after one
    items = _read(tmp_path, CHARTER,
                  "SECTION 2. The heading of Section 8-1 is hereby amended following the word “Changes” by inserting "
                  "the words:- “and Review”.")
    assert _got(items) == [("2", "8-1", "insert")]
    assert items[1]["target"]["other"] == "charter of the city of Elmford"


def test_a_range_of_sections_numbered_by_article_and_an_insertion_after_a_subsection(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Sections 5-501 to 5-503, inclusive, of chapter 190B of the General Laws are hereby "
                  "repealed.",
                  "SECTION 2. Sections 3.01 to 3.03, inclusive, of chapter 156D of the General Laws are hereby "
                  "repealed.",
                  "SECTION 3. Section 46 of chapter 30 of the General Laws is hereby amended by inserting after "
                  "subsection 1B the following section:- 1C. The board shall report yearly.")
    assert [(i["target"]["chapter"], i["target"]["section"], i["target"].get("sections"), i["action"])
            for i in items] == [("190B", "5-501", ["5-501", "5-502", "5-503"], "repeal"),
                                ("156D", "3.01", ["3.01", "3.02", "3.03"], "repeal"), ("30", "46", None, "insert")]


def test_a_bill_repealing_its_own_sections_lists_no_instruction(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 3 of chapter 6 of the General Laws is hereby amended by striking out the word "
                  "“ten”.",
                  "SECTION 2. The board shall report by June 30, 2025.",
                  "SECTION 3. Section 2 is hereby repealed.",
                  "SECTION 4. Sections 1 to 3, inclusive, are hereby repealed.",
                  "SECTION 5. Section 9 is hereby repealed.")  # no SECTION 9 in this bill: a law's, its chapter unnamed
    assert [(i["section"], i["target"] and i["target"]["section"], i["action"]) for i in items] == [
        ("1", "3", "strike"), ("5", None, "repeal")]
    assert items[1]["warning"] == "the words name no chapter (and no 'said')"


def test_said_subsection_of_said_chapter_and_a_repeal_of_this_acts_section(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 13 of the General Laws is hereby amended by striking out sections 12A to 12C, "
                  "inclusive, and inserting in place thereof the following section:- Section 12A. The board shall meet.",
                  "SECTION 2. Paragraph (4) of subsection (c) of section 15 of chapter 6D of the General Laws is hereby "
                  "amended by striking out the word “and”.",
                  "SECTION 3. Said subsection (c) of said chapter 6D is hereby amended by inserting after said "
                  "paragraph (4) the following paragraph:- (5) to report yearly.",
                  "SECTION 4. Section 2 of this act is hereby repealed.")
    assert [(i["section"], i["target"]["chapter"], i["target"]["section"], i["action"]) for i in items] == [
        ("1", "13", "12A", "replace"), ("2", "6D", "15", "strike"), ("3", "6D", "15", "insert")]
    assert items[0]["target"]["sections"] == ["12A–12C"]  # lettered: kept as named (tests/test_cite_ranges.py)


def test_a_listed_clause_the_parser_nested_in_the_text_the_one_before_inserts(tmp_path):
    # "(b) inserting ..." follows the section that (a) inserts: the parser takes it for a part of that section
    items = _read(tmp_path,
                  "SECTION 1. Chapter 175 of the General Laws is hereby amended by:",
                  "(a)\tinserting after section 99C the following section:",
                  "Section 99D. Insurers shall file their rates yearly.",
                  "(b)\tinserting after section 99D the following section:",
                  "Section 99E. The commissioner shall publish the rates.")
    assert [(i["target"]["chapter"], i["target"]["section"], i["action"], i["inserts"], i["where"]["after"])
            for i in items] == [("175", None, "insert", "99D", "section 99C"),
                                ("175", None, "insert", "99E", "section 99D")]


def test_passive_items_of_inserted_law_are_its_words_not_instructions(tmp_path):
    # the inserted subsection's own numbered list says "is added", "is stricken": law, not the lead's items (review of
    # the passive rewrite: it rewrote the inserted words and listed an addition of its own)
    items = _read(tmp_path, "SECTION 2. Section 5 of chapter 40 of the General Laws is hereby amended by striking out "
                            "subsection (b) and inserting in place thereof the following subsection:- (b) Each year the "
                            "board shall act as follows: 1) The annual fee is added to the fund. 2) The balance is "
                            "stricken from the ledger.")
    assert [(i["action"], i["target"]["section"]) for i in items] == [("replace", "5")]
    assert "1) The annual fee is added to the fund." in items[0]["new_text"]


def test_to_read_as_follows_opens_the_laws_words_though_they_say_amended(tmp_path):
    items = _read(tmp_path, "SECTION 2. Section 4 of chapter 100 of the acts of 2020 is hereby amended to read as "
                            "follows:- 4. Section 6 of chapter 40 of the General Laws is hereby amended by striking out "
                            "the word “x”.")
    assert (items[0]["action"], items[0]["target"]["chapter"], items[0]["new_text"][:2]) == ("replace", "100", "4.")


def test_an_item_of_the_inserted_law_opening_with_a_verb_is_not_the_lists_next(tmp_path):
    items = _read(tmp_path, "SECTION 2. Chapter 94 of the General Laws is hereby amended by:",
                  "(1) striking out section 3; and",
                  "(2) inserting after section 7 the following section:-",
                  "Section 7A. No person shall tamper with a meter by:",
                  "(1) removing a seal;",
                  "(2) breaking a wire; or",
                  "(3) inserting a device into the meter.",
                  "SECTION 3. Section 9 of chapter 94 of the General Laws is hereby amended by striking out the word "
                  "“x”.")
    assert [(i["section"], i["action"], i["target"]["section"], i["inserts"]) for i in items] == [
        ("2", "strike", "3", None), ("2", "insert", None, "7A"), ("3", "strike", "9", None)]


def test_said_subsection_of_said_chapter_is_the_one_named_not_the_last_sections(tmp_path):
    # subsection (c) was named of section 5; section 2 named last has none: "said" points back to section 5's
    items = _read(tmp_path, "SECTION 1. Subsection (c) of section 5 of chapter 6D of the General Laws is hereby "
                            "amended by striking out the word “x”.",
                  "SECTION 2. Section 2 of said chapter 6D is hereby amended by striking out the word “y”.",
                  "SECTION 3. Said subsection (c) of said chapter 6D is hereby further amended by striking out the "
                  "word “z”.")
    assert [(i["target"]["section"], i["target"]["subsection"]) for i in items] == [("5", "(c)"), ("2", None),
                                                                                      ("5", "(c)")]


def test_a_numbered_sentence_of_inserted_law_saying_amended_stays_in_the_inserted_words(tmp_path):
    # "1) The schedule is amended each year ..." is the new subsection's own item (no quoted words end before it), not
    # the next item of a lead's list
    items = _read(tmp_path, "SECTION 2. Section 5 of chapter 40 of the General Laws is hereby amended by adding the "
                            "following subsection:- (g) The board shall keep a fee schedule. 1) The schedule is amended "
                            "each year by a vote of the board after inserting notice in a newspaper. 2) The clerk shall "
                            "post it.")
    assert [(i["action"], i["target"]["section"]) for i in items] == [("add", "5")]
    assert items[0]["new_text"].endswith("2) The clerk shall post it.")


def test_a_passive_sentence_inside_the_quoted_words_an_item_inserts_is_their_words(tmp_path):
    items = _read(tmp_path, "SECTION 2. Section 3 of chapter 40 of the General Laws is hereby amended as follows:-",
                  "1) The first sentence is amended by striking out the word “x”.",
                  "2) A new sentence is inserted after the first sentence: “The list shall be kept as follows: 1) The "
                  "name is added to the list.”",
                  "SECTION 3. Section 7 of chapter 94 of the General Laws is hereby amended by striking out the word "
                  "“x”.")
    assert [(i["section"], i["action"], i["target"]["section"]) for i in items] == [
        ("2", "strike", "3"), ("2", "insert", "3"), ("3", "strike", "7")]
