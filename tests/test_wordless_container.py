"""A provision with words is never left out of a change model (found on the whole 193rd
session: S.160 -> S.2673 and S.158 -> S.2475, where the filed bill's quotation ran the inserted
section's words into itself and the new draft's quotation only held the section).  And the
parser reads a straight quotation mark before an inserted section as it reads a curly one."""

from lawdiff import parse_bytes
from lawdiff.diff.changes import compare
from lawdiff.parse.tree import Document, Node
from lawdiff.render.docx import _check_complete, render_docx

INSTRUCTION = "Chapter 112 of the General Laws is hereby amended by inserting after section 135C the following section:-"
WORDS = "To keep a stable workforce the board shall award a stipend to each applicant it chooses."


def bill(quotation: Node) -> Document:
    section = Node("section", "sec_1", "SECTION 1.", text=INSTRUCTION, children=[quotation])
    last = Node("section", "sec_2", "SECTION 2.", text="This act shall take effect upon its passage.")
    return Document({"id": "x", "kind": "bill"}, Node("bill", children=[Node("body", children=[section, last])]))


def test_words_of_a_quotation_paired_with_a_wordless_one_are_struck_not_dropped():
    run_in = Node("quotedStructure", "sec_1__qstr_1", text=f"Section 135D. {WORDS}")
    held = Node("quotedStructure", "sec_1__qstr_1", children=[
        Node("section", "sec_1__qstr_1__sec_135d", "Section 135D.", text=WORDS)])
    for old, new in ((bill(run_in), bill(held)), (bill(held), bill(run_in))):
        model = compare(old, new)
        _check_complete(model)  # every provision with words on each side is in the model
        changed = [c for c in model["changes"] if c["kind"] != "equal"]
        # The words go out on one side and in on the other, whole.
        assert {c["kind"] for c in changed} == {"delete", "insert"}
        assert sorted(op for c in changed for op, _ in c["tokens"]) == ["+", "-"]
        assert all(WORDS in text for c in changed for _, text in c["tokens"])
        render_docx(model)  # and the Word redline is written


def test_a_straight_quotation_mark_before_an_inserted_section():
    text = (f"SECTION 1. {INSTRUCTION}\n\n\"Section 135D. {WORDS}\n\n(i) the background of the applicant;\n\n"
            "(ii) the program the applicant attends.\"\n\nSECTION 2. This act shall take effect upon its passage.\n")
    tree = parse_bytes(text.encode(), "straight.txt", {"kind": "bill", "id": "x"}).tree
    sections = [n.eid for n in tree.walk() if n.type == "section"]
    assert sections == ["sec_1", "sec_1__qstr_1__sec_135d", "sec_2"]
    assert tree.find("sec_1__qstr_1").text == ""


def test_a_stray_mark_before_the_first_section_is_no_quotation():
    # '"SECTION 1.' and '“SECTION 1.' open real records (H.1243, H.4884): the bill's own first SECTION.
    for mark in ("\"", "\u201c"):
        text = (f"{mark}SECTION 1. {INSTRUCTION}\n\nSection 135D. {WORDS}\n\n"
                "SECTION 2. This act shall take effect upon its passage.\n")
        tree = parse_bytes(text.encode(), "stray.txt", {"kind": "bill", "id": "x"}).tree
        sections = [n.eid for n in tree.walk() if n.type == "section"]
        assert sections == ["sec_1", "sec_1__qstr_1__sec_135d", "sec_2"], mark
