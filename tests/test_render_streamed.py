"""The page, the Markdown and the Word redline of ``compare_streamed``'s model, whose changes are
made as they are read (``render.rereadable``), are those of ``compare``'s list, byte for byte (issue
26: ``lawdiff diff --format md|html|docx`` no longer holds every change's dict)."""

import io
from pathlib import Path

import pytest
from helpers import omnibus

from lawdiff.diff.changes import ChangeDicts, compare, compare_streamed
from lawdiff.load.documents import parse_bytes
from lawdiff.render.docx import render_docx
from lawdiff.render import markdown
from lawdiff.render.markdown import render_markdown, render_markdown_to
from lawdiff.render.redline_html import render_redline, render_redline_to, render_redline_utf8
from lawdiff.render.rereadable import ChangeList, changed, places, rereadable

SESSION = Path(__file__).resolve().parents[2] / "shared" / "sources" / "sessions" / "193" / "documents"

# The lantern section moves to the end; the fee's figure changes; a section is struck, one added.
OLD = b"""SECTION 1. Every lantern carried on a public way after dusk shall be lit.
SECTION 2. The keeper of the harbor shall post the tide tables each morning.
SECTION 3. A mooring fee of twelve dollars shall be paid each season to the harbor fund.
SECTION 4. No vessel shall anchor within the channel marked by the town.
SECTION 5. This act shall take effect upon its passage.
"""
NEW = b"""SECTION 1. The keeper of the harbor shall post the tide tables each morning.
SECTION 2. A mooring fee of twenty dollars shall be paid each season to the harbor fund.
SECTION 3. The harbor master may remove a vessel left unattended for thirty days.
SECTION 4. This act shall take effect upon its passage.
SECTION 5. Every lantern carried on a public way after dusk shall be lit.
"""


def _docs(old=OLD, new=NEW):
    return parse_bytes(old, "old.txt"), parse_bytes(new, "new.txt")


def _page(model, docs, context):
    out = io.BytesIO()
    render_redline_to(out, model, docs=docs, context=context)
    return out.getvalue()


def _markdown(model):
    out = io.BytesIO()
    render_markdown_to(out, model)
    return out.getvalue()


def _same_either_way(docs, sides=None):
    """``sides``: what is compared, where not the whole ``docs`` (``(doc, eid)`` for one provision)."""
    sides = docs if sides is None else sides
    listed, streamed = compare(*sides), compare_streamed(*sides)
    assert isinstance(streamed["changes"], ChangeDicts)
    for context in ("changes", "all"):
        page = _page(streamed, docs, context)
        assert page == render_redline_utf8(listed, docs=docs, context=context)
        assert _page(streamed, docs, context) == page  # the changes are read again, made anew
    # the PDF's page (paper only), as ``lawdiff diff --format pdf`` gives it to Chromium
    assert render_redline(streamed, docs=docs, screen=False) == render_redline(listed, docs=docs, screen=False)
    md = _markdown(streamed)
    assert md == render_markdown(listed).encode("utf-8") and md.endswith(b"\n")
    # the Word redline, as ``lawdiff diff --format docx`` writes it (its changes read three times)
    assert render_docx(streamed) == render_docx(listed)
    return listed, page, md


def test_a_moved_struck_and_inserted_provision_read_from_the_streamed_model():
    listed, page, md = _same_either_way(_docs())
    kinds = [c["kind"] for c in listed["changes"]]
    assert {"move", "delete", "insert", "modify"} <= set(kinds)
    assert b'id="was-sbs-' in page and b"twenty" in page  # the moved section's stub; the new figure
    assert "~~twelve~~**twenty**" in md.decode()


def test_an_omnibus_pair_read_from_the_streamed_model():
    old, new = omnibus.generate(120, 3).texts()
    listed, page, _ = _same_either_way(_docs(old, new))
    assert sum(c["kind"] == "move" for c in listed["changes"]) and page.count(b'class="stub"') >= 2


@pytest.mark.skipif(not SESSION.is_dir(), reason="needs ../shared (the 193rd session's records)")
def test_a_real_bill_and_its_new_draft_read_from_the_streamed_model():
    docs = [parse_bytes((SESSION / f"{n}.json").read_bytes(), SESSION / f"{n}.json") for n in ("H3306", "H4450")]
    listed, page, md = _same_either_way(docs)
    assert len(listed["changes"]) > 20 and md.startswith(b"# Redline: H.3306")


def test_an_identical_pair_says_so_read_from_the_streamed_model():
    _, _, md = _same_either_way(_docs(OLD, OLD))
    assert md.endswith(b"No differences.\n")


@pytest.mark.parametrize("batch", [1, 40, 1 << 16])
def test_the_markdown_is_the_same_whatever_its_batches(monkeypatch, batch):
    """Written a batch at a time: a batch that ends on the last line adds no newline of its own."""
    model = compare(*_docs())
    monkeypatch.setattr(markdown, "_BATCH", batch)
    assert _markdown(model) == render_markdown(model).encode("utf-8")


def test_a_change_list_reads_as_the_list_of_dicts():
    docs = _docs()
    listed, streamed = compare(*docs), compare_streamed(*docs)
    changes = rereadable(streamed["changes"])
    assert isinstance(changes, ChangeList) and rereadable(changes) is changes
    assert len(changes) == len(listed["changes"]) and list(changes) == listed["changes"]
    assert [changes[k] for k in range(len(changes))] == listed["changes"] and changes[-1] == listed["changes"][-1]
    assert changes[1:3] == listed["changes"][1:3] and changes[0] is not changes[0]  # made each time
    assert list(places(changes)) == list(places(listed["changes"]))
    assert [(kind, order is None) for kind, order in places(changes)] == [
        (c["kind"], c["old"] is None) for c in listed["changes"]]
    assert list(changed(changes)) == [c for c in listed["changes"] if c["kind"] != "equal"]
    assert rereadable(listed["changes"]) is listed["changes"]
    assert rereadable(iter(listed["changes"])) == listed["changes"]  # a one-time iterable is listed


# A section with no words between two with words; the last one has its number only.
WORDLESS = b"""SECTION 1. The keeper of the harbor shall post the tide tables each morning.
SECTION 2.
SECTION 3. Every lantern carried on a public way after dusk shall be lit.
SECTION 4.
"""


@pytest.mark.parametrize("old, old_eid, new, new_eid", [
    (OLD, "sec_1", NEW, "sec_5"),  # the same words under another number (lawdiff diff A#EID B#EID)
    (OLD, "sec_3", NEW, "sec_2"),  # words changed
    (OLD, None, NEW, "sec_5"),  # the whole document against one provision: its root has no order
    (OLD, "sec_5", NEW, None),
    (WORDLESS, "sec_2", WORDLESS, "sec_4"),  # no words on either side
    (WORDLESS, "sec_4", NEW, "sec_1"),  # words on one side only
    (WORDLESS, "sec_1", WORDLESS, "sec_3"),
])
def test_one_provision_read_from_the_streamed_model(old, old_eid, new, new_eid):
    docs = _docs(old, new)
    sides = [doc if eid is None else (doc, eid) for doc, eid in zip(docs, (old_eid, new_eid))]
    listed, page, md = _same_either_way(docs, sides)
    assert listed["changes"] and md.startswith(b"# Redline: ")
