"""Sections inside quoted (inserted) text as the 193rd session's records print them, and the sample
of issue #22 showed lawdiff missing: fractions, an opening quotation mark, a heading run on after
its instruction, a placeholder number, decimal numbers.  API records written here in the layout
of the records named (one paragraph a line, tab-indented, CRLF) and in our own words; the
expected trees are what a person reads in the text below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawdiff.load.documents import parse_bytes
from lawdiff.parse.eids import clean_num


def parse(*paragraphs: str):
    text = "".join(f"\t{p}\r\n" for p in paragraphs)
    data = json.dumps({"DocumentText": text, "BillNumber": "H9999", "GeneralCourtNumber": 193}).encode()
    return parse_bytes(data, "H9999.json")


def tops(doc) -> list[str]:
    body = next(c for c in doc.tree.children if c.type == "body")
    return [n.num for n in body.children]


def quoted(doc) -> list[str]:
    return [n.num for n in doc.tree.walk() if n.type == "section" and n.eid and "qstr" in n.eid]


def warnings(doc) -> list[str]:
    return doc.meta.get("warnings", [])


EFFECT = "This act shall take effect on July 1."


def test_fraction_numbers_are_kept_apart_from_the_section_they_follow():
    assert clean_num("Section 10A ½.") == "10a-1-2"
    assert clean_num("Section 24I½.") == "24i-1-2"
    assert clean_num("Section 11F 2/3.") == "11f-2-3"
    assert clean_num("“SECTION 46H1/2.") == "46h-1-2"
    assert clean_num("Section 5.01.") == "5-01"
    assert clean_num("Section 10A.") == "10a"
    assert clean_num("SECTION 2C.I.") == "2ci"  # a budget's part, as before
    assert clean_num("SECTION 1 3.") == "13"


def test_an_inserted_section_numbered_with_a_fraction():
    """H.2734 ("Section 10A ½.") and H.4543 ("Section 11F 2/3.")."""
    doc = parse("SECTION 1. Chapter 91 of the General Laws is hereby amended by inserting after section 10A the "
                "following section: -",
                "Section 10A ½. There shall be a harbor dredging fund.",
                "SECTION 2. Chapter 25A of the General Laws is hereby amended by adding the following section:-",
                "Section 11F 2/3. (a) The department shall set a clean fuel standard.",
                "(b) The standard shall tighten each year.",
                f"SECTION 3. {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert quoted(doc) == ["Section 10A ½.", "Section 11F 2/3."]
    assert doc.tree.find("sec_1__qstr_1__sec_10a-1-2") is not None
    assert doc.tree.find("sec_2__qstr_1__sec_11f-2-3__subsec_b") is not None
    assert not warnings(doc)


def test_a_fraction_number_with_no_full_stop_before_its_first_subsection():
    """S.651: "Section 12D ½ (a) For the purposes of this section ..."."""
    doc = parse("SECTION 1. Chapter 112 of the General Laws is hereby amended by inserting after section 12D the "
                "following new section:-",
                "Section 12D ½ (a) For the purposes of this section, the following words shall have the following "
                "meanings:",
                '"Emergency", a time when no prescriber can be reached.',
                "(b) A pharmacist may dispense a 30 day supply in an emergency.",
                f"SECTION 2. {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert quoted(doc) == ["Section 12D ½"]
    section = doc.tree.find("sec_1__qstr_1__sec_12d-1-2")
    assert [c.num for c in section.children] == ["(a)", "(b)"]
    assert not warnings(doc)


def test_an_opening_quotation_mark_before_an_inserted_section():
    """H.4503 ("“Section 17." after "... adding the following section:") and S.26 ("“SECTION 11.", an
    inserted section printed in capitals, not the bill's)."""
    doc = parse("SECTION 1. Chapter 23J of the General Laws is hereby amended by adding the following section:",
                "“Section 17. (a) The center shall write a report on port capacity.",
                "(b) The report shall be public.”",
                "SECTION 2. Chapter 7D of the General Laws is hereby amended by inserting the following section:-",
                "“SECTION 11. Innovation fund",
                "(a) There shall be an innovation fund.",
                f"SECTION 3. {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert quoted(doc) == ["“Section 17.", "“SECTION 11."]
    assert doc.tree.find("sec_1__qstr_1__sec_17__subsec_b") is not None
    assert doc.tree.find("sec_2__qstr_1__sec_11").heading == "Innovation fund"
    assert not warnings(doc)


def test_a_stray_opening_quotation_mark_before_the_bills_own_next_section():
    """H.3393: the bill's own "“SECTION 3." after its SECTION 2A, no quotation open."""
    doc = parse("SECTION 1. The department shall adopt rules.",
                "SECTION 2. The rules shall be published.",
                "SECTION 2A. The department shall report on the rules.",
                "“SECTION 3. The first report shall be filed within 2 years.")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 2A.", "“SECTION 3."]
    assert quoted(doc) == []
    assert not warnings(doc)


def test_an_inserted_heading_run_on_after_its_instruction():
    """H.4503 ("... adding the following section:-Section 21. ") and S.587 ("... the following new
    section:-“Section 35QQQ" with its subsections on the next paragraphs)."""
    doc = parse("SECTION 1. Chapter 25A of the General Laws is hereby amended by adding the following section:-"
                "Section 21. ",
                "(a) The department shall buy energy storage.",
                "(b) The department shall report each year.",
                "SECTION 2. Chapter 10 of the General Laws is hereby amended by inserting after section 35PPP the "
                "following new section:-“Section 35QQQ",
                "(a) There shall be a fisheries mitigation fund.",
                "(b) The fund shall be audited.”",
                f"SECTION 3. {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert quoted(doc) == ["Section 21.", "“Section 35QQQ"]
    assert doc.tree.find("sec_1__qstr_1__sec_21__subsec_b") is not None
    assert doc.tree.find("sec_2__qstr_1__sec_35qqq__subsec_b") is not None
    assert not warnings(doc)


def test_the_run_on_split_needs_a_section_instruction_and_a_section_heading():
    """"... the following words:- Section 4 of the act" is quoted words, not a heading."""
    doc = parse("SECTION 1. Section 3 of chapter 10 is hereby amended by adding the following words:- "
                "Section 4 of the act applies.",
                f"SECTION 2. {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert quoted(doc) == []


def test_an_inserted_section_numbered_by_a_placeholder_or_in_roman_figures():
    """H.3064 ("“Section X: ...", a placeholder letter) and S.2600 ("Section I." of an inserted chapter)."""
    doc = parse("SECTION 1. Chapter 30 of the General Laws is hereby amended by inserting the following new "
                "section:-",
                "“Section X: Every agency shall post its regulations online.”",
                f"SECTION 2: {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2:"]
    assert quoted(doc) == ["“Section X:"]


def test_decimal_section_numbers_of_the_business_corporation_act():
    """H.3024: "Section 5.01 of chapter 156D is deleted ... replaced by the following:" then "Section
    5.01. REGISTERED OFFICE ..."; the bill's own next SECTION stays the bill's."""
    doc = parse("SECTION 1. Section 5.01 of chapter 156D is deleted in its entirety and replaced by the following:",
                "Section 5.01. OFFICE AND AGENT",
                "Each corporation shall keep an office in the commonwealth:",
                "(1) at its principal place of business; or",
                "(2) at the office of its agent.",
                "SECTION 2. Section 7.04(c) of chapter 156D is amended by striking the word “written”.",
                f"SECTION 3. {EFFECT}")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert quoted(doc) == ["Section 5.01."]
    assert doc.tree.find("sec_1__qstr_1__sec_5-01").heading == "OFFICE AND AGENT"
    assert doc.tree.find("sec_1__qstr_1__sec_5-01__para_2") is not None


def test_an_inserted_heading_typed_twice_is_one_section():
    """H.1632: "Section 13D1/4.  Section 13D1/4. Whoever ..." in one paragraph, in a bill whose own
    sections are "Section 1:"."""
    doc = parse("Section 1: Chapter 265 of the General Laws is hereby amended by inserting after section 13D the "
                "following section: ",
                "Section 13D1/4.  Section 13D1/4. Whoever assaults a court officer shall be punished.",
                "Section 2: This act shall take effect upon its passage.")
    assert tops(doc) == ["Section 1:", "Section 2:"]
    assert quoted(doc) == ["Section 13D1/4."]
    assert "Whoever assaults" in doc.tree.find("sec_1__qstr_1__sec_13d-1-4").text


def test_a_section_with_no_instruction_before_it_is_quoted_but_says_so():
    """H.1291 reprints a section of the General Laws, catalogue headings and all, with no SECTION and
    no amending words: read as quoted text, with a warning, for a person to look."""
    doc = parse("Chapter 15A PUBLIC EDUCATION",
                "Section 22A TRACK AND ATHLETIC CENTER",
                "Section 22A.",
                "(a) The center shall be open to the neighbourhood.",
                "(b) The board shall set fees.")
    assert quoted(doc) == ["Section 22A."]
    assert any("no amending instruction" in w for w in warnings(doc))


def test_a_section_put_in_by_an_instruction_two_paragraphs_up_is_not_warned():
    """S.2360: the instruction, then a heading paragraph, then "Section 16. (a) ..."."""
    doc = parse("Chapter 115 of the General Laws is hereby amended by inserting after section 15 the following "
                "section:- ",
                "VETERANS NETWORK. ",
                "Section 16. (a) There shall be a veterans network.",
                "(b) The network shall report each year.")
    assert quoted(doc) == ["Section 16."]
    assert not warnings(doc)


def test_a_bills_section_number_followed_by_a_colon_and_a_dash():
    """H.2315: "SECTION 1:- Section 32 of Chapter 22C is hereby amended ..."."""
    doc = parse("SECTION 1:- Section 32 of chapter 22C is hereby amended by inserting after the words “or threats” "
                "the following:-",
                "“, or an attack on a court officer”",
                "SECTION 2. This act shall take effect upon its passage.")
    assert tops(doc) == ["SECTION 1:-", "SECTION 2."]


def test_an_instruction_ending_in_a_dash_opens_the_quotation_past_a_catchline():
    """H.4150: "... replacing Section 2F with the following-", a catchline, then "Section 2F. ..."; and
    "... inserting the following-" then "Section 1B. ..."; never the bill's own sections."""
    doc = parse("SECTION 1. Chapter 132 of the General Laws is hereby amended by inserting the following-",
                "Section 1B. The secretary shall appoint a forest advisory council.",
                "SECTION 2. Chapter 21 of the General Laws is hereby amended by replacing Section 2F with the following-",
                "Guidelines for forest lands",
                "Section 2F. The director shall issue guidelines for forest lands.",
                "SECTION 3. This act shall take effect upon its passage.")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert quoted(doc) == ["Section 1B.", "Section 2F."]
    assert not warnings(doc)


def test_the_following_meanings_with_a_dash_is_a_list_not_a_quotation():
    """H.2224: "... shall have the following meanings—" introduces the section's own definitions."""
    doc = parse("SECTION 1. For the purposes of this act, the following terms shall have the following meanings—",
                "(i) “Board”, the board of registration.",
                "(ii) “Physician”, a person licensed to practise medicine.",
                "SECTION 2. This act shall take effect upon its passage.")
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert not any(n.type == "quotedStructure" for n in doc.tree.walk())


def test_a_misnumbered_bill_section_after_an_inserted_subsection_is_the_bills_and_warned():
    """H.2081 prints SECTION 14 and 15 twice; the second SECTION 14 follows the subsection that the
    first SECTION 15 puts in, which holds no "SECTION n." of its own."""
    doc = parse("SECTION 14. Section 4-2 of the charter is hereby amended by striking out the words “the board”.",
                "SECTION 15. Said section 4-2 is hereby amended by striking out subsection (s) and inserting in "
                "place thereof the following subsection:-",
                "(s) The town manager shall appoint the library trustees.",
                "SECTION 14. Section 6-4 of said charter is hereby amended by adding the following sentence:- "
                "Notice shall be given in writing.",
                "SECTION 16. This act shall take effect upon its passage.")
    assert tops(doc) == ["SECTION 14.", "SECTION 15.", "SECTION 14.", "SECTION 16."]
    assert any("follows SECTION 15." in w for w in warnings(doc))


def test_an_inserted_section_after_the_following_paragraphs_stays_quoted():
    """H.1537: a bill numbering its own "Section 1." inserts "Section 21B." though it says "paragraphs"."""
    doc = parse("Section 1. Chapter 268 of the General Laws is hereby amended by inserting after section 21A the "
                "following paragraphs:-",
                "Section 21B. Whoever abuses a pupil in his care shall be punished.",
                "Section 21C. A pupil so abused may sue.")
    assert tops(doc) == ["Section 1."]
    assert quoted(doc) == ["Section 21B.", "Section 21C."]


def test_a_chapter_instruction_ending_in_a_colon_and_a_stray_full_stop():
    """H.1238: "... inserting in place thereof the following chapter:." then the chapter and its
    "Section 1." ...: the chapter's, not the bill's own sections."""
    doc = parse("Chapter 118Z of the General Laws is hereby amended by striking out the chapter and inserting in "
                "place thereof the following chapter:.",
                "Chapter 118Z",
                "HEALTH RECORDS",
                "Section 1. As used in this chapter, “record” means a health record.",
                "Section 2. The office shall keep records safe.")
    assert tops(doc) == [None]
    assert quoted(doc) == ["Section 1.", "Section 2."]


def test_a_bill_section_far_out_of_its_numbering_that_amends_an_edition_is_the_bills():
    """S.116 numbers its SECTIONs 1, 2, 32, 43: "SECTION 32." after the section SECTION 2 inserts
    is no number the bill's own would carry on to, but inserted law never cites its official
    edition and says it "is hereby amended": it is the bill's. A quoted act's "SECTION 9." that
    amends nothing stays quoted."""
    doc = parse("SECTION 1. Chapter 10 of the General Laws is hereby amended by adding the following section:-",
                "Section 80. The registry shall keep each record for ten years.",
                "SECTION 2. Chapter 10 of the General Laws is further amended by adding the following section:-",
                "Section 81. The registry shall publish a yearly report.",
                "SECTION 9. The registry may charge a fee.",
                "SECTION 32. Section 5 of chapter 12, as appearing in the 2020 Official Edition, is hereby amended "
                "by striking out, in line 4, the word “annual”.",
                "SECTION 43. Said section 5 of said chapter 12, as so appearing, is hereby further amended by "
                "striking out the second paragraph.")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 32.", "SECTION 43."]
    assert quoted(doc) == ["Section 80.", "Section 81.", "SECTION 9."]


def test_an_acts_amending_section_put_in_by_the_bill_stays_quoted():
    """A section of an act may itself amend the General Laws: put in whole, it is the act's, not the bill's."""
    doc = parse("SECTION 1. Section 5 of chapter 9 of the acts of 2023 is hereby amended by striking out section 5 "
                "and inserting in place thereof the following section:-",
                "SECTION 5. Section 3 of chapter 40 of the General Laws, as appearing in the 2022 Official Edition, is "
                "hereby amended by striking out the word “may”.",
                "SECTION 2. This act shall take effect upon its passage.")
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert quoted(doc) == ["SECTION 5."]


def test_the_word_section_as_drafts_misprint_it_still_opens_the_bills_section():
    """H.548 "SECTON 7.", H.160 "SECION 325.", H.142 "SECTION436." (the number run into the word): each is the bill's
    own next SECTION, not words of the one before; "SECTIONS 1 and 2" is no heading."""
    doc = parse("SECTION 1. Section 4 of chapter 32 of the General Laws is hereby amended by striking out the word "
                "“fireman” and inserting in place thereof the following word:- firefighter.",
                "SECTON 2. Section 5 of said chapter 32 is hereby repealed.",
                "SECION 3. Section 6 of said chapter 32 is hereby repealed.",
                "SECTION4. Section 7 of said chapter 32 is hereby repealed.",
                "SECTIONS 1 and 2 shall take effect on July 1.")
    assert [clean_num(n) for n in tops(doc)] == ["1", "2", "3", "4"]
    assert "SECTIONS 1 and 2" in " ".join(doc.tree.words())
    assert not [w for w in warnings(doc) if w.startswith("numbering")]


def test_an_inserted_chapter_numbered_with_a_fraction_holds_its_sections():
    """H.634 "Chapter 19D1/2", S.174 "CHAPTER 93A½.": the new chapter's heading, its sections under it."""
    doc = parse("SECTION 1. The General Laws are hereby amended by inserting after chapter 19D the following new "
                "chapter:-",
                "Chapter 19D1/2",
                "Section 1. Personal care homes shall be licensed.",
                "Section 2. The secretary may make rules.",
                "SECTION 2. The General Laws are hereby amended by inserting after chapter 93A the following chapter:-",
                "CHAPTER 93A½.",
                "Section 1. Sellers shall post prices.",
                "SECTION 3. " + EFFECT)
    chapters = [n for n in doc.tree.walk() if n.type == "chapter"]
    assert [(n.num, [c.num for c in n.children]) for n in chapters] == [
        ("Chapter 19D1/2", ["Section 1.", "Section 2."]), ("CHAPTER 93A½.", ["Section 1."])]
    assert [n.eid.rsplit("__", 1)[1] for n in chapters] == ["chapter_19d-1-2", "chapter_93a-1-2"]


def test_a_misnumbered_section_that_amends_the_general_laws_inside_a_quotation_is_the_bills():
    """H.2358: SECTION 16 ends "... as follows:" and quotes the section as amended; its next SECTION, printed
    "SECTION 167." for 17, says "Section 18B of chapter 265 of the General Laws is hereby amended": inserted law never
    amends the General Laws, so it is the bill's own, warned for its number."""
    doc = parse("SECTION 16. Section 15F of chapter 265 of the General Laws is hereby amended by replacing the term "
                "“old term” with “new term”, as follows:",
                "(a) Whoever uses a new term shall be punished.",
                "SECTION 167. Section 18B of chapter 265 of the General Laws is hereby amended by replacing the term "
                "“old term” with “new term” wherever it appears.",
                "SECTION 18. " + EFFECT)
    assert [clean_num(n) for n in tops(doc)] == ["16", "167", "18"]
    assert any(w.startswith("numbering") and "SECTION 167." in w for w in warnings(doc))


def test_a_section_run_on_after_a_full_stop_with_no_space_is_the_bills_next():
    """S.3006 "... or a.SECTION 110. Section 2MMMM ...", H.3421 "... thereunder.SECTION 8.": the bill's next SECTION,
    not words of the one before.  An opening quotation mark before it is no sentence end ('following:
    "SECTION 34B.', S.1484): that section is the quoted one, and the bill's SECTION 4 after it is still found."""
    doc = parse("SECTION 1. Section 4 of chapter 32 of the General Laws is hereby amended by striking out the word "
                "“fireman” and inserting in place thereof the following word:- firefighter.SECTION 2. Section 5 of "
                "said chapter 32 is hereby repealed.",
                "SECTION 3. Section 6 of said chapter 32 is hereby amended by striking out the section and inserting in "
                "place thereof the following:  \"SECTION 6. Boards shall meet monthly.\" SECTION 4. " + EFFECT)
    assert [clean_num(n) for n in tops(doc)] == ["1", "2", "3", "4"]
    assert body_text(doc, "SECTION 1.").endswith("firefighter.")


def test_a_stray_mark_before_a_paragraphs_section_is_left_with_the_section_before():
    """S.3006 "9 SECTION 137." (a line number), S.1130 ".SECTION 26." (the stop of the section before), S.3019
    "S SECTION 18.": the bill's next SECTION; the stray mark stays, as printed, at the end of the one before.  A
    number that does not carry the numbering on is left alone."""
    doc = parse("SECTION 1. Section 4 of chapter 32 of the General Laws is hereby amended by striking out the word "
                "“fireman” and inserting in place thereof the following word:- firefighter",
                ".SECTION 2. Section 5 of said chapter 32 is hereby repealed.",
                "9 SECTION 3. Section 6 of said chapter 32 is hereby repealed.",
                "S SECTION 4. Section 7 of said chapter 32 is hereby repealed.",
                "9 SECTION 12. Section 8 of said chapter 32 is hereby repealed.")
    assert [clean_num(n) for n in tops(doc)] == ["1", "2", "3", "4"]
    assert body_text(doc, "SECTION 1.").endswith("firefighter .")
    assert body_text(doc, "SECTION 2.").endswith("repealed. 9")
    assert "9 SECTION 12." in body_text(doc, "SECTION 4.")


def test_a_stray_mark_first_after_an_instruction_leaves_the_quoted_section_quoted():
    """A special act's "SECTION 2." quoted right after ":-", with a line number, a letter or a stop before it
    (".SECTION 2.", ". SECTION 2."): split off, the mark would be the quotation's first text, and the quoted section after it the bill's own SECTION 2
    (the two readings must not differ by the mark).  The bill's SECTION 2 is the one after it."""
    for mark in ("1 ", "A ", ".", ". ", ";"):
        doc = parse("SECTION 1. Chapter 12 of the acts of 2010 is hereby amended by striking out section 2 and "
                    "inserting in place thereof the following section:-",
                    mark + "SECTION 2. The town may borrow money for the new library.",
                    "SECTION 2. " + EFFECT)
        assert tops(doc) == ["SECTION 1.", "SECTION 2."]
        assert body_text(doc, "SECTION 2.") == EFFECT


def test_a_stop_typed_before_the_space_opens_the_bills_section():
    """H.619 "SECTION 4 .The Commissioner shall ...": its SECTION 4, between 3 and 5."""
    doc = parse("SECTION 1. A rebate program is established.", "SECTION 2 .The commissioner shall run it.",
                "SECTION 3. " + EFFECT)
    assert [clean_num(n) for n in tops(doc)] == ["1", "2", "3"]


def test_capital_sections_after_all_the_sections_an_instruction_puts_are_the_bills_own():
    """H.142: SECTION 28 adds "the following 7 sections:-" (Section 29. ... Section 35.); the "SECTION 36." and
    "SECTION 37" printed in capitals after the seventh are the bill's own (it numbered its sections on from the ones
    it inserts), not an eighth and ninth inserted section; warned for the jump from 28."""
    doc = parse("SECTION 1. Chapter 23B of the General Laws is hereby amended by adding the following 2 sections:-",
                "Section 9. Grants may be made for ramps.",
                "Section 10. The department shall report yearly.",
                "SECTION 11. The director shall make rules to carry out this act.",
                "SECTION 12 Section 25 of chapter 118E of the General Laws is hereby repealed.")
    assert [clean_num(n) for n in tops(doc)] == ["1", "11", "12"]
    assert quoted(doc) == ["Section 9.", "Section 10."]
    assert any("SECTION 11." in w for w in warnings(doc))
    # Fewer sections than it said it puts: a capital SECTION that jumps stays quoted, as before.
    doc = parse("SECTION 1. Chapter 23B of the General Laws is hereby amended by adding the following 3 sections:-",
                "Section 9. Grants may be made for ramps.",
                "Section 10. The department shall report yearly.",
                "SECTION 11. The director shall make rules to carry out this act.")
    assert [clean_num(n) for n in tops(doc)] == ["1"]


def body_text(doc, num: str) -> str:
    body = next(c for c in doc.tree.children if c.type == "body")
    return next(n.text for n in body.children if n.num == num)


SESSION_RECORDS = Path(__file__).resolve().parents[1].parent / "shared" / "sources" / "sessions" / "193" / "documents"


def session_record(bill: str):
    """The session's record of ``bill`` (from ../shared), parsed."""
    path = SESSION_RECORDS / f"{bill}.json"
    if not path.exists():
        pytest.fail(f"{path} is missing: the real documents sit beside the checkout (../shared)")
    return parse_bytes(path.read_bytes(), path.name)


@pytest.mark.parametrize("bill, run", [
    ("H142", ["27", "28", "36", "37", "38"]),  # 7 sections put by 28 (29 to 35), then the bill's own
    ("S3006", ["108", "109", "110", "111"]),  # "... or a.SECTION 110."
    ("S3006", ["135", "136", "137", "138"]),  # "9 SECTION 137."
    ("S1130", ["24", "25", "26", "26a", "27"]),  # ".SECTION 26."
    ("S3019", ["16", "17", "18", "19"]),  # "S SECTION 18."
    ("H619", ["3", "4", "5"]),  # "SECTION 4 .The"
    ("H3421", ["6", "7", "8"]),  # "... thereunder.SECTION 8."
    ("S1619", ["1", "2", "3", "4"]),  # "SECTION 2 - A municipality may elect ..."
    ("H3620", ["1", "2", "3"]),  # "SECTION 2 – This legislation authorizes ..."
    ("S2961", ["1", "2", "3"]),  # after the uniform act's "Section 4-402."
])
def test_the_session_records_sections_as_a_person_reads_them(bill, run):
    """The real records these layouts come from (read from ../shared): the run of the bill's own SECTIONs
    around each, as a person reads the record."""
    numbers = [clean_num(n) for n in tops(session_record(bill))]
    start = numbers.index(run[0])
    assert numbers[start:start + len(run)] == run


def test_sections_numbered_by_article_inside_a_quotation_are_sections():
    """S.2961 puts in a uniform act whose sections are numbered by article ("Section 1-101. SHORT TITLE", "SECTION
    2-207. INCONVENIENT FORUM"); each is an inserted section (eid "sec_1-101", never section 1101), and the bill's
    "SECTION 2." after the last is its own.  Outside a quotation "Section 3-9." opens nothing."""
    doc = parse("SECTION 1. The General Laws are hereby amended by striking out chapter 209B and inserting in place "
                "thereof the following chapter:-",
                "CHAPTER 209B",
                "ARTICLE 1. GENERAL PROVISIONS",
                "Section 1-101. SHORT TITLE",
                "This chapter may be cited as the custody act.",
                "SECTION 1-102. NOTICE",
                "Notice shall be given by mail.",
                "SECTION 2. " + EFFECT)
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert quoted(doc) == ["Section 1-101.", "SECTION 1-102."]
    assert doc.tree.find("sec_1__qstr_1__chapter_209b__sec_1-101") is not None
    assert clean_num("7004-0070") == "70040070"  # a line item keeps its digits, as before
    doc = parse("SECTION 1. The town shall keep a register.", "Section 3-9. Vacancies shall be filled by election.")
    assert tops(doc) == ["SECTION 1."] and quoted(doc) == []


def test_a_dash_after_the_number_then_a_sentence_opens_the_bills_section():
    """S.1619 "SECTION 2 - A municipality may elect ...", H.3620 "SECTION 2 – This legislation authorizes ...": the bill's
    own, though its SECTION 1 has a full stop; a charter's "SECTION 2 - FORM OF GOVERNMENT" heading inside the bill's
    SECTION 1 stays the charter's."""
    doc = parse("SECTION 1. The secretary shall credit each essential employee with a year of service.",
                "SECTION 2 - A town may elect to adopt the credit by vote of its town meeting.",
                "SECTION 3 – This act shall take effect upon its passage.")
    assert [clean_num(n) for n in tops(doc)] == ["1", "2", "3"]
    doc = parse("SECTION 1. The following charter is hereby established for the town:-",
                "SECTION 2 - FORM OF GOVERNMENT",
                "The town shall have a council and a manager.")
    assert [clean_num(n) for n in tops(doc)] == ["1"]


def test_a_run_of_sections_numbered_by_article_with_no_chapter_heading_above_them():
    """S.109's SECTION 6 puts "the following 2 sections:-" into chapter 190B, "Section 5-601." and "Section
    5-602.", with no chapter heading above them: the second is a section of its own, not words of the first
    (an article's section is tried after another; a paragraph that opens "Chapter 41 of ..." inside one
    stays its text)."""
    doc = parse("SECTION 1. Chapter 190B of the General Laws is hereby amended by inserting after section 5-507 the "
                "following 2 sections:-",
                "Section 5-601. In this section the following words shall have the following meanings:",
                "“Supporter”, an adult who helps a decision-maker.",
                "Chapter 41 of the General Laws shall not apply to a supporter.",
                "Section 5-602. (a) A decision-maker may make an agreement with a supporter.",
                "(b) The agreement shall be in writing.",
                "SECTION 2. " + EFFECT)
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert quoted(doc) == ["Section 5-601.", "Section 5-602."]
    assert doc.tree.find("sec_1__qstr_1__sec_5-602__subsec_b") is not None
    assert not any(n.type == "chapter" for n in doc.tree.walk())  # a paragraph naming a chapter is no chapter
    doc = session_record("S109")
    assert [n.num for n in doc.tree.walk() if n.type == "section" and (n.eid or "").startswith("sec_6__")] == [
        "Section 5-601.", "Section 5-602."]


def test_an_articles_section_run_on_after_its_instruction():
    """A charter's section typed on after the ":-" that puts it ("... the following section:-Section 3-9.
    ..."), as the other run-in headings are: the inserted section, not words of the instruction."""
    doc = parse("SECTION 1. The charter of the city of Lynn is hereby amended by striking out section 3-9 and "
                "inserting in place thereof the following section:-Section 3-9. The council shall fill a vacancy "
                "in the office of mayor.",
                "SECTION 2. " + EFFECT)
    assert tops(doc) == ["SECTION 1.", "SECTION 2."]
    assert quoted(doc) == ["Section 3-9."]
    assert body_text(doc, "SECTION 1.").endswith("the following section:-")
