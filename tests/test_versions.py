"""lawdiff.versions.sentences reads the relations the legislature states, over its exact sentences
(real history actions and pinslips of the 193rd General Court, and the forms of
/work/shared/facts/instruments.md), each with its relation and kind."""

from __future__ import annotations

import pytest

from lawdiff.versions.sentences import from_action, from_history, from_session_law, from_statement, refiled_from


def triples(evidence):
    return [(e.earlier, e.later, e.relation) for e in evidence]


@pytest.mark.parametrize("action, own, expected", [
    ("New draft of S1012, S1077, S1097, S1139, H1542, H1547, H1745 and H3856", "H4115",
     [(b, "H4115", "new draft") for b in ("S1012", "S1077", "S1097", "S1139", "H1542", "H1547", "H1745", "H3856")]),
    ("Accompanied a new draft, see H4115", "S1012", [("S1012", "H4115", "new draft")]),
    ("New draft substituted, see H4940", "H4450", [("H4450", "H4940", "new draft")]),
    ("Committee recommended ought to pass with an amendment, substituting therefor a bill with the same title, "
     "see H4241", "H4115", [("H4115", "H4241", "new draft")]),
    ("Recommended new text for H4241", "S2703", [("H4241", "S2703", "committee text")]),
    ("Committee recommended ought to pass with an amendment, inserting in place thereof the text of S2703", "H4241",
     [("H4241", "S2703", "committee text")]),
    ("Amended by striking out all after the enacting clause and inserting in place thereof the text of S23, amended",
     "H58", [("H58", "S23", "committee text")]),
    ("Reprinted, as amended, see S2710", "H4241", [("H4241", "S2710", "reprinted as amended")]),
    ("Reprinted as amended, S2406", "S2397", [("S2397", "S2406", "reprinted as amended")]),
    ("Text of S2703, reprinted as amended", "S2710", [("S2703", "S2710", "reprinted as amended")]),
    ("Text of S2888 printed as amended", "S2891", [("S2888", "S2891", "reprinted as amended")]),
    ("H4790, published as amended", "H4799", [("H4790", "H4799", "published as amended")]),
    ("Published as amended, see H4726", "H4707", [("H4707", "H4726", "published as amended")]),
    ("Text of H5618, published as H5630", "S3141", [("S3141", "H5618", "published as amended"),
                                                    ("H5618", "H5630", "published as amended")]),
    ("Substituted for H4241", "S2710", [("H4241", "S2710", "substituted")]),
    ("Substituted, as amended, for H5077", "S2968", [("H5077", "S2968", "substituted")]),
    ("Substituted as a new text for H58", "S24", [("H58", "S24", "substituted")]),
    ("House concurred in the Senate amendment with a further amendment, see text of House document numbered 5050",
     "H4799", [("H4799", "H5050", "further amendment")]),
    ("Text of an amendment to S2974", "H5132", [("S2974", "H5132", "further amendment")]),
    ("Reported on a part of H4496", "H4790", [("H4496", "H4790", "reported in part")]),
    ("Reported, in part, by H4040", "H3901", [("H3901", "H4040", "reported in part")]),
    ("Reported (in part) S2538", "S2612", [("S2612", "S2538", "reported in part")]),
    ("Reported by H4744", "H4241", [("H4241", "H4744", "reported")]),
    ("Reported on H4241", "H4744", [("H4241", "H4744", "reported")]),
    ("Signed by the Governor, Chapter 118 of the Acts of 2024", "H4744", [("H4744", "acts-2024-118",
                                                                           "enacted as chapter")]),
    # Other kinds: not versions.
    ("Accompanied a study order, see S2777", "S1483", [("S1483", "S2777", "study order")]),
    ("Accompanied by S1483, S1525 and S1551", "S2777", [(b, "S2777", "accompanied by")
                                                        for b in ("S1483", "S1525", "S1551")]),
    ("See H4241", "S2710", [("S2710", "H4241", "see")]),
    ("For Senate actions, see S3", "H3901", [("H3901", "S3", "see")]),
    # Nothing: ordinary steps, the document naming itself.
    ("Referred to the committee on The Judiciary", "H1428", []),
    ("Reported from the committee on House Ways and Means", "H4241", []),
    ("Passed to be engrossed - 151 YEAS to 0 NAYS (See YEA and NAY No. 72)", "H4241", []),
    ("See H5316", "H5316", []),
])
def test_history_actions(action, own, expected):
    found = from_action(action, own, "2024-01-10")
    assert triples(found) == expected
    assert all(e.said == action and e.date == "2024-01-10" and e.by == own for e in found)
    assert all((e.kind == "other") == (e.relation in ("study order", "accompanied by", "see")) for e in found)


def test_a_report_after_a_committee_of_conference_is_the_conference_report():
    actions = [{"Date": "2024-04-11T00:00:00", "Action": "Committee of conference appointed - (Day-Barber)"},
               {"Date": "2024-06-12T00:00:00", "Action": "Reported by H4744"},
               {"Date": "2024-06-13T00:00:00", "Action": "Reported by H4745", "IsStricken": True}]
    assert triples(from_history("H4241", actions)) == [("H4241", "H4744", "conference report")]
    assert triples(from_history("H3901", [{"Date": "2023-07-31", "Action": "Reported by H4040"}])) == \
        [("H3901", "H4040", "reported")]


def test_pinslips_and_titles():
    # The real S.2710 record: the Senate text of H.4241, being S.2703 printed as amended.
    s2710 = ("Senate, March 21, 2024 --  Text of the Senate amendment to the House Bill to prevent abuse and "
             "exploitation (House, No. 4241, amended) (being the text of Senate document numbered 2703, printed as "
             "amended)")
    assert triples(from_statement(s2710, "S2710", "Amendment")) == [("S2703", "S2710", "reprinted as amended")]
    # Ways and Means' amendment (the real S.2968 pinslip) came from H.5077.
    s2968 = ("The committee on Senate Ways and Means to whom was referred the House Bill making appropriations for "
             "the fiscal year 2024 to provide for supplementing certain existing appropriations and for certain other "
             "activities and projects (House, No. 5077); reports, recommending that the same ought to pass with an "
             "amendment striking out all after the enacting clause and inserting in place thereof the text of Senate "
             "document numbered 2968")
    assert triples(from_statement(s2968, "S2968", "Amendment")) == [("H5077", "S2968", "committee text")]
    # A committee's new draft (the real S.2600 pinslip) came from the bill the petition came with.
    s2600 = ("Senate, March 7, 2024 --The committee on Transportation, to whom was referred the petitions "
             "(accompanied by bill, Senate, No. 2267) of Paul W. Mark for legislation relative to school bus "
             "safety, report the accompanying bill (Senate, No. 2600).")
    assert triples(from_statement(s2600, "S2600", "Bill")) == [("S2267", "S2600", "new draft")]
    # The same words on an order send the bill to study: not a version.
    [study] = from_statement(s2600, "S2650", "Order")
    assert (study.earlier, study.relation, study.kind) == ("S2267", "study order", "other")
    # H.5050's title: a further amendment to the Senate text S.2891.
    h5050 = ("Text of a further amendment, offered by Mr. Michlewitz of Boston, to the Senate amendment (striking out "
             "all after the enacting clause and inserting in place thereof the text contained in Senate document "
             "numbered 2891) of the House Bill making appropriations (House, No. 4799)")
    assert triples(from_statement(h5050, "H5050", "Bill")) == [("S2891", "H5050", "further amendment")]
    # A filed bill names only itself; nothing is nothing.
    s2267 = ("By Mr. Mark, a petition (accompanied by bill, Senate, No. 2267) of Paul W. Mark for legislation "
             "relative to school bus safety.  Transportation.")
    assert from_statement(s2267, "S2267", "Bill") == [] and from_statement(None, "S1") == []
    # An extension order names the bill the committee keeps: another kind.
    [order] = from_statement("Filed by Mr. Mark -- Order relative to granting the committee on Tourism until June 1, "
                             "2024, within which time to make its final report on current Senate document numbered "
                             "2528, relative to free expression.", "S2742", "Order")
    assert (order.earlier, order.later, order.relation, order.kind) == ("S2528", "S2742", "extension order", "other")


def test_refiled_from_the_previous_session():
    # Built: the bracket is how the printed bill's summary says it (S.1122's PDF).
    pinslip = ("By Mr. Gomez, a petition (accompanied by bill, Senate, No. 1122) of Adam Gomez relative to "
               "immigration detention. [SIMILAR MATTER FILED IN PREVIOUS SESSION SEE SENATE, NO. 997 OF 2023-2024.]")
    assert refiled_from(pinslip, 194) == [(193, "S997")]
    assert from_statement(pinslip, "S1122") == []  # the earlier session's bill is not a version
    assert refiled_from(pinslip, 193) == []  # not a later court's bill


def test_session_law_origin_bill():
    # The fields of the real first record of /api/SessionLaws/2023 (chapter 1 enacted H.25).
    record = {"Year": 2023, "ChapterNumber": "1", "ApprovedDate": "Feb 16 2023",
              "OriginBill": {"BillNumber": "H25", "GeneralCourtNumber": 193}}
    [e] = from_session_law(record)
    assert (e.earlier, e.later, e.relation, e.date, e.said) == ("H25", "acts-2023-1", "enacted as chapter",
                                                                "2023-02-16", "OriginBill H25")
    assert from_session_law({"Year": 2023, "ChapterNumber": "3", "OriginBill": None}) == []
