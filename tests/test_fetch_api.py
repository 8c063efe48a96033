"""``lawdiff fetch`` asks the legislature's JSON API first (issue 14), against a loopback server.

The records served are the real S.997 record the corpus keeps, or records built in
``api_records`` with the real field names and shapes (said there: built, not captured).
"""

from __future__ import annotations

import hashlib

import pytest

from helpers.api_records import JSON, Server, bill_text, document, history
from helpers import CORPUS
from helpers.fetch_corpus import entry, files, lawdiff, plumbing_pdf, textless_corpus_files
from lawdiff import load_document
from lawdiff.load.manifest import Corpus

S997_URL = "/api/GeneralCourts/193/Documents/S997"
S997_HISTORY = history(
    ("2023-02-16T10:48:21.2666667", "Senate", "Referred to the committee on State Administration and Regulatory Oversight"),
    ("2023-02-16T10:48:21.2666667", "House", "House concurred"),
    ("2024-12-31T23:59:00", "Senate", "No further action taken"))


@pytest.fixture
def server():
    server = Server()
    yield server
    server.close()


def test_fetch_stores_the_api_record_as_sent_with_its_history(server, corpus_dir):
    record = (CORPUS / "raw" / "193-s997.json").read_bytes()  # the real record, served as the API sent it
    server.bill(193, "S997", record, S997_HISTORY)
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"193-s997: fetched raw/193-s997.json from https://malegislature.gov{S997_URL} ")
    assert (corpus_dir / "raw/193-s997.json").read_bytes() == record
    assert (corpus_dir / "raw/193-s997.history.json").read_bytes() == S997_HISTORY
    s997 = entry(corpus_dir, "193-s997")
    assert s997["format"] == "api-json" and s997["path"] == "raw/193-s997.json"
    assert s997["sha256"] == hashlib.sha256(record).hexdigest() == \
        "efd54426d95d3cdbca4f5daa7d912716fbef0ce05e8550df2c77de783d083daf"  # SOURCES: the API's bytes
    assert s997["history"] == "raw/193-s997.history.json"
    assert s997["source_url"] == f"https://malegislature.gov{S997_URL}"
    assert "/Bills/193/S997.pdf" not in server.hits  # the record had text: no PDF asked for
    # The text is the record's, word for word as the shipped copy of the same record reads.
    doc = load_document("193-s997", Corpus.load(corpus_dir))
    assert doc.meta["source_format"] == "api-json"
    assert doc.tree.words() == load_document("193-s997", Corpus.load(CORPUS)).tree.words()
    assert files(corpus_dir) == sorted(textless_corpus_files() + ["raw/193-s997.json", "raw/193-s997.history.json"])
    # Again: up to date, nothing asked.
    hits = dict(server.hits)
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.stdout == "193-s997: up to date (raw/193-s997.json)\n" and server.hits == hits


def test_a_record_without_text_falls_back_to_the_pdf(server, corpus_dir):
    built = document(193, "S997", "", docket="SD506")  # built: the record has an empty DocumentText
    server.bill(193, "S997", built, S997_HISTORY)
    pdf = plumbing_pdf("SENATE DOCKET, NO. 1100", "SENATE . . . . . . . . No. 997")
    server.routes["/Bills/193/S997.pdf"] = [(200, {"Content-Type": "application/pdf"}, pdf)]
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("193-s997: fetched raw/193-s997.pdf from https://malegislature.gov/Bills/193/S997.pdf")
    s997 = entry(corpus_dir, "193-s997")
    assert s997["format"] == "pdf" and s997["sha256"] == hashlib.sha256(pdf).hexdigest()
    assert s997["history"] == "raw/193-s997.history.json"  # the history is kept all the same
    assert (corpus_dir / "raw/193-s997.history.json").read_bytes() == S997_HISTORY
    assert not (corpus_dir / "raw/193-s997.json").exists()



def test_an_api_record_with_text_replaces_the_pdf_fetched_before(server, corpus_dir):
    # First the record has no text (the PDF is stored); later it has, and a forced fetch stores the
    # record in the PDF's place: the manifest no longer names the PDF, and raw/ does not keep it.
    server.bill(193, "S997", document(193, "S997", "", docket="SD506"), S997_HISTORY)
    pdf = plumbing_pdf("SENATE DOCKET, NO. 1100", "SENATE . . . . . . . . No. 997")
    server.routes["/Bills/193/S997.pdf"] = [(200, {"Content-Type": "application/pdf"}, pdf)]
    assert lawdiff(corpus_dir, "fetch", "193-s997", base=server.base).returncode == 0
    assert (corpus_dir / "raw/193-s997.pdf").read_bytes() == pdf
    record = (CORPUS / "raw" / "193-s997.json").read_bytes()
    server.bill(193, "S997", record, S997_HISTORY)
    out = lawdiff(corpus_dir, "fetch", "--force", "193-s997", base=server.base)
    assert out.returncode == 0, out.stderr
    assert entry(corpus_dir, "193-s997")["path"] == "raw/193-s997.json"
    assert files(corpus_dir) == sorted(textless_corpus_files() + ["raw/193-s997.json", "raw/193-s997.history.json"])

def test_a_number_nobody_knows_is_one_line_and_changes_nothing(server, corpus_dir):
    manifest = (corpus_dir / "instruments.toml").read_bytes()
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)  # every URL answers 404
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr == (f"lawdiff: 193-s997: {server.base}/Bills/193/S997.pdf: HTTP 404 Not Found; "
                          f"then {server.base}/Bills/193/S997.Html: HTTP 404 Not Found\n")
    assert server.hits[S997_URL] == 1  # the API was asked first
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest
    assert files(corpus_dir) == textless_corpus_files()


@pytest.mark.parametrize("answers, problem", [
    ([(200, JSON, b'{"BillNumber": "S997", ')], "the API's answer is not JSON"),
    ([(200, JSON, b"{}")], "no such document (the API answered an empty record)"),
    ([(200, JSON, document(193, "S998", bill_text("SECTION 1. x")))], "the record is for 'S998', not S997"),
    ([(200, JSON, document(194, "S997", bill_text("SECTION 1. x")))], "the record is of General Court 194, not 193"),
    ([(429, {"Retry-After": "0"}, b"slow down")] * 4, "HTTP 429"),
    ([(500, {"Retry-After": "0"}, b"oops")] * 3 + [(503, {"Retry-After": "0"}, b"down")], "HTTP 503"),
])
def test_a_failing_api_is_one_clear_error(server, corpus_dir, answers, problem):
    server.routes[S997_URL] = list(answers)
    manifest = (corpus_dir / "instruments.toml").read_bytes()
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.count("\n") == 1 and out.stderr.startswith(f"lawdiff: 193-s997: {server.base}{S997_URL}: ")
    assert problem in out.stderr
    if answers[0][0] >= 429:
        assert server.hits[S997_URL] == 4  # tried again, then one error
    assert "/Bills/193/S997.pdf" not in server.hits  # a failing API is not papered over with the PDF
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest
    assert files(corpus_dir) == textless_corpus_files()


def test_a_429_then_the_record_is_fetched(server, corpus_dir):
    record = (CORPUS / "raw" / "193-s997.json").read_bytes()
    server.bill(193, "S997", record, S997_HISTORY)
    server.routes[S997_URL] = [(429, {"Retry-After": "0"}, b""), (500, {"Retry-After": "0"}, b""), (200, JSON, record)]
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.returncode == 0, out.stderr
    assert server.hits[S997_URL] == 3
    assert (corpus_dir / "raw/193-s997.json").read_bytes() == record


def test_a_court_out_of_range_is_refused_before_asking(server, corpus_dir):
    manifest = corpus_dir / "instruments.toml"
    text = manifest.read_text(encoding="utf-8").replace('id = "194-s1681"\nkind = "bill"\njurisdiction = "us-ma"\nsession = 194',
                                                        'id = "194-s1681"\nkind = "bill"\njurisdiction = "us-ma"\nsession = 1000')
    assert "session = 1000" in text
    manifest.write_text(text, encoding="utf-8")
    out = lawdiff(corpus_dir, "fetch", "194-s1681", base=server.base)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert "1000: not a General Court number" in out.stderr
    assert server.hits == {}
    assert manifest.read_text(encoding="utf-8") == text


def test_a_failed_manifest_edit_puts_record_and_history_back(server, corpus_dir, monkeypatch):
    from lawdiff.load import fetch as fetch_module

    server.bill(193, "S997", (CORPUS / "raw" / "193-s997.json").read_bytes(), S997_HISTORY)
    manifest = (corpus_dir / "instruments.toml").read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C as the manifest is about to be written

    monkeypatch.setattr(fetch_module, "set_fields", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fetch_module.fetch(Corpus.load(corpus_dir), "193-s997", server.base)
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest
    assert files(corpus_dir) == textless_corpus_files()
