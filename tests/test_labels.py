"""One reader's name for a provision, used by every renderer a person reads."""

from lawdiff.render.page import ref_label, side_title


def test_labels_read_as_a_person_cites():
    cases = {
        "sec_2__qstr_1__sec_63__subsec_a__defn_immigration-enforcement":
            "Section 63(a), definition of “immigration enforcement”",  # no term given: from the eid
        "sec_3__qstr_1__sec_40": "Section 40",
        "sec_3__qstr_1": "Section 3, inserted text",
        "sec_2__qstr_1__sec_63a__subsec_a__para_1": "Section 63A(a)(1)",
        "preamble__recs_1__rec_3": "Recital 3",
        "preamble": "Preamble",
        "preface__p_1": "Front matter, paragraph 1",
        "preface__summary_1": "Summary",
        "sec_nn_2": "Unnumbered section",
        "chp_3__sec_2": "Chapter 3, Section 2",
    }
    for eid, label in cases.items():
        assert ref_label({"eid": eid}) == label, eid


def test_a_definition_is_named_by_its_term_as_printed():
    ref = {"eid": "sec_1__defn_civil-arrest", "term": "Civil arrest"}
    assert ref_label(ref) == "Section 1, definition of “Civil arrest”"


def test_side_titles_carry_no_eid():
    assert side_title({"number": "H.2288", "eid": "sec_3__qstr_1__sec_40"}) == "H.2288 Section 40"
    assert side_title({"id": "eo-650", "eid": None}) == "eo-650"


def test_counts_read_as_a_person_writes_them():
    from lawdiff.render.templates import counted

    assert counted(1, "word") == "1 word" and counted(0, "word") == "0 words" and counted(3, "word") == "3 words"
    assert counted(1, "changed provision") == "1 changed provision"
