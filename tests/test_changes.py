"""The change model on refile-style edits of the real H.2288 text.

Every expected value below comes from reading corpus/raw/193-h2288.txt: e.g.
Section 40 is printed on lines 85-97, "within 90" ends line 91, the definition
of "Immigration enforcement" is lines 12-14, subsection (b) is lines 19-24.
"""

import pytest
from helpers.h2288_edits import bill, line, printed_lines

from lawdiff.diff.changes import compare

SEC40 = "sec_3__qstr_1__sec_40"
DEFN = "sec_2__qstr_1__sec_63__subsec_a__defn_"


def joined(change, ops):
    return "".join(t for op, t in change["tokens"] if op in ops)


def not_equal(model):
    return [c for c in model["changes"] if c["kind"] != "equal"]


def eids(ref):
    return ref and ref["eid"]


@pytest.fixture(scope="module")
def body():
    return printed_lines()[1]


@pytest.fixture(scope="module")
def original(body):
    return bill(body, "h2288")


def figure_changed(body):
    b = list(body)
    assert line(b, 91).endswith("shall, within 90")
    b[90] = b[90].replace("within 90", "within 60")
    return b


def definition_moved(body):
    """“Immigration enforcement” (lines 12-14) moved before “Law enforcement agency” (line 8)."""
    b = list(body)
    assert line(b, 12).startswith("“Immigration enforcement”") and line(b, 8).startswith("“Law enforcement agency”")
    return b[:7] + b[11:14] + b[7:11] + b[14:]


NEW_SECTION = "SECTION 3. Section 18 of chapter 6 of the General Laws is hereby repealed."


def section_inserted(body):
    """A new SECTION 3 before the old one (line 83), which becomes SECTION 4."""
    b = list(body)
    assert line(b, 83).startswith("SECTION 3. Chapter 126")
    b[82] = b[82].replace("SECTION 3.", "SECTION 4.")
    return b[:82] + [NEW_SECTION] + b[82:]


def test_unchanged_bill_is_all_equal(original, body):
    model = compare(original, bill(body))
    assert not_equal(model) == [] and not model["degraded"]
    # every provision with words of its own: 3 sections, Section 63 and 40, 6 subsections,
    # 3 definitions, 4 preface parts and the enacting formula
    assert len(model["changes"]) == 19


def test_figure_changed(original, body):
    model = compare(original, bill(figure_changed(body)))
    [change] = not_equal(model)
    assert change["kind"] == "modify"
    assert eids(change["old"]) == eids(change["new"]) == SEC40
    assert change["old"]["lines"] == change["new"]["lines"] == [85, 97]
    assert [t for t in change["tokens"] if t[0] != "="] == [["-", "90"], ["+", "60"]]
    i = change["tokens"].index(["-", "90"])
    assert change["tokens"][i - 1][1].endswith("shall, within ")
    assert change["tokens"][i + 2][1].startswith(" days, inform the other party")
    assert model["stats"]["words_deleted"] == model["stats"]["words_inserted"] == 1
    # and back: no move invented in either direction
    back = compare(bill(figure_changed(body)), original)
    assert [(c["kind"], joined(c, "-"), joined(c, "+")) for c in not_equal(back)] == [("modify", "60", "90")]


def test_definition_moved(original, body):
    model = compare(original, bill(definition_moved(body)))
    [change] = not_equal(model)
    assert change["kind"] == "move"
    assert eids(change["old"]) == eids(change["new"]) == DEFN + "immigration-enforcement"
    assert change["old"]["lines"] == [12, 14] and change["new"]["lines"] == [8, 10]
    assert {op for op, _ in change["tokens"]} == {"="}
    # it now comes first among the definitions, and the one it passed is equal, on new lines
    defs = [c for c in model["changes"] if (eids(c["new"]) or "").startswith(DEFN)]
    assert [eids(c["new"])[len(DEFN):] for c in defs] == [
        "immigration-enforcement", "law-enforcement-agency", "united-states-department-of-homeland-security"]
    assert defs[1]["kind"] == "equal" and defs[1]["old"]["lines"] == [8, 11] and defs[1]["new"]["lines"] == [11, 14]


def test_definition_moved_back(original, body):
    model = compare(bill(definition_moved(body)), original)
    [change] = not_equal(model)
    assert change["kind"] == "move"
    assert eids(change["new"]) == DEFN + "immigration-enforcement"
    assert change["old"]["lines"] == [8, 10] and change["new"]["lines"] == [12, 14]


def test_section_inserted_renumbers_the_next(original, body):
    model = compare(original, bill(section_inserted(body)))
    kinds = [(c["kind"], eids(c["old"]), eids(c["new"])) for c in not_equal(model)]
    assert kinds == [("insert", None, "sec_3"), ("renumber", "sec_3", "sec_4")]
    inserted, renumbered = not_equal(model)
    # The new SECTION 3 stands where the old one stood (the same order); the old one is
    # now one further on.  Sections are top-level: depth 0.
    at = renumbered["old"]["order"]
    assert inserted["new"] == {"eid": "sec_3", "num": "SECTION 3.", "term": None, "lines": [83, 83],
                               "type": "section", "order": at, "depth": 0}
    assert inserted["tokens"] == [["+", NEW_SECTION.removeprefix("SECTION 3. ")]]
    assert renumbered["old"] == {"eid": "sec_3", "num": "SECTION 3.", "term": None, "lines": [83, 84],
                                 "type": "section", "order": at, "depth": 0}
    assert renumbered["new"] == {"eid": "sec_4", "num": "SECTION 4.", "term": None, "lines": [84, 85],
                                 "type": "section", "order": at + 1, "depth": 0}
    assert not any(c["displaced"] for c in model["changes"])  # nothing out of order
    # Section 40 itself is unchanged: same number, new eid and lines one further down
    [sec40] = [c for c in model["changes"] if eids(c["old"]) == SEC40]
    assert sec40["kind"] == "equal" and eids(sec40["new"]) == "sec_4__qstr_1__sec_40"
    assert sec40["old"]["lines"] == [85, 97] and sec40["new"]["lines"] == [86, 98]
    assert model["stats"]["move"] == 0


def test_section_deleted_stands_where_it_stood(original, body):
    model = compare(bill(section_inserted(body)), original)
    order = [(c["kind"], eids(c["old"]), eids(c["new"])) for c in model["changes"]]
    i = order.index(("delete", "sec_3", None))
    assert order[i - 1] == ("equal", "sec_2__qstr_1__sec_63__subsec_f", "sec_2__qstr_1__sec_63__subsec_f")
    assert order[i + 1] == ("renumber", "sec_4", "sec_3")
    assert model["changes"][i]["old"]["lines"] == [83, 83]
    assert model["stats"]["move"] == 0


def test_refile_with_all_three_edits(original, body):
    edited = section_inserted(figure_changed(definition_moved(body)))
    model = compare(original, bill(edited))
    got = [(c["kind"], eids(c["old"]), eids(c["new"])) for c in not_equal(model)]
    assert got == [
        ("move", DEFN + "immigration-enforcement", DEFN + "immigration-enforcement"),
        ("insert", None, "sec_3"),
        ("renumber", "sec_3", "sec_4"),
        ("modify", SEC40, "sec_4__qstr_1__sec_40"),
    ]
    sec40 = not_equal(model)[-1]
    assert sec40["new"]["lines"] == [86, 98]
    assert (joined(sec40, "-"), joined(sec40, "+")) == ("90", "60")


def test_subsection_deleted_and_the_rest_relettered(original, body):
    """(b) (lines 19-24) struck; (c)-(f) become (b)-(e): one deletion, four renumbers, no move."""
    b = list(body)
    assert line(b, 19).startswith("(b) Community relations") and line(b, 25).startswith("(c) Due process")
    b = b[:18] + b[24:]
    for old, new in (("(c)", "(b)"), ("(d)", "(c)"), ("(e)", "(d)"), ("(f)", "(e)")):
        i = next(k for k, s in enumerate(b) if s.startswith(old + " "))
        b[i] = new + b[i][len(old):]
    sub = "sec_2__qstr_1__sec_63__subsec_"
    for old_doc, new_doc, flip in ((original, bill(b), False), (bill(b), original, True)):
        model = compare(old_doc, new_doc)
        got = [(c["kind"], eids(c["old"]), eids(c["new"])) for c in not_equal(model)]
        expected = [("delete", sub + "b", None)] + [
            ("renumber", sub + o, sub + n) for o, n in (("c", "b"), ("d", "c"), ("e", "d"), ("f", "e"))]
        if flip:
            expected = [("insert", None, sub + "b")] + [
                ("renumber", sub + n, sub + o) for o, n in (("c", "b"), ("d", "c"), ("e", "d"), ("f", "e"))]
        assert got == expected


def test_boilerplate_is_not_a_move(original, body):
    """(f) struck and a new section opening with the boilerplate of (b) added: delete + insert."""
    b = list(body)
    assert line(b, 71).startswith("(f) Implementation") and line(b, 83).startswith("SECTION 3.")
    b = b[:70] + b[82:] + [
        "SECTION 4. Notwithstanding any general or special law to the contrary, no officer or employee of a",
        "law enforcement agency shall enter into an agreement to house detained persons for a fee.",
    ]
    for old_doc, new_doc in ((original, bill(b)), (bill(b), original)):
        model = compare(old_doc, new_doc)
        assert model["stats"]["move"] == 0
        assert sorted(c["kind"] for c in not_equal(model)) == ["delete", "insert"]


def test_section_inserted_before_an_edited_section(original, body):
    """The pushed-down section also changed: it is paired by its words, not by the number it lost."""
    b = section_inserted(body)
    assert b[83].startswith("SECTION 4. Chapter 126 of the General Laws is hereby amended by inserting after")
    b[83] = b[83].replace("Chapter 126", "Chapter 127")
    model = compare(original, bill(b))
    got = [(c["kind"], eids(c["old"]), eids(c["new"]), c["renumbered"]) for c in not_equal(model)]
    assert got == [("insert", None, "sec_3", False), ("modify", "sec_3", "sec_4", True)]
    modified = not_equal(model)[1]
    assert [t for t in modified["tokens"] if t[0] != "="] == [["-", "126"], ["+", "127"]]
    assert modified["old"]["num"] == "SECTION 3." and modified["new"]["num"] == "SECTION 4."


def test_moved_definition_carrying_an_edit(original, body):
    b = definition_moved(body)
    assert line(b, 8).startswith("“Immigration enforcement”, any and all efforts")
    b[7] = b[7].replace("any and all efforts", "all efforts")
    for old_doc, new_doc, minus, plus in ((original, bill(b), "any and ", ""), (bill(b), original, "", "any and ")):
        model = compare(old_doc, new_doc)
        [change] = not_equal(model)
        assert change["kind"] == "move" and eids(change["new"]) == DEFN + "immigration-enforcement"
        assert (joined(change, "-"), joined(change, "+")) == (minus, plus)


def test_swapped_subsections_move_the_shorter_one(original, body):
    """(e) (lines 57-70) and (f) (lines 71-82) swapped, letters kept: one move, the shorter (f)."""
    b = list(body)
    assert line(b, 57).startswith("(e) Guidelines") and line(b, 71).startswith("(f) Implementation")
    b = b[:56] + b[70:82] + b[56:70] + b[82:]
    sub = "sec_2__qstr_1__sec_63__subsec_"
    for old_doc, new_doc in ((original, bill(b)), (bill(b), original)):
        model = compare(old_doc, new_doc)
        [change] = not_equal(model)
        assert (change["kind"], eids(change["old"]), eids(change["new"])) == ("move", sub + "f", sub + "f")
    model = compare(original, bill(b))
    [change] = not_equal(model)
    assert change["old"]["lines"] == [71, 82] and change["new"]["lines"] == [57, 68]


def test_heading_reworded_is_a_modify(original, body):
    """(b)'s heading (line 19) reworded, its text kept: the same subsection, modified."""
    b = list(body)
    assert line(b, 19) == "(b) Community relations with law enforcement agencies"
    b[18] = "(b) Relations with law enforcement agencies"
    for old_doc, new_doc, minus, plus in ((original, bill(b), "Community relations", "Relations"),
                                         (bill(b), original, "Relations", "Community relations")):
        [change] = not_equal(compare(old_doc, new_doc))
        assert change["kind"] == "modify" and eids(change["new"]) == "sec_2__qstr_1__sec_63__subsec_b"
        assert (joined(change, "-"), joined(change, "+")) == (minus, plus)


def test_provision_emptied_of_every_word_is_a_deletion(eo650):
    """EO 650's "Date: 01/29/2026" line loses all its words: it is deleted, never silently dropped."""
    import copy

    from lawdiff.parse.tree import Document

    tree = copy.deepcopy(eo650.tree)
    tree.find("preface__p_2").text = ""
    edited = Document(dict(eo650.meta, id="edited"), tree)
    for old, new, kind in ((eo650, edited, "delete"), (edited, eo650, "insert")):
        changes = compare(old, new)["changes"]
        date = [c for c in changes if (c["old"] or c["new"])["eid"] == "preface__p_2" and c["kind"] != "equal"]
        assert [(c["kind"], c["tokens"]) for c in date] == [(kind, [["-" if kind == "delete" else "+", "Date: 01/29/2026"]])]
    # Every provision with words of its own is in the model, on each side.
    changes = compare(eo650, edited)["changes"]
    assert sorted(c["old"]["eid"] for c in changes if c["old"]) == sorted(
        n.eid for n in eo650.tree.walk() if n.num or n.heading or n.text)


def test_streamed_model_is_the_model_with_its_changes_made_as_read(original, body):
    """``compare_streamed`` (what ``lawdiff diff --format json`` writes) is ``compare``'s dict, its
    changes made as they are read: the same dicts on every pass, the same JSON bytes."""
    from lawdiff.diff.changes import ChangeDicts, compare_streamed
    from lawdiff.render.jsonout import dumps_utf8

    new = bill(section_inserted(definition_moved(figure_changed(body))), "h2288-edited")
    whole, streamed = compare(original, new), compare_streamed(original, new)
    assert isinstance(streamed["changes"], ChangeDicts) and len(streamed["changes"]) == len(whole["changes"])
    assert list(streamed["changes"]) == whole["changes"] == list(streamed["changes"])
    assert {k: v for k, v in streamed.items() if k != "changes"} == {k: v for k, v in whole.items() if k != "changes"}
    assert list(streamed) == list(whole)  # the keys in the same order: "changes" last
    assert len(not_equal(whole)) >= 3 and dumps_utf8(streamed) == dumps_utf8(whole)
