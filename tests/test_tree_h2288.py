"""H.2288 (193rd General Court): the tree a reader sees in the bill, node by node.

Every expected value here was read off corpus/raw/193-h2288.txt (the official
PDF's text, printed line numbers in the margin).
"""

SEC63 = "sec_2__qstr_1__sec_63"


def node(doc, eid):
    found = doc.tree.find(eid)
    assert found is not None, f"no node {eid}"
    return found


def test_document_and_its_parts(h2288):
    tree = h2288.tree
    assert tree.type == "bill"
    assert [c.type for c in tree.children] == ["preface", "preamble", "body"]
    assert h2288.meta["line_numbers"] == "printed"
    assert h2288.meta["structure"] is True
    assert h2288.meta["id"] == "193-h2288"


def test_preface(h2288):
    preface = node(h2288, "preface")
    assert [c.type for c in preface.children] == ["summary", "p", "session", "longTitle"]
    summary, authority, session, title = preface.children
    assert summary.text.startswith("By Representatives Balser of Newton and Cruz of Salem, a petition")
    assert summary.text.endswith("unless required by law. Public Safety and Homeland Security.")
    assert authority.text == "The Commonwealth of Massachusetts"
    assert session.text == "In the One Hundred and Ninety-Third General Court (2023-2024)"
    assert title.text == "An Act to protect the civil rights and safety of all Massachusetts residents."
    # The preface is printed without line numbers: no citation may point into it.
    assert all(n.lines is None for n in preface.walk())


def test_enacting_formula(h2288):
    preamble = node(h2288, "preamble")
    assert [c.type for c in preamble.children] == ["formula"]
    assert preamble.children[0].text == (
        "Be it enacted by the Senate and House of Representatives in General Court assembled, "
        "and by the authority of the same, as follows:"
    )


def test_bill_sections(h2288):
    body = h2288.tree.children[2]
    assert [(s.eid, s.num, s.lines) for s in body.children] == [
        ("sec_1", "SECTION 1.", [1, 1]),
        ("sec_2", "SECTION 2.", [2, 82]),
        ("sec_3", "SECTION 3.", [83, 97]),
    ]
    assert node(h2288, "sec_1").text == "This act shall be known and may be cited as the “Safe Communities Act”"
    assert node(h2288, "sec_2").text == (
        "Chapter 147 of the General Laws is hereby amended by inserting after section 62 the following section:-"
    )
    assert node(h2288, "sec_3").text == (
        "Chapter 126 of the General Laws is hereby amended by inserting after section 39 the following section:-"
    )


def test_inserted_section_63_is_a_quoted_structure(h2288):
    qstr = node(h2288, "sec_2__qstr_1")
    assert qstr.type == "quotedStructure"
    assert qstr.lines == [4, 82]
    sec63 = node(h2288, SEC63)
    assert (sec63.type, sec63.num, sec63.heading, sec63.text) == (
        "section", "Section 63.", "Updates to Law Enforcement Procedures", ""
    )
    assert [(c.num, c.heading, c.lines) for c in sec63.children] == [
        ("(a)", "Definitions", [5, 18]),
        ("(b)", "Community relations with law enforcement agencies", [19, 24]),
        ("(c)", "Due process protections", [25, 48]),
        ("(d)", None, [49, 56]),
        ("(e)", "Guidelines for reporting release information", [57, 70]),
        ("(f)", "Implementation and training", [71, 82]),
    ]
    assert all(c.type == "subsection" for c in sec63.children)


def test_definitions(h2288):
    subsec_a = node(h2288, SEC63 + "__subsec_a")
    assert subsec_a.text == (
        "As used in this section, the following words shall have the following meanings, "
        "unless the context clearly requires otherwise:"
    )
    assert [(d.type, d.term, d.lines) for d in subsec_a.children] == [
        ("definition", "Law enforcement agency", [8, 11]),
        ("definition", "Immigration enforcement", [12, 14]),
        ("definition", "United States Department of Homeland Security", [15, 18]),
    ]
    law_enforcement = subsec_a.children[0]
    assert law_enforcement.eid == SEC63 + "__subsec_a__defn_law-enforcement-agency"
    assert law_enforcement.text == (
        "“Law enforcement agency”, any state, municipal, college or university police department, "
        "sheriff’s department, correctional facility, prosecutorial office, court, probation office, or "
        "program of one or more of the foregoing entities, or any other non-federal entity in the "
        "commonwealth charged with the enforcement of laws or the custody of detained persons."
    )
    assert subsec_a.children[2].text.startswith("“United States Department of Homeland Security” or “DHS”, the")


def test_inline_enumerations_stay_text(h2288):
    """(i)-(iv) in (c) and (i)-(iii) in (d) run inside sentences: they are not clauses."""
    subsec_c = node(h2288, SEC63 + "__subsec_c")
    assert subsec_c.children == []
    assert "The consent form shall explain that: (i) the interview is for immigration enforcement" in subsec_c.text
    assert subsec_c.text.endswith("information about whether the interview or questioning was conducted in the presence of an attorney.")
    subsec_d = node(h2288, SEC63 + "__subsec_d")
    assert subsec_d.children == []
    assert subsec_d.text.startswith("The preceding subsections (b) and (c) shall not apply")


def test_section_40_the_287g_ban(h2288):
    sec40 = node(h2288, "sec_3__qstr_1__sec_40")
    assert (sec40.num, sec40.heading, sec40.lines) == ("Section 40.", None, [85, 97])
    assert sec40.text.startswith(
        "Notwithstanding any general or special law to the contrary, no officer or employee of the "
        "department of corrections, the state police, any sheriff’s department, or any city or town "
        "police department shall perform the functions of an immigration officer, whether pursuant to "
        "8 U.S.C. section 1357(g)"
    )
    assert "Any agreements in existence at the time of the passage of the law that are inconsistent with this section are null and void." in sec40.text
    assert "shall, within 90 days, inform the other party" in sec40.text
    assert sec40.text.endswith("pays a daily fee for each person detained there.")


def test_no_printed_line_number_survives_in_text(h2288):
    # Lines 10, 31, 53 and 75 are printed with a leading space before the number.
    text = node(h2288, SEC63 + "__subsec_a__defn_law-enforcement-agency").text
    assert " 10 " not in text and "office, or program" in text
    assert "provided by the law enforcement agency. The consent form" in node(h2288, SEC63 + "__subsec_c").text
    assert "from an immigration attorney" in node(h2288, SEC63 + "__subsec_d").text
    assert "with the corresponding department or agency" in node(h2288, SEC63 + "__subsec_f").text


def test_every_eid_is_unique(h2288, eo650):
    for doc in (h2288, eo650):
        eids = [n.eid for n in doc.tree.walk() if n.eid]
        assert len(eids) == len(set(eids))
