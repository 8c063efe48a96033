"""Every real document of ``../shared/sources/real`` against what a person read in it
(``bench/real/expected.toml``): the top-level SECTIONs, the sections each inserts, every character of the
reading in the tree.  The checks are ``bench/real_documents.py``'s.

The documents lawdiff still reads wrong are listed below with the reason; each must stay
wrong in that way and carry a warning, so the test fails when one regresses, when one
silently starts passing (take it off the list), and when one is wrong without saying so.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "sources" / "real"
_spec = importlib.util.spec_from_file_location("real_documents", ROOT / "bench" / "real_documents.py")
real_documents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_documents)

# file -> why it is still wrong (what a person reads that lawdiff does not).
STILL_WRONG = {
    "pdf/193-H5112.pdf": "sections: a Governor's message, not a bill; the SECTIONs 221-223A it quotes "
                         "after '... the following 4 sections:-' are read as its own",
    "html/2024-ch400.html": "inserted: a town charter numbered by article and section; its sections are "
                            "not read as quoted sections",
}

DOCS = tomllib.loads((ROOT / "bench" / "real" / "expected.toml").read_text(encoding="utf-8"))["doc"]


def test_the_real_documents_are_all_there():
    assert REAL.is_dir(), f"{REAL} holds the real documents (beside the checkout, as in CI)"
    assert len(DOCS) == 54
    assert [d["file"] for d in DOCS if not (REAL / d["file"]).is_file()] == []
    assert set(STILL_WRONG) <= {d["file"] for d in DOCS}


@pytest.mark.parametrize("exp", DOCS, ids=[d["file"] for d in DOCS])
def test_a_real_document_reads_as_a_person_reads_it(exp):
    result = real_documents.check(REAL, exp)
    assert result["refused"] is None
    assert result["lossless"], "every character of the reading is in the tree, in order"
    if exp["file"] in STILL_WRONG:
        reason = STILL_WRONG[exp["file"]]
        assert not result["right"], f"now read right: take it off STILL_WRONG ({reason})"
        part = reason.split(":")[0]
        assert not result[f"{part}_ok"], f"wrong otherwise than listed: {result}"
        assert result["warned"], "a document still read wrong must say so"
    else:
        assert result["sections_ok"], f"person {result['want']} / lawdiff {result['got']}"
        assert result["inserted_ok"], result["inserted_wrong"]
