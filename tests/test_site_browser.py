"""The built site in a real browser: Chromium driven by Playwright, served on loopback.

Needs /usr/bin/chromium and axe-core under .cache/npm (scripts/test.sh installs both).
Screenshots for people to look at go to test-artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lawdiff import Corpus
import lawdiff.site.search
from lawdiff.site.search import shard_of
from lawdiff.site.build import build_site
from helpers.browser import CHROMIUM, chromium, served
from helpers.site_corpus import IMG, SCRIPT, make_corpus

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REDLINE_287G = "redlines/eo-650~sec_5--193-h2288~sec_3__qstr_1__sec_40.html"
REDLINE_XSS = "redlines/193-h2288--xss-h2288.html"
SHARDS = 16  # search index shards of a corpus of thousands


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The shipped corpus's site and the hostile test corpus's, both under a sub-path of one server."""
    top = tmp_path_factory.mktemp("www")
    build_site(Corpus.load(ROOT / "corpus"), top / "shipped", cache_dir=top / "cache1")
    with pytest.MonkeyPatch.context() as mp:  # as a corpus of thousands is split: each instrument in a shard of its own
        mp.setattr(lawdiff.site.search, "shard_count", lambda documents: SHARDS)
        build_site(Corpus.load(ROOT / "corpus"), top / "sharded", cache_dir=top / "cache1")
    corpus = make_corpus(tmp_path_factory.mktemp("hostile"))
    (top / "deep" / "sub").mkdir(parents=True)
    build_site(Corpus.load(corpus), top / "deep" / "sub" / "site", search=False, cache_dir=top / "cache2")
    with served(top) as base:
        yield {"shipped": base + "shipped/", "sharded": base + "sharded/", "hostile": base + "deep/sub/site/", "top": top}


@pytest.fixture(scope="module")
def browser(sites):
    with chromium(ARGS) as b:
        yield b


class Watched:
    """A page that records console errors, page errors, failed requests and dialogs."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()
        self.page.on("dialog", dialog)

    def goto(self, url: str):
        response = self.page.goto(url)
        assert response is None or response.ok, url
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.context.close()


def all_pages(top: Path, site: str) -> list[str]:
    folder = top / site
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html") if "pagefind" not in p.parts)


def test_pages_load_without_console_errors(sites, watched):
    for site, folder in (("shipped", "shipped"), ("hostile", "deep/sub/site")):
        for path in all_pages(sites["top"], folder):
            page = watched.goto(sites[site] + path)
            assert page.title(), path
    assert watched.errors == []
    assert watched.dialogs == []



FONTS = """() => [...new Set([...document.querySelectorAll('body, body *')]
    .filter(e => !e.closest('code, .hash, script, style, template') && e.getClientRects().length)
    .map(e => getComputedStyle(e).fontFamily))]"""


def test_one_font_family_per_page(sites, watched):
    # Every element a reader sees is set in the page's one family; only hashes and code in a monospace.
    for path in all_pages(sites["top"], "shipped"):
        page = watched.goto(sites["shipped"] + path)
        families = page.evaluate(FONTS)
        assert len(families) == 1 and "Georgia" in families[0], (path, families)

def test_styles_load_under_a_sub_path_and_from_file(sites, watched):
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    assert "Georgia" in page.evaluate("getComputedStyle(document.body).fontFamily")
    page = watched.goto((sites["top"] / "shipped" / REDLINE_287G).as_uri())
    assert "Georgia" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    page.click("a[href$='instruments/193-h2288.html#sec_3__qstr_1__sec_40']")
    page.wait_for_load_state()
    assert page.url.endswith("instruments/193-h2288.html#sec_3__qstr_1__sec_40")
    assert watched.errors == []


def test_links_in_the_browser_reach_their_anchors(sites, watched):
    page = watched.goto(sites["shipped"] + "index.html")
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)")
    internal = sorted({h for h in hrefs if h.startswith(sites["shipped"])})
    assert len(internal) > 5
    for href in internal:
        page = watched.goto(href)
        if "#" in href:
            anchor = href.split("#", 1)[1]
            assert page.locator(f"[id='{anchor}']").count() == 1, href
    assert watched.errors == []


def test_hostile_text_shows_as_text_and_never_runs(sites, watched):
    page = watched.goto(sites["hostile"] + "instruments/xss-h2288.html")
    sub_b = page.locator("[id='sec_2__qstr_1__sec_63__subsec_b'] > p.text")
    assert SCRIPT in sub_b.inner_text() and IMG in sub_b.inner_text()
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1  # the site's own script
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    assert f"{SCRIPT} {IMG}" in page.locator("table.view-sbs tbody ins").all_inner_texts()
    page.click("text=Inline")
    page.wait_for_timeout(200)
    watched.goto(sites["hostile"] + "index.html")
    assert watched.dialogs == []
    assert watched.errors == []


def test_change_navigator_moves_between_changes(sites, watched):
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    pos = page.locator(".nav-pos")
    assert pos.inner_text() == "1 of 3"  # from the start; Next goes to that first change
    page.click(".nav-next")
    assert pos.inner_text() == "1 of 3"
    first = page.evaluate("location.hash")
    assert page.locator(f"{first}").get_attribute("data-change") == "1"
    assert SCRIPT in page.locator(f"{first}").inner_text()  # the first change: hostile text in (b)
    page.click(".nav-next")
    assert pos.inner_text() == "2 of 3"
    second = page.evaluate("location.hash")
    assert "6" in page.locator(f"{second} ins").all_inner_texts()
    assert page.locator(f"{second}").is_visible()
    page.click(".nav-next")
    page.click(".nav-next")  # stays on the last
    assert pos.inner_text() == "3 of 3"
    page.click(".nav-prev")
    assert pos.inner_text() == "2 of 3" and page.evaluate("location.hash") == second
    page.keyboard.press("n")
    assert pos.inner_text() == "3 of 3"
    # the inline view has its own rows
    page.check("input[value='inline']")
    assert page.locator("table.view-sbs").is_hidden() and page.locator("table.view-inline").is_visible()
    page.click(".nav-next")
    assert pos.inner_text() == "1 of 3"
    assert page.evaluate("location.hash").startswith("#inline-")
    assert watched.errors == []


def test_unchanged_provisions_collapse_and_open(sites, watched):
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    equal = page.locator("table.view-sbs tr.equal").first
    assert equal.is_hidden()
    page.locator("table.view-sbs .run-toggle").first.click()
    assert equal.is_visible()


def style_of(page, selector: str, prop: str, pseudo: str | None = None) -> str:
    return page.evaluate(
        "([s, p, ps]) => getComputedStyle(document.querySelector(s), ps).getPropertyValue(p)",
        [selector, prop, pseudo])


def test_style_switching(sites, watched):
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    d, i = "table.view-sbs tbody del", "table.view-sbs tbody ins"
    assert "line-through" in style_of(page, d, "text-decoration-line")
    assert "underline" in style_of(page, i, "text-decoration-line")
    page.check("input[value='congress']")
    assert page.evaluate("document.documentElement.dataset.rlStyle") == "congress"
    assert style_of(page, d, "content", "::before") == '"["'
    assert style_of(page, d, "content", "::after") == '"]"'
    assert style_of(page, i, "font-style") == "italic"
    assert style_of(page, d, "color") == "rgb(0, 0, 0)"
    page.check("input[value='colour']")
    assert style_of(page, d, "color") == "rgb(138, 0, 0)"
    assert "line-through" in style_of(page, d, "text-decoration-line")  # readable without the colour
    page.reload()  # the choice is remembered
    assert page.evaluate("document.documentElement.dataset.rlStyle") == "colour"
    page.check("input[value='strike']")


def search(page, phrase: str) -> list[str]:
    """Type ``phrase`` into the index page's search box; the result links, best first."""
    page.fill("#search input", phrase)
    # done when the message reads "N results for <phrase>" (or "No results ...") and the
    # first page of them (five) is shown
    page.wait_for_function("""p => {
        const m = document.querySelector('.pagefind-ui__message');
        if (!m || !m.textContent.includes(p) || !/^(\\d+|No) results? for /.test(m.textContent.trim())) return false;
        const n = parseInt(m.textContent, 10) || 0;
        return document.querySelectorAll(PAGES).length === Math.min(n, 5);
    }""".replace("PAGES", repr(PAGE_LINKS)), arg=phrase, timeout=10_000)
    return page.eval_on_selector_all(PAGE_LINKS, "els => els.map(e => e.href)")


PAGE_LINKS = ".pagefind-ui__result-title:not(.pagefind-ui__result-nested *) > .pagefind-ui__result-link"
PROVISION_LINKS = ".pagefind-ui__result-nested .pagefind-ui__result-link"


def test_search_finds_the_instrument_page(sites, watched):
    shipped = sites["shipped"]
    page = watched.goto(shipped + "index.html")
    # H.2288 line 94 and its companion S.1510 (the proposed Section 40); EO 650 never says "Inter-Governmental"
    found = everything_found(page, "Inter-Governmental Service Agreement")
    assert {"/instruments/193-h2288.html", "/instruments/193-s1510.html"} <= found
    assert "/instruments/eo-650.html" not in found
    # EO 650 Section 1's definition and Sections 2, 4 and 6; H.2288 never says "warrant"
    found = search(page, "judicial warrant")
    assert found[0] == shipped + "instruments/eo-650.html" and shipped + "instruments/193-h2288.html" not in found
    # the provisions that hold it are linked below the page's result, at their headings
    # (Pagefind's interface shows the first three)
    within = page.evaluate("""url => [...document.querySelectorAll('.pagefind-ui__result')]
        .filter(r => r.querySelector('.pagefind-ui__result-link').href === url)
        .flatMap(r => [...r.querySelectorAll('.pagefind-ui__result-nested .pagefind-ui__result-link')])
        .map(e => [e.textContent.trim(), e.href])""", shipped + "instruments/eo-650.html")
    assert within == [[f"Section {n}. {title}", f"{shipped}instruments/eo-650.html#h-sec_{n}"] for n, title in (
        (1, "Definitions"), (2, "Access by Federal Immigration Officers to State Facilities"),
        (4, "Protection and Preparation for State and Non-State Entities"))]
    assert "judicial warrant" in page.locator(".pagefind-ui__result-excerpt").first.inner_text().lower()
    page.click(".pagefind-ui__result-link")
    page.wait_for_load_state()
    assert page.url == shipped + "instruments/eo-650.html"
    # what the index holds of a page: its text, not the table of contents, glossary,
    # provenance box or the citation links beside each provision
    page = watched.goto(shipped + "index.html")
    indexed = page.evaluate("""async () => {
        const pagefind = await import('./pagefind/pagefind.js');
        const found = await pagefind.search('judicial warrant');
        return (await found.results[0].data()).content; }""")
    assert "Except as authorized by a judicial warrant or judicial order, civil arrests" in indexed
    for word in ("Contents", "Defined terms", "sha256", "Official text", "link to", "throughout"):
        assert word not in indexed, word
    assert watched.errors == []


def everything_found(page, phrase: str) -> set[str]:
    """Every page the index finds for ``phrase`` (the interface shows five at a time), as a
    path from the site's top ("/matrix/287g.html")."""
    top = page.evaluate("new URL('.', location.href).pathname")
    return set(u.replace(top, "/", 1) for u in page.evaluate("""async (q) => {
        const pagefind = await import('./pagefind/pagefind.js');
        const found = await pagefind.search(q);
        return Promise.all(found.results.map(async r => (await r.data()).url)); }""", phrase))


def test_search_finds_topics_redlines_and_synonyms(sites, watched):
    """EO 650 says "287(g)", H.2288 says "8 U.S.C. section 1357(g)": topics.toml lists both as
    phrases of the 287(g) topic, so either finds both texts and the 287(g) topic page; the
    redline of EO 650 Section 5 against H.2288 Section 40 is titled "287(g) agreements"."""
    page = watched.goto(sites["shipped"] + "index.html")
    eo, bill = "/instruments/eo-650.html", "/instruments/193-h2288.html"
    both = {eo, bill, "/matrix/287g.html"}
    assert both | {"/" + REDLINE_287G} <= everything_found(page, "287(g)")
    assert both <= everything_found(page, "1357(g)")
    # "Detainers" is a topic; H.2288 Section 63 says "detainer"; EO 650 never does
    detainer = everything_found(page, "detainer")
    assert {"/matrix/detainers.html", bill} <= detainer and eo not in detainer
    # the quoted text of a topic page and the redlines' text are not indexed twice: a phrase
    # only H.2288's Section 40 prints finds the bill, not the redline that quotes it
    assert "/" + REDLINE_287G not in everything_found(page, "house of correction")
    # and through the search box too (it shows the first five of the texts, topic and redlines found)
    shown = set(search(page, "1357(g)"))
    assert shown and shown <= {sites["shipped"] + p.lstrip("/") for p in everything_found(page, "1357(g)")}
    assert watched.errors == []


def test_search_merges_the_index_shards(sites, watched):
    # the two instruments in different shards: the page merges the second into the first
    # (the first non-empty shard is the primary bundle; matrix and redline pages have shards too)
    bill, order = shard_of("193-h2288", SHARDS), shard_of("eo-650", SHARDS)
    folder = sites["top"] / "sharded" / "pagefind"
    assert bill < order and (folder / f"shard-{order:02d}").is_dir()  # EO 650's shard is merged in
    sharded = sites["sharded"]
    page = watched.goto(sharded + "index.html")
    found = search(page, "judicial warrant")
    assert found[0] == sharded + "instruments/eo-650.html" and sharded + "instruments/193-h2288.html" not in found
    # stemmed to "detain": H.2288 says "detained" on lines 11 (Section 63(a)) and 97
    # (Section 40); EO 650 never says "detain"
    found = search(page, "detainer")
    assert sharded + "instruments/193-h2288.html" in found and sharded + "instruments/eo-650.html" not in found
    page.locator(PAGE_LINKS, has_text="H.2288").first.click()
    page.wait_for_load_state()
    assert page.url == sharded + "instruments/193-h2288.html"
    assert watched.errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_accessibility_no_serious_violations(sites, watched, width):
    assert AXE.is_file(), "axe-core missing: run scripts/test.sh (npm install --prefix .cache/npm axe-core@4)"
    watched.page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for site, path in (("shipped", "index.html"), ("shipped", "instruments/193-h2288.html"),
                       ("shipped", "instruments/eo-650.html"), ("shipped", REDLINE_287G),
                       ("hostile", REDLINE_XSS), ("shipped", "matrix/index.html"), ("shipped", "matrix/287g.html")):
        page = watched.goto(sites[site] + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append((path, v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]))
    assert problems == [], "\n".join(map(str, problems))


def test_screenshots_for_people(sites, watched):
    ARTIFACTS.mkdir(exist_ok=True)
    shots = {"index": "index.html", "instrument": "instruments/193-h2288.html", "redline": REDLINE_287G}
    for name, path in shots.items():
        page = watched.goto(sites["shipped"] + path)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    page.screenshot(path=str(ARTIFACTS / "redline-versions.png"), full_page=True)
    page.pdf(path=str(ARTIFACTS / "redline-versions.pdf"), format="Letter")
    for name in shots:
        assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


def test_diff_html_is_one_self_contained_page_that_reads_without_a_script(browser, tmp_path):
    """`lawdiff diff A B --format html --out FILE`: styles inlined, nothing fetched, and with
    scripts off the side-by-side redline shows (the inline copy stays hidden), sides named by
    --old-label/--new-label."""
    import subprocess
    import sys

    from helpers.h2288_edits import print_bill, printed_lines

    header, body = printed_lines()
    old, new = tmp_path / "filed.txt", tmp_path / "refiled.txt"
    old.write_bytes(print_bill(header, body))
    new.write_bytes(print_bill(header, [s.replace("within 90", "within 60") for s in body]))
    out = tmp_path / "redline.html"
    done = subprocess.run([sys.executable, "-m", "lawdiff", "diff", str(old), str(new), "--format", "html",
                           "--out", str(out), "--old-label", "Filed bill", "--new-label", "Refiled bill"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "<style>" in html and 'rel="stylesheet"' not in html and "<script src" not in html
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    fetched: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(out.as_uri())
    assert fetched == [out.as_uri()]
    assert page.title().startswith("Redline: Filed bill → Refiled bill")
    assert page.locator("table.view-sbs").is_visible() and page.locator("table.view-inline").is_hidden()
    assert page.locator("table.view-sbs del", has_text="90").first.is_visible()
    assert page.locator("table.view-sbs ins", has_text="60").first.is_visible()
    context.close()


# Every visible element that reaches past the right edge of the screen (or starts left of it
# without being wholly off-screen, as a skip link waiting for focus is): none may.
TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0) continue;
    if (r.right > width + 1 || r.left < -1) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  return {scroll: document.documentElement.scrollWidth, width: width, wide: out.slice(0, 5)};
}"""


def test_phones_never_scroll_sideways(sites, watched):
    """At 390 px (a phone) no page of either site is wider than the screen."""
    watched.page.set_viewport_size({"width": 390, "height": 844})
    bad = []
    for site in ("shipped", "hostile"):
        for path in all_pages(sites["top"], site if site == "shipped" else "deep/sub/site"):
            page = watched.goto(sites[site] + path)
            found = page.evaluate(TOO_WIDE)
            if found["scroll"] > found["width"] or found["wide"]:
                bad.append((site, path, found))
    assert bad == []
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in (("phone-287g", "matrix/287g.html"), ("phone-index", "index.html")):
        watched.goto(sites["shipped"] + path).screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_phones_read_the_redline_inline_and_the_text_first(sites, watched):
    watched.page.set_viewport_size({"width": 390, "height": 844})
    page = watched.goto(sites["hostile"] + REDLINE_XSS)
    assert page.locator("table.view-sbs").is_hidden() and page.locator("table.view-inline").is_visible()
    assert page.locator(".view-choice").is_hidden()
    page.click(".nav-next")
    assert page.evaluate("location.hash").startswith("#inline-")
    # an instrument's contents and defined terms start folded: its text is near the top
    page = watched.goto(sites["shipped"] + "instruments/193-h2288.html")
    assert page.locator("details.toc-part").count() == 2
    assert page.evaluate("[...document.querySelectorAll('details.toc-part')].every(d => !d.open)")
    top = page.evaluate("document.querySelector('.doc-text').getBoundingClientRect().top + scrollY")
    assert top < 1200
    page.locator("details.toc-part summary").first.click()
    assert page.locator(".toc a").first.is_visible()
    # the matrix overview is a list per topic on a phone, the grid on a desk
    page = watched.goto(sites["shipped"] + "matrix/index.html")
    assert page.locator(".matrix-grid").is_hidden() and page.locator(".matrix-list").is_visible()
    assert page.locator(".matrix-list h2").count() == page.locator(".matrix-grid text[text-decoration]").count()
    watched.page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator(".matrix-grid").is_visible() and page.locator(".matrix-list").is_hidden()


def test_the_site_redline_prints_as_the_pdf_export_does(sites, watched, tmp_path):
    """Printed from the browser, the site's redline of H.2288 and its edited version is the
    paper layout: the summary of changes on the first sheet (not a near-blank one), the
    legend once, and no more sheets than the bill's own page prints on, plus one."""
    import pdfplumber

    def sheets(path: str) -> list[str]:
        page = watched.goto(sites["hostile"] + path)
        page.emulate_media(media="print")
        out = tmp_path / "p.pdf"
        page.pdf(path=str(out), format="Letter")
        with pdfplumber.open(out) as pdf:
            return [p.extract_text() or "" for p in pdf.pages]

    redline, bill = sheets(REDLINE_XSS), sheets("instruments/193-h2288.html")
    assert "Summary of changes" in redline[0] and "Legend:" in redline[0]
    assert sum(s.count("Legend:") for s in redline) == 1
    # the three edits of site_corpus.EDITS, each a row of the summary
    assert all(row in " ".join(redline) for row in ("“within 90 days,” → “within 60 days,”",
                                                     "“within 12 months” → “within 6 months”"))
    assert len(redline) <= len(bill) + 1
