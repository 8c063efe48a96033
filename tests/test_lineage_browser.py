"""The provisions' histories on an instrument page, in Chromium at 1280 and 390 px and in print:
closed under the provision, opened by its summary, links reaching the step redlines, no
sideways scroll on a phone, no serious accessibility problem."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from lawdiff import Corpus
from lawdiff.site.build import build_site
from helpers.browser import served
from test_lineage import SEC40, three_versions
from test_site_browser import ARGS, ARTIFACTS, AXE, CHROMIUM, TOO_WIDE


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    top = tmp_path_factory.mktemp("www")
    build_site(Corpus.load(three_versions(tmp_path_factory.mktemp("lineage"))), top / "site",
               search=False, pdf=False, cache_dir=top / "cache")
    with served(top) as base:
        yield base + "site/"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_history_opens_under_its_provision_and_links_its_steps(site, width):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(site + "instruments/refile.html")
        note = page.locator(f"#{SEC40} details.lineage")
        assert note.count() == 1
        assert note.locator("ul").is_hidden()  # closed: the text reads on
        note.locator("summary").click()
        assert note.locator("ul").is_visible()
        assert note.locator("li").nth(1).inner_text() == "H.5000 put in other, 30; struck 60 (there since H.4000)"
        found = page.evaluate(TOO_WIDE)
        assert found["scroll"] <= found["width"] and found["wide"] == []
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
        ARTIFACTS.mkdir(exist_ok=True)
        note.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"lineage-{width}.png"))
        page.emulate_media(media="print")
        assert note.locator("summary").is_visible()  # on paper: which versions changed it
        note.locator("li a").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/redlines/filed--draft.html")
        assert errors == []
        browser.close()
