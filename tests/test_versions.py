"""lawdiff.load.versions reads the relations the legislature states, over its exact sentences
(from /work/shared/facts/instruments.md, the real records' Pinslips and real history actions)."""

from __future__ import annotations

import pytest

from lawdiff.load.versions import Link, find_loop, from_action, from_pinslip, from_session_law, order, refiled_from


def pairs(links):
    return [(link.earlier, link.later) for link in links]


@pytest.mark.parametrize("action, own, expected", [
    ("H5618, published as amended", "S3141", [("S3141", "H5618")]),
    ("Committee recommended ought to pass with an amendment, striking out all after the enacting clause and "
     "inserting the text of H5618, and referred to the committee on House Ways and Means", "S3141", [("S3141", "H5618")]),
    ("Reported on a part of H5050", "H5100", [("H5050", "H5100")]),
    ("Reported on H4648", "H4889", [("H4648", "H4889")]),
    ("Reprinted, as amended, see S3244", "S3141", [("S3141", "S3244")]),
    ("Text of H5618, published as H5630", "S3141", [("S3141", "H5618"), ("H5618", "H5630")]),
    ("Text of H5618, published as H5630", "H5618", [("H5618", "H5630")]),
    ("See S3141", "H5316", [("H5316", "S3141")]),
    ("Accompanied a new draft, see H4323", "H1442", [("H1442", "H4323")]),
    ("New draft substituted, see H4115", "H1745", [("H1745", "H4115")]),
    ("Reported by S3097", "S2500", [("S2500", "S3097")]),
    ("Signed by the Governor, Chapter 163 of the Acts of 2026", "H5620", [("H5620", "acts-2026-163")]),
    # Not versions: a study order, an ordinary step, the document naming itself.
    ("Accompanied a study order, see H4517", "H1428", []),
    ("Referred to the committee on The Judiciary", "H1428", []),
    ("Bill reported favorably by committee and referred to the committee on House Ways and Means", "H3404", []),
    ("No further action taken", "H326", []),
    ("See H5316", "H5316", []),
])
def test_history_actions(action, own, expected):
    assert pairs(from_action(action, own)) == expected
    assert all(link.said == action for link in from_action(action, own))


def test_pinslips():
    # The later text: the House amendment of a Senate bill names both.
    later = ("Text of House document No. 5618, being House amendments of the Senate Bill to protect the civil "
             "rights and safety of all Massachusetts residents (Senate bill No. 3141)")
    assert pairs(from_pinslip(later, "H5618")) == [("S3141", "H5618")]
    assert pairs(from_pinslip(later, "H5630")) == [("H5618", "H5630"), ("S3141", "H5630")]
    # A committee's new draft (the real S.2600 record's Pinslip) came from S.2267.
    s2600 = ("Senate, March 7, 2024 --The committee on Transportation, to whom was referred the petitions "
             "(accompanied by bill, Senate, No. 2267) of Paul W. Mark for legislation relative to school bus "
             "safety, report the accompanying bill (Senate, No. 2600).")
    assert pairs(from_pinslip(s2600, "S2600")) == [("S2267", "S2600")]
    # Ways and Means' amendment (the real S.2968 record's Pinslip) came from H.5077.
    s2968 = ("The committee on Senate Ways and Means to whom was referred the House Bill making appropriations for "
             "the fiscal year 2024 to provide for supplementing certain existing appropriations and for certain other "
             "activities and projects (House, No. 5077); reports, recommending that the same ought to pass with an "
             "amendment striking out all after the enacting clause and inserting in place thereof the text of Senate "
             "document numbered 2968")
    assert pairs(from_pinslip(s2968, "S2968")) == [("H5077", "S2968")]
    # A filed bill's Pinslip (the real S.2267 record's) names only itself.
    s2267 = ("By Mr. Mark, a petition (accompanied by bill, Senate, No. 2267) of Paul W. Mark for legislation "
             "relative to school bus safety.  Transportation.")
    assert from_pinslip(s2267, "S2267") == [] and from_pinslip(None, "S1") == []


def test_refiled_from_the_previous_session():
    # Built: the bracket is how the printed bill's summary says it (S.1122's PDF); whether the
    # API's Pinslip ever carries it is not known, so it is read when it does.
    pinslip = ("By Mr. Gomez, a petition (accompanied by bill, Senate, No. 1122) of Adam Gomez relative to "
               "immigration detention. [SIMILAR MATTER FILED IN PREVIOUS SESSION SEE SENATE, NO. 997 OF 2023-2024.]")
    assert refiled_from(pinslip, 194) == [(193, "S997")]
    assert from_pinslip(pinslip, "S1122") == []  # the earlier session's bill is not a version
    assert refiled_from(pinslip, 193) == []  # not a later court's bill


def test_session_law_origin_bill():
    # The fields of a record of /api/SessionLaws/2023 (chapter 3 of 2023 enacted H.2520).
    record = {"Year": 2023, "ChapterNumber": "3", "OriginBill": {"BillNumber": "H2520", "GeneralCourtNumber": 193}}
    assert pairs(from_session_law(record)) == [("H2520", "acts-2023-3")]
    assert from_session_law({"Year": 2023, "ChapterNumber": "3", "OriginBill": None}) == []


def test_loops_and_order():
    chain = [Link("H5316", "S3072", ""), Link("S3072", "H5620", ""), Link("H5316", "H5620", ""),
             Link("H5620", "acts-2026-163", "")]
    assert find_loop(chain) is None
    assert order(["acts-2026-163", "H5620", "S3072", "H5316"], chain) == ["H5316", "S3072", "H5620", "acts-2026-163"]
    assert find_loop(chain + [Link("H5620", "H5316", "")]) == ["H5316", "S3072", "H5620", "H5316"]
