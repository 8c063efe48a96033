"""The site of an imported session: each text's page shows its version graph as steps, each
step with text on both sides redlined (the family of H.4241, read from ../shared in place)."""

from __future__ import annotations

import re
from pathlib import Path

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


# -- the session's index, filters and topics (issue 21 item 5) ---------------------------------

import json  # noqa: E402
import shutil  # noqa: E402

import pytest  # noqa: E402

from helpers import ROOT  # noqa: E402
from lawdiff.load.manifest import Corpus  # noqa: E402
from lawdiff.site import session_index  # noqa: E402
from lawdiff.site.build import build_site  # noqa: E402

SITE_NAMES = NAMES + ["H2288", "S1510", "H49"]
MAX_PAGE = 500 * 1024

# My own note on H.2288's 287(g) section, in the layout of corpus/annotations.toml.
ANNOTATION = '''[[annotation]]
topic = "287g"
instrument = "193-h2288"
status = "prohibits"
summary = "Bars state and local officers from acting as federal immigration officers under such an agreement."
basis = "checked"
cite = ["sec_3__qstr_1__sec_40"]
'''


@pytest.fixture(scope="module")
def session_site(tmp_path_factory):
    """The family of H.4241 with H.2288, S.1510 and the scan H.49, imported as a session, with the
    shipped topics and one curated note; built with three documents a page so that it pages."""
    base = tmp_path_factory.mktemp("session-site")
    root = base / "corpus-193"
    import_session(root, FolderSource(SESSION, 193, only=SITE_NAMES), 193, years=[], today="2026-12-07")
    shutil.copy(ROOT / "corpus" / "topics.toml", root / "topics.toml")
    (root / "annotations.toml").write_text(ANNOTATION, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(session_index, "PAGE_SIZE", 3)
        build_site(Corpus.load(root), base / "site", jobs=1, search=False, pdf=False)
    return base / "site"


def listing(site):
    text = (site / "documents" / "listing.js").read_text(encoding="utf-8")
    assert text.startswith("window.lawdiffListing = ") and text.endswith(";\n")
    return json.loads(text[len("window.lawdiffListing = "):-2])


def test_the_index_pages_the_session(session_site):
    index = (session_site / "index.html").read_text(encoding="utf-8")
    assert 'href="documents/index.html"' in index
    assert 'id="i-193-h4241"' not in index  # the documents are on their own pages, not all on the index
    # 9 entries (8 documents and Chapter 118), 3 a page
    data = listing(session_site)
    ids = [r[0] for r in data["rows"]]
    pages = sorted(p.name for p in (session_site / "documents").glob("*.html"))
    assert pages == ["index.html"] + [f"page-{n}.html" for n in range(2, -(-len(ids) // 3) + 1)]
    # House in numeric order (H.49 before H.2288), then the Senate, then the Acts
    assert ids[:5] == ["193-h49", "193-h2288", "193-h4115", "193-h4241", "193-h4744"]
    assert ids[5:8] == ["193-s1510", "193-s2703", "193-s2710"] and ids[8] == "acts-2024-118"
    seen = []
    for n, name in enumerate(pages, 1):
        page = (session_site / "documents" / name).read_text(encoding="utf-8")
        seen += re.findall(r'<tr id="i-([^"]+)"', page)
        assert f'<strong aria-current="page">{n}</strong>' in page  # the pager marks where one is
        for other in pages:  # and links every other page, without JavaScript
            assert (f'href="{other}"' in page) == (other != name)
    assert seen == ids  # every document once, in the listing's order


def test_the_listing_carries_the_filters(session_site):
    data = listing(session_site)
    rows = {r[0]: dict(zip(data["fields"], r)) for r in data["rows"]}
    values = data["values"]

    def value(id_, field):
        return values[field][rows[id_][field]] if rows[id_][field] >= 0 else ""

    # read from the records and histories: H.4744 is the conference report signed as Chapter 118
    assert value("193-h4744", "status") == "Enacted" and value("193-h4744", "chamber") == "House"
    assert value("193-h4744", "type") == "Bill" and value("193-h4744", "committee") == "H52"
    assert "Francisco E. Paulino" in [values["sponsor"][i] for i in rows["193-h4744"]["sponsors"]]
    assert value("193-s2710", "chamber") == "Senate"
    # H.4241's last action is "Reported by H4744": the conference report took its place
    assert value("193-h4241", "status") == "Replaced by a later text"
    assert value("acts-2024-118", "chamber") == "Acts" and value("acts-2024-118", "status") == "Enacted"
    assert rows["193-h49"]["has_text"] == 0 and rows["193-h2288"]["has_text"] == 1
    assert rows["193-s2710"]["page"] == 3  # the 8th document, 3 a page
    page = (session_site / "documents" / "index.html").read_text(encoding="utf-8")
    for field in ("type", "committee", "status", "chamber", "sponsor", "sort"):
        assert f'name="{field}"' in page


def test_no_page_is_over_500_kb(session_site):
    pages = list(session_site.rglob("*.html")) + list(session_site.rglob("*.js"))
    assert len(pages) > 30
    assert max(p.stat().st_size for p in pages) <= MAX_PAGE


def test_a_topic_page_lists_a_session_document_at_its_provision(session_site):
    page = (session_site / "topics" / "287g.html").read_text(encoding="utf-8")
    # H.2288 proposed G.L. c. 126 § 40 (SECTION 3) bars performing an immigration officer's functions
    documents = page[page.index('id="documents"'):]
    assert '<a href="../instruments/193-h2288.html#sec_3__qstr_1__sec_40">' in documents
    assert '<a href="../instruments/193-s1510.html#sec_3__qstr_1__sec_40">' in documents
    assert "193-h4241" not in page  # the abuse-and-exploitation bill does not name 287(g)
    curated = page[page.index('id="curated"'):page.index('id="documents"')]
    assert "H.2288" in curated and "Prohibits" in curated and "S.1510" not in curated
    assert 'href="../matrix/287g.html"' in curated  # the curated instruments' matrix, beside
    assert (session_site / "matrix" / "287g.html").is_file()


def test_a_long_text_is_cut_into_parts_between_provisions():
    """H.4744 (the conference report, about 90 KB of page) cut at 20 KB: every provision on exactly
    one part, every link to a provision reaching the part that holds it, each part whole HTML."""
    from html.parser import HTMLParser

    from lawdiff.load.documents import load_document
    from lawdiff.render.instrument_html import render_instrument
    from lawdiff.site.instrument_parts import split

    corpus_root = ROOT.parent / "shared" / "sources" / "sessions" / "193"
    assert corpus_root.is_dir()
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        import_session(root, FolderSource(SESSION, 193, only=["H4744"]), 193, years=[], today="2026-12-07")
        doc = load_document("193-h4744", Corpus.load(root))
    whole = render_instrument(doc, root="../")
    assert "<!--lp" not in whole  # the marks are only for the site's cutter
    parts = split(render_instrument(doc, root="../", marks=True), "193-h4744", limit=20_000)
    assert len(parts) >= 4 and split(whole, "193-h4744") == [whole]  # under the limit: one page, as rendered
    eids = [n.eid for n in doc.tree.walk() if n.eid]
    ids = [re.findall(r' id="([^"]+)"', p) for p in parts]
    for eid in eids:
        assert sum(i.count(eid) for i in ids) == 1, eid
    where = {i: n for n, found in enumerate(ids, 1) for i in found if i in set(eids)}

    class Nesting(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open, self.wrong = [], 0

        def handle_starttag(self, tag, attrs):
            if tag in ("section", "div", "article", "main", "nav"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            if tag in ("section", "div", "article", "main", "nav"):
                self.wrong += not self.open or self.open.pop() != tag

    for n, page in enumerate(parts, 1):
        assert len(page.encode()) <= 20_000 + 8_000  # a part may pass the limit by its pager and one provision
        checker = Nesting()
        checker.feed(page)
        assert checker.wrong == 0 and checker.open == []
        assert f'<strong aria-current="page">{n}</strong>' in page
        for target, eid in re.findall(r'href="([^"#]*)#(?:h-)?([^"]+)"', page):
            if eid in where:
                expected = "" if where[eid] == n else ("193-h4744.html" if where[eid] == 1 else f"193-h4744-{where[eid]}.html")
                assert target == expected, (n, eid, target)
    # a link from another page to a provision of a later part is sent there
    later = next(e for e in eids if where.get(e, 1) > 1 and "__" not in e)
    assert f'"{later}":{where[later]}' in parts[0]


def test_a_long_redline_is_cut_into_parts_that_keep_every_change(tmp_path):
    """H.4241 → H.4744 (the conference report) cut at 60 KB: every row of the change model on
    exactly one part, numbered as on the whole page, the parts linked to each other."""
    from lawdiff.diff.changes import compare
    from lawdiff.load.documents import load_document
    from lawdiff.render.redline_html import render_redline
    from lawdiff.site.redline_parts import render_parts

    root = tmp_path / "corpus"
    import_session(root, FolderSource(SESSION, 193, only=["H4241", "H4744"]), 193, years=[], today="2026-12-07")
    corpus = Corpus.load(root)
    old, new = load_document("193-h4241", corpus), load_document("193-h4744", corpus)
    model = compare(old, new)

    def render(m, part):
        return render_redline(m, root="../", docs=(old, new), part=part)

    whole = render(model, None)
    slug = "193-h4241--193-h4744"
    assert render_parts(model, slug, render, limit=len(whole.encode())) == [whole]
    parts = render_parts(model, slug, render, limit=60_000)
    assert len(parts) >= 3
    rows = [re.findall(r'id="sbs-(\d+)"', p) for p in parts]
    assert [int(i) for found in rows for i in found] == list(range(len(model["changes"])))  # each once, in order
    numbers = [int(n) for p in parts for n in re.findall(r'data-change-link="(\d+)"', p)]
    changed = sum(c["kind"] != "equal" for c in model["changes"])
    assert numbers == list(range(1, changed + 1))  # the summary's numbers run on across the parts
    assert re.findall(r'data-change-link="(\d+)"', whole) == [str(n) for n in numbers]
    for n, page in enumerate(parts, 1):
        pager = re.search(r'<nav class="pager parts".*?</nav>', page, re.S).group(0)
        assert f"part {n} of {len(parts)}" in pager and f'<strong aria-current="page">{n}</strong>' in pager
        assert ('href="193-h4241--193-h4744.html"' in pager) == (n != 1)
        assert f"of {changed}" in pager


def test_a_redline_that_cannot_be_a_word_file_is_published_without_one(tmp_path, monkeypatch):
    """S.160 -> S.2673 once had a change model that left out an old provision (a quotation whose
    words were paired with a wordless one), so no Word redline could be exact, and it stopped
    the whole session's build.  Its model is whole now and its Word file published; should a
    model ever leave a provision out again, the build goes on, publishes the page and its JSON
    without a Word file, and says so in one line."""
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(SESSION, 193, only=["S160", "S2673"]), 193, years=[], today="2026-12-07")
    slug = "193-s160--193-s2673"
    site = tmp_path / "site"
    out = lawdiff(root, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1")
    assert out.returncode == 0, out.stderr
    assert (site / "redlines" / f"{slug}.docx").is_file() and "no Word redline" not in out.stderr

    from lawdiff.site import build as site_build
    why = "S.160 → S.2673: the change model leaves out old provision(s) number 2 in document order"
    monkeypatch.setattr(site_build, "_no_docx", lambda model: why)
    again = tmp_path / "again"
    report = build_site(Corpus.load(root), again, jobs=1, search=False, pdf=False, cache_dir=tmp_path / "cache")
    page = (again / "redlines" / f"{slug}.html").read_text(encoding="utf-8")
    assert (again / "redlines" / f"{slug}.json").is_file() and f'href="{slug}.json"' in page
    assert not (again / "redlines" / f"{slug}.docx").exists() and f"{slug}.docx" not in page
    assert [p for p in report.problems if "leaves out" in str(p)], report.problems


def test_a_bad_topics_file_stops_a_session_build_in_one_line(tmp_path):
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(SESSION, 193, only=["H2288"]), 193, years=[], today="2026-12-07")
    site = tmp_path / "site"
    assert lawdiff(root, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1").returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (root / "topics.toml").write_text('[[topic]]\nid = "x"\nlabel = "X"\nregex = ["(unclosed"]\n', encoding="utf-8")
    out = lawdiff(root, "build", "--out", str(site), "--no-search", "--no-pdf", "--jobs", "1")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "topics.toml" in out.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before  # the previous site stands


def test_a_bill_enacted_by_the_house_and_not_yet_signed_is_not_law():
    """The index's status and the citator's agree: "Enacted and laid before the Governor" is a
    step a veto can still stop; a signature (or a chapter, or a veto overridden) makes it law."""
    from lawdiff.site.citator_pages import state

    laid = "House: Enacted and laid before the Governor"
    signed = "Signed by the Governor, Chapter 118 of the Acts of 2024"
    assert session_index.status({"id": "x", "latest_action": laid}, set()) != "Enacted"
    assert state(laid) == "live"
    assert session_index.status({"id": "x", "latest_action": signed}, set()) == "Enacted"
    assert state(signed) == "enacted"
