"""The session citator's pages (issue #23 item 3): a page per chapter and section the corpus's bills
amend, each bill linked at its SECTION, collisions between live measures, JSON and CSV downloads.

Real records of the 193rd General Court, read in place from ../shared: the family of H.4241
(H.4115, its new draft H.4241, the Senate's S.2703 and S.2710, the conference report H.4744,
enacted as chapter 118 of the Acts of 2024) with three of the filed bills H.4115 was drawn from
(H.1745, S.1012, S.1139), and two companion bills with no recorded action (S.1110, H.1617). What
each amends was read by hand from the records: H.1745 SECTIONs 4 and 5 amend G.L. c. 265 § 43A;
S.1110 and H.1617 SECTION 2 both strike and replace G.L. c. 265 § 23."""

from __future__ import annotations

import csv
import io
import json
import re

from helpers.fetch_corpus import lawdiff
from lawdiff.load.session import import_session
from lawdiff.load.sources import FolderSource
from lawdiff.site import citator_pages
from test_session_import import SESSION

NAMES = ["H4115", "H4241", "S2703", "S2710", "H4744", "H1745", "S1012", "S1139", "S1110", "H1617"]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_citator_pages_of_a_family_and_two_companions(tmp_path):
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(SESSION, 193, only=NAMES), 193, years=[], today="2026-12-07")
    site = tmp_path / "site"
    out = lawdiff(root, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1")
    assert out.returncode == 0, out.stderr
    assert 'href="citator/index.html"' in (site / "index.html").read_text(encoding="utf-8")
    index = (site / "citator" / "index.html").read_text(encoding="utf-8")
    assert '<a href="gl-265.html">G.L. c. 265</a>' in index

    # one measure's texts: no collision, however many of them amend the section; it was enacted
    s43a = (site / "citator" / "gl-265-s-43A.html").read_text(encoding="utf-8")
    assert 'href="../instruments/193-h1745.html#sec_4">H.1745 SECTION 4</a>' in s43a
    assert 'href="../instruments/193-h1745.html#sec_5">H.1745 SECTION 5</a>' in s43a
    assert "Collision" not in _text(s43a).split("reach this section.")[1].split("Bill and SECTION")[0]
    assert "H.1745 SECTION 4 replace enacted" in _text(s43a)  # its measure became chapter 118

    # two bills of two measures, neither acted on: a collision
    s23 = _text((site / "citator" / "gl-265-s-23.html").read_text(encoding="utf-8"))
    assert "S.1110 SECTION 2 replace live" in s23 and "H.1617 SECTION 2 replace live" in s23
    assert re.search(r"Collision ?: two or more live measures amend it", s23)
    chapter = _text((site / "citator" / "gl-265.html").read_text(encoding="utf-8"))
    assert re.search(r"§ 23 .*S\.1110 SECTION 2 \(replace; live\).*collision", chapter)

    data = json.loads((site / "citator" / "citator.json").read_text(encoding="utf-8"))
    c265 = next(c for c in data["chapters"] if (c["code"], c["chapter"]) == ("G.L.", "265"))
    by_section = {s["section"]: s for s in c265["sections"]}
    assert by_section["23"]["collision"] is True and by_section["43A"]["collision"] is False
    rows = list(csv.DictReader(io.StringIO((site / "citator" / "citator.csv").read_text(encoding="utf-8"))))
    assert {"code": "G.L.", "chapter": "265", "section": "23", "bill": "S.1110", "bill_section": "2",
            "action": "replace", "collision": "yes"}.items() <= next(
        r for r in rows if r["bill"] == "S.1110" and r["section"] == "23").items()
    for page in (site / "citator").glob("*.html"):
        assert page.stat().st_size < 500_000, page


def test_state_reads_the_latest_action():
    assert citator_pages.state("Signed by the Governor, Chapter 118 of the Acts of 2024") == "enacted"
    assert citator_pages.state("Senate: Accompanied a study order, see S2777") == "ended"
    assert citator_pages.state("No further action taken") == "ended"
    assert citator_pages.state("House: Accompanied a new draft, see H4115") == "superseded"
    assert citator_pages.state("Senate: See H4241") == "superseded"
    assert citator_pages.state("Reported favorably by committee and referred to Ways and Means") == "live"
    assert citator_pages.state(None) == "live"
    assert citator_pages.state(None, session_over=True) == "session over"
    assert citator_pages.state("Reported favorably", family_enacted=True) == "enacted"


def test_a_long_section_is_split_into_pages_under_the_limit():
    item = {"section": "1", "eid": "sec_1", "action": "replace", "inserts": None,
            "target": {"code": "G.L.", "year": None, "chapter": "6", "section": "15"}}
    bills = [citator_pages.bill({"id": f"193-h{n}", "number": f"H.{n}"}, None, [item]) for n in range(4000)]
    pages = citator_pages.pages(bills)
    parts = sorted(p for p in pages if p.startswith("citator/gl-6-s-15"))
    assert len(parts) >= 2
    assert all(len(pages[p].encode()) < 500_000 for p in pages if p.endswith(".html"))
    assert sum(pages[p].count('href="../instruments/') for p in parts) == 4000  # every bill on one page or another
    assert 'href="gl-6-s-15-2.html">2</a>' in pages["citator/gl-6-s-15.html"]
