"""`lawdiff packet OLD NEW [--topic T] --format pdf|docx --out F`: one file to bring to a hearing,
the same parts in the same order in PDF and Word (issue 24 item 8)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from helpers.site_corpus import make_corpus

ROOT = Path(__file__).resolve().parents[1]
EPOCH = {"SOURCE_DATE_EPOCH": "1765000000"}  # printed 2025-12-06


def packet(tmp_path: Path, *args: str, corpus: Path | None = None, fmt: str = "pdf", name: str = "p"):
    import os
    out = tmp_path / f"{name}.{fmt}"
    cmd = [sys.executable, "-m", "lawdiff"] + (["--corpus", str(corpus)] if corpus else []) + \
        ["packet", *args, "--format", fmt, "--out", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **EPOCH})
    return done, out


def sheets(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """H.2288 and a version of it with "within 12 months" -> "within 6 months" and 90 -> 60 days."""
    return make_corpus(tmp_path_factory.mktemp("edited"))


def test_pdf_packet_cover_summary_redline(tmp_path, edited):
    done, out = packet(tmp_path, "193-h2288", "xss-h2288", corpus=edited)
    assert done.returncode == 0, done.stderr
    pages = sheets(out)
    cover = pages[0]
    assert "Hearing packet" in cover and "new draft of H.2288" in cover
    assert "not an official copy" in cover and "Printed 2025-12-06." in cover
    assert "Summary of changes" not in cover  # the cover is a sheet of its own
    rest = "\n".join(pages[1:])
    assert "Summary of changes" in pages[1]
    assert "“within 12 months” → “within 6 months”" in rest and "“within 90 days,” → “within 60 days,”" in rest
    # the redline as printed: the bill's own line numbers in the margin (line 73 holds the edit)
    assert re.search(r"(?m)^73 .*within", rest)
    # the same packet twice: the same bytes
    again = packet(tmp_path, "193-h2288", "xss-h2288", corpus=edited, name="q")[1]
    assert out.read_bytes() == again.read_bytes()


def test_packet_of_companions_with_a_topic_in_pdf_and_word(tmp_path):
    done, pdf = packet(tmp_path, "193-h2288", "193-s1510", "--topic", "287g")
    assert done.returncode == 0, done.stderr
    done, word = packet(tmp_path, "193-h2288", "193-s1510", "--topic", "287g", fmt="docx")
    assert done.returncode == 0, done.stderr
    text = "\n".join(sheets(pdf))
    flat = " ".join(text.split())
    assert "S.1510, Senate companion of H.2288" in flat
    assert "Identical in the body: 14 provisions compared, not a word different" in flat
    assert "Side by side: 287(g) and similar agreements" in flat
    assert "H.2288 SECTION 3, Section 40, lines 89–90" in flat  # the memo point, cited
    doc = Document(str(word))
    paras = [p.text for p in doc.paragraphs]
    # the same parts, in the same order
    order = ["Hearing packet: S.1510, Senate companion of H.2288", "Identical in the body: 14 provisions compared",
             "Printed 2025-12-06.", "Summary of changes", "Redline", "Side by side: 287(g) and similar agreements"]
    at = [next(i for i, p in enumerate(paras) if p.startswith(o)) for o in order]
    assert at == sorted(at)
    for o in order:
        assert " ".join(o.split()) in flat or o == "Redline"
    cover, _, side = doc.tables[0], doc.tables[1], doc.tables[-1]
    assert [c.text for c in cover.rows[0].cells] == ["", "H.2288", "S.1510"]
    assert side.cell(0, 1).text == "H.2288" and "Prohibits" in side.cell(1, 1).text
    assert any("lines 89–90" in c.text for row in side.rows for c in row.cells)


def test_word_packet_keeps_the_tracked_changes(tmp_path, edited):
    done, word = packet(tmp_path, "193-h2288", "xss-h2288", corpus=edited, fmt="docx")
    assert done.returncode == 0, done.stderr
    xml = zipfile.ZipFile(word).read("word/document.xml").decode()
    assert xml.count("<w:ins ") >= 3 and "<w:delText" in xml
    doc = Document(str(word))
    summary = doc.tables[1]
    assert [c.text for c in summary.rows[0].cells][:3] == ["No.", "Provision", "Change"]
    assert "“within 12 months” → “within 6 months”" in summary.rows[2].cells[5].text
    again = packet(tmp_path, "193-h2288", "xss-h2288", corpus=edited, fmt="docx", name="q")[1]
    assert word.read_bytes() == again.read_bytes()


def test_bad_packet_input_is_one_line(tmp_path):
    done, out = packet(tmp_path, "193-h2288", "193-s1510", "--topic", "nope", fmt="docx")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "no topic 'nope'" in done.stderr
    assert not out.exists()
