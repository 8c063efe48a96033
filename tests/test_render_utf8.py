"""The pages written as UTF-8 a chunk at a time (issue 26: memory) are the same bytes as the
whole page rendered as one string and encoded."""

import io

import pytest
from helpers import omnibus

from lawdiff.diff.changes import compare
from lawdiff.load.documents import load_document
from lawdiff.render import page
from lawdiff.render.redline_html import render_redline, render_redline_to, render_redline_utf8


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    folder = tmp_path_factory.mktemp("omnibus")
    old, new = omnibus.generate(40, 3).texts()
    (folder / "old.txt").write_bytes(old)
    (folder / "new.txt").write_bytes(new)
    docs = (load_document(str(folder / "old.txt")), load_document(str(folder / "new.txt")))
    return compare(*docs), docs


@pytest.mark.parametrize("context", ["changes", "all"])
@pytest.mark.parametrize("batch", [1, 7, 1 << 16])
def test_the_redline_in_chunks_is_the_page_encoded(pair, monkeypatch, context, batch):
    """Every piece encoded alone, a few at a time, and the default."""
    model, docs = pair
    monkeypatch.setattr(page, "_BATCH", batch)
    whole = render_redline(model, docs=docs, context=context)
    assert "→" in whole and "§" in whole  # characters of two and three bytes in UTF-8
    assert render_redline_utf8(model, docs=docs, context=context) == whole.encode("utf-8")


def test_a_context_it_does_not_know_is_refused(pair):
    with pytest.raises(ValueError):
        render_redline_utf8(pair[0], context="some")


def test_the_redline_into_a_file_is_the_same_bytes(pair, tmp_path):
    model, docs = pair
    for context in ("changes", "all"):
        with open(tmp_path / "page", "w+b") as fp:
            render_redline_to(fp, model, docs=docs, context=context)
            fp.seek(0)
            assert fp.read() == render_redline_utf8(model, docs=docs, context=context)
    with pytest.raises(ValueError):
        render_redline_to(io.BytesIO(), pair[0], context="some")
