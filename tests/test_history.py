"""Official history and status (issue 14): the timeline, the latest action, the reported status beside it.

The history files here are BUILT with the API's shape (a JSON list of {Date, Branch, Action,
IsStricken}; see api_records) and action texts of the kinds the legislature writes.
"""

from __future__ import annotations

import html
import shutil

import pytest

from helpers.api_records import history as history_json
from helpers import CORPUS
from lawdiff import load_document
from lawdiff.load import history
from lawdiff.errors import LawdiffError
from lawdiff.load.manifest import Corpus
from lawdiff.load.manifest_edit import set_fields

ACTIONS = history_json(
    ("2023-02-16T10:48:21.2666667", "Senate", "Referred to the committee on State Administration and Regulatory Oversight"),
    ("2023-02-16T10:48:21.2666667", "House", "House concurred"),
    ("2023-06-08T14:51:26.3566667", "Joint", "Hearing scheduled for 06/20/2023 from 10:00 AM-01:00 PM in A-2    "),
    ("2024-12-31T23:59:00", "Senate", "No further action taken"))


def test_actions_and_the_latest_one():
    actions = history.actions(ACTIONS, "h.json")
    assert [a["date"] for a in actions] == ["2023-02-16", "2023-02-16", "2023-06-08", "2024-12-31"]
    assert actions[2]["action"] == "Hearing scheduled for 06/20/2023 from 10:00 AM-01:00 PM in A-2"  # spaces folded
    assert history.latest(actions)["action"] == "No further action taken"
    # Of one day, the later listed; a struck action is never the latest.
    actions[3]["stricken"] = True
    assert history.latest(actions)["action"] == "Hearing scheduled for 06/20/2023 from 10:00 AM-01:00 PM in A-2"
    assert history.latest(actions[:2])["action"] == "House concurred"
    assert history.latest([]) is None


@pytest.mark.parametrize("data, problem", [
    (b"[{", "malformed JSON"), (b"{}", "not a JSON list"), (b'[{"Date": "2024-01-01"}]', "action 1 has no Date and Action")])
def test_a_bad_history_is_one_line(data, problem):
    with pytest.raises(LawdiffError) as e:
        history.actions(data, "raw/x.history.json")
    assert problem in str(e.value) and "\n" not in str(e.value)


@pytest.fixture
def corpus_with_history(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    (root / "raw/193-s997.history.json").write_bytes(ACTIONS)
    set_fields(root / "instruments.toml", "193-s997", {"history": "raw/193-s997.history.json"})
    return Corpus.load(root)


def test_the_instrument_page_shows_the_timeline_and_both_statuses(corpus_with_history):
    from lawdiff.render.instrument_html import render_instrument

    corpus = corpus_with_history
    entry = corpus.entries["193-s997"]
    actions = history.load(corpus, entry)
    official = history.official_status(corpus, entry)
    assert official == {"date": "2024-12-31", "branch": "Senate", "action": "No further action taken",
                        "url": "https://malegislature.gov/Bills/193/S997"}
    page = html.unescape(render_instrument(load_document("193-s997", corpus), history=actions, official=official))
    timeline = page[page.index('<ol class="timeline">'):page.index("</ol>", page.index('<ol class="timeline">'))]
    assert timeline.count("<li") == 4
    assert '<time datetime="2023-06-08">2023-06-08</time> <span class="branch">Joint</span> Hearing scheduled' in timeline
    assert 'Latest official action</dt><dd>2024-12-31, Senate: <a href="https://malegislature.gov/Bills/193/S997">No further action taken</a>' in page
    # The hand-typed status stays, marked reported, beside (never instead of) the official one.
    assert "Reported status</dt><dd>refiled as S.1122 (checked: S.1122 cover cites S.997) " \
           "<span class=\"reported\">(reported, not from the official history)</span>" in page
    # Without a history the page is as before: the manifest's status, no timeline.
    plain = html.unescape(render_instrument(load_document("193-h1401", corpus)))
    assert 'class="timeline"' not in plain and "Latest official action" not in plain


def test_the_index_and_matrix_show_the_latest_official_action(corpus_with_history):
    from lawdiff.matrix.build import build_matrix
    from lawdiff.render.index_html import render_index

    corpus = corpus_with_history
    page = html.unescape(render_index(corpus, [], {}))
    row = page[page.index('<tr id="i-193-s997">'):page.index("</tr>", page.index('<tr id="i-193-s997">'))]
    assert '2024-12-31: <a href="https://malegislature.gov/Bills/193/S997">No further action taken</a>' in row
    assert '<span class="reported">Reported: refiled as S.1122 (checked: S.1122 cover cites S.997)</span>' in row
    other = page[page.index('<tr id="i-193-h1401">'):page.index("</tr>", page.index('<tr id="i-193-h1401">'))]
    assert "Reported:" not in other  # no history fetched: the manifest's status alone, as before
    matrix = build_matrix(corpus, instruments=["193-s997", "193-h1401"])
    by_id = {i["id"]: i for i in matrix["instruments"]}
    assert by_id["193-s997"]["official_status"]["action"] == "No further action taken"
    assert by_id["193-s997"]["status"] == "refiled as S.1122 (checked: S.1122 cover cites S.997)"
    assert "official_status" not in by_id["193-h1401"]
    assert matrix["topics"][0]["cells"][0]["official_status"]["date"] == "2024-12-31"
    from lawdiff.render.matrix_html import render_topic_page

    topic = matrix["topics"][0]["id"]
    page = html.unescape(render_topic_page(matrix, topic))
    assert ('<span class="official-status">2024-12-31: <a href="https://malegislature.gov/Bills/193/S997">'
            "No further action taken</a></span>") in page
