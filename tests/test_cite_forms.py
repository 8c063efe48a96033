"""The citator's reader on drafting forms the 193rd session prints that earlier rounds left unread or read
wrongly (issue #23, fourth round): a list of clauses under "amended by:", "in section N" before the verb,
abbreviated or run-together chapter words, the Constitution's "Part the Second", county and home rule charters.
The bills below are our own wording in the real layouts; the expected values come from reading them."""

from __future__ import annotations

import pytest

from tests.helpers.cite_bills import read_bill as _read


def _got(items: list[dict]) -> list[tuple]:
    return [(i["section"], i["target"] and i["target"]["chapter"], i["target"] and i["target"]["section"],
             i["action"]) for i in items]


def test_clauses_listed_under_amended_by(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 12 of chapter 40 of the General Laws, as appearing in the 2022 Official Edition, "
                  "is hereby amended by:",
                  "(a) striking out, in line 3, the word “board” and inserting in place thereof the following word:- "
                  "commission;",
                  "(b) in line 9, striking the words “each year”; and",
                  "(c) repealing subsection (d).",
                  "SECTION 2. Said chapter 40 is hereby further amended by striking out section 13.")
    assert _got(items) == [("1", "40", "12", "replace"), ("1", "40", "12", "strike"), ("1", "40", "12", "repeal"),
                           ("2", "40", "13", "strike")]
    assert [i["where"]["lines"] for i in items[:2]] == [[3], [9]]
    assert items[0]["new_text"] == "commission;"
    assert items[1]["where"]["words"] == "each year"
    assert all("warning" not in i for i in items)
    assert items[1]["evidence"].startswith("Section 12 of chapter 40 of the General Laws")


def test_a_listed_insertion_of_a_new_section_and_a_rewrite_that_is_no_list(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 90 of the General Laws is hereby amended by:",
                  "(a) inserting after section 7 the following section:-",
                  "Section 7A. The registrar shall keep a list of permits.",
                  "SECTION 2. Section 9 of said chapter 90 is hereby amended as follows:",
                  "(a) A permit shall be shown on demand.")
    assert _got(items) == [("1", "90", None, "insert"), ("2", "90", "9", "amend")]
    assert items[0]["inserts"] == "7A" and items[0]["where"]["after"] == "section 7"
    # "as follows:" and then the section's new words: what it does is not said, so not guessed
    assert "not read" in items[1]["warning"]


@pytest.mark.parametrize("words, section", [
    ("Chapter 111 of the General Laws is hereby amended in section 25N by striking out the word “may”.", "25N"),
    ("Chapter 62 of the General Laws is hereby amended, in subsection (b) of section 3, by striking out the word "
     "“may”.", "3"),
    ("Chapter 111 of the General Laws is hereby amended by amending the title of section 5K by adding after the "
     "word “REACTOR” the following words:- AND FUEL", "5K"),
    # an anchor, not the section amended; and a section of an act named inside the head
    ("Chapter 111 of the General Laws is hereby amended, after section 5, by inserting the following section:- "
     "Section 5A. A fee.", None),
])
def test_the_section_a_chapter_instruction_names_before_its_verb(tmp_path, words, section):
    [item] = _read(tmp_path, f"SECTION 1. {words}")
    assert item["target"]["section"] == section


@pytest.mark.parametrize("subject, chapter, section", [
    ("Ch. 175, Section 144A of the General Laws", "175", "144A"),
    ("The fourth sentence of section 63 of ch. 277 of the General Laws", "277", "63"),
    ("Section 4A of Chapter40 of the General Laws", "40", "4A"),
    ("Section 19B of said chapter Chapter 94C", "94C", "19B"),
])
def test_chapter_words_abbreviated_run_together_or_doubled(tmp_path, subject, chapter, section):
    [item] = _read(tmp_path, f"SECTION 1. {subject} is hereby amended by striking out the word “may”.")
    assert (item["target"]["code"], item["target"]["chapter"], item["target"]["section"]) == ("G.L.", chapter, section)


def test_said_chapter_with_no_number_and_the_same_section(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 26 of chapter 184 of the General Laws is hereby amended by striking out the "
                  "word “may”.",
                  "SECTION 2. Section 31 of said chapter of the General Laws is hereby amended by striking out the "
                  "word “shall”.",
                  "SECTION 3. The same section is further amended by striking out the word “town”.")
    assert _got(items) == [("1", "184", "26", "strike"), ("2", "184", "31", "strike"), ("3", "184", "31", "strike")]
    assert items[1]["resolved_from"] == "1"


def test_said_chapter_with_none_named_before_stays_unread(tmp_path):
    # "said chapter" with nothing named before: never a guess. (The slip "Section 22C of the General Laws ... adding
    # the following section" is read as chapter 22C, with a warning, since a section is given no new sections.)
    items = _read(tmp_path,
                  "SECTION 1. Section 31 of said chapter of the General Laws is hereby amended by striking out the "
                  "word “shall”.",
                  "SECTION 2. Section 22C of the General Laws is hereby amended by adding the following section:- "
                  "Section 22D. A fee.")
    assert items[0]["target"] is None
    assert items[1]["target"]["chapter"] == "22C" and "read as chapter 22C" in items[1]["warning"]


def test_part_the_second_of_the_constitution(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Article II of Section I of Chapter I of Part the Second of the Constitution of the "
                  "Commonwealth is hereby amended by striking out the word “his”.",
                  "SECTION 2. Article III of Section II of Chapter II of said Part the Second is hereby amended by "
                  "striking out the word “his” and inserting in place thereof the following words:- his or her")
    assert [(i["target"]["code"], i["target"]["chapter"], i["target"]["section"], i["action"]) for i in items] == [
        ("Constitution", "I", "I", "strike"), ("Constitution", "II", "II", "replace")]


def test_county_and_home_rule_charters_and_a_section_enacted_by_this_act(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 2.2 of article II of the charter of the county of Nantucket is hereby amended "
                  "by striking out the word “Selectmen”.",
                  "SECTION 2. Section 2.3 of said article II of said charter is hereby amended by striking out the "
                  "word “town”.",
                  "SECTION 3. Article 4.4 of the town of Reading home rule charter is hereby amended by striking out "
                  "the first paragraph.",
                  "SECTION 4. Section 15C of chapter 138 of the General Laws, as enacted by section 1 of this act, is "
                  "hereby amended by striking out subsection (a).",
                  "SECTION 5. Section 1 of this act is hereby amended by striking out the word “may”.")
    assert [i["target"] and i["target"].get("other") for i in items[:3]] == [
        "charter of the county of Nantucket", "charter of the county of Nantucket", "town of Reading home rule charter"]
    assert [i["target"]["code"] for i in items[:3]] == [None, None, None]
    assert (items[3]["target"]["code"], items[3]["target"]["chapter"], items[3]["target"]["section"]) == \
        ("G.L.", "138", "15C")
    assert items[4]["target"] is None and "this act" in items[4]["warning"]


@pytest.mark.parametrize("predicate, action, lines", [
    ("by replacing in lines 5 and 6 the words “or first” and inserting in place thereof the words “, first”.",
     "replace", [5, 6]),
    ("in subsection (b) by replacing in its entirety a new subsection (b) as follows:- (b) A fee.", "replace", None),
    ("to provide as follows:- A fee shall be paid.", "replace", None),
    ("to read in its entirety as follows:- Section 7. A fee shall be paid.", "replace", None),
    ("in lines 26 through 28 striking the sixth paragraph and inserting in place thereof the following paragraph:- "
     "A fee.", "replace", [26, 27, 28]),
    ("in line 94 to insert after the phrase “section six” the further phrase “, six D,”.", "insert", [94]),
])
def test_verbs_drafts_phrase_their_own_way(tmp_path, predicate, action, lines):
    [item] = _read(tmp_path, f"SECTION 1. Section 7 of chapter 94 of the General Laws is hereby amended {predicate}")
    assert (item["target"]["chapter"], item["target"]["section"]) == ("94", "7")
    assert (item["action"], item["where"]["lines"]) == (action, lines) and "warning" not in item


def test_a_strike_and_an_insertion_with_no_place_of_its_own_are_one_replacement(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 58 of chapter 119 of the General Laws is hereby amended by striking out the words "
                  "“his eighteenth birthday”, in lines 97 to 99, inclusive, and inserting the following words:- their "
                  "nineteenth birthday",
                  "SECTION 2. Said chapter 119 is hereby amended by striking said section 66 and inserting in its place "
                  "the following section:-",
                  "Section 66. A court shall hear the case.",
                  "SECTION 3. Section 7 of said chapter 119 is hereby amended by striking out the word “this”, and by "
                  "inserting after the word “under” the following word:- that")
    assert _got(items) == [("1", "119", "58", "replace"), ("2", "119", "66", "replace"),
                           ("3", "119", "7", "strike"), ("3", "119", "7", "insert")]
    assert items[0]["new_text"] == "their nineteenth birthday" and items[0]["where"]["lines"] == [97, 98, 99]
    assert items[1]["text"] == "sec_2__qstr_1"


def test_no_clause_starts_inside_quoted_words(tmp_path):
    # "including" is read as a careless "inserting" where it opens a clause; inside the struck words it is not one
    items = _read(tmp_path,
                  "SECTION 1. Section 19 of chapter 25 of the General Laws is hereby amended by striking out, in lines "
                  "13 to 15, the words “pollution programs, including, but not limited to, the trading program”.",
                  "SECTION 2. Section 4 of said chapter 25 is hereby amended by striking out the word “town” and "
                  "inserting in place thereof the following words:- town, including its districts,",
                  "SECTION 3. Section 5 of said chapter 25 is hereby amended by including the following definition:- "
                  "“Board”, the board of health.")
    assert _got(items) == [("1", "25", "19", "strike"), ("2", "25", "4", "replace"), ("3", "25", "5", "insert")]
    assert items[0]["where"]["words"] == "pollution programs, including, but not limited to, the trading program"


def test_a_section_number_as_printed_when_the_word_is_misprinted(tmp_path):
    items = _read(tmp_path,
                  "SECITON 11. Section 9 of chapter 176J of the General Laws is hereby amended by striking out the word "
                  "“may”.",
                  "SECTION. 12 Section 10 of said chapter 176J is hereby amended by striking out the word “may”.",
                  "SECTION 1 3. Section 11 of said chapter 176J is hereby amended by striking out the word “may”.",
                  "SECTON 14. Section 12 of said chapter 176J is hereby amended by striking out the word “may”.")
    assert [(i["section"], i["target"]["chapter"], i["target"]["section"]) for i in items] == [
        ("11", "176J", "9"), ("12", "176J", "10"), ("13", "176J", "11"), ("14", "176J", "12")]


def test_a_things_clause_with_amended_is_no_instruction(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. The commissioner may convey the parcel described in this section.",
                  "SECTION 2. As consideration for the conveyance, a conservation restriction shall be placed upon "
                  "the lot pursuant to sections 31 and 32 of chapter 184 of the General Laws, as the parcel is amended "
                  "by the removal of land described in section 1.",
                  "SECTION 3. Section 31 of chapter 184 of the General Laws, as so appearing, is amended by striking "
                  "out the word “may”.")
    assert _got(items) == [("3", "184", "31", "strike")]


def test_including_is_a_verb_only_where_it_brings_words_and_struck_words_replaced_in_their_place(tmp_path):
    items = _read(tmp_path,
                  # the new text follows the instruction unquoted, with no ":-": its "including" is not a clause
                  "SECTION 1. Section 1 of chapter 121A of the General Laws is hereby amended by inserting the "
                  "following definition after the definition of “project”- “Decadent area”, an area, including a spot "
                  "property, which is detrimental to safety.",
                  "SECTION 2. Section 2 of said chapter 121A is hereby amended by including the following "
                  "definition:- “Board”, the board of health.",
                  "SECTION 3. Section 57 of chapter 265 of the General Laws is hereby amended by striking “night "
                  "walking” and by inserting “any charges” in its place.")
    assert _got(items) == [("1", "121A", "1", "insert"), ("2", "121A", "2", "insert"), ("3", "265", "57", "replace")]


@pytest.mark.parametrize("predicate", [
    "by striking out the word “his”, each time it appears, and replacing it, in each instance, with the following "
    "words:- his or her",
    "by striking the fourth paragraph, and replacing it thereof with the following:- A fee.",
    "by striking “while a victim”, and by inserting “as a result of being a victim”.",
])
def test_struck_words_replaced_where_they_were(tmp_path, predicate):
    [item] = _read(tmp_path, f"SECTION 1. Section 7 of chapter 94 of the General Laws is hereby amended {predicate}")
    assert (item["target"]["chapter"], item["target"]["section"], item["action"]) == ("94", "7", "replace")


def test_said_section_after_a_charter_and_a_charters_section_numbers(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 3-3-1 of the charter of the town of Oxford is hereby amended by striking out the "
                  "word “may”.",
                  "SECTION 2. Said section 3-3-1 is hereby further amended by striking out the words “and (e)”.",
                  "SECTION 3. Subsection (c) of section 2-9 of said charter is hereby amended by striking out the word "
                  "“town”.",
                  "SECTION 4. Said paragraph (1) is hereby further amended by striking out the figure “3-8”.",
                  "SECTION 5. Subsection 4-1-2 of said section 4-1 of said charter is hereby amended by striking out the "
                  "word “selectmen”.")
    assert [(i["target"]["other"], i["target"]["section"]) for i in items] == [
        ("charter of the town of Oxford", "3-3-1"), ("charter of the town of Oxford", "3-3-1"),
        ("charter of the town of Oxford", "2-9"), ("charter of the town of Oxford", "2-9"),
        ("charter of the town of Oxford", "4-1")]
    assert all(i["target"]["code"] is None and i["target"]["chapter"] is None for i in items)
    assert items[3]["resolved_from"] == "3"


def test_shall_be_hereby_amended_and_a_stop_inside_general_laws(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Subsection (b) of section 83C of chapter 169 of the acts of 2008 shall be hereby amended "
                  "by striking out the following words:- “; provided, however, that the price is lower”",
                  "SECTION 2. Said subsection (b) in section 83C is hereby further amended by striking out the word "
                  "“may”.",
                  "SECTION 3. Section 29 of chapter 151A of the General. Laws, as so appearing, is hereby amended by "
                  "striking out subsection (a).",
                  # a repeal to come, not an instruction of this act
                  "SECTION 4. Section 5 of chapter 151A of the General Laws shall be repealed on July 1, 2030.")
    assert [(i["section"], i["target"]["code"], i["target"]["chapter"], i["target"]["section"], i["action"])
            for i in items] == [("1", "Acts", "169", "83C", "strike"), ("2", "Acts", "169", "83C", "strike"),
                                ("3", "G.L.", "151A", "29", "strike")]


def test_said_charter_and_the_charter_further_amended(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 1-7 of the charter of the city of Beverly is hereby amended by striking out the "
                  "word “may”.",
                  "SECTION 2. Said charter is further amended in Section 2-2(a) by striking out the word “for”.",
                  "SECTION 3. The charter is further amended in SECTION 4-3 by striking the second sentence.",
                  # a charter school is no charter
                  "SECTION 4. Section 89 of chapter 71 of the General Laws, relative to the charter school board, is "
                  "hereby amended by striking out the word “may”.")
    assert [(i["target"].get("other"), i["target"]["chapter"], i["target"]["section"], i["action"]) for i in items] == [
        ("charter of the city of Beverly", None, "1-7", "strike"), ("charter of the city of Beverly", None, "2-2", "strike"),
        ("charter of the city of Beverly", None, "4-3", "strike"), (None, "71", "89", "strike")]


@pytest.mark.parametrize("predicate, section, action", [
    # an addition at the end of a named unit (this round's readers, eleven of them, read it so)
    ("by inserting at the end of the second paragraph of section 87JJ the following sentence:- A fee.", "87JJ",
     "add"),
    ("by striking out subsection (1) of section 7 and inserting in place thereof the following subsection:- (1) A fee.",
     "7", "replace"),
    ("by inserting in section 11B¾ the following words:- and towns", "11B¾", "insert"),
    # a new section goes into the chapter; a section named inside struck words is not the place
    ("by inserting after section 62 the following section:- Section 62A. A fee.", None, "insert"),
    ("by adding sections 33 to section 38", None, "add"),
    ("by striking out the words “the hazards specified in section 47”.", None, "strike"),
])
def test_the_section_a_chapters_clause_works_inside(tmp_path, predicate, section, action):
    [item] = _read(tmp_path, f"SECTION 1. Chapter 112 of the General Laws is hereby amended {predicate}")
    assert (item["target"]["chapter"], item["target"]["section"], item["action"]) == ("112", section, action)


def test_a_regulations_chapter_and_inserting_in_each_place(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 248 of the Code of Massachusetts Regulations Section 10.03 of the Plumbing Code "
                  "is hereby amended by striking out the word “may”.",
                  "SECTION 2. Section 2-203 of chapter 106 of the General Laws is hereby amended by striking out the "
                  "word “writing” wherever it appears and by inserting in each place thereof the following word:- "
                  "record")
    assert items[0]["target"] is None and "Regulations" in items[0]["warning"]
    assert _got(items[1:]) == [("2", "106", "2-203", "replace")]


def test_instructions_the_parser_made_subsections_of_the_section(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. The secretary shall report on the fund each year.",
                  "SECTION 2.",
                  "(a) Section 2 of chapter 70 of the General Laws is hereby amended by striking out, in line 70, the "
                  "word “may”.",
                  "(b) Said section 2 of said chapter 70 is hereby further amended by inserting after the word "
                  "“board” the following words:- or commission",
                  "SECTION 3. Chapter 23B of the General Laws is hereby amended by adding after section 30 the "
                  "following section: Section 31. Housing data.",
                  "(a) The department shall collect data on each new unit.",
                  "(b) Subsection (a) of section 31 of chapter 23B of the General Laws is hereby amended by striking "
                  "the word “new”.")
    assert _got(items) == [("2", "70", "2", "strike"), ("2", "70", "2", "insert"), ("3", "23B", None, "insert"),
                           ("3", "23B", "31", "strike")]
    assert items[1]["resolved_from"] == "2"


def test_an_addition_named_before_its_verb_and_an_insertion_that_names_its_own_place(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 59 of chapter 140 of the General Laws, as appearing in the 2022 Official Edition, "
                  "is hereby amended, at the end thereof, by inserting the following paragraph:- A licensee may appeal.",
                  "SECTION 2. Said section 59 of said chapter 140, as so appearing, is hereby amended at the end "
                  "thereof by inserting after the word “board” the following words:- or its clerk.")
    assert _got(items) == [("1", "140", "59", "add"), ("2", "140", "59", "insert")]


def test_a_replacement_with_its_and_left_out_or_thereby(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 7 of chapter 4 of the General Laws is hereby amended by striking out the number "
                  "“19,” inserting in place thereof the following number:- 20.",
                  "SECTION 2. Section 52E of chapter 149 of the General Laws is hereby amended by striking out "
                  "subsection (a) in its entirety and thereby replacing it with the following subsection:- (a) Words "
                  "shall have these meanings.")
    assert _got(items) == [("1", "4", "7", "replace"), ("2", "149", "52E", "replace")]


def test_a_section_named_by_amending_it_or_as_a_numbered_subsection(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 175 of the General Laws is hereby amended by amending Section 224(a) as follows: "
                  "Section 224. (a) For this section, a contract is a policy.",
                  "SECTION 2. Subsection 24 (1)(a)(1) of Chapter 90 of the General Laws is hereby amended in the "
                  "fourth paragraph by inserting at the end thereof the following sentence:- Fines go to the fund.",
                  "SECTION 3. Subsection 81(a) of chapter 179 of the acts of 2022 is hereby amended by inserting after "
                  "the word “designee;” the following words:- the auditor;")
    got = _got(items)
    assert got[0][1:3] == ("175", "224") and got[1][1:] == ("90", "24", "add") and got[2][1:] == ("179", "81", "insert")
    assert items[1]["target"]["subsection"] == "(1)" and items[2]["target"]["year"] == "2022"


def test_a_charters_lettered_section_is_read_whole(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section C-2.02 of article II of the charter of the town of Rockland is hereby amended by "
                  "striking out the words “Board of Selectmen” and inserting in place thereof the following words:- "
                  "Select Board.",
                  "SECTION 2. Section C-2.19 of said article II of said charter is hereby amended by striking out the "
                  "word “selectmen”.")
    assert [i["target"]["section"] for i in items] == ["C-2.02", "C-2.19"]


def test_an_insertion_after_a_sections_subsection_is_inside_that_section(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 176G of the General Laws is hereby amended by inserting after section 4O(c) the "
                  "following subsection:- (d) A carrier shall report each year.",
                  "SECTION 2. Chapter 176G of the General Laws is hereby amended by inserting after section 4O the "
                  "following section:- Section 4P. A carrier shall publish its rates.")
    assert _got(items) == [("1", "176G", "4O", "insert"), ("2", "176G", None, "insert")]
    assert items[1]["inserts"] == "4P"


def test_a_strike_and_an_insertion_at_lines_of_their_own_are_two(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 6B of chapter 11 of the General Laws is hereby amended by deleting, in line 23, "
                  "the word “or” and inserting, in line 24, after the word “expenditures” the following words:- or "
                  "grants.",
                  "SECTION 2. Section 12 of chapter 11 of the General Laws is hereby amended by deleting, in lines 106 "
                  "and 107, the words “for the year” and inserting, in line 106, after the word “relating” the "
                  "following words:- to the period.",
                  "SECTION 3. Chapter 159 of the General Laws is hereby amended by striking out section 19A, in its "
                  "entirety, and inserting, in place thereof, the following section:- Section 19A. Rates shall be fair.",
                  "SECTION 4. Section seven of chapter 150E of the General Laws is hereby amended by striking the word "
                  "“or”.")
    # SECTION 2's insertion names a place of its own on a struck line: two, as the readers' written conventions
    # and the later draws' readers read it (the first samples' readers read one replacement)
    assert _got(items) == [("1", "11", "6B", "strike"), ("1", "11", "6B", "insert"), ("2", "11", "12", "strike"),
                           ("2", "11", "12", "insert"), ("3", "159", "19A", "replace"), ("4", "150E", "7", "strike")]


def test_the_end_of_a_named_unit_is_an_addition_and_inserting_thereof_a_replacement(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 72 of chapter 31 of the General Laws is hereby amended by inserting the words "
                  "“or orders” at the end of said sentence.",
                  "SECTION 2. Section 13F of chapter 118E of the General Laws is hereby amended by inserting at the end "
                  "the following paragraph:- The office shall report.",
                  "SECTION 3. Section 5 of chapter 31 of the General Laws is hereby amended by inserting at the end of "
                  "line 12 the following words:- or its clerk.",
                  "SECTION 4. Section 51D of chapter 111 of the General Laws is hereby amended by striking lines 82 to "
                  "84, inclusive, and inserting thereof the following:- The board shall meet.")
    assert _got(items) == [("1", "31", "72", "add"), ("2", "118E", "13F", "add"), ("3", "31", "5", "insert"),
                           ("4", "111", "51D", "replace")]


def test_a_section_inserted_after_a_lettered_unit_is_inside_the_section_and_a_spaced_fraction(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 18C of chapter 91 of the General Laws is hereby amended by inserting after "
                  "subsection (k) the following section:- (l) The board may waive the fee.",
                  "SECTION 2. Section 37 H ¾ of chapter 71 of the General Laws is hereby amended by striking out the "
                  "word “may”.",
                  "SECTION 3. Section 72 of chapter 111 of the General Laws is hereby amended by inserting the "
                  "following section:- Section 72A. The clerk shall keep a list.")
    assert _got(items) == [("1", "91", "18C", "insert"), ("2", "71", "37H¾", "strike"), ("3", "111", None, "insert")]


def test_a_section_of_another_law_is_not_cut_short_to_dodge_its_of(tmp_path):
    """ "in section 31 of said chapter": the whole number is taken, and a section "of" something is not
    the chapter's own section read before the verb (the reader leaves it, rather than reading § 3)."""
    items = _read(tmp_path,
                  "SECTION 1. Chapter 94C of the General Laws is hereby amended in section 31 of said chapter by "
                  "striking out the word “may”.",
                  "SECTION 2. Chapter 40 of the General Laws is hereby amended by striking out, in section 12 of "
                  "said chapter 40, the word “board”.")
    assert [i["target"]["section"] for i in items] in ([None, None], ["31", "12"])


def test_the_charter_in_a_clause_about_a_vote_is_no_target(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 2-1 of the charter of the town of Reading is hereby amended by striking out the "
                  "word “five”.",
                  "SECTION 2. Section 10 of chapter 43B of the General Laws, concerning a vote on the charter, is hereby "
                  "amended by striking out the word “may”.")
    assert (items[1]["target"].get("other"), items[1]["target"]["code"], items[1]["target"]["chapter"],
            items[1]["target"]["section"]) == (None, "G.L.", "43B", "10")


def test_a_line_named_inside_struck_words_is_no_line_of_the_instruction(tmp_path):
    [item] = _read(tmp_path,
                   "SECTION 1. Section 5 of chapter 62 of the General Laws is hereby amended by striking out the words "
                   "“the amount on line 7 to add” and inserting in place thereof the following words:- the sum.")
    assert item["where"]["words"] == "the amount on line 7 to add" and item["where"]["lines"] is None
    assert item["action"] == "replace"


def test_an_insertion_at_a_place_of_its_own_is_its_own_instruction(tmp_path):
    """The strike and the insertion are two instructions where the insertion names a place of its own (an anchor
    that is not among the struck words, or the end of another unit), also on a line of the struck words; one
    replacement where it goes after one of the struck words, or "after the words" it does not name."""
    items = _read(tmp_path,
                  "SECTION 1. Section 7 of chapter 150E of the General Laws is hereby amended by striking the word "
                  "“or” before the word “board” and inserting after the word “board” in line 15 the following "
                  "words:- or the council",
                  "SECTION 2. Section 52E of chapter 149 of the General Laws is hereby amended by inserting, after the "
                  "word “worker”, the words “or applicant;” and inserting, after the word “office”, the words “or "
                  "to take leave”.",
                  "SECTION 3. Section 8 of chapter 175M of the General Laws is hereby amended by striking clause (iv) in "
                  "its entirety and inserting the following clause at the end of clause (iii):- (iv) the ages of "
                  "claimants;",
                  "SECTION 4. Section 6M of chapter 62 of the General Laws is hereby amended by striking out, in lines "
                  "10-11, the words “or any later rule” and inserting after the words “1437(b)” in line 10, the words "
                  "“and its rules”.",
                  "SECTION 5. Section 1 of chapter 218 of the General Laws is hereby amended by striking out, in line "
                  "40, the words “Ayer, Harvard and Shirley” and inserting after the word “Ayer;” the following "
                  "words:- Groton,",
                  "SECTION 6. Section 24 of chapter 279 of the General Laws is hereby amended in line 14 by striking "
                  "the words “not less than 15 years” and inserting after the words the following words:- 20 years")
    assert _got(items) == [("1", "150E", "7", "strike"), ("1", "150E", "7", "insert"),
                           ("2", "149", "52E", "insert"), ("2", "149", "52E", "insert"),
                           ("3", "175M", "8", "strike"), ("3", "175M", "8", "add"),
                           ("4", "62", "6M", "strike"), ("4", "62", "6M", "insert"), ("5", "218", "1", "replace"),
                           ("6", "279", "24", "replace")]
    assert [i["where"]["after"] for i in items[1:4]] == ["the word “board”", "the word “worker”", "the word “office”"]


def test_numbers_in_words_and_an_addition_as_a_second_paragraph(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section one hundred and fifty C of chapter one hundred and forty-nine A of the General "
                  "Laws is hereby amended by adding the following paragraph as a second paragraph:- The board may "
                  "waive the fee.",
                  "SECTION 2. Section thirty-four M of chapter ninety of the General Laws is hereby repealed.",
                  "SECTION 3. Sections one and two of chapter 5 of the General Laws are hereby repealed.")
    assert _got(items) == [("1", "149A", "150C", "insert"), ("2", "90", "34M", "repeal"), ("3", "5", "1", "repeal")]
    assert items[2]["target"]["sections"] == ["1", "2"]


def test_an_instruction_that_goes_on_inside_the_text_it_inserts(tmp_path):
    """The parser keeps "And by striking ..." after inserted words in that text; the citator reads it as the
    SECTION's own instruction on the same law, and inserted law that never says "And by striking" stays text."""
    items = _read(tmp_path,
                  "SECTION 1. Subsection (e) of section 8 of chapter 175M of the General Laws is hereby amended by "
                  "striking clause (iv) in its entirety and inserting the following clause at the end of clause (iii), "
                  "on line 20:-",
                  "(iv) the ages of claimants and the kind of leave taken; And by striking the word “and” at the end of "
                  "clause (vi), at line 28; And by striking clause (vii) and inserting at the end of clause (vi), at "
                  "line 28, the following:-",
                  "(vii) the number of open cases; and (viii) the time to a first payment.",
                  "SECTION 2. Section 7C of chapter 89 of the General Laws is hereby amended by striking out subsection "
                  "(c) and inserting in place thereof the following subsection:-",
                  "(c) A violation shall be punished by a fine of $100. And further, by adding the following "
                  "sections:-",
                  "(d) A second offense shall require a course.",
                  "(e) No offense shall be a surchargeable incident.",
                  "SECTION 3. Section 9 of chapter 6 of the General Laws is hereby amended by inserting the following "
                  "subsection:- (f) The fund shall be kept apart; and by the board's vote it may be spent.")
    assert _got(items) == [("1", "175M", "8", "strike"), ("1", "175M", "8", "add"), ("1", "175M", "8", "strike"),
                           ("1", "175M", "8", "strike"), ("1", "175M", "8", "add"),
                           ("2", "89", "7C", "replace"), ("2", "89", "7C", "add"), ("3", "6", "9", "insert")]
    assert [i["where"]["lines"] for i in items[:5]] == [None, [20], [28], None, [28]]


def test_a_section_of_the_general_laws_given_a_new_section_is_a_chapter(tmp_path):
    """ "Section 164 of the General Laws ... inserting the following section": a section is given no new sections, so
    the words' unit is chapter 164 (said in a warning); a section named so that is only amended stays unread."""
    items = _read(tmp_path,
                  "SECTION 1. Section 164 of the General Laws is hereby amended by inserting the following section:- "
                  "Section 149. The department may set rates.",
                  "SECTION 2. Section 13A of the General Laws is hereby amended by striking out the word “may”.",
                  "SECTION 3. Said chapter 60 is hereby further amended by striking out subsection 62A and inserting "
                  "in place thereof the following section:- Section 62A. The collector shall give notice.",
                  "SECTION 4. Chapter 65C of the General Laws is hereby amended by striking out Section 2 and Section 2A "
                  "in their entirety and inserting in place thereof the following section:- Section 2. A tax is laid.")
    assert _got(items) == [("1", "164", None, "insert"), ("2", None, None, "strike"), ("3", "60", "62A", "replace"),
                           ("4", "65C", "2", "replace")]
    assert items[0]["inserts"] == "149" and "read as chapter 164" in items[0]["warning"]
    assert items[1]["target"] is None and "no chapter named" in items[1]["warning"]
    assert items[3]["target"]["sections"] == ["2", "2A"]


def test_a_new_chapter_printed_with_its_number_and_no_word_chapter(tmp_path):
    [item] = _read(tmp_path,
                   "SECTION 1. The General Laws are hereby amended by inserting after chapter 111N the following "
                   "chapter:-",
                   "111O.",
                   "Regulation of Body Art",
                   "Section 1. As used in this chapter, the following words shall have the following meanings:")
    assert (item["target"]["chapter"], item["target"].get("new_chapter"), item["inserts"]) == ("111O", True, "111O")


def test_a_colon_inside_struck_words_opens_no_inserted_text(tmp_path):
    """ "the following factors ... by:" inside the quotation marks of struck words is their own colon: the clause goes
    on to "and replacing with the following new text:" (one replacement, not a strike)."""
    [item] = _read(tmp_path,
                   "SECTION 1. Chapter 59, Section 5, subsection 41C is hereby amended by striking out the words:",
                   "“A town may adjust the following factors contained in these provisions by: 1) reducing the age; "
                   "2) increasing the amounts;” and replacing with the following new text:",
                   "“A town may adjust the following factors by: 1) reducing the age.”")
    assert (item["target"]["chapter"], item["target"]["section"], item["action"]) == ("59", "5", "replace")


def test_misprinted_verbs_in_place_and_struck_words_set_off_before_an_insertion_elsewhere(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 100J of chapter 276 of the General Laws is hereby amended by striking out, in "
                  "line 9, the words “disabled person” and inserted in place thereof the following words:- person "
                  "with a disability",
                  "SECTION 2. Section 16 of chapter 19A of the General Laws is hereby amended by striking out "
                  "subsection (a) and asserting in place thereof the following subsection:- (a) The board shall meet.",
                  "SECTION 3. Section 60G of chapter 231 of the General Laws is amended by striking in lines 10 and 11 "
                  "the following: “before the judgment” and adding in lines 12 and 27 after the word “paid” the "
                  "following: , replaced or repaid,.")
    assert _got(items) == [("1", "276", "100J", "replace"), ("2", "19A", "16", "replace"),
                           ("3", "231", "60G", "strike"), ("3", "231", "60G", "insert")]
    assert [i["where"]["lines"] for i in items[2:]] == [[10, 11], [12, 27]]


def test_said_chapter_missing_its_letter_points_back_to_the_one_chapter_named(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 14 of chapter 61A of the General Laws is hereby amended by striking out the word "
                  "“may”.",
                  "SECTION 2. Said section 14 of said chapter 61, as so appearing, is hereby further amended by adding "
                  "the following sentence:- The fee is $10.",
                  "SECTION 3. Section 2 of said chapter 62 is hereby amended by striking out the word “may”.")
    assert _got(items) == [("1", "61A", "14", "strike"), ("2", "61A", "14", "add"), ("3", "62", "2", "strike")]
    assert "read as chapter 61A" in items[1]["warning"] and "warning" not in items[2]


def test_units_named_after_the_following_and_misnamed_new_sections_at_the_end(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 161A is hereby amended by inserting the following paragraphs in section 7 after "
                  "the term “under section 6C”:",
                  "(a) The board shall set deadlines.",
                  "SECTION 2. Section 5 of chapter 59 of the General Laws is hereby amended by inserting at the end "
                  "thereof the following new section:-",
                  "Sixty-first, Real estate of a veteran, to the value of $5,000.",
                  "SECTION 3. Section 2 of Chapter 151-C of the General Laws is hereby amended in section 9E by "
                  "striking in line 2 the following: “when supervised” and inserting instead thereof, “when trained”.",
                  "SECTION 4. Section 45 of chapter 129 of the General Laws is hereby amended by inserting the following "
                  "new section at the end thereof:-",
                  "Section 45A. The commissioner may inspect.")
    assert _got(items) == [("1", "161A", "7", "insert"), ("2", "59", "5", "add"), ("3", "151C", "2", "replace"),
                           ("4", "129", None, "add")]
    assert items[3]["inserts"] == "45A" and items[3]["where"]["after"] == "section 45"


def test_a_lead_amended_as_follows_whose_items_are_instructions_of_their_own(tmp_path):
    """The lead names what the items amend; it is no instruction itself, and an item that names only a sentence
    is inside the lead's section.  A lead whose items are plain text stays one instruction ("amend")."""
    items = _read(tmp_path,
                  "SECTION 1. Section 1 of chapter 349 of the acts of 1986 is hereby amended as follows: Clause (6) of "
                  "said section 1 of said chapter 349 is hereby amended by striking the first sentence. Clause (7) of "
                  "said section 1 of said chapter 349 is hereby amended by striking out the word “pier” and inserting "
                  "in place thereof the word “park”.",
                  "SECTION 2. The charter of the city of Beverly is hereby amended in section 7-7 as follows: 1) The "
                  "first sentence is amended by striking the word “which” and inserting in place thereof “that” and by "
                  "striking the word “shall”. 2) The second sentence is amended by inserting after the word “expense” "
                  "the following words:- and time",
                  "SECTION 3. Section 32 of chapter 94C of the General Laws is hereby amended as follows: Paragraph (b) "
                  "shall be stricken.")
    got = [(i["section"], i["target"]["code"], i["target"]["chapter"], i["target"]["section"], i["action"])
           for i in items]
    assert got == [("1", "Acts", "349", "1", "strike"), ("1", "Acts", "349", "1", "replace"),
                   ("2", None, None, "7-7", "replace"), ("2", None, None, "7-7", "strike"),
                   ("2", None, None, "7-7", "insert"), ("3", "G.L.", "94C", "32", "amend")]
    assert [i["target"]["clause"] for i in items[:2]] == ["(6)", "(7)"]
    assert all(i["target"].get("other") == "charter of the city of Beverly" for i in items[2:5])


def test_a_section_sign_a_hyphened_range_and_subsections_put_in_a_section(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. § 26 of Chapter 218 of the General Laws is hereby amended by inserting after the word "
                  "“thirty” the following words:- thirty A",
                  "SECTION 2. Chapter 121 of the Acts of 2018 is hereby amended by striking sections 24-26.",
                  "SECTION 3. Chapter 6A of the General Laws is hereby amended by adding the following subsection in "
                  "Section 16G:- (h) The board shall report.",
                  "SECTION 4. Said chapter 6A is hereby further amended by inserting after subsection 17(b) the "
                  "following new subsection:- (c) The fund shall be kept.",
                  "SECTION 5. Section 2-9 of the charter of the city of Beverly is hereby amended by striking out the "
                  "word “shall”.")
    assert _got(items) == [("1", "218", "26", "insert"), ("2", "121", "24", "strike"), ("3", "6A", "16G", "add"),
                           ("4", "6A", "17", "insert"), ("5", None, "2-9", "strike")]
    assert items[1]["target"]["sections"] == ["24", "25", "26"]


def test_the_second_reads_findings(tmp_path):
    """Forms a reviewer found the rules above misread: each now read as its words say."""
    items = _read(tmp_path,
                  # an unclosed curly quotation mark before "the following words:" does not stop the inserted text
                  "SECTION 1. Section 5 of chapter 90 of the General Laws is hereby amended by striking out the word "
                  "“signs and inserting in place thereof the following words: traffic markers",
                  # a lead whose new text follows its colon stays one instruction
                  "SECTION 2. Section 9 of chapter 90 of the General Laws is hereby amended as follows: “A permit "
                  "shall be shown on demand.” Section 10 of said chapter 90 is hereby amended by striking out the word "
                  "“may”.",
                  # a bare section under a chapter's lead is the chapter's
                  "SECTION 3. Chapter 40 of the General Laws is hereby amended as follows: Section 7 is hereby amended "
                  "by striking out the word “may”.",
                  # a subsection of a section is no section
                  "SECTION 4. Chapter 60 of the General Laws is hereby amended by striking out subsection 5 of section "
                  "62A.",
                  # a sentence of inserted law with "and adding at the end" is the law's own words
                  "SECTION 5. Section 7 of chapter 90 of the General Laws is hereby amended by adding the following "
                  "sentence:- Each agency shall keep a ledger of payments and adding at the end of each month a total.",
                  # "inserted in place of" inside struck words is no misprinted verb
                  "SECTION 6. Section 8 of chapter 90 of the General Laws is hereby amended by striking out the words "
                  "“that are removed and inserted in place of the old signs” and inserting in place thereof the words "
                  "“that are replaced”.",
                  "SECTION 7. Sections nineteen, twenty, and twenty-one of chapter 90 of the General Laws are hereby "
                  "repealed.",
                  "SECTION 8. Sections 10-11 and 10-12 of the charter of the city of Quincy are hereby repealed.",
                  "SECTION 9. §§ 24-26 of chapter 218 of the General Laws are hereby repealed.",
                  "SECTION 10. Sections 5 and 6 of chapter 59 of the General Laws are hereby amended by adding at the "
                  "end thereof the following new section:- Sixty-first, Real estate of a veteran.")
    assert _got(items) == [("1", "90", "5", "replace"), ("2", "90", "9", "amend"), ("2", "90", "10", "strike"),
                           ("3", "40", "7", "strike"), ("4", "60", "62A", "strike"), ("5", "90", "7", "add"),
                           ("6", "90", "8", "replace"), ("7", "90", "19", "repeal"), ("8", None, "10-11", "repeal"),
                           ("9", "218", "24", "repeal"), ("10", "59", "5", "add")]
    assert items[0]["new_text"] == "traffic markers"
    assert items[5]["new_text"] == "Each agency shall keep a ledger of payments and adding at the end of each month a total."
    assert items[6]["where"]["words"] == "that are removed and inserted in place of the old signs"
    assert [items[i]["target"]["sections"] for i in (7, 8, 9, 10)] == [["19", "20", "21"], ["10-11", "10-12"],
                                                                        ["24", "25", "26"], ["5", "6"]]


def test_many_insertions_joined_in_one_clause_and_a_long_number_in_words(tmp_path):
    # 1,000 insertions in one clause were a RecursionError; "one hundred and" 18 times took seconds of backtracking
    many = "".join(f" and inserting after the word “b{k}” the words “c”" for k in range(1000))
    items = _read(tmp_path,
                  "SECTION 1. Section 5 of chapter 90 of the General Laws is hereby amended by inserting after the word "
                  f"“a” the words “c”{many}.",
                  "SECTION 2. Sections " + "one hundred and " * 18 + "two hundred inclusive of chapter 5 of the General "
                  "Laws are hereby repealed.")
    assert len(items) == 1002 and all(i["action"] == "insert" for i in items[:1001])
    assert items[1001]["action"] == "repeal" and items[1001]["target"]["chapter"] == "5"


def test_each_clause_takes_the_place_printed_before_its_by(tmp_path):
    # H.421: "amended as follows: In section 2 by striking ... In section 11 by adding ..."; S.929: "striking out in
    # section 32B paragraph (a) the words ... and in paragraph (b) by striking out ..."; H.1438: "Said clause (a)"
    # after an instruction that worked inside section 172; H.2542: "at the end of subdivision (4)" an addition
    items = _read(tmp_path,
                  "SECTION 1. Chapter 23K of the General Laws is hereby amended as follows:",
                  "In section 2 by striking the definition of “Tier 1 permit” and replacing with the following new "
                  "definition:",
                  "“Tier 1 permit” a permit the board issues for one year.",
                  "In section 11 by adding the following new subsection:",
                  "(e) The board may renew a permit once.",
                  "SECTION 2. Chapter 94C of the General Laws is hereby further amended by striking out in section 32B "
                  "paragraph (a) the words “not less than $50 nor” and in paragraph (b) by striking out, each time they "
                  "appear, the words “not less than $90 nor”.",
                  "SECTION 3. Said chapter 6 is hereby further amended by inserting in subclause (1) of clause (a) of "
                  "section 172 after the word “duties” the following words:- or their agents.",
                  "SECTION 4. Said clause (a) is hereby further amended by inserting at the end of subclause (3) the "
                  "following words:- ; provided, that no fee is charged.",
                  "SECTION 5. Section 20 of chapter 32 of the General Laws is amended by inserting at the end of "
                  "subdivision (4) the following new subdivision:-",
                  "(4A) A surviving spouse may vote.")
    assert _got(items) == [("1", "23K", "2", "replace"), ("1", "23K", "11", "add"), ("2", "94C", "32B", "strike"),
                           ("2", "94C", "32B", "strike"), ("3", "6", "172", "insert"), ("4", "6", "172", "add"),
                           ("5", "32", "20", "add")]
    assert items[0]["new_text"] == "“Tier 1 permit” a permit the board issues for one year."
    assert [i["where"]["words"] for i in items[2:4]] == ["not less than $50 nor", "not less than $90 nor"]


def test_a_bylaw_abbreviated_citations_several_sections_and_a_new_chapter_of_the_general_laws(tmp_path):
    # S.2874 a town's bylaw (no law: never read as chapter 140 of the General Laws); H.1971 "MGL 94C sec 18A (b)";
    # S.994 "in sections 3,4,5, and 6"; S.861 an insertion "in the second line of the second paragraph ... after";
    # H.2866 "General Laws, Part I, Title IX, is amended to include the following:" and then a chapter
    items = _read(tmp_path,
                  "SECTION 1. Said chapter 140 of the Harwich Open Space Bylaw is hereby amended by adding the "
                  "following section:-",
                  "“§140-4. Meadows. A meadow is land left unmown.”",
                  "SECTION 2. MGL  94C sec 18A (b) of the General Laws is hereby amended by adding, in the first "
                  "sentence after the word “board” the following: and the clinic.",
                  "SECTION 3. Said chapter 186A of the General Laws is hereby further amended in sections 3,4,5, and 6 by "
                  "striking out each appearance of the words “old owner” and inserting in place thereof the following "
                  "words:- new owner.",
                  "SECTION 4. Section 32 of chapter 184 of the General Laws is hereby amended by deleting at the end of "
                  "the first line in the second paragraph the following word: - “and” and inserting in the second line "
                  "of the second paragraph after “homes”, the following words:- “and cottages”.",
                  "SECTION 5: Massachusetts General Laws, Part I, Title IX, is amended to include the following:",
                  "Chapter 61D: MEADOWS",
                  "Section 1. Meadows shall be taxed as forest land.")
    assert _got(items) == [("1", None, None, "add"), ("2", "94C", "18A", "insert"), ("3", "186A", "3", "replace"),
                           ("4", "184", "32", "strike"), ("4", "184", "32", "insert"), ("5", "61D", None, "insert")]
    assert items[0]["warning"] == "a town's bylaw or a city's ordinance, not a law"
    assert items[2]["target"]["sections"] == ["3", "4", "5", "6"]
    assert items[4]["where"]["words"] == "homes"
    assert items[5]["target"]["new_chapter"] is True and items[5]["inserts"] == "61D"


def test_a_part_of_a_section_struck_a_place_before_adding_a_last_unit_and_the_session_laws(tmp_path):
    # H.4152 "striking out subsection (f) of section 3B and inserting in place thereof the following section" (the
    # unit misnamed); H.2472 "amended in Group 2 after the words “x” by adding:-"; H.4436 "a new seventh and final
    # paragraph"; H.1546 "adding ... between the current second sentence ... and the current third"; H.763 "Chapter
    # 65 of the Session Laws of 2010"; H.634 a new "Chapter 19D1/2" with no stop
    items = _read(tmp_path,
                  "SECTION 1. Chapter 115 of the General Laws is hereby amended by striking out subsection (f) of "
                  "section 3B and inserting in place thereof the following section:-",
                  "“(f) Agents shall keep a claimant's records private.”",
                  "SECTION 2. Section 3 of chapter 32 of the General Laws subsection (g) is hereby amended in Group 2 "
                  "after the words “deputy warden” by adding:- plant operator;",
                  "SECTION 3. Section 65 of chapter 31 of the General Laws is hereby amended by inserting a new seventh "
                  "and final paragraph stating:-",
                  "“This section applies to every agency.”",
                  "SECTION 4. Section 20J of chapter 233 of the General Laws is hereby amended by adding the following "
                  "sentence between the current second sentence and the current third sentence:- A counselor may sit.",
                  "SECTION 5. Section 1 of chapter 65 of the Session Laws of 2010 is hereby amended by striking out the "
                  "word “pier” and inserting in place thereof the following word:- wharf.",
                  "SECTION 6. The General Laws are hereby amended by inserting after chapter 19D the following new "
                  "chapter:-",
                  "Chapter 19D1/2",
                  "Section 1. Personal care homes shall be licensed.")
    assert _got(items) == [("1", "115", "3B", "replace"), ("2", "32", "3", "insert"), ("3", "31", "65", "add"),
                           ("4", "233", "20J", "insert"), ("5", "65", "1", "replace"), ("6", "19D1/2", None, "insert")]
    assert items[1]["where"]["words"] == "deputy warden"
    assert (items[4]["target"]["code"], items[4]["target"]["year"]) == ("Acts", "2010")
    assert items[5]["target"]["new_chapter"] is True


def test_further_amended_after_a_semicolon_a_table_and_adding_in_its_place(tmp_path):
    # H.1599: "... is hereby further amended in section 12K by ...:- 12R.4; and further amended by adding the following
    # definitions:-" (the chapter: nothing names a section's part) and "...; and further amended by striking the word
    # “is” ..." (a word: the section the sentence worked in); S.1239 "... and striking out the words ..." a second
    # strike; S.1255 "deleting subsection (ii) and adding in its place"; S.866 "inserting after Chapter 121G the
    # following section:- Chapter 121H." (a chapter, misnamed); S.1774 "adding at the beginning of the first
    # paragraph" (a place: an insertion); H.592 "(b) Table 1 of paragraph (a) of section 3 ... is hereby amended"
    items = _read(tmp_path,
                  "SECTION 1. Said chapter 112 of the General Laws is hereby further amended in section 12K by striking "
                  "out the word “12R” and inserting in place thereof the following word:- 12R.4; and further amended by "
                  "adding the following definitions:-",
                  "“Clinic”, a place of care.",
                  "SECTION 2. Said chapter 112 is hereby further amended in section 12L by inserting after the word "
                  "“care” the following words:- or aid; and further amended by striking the word “is” and inserting in "
                  "place thereof the word:- are.",
                  "SECTION 3. Section 17 of chapter 123 of the General Laws is amended by striking out the words “or the "
                  "director” and striking out the words “or deputy”.",
                  "SECTION 4. Section 18C of chapter 94C of the General Laws is hereby amended by deleting subsection (ii) "
                  "and adding in its place the following:- (ii) inform the patient.",
                  "SECTION 5. The General Laws are hereby further amended by inserting after Chapter 121G the following "
                  "section:-",
                  "Chapter 121H.",
                  "FAIR HOUSING FUND",
                  "Section 1. There shall be a fund.",
                  "SECTION 6. Section 64 of chapter 60 of the General Laws is hereby amended by adding at the beginning "
                  "of the first paragraph the following:- (a).",
                  "SECTION 7. (a) Section 2 of chapter 70 of the General Laws is hereby amended by striking out the word "
                  "“or” and inserting in place thereof the following word:- and.",
                  "(b) Table 1 of paragraph (a) of section 3 of said chapter 70 is hereby amended by inserting after row "
                  "“high school” the following row:- Early college 1 2 3")
    assert _got(items) == [("1", "112", "12K", "replace"), ("1", "112", None, "add"), ("2", "112", "12L", "insert"),
                           ("2", "112", "12L", "replace"), ("3", "123", "17", "strike"), ("3", "123", "17", "strike"),
                           ("4", "94C", "18C", "replace"), ("5", "121H", None, "insert"), ("6", "60", "64", "insert"),
                           ("7", "70", "2", "replace"), ("7", "70", "3", "insert")]
    assert items[0]["new_text"] == "12R.4"
    assert items[5]["where"]["words"] == "or deputy"
    assert items[7]["target"]["new_chapter"] is True


def test_a_charter_lead_whose_items_each_amend_a_section_and_a_list_under_an_item(tmp_path):
    # H.3747 SECTION 62: "The charter is further amended in Article 8 by amending ... as follows:- (a) The first
    # sentence of SECTION 8-1(a) is amended by- striking ... (b) ..."; SECTION 34: "(a) The first sentence is amended
    # as follows: - (1) by inserting ... (2) by striking ... and inserting the word “x” after the word “y”"
    items = _read(tmp_path,
                  "SECTION 1. Chapter 1 of the charter of the city of Beverly, which is on file in the office of the "
                  "archivist of the commonwealth, is hereby amended by striking out the word “alderman” and inserting "
                  "in place thereof the word “councilor”.",
                  "SECTION 2. The charter is further amended in Article 8 by amending SECTIONS 8-1(a) and 8-6(d) as "
                  "follows:-",
                  "(a) The first sentence of SECTION 8-1(a) is amended by- striking the word “statutes” and inserting in "
                  "place thereof the words “general laws”.",
                  "(b) SECTION 8-6(d) is amended by striking the words “a list of” following the word “contains” and "
                  "inserting the words “or list of” following the word “or”.",
                  "SECTION 3. The charter is further amended in Section 4-1(f) by amending the first sentence as "
                  "follows:-",
                  "(a) The first sentence is amended as follows: -",
                  "(1) by inserting the words “or district” following the word “member”;",
                  "(2) by striking the number “20” and inserting in place thereof the number “18”, and by inserting the "
                  "word “or” after the word “ward”.")
    got = [(i["section"], i["target"] and i["target"].get("section"), i["action"]) for i in items]
    assert got == [("1", None, "replace"), ("2", "8-1", "replace"), ("2", "8-6", "strike"), ("2", "8-6", "insert"),
                   ("3", "4-1", "insert"), ("3", "4-1", "replace"), ("3", "4-1", "insert")]
    assert all(i["target"]["other"].startswith("charter of the city of Beverly") for i in items)


def test_an_acts_sections_numbered_from_a_letter(tmp_path):
    # S.2426: "Sections A1, 17 and 18 of chapter 128 of the acts of 2022 are hereby repealed"
    items = _read(tmp_path, "SECTION 21. Sections A1, 17 and 18 of chapter 128 of the acts of 2022 are hereby repealed.")
    assert _got(items) == [("21", "128", "A1", "repeal")]
    assert items[0]["target"]["sections"] == ["A1", "17", "18"]


def test_after_a_word_at_the_end_of_a_paragraph_a_line_before_adding_and_a_sibling_section_as_the_place(tmp_path):
    # S.1096 "inserting after the word “x” at the end of the sixth paragraph" (after the word: an insertion; "at the
    # end of subclause (30) after the word" stays an addition); H.140 "amended in line 40 by adding the following
    # sentence" (a place); S.1812 "Section 38 of Chapter 63 ... inserting after Section 38HH the following new
    # subsection:- Section 38II." (a section holds no section 38HH: a new section of the chapter, warned)
    items = _read(tmp_path,
                  "SECTION 1. Chapter 209A of the General Laws is hereby further amended in section 7 by inserting after "
                  "the word “compliance” at the end of the sixth paragraph the following sentence:- A defendant shall "
                  "attend.",
                  "SECTION 2. Section 172 of chapter 6 of the General Laws is hereby amended by inserting at the end of "
                  "subclause (30) after the word “databases”:- ; provided, that no record is shared.",
                  "SECTION 3. Section 12C of chapter 71B of the General Laws is hereby amended in line 40 by adding the "
                  "following sentence:- The bureau shall train.",
                  "SECTION 4. Section 38 of Chapter 63 of the General Laws is hereby amended by inserting after Section "
                  "38HH the following new subsection:-",
                  "Section 38II. (a) A donor may take a credit.")
    assert _got(items) == [("1", "209A", "7", "insert"), ("2", "6", "172", "add"), ("3", "71B", "12C", "insert"),
                           ("4", "63", None, "insert")]
    assert items[3]["inserts"] == "38II" and items[3]["where"]["after"] == "Section 38HH"
    assert items[3]["warning"].startswith("section 38 named, but the place is section 38HH")


def test_a_whole_chapter_struck_and_a_section_named_after_the_anchors_words(tmp_path):
    # S.2961 "The General Laws ... are hereby amended by striking out chapter 209B and inserting in place thereof the
    # following chapter"; H.410 "Chapter 6A ... adding the following after the word “program” in Section 16G"
    items = _read(tmp_path,
                  "SECTION 1. The General Laws are hereby amended by striking out chapter 209B and inserting in place "
                  "thereof the following chapter:-",
                  "CHAPTER 209B. CHILD CUSTODY",
                  "Section 1. Words have meanings.",
                  "SECTION 2. Chapter 6A of the General Laws is hereby amended by adding the following after the word "
                  "“program” in Section 16G:- and the clinic.")
    assert _got(items) == [("1", "209B", None, "replace"), ("2", "6A", "16G", "insert")]


def test_by_striking_items_after_inserted_text_and_and_further_striking(tmp_path):
    # H.4278 "amended as follows: By adding, at line 180, the following subsection: - (l) ... By striking out, at line
    # 180, the letter “l” ... and replacing it with ..."; H.1818 "(a) Striking out the words “x” in paragraph (1) and
    # further striking the second sentence ... and inserting in place thereof ..."
    items = _read(tmp_path,
                  "SECTION 1. Section 148C of chapter 149 of the General Laws is hereby amended as follows:",
                  "By adding, at line 180, the following subsection: -",
                  "(l) Employers shall be given a credit.",
                  "By striking out, at line 180, the letter “l” appearing in parentheses and replacing it with the letter "
                  "“m”.",
                  "SECTION 2. Subsection (b) of section 32E of chapter 94C of the General Laws is hereby amended by striking "
                  "out the words “less than 2 nor” in paragraph (1) and further striking the second sentence in the said "
                  "subsection and inserting in place thereof the following sentence:- No fine shall exceed $25,000.")
    assert _got(items) == [("1", "149", "148C", "insert"), ("1", "149", "148C", "replace"),
                           ("2", "94C", "32E", "strike"), ("2", "94C", "32E", "replace")]
    assert items[1]["where"]["words"] == "l"


def test_replacing_with_after_a_strike_and_a_section_as_so_appearing_after_an_act(tmp_path):
    # "striking ... the number “(iv)”, in line 12, and replacing with ...": one replacement (the words "replacing
    # with" have no object of their own); "Subsection (b) of Section 12C, as so appearing" after a section of an
    # act names no chapter, but "so appearing" points back to the act named last
    items = _read(tmp_path,
                  "SECTION 1. Section 9 of chapter 140 of the General Laws is hereby amended by striking in subsection "
                  "(c), the number “(iv)”, in line 12, and replacing with the following number:- (v)",
                  "SECTION 2. Section 12B of chapter 88 of the acts of 2010, as appearing in section 3 of chapter 4 of "
                  "the acts of 2016, is hereby amended by inserting after the word “board” the following words:- or "
                  "council",
                  "SECTION 3. Subsection (b) of Section 12C, as so appearing, is hereby amended by inserting after the "
                  "first sentence the following sentence:- The council shall meet monthly.")
    assert _got(items) == [("1", "140", "9", "replace"), ("2", "88", "12B", "insert"), ("3", "88", "12C", "insert")]
    assert items[2]["target"]["code"] == "Acts" and items[2]["target"]["year"] == "2010"


def test_inserted_instead_and_by_further_striking(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 190 of chapter 111 of the General Laws is hereby amended by striking in the "
                  "third paragraph the word “ten” and inserted instead the word, “twelve” and by further striking the "
                  "following sentence, “The board may meet.”",
                  "SECTION 2. Said chapter 111 is hereby further amended by inserting after section 190 the following "
                  "section:- Section 190A. In addition, further adding to the board's duties, it shall report.")
    assert _got(items) == [("1", "111", "190", "replace"), ("1", "111", "190", "strike"), ("2", "111", None, "insert")]


def test_an_insertion_in_a_named_paragraph_after_other_words_is_its_own(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 87A of chapter 276 of the General Laws is hereby amended by striking out before "
                  "(ii) the word “or” and inserting in the first paragraph after the words “written notice,” the "
                  "following words:- or (iii) on the basis of a fee.")
    assert _got(items) == [("1", "276", "87A", "strike"), ("1", "276", "87A", "insert")]
    assert items[1]["where"]["after"] == "the words “written notice,”"


def test_a_stray_mark_before_the_next_section_is_not_inserted_words(tmp_path):
    # The record prints a lone mark on the line before the next SECTION ("9 SECTION 137." in S.3006): the parser
    # keeps it at the end of the SECTION before, lossless; the words the instruction inserts end at the stop.
    items = _read(tmp_path,
                  "SECTION 1. Section 4 of chapter 19A of the General Laws, as appearing in the 2022 Official Edition, "
                  "is hereby amended by striking out, in line 2, the words “elder affairs” and inserting in place "
                  "thereof the following words:- aging and independence.",
                  "7 SECTION 2. Section 5 of said chapter 19A, as so appearing, is hereby amended by striking out, "
                  "in line 8, the word “handicapped” and inserting in place thereof the following words:- "
                  "persons with disabilities.",
                  "B SECTION 3. Section 6 of said chapter 19A, as so appearing, is hereby amended by inserting after "
                  "the word “plan”, in line 3, the following words:- as required by clause (e) 4.",
                  "SECTION 4. Section 7 of said chapter 19A is hereby amended by adding the following words:- "
                  "for a total of 11,030. 05")
    assert _got(items) == [("1", "19A", "4", "replace"), ("2", "19A", "5", "replace"), ("3", "19A", "6", "insert"),
                           ("4", "19A", "7", "add")]
    assert [i["new_text"] for i in items] == ["aging and independence.", "persons with disabilities.",
                                              "as required by clause (e) 4.", "for a total of 11,030. 05"]
