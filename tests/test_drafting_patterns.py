"""Massachusetts drafting patterns the shipped texts do not show, on a small hand-written bill.

tests/fixtures/single-section-bill.txt is shaped like S.1122: one unnumbered
section inserting a new General Laws section with definitions, paragraphs (1),
clauses (i), and lettered subsections running past (h) to (i) and (j).
"""

from pathlib import Path

from lawdiff import parse_bytes
from lawdiff.read import read

FIXTURE = Path(__file__).parent / "fixtures" / "single-section-bill.txt"
SEC = "sec_nn_1__qstr_1__sec_223"


def parsed():
    return parse_bytes(FIXTURE.read_bytes(), FIXTURE)


def test_unnumbered_section_holds_the_inserted_section():
    body = parsed().tree.children[-1]
    assert [(s.type, s.eid, s.num) for s in body.children] == [("section", "sec_nn_1", None)]
    assert body.children[0].text.endswith("inserting after section 222 the following section:-")
    inserted = body.children[0].children[0].children[0]
    assert (inserted.eid, inserted.num, inserted.heading, inserted.text) == (SEC, "Section 223.", None, "")


def test_levels_and_the_letter_i():
    tree = parsed().tree
    sec = tree.find(SEC)
    assert [c.num for c in sec.children] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)"]
    assert all(c.type == "subsection" for c in sec.children)
    assert [(d.type, d.term) for d in tree.find(SEC + "__subsec_a").children] == [
        ("definition", "Covered entity"), ("definition", "Immigration collaboration agreement")]
    para2 = tree.find(SEC + "__subsec_b__para_2")
    assert (para2.type, para2.text) == ("paragraph", "renew such an agreement, except:")
    assert [(c.type, c.eid, c.text) for c in para2.children] == [
        ("clause", SEC + "__subsec_b__para_2__cl_i", "as required by law; or"),
        ("clause", SEC + "__subsec_b__para_2__cl_ii", "for a period not exceeding 90 days."),
    ]
    assert tree.find(SEC + "__subsec_i").text == "The attorney general shall enforce this section."


def test_lossless():
    data = FIXTURE.read_bytes()
    assert parsed().tree.words() == [w for line in read(data, FIXTURE).lines for w in line.text.split()]


def test_inline_substitution_is_not_a_quoted_structure():
    text = ("SECTION 1. Section 5 of chapter 9 is hereby amended by striking out the figure “45” and "
            "inserting in place thereof the following figure:- 35.\n\nSECTION 2. This act shall take effect upon passage.\n")
    body = parse_bytes(text.encode(), "subst.txt").tree.children[-1]
    assert [(s.eid, s.children) for s in body.children] == [("sec_1", []), ("sec_2", [])]
    assert body.children[0].text.endswith("the following figure:- 35.")


def test_struck_subsection_not_relettered():
    """H.2288 with subsection (b) struck and the rest left as printed: (c) follows (a) and is still a subsection."""
    from helpers.h2288_edits import bill, printed_lines

    _, body = printed_lines()
    assert body[18].startswith("(b) Community relations") and body[24].startswith("(c) Due process")
    doc = bill(body[:18] + body[24:])  # printed lines 19-24 are (b)
    sec63 = doc.tree.find("sec_2__qstr_1__sec_63")
    assert [(c.type, c.num) for c in sec63.children] == [
        ("subsection", "(a)"), ("subsection", "(c)"), ("subsection", "(d)"), ("subsection", "(e)"), ("subsection", "(f)")]
    assert [d.term for d in sec63.children[0].children] == [
        "Law enforcement agency", "Immigration enforcement", "United States Department of Homeland Security"]


FORMS = Path(__file__).parent / "fixtures" / "amending-forms.txt"


def test_amending_forms():
    """tests/fixtures/amending-forms.txt: an emergency preamble, a struck-and-replaced subsection,
    two sections inserted by one instruction, bill-level subsections, a Roman-numbered SECTION."""
    doc = parse_bytes(FORMS.read_bytes(), FORMS)
    tree = doc.tree
    assert [c.type for c in tree.children] == ["preamble", "body"]
    recital = tree.find("preamble__recs_1__rec_1")
    assert recital.text.startswith("Whereas, The deferred operation of this act")
    replaced = tree.find("sec_1__qstr_1__subsec_b")
    assert replaced.text == "The department shall not enter into any agreement under 8 U.S.C. section 1357(g)."
    inserted = tree.find("sec_2__qstr_1")
    assert [(c.eid, c.num) for c in inserted.children] == [
        ("sec_2__qstr_1__sec_223", "Section 223."), ("sec_2__qstr_1__sec_224", "Section 224.")]
    assert [c.num for c in inserted.children[0].children] == ["(a)", "(b)"]
    assert [n.eid for n in tree.find("sec_3").walk()] == [
        "sec_3", "sec_3__subsec_a", "sec_3__subsec_b", "sec_3__subsec_b__para_1", "sec_3__subsec_b__para_2"]
    assert tree.find("sec_iv").text == "This act shall take effect upon its passage."
    assert tree.words() == [w for line in read(FORMS.read_bytes(), FORMS).lines for w in line.text.split()]


def test_federal_style_clauses_stay_under_their_subclause():
    """"(A) ... (i) ... (ii) ... (B)": the clauses belong to (A), not beside it.  The second
    case is S.2600 of the 193rd (chapter 90K, section 2(g)), which prints its first paragraph
    "(I)" and lists clauses (i)-(vii) under it before "(2)"."""
    from lawdiff.load.documents import parse_bytes

    federal = ("SECTION 1. The board shall:\n(1) report each year on:\n(A) the number of agreements, including:\n"
               "(i) agreements in force; and\n(ii) agreements ended; and\n(B) the cost of each; and\n"
               "(2) publish the report.\n")
    doc = parse_bytes(federal.encode(), "federal.txt")
    assert [n.eid for n in doc.tree.walk() if n.eid and n.eid.startswith("sec_1__")] == [
        "sec_1__para_1", "sec_1__para_1__subcl_a", "sec_1__para_1__subcl_a__cl_i", "sec_1__para_1__subcl_a__cl_ii",
        "sec_1__para_1__subcl_b", "sec_1__para_2"]
    s2600 = ("\tSECTION 1. (g)\t(I) Subject to regulations, the enforcing authority shall provide a notice of violation"
             " which shall include:\r\n\t(i) a copy of the photographs produced by the camera system;\r\n"
             "\t(ii)\tthe registration number and state of issuance of the vehicle;\r\n"
             "\t(2) In the case of a violation involving a motor vehicle registered in the commonwealth, the notice"
             " shall be sent by mail.\r\n")
    doc = parse_bytes(s2600.encode(), "s2600.txt")
    g = doc.tree.find("sec_1__subsec_g")
    assert [c.num for c in g.children] == ["(I)", "(2)"]
    assert [c.num for c in g.children[0].children] == ["(i)", "(ii)"]


def test_quoted_text_opening_with_a_letter_that_is_also_a_roman_numeral():
    """An amendment that strikes and re-inserts subsection (c), (i) or (l) quotes it opening
    with that letter: a subsection, not clause 100, 1 or 50, with its paragraphs under it
    (the layout of H.2 of the 193rd, SECTION 23, and H.3980, SECTION 172; own wording)."""
    text = ("SECTION 1. Section 7 of chapter 29 of the General Laws, as so appearing, is hereby amended by "
            "striking out subsections (c) and (d) and inserting in place thereof the following subsections:-\n"
            "(c)(1) The secretary shall expend money in the fund for payments to hospitals.\n"
            "(2) The secretary shall report each year.\n"
            "(d) Any balance shall revert to the General Fund.\n\n"
            "SECTION 2. Section 8 of said chapter 29 is hereby amended by striking out subsection (i) and "
            "inserting in place thereof the following subsection:-\n"
            "(i) Whoever fails to file the report shall be fined.\n\n"
            "SECTION 3. Section 13 of chapter 46 is hereby amended by adding the following text:-\n"
            "(l) Upon application of both parties the record shall be amended.\n")
    tree = parse_bytes(text.encode(), "quoted-letters.txt").tree
    quote = tree.find("sec_1__qstr_1")
    assert [(c.type, c.num) for c in quote.children] == [("subsection", "(c)"), ("subsection", "(d)")]
    assert [(c.type, c.num, c.text) for c in quote.children[0].children] == [
        ("paragraph", "(1)", "The secretary shall expend money in the fund for payments to hospitals."),
        ("paragraph", "(2)", "The secretary shall report each year.")]
    assert [(c.type, c.num) for c in tree.find("sec_2__qstr_1").children] == [("subsection", "(i)")]
    assert [(c.type, c.num) for c in tree.find("sec_3__qstr_1").children] == [("subsection", "(l)")]


def test_quoted_clause_stays_a_clause():
    """Where the instruction does not insert subsections, a quoted "(i)" is still clause (i)."""
    text = ("SECTION 1. Section 7 of chapter 29 is hereby amended by striking out clause (i) and "
            "inserting in place thereof the following clause:-\n"
            "(i) a person who holds a license;\n")
    tree = parse_bytes(text.encode(), "quoted-clause.txt").tree
    assert [(c.type, c.num) for c in tree.find("sec_1__qstr_1").children] == [("clause", "(i)")]


BOND_BILL = """SECTION 1. To provide for a program of ferry improvements, the sums set forth in section 2 are hereby made available, subject to the conditions specified in this act.
SECTION 2.
EXECUTIVE OFFICE OF TRANSPORTATION
7100-0001 For grants to cities and towns for ferry landings; provided, that the grants shall be made for:
(i) dock repairs;
(ii) ramps for persons with disabilities; and
(iii) shelters for waiting passengers.......$5,000,000
7100-0002 For the ferry passenger record system kept under section 2 of chapter 159X of the General Laws, as funded from item
7100-0001 for the fiscal year 2024.......$1,000,000
SECTION 3. Item 7100-0003 of section 2 of chapter 20 of the acts of 2022 is hereby amended by striking out the text and inserting in place thereof the following text:-
7100-0003 For the ferry safety program.......$2,000,000
SECTION 4. This act shall take effect upon its passage.
"""


def test_line_items_are_provisions_of_their_section():
    """A bond bill's or budget's line items (an account number, then "For ...") are provisions
    of their SECTION: a list inside one item stays in it, and the next item is the SECTION's,
    not the list's last clause (the layout of S.2834 of the 193rd, SECTION 2, and of H.3548,
    SECTION 3, where items after a list were read into its clause (x); our wording).  A wrapped
    line that starts with an account number but runs on in lower case ("item\\n7100-0001 for")
    opens nothing; an amendment may quote an item whole."""
    tree = parse_bytes(BOND_BILL.encode(), "bond.txt", {"kind": "bill", "id": "bond"}).tree
    sec2 = tree.find("sec_2")
    assert [(c.type, c.eid, c.num) for c in sec2.children] == [
        ("lineItem", "sec_2__item_7100-0001", "7100-0001"), ("lineItem", "sec_2__item_7100-0002", "7100-0002")]
    first, second = sec2.children
    assert first.text == "For grants to cities and towns for ferry landings; provided, that the grants shall be made for:"
    assert [c.num for c in first.children] == ["(i)", "(ii)", "(iii)"]
    assert first.children[-1].text == "shelters for waiting passengers.......$5,000,000"
    assert second.text.endswith("as funded from item 7100-0001 for the fiscal year 2024.......$1,000,000")
    [quoted] = tree.find("sec_3__qstr_1").children
    assert (quoted.type, quoted.num, quoted.text) == ("lineItem", "7100-0003", "For the ferry safety program.......$2,000,000")


def test_a_line_item_is_cited_as_budgets_cite_it():
    from lawdiff.parse.provisions import parent_map, path_label
    tree = parse_bytes(BOND_BILL.encode(), "bond.txt", {"kind": "bill", "id": "bond"}).tree
    assert path_label(tree.find("sec_2__item_7100-0002"), parent_map(tree)) == "SECTION 2, item 7100-0002"


def test_a_redline_of_two_versions_names_the_line_items():
    """The Senate's version raises item 7100-0002 and strikes item 7100-0001's clause (ii):
    the redline pairs each item with itself and names it as staff cite it."""
    from lawdiff.diff.changes import compare
    from lawdiff.render.markdown import render_markdown

    senate = (BOND_BILL.replace("(ii) ramps for persons with disabilities; and\n", "")
              .replace("(iii) shelters", "(ii) shelters").replace("; and\n(ii) shelters", ";\n(ii) shelters")
              .replace("2024.......$1,000,000", "2024.......$1,500,000"))
    old = parse_bytes(BOND_BILL.encode(), "house.txt", {"kind": "bill", "id": "house"})
    new = parse_bytes(senate.encode(), "senate.txt", {"kind": "bill", "id": "senate"})
    model = compare(old, new)
    items = {c["old"]["eid"]: (c["kind"], c["new"]["eid"]) for c in model["changes"]
             if c["old"] and c["old"]["type"] == "lineItem"}
    assert items == {"sec_2__item_7100-0001": ("equal", "sec_2__item_7100-0001"),
                     "sec_2__item_7100-0002": ("modify", "sec_2__item_7100-0002"),
                     "sec_3__qstr_1__item_7100-0003": ("equal", "sec_3__qstr_1__item_7100-0003")}
    [raised] = [c for c in model["changes"] if c["new"] and c["new"]["eid"] == "sec_2__item_7100-0002"]
    assert [t for op, t in raised["tokens"] if op != "="] == ["1,000,000", "1,500,000"]  # the amount, not the leader
    assert "## Modified: Section 2, item 7100-0002" in render_markdown(model)
