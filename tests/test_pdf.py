"""PDF exports: the site's own redline and instrument pages printed by headless Chromium.

Expected text comes from reading corpus/raw/193-h2288.txt (Section 40 is printed
on lines 85-97; "within 90" ends line 91) and the edits made in test_docx.py.
"""

import os
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from h2288_edits import bill, print_bill, printed_lines
from test_docx import edited

from lawdiff.changes import compare
from lawdiff.render.pdf import instrument_pdf, redline_pdf

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def redline():
    body = printed_lines()[1]
    return redline_pdf(compare(bill(body, "h2288"), bill(edited(body), "h2288-edited")))


@pytest.fixture(scope="module")
def instrument(h2288):
    return instrument_pdf(h2288)


def text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())


def test_redline_pdf_has_legend_changes_and_line_citations(redline, tmp_path):
    assert redline.startswith(b"%PDF-")
    text = text_of(redline, tmp_path)
    assert "Legend" in text and "Struck from h2288" in text and "Added in h2288-edited" in text
    assert "Line numbers are those printed in the official text." in text
    # Section 40: old printed lines 85-97; four lines deleted and one inserted above it: 82-94 now.
    assert "Section 40 lines 85–97" in text.replace("Section 40.", "Section 40")
    assert "Section 40 lines 82–94" in text.replace("Section 40.", "Section 40")
    assert "Section 18 of chapter 6 of the General Laws is hereby repealed." in text


def _word_after(page, before: str, word: str):
    words = page.extract_words()
    return [w for i, w in enumerate(words) if w["text"] == word and i and words[i - 1]["text"] == before]


def test_redline_is_legible_in_black_and_white(redline, tmp_path):
    """Struck words carry a line through their middle, inserted words one under them, in near-black ink:
    the difference never rests on colour alone."""
    path = tmp_path / "r.pdf"
    path.write_bytes(redline)
    with pdfplumber.open(path) as pdf:
        found = {}
        for page in pdf.pages:
            for word in ("90", "60"):
                for w in _word_after(page, "within", word):
                    marks = [m for m in page.lines + page.rects
                             if m["x0"] <= w["x0"] + 1 and m["x1"] >= w["x1"] - 1
                             and w["top"] <= m["top"] <= w["bottom"] + 2]
                    ink = {c["non_stroking_color"] for c in page.chars
                           if w["x0"] - .1 <= c["x0"] and c["x1"] <= w["x1"] + .1 and abs(c["top"] - w["top"]) < 1}
                    found[word] = (w, marks, ink)
    assert set(found) == {"90", "60"}
    height = lambda w: w["bottom"] - w["top"]  # noqa: E731
    w, marks, ink = found["90"]
    assert any(abs((m["top"] + m["bottom"]) / 2 - (w["top"] + w["bottom"]) / 2) < height(w) / 4 for m in marks)
    w, marks, ink = found["60"]
    assert any(m["top"] > w["top"] + 0.75 * height(w) for m in marks)
    for _, _, ink in found.values():
        assert all(max(c) < 0.3 and max(c) - min(c) < 0.05 for c in ink)  # dark grey or black, not a hue


def test_instrument_pdf_cites_printed_lines(instrument, tmp_path):
    text = text_of(instrument, tmp_path)
    assert "H.2288" in text and "Sponsors: Ruth B. Balser, Manny Cruz" in text
    assert "lines 85–97" in text
    assert "Notwithstanding any general or special law to the contrary, no officer or" in text
    assert "pays a daily fee for each person detained there." in text


def test_every_sheet_says_what_it_is_and_which_page(redline, instrument, tmp_path):
    """A loose printed sheet names its document at the head and counts pages at the foot."""
    for data, head in ((instrument, "H.2288: An Act to protect the civil rights and safety of all Massachusetts residents"),
                       (redline, "Redline: h2288 → h2288-edited")):
        path = tmp_path / "p.pdf"
        path.write_bytes(data)
        with pdfplumber.open(path) as pdf:
            pages = [(page.extract_text() or "").splitlines() for page in pdf.pages]
        assert len(pages) > 1
        for n, lines in enumerate(pages, 1):
            assert lines[0].startswith(head), lines[0]
            assert lines[-1] == f"Page {n} of {len(pages)}", lines[-1]


def test_pdfs_are_byte_reproducible_without_clock_dates(h2288, instrument):
    assert instrument_pdf(h2288) == instrument
    assert b"/CreationDate" not in instrument and b"/ModDate" not in instrument


def run(*args):
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_pdf_for_a_redline_and_an_instrument(tmp_path):
    body = printed_lines()[1]
    header, _ = printed_lines()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(print_bill(header, body))
    new.write_bytes(print_bill(header, edited(body)))
    done = run("diff", str(old), str(new), "--format", "pdf", "--out", str(tmp_path / "r.pdf"))
    assert done.returncode == 0, done.stderr
    assert "within 60 days" in text_of((tmp_path / "r.pdf").read_bytes(), tmp_path)
    done = run("parse", "eo-650", "--format", "pdf", "--out", str(tmp_path / "eo.pdf"))
    assert done.returncode == 0, done.stderr
    assert "287(g) Agreements" in text_of((tmp_path / "eo.pdf").read_bytes(), tmp_path)


def test_cli_pdf_bad_targets(tmp_path):
    target = tmp_path / "missing" / "h.pdf"
    done = run("parse", "193-h2288", "--format", "pdf", "--out", str(target))
    assert done.returncode == 2 and done.stderr.startswith(f"lawdiff: {target}: folder")
    assert done.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    done = run("diff", "193-h2288", "193-h2288", "--format", "pdf")
    assert done.returncode == 2 and "--out" in done.stderr and done.stdout == ""


def test_a_chromium_that_cannot_run_is_one_line(tmp_path):
    target = tmp_path / "eo.pdf"
    for browser in (tmp_path / "nowhere" / "chromium", tmp_path):  # missing; a folder
        done = subprocess.run([sys.executable, "-m", "lawdiff", "parse", "eo-650", "--format", "pdf", "--out", str(target)],
                              cwd=ROOT, capture_output=True, text=True, env={**os.environ, "LAWDIFF_CHROMIUM": str(browser)})
        assert done.returncode == 2 and done.stderr.startswith(f"lawdiff: {browser}: cannot run Chromium: "), done.stderr
        assert done.stderr.count("\n") == 1 and not target.exists()
