"""Fetching the legislature's JSON API records (issue 14's groundwork) from a loopback server.

The server answers with the real records the repository keeps (corpus/raw/193-s997.json and its
fellows, tests/fixtures/real/api/193-H2288.json: the API's bytes), or with what a failing API sends.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.api_records import JSON, Server

from lawdiff.load import api
from lawdiff.errors import LawdiffError

ROOT = Path(__file__).resolve().parents[1]
RECORDS = {"193-S997": ROOT / "corpus" / "raw" / "193-s997.json",
           "193-H1401": ROOT / "corpus" / "raw" / "193-h1401.json",
           "193-S1510": ROOT / "corpus" / "raw" / "193-s1510.json",
           "193-H2288": ROOT / "tests" / "fixtures" / "real" / "api" / "193-H2288.json"}
DOCS = "/api/GeneralCourts/{court}/Documents/{number}"


def real_record(name: str) -> bytes:
    return RECORDS[name].read_bytes()


@pytest.fixture(scope="module")
def server():
    server = Server()
    yield server
    server.close()


def test_urls_are_the_apis():
    assert api.document_url(193, "H.2288") == "https://malegislature.gov/api/GeneralCourts/193/Documents/H2288"
    assert api.history_url(194, "s 997") == \
        "https://malegislature.gov/api/GeneralCourts/194/Documents/S997/DocumentHistoryActions"
    assert api.document_url(193, "H2288", "http://127.0.0.1:9/mirror/") == \
        "http://127.0.0.1:9/mirror/api/GeneralCourts/193/Documents/H2288"


@pytest.mark.parametrize("court, number, problem", [
    (0, "H2288", "0: not a General Court number"),
    (1000, "H2288", "1000: not a General Court number"),
    ("193", "H2288", "193: not a General Court number"),
    (193, "HD2459", "HD2459: not a House or Senate document number"),
    (193, "H.2288/../../x", "not a House or Senate document number"),
])
def test_bad_court_or_number_is_refused_before_asking(court, number, problem):
    with pytest.raises(LawdiffError) as e:
        api.document_url(court, number)
    assert problem in str(e.value)


def test_fetch_a_real_record_and_its_history(server, tmp_path):
    data = real_record("193-H2288")
    server.routes[DOCS.format(court=193, number="H2288")] = [(200, JSON, data)]
    server.routes[DOCS.format(court=193, number="H2288") + "/DocumentHistoryActions"] = [(200, JSON, b"[]")]
    record = api.fetch_document(193, "H.2288", server.base)
    assert record.data == data  # the bytes as sent: their sha256 is what the manifest records
    assert record.url == f"{server.base}/api/GeneralCourts/193/Documents/H2288"
    assert record.value["BillNumber"] == "H2288" and record.value["DocketNumber"] == "HD2459"
    assert record.value["Title"] == "An Act to protect the civil rights and safety of all Massachusetts residents"
    history = api.fetch_history(193, "H2288", server.base)
    assert history.value == [] and history.data == b"[]"
    api.store({"193-h2288.json": record, "193-h2288.history.json": history}, tmp_path)
    assert (tmp_path / "193-h2288.json").read_bytes() == data
    assert (tmp_path / "193-h2288.history.json").read_bytes() == b"[]"


def test_every_real_record_is_fetched_as_itself(server):
    for name in RECORDS:
        court, number = name.split("-")
        data = real_record(name)
        server.routes[DOCS.format(court=court, number=number)] = [(200, JSON, data)]
        record = api.fetch_document(int(court), number, server.base)
        assert record.data == data and record.value["GeneralCourtNumber"] == int(court)


def test_a_record_for_another_number_is_refused(server):
    # Asked for H.1401, the server sends H.2288's record.
    server.routes[DOCS.format(court=193, number="H1401")] = [(200, JSON, real_record("193-H2288"))]
    with pytest.raises(LawdiffError) as e:
        api.fetch_document(193, "H1401", server.base)
    assert str(e.value) == f"{server.base}/api/GeneralCourts/193/Documents/H1401: the record is for 'H2288', not H1401"
    # And asked for the 194th court's H.2288, the 193rd's record.
    server.routes[DOCS.format(court=194, number="H2288")] = [(200, JSON, real_record("193-H2288"))]
    with pytest.raises(LawdiffError) as e:
        api.fetch_document(194, "H2288", server.base)
    assert str(e.value).endswith("the record is of General Court 193, not 194")


@pytest.mark.parametrize("status, body, problem", [
    (200, b'{"Title": "An Act', "the API's answer is not JSON (Unterminated string starting at: line 1 column 11 (char 10))"),
    (200, b"null", "no such document (the API answered an empty record)"),
    (200, b"{}", "no such document (the API answered an empty record)"),
    (200, b"[]", "not a document record (a JSON list)"),
    (404, b"", "HTTP 404 Not Found"),
])
def test_a_missing_or_malformed_record_is_one_line(server, status, body, problem):
    server.routes[DOCS.format(court=193, number="S1")] = [(status, JSON, body)]
    with pytest.raises(LawdiffError) as e:
        api.fetch_document(193, "S1", server.base)
    assert str(e.value) == f"{server.base}/api/GeneralCourts/193/Documents/S1: {problem}"


def test_a_busy_api_is_asked_again(server):
    data = real_record("193-S997")
    path = DOCS.format(court=193, number="S997")
    server.routes[path] = [(429, {"Retry-After": "0"}, b"slow down"), (500, {"Retry-After": "0"}, b"oops"),
                           (200, JSON, data)]
    before = server.hits.get(path, 0)
    assert api.fetch_document(193, "S997", server.base).data == data
    assert server.hits[path] - before == 3


def test_history_that_is_not_a_list_is_refused(server):
    server.routes[DOCS.format(court=193, number="S2") + "/DocumentHistoryActions"] = [(200, JSON, b'{"a": 1}')]
    with pytest.raises(LawdiffError) as e:
        api.fetch_history(193, "S2", server.base)
    assert str(e.value).endswith("a document's history is a JSON list, not dict")
