"""The citator (issue #23): which law each SECTION of a bill amends.

Bills here are written for the tests (our own words, in the layout of the legislature's API
records: one paragraph per line); the last tests read real records of the 193rd General Court
from ../shared/sources, with the expected values written by hand from reading them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lawdiff.cite import instructions
from lawdiff.cite.labels import describe
from lawdiff.cli import main
from lawdiff.load.documents import load_document
from lawdiff.load.manifest import Corpus

from tests.helpers import ROOT
from tests.helpers.api_records import bill_text, document

SESSION = ROOT.parent / "shared" / "sources"


def _bill(tmp_path, *paragraphs: str, number: str = "H9999"):
    path = tmp_path / f"{number}.json"
    path.write_bytes(document(193, number, bill_text(*paragraphs)))
    return load_document(str(path), Corpus(root=tmp_path, entries={}, comparisons=[]))


def _read(tmp_path, *paragraphs: str) -> list[dict]:
    return instructions(_bill(tmp_path, *paragraphs))


def test_a_new_section_inserted_into_a_chapter(tmp_path):
    [item] = _read(tmp_path,
                   "SECTION 1. Chapter 94 of the General Laws is hereby amended by inserting after section 12 "
                   "the following section:-",
                   "Section 12A. The board shall publish its rates each year.")
    assert item["section"] == "1"
    assert item["target"] == {"code": "G.L.", "year": None, "chapter": "94", "section": None,
                              "subsection": None, "paragraph": None, "clause": None}
    assert item["action"] == "insert"
    assert item["inserts"] == "12A"
    assert item["where"]["after"] == "section 12"
    assert item["text"] == "sec_1__qstr_1"
    assert "warning" not in item
    assert describe(item) == "inserts G.L. c. 94 § 12A"


def test_said_chapter_so_appearing_and_further_amended_resolve_from_before(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 22A of chapter 40 of the General Laws, as appearing in the 2022 Official "
                  "Edition, is hereby amended by inserting after the word “board”, in line 28, the following "
                  "words:- or commission.",
                  "SECTION 2. Said chapter 40 is hereby further amended by striking out section 17, as so "
                  "appearing, and inserting in place thereof the following section:-",
                  "Section 17. A town may vote to accept this section.",
                  "SECTION 3. Said section 17 of said chapter 40, as so appearing, is hereby further amended by "
                  "adding the following sentence:- The vote shall be recorded.")
    first, second, third = items
    assert (first["target"]["chapter"], first["target"]["section"], first["action"]) == ("40", "22A", "insert")
    assert first["where"] == {"after": "the word “board”", "lines": [28], "words": "board"}
    assert first["as_appearing"] == "2022 Official Edition"
    assert (second["target"]["code"], second["target"]["chapter"], second["target"]["section"]) == ("G.L.", "40", "17")
    assert second["action"] == "replace"
    assert second["as_appearing"] == "2022 Official Edition"  # "as so appearing"
    assert second["resolved_from"] == "1"  # "Said chapter 40" was named by SECTION 1
    assert second["inserts"] is None  # section 17 exists: it is replaced, not inserted
    assert (third["target"]["chapter"], third["target"]["section"], third["action"]) == ("40", "17", "add")


def test_a_session_law_repealed_and_then_named_by_said(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 3 of chapter 10 of the acts of 2021 is hereby repealed.",
                  "SECTION 2. Section 5 of said chapter 10 is hereby amended by striking out the figure “2025” "
                  "and inserting in place thereof the following figure:- 2027.")
    assert items[0]["target"]["code"] == "Acts" and items[0]["target"]["year"] == "2021"
    assert (items[0]["target"]["chapter"], items[0]["target"]["section"], items[0]["action"]) == ("10", "3", "repeal")
    assert (items[1]["target"]["code"], items[1]["target"]["year"]) == ("Acts", "2021")
    assert (items[1]["target"]["section"], items[1]["action"]) == ("5", "replace")
    assert items[1]["where"]["words"] == "2025"
    assert describe(items[0]) == "repeals Acts 2021 c. 10 § 3"


def test_one_section_with_several_instructions_lists_each(tmp_path):
    items = _read(tmp_path,
                  "SECTION 4. Section 9 of chapter 6 of the General Laws, as appearing in the 2022 Official "
                  "Edition, is hereby amended by striking out, in line 4, the word “shall” and inserting in place "
                  "thereof the following word:- may, and by adding the following sentence:- The board may meet "
                  "twice a year.")
    assert [i["action"] for i in items] == ["replace", "add"]
    assert all(i["section"] == "4" and i["target"]["section"] == "9" for i in items)
    assert items[0]["where"]["lines"] == [4] and items[0]["where"]["words"] == "shall"


def test_struck_subsection_and_named_paragraph(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Subsection (b) of section 1 of chapter 23B of the General Laws is hereby amended by "
                  "inserting after clause (iv) the following clause:- (v) keep a register of plans.",
                  "SECTION 2. The fifth paragraph of section 5 of chapter 40A of the General Laws is hereby "
                  "amended by striking out the second sentence.")
    assert items[0]["target"]["subsection"] == "(b)" and items[0]["where"]["after"] == "clause (iv)"
    assert items[1]["target"]["paragraph"] == "fifth"
    assert items[1]["action"] == "strike" and items[1]["where"]["part"] == "the second sentence"


def test_sections_that_amend_nothing_list_nothing(tmp_path):
    assert _read(tmp_path,
                 "SECTION 1. Notwithstanding section 2 of chapter 30A of the General Laws, the secretary shall "
                 "report to the clerks of the house and senate not later than March 1, 2025.",
                 "SECTION 2. This act shall take effect on July 1, 2025.") == []


@pytest.mark.parametrize("words, why", [
    ("Said section 9 is hereby amended by striking out the word “may”.", "no chapter"),
    ("Section 4 of this act is hereby amended by striking out the word “may”.", "this act"),
    ("Section 12 of the General Laws is hereby amended by striking out the word “may”.", "no chapter"),
    ("Section 9 of said charter is hereby amended by striking out the word “may”.", "no charter named"),
    ("Section 3 of said act is hereby amended by striking out the word “may”.", "no act named"),
])
def test_what_the_words_do_not_say_is_not_guessed(tmp_path, words, why):
    [item] = _read(tmp_path, "SECTION 1. This act shall be known as the Test Act.", f"SECTION 2. {words}")
    assert item["target"] is None
    assert item["warning"]
    assert item["section"] == "2"


def test_a_chapter_cited_without_a_year_is_the_general_laws(tmp_path):
    """An act is always cited with its year and a charter by its town: a bare "chapter 63" (or
    "said chapter 63" where none was named before) is a chapter of the General Laws."""
    items = _read(tmp_path,
                  "SECTION 1. Section 6 of chapter 62 is hereby amended by striking out the word “each”.",
                  "SECTION 2. Said chapter 63 is hereby further amended by adding the following section:-",
                  "Section 99. Rules shall be made.",
                  "SECTION 3. Section 2 of chapter 7 of the acts of 2023 is hereby amended by striking out the "
                  "word “shall”.",
                  "SECTION 4. Section 8 of said act is hereby amended by striking out the word “may”.")
    assert [(i["target"]["code"], i["target"]["year"], i["target"]["chapter"]) for i in items] == [
        ("G.L.", None, "62"), ("G.L.", None, "63"), ("Acts", "2023", "7"), ("Acts", "2023", "7")]
    assert items[1]["inserts"] == "99" and items[3]["target"]["section"] == "8"


def test_a_town_charter_is_named_not_coded(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 9 of the charter of the town of Eastfield, which is on file in the office of "
                  "the archivist, is hereby amended by striking out the word “selectmen”.",
                  "SECTION 2. Section 12 of said charter is hereby amended by adding the following sentence:- "
                  "The board shall meet monthly.")
    for item, section in zip(items, ("9", "12")):
        assert item["target"]["code"] is None and item["target"]["chapter"] is None
        assert item["target"]["other"] == "charter of the town of Eastfield"
        assert item["target"]["section"] == section


def test_a_new_chapter_of_the_general_laws(tmp_path):
    [item] = _read(tmp_path,
                   "SECTION 1. The General Laws are hereby amended by inserting after chapter 6D the following "
                   "chapter:-",
                   "CHAPTER 6E.",
                   "HOUSING TRUST",
                   "Section 1. There shall be a trust.")
    assert item["target"]["code"] == "G.L." and item["target"]["chapter"] == "6E"
    assert item["target"]["new_chapter"] is True
    assert item["action"] == "insert" and item["inserts"] == "6E"
    assert item["where"]["after"] == "chapter 6D"


def test_several_sections_repealed_at_once(tmp_path):
    [item] = _read(tmp_path, "SECTION 1. Sections 30, 36 and 98 of chapter 238 of the acts of 2012 are hereby repealed.")
    assert item["target"]["section"] == "30" and item["target"]["sections"] == ["30", "36", "98"]
    assert describe(item) == "repeals Acts 2012 c. 238 §§ 30, 36, 98"


def test_amends_command_formats(tmp_path):
    _bill(tmp_path, "SECTION 1. Chapter 94 of the General Laws is hereby amended by inserting after section 12 "
                    "the following section:-", "Section 12A. The board shall publish its rates.")
    path = str(tmp_path / "H9999.json")
    runner = CliRunner()
    as_json = runner.invoke(main, ["--corpus", str(tmp_path), "amends", path, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.output)[0]["target"]["chapter"] == "94"
    text = runner.invoke(main, ["--corpus", str(tmp_path), "amends", path])
    assert "SECTION 1  inserts G.L. c. 94 § 12A" in text.output
    md = runner.invoke(main, ["--corpus", str(tmp_path), "amends", path, "--format", "md"])
    assert "| 1 | inserts G.L. c. 94 § 12A |" in md.output


def test_amends_command_bad_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["--corpus", str(tmp_path), "amends", str(bad)])
    assert result.exit_code == 2
    assert "empty.txt" in result.output and "Traceback" not in result.output


# -- real records, read by eye ---------------------------------------------------------

def _real(name: str) -> list[dict]:
    path = SESSION / name
    if not path.exists():
        pytest.fail(f"{path} is missing: the real documents sit beside the checkout (../shared)")
    return instructions(load_document(str(path), Corpus(root=path.parent, entries={}, comparisons=[])))


def test_h2288_inserts_two_sections():
    items = _real("api/193-H2288.json")
    assert [(i["section"], i["target"]["chapter"], i["target"]["section"], i["inserts"], i["action"])
            for i in items] == [("2", "147", None, "63", "insert"), ("3", "126", None, "40", "insert")]
    assert describe(items[1]) == "inserts G.L. c. 126 § 40"


def test_s2834_housing_bond_bill():
    """S.2834 (the Affordable Homes Act as the Senate printed it): read by eye, SECTION by SECTION."""
    by_section: dict[str, list[dict]] = {}
    for item in _real("sessions/193/documents/S2834.json"):
        by_section.setdefault(item["section"], []).append(item)

    def one(sec):
        [item] = by_section[sec]
        t = item["target"]
        return (t["code"], t.get("year"), t["chapter"], t["section"], item["action"]) if t else None

    assert one("4") == ("G.L.", None, "6C", "46", "insert")  # "Section 46 of said chapter 6C"
    assert by_section["4"][0]["resolved_from"] == "3"
    assert one("7") == ("G.L.", None, "23B", None, "add")  # adds three new sections
    assert by_section["7"][0]["inserts"] == ["31", "32", "33"]
    assert one("29") == ("G.L.", None, "121B", "3A", "replace")
    assert one("43") == ("G.L.", None, "121F", "5", "strike")
    assert one("49") == ("Acts", "1966", "708", "3", "replace")
    assert one("50") == ("Acts", "1966", "708", "3", "replace")  # "said chapter 708"
    assert one("102") == ("Acts", "2012", "238", "30", "repeal")
    assert one("130") == ("G.L.", None, "63", "38OO", "repeal")
    assert one("22") == ("G.L.", None, "63", "38EE", "replace")  # "said chapter 63", none named before
    # "Sections 117 to 119, inclusive, are hereby repealed": the act's own SECTIONs; a notwithstanding clause, the bonds
    assert "131" not in by_section and "115" not in by_section and "126" not in by_section


def test_a_new_section_inserted_under_a_named_section_goes_into_the_chapter(tmp_path):
    """"Section 72 of chapter 111 is hereby amended by inserting the following section:- Section 72A":
    section 72 is the place, not the law amended."""
    [item] = _read(tmp_path,
                   "SECTION 1. Section 72 of chapter 111 of the General Laws is hereby amended by inserting the "
                   "following section:-", "Section 72A. Each facility shall keep a log.")
    assert (item["target"]["chapter"], item["target"]["section"], item["inserts"]) == ("111", None, "72A")
    assert item["where"]["after"] == "section 72"
    assert item["eid"] == "sec_1"


def test_the_instrument_page_labels_each_section_with_what_it_amends():
    from lxml import html as lxml_html

    from lawdiff.render.instrument_html import render_instrument

    page = lxml_html.fromstring(render_instrument(load_document("193-h2288", Corpus.load(ROOT / "corpus"))))
    labels = {el.getparent().get("id"): el.text_content() for el in page.cssselect("p.amends")}
    assert labels == {"sec_2": "inserts G.L. c. 147 § 63", "sec_3": "inserts G.L. c. 126 § 40"}


# -- the session citator -----------------------------------------------------------------

def test_session_index_lists_each_bill_per_section_and_marks_collisions(tmp_path):
    from lawdiff.cite.index import build_index, to_csv

    one = _read(tmp_path, "SECTION 1. Section 63 of chapter 147 of the General Laws is hereby amended by striking "
                          "out the word “may”.",
                "SECTION 2. Chapter 126 of the General Laws is hereby amended by inserting after section 39 the "
                "following section:-", "Section 40. No person shall be held.")
    two = _read(tmp_path / "..", "SECTION 5. Section 63 of chapter 147 of the General Laws is hereby repealed.",
                "SECTION 6. Section 4 of chapter 12 of the acts of 2020 is hereby repealed.",
                "SECTION 7. Said section 9 is hereby amended by striking out the word “may”.")
    dead = [{"section": "1", "target": {"code": "G.L.", "year": None, "chapter": "147", "section": "63"},
             "action": "strike", "inserts": None}]
    index = build_index([
        {"id": "h1", "number": "H.1", "instructions": one, "status": "Reported favorably"},
        {"id": "s2", "number": "S.2", "instructions": two},
        {"id": "h3", "number": "H.3", "instructions": dead, "live": False},
    ])
    assert index["bills"] == 3 and index["unread"] == 1  # "said section 9" names no chapter
    first = index["chapters"][0]
    assert (first["code"], first["chapter"], first["bills"]) == ("G.L.", "147", 3)
    [s63] = first["sections"]
    assert s63["section"] == "63" and s63["collision"] is True  # two live bills; the third is not live
    assert [(e["bill"], e["bill_section"], e["action"]) for e in s63["entries"]] == [
        ("H.1", "1", "strike"), ("S.2", "5", "repeal"), ("H.3", "1", "strike")]
    c126 = next(c for c in index["chapters"] if c["chapter"] == "126")
    assert [(s["section"], s["collision"]) for s in c126["sections"]] == [("40", False)]  # the new section
    acts = next(c for c in index["chapters"] if c["code"] == "Acts")
    assert (acts["year"], acts["chapter"], acts["sections"][0]["section"]) == ("2020", "12", "4")
    assert index["collisions"] == 1
    rows = to_csv(index).splitlines()
    assert rows[0] == "code,year,chapter,section,bill,bill_id,bill_section,action,status,collision"
    assert "G.L.,,147,63,H.1,h1,1,strike,Reported favorably,yes" in rows
    assert "G.L.,,126,40,H.1,h1,2,insert,Reported favorably," in rows


def test_topic_pages_name_the_statutes_each_instrument_reaches():
    from lxml import html as lxml_html

    from lawdiff.matrix.build import build_matrix
    from lawdiff.render.matrix_html import render_topic_page

    corpus = Corpus.load(ROOT / "corpus")
    matrix = build_matrix(corpus)
    topic = matrix["topics"][0]
    h2288 = next(c for c in topic["cells"] if c["instrument"] == "193-h2288")
    assert h2288["amends"] == ["G.L. c. 147 § 63", "G.L. c. 126 § 40"]
    eo = next(c for c in topic["cells"] if c["instrument"] == "eo-650")
    assert "amends" not in eo  # an executive order amends no statute
    page = lxml_html.fromstring(render_topic_page(matrix, topic["id"]))
    row = page.get_element_by_id(f"cell-{topic['id']}--193-h2288")
    assert "Amends G.L. c. 147 § 63; G.L. c. 126 § 40" in row.cssselect("th .amends")[0].text_content()


def test_said_chapter_without_number_and_a_section_further_amended(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 2 of chapter 6A of the General Laws is hereby amended by striking out the "
                  "word “may”. Section 4 is hereby further amended by striking out the word “shall”.",
                  "SECTION 2. Section 6B of said chapter, as so appearing, is hereby amended by striking out the "
                  "word “each”.",
                  "SECTION 3. Said chapter is hereby further amended by inserting after section 6B the following "
                  "section:-", "Section 6C. The office shall report.",
                  "SECTION 4. Section 2 is hereby further amended by adding the following sentence:- It may meet.")
    got = [(i["section"], i["target"] and (i["target"]["chapter"], i["target"]["section"])) for i in items]
    assert got == [("1", ("6A", "2")),
                   ("1", None),  # "Section 4 is further amended": no section 4 was amended before
                   ("2", ("6A", "6B")), ("3", ("6A", None)),  # "said chapter" reaches the chapter, not section 6B
                   ("4", ("6A", "2"))]  # section 2 was amended before: "further" points back to it
    assert items[3]["inserts"] == "6C"


def test_struck_words_set_off_like_inserted_ones(tmp_path):
    """"striking, in lines 3-4 the words:- “x”, and inserting in place thereof the following:- y" is one
    replacement: the colon-dash before the struck words does not end the instruction."""
    [item] = _read(tmp_path,
                   "SECTION 1. Section 35 of chapter 123 of the General Laws is hereby amended by striking, in lines "
                   "3-4 the words:- “The court may order an examination”, and inserting in place thereof the "
                   "following:- The court shall order an examination.")
    assert item["action"] == "replace" and item["where"]["lines"] == [3, 4]


# -- the law as amended ------------------------------------------------------------------

def _base(tmp_path, *paragraphs: str):
    """A session law in the API record's layout: its SECTIONs are the base text."""
    return _bill(tmp_path, *paragraphs, number="S8888")


def test_apply_word_changes_exactly(tmp_path):
    from lawdiff.cite.apply import apply_section

    base = _base(tmp_path, "SECTION 1. The board shall meet each month and shall report each year.",
                 "SECTION 2. The fund shall hold not more than $300,000 for repairs.")
    bill = _bill(tmp_path,
                 "SECTION 1. Section 2 of chapter 9 of the acts of 2023 is hereby amended by striking out the figure "
                 "“$300,000” and inserting in place thereof the following figure:- $1,300,000.",
                 "SECTION 2. Section 1 of said chapter 9 is hereby amended by inserting after the word “report”, the "
                 "second time it appears, the following words:- in writing.",
                 "SECTION 3. Section 1 of said chapter 9 is hereby amended by striking out the words “each month and”.")
    [one] = apply_section(base, bill, "sec_1")
    assert one.after == "SECTION 2. The fund shall hold not more than $1,300,000 for repairs."
    assert one.marked == "SECTION 2. The fund shall hold not more than [-$300,000-]{+$1,300,000+} for repairs."
    with pytest.raises(Exception, match="occur 1 times there, not 2"):
        apply_section(base, bill, "sec_2")  # "report" is printed once: the draft cannot be applied exactly
    [three] = apply_section(base, bill, "sec_3")
    assert three.after == "SECTION 1. The board shall meet shall report each year."


def test_apply_refuses_what_it_cannot_apply_exactly(tmp_path):
    from lawdiff.cite.apply import apply_section
    from lawdiff.errors import LawdiffError

    base = _base(tmp_path, "SECTION 1. The board shall meet. The board shall report.")
    bill = _bill(tmp_path,
                 "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby amended by striking out the word "
                 "“board” and inserting in place thereof the following word:- commission.",
                 "SECTION 2. Section 4 of said chapter 9 is hereby repealed.",
                 "SECTION 3. Section 1 of said chapter 9 is hereby amended by striking out the second sentence.",
                 "SECTION 4. This act shall take effect upon its passage.")
    for eid, why in (("sec_1", "occur 2 times"), ("sec_2", "no section 4"), ("sec_3", "by its position"),
                     ("sec_4", "amends no law")):
        with pytest.raises(LawdiffError, match=why):
            apply_section(base, bill, eid)


def test_apply_command_prints_the_marked_text_or_one_line(tmp_path):
    _base(tmp_path, "SECTION 1. The fund shall hold not more than $300,000 for repairs.")
    _bill(tmp_path, "SECTION 1. Section 1 of chapter 9 of the acts of 2023 is hereby repealed.",
          "SECTION 2. Section 7 of chapter 9 of the acts of 2023 is hereby repealed.")
    runner = CliRunner()
    base, bill = str(tmp_path / "S8888.json"), str(tmp_path / "H9999.json")
    ok = runner.invoke(main, ["--corpus", str(tmp_path), "apply", base, f"{bill}#sec_1", "--whole"])
    assert ok.exit_code == 0, ok.output
    assert "[-SECTION 1. The fund shall hold not more than $300,000 for repairs.-]" in ok.output
    refused = runner.invoke(main, ["--corpus", str(tmp_path), "apply", base, f"{bill}#sec_2"])
    assert refused.exit_code == 2 and refused.output.count("\n") == 1 and "no section 7" in refused.output


def test_quoted_anchor_keeps_its_commas_and_thereafter_is_an_insertion(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Item 1234-5678 of section 2 of chapter 28 of the acts of 2023 is hereby amended by "
                  "inserting after the words “$500,000 shall be expended” the following words:- for the program.",
                  "SECTION 2. Section 1 of chapter 37 of the acts of 2008 is hereby amended by adding the words "
                  "“issued hereunder” thereafter.")
    assert items[0]["where"]["after"] == "the words “$500,000 shall be expended”"
    assert items[0]["where"]["words"] == "$500,000 shall be expended"
    assert items[0]["target"]["item"] == "1234-5678" and items[0]["new_text"] == "for the program."
    assert items[1]["action"] == "insert"


def test_session_index_no_collision_on_a_chapter_as_a_whole():
    from lawdiff.cite.index import build_index

    whole = {"section": "1", "target": {"code": "G.L.", "year": None, "chapter": "90", "section": None},
             "action": "insert", "inserts": None}
    index = build_index([{"id": b, "number": b, "instructions": [whole]} for b in ("h1", "h2")])
    [chapter] = index["chapters"]
    assert chapter["sections"][0]["section"] is None and chapter["sections"][0]["collision"] is False
    assert index["collisions"] == 0


def test_apply_command_needs_one_section(tmp_path):
    _base(tmp_path, "SECTION 1. The fund shall hold $300,000.")
    result = CliRunner().invoke(main, ["--corpus", str(tmp_path), "apply", str(tmp_path / "S8888.json"),
                                       str(tmp_path / "S8888.json")])
    assert result.exit_code == 2 and "BILL#sec_N" in result.output and result.output.count("\n") == 1


@pytest.mark.parametrize("predicate, action", [
    ("by replacing the words “ten days” with the words “fourteen days”.", "replace"),
    ("by the striking out, in lines 5 through 8, inclusive, the last sentence, and inserting in place thereof, "
     "the following sentence:- A notice shall be sent.", "replace"),
    ("by the insertion of the following language as subparagraph (g):- (g) a record.", "insert"),
    ("by placing after section 38P the following section:- Section 38Q. A fund is created.", "insert"),
    ("to add the following new section:- Section 9. A fund is created.", "insert"),
    ("by including the following definition:- “Board”, the board of health.", "insert"),
])
def test_the_verbs_careless_drafts_use(tmp_path, predicate, action):
    [item] = _read(tmp_path, f"SECTION 1. Section 7 of chapter 94 of the General Laws is hereby amended {predicate}")
    assert item["action"] == action and "warning" not in item


def test_a_verb_sharing_its_subject_and_a_new_sentence_after_inserted_words(tmp_path):
    items = _read(tmp_path,
                  "SECTION 3. Section 35A of chapter 266 of the General Laws is hereby amended, in subsection (a) by "
                  "deleting “4” and substituting “6”; and is further amended in subsection (b), after the word "
                  "“fine”, by inserting the following paragraph:- A person shall be told. Said section 35A of said "
                  "chapter 266 is hereby further amended by striking out subsection (c).")
    assert [(i["action"], i["target"]["section"], i["target"]["subsection"]) for i in items] == [
        ("replace", "35A", "(a)"), ("insert", "35A", "(b)"), ("strike", "35A", None)]
    assert items[1]["new_text"] == "A person shall be told."
    assert items[2]["where"]["part"] == "subsection (c)"


def test_lower_case_letters_of_a_number_and_adding_at_a_named_end(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 3a of Chapter 40a of the General laws is hereby amended by inserting after "
                  "the word “corporation” the following words:- or a housing authority.",
                  "SECTION 2. Section 13F of chapter 118E of the General Laws is hereby amended by adding at the end "
                  "of the first paragraph the following sentence:- Interpreters shall be paid.")
    assert (items[0]["target"]["chapter"], items[0]["target"]["section"]) == ("40A", "3A")
    # the end of a named unit is an addition (the convention this round's readers read by; the first
    # sample's reader had read "adding at the end of the first sentence" as an insertion)
    assert items[1]["action"] == "add"


# -- any words at all ----------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from lawdiff.cite.read import _Context, read_section  # noqa: E402
from lawdiff.parse.tree import Node  # noqa: E402

_WORDS = ["Section", "section", "3A", "of", "chapter", "40", "said", "the", "General", "Laws", "acts", "2023",
          "is", "are", "hereby", "further", "amended", "repealed", "by", "striking", "out", "inserting", "adding",
          "in", "place", "thereof", "following", "words", ":-", ":", "“x”", "“", "”", ",", ";", "and", "after",
          "line", "5", "subsection", "(b)", "charter", "of", "this", "act", "as", "so", "appearing", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=40), min_size=1, max_size=4))
def test_any_drafting_words_read_without_error_and_without_a_half_target(sections):
    ctx = _Context()
    for k, words in enumerate(sections, 1):
        sec = Node(type="section", eid=f"sec_{k}", num=f"SECTION {k}.", text=" ".join(words))
        for item in read_section(sec, ctx):
            assert item["section"] == str(k) and item["eid"] == f"sec_{k}"
            assert item["action"] in ("insert", "strike", "replace", "add", "repeal", "amend")
            target = item["target"]
            if target is None:
                assert item["warning"]  # never silent about what it could not read
            else:
                assert target.get("chapter") or target.get("other") or target.get("code") == "G.L."


def test_a_section_number_run_into_the_words(tmp_path):
    """A draft that prints "SECTION1:" or runs "Section 2." into the text before it: the
    instruction is under the number the bill prints, not the parser's unnumbered section."""
    items = _read(tmp_path,
                  "The board may waive fees. Section 2. Chapter 94 of the General Laws is hereby amended by "
                  "striking out section 3.")
    assert [(i["section"], i["target"]["chapter"], i["target"]["section"]) for i in items] == [("2", "94", "3")]
    items = _read(tmp_path, "SECTION1: Section 7 of chapter 21 of the General Laws is hereby amended by striking "
                            "out the word “may”.")
    assert items[0]["section"] == "1" and items[0]["target"]["chapter"] == "21"


def test_a_chapter_printed_without_the_word(tmp_path):
    [item] = _read(tmp_path, "SECTION 1. Section 4M of 176G of the General Laws is hereby amended by striking out "
                             "the last paragraph.")
    assert (item["target"]["chapter"], item["target"]["section"]) == ("176G", "4M")


def test_said_subsection_with_a_section_number(tmp_path):
    """"said subsection 2C" after section 2C was named: section 2C (subsections are lettered in
    brackets); not read so where no section 2C was named before."""
    items = _read(tmp_path,
                  "SECTION 1. Section 2C of chapter 60 of the General Laws is hereby amended by striking out the "
                  "word “may”.",
                  "SECTION 2. Subsection (c) of said subsection 2C of said chapter 60 is hereby further amended "
                  "by striking out paragraph (9).")
    assert (items[1]["target"]["chapter"], items[1]["target"]["section"], items[1]["target"]["subsection"]) == \
        ("60", "2C", "(c)")
    [item] = _read(tmp_path, "SECTION 1. Subsection (c) of said subsection 2D of chapter 60 of the General Laws is "
                             "hereby amended by striking out paragraph (9).")
    assert item["target"]["section"] is None


def test_an_instruction_inside_the_text_the_one_before_inserts(tmp_path):
    """A draft that forgets the next SECTION heading: the parser keeps the second instruction inside
    the first's inserted text; it ends with the colon that opens its own quoted text, which inserted
    law does not do, so it is read (in the same SECTION)."""
    items = _read(tmp_path,
                  "SECTION 2. Chapter 29 of the General Laws is hereby amended by inserting the following section:-",
                  "Section 2Q. (a) There shall be a fund. Amounts shall be credited under section 11 of chapter 21N.",
                  "Section 2 of chapter 21A of the General Laws is hereby amended by inserting after clause (30) the "
                  "following clause:-",
                  "(31) keep a stretch code.")
    assert [(i["section"], i["target"]["chapter"], i["target"]["section"], i["action"]) for i in items] == [
        ("2", "29", None, "insert"), ("2", "21A", "2", "insert")]
    # inserted law that only names a law ("as amended by section 3 of chapter 4") is not an instruction
    items = _read(tmp_path,
                  "SECTION 1. Chapter 29 of the General Laws is hereby amended by inserting the following section:-",
                  "Section 2Q. The fund, as amended by section 3 of chapter 4 of the acts of 2020, shall hold the "
                  "following:-",
                  "(a) gifts.")
    assert len(items) == 1


def test_a_section_inside_a_section_a_bracketed_number_and_an_addition_following_a_section(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 4.01.020 of section 1 of chapter 413 of the acts of 1991 is hereby amended by "
                  "striking out paragraph 3.",
                  "SECTION 2. Paragraph (b) of subdivision (2) of section (8) of chapter 32 is hereby amended by "
                  "inserting after the word “pay” the following words:- or wages.",
                  "SECTION 3. Chapter 164 of the General Laws is hereby amended with the addition of a new section "
                  "following section 1K:-", "Section 1L. The board shall report.")
    # the act's section is 1 (4.01.020 is a section of what section 1 holds)
    assert (items[0]["target"]["code"], items[0]["target"]["chapter"], items[0]["target"]["section"]) == \
        ("Acts", "413", "1")
    assert (items[1]["target"]["chapter"], items[1]["target"]["section"]) == ("32", "8")
    assert (items[2]["target"]["chapter"], items[2]["target"]["section"], items[2]["action"],
            items[2]["where"]["after"]) == ("164", None, "insert", "section 1K")
    # "the following Section 70" is what is added, not where; "Section 4 of said section 176J", with no chapter
    # after it, is not read as the nesting of "section 14.04.030 of section 1 of chapter 413": no chapter is named
    items = _read(tmp_path,
                  "SECTION 1. Chapter 183 of the General Laws is hereby amended by adding the following Section 70:-",
                  "Section 70. The registry shall keep a list.",
                  "SECTION 2. Section 4 of said section 176J is hereby amended by striking out the word “may”.")
    assert (items[0]["action"], items[0]["where"]["after"]) == ("add", None)
    assert items[1]["target"] is None and items[1]["warning"]


def test_said_section_that_can_only_be_the_chapter_named_before(tmp_path):
    # "Section 4 of said section 176J": a section holds no sections; the bill named chapter 176J and never a
    # section 176J, so "said" can only point back to the chapter
    items = _read(tmp_path,
                  "SECTION 1. Section 1 of chapter 176J of the General Laws is hereby amended by striking out the "
                  "word “may”.",
                  "SECTION 2. Section 4 of said section 176J, as so appearing, is hereby amended by striking out, "
                  "in line 7, the word “shall” and inserting in place thereof the following word:- must.",
                  "SECTION 3. Said section 4 of said section 176J is hereby further amended by striking out the "
                  "word “board”.",
                  "SECTION 4. Section 2 of said section 176K is hereby amended by striking out the word “town”.")
    got = [(i["target"] and (i["target"]["code"], i["target"]["chapter"], i["target"]["section"]), i["action"])
           for i in items]
    assert got[:3] == [(("G.L.", "176J", "1"), "strike"), (("G.L.", "176J", "4"), "replace"),
                       (("G.L.", "176J", "4"), "strike")]
    # nothing named 176K before: left unread, with a warning
    assert got[3] == (None, "strike") and "said section 176K" in items[3]["warning"]


@pytest.mark.parametrize("predicate, action, after", [
    # the verb an imperative after "as follows:"
    ("as follows: 1. Add : Reports of the board", "add", None),
    ("as follows: Strike paragraph (a) and replace with the following:- (a) A fee.", "replace", None),
    # the verb left out: where, and "the following words"
    ("in line 8 after the word “products” the following words:- and services", "insert", "the word “products”"),
    ("by, at the end thereof, the following sentence:- The fee shall be $5.", "add", None),
    # a line number of the printed bill left between "by" and the verb
    ("by 128 striking the third paragraph and inserting in place thereof the following paragraph:- A fee.",
     "replace", None),
    ("by repealing the following definition:- “Board”, the board of health.", "repeal", None),
])
def test_instructions_whose_verb_drafts_misplace(tmp_path, predicate, action, after):
    [item] = _read(tmp_path, f"SECTION 1. Section 7 of chapter 94 of the General Laws is hereby amended {predicate}")
    assert (item["target"]["chapter"], item["target"]["section"]) == ("94", "7")
    assert (item["action"], item["where"]["after"]) == (action, after) and "warning" not in item


def test_sections_repealed_inside_a_chapter(tmp_path):
    [item] = _read(tmp_path, "SECTION 1. Chapter 147 of the General Laws is hereby amended by repealing sections 32 "
                             "to 51, inclusive.")
    assert (item["target"]["chapter"], item["target"]["section"], item["action"]) == ("147", "32", "repeal")


def test_an_instruction_broken_over_two_lines_is_read_whole(tmp_path):
    # the first line of the sentence, with no stop at its end, is taken for the SECTION's heading by the parser;
    # the subject is on it
    items = _read(tmp_path,
                  "SECTION 1. Chapter 94 of the General Laws, as appearing in the 2022 Official",
                  "Edition, is hereby amended by inserting after section 12 the following section:-",
                  "Section 12A. The board shall publish its rates each year.",
                  "SECTION 2. Short title.",
                  "This act may be cited as the rates act.")
    assert len(items) == 1
    assert (items[0]["target"]["code"], items[0]["target"]["chapter"], items[0]["action"], items[0]["inserts"]) == \
        ("G.L.", "94", "insert", "12A")
    assert items[0]["as_appearing"] == "2022 Official Edition"


def test_a_letter_set_apart_before_a_comma_and_an_act_whose_chapter_is_garbled(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Chapter 118 E, Section 13C is hereby amended by striking out the word “may”.",
                  "SECTION 2. Section 1 of Chapter 224 12C of the Acts of 2012 is amended by striking out the word "
                  "“may”.")
    assert (items[0]["target"]["chapter"], items[0]["target"]["section"]) == ("118E", "13C")
    # the act's year is named but the words between do not read: not the General Laws' chapter 224
    assert items[1]["target"] is None and "act's year" in items[1]["warning"]


def test_a_section_number_set_off_by_a_dash(tmp_path):
    [item] = _read(tmp_path, "SECTION 1 - Chapter 23 of the General Laws is hereby amended by striking out section 4.")
    assert (item["section"], item["target"]["chapter"], item["target"]["section"], item["action"]) == \
        ("1", "23", "4", "strike")


def test_said_chapter_where_only_an_act_was_named_before(tmp_path):
    items = _read(tmp_path,
                  "SECTION 1. Section 2 of chapter 324 of the acts of 2020 is hereby amended by striking out the word "
                  "“may”.",
                  "SECTION 2. Section 3 of said chapter 314 is hereby amended by striking out clause (e).",
                  "SECTION 3. Section 4 of said chapter 324 is hereby amended by striking out the word “town”.")
    assert items[1]["target"] is None and "only acts named" in items[1]["warning"]
    assert (items[2]["target"]["code"], items[2]["target"]["year"], items[2]["target"]["chapter"]) == \
        ("Acts", "2020", "324")
    # after a chapter of the General Laws, a bare "said chapter 6D" stays the General Laws' (as the rule says)
    items = _read(tmp_path,
                  "SECTION 1. Section 1 of chapter 6D of the General Laws is hereby amended by striking out the word "
                  "“may”.",
                  "SECTION 2. Section 2 of said chapter 6E is hereby amended by striking out the word “town”.")
    assert (items[1]["target"]["code"], items[1]["target"]["chapter"]) == ("G.L.", "6E")
