"""``parse_bytes`` pauses the cycle collector while it reads and parses (issue 26: its full passes
walked every line, unit and earlier tree again and again, a tenth of loading at 30,000 sections),
and gives it back as it found it, also when the bytes are refused."""

import gc

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.load import documents

BILL = ("SECTION 1. Chapter 6 of the General Laws is hereby amended by striking out section 2.\n\n"
        "SECTION 2. This act shall take effect upon its passage.\n").encode()


@pytest.fixture
def collector_seen(monkeypatch):
    """Whether the collector ran while the text was parsed, for each parse."""
    seen = []
    parse = documents.parse_units

    def watched(units, kind, body_only):
        seen.append(gc.isenabled())
        return parse(units, kind, body_only)

    monkeypatch.setattr(documents, "parse_units", watched)
    enabled = gc.isenabled()
    yield seen
    (gc.enable if enabled else gc.disable)()


def test_paused_while_parsing_and_restored(collector_seen):
    gc.enable()
    doc = documents.parse_bytes(BILL, "bill.txt")
    assert collector_seen == [False]
    assert gc.isenabled()
    assert [n.num for n in doc.tree.walk() if n.type == "section"] == ["SECTION 1.", "SECTION 2."]


def test_left_off_when_the_caller_had_it_off(collector_seen):
    gc.disable()
    documents.parse_bytes(BILL, "bill.txt")
    assert collector_seen == [False]
    assert not gc.isenabled()


def test_restored_when_the_bytes_are_refused(collector_seen):
    gc.enable()
    with pytest.raises(LawdiffError):
        documents.parse_bytes(b"\x00\x01\x02 not text \x00" * 50, "binary.txt")
    assert gc.isenabled()
    with pytest.raises(LawdiffError):
        documents.parse_bytes(b"<?xml version='1.0'?><other/>", "other.xml")
    assert gc.isenabled()
