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


# -- 6. companions and identical texts -------------------------------------------

def test_relations_say_what_they_are():
    from lawdiff.site.comparisons import relation_label, relation_words
    corpus = Corpus.load(ROOT / "corpus")
    e = corpus.entries
    assert relation_words("companion", e["193-h2288"], e["193-s1510"]) == "Senate companion"
    assert relation_words("companion", e["193-s997"], e["193-h1401"]) == "House companion"
    assert relation_words("version_of", e["194-h5316"], e["194-s3072"]) == "Senate version"
    assert relation_words("version_of", e["194-h5316"], e["194-h5620"]) == "conference report"
    assert relation_words("version_of", e["194-h5620"], e["acts-2026-163"]) == "enacted as"
    assert relation_words("refiled_from", e["193-s997"], e["194-s1122"]) == "refiled as"
    draft = {**e["194-h5316"], "number": "H.5400", "title": "PROTECT Act (new draft)"}
    assert relation_words("version_of", e["194-h5316"], draft) == "new draft"
    assert relation_label("refiled as", "S.997", "S.1122") == "S.997 refiled as S.1122"
    assert relation_label("conference report", "H.5316", "H.5620") == "H.5620, conference report on H.5316"


def test_companions_are_not_framed_as_amendments(site):
    doc = page(site, COMPANIONS)
    main = doc.cssselect("main")[0]
    # the first thing after the title: the bodies are the same
    first = main.cssselect("article > *")[1]
    assert "identical" in first.get("class") and text(first).startswith("Identical in the body: 14 provisions compared")
    assert text(doc.cssselect(".kicker")[0]) == "Companion bills compared"
    assert text(doc.cssselect("h1")[0]) == "S.1510, Senate companion of H.2288"
    shown = text(main)
    assert "House bill: H.2288" in shown and "Senate companion: S.1510" in shown
    for framing in ("Old:", "New:", "(old)", "(new)", "Amended", "Struck from", "words struck"):
        assert framing not in shown, framing
    # S.997 and H.1401 differ in one provision and one insertion: said without amending words
    doc = page(site, "redlines/193-s997--193-h1401.html")
    shown = text(doc.cssselect("main")[0])
    assert "2 provisions differ; 17 the same. 1 word only in S.997, 38 only in H.1401." in shown
    assert [text(b) for b in doc.cssselect("table.view-sbs tr[data-change] .badge")] == ["Differs", "Only in H.1401"]
    assert "Amended" not in shown and not doc.cssselect(".identical")
    index = page(site, "index.html")
    rows = {text(r.cssselect("td")[0]): text(r.cssselect("td")[3]) for r in index.cssselect("#comparisons + table tbody tr")}
    assert rows["S.1510, Senate companion of H.2288"] == "Identical in the body"
    related = {r.get("id"): text(r.cssselect("td")[4]) for r in index.cssselect("tr[id^='i-']")}
    assert related["i-193-s1510"] == "Senate companion of H.2288; refiled as S.1681"
    assert related["i-194-h5620"] == "conference report on H.5316; conference report on S.3072; has version Chapter 163 of the Acts of 2026"
    assert related["i-194-s1122"] == "refiled from S.997; Senate companion of H.1588"


# -- 3. the matrix overview ---------------------------------------------------------

def test_overview_folds_instruments_without_text(site):
    doc = page(site, "matrix/index.html")
    heads = [text(t) for t in doc.xpath("//svg//text[@transform]")]
    assert heads == ["EO 650", "H.2288", "S.1510", "S.997", "H.1401"]  # the five texts in the corpus
    assert "No text" not in " ".join(text(t) for t in doc.xpath("//svg//a//text"))
    folded = doc.cssselect("details.matrix-folded")[0]
    assert text(folded.cssselect("summary")[0]).startswith("10 instruments without text in the corpus, not in the grid: S.1681, H.2580,")
    items = {text(li).split(" ", 1)[0]: text(li) for li in folded.cssselect("li")}
    assert "287(g) and similar agreements, prohibits (reported)" in items["S.1681"]
    assert "State facilities and property, restricts with conditions (reported)" in items["Boston"]
    # every grid text is at least 12 px at the SVG's own size (it is drawn 1:1 at 1280 px)
    sizes = {float(s) for s in doc.xpath("//svg[contains(@class,'matrix-grid')]//@font-size")}
    assert min(sizes) >= 12


# -- 7. line numbers on instrument pages --------------------------------------------

def printed_line_starts(path: Path) -> dict[int, str]:
    """Line number -> its first word, read from the printed text (margin number, words)."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d+) +(\S+)", line)
        if m:
            out[int(m.group(1))] = m.group(2)
    return out


def test_every_printed_line_is_an_anchor_at_its_first_word(site):
    html = (site / "instruments" / "193-h2288.html").read_text(encoding="utf-8")
    doc = lxml.html.fromstring(html)
    marks = doc.cssselect("a.ln")
    want = printed_line_starts(ROOT / "corpus" / "raw" / "193-h2288.txt")
    assert [int(a.get("id")[1:]) for a in marks] == sorted(want) == list(range(1, 98))
    for a in marks:
        assert a.get("href") == "#" + a.get("id") and "L" + a.text == a.get("id")
    # the page's text with each mark as ⟦n⟧: each is followed by its printed line's first word
    flat = re.sub(r'<a class="ln" id="L(\d+)"[^>]*>\d+</a>', r"⟦\1⟧", html)
    flat = " ".join(lxml.html.fromstring(flat).cssselect(".doc-text")[0].text_content().split())
    for n, word in want.items():
        after = flat.split(f"⟦{n}⟧", 1)[1].lstrip()
        if not after.startswith(word):  # a line that begins inside a defined term: the mark before its link
            mark = doc.get_element_by_id(f"L{n}")
            term = mark.getnext()
            assert not (mark.tail or "").strip() and term.get("class") == "term", (n, word, after[:30])
            assert f" {word}" in term.text_content(), (n, word, term.text_content())
    # line 89 (the voiding of existing agreements) begins "informal. Any agreements"
    assert doc.get_element_by_id("L89").tail.startswith("informal. Any agreements")
    # texts that print no line numbers get none: EO 650, the legislature's API records
    for other in ("eo-650", "193-s1510"):
        assert not lxml.html.fromstring((site / "instruments" / f"{other}.html").read_bytes()).cssselect("a.ln")


# -- 1. the memo table ------------------------------------------------------------------

@pytest.fixture(scope="module")
def memo287():
    from lawdiff.matrix.build import build_matrix
    from lawdiff.matrix.memo import memo
    return memo(build_matrix(Corpus.load(ROOT / "corpus"), topics=["287g"]), "287g")


def test_memo_groups_families_and_keeps_their_contrasts(memo287):
    from lawdiff.matrix.memo import cite_text
    assert [c["label"] for c in memo287["columns"]] == [
        "Who is bound", "New agreements", "Existing agreements", "Deadlines and sunsets", "Carve-outs"]
    rows = {r["family"]: r for r in memo287["rows"]}
    assert list(rows) == ["EO 650", "Safe Communities Act", "An Act relative to Massachusetts state sovereignty",
                          "PROTECT Act", "Boston executive order of 2026-02-05"]
    sca = rows["Safe Communities Act"]
    assert [m["label"] for m in sca["members"]] == ["H.2288", "S.1510", "S.1681", "H.2580"]
    # the companions say the same (one entry, both cited); the refiles only as reported
    (checked, reported) = sca["points"]["existing"]
    assert checked["instruments"] == ["H.2288", "S.1510"] and not checked["reported"]
    assert [cite_text(c) for c in checked["cites"]] == ["H.2288 SECTION 3, Section 40, lines 89–90",
                                                        "S.1510 SECTION 3, Section 40"]
    assert checked["cites"][0]["links"][0]["href"] == "../instruments/193-h2288.html#L89"
    assert reported["reported"] and reported["instruments"] == ["S.1681", "H.2580"] and not reported["cites"]
    assert [(e["text"], e["instruments"]) for e in sca["status"]] == [("Prohibits", ["H.2288", "S.1510"]),
                                                                      ("Prohibits", ["S.1681", "H.2580"])]
    # deadlines as numbers: EO 650's 12-month sunset, H.2288's 90 days, S.997's 90 days and 6 years
    deadlines = {r["family"]: r["points"].get("deadlines", [{}])[0].get("text", "") for r in memo287["rows"]}
    assert "12 months" in deadlines["EO 650"] and "90 days" in deadlines["Safe Communities Act"]
    assert "90 days" in deadlines["An Act relative to Massachusetts state sovereignty"] and "6 years" in \
        deadlines["An Act relative to Massachusetts state sovereignty"]
    # S.997 and H.1401 differ in one carve-out (H.1401's section 5Q(e)): two entries, not one
    carve = rows["An Act relative to Massachusetts state sovereignty"]["points"]["carve_outs"]
    assert [e["instruments"] for e in carve] == [["S.997"], ["H.1401"]]
    assert "5Q(e)" in carve[1]["text"] and "Section 5Q, (e)" in cite_text(carve[1]["cites"][1])
    # the same provision of two companions is cited once, each instrument linked
    bound = rows["An Act relative to Massachusetts state sovereignty"]["points"]["bound"][0]
    assert cite_text(bound["cites"][0]) == "S.997, H.1401 SECTION 1, Section 5P, (b)"


def test_every_memo_link_reaches_its_anchor(site, memo287):
    for row in memo287["rows"]:
        for entries in row["points"].values():
            for e in entries:
                for c in e["cites"]:
                    for link in c["links"]:
                        path, anchor = link["href"].removeprefix("../").split("#")
                        assert lxml.html.fromstring((site / path).read_bytes()).get_element_by_id(anchor) is not None, link


def test_topic_page_leads_with_the_memo_and_offers_it_to_paste(site):
    doc = page(site, "matrix/287g.html")
    main = doc.cssselect("main")[0]
    assert main.cssselect("table")[0].get("id") == "memo-287g"  # the first table on the page
    assert len(main.cssselect("#memo-287g tbody tr")) == 5
    assert "Shared language" not in text(main) and not main.cssselect("del, ins")
    # the instrument-by-instrument table is folded below it
    assert main.cssselect("details.instrument-detail #topic-287g-table")
    hrefs = [a.get("href") for a in main.cssselect("p.downloads a")]
    assert hrefs[:3] == ["287g-memo.docx", "287g-memo.md", "287g-memo.csv"]
    for name in hrefs[:3]:
        assert (site / "matrix" / name).stat().st_size > 500


def test_memo_markdown_is_one_gfm_table(site):
    import cmarkgfm
    from cmarkgfm.cmark import Options
    md = (site / "matrix" / "287g-memo.md").read_text(encoding="utf-8")
    rendered = lxml.html.fromstring("<div>" + cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE) + "</div>")
    (table,) = rendered.cssselect("table")
    assert [text(th) for th in table.cssselect("thead th")] == ["Instruments", "Status", "Who is bound", "New agreements",
                                                             "Existing agreements", "Deadlines and sunsets", "Carve-outs"]
    rows = table.cssselect("tbody tr")
    assert len(rows) == 5 and all(len(r.cssselect("td")) == 7 for r in rows)
    links = {a.get("href") for a in table.cssselect("a")}
    assert "https://malegislature.gov/Bills/193/H2288" in links
    assert "lines 89–90" in text(rows[1])


def test_memo_csv_and_word_table(site):
    import csv
    import io
    import zipfile

    from docx import Document
    data = (site / "matrix" / "287g-memo.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["family", "Instruments", "Status"] and rows[0][-1] == "sources"
    assert len(rows) == 6 and rows[2][0] == "Safe Communities Act"
    assert "All 287(g) agreements ended (reported: S.1681, H.2580)" in rows[2][5]
    word = site / "matrix" / "287g-memo.docx"
    doc = Document(str(word))
    (table,) = doc.tables
    assert len(table.rows) == 6 and len(table.columns) == 7
    assert table.cell(0, 4).text == "Existing agreements"
    assert table.cell(2, 4).text.startswith("Agreements in existence at passage that are inconsistent")
    assert "H.2288 SECTION 3, Section 40, lines 89–90" in table.cell(2, 4).text
    rels = zipfile.ZipFile(word).read("word/_rels/document.xml.rels").decode()
    assert "https://malegislature.gov/Bills/193/H2288" in rels and 'TargetMode="External"' in rels


def test_bad_points_are_one_line_errors(tmp_path):
    import shutil

    from lawdiff import LawdiffError
    from lawdiff.matrix.build import build_matrix
    eo = '[annotation.points.bound]\ntext = "Offices and agencies of the Executive Department"\n'
    cases = [
        (eo, eo.replace(".bound]", ".whom]"), "point 'whom' is not one of"),
        (eo + 'cite = ["sec_5"]\n', eo, "a checked point must cite its eids"),
        (eo + 'cite = ["sec_5"]\n', eo + 'cite = ["sec_55"]\n', "cites sec_55, which is not in"),
        ('lines = [85, 87]\n', 'lines = [80, 87]\n', "lines 80-87 are not within sec_3__qstr_1__sec_40"),
    ]
    for old, new, message in cases:
        root = tmp_path / f"c{cases.index((old, new, message))}"
        shutil.copytree(ROOT / "corpus", root)
        path = root / "annotations.toml"
        body = path.read_text(encoding="utf-8")
        assert old in body
        path.write_text(body.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(LawdiffError) as e:
            build_matrix(Corpus.load(root), topics=["287g"])
        assert message in str(e.value) and "\n" not in str(e.value)
