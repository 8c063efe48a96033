"""Executive Order 650: the tree a reader sees, node by node.

Expected values read off corpus/raw/eo-650.txt (the mass.gov page as text; it
prints no line numbers, so lines are the file's own).
"""


def node(doc, eid):
    found = doc.tree.find(eid)
    assert found is not None, f"no node {eid}"
    return found


def test_document_and_its_parts(eo650):
    assert eo650.tree.type == "doc"
    assert eo650.meta["kind"] == "executive-order"
    assert eo650.meta["line_numbers"] == "source"
    assert [c.type for c in eo650.tree.children] == ["preface", "preamble", "body"]


def test_preface(eo650):
    preface = node(eo650, "preface")
    assert [(c.type, c.text, c.lines) for c in preface.children] == [
        ("p", "Executive Order", [1, 1]),
        ("longTitle", "Executive Order No. 650: Protecting Access to Essential Services and Keeping "
                      "Massachusetts Communities Safe", [3, 3]),
        ("p", "Date: 01/29/2026", [5, 5]),
        ("p", "Issuer: Maura Healey", [6, 6]),
    ]


def test_recitals_and_formula(eo650):
    recitals = node(eo650, "preamble__recs_1")
    assert len(recitals.children) == 8
    assert all(r.type == "recital" and r.text.startswith("WHEREAS, ") for r in recitals.children)
    assert [r.lines for r in recitals.children] == [[n, n] for n in range(8, 23, 2)]
    assert recitals.children[0].eid == "preamble__recs_1__rec_1"
    assert recitals.children[7].text.endswith("not to facilitate federal civil immigration enforcement;")
    formula = node(eo650, "preamble").children[1]
    assert formula.type == "formula"
    assert formula.lines == [24, 24]
    # The section sign and the no-break spaces of the original: the sign kept, the spaces folded.
    assert formula.text == (
        "NOW, THEREFORE, I, Maura T. Healey, Governor of the Commonwealth of Massachusetts, by virtue "
        "of the authority vested in me by the Constitution, Part II, c. 2, § I, Art. I, do hereby order as follows:"
    )


def test_sections(eo650):
    body = eo650.tree.children[2]
    assert [(s.eid, s.num, s.heading, s.lines) for s in body.children] == [
        ("sec_1", "Section 1.", "Definitions", [26, 36]),
        ("sec_2", "Section 2.", "Access by Federal Immigration Officers to State Facilities", [38, 40]),
        ("sec_3", "Section 3.", "State Property Controlled by the Executive Department", [42, 44]),
        ("sec_4", "Section 4.", "Protection and Preparation for State and Non-State Entities", [46, 48]),
        ("sec_5", "Section 5.", "287(g) Agreements", [50, 52]),
        ("sec_6", "Section 6.", "Compatibility with Existing Laws and Policies", [54, 56]),
        ("sec_7", "Section 7.", "Effective Date", [58, 60]),
    ]


def test_definitions(eo650):
    sec1 = node(eo650, "sec_1")
    assert sec1.text == "For purposes of this Executive Order, the following terms shall have the following meanings:"
    assert [(d.type, d.term, d.eid, d.lines) for d in sec1.children] == [
        ("definition", "Civil arrest", "sec_1__defn_civil-arrest", [30, 30]),
        ("definition", "Federal immigration officer", "sec_1__defn_federal-immigration-officer", [32, 32]),
        ("definition", "Judicial warrant or judicial order", "sec_1__defn_judicial-warrant-or-judicial-order", [34, 34]),
        ("definition", "State facility", "sec_1__defn_state-facility", [36, 36]),
    ]
    # The comma inside the quotes is printed that way and stays.
    assert sec1.children[1].text.startswith("“Federal immigration officer,” an agent of federal Immigration")


def test_section_5_and_its_savings_clause(eo650):
    assert node(eo650, "sec_5").text == (
        "No office or agency of the Executive Department shall execute any new agreement under section "
        "287(g) of the federal Immigration and Nationality Act, or any substantially similar agreement or "
        "arrangement that authorizes personnel to perform federal civil immigration enforcement functions, "
        "unless the Secretary of the Executive Office of Public Safety and Security certifies in writing that "
        "the agreement: (i) is based on a specific, articulable public safety risk or need; and (ii) sunsets "
        "not later than 12 months after its issuance."
    )
    sec6 = node(eo650, "sec_6")
    assert "to prevent the renewal of an existing agreement under section 287(g)" in sec6.text
    assert sec6.text.endswith("any current operations or agreements of the Department of Correction.")
    # "(i)" and "(ii)" run inside the sentence: no clause nodes.
    assert node(eo650, "sec_5").children == []


def test_feedback_box_is_not_part_of_the_order(eo650):
    words = eo650.tree.words()
    assert "Feedback" not in words and "Improve" not in words
    assert eo650.tree.children[2].children[-1].text.endswith("revoked by subsequent Executive Order.")
