"""Floor amendments: the real listing of S.2834's amendments and amendment 25's record
(../shared/sources/api, read in place), then the API path on a loopback server."""

from __future__ import annotations

import json

import pytest

from helpers import ROOT
from helpers.api_records import Server
from lawdiff.errors import LawdiffError
from lawdiff.load.amendments import Ref, fetch_amendments, read_amendment, read_listing

API = ROOT.parent / "shared" / "sources" / "api"


def test_the_real_listing_and_amendment_25():
    refs = read_listing((API / "193-S2834-amendments.json").read_bytes(), "S2834", "listing")
    assert len(refs) == 335 and refs[:3] == [Ref("S2834", "Senate", "1"), Ref("S2834", "Senate", "1.1"),
                                             Ref("S2834", "Senate", "2")]
    a = read_amendment((API / "193-S2834-senate-amendment-25.json").read_bytes(), Ref("S2834", "Senate", "25"), "25")
    assert (a.sponsor, a.action, a.title) == ("Bruce E. Tarr", "Rejected", "MBTA Communities Act – Zoning Appeal")
    assert a.text.startswith("Mr. Tarr moves that the proposed new text be amended by inserting after section _ the "
                             "following section:- \n") and not a.further
    with pytest.raises(LawdiffError, match="not 26 of S2834"):
        read_amendment((API / "193-S2834-senate-amendment-25.json").read_bytes(), Ref("S2834", "Senate", "26"), "26")
    with pytest.raises(LawdiffError, match="listing item 1 is not an amendment of S2835"):
        read_listing((API / "193-S2834-amendments.json").read_bytes(), "S2835", "listing")


def test_fetch_every_amendment_a_bad_one_is_one_line():
    real = json.loads((API / "193-S2834-senate-amendment-25.json").read_bytes())
    server = Server()
    try:
        base = "/api/GeneralCourts/193/Documents/S2834"
        listing = [{"AmendmentNumber": n, "ParentBillNumber": "S2834", "Branch": "Senate", "GeneralCourtNumber": 193}
                   for n in ("25", "26", "27")]
        server.json(base + "/Amendments", json.dumps(listing).encode())
        server.json(base + "/Branches/Senate/Amendments/25", json.dumps(real).encode())
        server.json(base + "/Branches/Senate/Amendments/26",  # built: adopted, the sponsor's name as the API has it
                    json.dumps({**real, "AmendmentNumber": "26", "Action": "Adopted", "Title": "Built"}).encode())
        server.json(base + "/Branches/Senate/Amendments/27", json.dumps({**real, "AmendmentNumber": "27",
                                                                         "Text": 7}).encode())
        found, problems = fetch_amendments(193, "S.2834", server.base)
    finally:
        server.close()
    assert [(a.number, a.action) for a in found] == [("25", "Rejected"), ("26", "Adopted")]
    assert problems == [f"{server.base}{base}/Branches/Senate/Amendments/27: Text is a JSON int, not a string"]
