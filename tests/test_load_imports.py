"""What loading a document imports and holds (issue 26: a diff's memory within 10x of its input)."""

import subprocess
import sys

from lawdiff.load.documents import parse_bytes

_AKN = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"></act></akomaNtoso>"""


def _imported_by_a_text_diff(tmp_path, new: str, modules: set[str]) -> list[str]:
    """Which of ``modules`` (top-level names) `lawdiff diff a.txt b.txt --out out.json` imports, in a
    fresh interpreter; the old text's words are "the fee", the new text's ``new``."""
    (tmp_path / "a.txt").write_text("SECTION 1. The owner shall pay the fee.\n")
    (tmp_path / "b.txt").write_text(f"SECTION 1. The owner shall pay {new}.\n")
    probe = ("import sys, runpy; sys.argv = ['lawdiff', 'diff', 'a.txt', 'b.txt', '--out', 'out.json']\n"
             "try:\n    runpy.run_module('lawdiff', run_name='__main__')\nexcept SystemExit as e:\n    assert not e.code, e\n"
             f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(modules)!r})), file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    return out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.stderr


def test_a_text_diff_imports_no_xml_library(tmp_path):
    """`lawdiff diff A.txt B.txt` (JSON) reads no XML: lxml (megabytes at start) and jinja2 stay out."""
    assert _imported_by_a_text_diff(tmp_path, "the annual fee", {"lxml", "jinja2", "cobalt"}) == "[]"
    assert 'annual' in (tmp_path / "out.json").read_text()


def test_an_akn_file_is_still_read_by_content():
    """The XML sniffing moved out of the AKN reader: AKN bytes still reach it (and its schema), whatever the name."""
    try:
        parse_bytes(_AKN, "plain-name.txt")
    except Exception as e:  # an act without a body is not valid AKN: the reader's schema said so
        assert "Akoma Ntoso" in str(e), e
    else:
        raise AssertionError("an empty act passed the AKN schema")


def test_a_text_diff_maps_no_openssl_and_keeps_the_digest(tmp_path):
    """`lawdiff diff A.txt B.txt` (JSON) hashes each file without hashlib (which maps OpenSSL's
    libcrypto, 3.5 MiB resident), and the digest is still the file's sha256."""
    import hashlib

    assert _imported_by_a_text_diff(tmp_path, "the yearly fee", {"hashlib", "_hashlib"}) == "[]"
    data = (tmp_path / "b.txt").read_bytes()
    assert parse_bytes(data, "b.txt").meta["sha256"] == hashlib.sha256(data).hexdigest()
