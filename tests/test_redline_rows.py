"""The redline page's rows, summary and printed text written in Python (``render.redline_rows``,
outside the template's autoescape): every value from a document still reaches the page escaped."""

import copy

from lawdiff.diff.changes import compare
from lawdiff.load.documents import parse_bytes
from lawdiff.render.redline_html import render_redline

OLD = b"""SECTION 1. The board may adopt rules for the inspection of premises named in a permit.
SECTION 2. The clerk shall keep a register of every permit issued under this act.
SECTION 3. A permit shall lapse after ninety days unless the holder renews it in writing.
SECTION 4. The fee for each permit shall be paid to the treasurer of the town.
"""
NEW = b"""SECTION 1. The clerk shall keep a register of every permit issued under this act.
SECTION 2. A permit shall lapse after sixty days unless the holder renews it in writing.
SECTION 3. The fee for each permit shall be paid to the treasurer of the town.
SECTION 4. The board may adopt rules for the inspection of premises named in a permit.
"""
HOSTILE = "<b>x</b> & \"q\" 'a'"
ESCAPED = "&lt;b&gt;x&lt;/b&gt; &amp; &#34;q&#34; &#39;a&#39;"


def _hostile_model():
    """The pair's model with a hostile number on every provision and hostile words in the edit."""
    docs = parse_bytes(OLD, "old.txt"), parse_bytes(NEW, "new.txt")
    model = copy.deepcopy(compare(*docs))
    kinds = [c["kind"] for c in model["changes"]]
    assert "move" in kinds and "modify" in kinds
    for change in model["changes"]:
        for side in ("old", "new"):
            if change.get(side):
                change[side]["num"] = f"{HOSTILE} {side}"
        if change["kind"] == "modify":  # the inserted word ("sixty") replaced
            k = next(k for k, (op, _) in enumerate(change["tokens"]) if op == "+")
            change["tokens"][k] = ["+", HOSTILE]
    return model


def test_hostile_numbers_and_words_are_escaped_in_every_part_of_the_page():
    model = _hostile_model()
    for context in ("changes", "all"):
        page = render_redline(model, context=context)
        assert "<b>x" not in page and '"q"' not in page
        # both views' rows, the moved provision's stub and note, the summary's gist, the printed text
        assert page.count(f"{ESCAPED} old") >= 4 and page.count(f"{ESCAPED} new") >= 4
        assert f"{ESCAPED} old stood here in old" in page  # the stub
        assert f"<ins>{ESCAPED}</ins>" in page
        assert "Renumbered" in page and f"Renumbered {ESCAPED} old → {ESCAPED} new" in page  # the summary
    linked = render_redline(model, root="../", docs=None, relation=["companion", "Senate companion"])
    assert "<b>x" not in linked and f"{ESCAPED} old stood here in" in linked
