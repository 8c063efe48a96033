"""Test corpora for the site tests, built in a temporary folder from the real texts."""

from __future__ import annotations

import shutil
from pathlib import Path

from . import ROOT
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# Edits of H.2288 as printed, each on one printed line: hostile markup in subsection (b),
# two changed figures (subsection (f), and Section 40 of SECTION 3).
EDITS = [
    ("22 victims and witnesses of crimes, about", f"22 victims and witnesses of crimes, {SCRIPT} {IMG} about"),
    ("73 in the commonwealth shall, within 12 months of passage", "73 in the commonwealth shall, within 6 months of passage"),
    ("shall, within 90 \n", "shall, within 60 \n"),
]


def edited_h2288() -> str:
    text = (ROOT / "corpus" / "raw" / "193-h2288.txt").read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def make_corpus(folder: Path) -> Path:
    """H.2288 and a hostile 'version' of it, related by version_of, plus EO 650."""
    corpus = folder / "corpus"
    (corpus / "raw").mkdir(parents=True)
    for name in ("193-h2288.txt", "eo-650.txt"):
        shutil.copyfile(ROOT / "corpus" / "raw" / name, corpus / "raw" / name)
    (corpus / "raw" / "xss-h2288.txt").write_text(edited_h2288(), encoding="utf-8")
    (corpus / "instruments.toml").write_text('''
[[instrument]]
id = "193-h2288"
kind = "bill"
number = "H.2288"
title = "An Act to protect the civil rights and safety of all Massachusetts residents"
url = "https://malegislature.gov/Bills/193/H2288"
path = "raw/193-h2288.txt"
status = "test copy"

[[instrument]]
id = "xss-h2288"
kind = "bill"
number = "H.2288 (edited <b>test</b>)"
title = "Edited copy with <script>alert(1)</script> in it"
path = "raw/xss-h2288.txt"
status = "test <img src=x onerror=alert(1)>"
version_of = ["193-h2288"]

[[instrument]]
id = "eo-650"
kind = "executive-order"
number = "No. 650"
title = "Protecting Access to Essential Services and Keeping Massachusetts Communities Safe"
path = "raw/eo-650.txt"

[[comparison]]
old = "eo-650#sec_5"
new = "193-h2288#sec_3__qstr_1__sec_40"
label = "287(g): EO 650 Section 5 against H.2288 Section 40"
''', encoding="utf-8")
    return corpus
