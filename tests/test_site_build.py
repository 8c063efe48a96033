"""The site build: reproducible, atomic, cached, relative links, accurate pages (no browser)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urldefrag

import lxml.html
import pytest
from click.testing import CliRunner

from lawdiff import Corpus, LawdiffError
import lawdiff.site.search
from lawdiff.cli import main
from lawdiff.site.search import shard_count, shard_of
from lawdiff.site.build import build_site
from helpers.site_corpus import IMG, SCRIPT, make_corpus

ROOT = Path(__file__).resolve().parents[1]
REDLINE_287G = "redlines/eo-650~sec_5--193-h2288~sec_3__qstr_1__sec_40.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "build"
    build_site(Corpus.load(ROOT / "corpus"), out, search=False, cache_dir=out.parent / "cache")
    return out


def page(site: Path, path: str):
    return lxml.html.fromstring((site / path).read_bytes())


def text(el) -> str:
    return " ".join(el.text_content().split())


def test_shipped_corpus_pages(site):
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    assert "index.html" in pages
    assert "instruments/193-h2288.html" in pages and "instruments/eo-650.html" in pages
    assert REDLINE_287G in pages  # the [[comparison]] listed in corpus/instruments.toml
    assert "matrix/index.html" in pages


def test_every_matrix_page_offers_its_csv_and_json(site, corpus):
    """The 287(g) page links its CSV and JSON, which hold that topic only and are what
    `lawdiff matrix --topic 287g` writes; the overview links the whole matrix's."""
    import csv
    import io
    import json

    from lawdiff.matrix.build import build_matrix
    from lawdiff.render.matrix_tables import to_csv

    topic = page(site, "matrix/287g.html")
    assert sorted(topic.xpath("//p[@class='downloads']/a/@href")) == [
        "287g-memo.csv", "287g-memo.docx", "287g-memo.md", "287g.csv", "287g.json"]
    rows = list(csv.DictReader(io.StringIO((site / "matrix" / "287g.csv").read_text(encoding="utf-8-sig"))))
    assert {r["topic"] for r in rows} == {"287g"} and "H.2288" in {r["instrument_label"] for r in rows}
    data = json.loads((site / "matrix" / "287g.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["topics"]] == ["287g"]
    expected = build_matrix(corpus, ["287g"])
    assert data == json.loads(json.dumps(expected))
    assert (site / "matrix" / "287g.csv").read_bytes() == to_csv(expected).encode("utf-8")  # CRLF rows kept
    overview = page(site, "matrix/index.html")
    assert sorted(overview.xpath("//p[@class='downloads']/a/@href")) == ["matrix.csv", "matrix.json"]
    whole = json.loads((site / "matrix" / "matrix.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in whole["topics"]] == [t["id"] for t in build_matrix(corpus)["topics"]]


def test_different_instruments_stand_side_by_side(site, eo650, h2288):
    """EO 650 and H.2288 are different instruments: their [[comparison]] is no redline but the
    provisions of the matrix's 287(g) cells, EO 650 Sections 5 and 6 and H.2288 Section 40, in
    two columns under neutral names, phrases both use highlighted, nothing called amended."""
    doc = page(site, REDLINE_287G)
    assert [text(h) for h in doc.cssselect(".parallel-side h2")] == ["EO 650", "H.2288"]
    cites = [[text(c) for c in side.cssselect(".parallel-cite")] for side in doc.cssselect(".parallel-side")]
    assert cites == [["EO 650 Section 5", "EO 650 Section 6"], ["H.2288 SECTION 3, Section 40, lines 85–97"]]
    texts = [[text(t) for t in side.cssselect(".parallel-text")] for side in doc.cssselect(".parallel-side")]
    nodes = [[eo650.tree.find("sec_5"), eo650.tree.find("sec_6")], [h2288.tree.find("sec_3__qstr_1__sec_40")]]
    assert texts == [[" ".join(p for p in (n.num, n.heading, n.text) if p) for n in side] for side in nodes]
    eo_marks, bill_marks = ([text(m) for m in side.cssselect("mark")] for side in doc.cssselect(".parallel-side"))
    # EO 650 Section 6: "regulation or policy"; H.2288 Section 40: "regulation, or policy"
    assert "regulation or policy" in eo_marks and "regulation, or policy" in bill_marks
    words = text(doc.cssselect("main")[0]).lower()
    for word in ("amended", "struck", "inserted", "renumbered", "words in common"):
        assert word not in words, word
    index = page(site, "index.html")
    [row] = [tr for tr in index.cssselect("tr") if tr.cssselect(f"a[href='{REDLINE_287G}']")]
    assert "Side by side: different instruments" in text(row)


def test_side_by_side_shows_what_the_matrix_locates(tmp_path):
    """Without annotations the matrix still locates EO 650 Section 5 (it names 287(g)
    agreements) and Section 6 (the qualifier that binds every section), and H.2288's
    Section 40: the side-by-side page shows those, not only the two provisions the
    [[comparison]] names."""
    root = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", root)
    (root / "annotations.toml").unlink()
    out = tmp_path / "build"
    build_site(Corpus.load(root), out, search=False, cache_dir=tmp_path / "cache")
    doc = page(out, REDLINE_287G)
    cites = [[text(c) for c in side.cssselect(".parallel-cite")] for side in doc.cssselect(".parallel-side")]
    assert cites == [["EO 650 Section 5", "EO 650 Section 6"], ["H.2288 SECTION 3, Section 40, lines 85–97"]]
    [note] = doc.cssselect(".parallel-note")
    assert "the provisions each has on 287(g) and similar agreements" in text(note)  # the topic both treat


def test_every_internal_link_resolves(site):
    ids: dict[Path, set] = {}

    def anchors(path: Path) -> set:
        if path not in ids:
            ids[path] = set(page(site, str(path.relative_to(site))).xpath("//@id"))
        return ids[path]

    checked = 0
    for html in site.rglob("*.html"):
        doc = page(site, str(html.relative_to(site)))
        for attr in doc.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            if re.match(r"^[a-z]+:", attr):  # http(s):, data:, mailto:
                assert not attr.startswith(("http://127", "http://localhost", "file:")), attr
                continue
            assert not attr.startswith("/"), f"{html}: absolute link {attr}"
            target, fragment = urldefrag(attr)
            dest = (html.parent / unquote(target)).resolve() if target else html
            assert dest.is_file(), f"{html.relative_to(site)}: {attr} points nowhere"
            if fragment and dest.suffix == ".html":
                assert unquote(fragment) in anchors(dest), f"{html.relative_to(site)}: no #{fragment} in {dest.name}"
            checked += 1
    assert checked > 100


def test_instrument_page_structure_and_citations(site, h2288):
    doc = page(site, "instruments/193-h2288.html")
    for node in h2288.tree.walk():
        if node.eid:
            assert doc.get_element_by_id(node.eid) is not None, node.eid
    # SECTION 3's Section 40 is printed on lines 85-97 of H.2288; SECTION 1 on line 1.
    sec40 = doc.get_element_by_id("sec_3__qstr_1__sec_40")
    assert text(sec40.cssselect(".cite")[0]).startswith("lines 85–97")
    assert text(doc.get_element_by_id("sec_1").cssselect(".cite")[0]).startswith("line 1")
    assert "does not" not in text(sec40)
    assert "Section 40." in text(sec40) and "null and void" in text(sec40)
    toc = [a.get("href") for a in doc.cssselect("nav.toc a")]
    assert "#sec_2__qstr_1__sec_63__subsec_c" in toc
    assert "193rd General Court" in text(doc.cssselect(".kicker")[0])  # H.2288 is of the 193rd
    prov = text(doc.cssselect(".provenance")[0])
    assert "Derived from the official text; not an official copy." in prov
    assert "05580d1f91c4166d02cd1735b6ba70cc6603d8f3aec58d5d9ec5ce0a9631a457" in prov
    assert "https://malegislature.gov/Bills/193/H2288" in prov


def test_glossary_links_uses_inside_the_definitions_scope(site):
    doc = page(site, "instruments/193-h2288.html")
    defn = "sec_2__qstr_1__sec_63__subsec_a__defn_law-enforcement-agency"
    # (b) uses "law enforcement agencies" (plural) in its heading's subsection text
    sub_b = doc.get_element_by_id("sec_2__qstr_1__sec_63__subsec_b")
    assert f"#{defn}" in [a.get("href") for a in sub_b.cssselect("a.term")]
    # Section 63's definitions apply "in this section": none link from SECTION 3's Section 40
    assert doc.get_element_by_id("sec_3__qstr_1__sec_40").cssselect("a.term") == []
    glossary = [a.get("href") for a in doc.cssselect(".glossary dt a")]
    assert glossary == [f"#{defn}", "#sec_2__qstr_1__sec_63__subsec_a__defn_immigration-enforcement",
                        "#sec_2__qstr_1__sec_63__subsec_a__defn_united-states-department-of-homeland-security"]
    eo = page(site, "instruments/eo-650.html")
    # EO 650's definitions apply to the whole Order: Section 2 uses "civil arrests" and "state facilities"
    hrefs = [a.get("href") for a in eo.get_element_by_id("sec_2").cssselect("a.term")]
    assert "#sec_1__defn_civil-arrest" in hrefs and "#sec_1__defn_state-facility" in hrefs


def test_redline_columns_rebuild_both_texts_exactly(eo650, h2288):
    """Asked for (lawdiff diff eo-650#sec_5 193-h2288#...), the word redline of two provisions
    still rebuilds both texts from its columns."""
    from lawdiff.diff.changes import compare
    from lawdiff.render.redline_html import render_redline

    doc = lxml.html.fromstring(render_redline(compare((eo650, "sec_5"), (h2288, "sec_3__qstr_1__sec_40")), root="../"))
    row = doc.cssselect("table.view-sbs tbody tr[data-change]")
    assert len(row) == 1
    old_cell, new_cell = row[0].cssselect("td .cell-text")
    old_node, new_node = eo650.tree.find("sec_5"), h2288.tree.find("sec_3__qstr_1__sec_40")
    assert text(old_cell) == " ".join([old_node.num, old_node.heading, old_node.text])
    assert text(new_cell) == " ".join([new_node.num, new_node.text])
    # struck words are in <del> only in the old column, new words in <ins> only in the new one
    assert old_cell.cssselect("ins") == [] and new_cell.cssselect("del") == []
    assert "Executive Department shall execute any new agreement" in " ".join(text(d) for d in old_cell.cssselect("del"))
    assert "within 90 days" in " ".join(text(i) for i in new_cell.cssselect("ins"))
    legend = text(doc.cssselect("thead .legend-box")[0])
    assert "deleted words" in legend and "inserted words" in legend
    assert "1 of 1" in text(doc.cssselect(".navigator")[0])  # the counter reads "1 of N" from the start
    # one word is "1 word": the counts read as a person writes them
    meta = text(doc.cssselect(".redline-meta")[0])
    assert "1 change," in meta and "1 changes" not in meta


def test_hostile_text_is_escaped(tmp_path):
    corpus = make_corpus(tmp_path)
    out = tmp_path / "build"
    build_site(Corpus.load(corpus), out, search=False, cache_dir=tmp_path / "cache")
    for html in out.rglob("*.html"):
        raw = html.read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "<img src=x" not in raw and "<b>test" not in raw, html
    inst = page(out, "instruments/xss-h2288.html")
    assert SCRIPT in text(inst.get_element_by_id("sec_2__qstr_1__sec_63__subsec_b"))
    assert IMG in text(inst.get_element_by_id("sec_2__qstr_1__sec_63__subsec_b"))
    red = page(out, "redlines/193-h2288--xss-h2288.html")
    inserted = [text(i) for i in red.cssselect("table.view-sbs tbody ins")]
    assert f"{SCRIPT} {IMG}" in inserted and "6" in inserted and "60" in inserted
    assert [text(d) for d in red.cssselect("table.view-sbs tbody del")] == ["12", "90"]
    # printed lines of the edits, as in corpus/raw/193-h2288.txt: the hostile text goes in
    # after "crimes," on line 22, "12 months" is on line 73, "within 90" ends line 91
    heads = [text(h) for h in red.cssselect("table.view-sbs tbody tr[data-change] .cell-head")]
    assert heads == ["Section 63(b) lines 19–24 Amended", "Section 63(b) lines 19–24 (changed on line 22)",
                     "Section 63(f) lines 71–82 (changed on line 73) Amended", "Section 63(f) lines 71–82 (changed on line 73)",
                     "Section 40 lines 85–97 (changed on line 91) Amended", "Section 40 lines 85–97 (changed on line 91)"]


def test_a_redline_page_offers_its_word_file_and_change_model(tmp_path):
    """Built with the site and linked from the page: the Word redline (accept all gives the
    edited bill, reject all the original) and the JSON change model, what `lawdiff diff`
    writes for the same two texts."""
    from helpers.docx_revisions import paragraphs

    from lawdiff import load_document
    from lawdiff.diff.changes import compare
    from lawdiff.render.docx import FRONT_MATTER_PARAGRAPHS

    corpus = Corpus.load(make_corpus(tmp_path))
    out = tmp_path / "build"
    build_site(corpus, out, search=False, cache_dir=tmp_path / "cache")
    slug = "193-h2288--xss-h2288"
    red = page(out, f"redlines/{slug}.html")
    assert red.xpath("//p[contains(@class, 'downloads')]/a/@href") == [f"{slug}.docx", f"{slug}.pdf", f"{slug}.json"]
    old, new = (load_document(i, corpus) for i in ("193-h2288", "xss-h2288"))
    model = json.loads((out / "redlines" / f"{slug}.json").read_text(encoding="utf-8"))
    expected = json.loads(json.dumps(compare(old, new)))
    for side, path in (("old", "raw/193-h2288.txt"), ("new", "raw/xss-h2288.txt")):
        assert model[side].pop("source") == path  # as the manifest names it: no path of the build machine
        expected[side].pop("source")
    assert model == expected
    data = (out / "redlines" / f"{slug}.docx").read_bytes()

    def texts(doc):
        return [" ".join(p for p in (n.num, n.heading, n.text) if p) for n in doc.tree.walk() if n.num or n.heading or n.text]
    assert paragraphs(data, accept=True)[FRONT_MATTER_PARAGRAPHS:-1] == texts(new)
    assert paragraphs(data, accept=False)[FRONT_MATTER_PARAGRAPHS:-1] == texts(old)
    # two instruments side by side have no redline to download
    assert not page(out, f"redlines/{REDLINE_287G.split('/')[1]}").xpath("//p[contains(@class, 'downloads')]")


def test_builds_are_byte_identical_and_cached(tmp_path):
    corpus = Corpus.load(make_corpus(tmp_path))
    a = build_site(corpus, tmp_path / "a", cache_dir=tmp_path / "cache-a")
    b = build_site(corpus, tmp_path / "b", cache_dir=tmp_path / "cache-b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) > 10
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    # 3 instruments, 2 redlines (one side by side), the Word file, PDF and JSON of the other, the index,
    # and the citator's pages and downloads (the bills amend G.L. c. 147 § 63 and c. 126)
    citator = len(list((tmp_path / "a" / "citator").iterdir()))
    assert citator >= 5
    assert a.rendered == b.rendered == a.pages == 9 + citator
    again = build_site(corpus, tmp_path / "a", cache_dir=tmp_path / "cache-a")
    assert (again.rendered, again.cached) == (1 + citator, 8)  # the index and citator, which every build writes
    # one document changed: its page and the redline that reads it, nothing else
    raw = corpus.root / "raw" / "eo-650.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("Section 7.", "Section 7. ", 1) + "\n", encoding="utf-8")
    heard = []
    changed = build_site(Corpus.load(corpus.root), tmp_path / "a", cache_dir=tmp_path / "cache-a",
                         progress=lambda done, total: heard.append((done, total)))
    assert (changed.rendered, changed.cached) == (3 + citator, 6)
    # the two pages that read eo-650 (the index is written after): progress hears of each
    assert heard == [(1, 2), (2, 2)]


def test_each_raw_file_is_read_once_and_hashed_twice(tmp_path, monkeypatch):
    """A build (one process) reads each raw file through the reader once: the matrix and the
    redlines use the documents the pages were rendered from.  Its sha256 is computed twice:
    once to plan (the cache keys), once on the bytes that are parsed (they must be those)."""
    import collections
    import hashlib

    import lawdiff.load.documents
    import lawdiff.site.build

    corpus = Corpus.load(ROOT / "corpus")
    raws = {hashlib.sha256(corpus.raw_path(e).read_bytes()).hexdigest(): e["id"] for e in corpus.with_text()}
    read, sha256 = lawdiff.load.documents.read, hashlib.sha256
    reads, hashes = collections.Counter(), collections.Counter()

    def counting_read(data, source):
        reads[raws.get(sha256(data).hexdigest())] += 1
        return read(data, source)

    def counting_sha256(data=b""):
        hashes[raws.get(sha256(data).hexdigest())] += 1
        return sha256(data)

    monkeypatch.setattr(lawdiff.site.build, "_parsed", {})  # not the documents earlier tests parsed
    monkeypatch.setattr(lawdiff.site.build, "_models", {})
    monkeypatch.setattr(lawdiff.load.documents, "read", counting_read)
    monkeypatch.setattr(hashlib, "sha256", counting_sha256)
    report = build_site(corpus, tmp_path / "site", jobs=1, search=False, cache_dir=tmp_path / "cache")
    assert report.rendered == report.pages and (tmp_path / "site" / "matrix" / "index.html").exists()
    assert {i: reads[i] for i in raws.values()} == {i: 1 for i in raws.values()}
    assert {i: hashes[i] for i in raws.values()} == {i: 2 for i in raws.values()}


def test_failed_build_leaves_previous_site(tmp_path):
    corpus_dir = make_corpus(tmp_path)
    out = tmp_path / "build"
    build_site(Corpus.load(corpus_dir), out, search=False, cache_dir=tmp_path / "cache")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    manifest = corpus_dir / "instruments.toml"
    manifest.write_text(manifest.read_text().replace('new = "193-h2288#sec_3__qstr_1__sec_40"', 'new = "193-h2288#sec_99"'))
    for jobs in (1, 2):  # in this process, and in worker processes (an empty cache: every page renders)
        with pytest.raises(LawdiffError, match="sec_99"):
            build_site(Corpus.load(corpus_dir), out, search=False, jobs=jobs, cache_dir=tmp_path / f"cache{jobs}")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build")] == []


def test_cli_build_and_bad_input(tmp_path, monkeypatch):
    corpus_dir = make_corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--no-search"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "index.html").is_file()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(main, ["build", "--out", "mine"])
    assert result.exit_code == 2 and "not a lawdiff build" in result.output
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    manifest = corpus_dir / "instruments.toml"
    manifest.write_text(manifest.read_text().replace('old = "eo-650#sec_5"', 'old = "nope#sec_5"'))
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "no instrument nope" in result.output


def test_moves_and_renumbering_link_both_places():
    """The refile edits of tests/h2288_edits: “Immigration enforcement” (lines 12-14) moved
    before “Law enforcement agency”; a new SECTION 3 makes the old one SECTION 4."""
    from helpers.h2288_edits import bill, printed_lines
    from test_changes import definition_moved, section_inserted

    from lawdiff.diff.changes import compare
    from lawdiff.render.redline_html import render_redline

    _, body = printed_lines()
    model = compare(bill(body, "h2288"), bill(section_inserted(definition_moved(body))))
    html = render_redline(model)  # standalone: CSS and script inlined, no links out of the page
    doc = lxml.html.fromstring(html)
    assert doc.cssselect("link[rel=stylesheet]") == [] and doc.cssselect("style")
    ids = set(doc.xpath("//@id"))
    for href in doc.xpath("//a/@href"):
        assert href.startswith("#") and href[1:] in ids, href
    for view in ("sbs", "inline"):
        [moved] = [r for r in doc.cssselect(f"table.view-{view} tbody tr[data-change]")
                   if "Moved" in [text(b) for b in r.cssselect(".badge")]]
        assert "“Immigration enforcement”" in text(moved)
        stub = doc.get_element_by_id(f"was-{view}-{moved.get('id').split('-')[-1]}")
        assert f"#{moved.get('id')}" in stub.xpath(".//a/@href")
        assert f"#{stub.get('id')}" in moved.xpath(".//a/@href")
        # the stub stands where the definition stood: right after subsection (a)'s own row
        before = stub.getprevious()
        assert "Section 63(a)" in text(before.cssselect(".cell-head")[0])
    inline = doc.cssselect("table.view-inline tbody tr[data-change]")
    renumbered = [r for r in inline if [text(d) for d in r.cssselect(".num del")] == ["SECTION 3."]]
    assert len(renumbered) == 1 and [text(i) for i in renumbered[0].cssselect(".num ins")] == ["SECTION 4."]
    assert "Renumbered" in [text(b) for b in renumbered[0].cssselect(".badge")]
    inserted = [r for r in inline if "Inserted" in [text(b) for b in r.cssselect(".badge")]]
    assert [text(i) for r in inserted for i in r.cssselect(".cell-text ins")] == [
        "Section 18 of chapter 6 of the General Laws is hereby repealed."]


def test_serve_previews_the_site_on_loopback(site):
    import threading
    import urllib.request

    from lawdiff.site.serve import make_server

    server = make_server(site, 0)
    assert server.server_address[0] == "127.0.0.1"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{REDLINE_287G.replace('~', '%7E')}"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert b"287(g) agreements" in response.read()
    finally:
        server.shutdown()
        server.server_close()


def test_search_index_rebuilds_only_the_changed_shard(tmp_path, monkeypatch):
    monkeypatch.setattr(lawdiff.site.search, "shard_count", lambda documents: 16)
    # instrument pages by document id, a redline page by its old document's
    shards = {i: shard_of(i, 16) for i in ("193-h2288", "eo-650", "xss-h2288")}
    assert sorted(shards.values()) == [5, 13, 15]  # the primary bundle is shard 5's
    corpus = Corpus.load(make_corpus(tmp_path))
    out, cache = tmp_path / "site", tmp_path / "cache"
    first = build_site(corpus, out, cache_dir=cache)
    assert first.search and (first.search_shards, first.search_built) == (3, 3)
    entries = [out / "pagefind" / "pagefind-entry.json"] + [
        out / "pagefind" / f"shard-{n:02d}" / "pagefind-entry.json" for n in (13, 15)]
    # H.2288 with the redline of its edited version; EO 650 with EO 650 Section 5 against H.2288
    assert [json.loads(e.read_text())["languages"]["en"]["page_count"] for e in entries] == [2, 2, 1]
    assert '["pagefind/shard-13/", "pagefind/shard-15/"]' in (out / "index.html").read_text()
    before = {p: p.read_bytes() for p in (out / "pagefind").rglob("*") if p.is_file()}
    other = build_site(corpus, tmp_path / "other", cache_dir=tmp_path / "cache-other")  # reproducible
    assert {p.relative_to(out): b for p, b in before.items()} == {
        p.relative_to(other.out_dir): p.read_bytes() for p in (other.out_dir / "pagefind").rglob("*") if p.is_file()}
    assert (build_site(corpus, out, cache_dir=cache).search_built) == 0
    raw = corpus.root / "raw" / "eo-650.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("civil arrests", "civil arrests and detentions", 1), encoding="utf-8")
    changed = build_site(Corpus.load(corpus.root), out, cache_dir=cache)
    assert (changed.search_shards, changed.search_built) == (3, 1)  # EO 650 and its comparison: shard 13
    after = {p: p.read_bytes() for p in (out / "pagefind").rglob("*") if p.is_file()}
    differ = {p.relative_to(out).parts[1] for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    assert differ == {"shard-13"}


def test_shard_count_steps_by_powers_of_two():
    assert [shard_count(n) for n in (0, 2, 127, 128, 255, 256, 1000, 2048, 10**6)] == [1, 1, 1, 2, 2, 4, 8, 16, 16]


def test_every_page_carries_the_site_header(site):
    for path in ("matrix/index.html", "matrix/287g.html", "instruments/eo-650.html", REDLINE_287G, "index.html"):
        doc = page(site, path)
        up = "../" * path.count("/")
        assert doc.xpath("//header[@class='site-header']/a[@class='brand']/@href") == [f"{up}index.html"], path
        nav = doc.xpath("//header//nav//a/@href")
        assert nav == [f"{up}index.html#instruments", f"{up}index.html#comparisons", f"{up}matrix/index.html"], path
        assert doc.xpath("//link[@rel='stylesheet']/@href") == [f"{up}static/site.css"], path
    for path in ("matrix/index.html", "matrix/287g.html"):
        assert page(site, path).xpath("//main[@id='main']//svg | //main[@id='main']//table"), path
    # the standalone page (lawdiff matrix --format html) links nowhere inside a site
    from lawdiff.matrix.build import build_matrix
    from lawdiff.render.matrix_html import render_standalone
    alone = lxml.html.fromstring(render_standalone(build_matrix(Corpus.load(ROOT / "corpus"))))
    assert not alone.xpath("//header[@class='site-header']")
    assert not [h for h in alone.xpath("//@href") if h.startswith("../")]
