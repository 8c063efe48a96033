"""``page.ref_label`` remembers labels by eid (issue 26: an LRU cache missed every label of a long
redline's every pass); what it remembers reads as what it makes, and it is bounded."""

from lawdiff.render import page
from lawdiff.render.page import ref_label


def test_a_remembered_label_is_the_label_made(monkeypatch):
    monkeypatch.setattr(page, "_LABELS", {})
    refs = [{"eid": "sec_3__qstr_1__sec_40__subsec_a"}, {"eid": "sec_12a"},
            {"eid": "sec_2__defn_harbor-master", "term": "Harbor master"}, {"eid": "sec_2__defn_harbor-master"},
            {"eid": "", "num": "SECTION 9."}]
    made = [ref_label(r) for r in refs]
    assert made == ["Section 40(a)", "Section 12A", "Section 2, definition of “Harbor master”",
                    "Section 2, definition of “harbor master”", "SECTION 9."]
    assert [ref_label(r) for r in refs] == made  # remembered: the same
    assert page._LABELS["sec_12a"] == "Section 12A" and ("sec_2__defn_harbor-master", "Harbor master") in page._LABELS


def test_a_term_that_is_no_string_is_labelled_not_remembered(monkeypatch):
    monkeypatch.setattr(page, "_LABELS", {})
    ref = {"eid": "sec_2__defn_x", "term": ["a", "list"]}
    assert ref_label(ref) == ref_label(ref) == "Section 2, definition of “['a', 'list']”"
    assert page._LABELS == {}


def test_the_remembered_labels_are_bounded(monkeypatch):
    monkeypatch.setattr(page, "_LABELS", {})
    monkeypatch.setattr(page, "_LABELS_HELD", 3)
    labels = [ref_label({"eid": f"sec_{n}"}) for n in range(1, 11)]
    assert labels == [f"Section {n}" for n in range(1, 11)]
    assert 1 <= len(page._LABELS) <= 3 and page._LABELS["sec_10"] == "Section 10"
