"""Which savings clauses and exceptions qualify which located provisions.

A qualifier is listed under a provision only when its reach ("this section",
"this Executive Order", "subsections (b) and (c)") covers the provision AND what
it saves from fits how the provision binds: "nothing in this section shall
prohibit or restrain ..." limits prohibitions, not a duty to train staff.
Expected values were read off corpus/raw/193-h2288.txt (printed lines) and
corpus/raw/eo-650.txt.
"""

import pytest

from lawdiff.matrix.locate import binds, locate, saved_from
from lawdiff.matrix.topics import load_topics

S63 = "sec_2__qstr_1__sec_63"
SEC40 = "sec_3__qstr_1__sec_40"


@pytest.fixture(scope="module")
def topics(corpus):
    return load_topics(corpus.root)


def located(doc, topic):
    return {p["eid"]: p for p in locate(doc, topic)}


def marked(p):
    return [s["text"] for s in p["passages"] if s["matched"]]


# -- the clauses, as the texts word them ------------------------------------

def test_what_each_savings_clause_saves_from():
    # H.2288 section 63(e), printed lines 62-64: saves from prohibiting or restraining.
    assert saved_from(" shall prohibit or restrain any state or local agency from sending to, or receiving "
                      "from, any local, state, or federal agency, information regarding citizenship or "
                      "immigration status.") == {"restraint"}
    # H.2288 section 40, printed lines 93-97.
    assert saved_from(" shall prohibit the department of correction or a house of correction from entering "
                      "into an Inter-Governmental Service Agreement") == {"restraint"}
    # EO 650 Section 6, its three sentences.
    assert saved_from(" shall be construed to require action inconsistent with any applicable state or federal "
                      "law or Executive Department regulation or policy, to diminish the statutory authority of "
                      "any executive-branch entity, to prevent the renewal of an existing agreement under "
                      "section 287(g) of the federal Immigration and Nationality Act, or to require action that "
                      "would be inconsistent with other legal requirements") == {"duty", "any", "restraint"}
    assert saved_from(" shall be construed to restrict or interfere with the execution of lawful judicial "
                      "warrants or judicial orders or the enforcement of criminal law.") == {"restraint"}
    assert "any" in saved_from(" shall be construed to impact or interfere with any current operations or "
                               "agreements of the Department of Correction.")
    # A verb nobody listed limits anything: nothing real is dropped.
    assert saved_from(" shall alter the duties of any sheriff.") == {"any"}


def test_how_provisions_bind():
    assert binds(["Notwithstanding any general or special law to the contrary, no officer or employee of a law "
                  "enforcement agency, while acting under color of law, shall question persons"]) == {"restraint"}
    assert binds(["an interview ... shall take place only if the person in custody gives informed consent"]) == {"restraint"}
    assert binds(["State facilities, including parking lots and parking garages, shall not be used by federal "
                  "immigration officers"]) == {"restraint"}
    assert binds(["all law enforcement agencies in the commonwealth shall, within 12 months of passage of this "
                  "act, incorporate information and guidance regarding this section into their regular "
                  "introductory and in-service training programs."]) == {"duty"}
    # "shall not be a public record" declares a status; it restrains nobody.
    assert binds(["Findings made under this subsection shall be public records as defined in paragraph 26 of "
                  "section 7 of chapter 4, provided that personal identifying information shall not be a public "
                  "record."]) == {"duty"}
    assert binds(["An individual may file a complaint for a violation of this section with the corresponding "
                  "department or agency, which shall investigate the complaint."]) == {"duty"}


# -- on the real texts --------------------------------------------------------

def test_release_proviso_does_not_qualify_training_or_complaints(h2288, topics, corpus):
    """63(e)'s "nothing in this section shall prohibit or restrain ... sending ... information"
    cannot limit 63(f)'s duties to train staff and to investigate complaints."""
    for tid in ("training", "complaints-enforcement"):
        found = located(h2288, topics[tid])
        assert list(found) == [f"{S63}__subsec_f"], tid
        assert found[f"{S63}__subsec_f"]["qualifies"] == []


def test_release_proviso_still_qualifies_the_prohibitions_it_reaches(h2288, topics, corpus):
    """It does reach 63(b)'s ban on status questions and 63(c)'s consent condition: both
    restrain, and "this section" is section 63.  The (d) exception stays too."""
    for tid, rule in (("status-questions", "subsec_b"), ("custody-interviews", "subsec_c")):
        found = located(h2288, topics[tid])
        assert found[f"{S63}__{rule}"]["role"] == "rule"
        d, e = found[f"{S63}__subsec_d"], found[f"{S63}__subsec_e"]
        assert d["role"] == e["role"] == "qualifier"
        assert f"{S63}__{rule}" in d["qualifies"] and e["qualifies"] == [f"{S63}__{rule}"]
        (proviso,) = [s for s in e["passages"] if s["matched"]]
        assert proviso["lines"] == [58, 64]
        assert proviso["text"].endswith("information regarding citizenship or immigration status.")
        (exception,) = [s for s in d["passages"] if s["matched"]]
        assert exception["text"].startswith("The preceding subsections (b) and (c) shall not apply")
        assert exception["lines"] == [49, 56]


def test_eo650_savings_section_marks_the_sentences_that_qualify(eo650, topics, corpus):
    # 287(g): the renewal clause matches the topic; the Department of Correction carve-out
    # qualifies Section 5 without the topic's words, and is marked beside it.
    sec6 = located(eo650, topics["287g"])["sec_6"]
    assert sec6["qualifies"] == ["sec_5"]
    assert ("Nothing in this Executive Order shall be construed to impact or interfere with any current "
            "operations or agreements of the Department of Correction.") in marked(sec6)
    assert any("to prevent the renewal of an existing agreement under section 287(g)" in s for s in marked(sec6))
    # Training: Sections 2 and 4 impose duties; the clause that only keeps the order from
    # restricting warrants and criminal enforcement does not qualify them.
    sec6 = located(eo650, topics["training"])["sec_6"]
    assert sec6["qualifies"] == ["sec_2", "sec_4"]
    assert not any(s.startswith("Nothing in this Executive Order shall be construed to restrict") for s in marked(sec6))
    assert any(s.startswith("Nothing in this Executive Order shall be construed to require action") for s in marked(sec6))
    # State facilities: Sections 2 and 3 restrain, so that clause does qualify them.
    sec6 = located(eo650, topics["state-facilities"])["sec_6"]
    assert sec6["qualifies"] == ["sec_2", "sec_3"]
    assert any(s.startswith("Nothing in this Executive Order shall be construed to restrict or interfere with the "
                            "execution of lawful judicial warrants") for s in marked(sec6))


def test_section_40_marks_its_own_detention_contract_exception(h2288, topics, corpus):
    sec40 = located(h2288, topics["287g"])[SEC40]
    assert sec40["role"] == "rule" and sec40["qualifies"] == []
    marks = {tuple(s["lines"]): s["text"] for s in sec40["passages"] if s["matched"]}
    assert set(marks) == {(85, 89), (93, 97)}  # the ban and its IGSA exception
    assert marks[(93, 97)].startswith("Nothing in this section shall prohibit the department of correction")


def test_a_heading_without_words_below_it_keeps_its_qualifiers():
    """A part whose heading names the topic and whose rules sit in its sections: how it
    binds is unknown at the part, so no savings clause reaching it is dropped."""
    from lawdiff.matrix.topics import Pattern, Topic
    from lawdiff.parse.tree import Document, Node
    import regex as _re  # topics run on the regex engine (it can stop a search)
    part = Node("part", "part_1", "PART I.", "287(g) agreements", "", [1, 2], None,
                [Node("section", "part_1__sec_1", "Section 1.", None, "Agencies shall report each agreement.", [2, 2])])
    saving = Node("section", "sec_2", "Section 2.", None,
                  "Nothing in this act shall prohibit the renewal of an existing agreement.", [3, 3])
    doc = Document({"id": "x", "number": "X", "line_numbers": "source"},
                   Node("body", "body", children=[part, saving]))
    topic = Topic("287g", "287(g)", "", [Pattern("287(g)", _re.compile(r"287\(g\)", _re.I))])
    found = {p["eid"]: p for p in locate(doc, topic)}
    assert found["sec_2"]["role"] == "qualifier" and found["sec_2"]["qualifies"] == ["part_1"]
