"""Bidirectional controls (U+202A-U+202E, U+2066-U+2069) would make a page show words in
another order than they were compared (issue 25 item 12): every reader shows each one as
U+FFFD, the replacement character, and says so in the document's meta."""

import io
import json

import docx

from lawdiff.diff.changes import compare
from lawdiff.load.documents import parse_bytes
from lawdiff.render.docx import render_docx
from lawdiff.render.instrument_html import render_instrument

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Shown right to left by the override, "shall not report" reads "shall troper ton" on screen,
# while the comparison sees the words in their stored order.
SPOOFED = "SECTION 1. The agency shall \u202enot report\u202c to the federal government.\n"


def as_word(text: str) -> bytes:
    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def as_record(text: str) -> bytes:
    return json.dumps({"DocumentText": text, "BillNumber": "S1", "GeneralCourtNumber": 193}).encode()


def test_every_reader_shows_a_bidi_control_as_the_replacement_character():
    for name, data in (("t.txt", SPOOFED.encode()), ("t.docx", as_word(SPOOFED)), ("t.json", as_record(SPOOFED)),
                       ("t.html", f"<html><body><p>{SPOOFED}</p></body></html>".encode())):
        doc = parse_bytes(data, name)
        text = " ".join(n.text or "" for n in doc.tree.walk())
        assert "shall \ufffdnot report\ufffd to the federal" in text, name
        assert doc.meta["bidi_controls"].startswith("2 bidirectional control character(s)"), name


def test_no_output_carries_one():
    every = "SECTION 1. " + " ".join(f"word{k}{c}" for k, c in enumerate(CONTROLS)) + " end.\n"
    old = parse_bytes(every.encode(), "old.txt")
    new = parse_bytes(every.replace("end.", "ending.").encode(), "new.txt")
    outputs = [render_instrument(new), json.dumps(new.to_dict(), ensure_ascii=False)]
    word = render_docx(compare(old, new))
    outputs.append(docx.Document(io.BytesIO(word)).element.xml)
    for out in outputs:
        assert not any(c in out for c in CONTROLS)
    assert new.meta["bidi_controls"].startswith("9 ")


def test_text_without_them_says_nothing():
    assert "bidi_controls" not in parse_bytes(SPOOFED.replace("\u202e", "").replace("\u202c", "").encode(), "t.txt").meta
