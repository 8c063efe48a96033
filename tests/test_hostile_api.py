"""API records a hostile or broken server could send, and titles no UTF-8 can carry (issue 25,
items 11 and 12): each is one line naming the file or URL, exit status 2, nothing written.

The records start from ``api_records.document`` (the real S.997 record's fields) with one value
made hostile; they are read by ``lawdiff parse`` from a file and by ``lawdiff fetch`` from a
loopback server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from helpers import EO650
from helpers.api_records import Server, bill_text, document
from helpers.fetch_corpus import entry, files, lawdiff


def record(**changes) -> bytes:
    value = json.loads(document(193, "S997", bill_text("SECTION 1. The general laws are amended.")))
    value.update(changes)
    return json.dumps(value).encode()


def deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


HOSTILE = {
    # A list field holding a number, a string or objects of the wrong shape.
    "cosponsors-a-number": (record(Cosponsors=5), "Cosponsors is a number, not a list"),
    "recommendations-a-number": (record(CommitteeRecommendations=7), "CommitteeRecommendations is a number, not a list"),
    "cosponsors-a-string": (record(Cosponsors="Jane Doe"), "Cosponsors is text, not a list"),
    # Python refuses to read an integer of over 4,300 digits (a ValueError, not a JSONDecodeError).
    "huge-integer": (record(DocumentText=None)[:-1] + b', "Amendments": ' + b"9" * 5000 + b"}",
                     "a number of over 4,300 digits"),
    # 10,000 nested lists: json recurses once a level.
    "deeply-nested": (record()[:-1] + b', "Attachments": ' + deep(10_000) + b"}", "nested over"),
    # "\ud800" is valid JSON, but no UTF-8 can carry the lone surrogate it decodes to.
    "lone-surrogate-title": (record(Title="An Act \ud800 relative"), "Title holds a lone surrogate (U+D800)"),
    # Only NULs (or other characters that are not text) is no bill.
    "only-nuls": (record(DocumentText="\0" * 500), "DocumentText has no words"),
    "nuls-and-spaces": (record(DocumentText="\t\0\r\n" * 100), "DocumentText has no words"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_record_read_from_a_file_is_one_line(tmp_path, name):
    data, problem = HOSTILE[name]
    path = tmp_path / "record.json"
    path.write_bytes(data)
    out = lawdiff(tmp_path / "no-corpus", "parse", str(path))
    assert out.returncode == 2, (out.stdout[:200], out.stderr[-2000:])
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr[-2000:]
    assert out.stderr.startswith(f"lawdiff: {path}: ") and problem in out.stderr, out.stderr


@pytest.fixture
def server():
    server = Server()
    yield server
    server.close()


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_record_from_the_api_is_one_line_and_nothing_is_written(server, corpus_dir, name):
    data, problem = HOSTILE[name]
    server.bill(193, "S997", data)
    before = {f: (corpus_dir / f).read_bytes() for f in files(corpus_dir) if (corpus_dir / f).is_file()}
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.returncode == 2, (out.stdout, out.stderr[-2000:])
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr, out.stderr[-2000:]
    assert problem in out.stderr
    assert {f: (corpus_dir / f).read_bytes() for f in files(corpus_dir) if (corpus_dir / f).is_file()} == before


@pytest.mark.parametrize("history, problem", [
    (deep(10_000), "nested over"),
    (b'[{"Date": "2023-01-01", "Branch": "Senate", "Action": "Read \\udc80", "IsStricken": false}]',
     "lone surrogate (U+DC80)"),
    (b"[" + b"1" * 5000 + b"]", "a number of over 4,300 digits"),
], ids=["deeply-nested", "lone-surrogate", "huge-integer"])
def test_a_hostile_history_is_one_line(server, corpus_dir, history, problem):
    server.bill(193, "S997", record(), history)
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=server.base)
    assert out.returncode == 2 and out.stderr.count("\n") == 1, out.stderr[-2000:]
    assert "DocumentHistoryActions" in out.stderr and problem in out.stderr
    assert not (corpus_dir / "raw/193-s997.json").exists()


def test_a_title_given_as_bytes_that_are_not_utf8_is_one_line(corpus_dir):
    # A terminal in another encoding: Python hands the byte 0xFF over as the lone surrogate U+DCFF.
    env = {**os.environ, "LAWDIFF_CORPUS": str(corpus_dir)}
    before = (corpus_dir / "instruments.toml").read_bytes()
    out = subprocess.run([sys.executable, "-m", "lawdiff", "add", str(EO650), "--id", "eo-new",
                          "--title", os.fsencode("Order \udcff 1")], capture_output=True, env=env)
    assert out.returncode == 2, out.stderr.decode(errors="replace")[-2000:]
    assert out.stderr.count(b"\n") == 1 and b"Traceback" not in out.stderr
    assert b"--title: not UTF-8 text" in out.stderr
    assert (corpus_dir / "instruments.toml").read_bytes() == before
    assert not (corpus_dir / "raw/eo-new.txt").exists()
    assert entry(corpus_dir, "eo-650")  # the manifest still reads
