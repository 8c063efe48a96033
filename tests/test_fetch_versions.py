"""``lawdiff fetch --versions`` follows a measure through its texts (issue 14), on a loopback server.

Every record here is BUILT (api_records: the real records' field names and shapes, values made
up for the test) — a House bill, the Senate's amendment of it, the conference report, and the
session law that enacted it; the sentences linking them are the legislature's forms
(instruments.md, real histories).
"""

from __future__ import annotations

import json
import tomllib

import pytest

from helpers.api_records import Server, bill_text, document, history, session_law
from helpers.fetch_corpus import files, lawdiff, textless_corpus_files

DOCS = "/api/GeneralCourts/194/Documents/"
TITLE = "An Act to protect the civil rights and safety of all Massachusetts residents"
HOUSE = bill_text("SECTION 1. Chapter 147 of the General Laws is hereby amended by inserting after section 62 the "
                  "following section:-", "Section 63. (a) No officer shall enter into an agreement under 8 U.S.C. "
                  "1357(g).", "SECTION 2. This act shall take effect upon its passage.")
SENATE = bill_text("SECTION 1. Chapter 147 of the General Laws is hereby amended by inserting after section 62 the "
                   "following section:-", "Section 63. (a) No officer shall enter into a new agreement under 8 U.S.C. "
                   "1357(g), except as provided in subsection (b).", "(b) The secretary may approve an agreement "
                   "for criminal enforcement after public notice.",
                   "SECTION 2. This act shall take effect upon its passage.")
CONFERENCE = bill_text("SECTION 1. Chapter 147 of the General Laws is hereby amended by inserting after section 62 "
                       "the following section:-", "Section 63. (a) No officer shall enter into a new agreement under "
                       "8 U.S.C. 1357(g), except as provided in subsection (b).", "(b) The secretary may approve an "
                       "agreement for criminal enforcement after public notice and a hearing.",
                       "SECTION 2. This act shall take effect 90 days after its passage.")
CHAPTER = ('<p class="MsoNormal">SECTION 1. Chapter 147 of the General Laws is hereby amended by inserting after '
           'section 62 the following section:-</p><p class="MsoNormal">Section 63. (a) No officer shall enter into a '
           'new agreement under 8 U.S.C. 1357(g), except as provided in subsection (b).</p><p class="MsoNormal">(b) '
           'The secretary may approve an agreement for criminal enforcement after public notice and a hearing.</p>'
           '<p class="MsoNormal">SECTION 2. This act shall take effect 90 days after its passage.</p>')


def serve_chain(server: Server) -> None:
    server.bill(194, "H5316", document(194, "H5316", HOUSE, title=TITLE), history(
        ("2026-03-25T15:02:11.2", "House", "Passed to be engrossed"),
        ("2026-04-30T11:20:00", "Senate", "Committee recommended ought to pass with an amendment, striking out all "
                                          "after the enacting clause and inserting the text of S3072, and referred "
                                          "to the committee on Senate Ways and Means"),
        ("2026-07-29T16:40:00", "House", "Reported by H5620")))
    server.bill(194, "S3072", document(194, "S3072", SENATE, title=TITLE, pinslip=(
        "Text of Senate document No. 3072, being Senate amendments of the House Bill to protect the civil rights "
        "and safety of all Massachusetts residents (House bill No. 5316)")), history(
        ("2026-05-07T18:00:00", "Senate", "Passed to be engrossed with an amendment")))
    server.bill(194, "H5620", document(194, "H5620", CONFERENCE, title=TITLE), history(
        ("2026-07-30T12:00:00", "House", "Enacted"),
        ("2026-08-05T10:00:00", "Executive", "Signed by the Governor, Chapter 163 of the Acts of 2026")))
    laws = [session_law(2026, "162", "H4999", 194, "<p>An unrelated chapter.</p>", "AN ACT RELATIVE TO SOMETHING ELSE",
                        "Aug 5 2026", "Approved by the Governor, August 5, 2026"),
            session_law(2026, "163", "H5620", 194, CHAPTER, "AN ACT TO PROTECT THE CIVIL RIGHTS AND SAFETY OF ALL "
                        "MASSACHUSETTS RESIDENTS", "Aug 5 2026", "Approved by the Governor, August 5, 2026")]
    server.json("/api/SessionLaws/2026", json.dumps(laws, ensure_ascii=False).encode("utf-8"))


@pytest.fixture
def server():
    server = Server()
    yield server
    server.close()


def manifest(corpus_dir):
    return {e["id"]: e for e in tomllib.loads((corpus_dir / "instruments.toml").read_text(encoding="utf-8"))["instrument"]}


def test_fetch_versions_follows_the_chain_to_the_session_law(server, corpus_dir):
    serve_chain(server)
    out = lawdiff(corpus_dir, "fetch", "--versions", "194-h5316", base=server.base)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["194-h5316", "194-s3072", "194-s3072", "194-h5620", "194-h5620",
                                                      "acts-2026-163", "acts-2026-163"]
    assert "194-h5620: version of 194-h5316, 194-s3072" in lines
    assert "acts-2026-163: version of 194-h5620" in lines
    entries = manifest(corpus_dir)
    for iid, number in (("194-h5316", "H5316"), ("194-s3072", "S3072"), ("194-h5620", "H5620")):
        e = entries[iid]
        assert e["format"] == "api-json" and e["path"] == f"raw/{iid}.json"
        assert (corpus_dir / e["path"]).read_bytes() == server.routes[DOCS + number][0][2]
        assert e["history"] == f"raw/{iid}.history.json"
        assert e["source_url"] == f"https://malegislature.gov/api/GeneralCourts/194/Documents/{number}"
    assert entries["194-s3072"]["version_of"] == ["194-h5316"]
    assert entries["194-h5620"]["version_of"] == ["194-h5316", "194-s3072"]
    act = entries["acts-2026-163"]
    assert act["kind"] == "act" and act["number"] == "Chapter 163 of the Acts of 2026"
    assert act["version_of"] == ["194-h5620"] and act["source_url"] == "https://malegislature.gov/api/SessionLaws/2026"
    stored = json.loads((corpus_dir / act["path"]).read_text(encoding="utf-8"))
    assert stored["ChapterNumber"] == "163" and stored["ChapterText"] == CHAPTER  # the record's text, exactly
    # The hand-typed statuses stay.
    assert entries["194-h5316"]["status"] == "passed House 2026-03-25, 134-21 (reported)"

    # The instrument page lists every text of the measure, earlier first, with its latest official action.
    from lawdiff import load_document
    from lawdiff.load import history
    from lawdiff.load.manifest import Corpus
    from lawdiff.render.instrument_html import render_instrument

    corpus = Corpus.load(corpus_dir)
    measure = history.measure(corpus, "194-s3072")
    assert [v["id"] for v in measure] == ["194-h5316", "194-s3072", "194-s3086", "194-h5620", "acts-2026-163"]
    page = render_instrument(load_document("194-s3072", corpus), root="../", measure=measure)
    versions = page[page.index('<section class="versions"'):page.index("</section>", page.index('<section class="versions"'))]
    assert '<a href="../instruments/194-h5316.html">H.5316</a>' in versions
    assert "<strong>S.3072</strong> (this text)" in versions
    assert "S.3086 (text not in the corpus yet)" in versions  # the other report's Senate text, never fetched
    assert "2026-08-05, Signed by the Governor, Chapter 163 of the Acts of 2026" in versions  # H.5620's latest

    # Any two fetched versions compare by id.
    out = lawdiff(corpus_dir, "diff", "194-h5316", "194-h5620")
    assert out.returncode == 0, out.stderr
    model = json.loads(out.stdout)
    assert model["stats"]["words_inserted"] > 0 and model["stats"]["words_deleted"] > 0
    out = lawdiff(corpus_dir, "diff", "194-s3072", "194-h5620", "--format", "md")
    assert out.returncode == 0 and "and a hearing" in out.stdout


def test_a_cycle_in_the_evidence_is_reported_and_kept(server, corpus_dir):
    # Built: each text says it accompanied a new draft that is the other.
    server.bill(194, "H5316", document(194, "H5316", HOUSE), history(
        ("2026-03-25T00:00:00", "House", "Accompanied a new draft, see S3072")))
    server.bill(194, "S3072", document(194, "S3072", SENATE), history(
        ("2026-05-07T00:00:00", "Senate", "Accompanied a new draft, see H5316")))
    out = lawdiff(corpus_dir, "fetch", "--versions", "194-h5316", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == ("versions loop in the legislature's evidence (kept): "
                                           "194-h5316 → 194-s3072 → 194-h5316")
    entries = manifest(corpus_dir)
    assert entries["194-h5316"]["version_of"] == ["194-s3072"] and entries["194-s3072"]["version_of"] == ["194-h5316"]
    assert entries["194-h5316"]["path"] == "raw/194-h5316.json" and entries["194-s3072"]["path"] == "raw/194-s3072.json"


def test_a_cross_reference_is_not_a_version(server, corpus_dir):
    server.bill(194, "H5316", document(194, "H5316", HOUSE), history(("2026-03-25T00:00:00", "House", "See S3072")))
    out = lawdiff(corpus_dir, "fetch", "--versions", "194-h5316", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"194-h5316: fetched raw/194-h5316.json from {server.base}{DOCS}H5316 "
                                       f"(sha256 {manifest(corpus_dir)['194-h5316']['sha256'][:12]})"]
    assert server.hits.get(DOCS + "S3072") is None  # never asked for


def test_a_failure_on_a_later_text_writes_nothing(server, corpus_dir):
    serve_chain(server)
    # The conference report's record has no text and its PDF answers an error page: the earlier
    # texts, already downloaded, are not written either.
    server.bill(194, "H5620", document(194, "H5620", None, title=TITLE), history(
        ("2026-08-05T10:00:00", "Executive", "Signed by the Governor, Chapter 163 of the Acts of 2026")))
    server.routes["/Bills/194/H5620.pdf"] = [(200, {"Content-Type": "application/pdf"}, b"<html>Error</html>")]
    before = (corpus_dir / "instruments.toml").read_bytes()
    out = lawdiff(corpus_dir, "fetch", "--versions", "194-h5316", base=server.base)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1
    assert (corpus_dir / "instruments.toml").read_bytes() == before
    assert files(corpus_dir) == textless_corpus_files()


def test_two_fetches_at_once_both_finish(server, corpus_dir):
    import subprocess
    import sys
    import os

    serve_chain(server)
    env = {**os.environ, "LAWDIFF_CORPUS": str(corpus_dir), "LAWDIFF_BASE_URL": server.base}
    runs = [subprocess.Popen([sys.executable, "-m", "lawdiff", "fetch", "--versions", "194-h5316"], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [run.communicate(timeout=120) + (run.returncode,) for run in runs]
    assert [r[2] for r in results] == [0, 0], results
    assert sum("unchanged" in r[0] for r in results) >= 1  # the second found the first's texts
    text = (corpus_dir / "instruments.toml").read_text(encoding="utf-8")
    assert text.count('id = "acts-2026-163"') == 1 and manifest(corpus_dir)["194-h5620"]["version_of"] == \
        ["194-h5316", "194-s3072"]


def test_a_named_text_the_api_lacks_is_one_line_and_writes_nothing(server, corpus_dir):
    server.bill(194, "H5316", document(194, "H5316", HOUSE), history(("2026-07-29T00:00:00", "House", "Reported by H5620")))
    before = (corpus_dir / "instruments.toml").read_bytes()
    out = lawdiff(corpus_dir, "fetch", "--versions", "194-h5316", base=server.base)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == f"lawdiff: 194-h5316: {server.base}{DOCS}H5620: HTTP 404 Not Found\n"
    assert (corpus_dir / "instruments.toml").read_bytes() == before
    assert files(corpus_dir) == textless_corpus_files()


def test_fetch_a_session_law_by_its_chapter(server, corpus_dir):
    serve_chain(server)
    out = lawdiff(corpus_dir, "fetch", "acts-2026-163", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("acts-2026-163: fetched raw/acts-2026-163.json from "
                                 "https://malegislature.gov/api/SessionLaws/2026 ")
    act = manifest(corpus_dir)["acts-2026-163"]
    assert act["format"] == "api-json" and json.loads((corpus_dir / act["path"]).read_text())["ChapterText"] == CHAPTER
    # A chapter the year's list lacks: the chapter's page is tried next, and its 404 said too.
    server.json("/api/SessionLaws/2026", b"[]")
    out = lawdiff(corpus_dir, "fetch", "acts-2026-163", "--force", base=server.base)
    assert out.returncode == 2
    assert out.stderr == (f"lawdiff: acts-2026-163: {server.base}/api/SessionLaws/2026: no Chapter 163 of the Acts "
                          f"of 2026 in the list; then {server.base}/Laws/SessionLaws/Acts/2026/Chapter163: "
                          "HTTP 404 Not Found\n")


def test_refiled_from_an_earlier_session_bill_the_manifest_lists(server, corpus_dir):
    # Built: S.1122's record with the bracket the printed bill's summary carries.
    pinslip = ("By Mr. Gomez, a petition (accompanied by bill, Senate, No. 1122) of Adam Gomez relative to immigration "
               "detention and collaboration agreements. [SIMILAR MATTER FILED IN PREVIOUS SESSION SEE SENATE, NO. 997 "
               "OF 2023-2024.]")
    path = corpus_dir / "instruments.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('id = "194-s1122"')
    path.write_text(text[:start] + text[start:].replace('refiled_from = ["193-s997"]\n', "", 1), encoding="utf-8")
    assert "refiled_from" not in manifest(corpus_dir)["194-s1122"]
    server.bill(194, "S1122", document(194, "S1122", HOUSE, pinslip=pinslip), history(
        ("2025-02-27T10:00:00", "Senate", "Referred to the committee on The Judiciary")))
    out = lawdiff(corpus_dir, "fetch", "--versions", "194-s1122", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "194-s1122: refiled from 193-s997"
    assert manifest(corpus_dir)["194-s1122"]["refiled_from"] == ["193-s997"]


def test_versions_of_what_is_not_a_bill_is_one_line(server, corpus_dir):
    out = lawdiff(corpus_dir, "fetch", "--versions", "eo-650", base=server.base)
    assert out.returncode == 2 and out.stderr == ("lawdiff: eo-650: --versions follows a House or Senate document "
                                                  "(an entry with session and number)\n")
    assert server.hits == {}


def test_fetch_versions_then_build_publishes_the_versions(server, tmp_path):
    """Issue 14's "done when", on the loopback server: fetch --versions, then build."""
    import shutil

    from helpers import CORPUS

    corpus_dir = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus_dir)  # the whole shipped corpus: its annotations cite S.997's text
    serve_chain(server)
    assert lawdiff(corpus_dir, "fetch", "--versions", "194-h5316", base=server.base).returncode == 0
    site = corpus_dir.parent / "site"
    out = lawdiff(corpus_dir, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1")
    assert out.returncode == 0, out.stderr
    # Each version redlined against the ones it came from.
    for slug in ("194-h5316--194-s3072", "194-h5316--194-h5620", "194-s3072--194-h5620", "194-h5620--acts-2026-163"):
        assert (site / "redlines" / f"{slug}.html").is_file(), slug
    h5620 = (site / "instruments" / "194-h5620.html").read_text(encoding="utf-8")
    assert '<ol class="timeline">' in h5620 and "Signed by the Governor, Chapter 163 of the Acts of 2026" in h5620
    assert "Latest official action</dt><dd>2026-08-05, Executive: " in h5620
    index = (site / "index.html").read_text(encoding="utf-8")
    row = index[index.index('<tr id="i-194-h5620">'):index.index("</tr>", index.index('<tr id="i-194-h5620">'))]
    assert ('2026-08-05: <a href="https://malegislature.gov/Bills/194/H5620">Signed by the Governor, '
            "Chapter 163 of the Acts of 2026</a>") in row
    assert '<span class="reported">Reported: reported enacted and signed' in row  # the hand-typed one, beside it
