"""A session's site in Chromium (Playwright, served on loopback): the paged index filters and
sorts the whole listing, search finds a document at its own provision, and a link to a
provision of a long text's later part lands there.  The family of H.4241 with H.2288 and
S.1510, read in place from ../shared/sources/sessions/193.

Needs /usr/bin/chromium (scripts/test.sh installs it).
"""

from __future__ import annotations

import shutil

import pytest

from helpers import ROOT
from helpers.browser import chromium, served
from lawdiff.load.manifest import Corpus
from lawdiff.load.session import import_session
from lawdiff.load.sources import FolderSource
from lawdiff.site import instrument_parts, session_index
from lawdiff.site.build import build_site
from test_session_import import SESSION
from test_site_browser import ARGS, Watched, search

NAMES = ["H4115", "H4241", "S2703", "S2710", "H4744", "H2288", "S1510", "H49"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    top = tmp_path_factory.mktemp("session-www")
    root = top.parent / f"{top.name}-corpus"
    import_session(root, FolderSource(SESSION, 193, only=NAMES), 193, years=[], today="2026-12-07")
    shutil.copy(ROOT / "corpus" / "topics.toml", root / "topics.toml")
    with pytest.MonkeyPatch.context() as mp:  # small pages, so that a family pages and a text is cut
        mp.setattr(session_index, "PAGE_SIZE", 4)
        mp.setattr(instrument_parts, "LIMIT", 40_000)
        build_site(Corpus.load(root), top / "site", jobs=1, pdf=False)
    with served(top) as base:
        yield base + "site/", top / "site"


@pytest.fixture(scope="module")
def browser(site):
    with chromium(ARGS) as b:
        yield b


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.context.close()


def numbers(page) -> list[str]:
    return page.eval_on_selector_all("#doc-table tbody tr td:first-child strong", "els => els.map(e => e.textContent)")


def test_the_paged_index_filters_and_sorts_every_document(site, watched):
    base, _ = site
    page = watched.goto(base + "documents/index.html")
    assert numbers(page) == ["H.49", "H.2288", "H.4115", "H.4241"]  # page 1 of 3, as without JavaScript
    page.select_option("select[name=chamber]", label="Senate")  # from the whole listing, not this page
    assert numbers(page) == ["S.1510", "S.2703", "S.2710"]
    assert page.inner_text("#doc-count") == "3 documents"
    page.select_option("select[name=chamber]", label="Any")
    page.select_option("select[name=status]", label="Enacted")  # H.4744 and the chapter it became
    assert numbers(page) == ["H.4744", "Chapter 118 of the Acts of 2024"]
    page.select_option("select[name=status]", label="Any")
    page.fill("input[name=sponsor]", "paulino")  # a cosponsor of H.4744 (its record)
    assert "H.4744" in numbers(page) and "H.2288" not in numbers(page)
    page.fill("input[name=sponsor]", "")
    page.select_option("select[name=sort]", label="Latest action, newest first")
    assert numbers(page)[:2] == ["H.4744", "Chapter 118 of the Acts of 2024"]  # both 2024-06-20
    page.select_option("select[name=sort]", label="Number")
    assert numbers(page) == ["H.49", "H.2288", "H.4115", "H.4241"]  # back to the page as built
    page.click("nav.pager >> text=2")
    page.wait_for_load_state()
    assert page.url.endswith("documents/page-2.html") and numbers(page)[0] == "H.4744"
    assert watched.errors == []


def test_search_finds_a_document_at_its_own_provision(site, watched):
    base, _ = site
    page = watched.goto(base + "index.html")
    # H.2288 and S.1510 print this in their proposed Section 40; the topic pages quote it but are
    # not indexed, and the redlines between the versions of H.4241 do not hold it
    found = search(page, "perform the functions of an immigration officer")
    assert found[0] in (base + "instruments/193-h2288.html", base + "instruments/193-s1510.html")
    within = page.eval_on_selector_all(".pagefind-ui__result-nested .pagefind-ui__result-link",
                                       "els => els.map(e => e.href)")
    assert any(href.endswith("#h-sec_3__qstr_1__sec_40") for href in within)
    assert not any("/topics/" in href or "/redlines/" in href for href in found)
    assert watched.errors == []


def test_a_link_to_a_provision_of_a_later_part_lands_there(site, watched):
    base, folder = site
    parts = sorted(p.name for p in (folder / "instruments").glob("193-h4744*.html"))
    assert len(parts) >= 2  # cut at 40 KB
    later = (folder / "instruments" / parts[-1]).read_text(encoding="utf-8")
    import re
    eid = re.findall(r'<section class="prov [^"]*" id="([^"]+)"', later)[-1]
    page = watched.goto(base + f"instruments/193-h4744.html#{eid}")
    page.wait_for_url(f"**/instruments/{parts[-1]}#{eid}")
    assert page.locator(f"[id='{eid}']").count() == 1
    assert watched.errors == []


SESSION_PAGES = ["index.html", "documents/index.html", "documents/page-2.html", "topics/287g.html",
                 "instruments/193-h4744.html", "instruments/193-h4744-2.html"]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_session_pages_are_accessible_and_fit_a_phone(site, watched, width):
    from test_site_browser import AXE, TOO_WIDE
    assert AXE.is_file(), "axe-core missing: run scripts/test.sh (npm install --prefix .cache/npm axe-core@4)"
    base, _ = site
    watched.page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for path in SESSION_PAGES:
        page = watched.goto(base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        problems += [(path, v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                     for v in result["violations"] if v["impact"] in ("serious", "critical")]
        found = page.evaluate(TOO_WIDE)
        if width == 390 and (found["scroll"] > found["width"] or found["wide"]):
            problems.append((path, "wider than a phone", found))
    assert problems == [], "\n".join(map(str, problems))
