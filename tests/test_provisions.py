"""parse.provisions: tree lookups, definition scope (shared by the glossary and the AKN writer),
the path label and the line citations, on the real H.2288 and EO 650."""

import pytest
from lxml import etree

from helpers import H2288
from lawdiff import LawdiffError
from lawdiff.load.documents import parse_bytes
from lawdiff.parse.provisions import (ancestors, definition_scope, find_provision, heading_label, instrument_label,
                                      instrument_name, line_span, lineage, lines_text, number_label, parent_map,
                                      path_label, spell_lines)
from lawdiff.read.akn import AKN_NS
from lawdiff.render.akn import AknWriter, to_akn
from lawdiff.render.glossary import Linker, terms

SEC63 = "sec_2__qstr_1__sec_63"
DHS = f"{SEC63}__subsec_a__defn_united-states-department-of-homeland-security"
SEC40 = "sec_3__qstr_1__sec_40"


def _scopes(doc):
    parents = parent_map(doc.tree)
    return {n.term: definition_scope(n, parents, doc.tree)
            for n in doc.tree.walk() if n.type == "definition" and n.term}


@pytest.fixture(scope="module")
def h2288_chapter(corpus):
    """H.2288 with line 6 reading "As used in this chapter" for "As used in this section":
    the definitions then belong to chapter 147, into which SECTION 2 inserts Section 63."""
    data = H2288.read_bytes()
    assert data.count(b"As used in this section") == 1
    entry = dict(corpus.entries["193-h2288"], sha256=None)
    return parse_bytes(data.replace(b"As used in this section", b"As used in this chapter"), H2288, entry)


def test_ancestors_and_lineage(h2288):
    parents = parent_map(h2288.tree)
    node = h2288.tree.find(DHS)
    assert [a.eid or a.type for a in ancestors(node, parents)] == [
        f"{SEC63}__subsec_a", SEC63, "sec_2__qstr_1", "sec_2", "body", "bill"]
    assert next(lineage(node, parents)) is node
    assert list(ancestors(h2288.tree, parents)) == []


def test_find_provision_or_a_one_line_error(h2288):
    assert find_provision(h2288, SEC40).num == "Section 40."
    with pytest.raises(LawdiffError) as e:
        find_provision(h2288, "sec_99")
    assert str(e.value.source) == "193-h2288#sec_99" and "no provision with this eid" in str(e.value)


def test_definitions_as_used_in_this_section_apply_in_section_63(h2288):
    # H.2288 line 6: "As used in this section, the following words shall have ..." inside Section 63.
    scopes = _scopes(h2288)
    assert {t: s.eid for t, s in scopes.items()} == {
        "Law enforcement agency": SEC63, "Immigration enforcement": SEC63,
        "United States Department of Homeland Security": SEC63}


def test_definitions_of_eo650_apply_in_the_whole_order(eo650):
    # EO 650 Section 1: "For purposes of this Executive Order, the following terms shall have ..."
    assert all(scope is eo650.tree for scope in _scopes(eo650).values())
    assert {t.scope for t in terms(eo650.tree)} == {None}


def test_a_definition_in_inserted_text_applies_in_that_text_only(h2288_chapter):
    """Section 63's definitions, "as used in this chapter", are chapter 147's: they govern the
    text SECTION 2 inserts, not the bill, and not Section 40, which SECTION 3 inserts into chapter 126."""
    assert {s.eid for s in _scopes(h2288_chapter).values()} == {"sec_2__qstr_1"}
    assert {t.scope for t in terms(h2288_chapter.tree)} == {"sec_2__qstr_1"}


@pytest.mark.parametrize("fixture", ["h2288", "h2288_chapter"])
def test_glossary_and_akn_agree_section_40_uses_no_definition(request, fixture):
    # Section 40 (lines 94-97) names the "United States Department of Homeland Security" twice,
    # a term Section 63 defines; in either reading of line 6 that definition is not Section 40's.
    doc = request.getfixturevalue(fixture)
    sec40 = doc.tree.find(SEC40)
    assert "United States Department of Homeland Security" in sec40.text
    assert "<a " not in Linker(doc.tree, terms(doc.tree)).link(sec40, sec40.text)
    root = etree.fromstring(to_akn(doc))
    ns = {"a": AKN_NS}
    assert root.findall(f".//a:section[@eId='{SEC40}']//a:term", ns) == []
    # ... while Section 63's own subsection (c) does link and mark it.
    sub_c = doc.tree.find(f"{SEC63}__subsec_c")
    assert f'href="#{DHS}"' in Linker(doc.tree, terms(doc.tree)).link(sub_c, sub_c.text)
    marked = root.findall(f".//a:subsection[@eId='{SEC63}__subsec_c']//a:term", ns)
    assert f"#term-{'united-states-department-of-homeland-security'}" in {t.get("refersTo") for t in marked}


def test_the_writer_keeps_its_own_state(h2288, eo650):
    """Two writers at once: each marks its own document's terms (a module-wide variable would not)."""
    first = AknWriter(h2288)
    to_akn(eo650)
    xml = etree.tostring(first.document(), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert xml == to_akn(h2288)


def test_path_label(h2288, eo650):
    parents = parent_map(h2288.tree)
    assert path_label(h2288.tree.find(SEC40), parents) == "SECTION 3, Section 40"
    assert path_label(h2288.tree.find(DHS), parents) == (
        "SECTION 2, Section 63, (a), definition of “United States Department of Homeland Security”")
    eo_parents = parent_map(eo650.tree)
    assert path_label(eo650.tree.find("sec_1__defn_civil-arrest"), eo_parents) == (
        "Section 1, definition of “Civil arrest”")


def test_number_and_heading_as_printed(h2288):
    # H.2288 line 4: "Section 63. Updates to Law Enforcement Procedures"; line 5: "(a) Definitions".
    sec63, sub_a = h2288.tree.find(SEC63), h2288.tree.find(f"{SEC63}__subsec_a")
    assert heading_label(sec63) == "Section 63. Updates to Law Enforcement Procedures"
    assert number_label(sec63) == "Section 63" and number_label(sub_a) == "(a)"
    assert heading_label(sub_a) == "(a) Definitions"
    assert heading_label(h2288.tree) == "" and number_label(h2288.tree) == ""


def test_instrument_names(corpus):
    # instruments.toml: eo-650 is number "No. 650", an executive order; 193-h2288 is "H.2288".
    eo, bill = corpus.entries["eo-650"], corpus.entries["193-h2288"]
    assert instrument_name(eo) == "No. 650" and instrument_label(eo) == "EO 650"
    assert instrument_name(bill) == instrument_label(bill) == "H.2288"
    assert instrument_name({"id": "draft"}) == "draft"


def test_line_citations():
    assert line_span(91, 91) == "91" and line_span(49, 56) == "49–56"
    assert lines_text([91, 91]) == "line 91" and lines_text((85, 97)) == "lines 85–97"
    assert spell_lines([91]) == "line 91"
    assert spell_lines([49, 50, 51, 52, 53, 54, 55, 56, 88]) == "lines 49–56, 88"
    assert spell_lines([3, 5]) == "lines 3, 5"
