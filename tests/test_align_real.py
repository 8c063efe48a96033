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


def _chapter(sections: str) -> bytes:
    """A bill inserting a chapter whose sections print their headings on a line of their own,
    as H.83 and H.4632 do in the document API's text (our wording)."""
    return ("SECTION 1. Chapter 159 of the General Laws is hereby amended by inserting after section 100 "
            "the following chapter:-\n\nCHAPTER 159X.\n\nFERRY PASSENGERS\n\n"
            "Section 1. Definitions\n\nAs used in this chapter, the term ferry operator shall mean a person "
            "who carries passengers for hire on a vessel between two ports of the commonwealth.\n\n"
            + sections + "SECTION 2. This act shall take effect on July 1.\n").encode()


TICKETS = ("Section {n}. Ticket records\n\nA ferry operator shall keep a record of each ticket sold for 3 "
           "years and shall produce the record to the department upon request.\n\n")
COMPLAINTS = ("Section 3. Passenger complaints\n\nA passenger may file a complaint with the department about "
              "a ferry operator that refused boarding, and the department shall answer each complaint in "
              "writing within 30 days.\n\n")


def _sections(model) -> dict:
    return {(c["old"] or {}).get("eid"): ((c["new"] or {}).get("eid"), c["matched_by"]) for c in model["changes"]
            if (c["old"] or c["new"])["type"] == "section" and "chapter" in (c["old"] or c["new"])["eid"]}


def test_a_section_renumbered_and_rewritten_under_its_heading():
    """H.83 -> H.4632 (193rd): chapter 93L's "Section 11. Civil rights protections" is chapter
    93M's "Section 8. Civil Rights Protections", renumbered and largely rewritten (weighted Dice
    0.38, too little for words alone).  The same heading under the same chapter, the only one so
    named on each side, with words in common, makes them one provision, not a deletion and an
    insertion."""
    rewritten = ("Section 2. Passenger Complaints\n\nAny person refused boarding by a ferry operator may "
                 "complain to the office of the passenger advocate, which shall investigate, hold a hearing "
                 "if asked and publish its findings; the department shall answer within 30 days.\n\n")
    old = parse_bytes(_chapter(TICKETS.format(n=2) + COMPLAINTS), "old.txt", {"kind": "bill", "id": "old"})
    new = parse_bytes(_chapter(rewritten + TICKETS.format(n=3)), "new.txt", {"kind": "bill", "id": "new"})
    chapter = "sec_1__qstr_1__chapter_159x__"
    assert _sections(compare(old, new)) == {
        chapter + "sec_1": (chapter + "sec_1", "text"),
        chapter + "sec_2": (chapter + "sec_3", "text"),  # ticket records, renumbered
        chapter + "sec_3": (chapter + "sec_2", "heading"),  # passenger complaints, rewritten
    }


def test_a_heading_alone_pairs_nothing():
    """A section under another number and the same heading whose words are all new is a new
    section: the old one is struck and the new one inserted."""
    unrelated = ("Section 4. Passenger complaints\n\nEvery vessel shall carry life jackets sized for "
                 "children and post a notice showing where they are stowed.\n\n")
    old = parse_bytes(_chapter(TICKETS.format(n=2) + COMPLAINTS), "old.txt", {"kind": "bill", "id": "old"})
    new = parse_bytes(_chapter(TICKETS.format(n=2) + unrelated), "new.txt", {"kind": "bill", "id": "new"})
    chapter = "sec_1__qstr_1__chapter_159x__"
    found = _sections(compare(old, new))
    assert found[chapter + "sec_3"] == (None, None) and found[None] == (chapter + "sec_4", None)
