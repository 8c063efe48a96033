"""Issue 24, what advocates and staff take from the site (no browser): nothing internal
published, relations named for what they are, the overview folded to texts, the redline's
summary on screen, line anchors, the memo table.  tests/test_advocates_browser.py looks
at the same pages in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from lawdiff import Corpus
from lawdiff.files import read_toml
from lawdiff.site.build import build_site

ROOT = Path(__file__).resolve().parents[1]
COMPANIONS = "redlines/193-h2288--193-s1510.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("adv") / "build"
    build_site(Corpus.load(ROOT / "corpus"), out, search=False, pdf=False, cache_dir=out.parent / "cache")
    return out


def page(site: Path, path: str):
    return lxml.html.fromstring((site / path).read_bytes())


def text(el) -> str:
    return " ".join(el.text_content().split())


def published(site: Path):
    """Every file a reader can open or download (the search index aside)."""
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".csv", ".json", ".md") and "pagefind" not in path.parts:
            yield path, path.read_text(encoding="utf-8")


# -- 2. nothing internal on public pages ------------------------------------------

def test_curators_notes_are_never_published(site):
    notes = [a["source"]["note"] for a in read_toml(ROOT / "corpus" / "annotations.toml", "annotations")["annotation"]
             if a.get("source", {}).get("note")]
    assert len(notes) > 40
    # a note's words as a reader would meet them (HTML escapes apostrophes and quotes)
    probes = {n[:60] for n in notes} | {"lawdiff fetch", "corpus facts", "settles which"}
    for path, body in published(site):
        flat = " ".join(body.replace("&#39;", "'").replace("&#34;", '"').replace('\\"', '"').split())
        for probe in probes:
            assert probe not in flat, (path.name, probe)


def test_each_cell_says_checked_or_reported_and_by_whom(site):
    doc = page(site, "matrix/287g.html")
    lines = {row.get("id").split("--")[1]: text(row.cssselect("p.source")[0])
             for row in doc.cssselect("tr[id^='cell-287g--']")}
    assert lines["193-h2288"] == "Checked against the official text: https://malegislature.gov/Bills/193/H2288."
    assert lines["193-s1510"].startswith("Checked against the legislature's API record of the bill:")
    assert lines["194-s3086"].startswith("Reported by one public dataset built from the legislature's API, "
                                         "not yet checked against the official text; official page:")
    assert lines["boston-eo-2026-02-05"] == ("Reported by a third-party news report (2026-02-06), "
                                            "not yet checked against the official text.")
    csv = (site / "matrix" / "287g.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0].endswith("source_url,source_date,source_name")
    assert "two public sources" in csv and "note" not in csv.splitlines()[0]
