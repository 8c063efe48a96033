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


def test_fetch_amendments_keeps_them_and_the_page_shows_them(tmp_path):
    """S.2834 imported from the saved session (read in place), its amendments from a loopback
    stand-in answering the real listing's first entries and the real amendment 25."""
    from helpers.fetch_corpus import lawdiff
    from lawdiff.load.session import import_session
    from lawdiff.load.sources import FolderSource

    session = ROOT.parent / "shared" / "sources" / "sessions" / "193"
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(session, 193, only=["S2834"]), 193, years=[])
    listing = json.loads((API / "193-S2834-amendments.json").read_bytes())
    real = json.loads((API / "193-S2834-senate-amendment-25.json").read_bytes())
    server = Server()
    try:
        base = "/api/GeneralCourts/193/Documents/S2834"
        server.json(base + "/Amendments", json.dumps([a for a in listing if a["AmendmentNumber"] in ("24", "25")]).encode())
        server.json(base + "/Branches/Senate/Amendments/25", json.dumps(real).encode())
        server.json(base + "/Branches/Senate/Amendments/24",  # built from 25: another number, adopted
                    json.dumps({**real, "AmendmentNumber": "24", "Action": "Adopted", "Title": "Built for the test"}).encode())
        out = lawdiff(root, "fetch", "--amendments", "193-s2834", base=server.base)
        again = lawdiff(root, "fetch", "--amendments", "193-s2834", base=server.base)
    finally:
        server.close()
    assert out.returncode == 0, out.stderr
    assert out.stdout == "193-s2834: 2 floor amendments (1 adopted) in raw/193-s2834.amendments.json\n"
    assert again.stdout == out.stdout
    site = tmp_path / "site"
    built = lawdiff(root, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1")
    assert built.returncode == 0, built.stderr
    page = (site / "instruments" / "193-s2834.html").read_text(encoding="utf-8")
    assert "Floor amendments (2)" in page
    # what the amendment does to the text, read from its motion (by hand: "inserting after section _ the
    # following section:- SECTION _. Section 18 of Chapter 358 of the Acts of 2020 is hereby amended by
    # adding at the end thereof the following new subsection")
    assert ("<summary>Senate amendment 25, Bruce E. Tarr: MBTA Communities Act – Zoning Appeal — "
            '<span class="action">Rejected</span><br><span class="amends">inserts a section after section _ '
            "(SECTION _ adds to Acts 2020 c. 358 § 18)</span></summary>") in page
    assert "Mr. Tarr moves that the proposed new text be amended by inserting after section _" in page

    # lawdiff amends lists, apart from the bill's own instructions, the adopted amendment's (24)
    text = lawdiff(root, "amends", "193-s2834")
    assert text.returncode == 0, text.stderr
    floor = text.stdout.split("\nFloor amendments: ")[1]
    assert floor == ("1\nSenate amendment 24 (Bruce E. Tarr), Adopted  inserts a section after section _ "
                     "(SECTION _ adds to Acts 2020 c. 358 § 18)\n")
    every = lawdiff(root, "amends", "193-s2834", "--all-amendments").stdout.split("\nFloor amendments: ")[1]
    assert every.startswith("2\nSenate amendment 24") and "\nSenate amendment 25 (Bruce E. Tarr), Rejected  " in every
    items = json.loads(lawdiff(root, "amends", "193-s2834", "--format", "json").stdout)
    [moved] = [i for i in items if i.get("amendment")]
    assert moved["amendment"] == {"number": "24", "branch": "Senate", "sponsor": "Bruce E. Tarr", "action": "Adopted"}
    assert (moved["section"], moved["target"], moved["action"], moved["where"]["after"]) == (
        None, {"bill": "S.2834", "section": None}, "insert", "section _")
    [law] = moved["laws"]
    assert ({k: law["target"][k] for k in ("code", "year", "chapter", "section")}, law["action"]) == (
        {"code": "Acts", "year": "2020", "chapter": "358", "section": "18"}, "add")
    assert all(i.get("amendment") is None for i in items[:-1])  # the bill's own come first
    md = lawdiff(root, "amends", "193-s2834", "--format", "md").stdout
    assert "## Floor amendments" in md and "| Senate amendment 24 (Bruce E. Tarr), Adopted | inserts a section" in md
    # the citator reads the adopted amendment's SECTION: S.2834 reaches Acts 2020 c. 358 § 18 through it
    cited = (site / "citator" / "acts-2020-358-s-18.html").read_text(encoding="utf-8")
    assert 'href="../instruments/193-s2834.html#amendments-title">S.2834 floor amendment 24</a>' in cited
    assert "amendment 25" not in cited  # rejected
