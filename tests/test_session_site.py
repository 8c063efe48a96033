"""The site of an imported session: each text's page shows its version graph as steps, each
step with text on both sides redlined (the family of H.4241, read from ../shared in place)."""

from __future__ import annotations

import re

from helpers.fetch_corpus import lawdiff
from lawdiff.load.session import import_session
from lawdiff.load.sources import FolderSource
from test_session_import import SESSION

NAMES = ["H4115", "H4241", "S2703", "S2710", "H4744"]


def test_every_step_is_on_the_page_and_redlined(tmp_path):
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(SESSION, 193, only=NAMES), 193, years=[], today="2026-12-07")
    site = tmp_path / "site"
    out = lawdiff(root, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1")
    assert out.returncode == 0, out.stderr
    page = (site / "instruments" / "193-h4241.html").read_text(encoding="utf-8")
    steps = page[page.index('<section class="steps"'):page.index("</section>", page.index('<section class="steps"'))]
    items = re.findall(r"<li>(.*?)</li>", steps)
    # The steps the histories state (read by hand), earliest first; the filed bills are not in this corpus.
    said = [re.sub(r"<[^>]+>", "", re.sub(r"<q>.*?</q>", "", i)).replace(" (redline)", "").strip() for i in items]
    assert said[8:] == [
        "2024-01-10 H.4115 → H.4241: new draft",
        "2024-03-14 H.4241 → S.2703: committee text",
        "2024-03-21 H.4241 → S.2710: substituted",
        "2024-03-21 S.2703 → S.2710: reprinted as amended",
        "2024-06-12 H.4241 → H.4744: conference report",
        "2024-06-20 H.4744 → Chapter 118 of the Acts of 2024: enacted as chapter",
    ]
    linked = re.findall(r'href="\.\./redlines/([^"]+)\.html"', steps)
    assert linked == ["193-h4115--193-h4241", "193-h4241--193-s2703", "193-h4241--193-s2710",
                      "193-s2703--193-s2710", "193-h4241--193-h4744"]
    for slug in linked:  # every step with text on both sides has its redline
        assert (site / "redlines" / f"{slug}.html").is_file(), slug
    assert "<q>Reported on H4241</q>" in steps and "Chapter 118 of the Acts of 2024: enacted as chapter" in steps
    assert (site / "instruments" / "193-s2710.html").read_text(encoding="utf-8").count("<q>") == len(items)
