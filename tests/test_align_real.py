"""Alignment on fixtures written for these tests in the layouts of a real Massachusetts version
pair, H.83 -> H.4632 (193rd), and of H.3306: tests/fixtures/align/SOURCES.md says which sections
they model, and what a person reads in them."""

from pathlib import Path

from lawdiff import parse_bytes
from lawdiff.diff.align import CONTAINED, GROWTH, _items, _Weights
from lawdiff.diff.changes import compare

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "align"


def load(name: str):
    return parse_bytes((FIXTURES / name).read_bytes(), name, {"kind": "bill", "id": name.removesuffix(".txt")})


def test_sections_pair_as_a_person_reads_them():
    model = compare(load("chapter-filed.txt"), load("chapter-redrafted.txt"))
    top = {(c["old"] or {}).get("eid"): (c["new"] or {}).get("eid") for c in model["changes"]
           if "__" not in (c["old"] or c["new"])["eid"]}
    assert top == {"sec_1": "sec_1", "sec_3": "sec_4"}


def test_a_one_line_section_found_in_an_inserted_chapter_is_not_that_section():
    """Every word of the new one-line SECTION 4 ("This act shall take effect 18 months after its
    passage.") occurs somewhere in the old SECTION 1, which inserts a chapter: that makes the
    effective date no part of the chapter.  On the whole bills H.83 -> H.4632 the old SECTION 1
    was paired with the new SECTION 4 on this ground, and the chapter shown deleted and inserted
    again."""
    old, new = _items(load("chapter-filed.txt").tree), _items(load("chapter-redrafted.txt").tree)
    weights = _Weights(old, new)
    chapter = next(i for i in old if i.node.eid == "sec_1")
    effective = next(i for i in new if i.node.eid == "sec_4")
    assert weights.scores(chapter, effective)[1] >= CONTAINED  # found word for word ...
    assert chapter.weight > GROWTH * effective.weight  # ... in a provision many times its size ...
    assert weights.related(chapter, effective) == 0.0  # ... and still not related
    assert weights.related(chapter, next(i for i in new if i.node.eid == "sec_1")) > 0.8


def test_a_subsection_opening_with_its_first_paragraph_number():
    """As H.3306 prints it, "(e)(1) Except ..." opens subsection (e) and its (1): before, "(e)(1)"
    was no marker, (e) was glued to (d)(8), and (e)(2), (e)(3) became a second (d)(2), (d)(3),
    which a redline against H.4450 then paired with (d)'s own."""
    tree = load("d8-then-e1.txt").tree
    d = next(n for n in tree.walk() if n.num == "(d)")
    assert [c.num for c in d.children] == [f"({k})" for k in range(1, 9)]
    e = next(n for n in tree.walk() if n.num == "(e)")
    assert [c.num for c in e.children] == ["(1)", "(2)", "(3)"]
    assert e.children[0].text.startswith("Except to enforce a toll under this section")
    assert e.children[1].text.startswith("Images taken by a ramp toll camera that show no unpaid toll")
    eight = next(n for n in tree.walk() if n.num == "(8)")
    assert eight.text.endswith("refuse to renew the registration of the motor vehicle.") and not eight.children
    data = (FIXTURES / "d8-then-e1.txt").read_bytes()
    from lawdiff.read import read
    # Every character in order: "(e)(1)" becomes the numbers "(e)" and "(1)", a space apart.
    assert "".join(tree.words()) == "".join(w for line in read(data, "x.txt").lines for w in line.text.split())


def test_an_item_introducing_its_own_list_with_a_colon_and_dash_opens_no_quotation():
    """"(2)steer a passenger ... through:—" then "(i)...", "(ii)..." (H.4632's layout): the colon
    and dash introduce (2)'s list, not inserted text.  Read as a quotation, the chapter's next
    section (Section 9) was nested in (2), and H.83 -> H.4632 showed 10 more sections moved."""
    tree = load("chapter-redrafted.txt").tree
    chapter = next(n for n in tree.walk() if n.type == "chapter")
    assert [c.num for c in chapter.children] == ["Section 2.", "Section 9."]
    two = next(n for n in tree.walk() if n.eid == "sec_1__qstr_1__chapter_94h__sec_2__para_2")
    assert [(c.type, c.num) for c in two.children] == [("clause", "(i)"), ("clause", "(ii)")]
    assert [n.type for n in tree.walk()].count("quotedStructure") == 1  # SECTION 1's chapter only
