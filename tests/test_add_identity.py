"""``lawdiff add`` checks what a document says it is against the entry it is filed under (issue 25,
item 13), and fills the number, General Court and title a new entry is not given.

The real case: the 193rd General Court's conference report S.2954 (a malegislature.gov PDF,
read from ``../shared/sources/real/pdf/``) added as ``194-s1681`` (S.1681 of the 194th).  Its
cover, as a person reads it: "SENATE . . . No. 2954", "In the One Hundred and Ninety-Third
General Court (2023-2024)", and the long title "An Act to provide for competitiveness and
infrastructure investment in Massachusetts."
"""

from __future__ import annotations

import shutil

import pytest

from helpers import CORPUS, EO650, ROOT
from helpers.api_records import bill_text, document
from helpers.fetch_corpus import entry, files, lawdiff
from lawdiff.load.identity import words_to_number

S2954 = ROOT.parent / "shared" / "sources" / "real" / "pdf" / "193-S2954.pdf"
S2954_TITLE = "An Act to provide for competitiveness and infrastructure investment in Massachusetts."


@pytest.fixture
def corpus_dir(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    return root


def snapshot(root):
    return {p: (root / p).read_bytes() for p in files(root) if (root / p).is_file()}


def test_a_193rd_conference_report_is_not_filed_as_s1681(corpus_dir):
    before = snapshot(corpus_dir)
    out = lawdiff(corpus_dir, "add", str(S2954), "--id", "194-s1681")
    assert out.returncode == 2
    assert out.stderr == (f"lawdiff: {S2954}: the document says it is S.2954 of the 193rd General Court, but "
                          "194-s1681 is S.1681 of the 194th General Court (the entry); not stored "
                          "(--force stores it all the same)\n")
    assert snapshot(corpus_dir) == before
    out = lawdiff(corpus_dir, "add", str(S2954), "--id", "194-s1681", "--force")  # asked for: stored
    assert out.returncode == 0, out.stderr
    assert entry(corpus_dir, "194-s1681")["number"] == "S.1681"  # the entry's own fields are not rewritten


def test_a_new_entry_takes_its_number_court_and_title_from_the_cover(corpus_dir):
    out = lawdiff(corpus_dir, "add", str(S2954), "--id", "193-s2954")
    assert out.returncode == 0, out.stderr
    s2954 = entry(corpus_dir, "193-s2954")
    assert (s2954["number"], s2954["session"], s2954["title"]) == ("S.2954", 193, S2954_TITLE)
    # Options win over the cover where they agree with it; a title given is kept as given.
    out = lawdiff(corpus_dir, "add", str(S2954), "--id", "competitiveness-report", "--title", "Conference report")
    assert out.returncode == 0, out.stderr
    report = entry(corpus_dir, "competitiveness-report")
    assert (report["number"], report["session"], report["title"]) == ("S.2954", 193, "Conference report")


@pytest.mark.parametrize("args, says, claim, where", [
    (["--id", "194-s2954"], "the 193rd General Court", "the 194th General Court", "its id"),
    (["--id", "report", "--number", "S.2955"], "S.2954", "S.2955", "the entry"),
    (["--id", "report", "--session", "192"], "the 193rd General Court", "the 192nd General Court", "the entry"),
])
def test_a_new_entry_whose_options_or_id_contradict_the_cover_is_refused(corpus_dir, args, says, claim, where):
    before = snapshot(corpus_dir)
    out = lawdiff(corpus_dir, "add", str(S2954), *args)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert f"the document says it is {says}, but" in out.stderr and f"is {claim} ({where})" in out.stderr
    assert snapshot(corpus_dir) == before


def test_an_api_record_of_another_bill_is_refused(corpus_dir, tmp_path):
    record = tmp_path / "S997.json"
    record.write_bytes(document(193, "S997", bill_text("SECTION 1. The general laws are amended.")))
    out = lawdiff(corpus_dir, "add", str(record), "--id", "193-h2288")
    assert out.returncode == 2
    assert "the document says it is S.997, but 193-h2288 is H.2288 (the entry)" in out.stderr


def test_a_document_that_states_nothing_is_filed_as_told(corpus_dir):
    # A plain text states no number or court: nothing to contradict, nothing to fill.
    out = lawdiff(corpus_dir, "add", str(EO650), "--id", "194-s9999")
    assert out.returncode == 0, out.stderr
    assert "number" not in entry(corpus_dir, "194-s9999")


@pytest.mark.parametrize("words, number", [
    ("One Hundred and Ninety-Third", 193), ("One Hundred and Ninety-Fourth", 194), ("One Hundred and Ninetieth", 190),
    ("One Hundred and Eighty-Sixth", 186), ("Two Thousand and Nine", 2009), ("Two Thousand Twenty-Four", 2024),
    ("Hundredth", 100), ("Eleventh", 11), ("Great and", None), ("", None),
])
def test_number_words(words, number):
    assert words_to_number(words) == number
