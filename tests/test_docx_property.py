"""Accept-all and reject-all give the two texts back exactly, over generated edits of the real trees."""

from helpers.docx_revisions import paragraphs, revisions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_diff_property import _refs, edited_tree, joined_tree, split_tree

from lawdiff.diff.changes import compare
from lawdiff.render.docx import FRONT_MATTER_PARAGRAPHS, render_docx

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def texts(doc):
    return [" ".join(p for p in (n.num, n.heading, n.text) if p) for n in doc.tree.walk() if n.num or n.heading or n.text]


def complete(model, old, new):
    """Every provision with words on either side is in the model (the redline engine's contract)."""
    return all(
        {r["eid"] for c in model["changes"] for r in _refs(c, side)}
        >= {n.eid for n in doc.tree.walk() if n.num or n.heading or n.text}
        for side, doc in (("old", old), ("new", new)))


def check(old, new):
    model = compare(old, new)
    assert complete(model, old, new)
    data = render_docx(model)
    assert paragraphs(data, accept=True)[FRONT_MATTER_PARAGRAPHS:-1] == texts(new)
    assert paragraphs(data, accept=False)[FRONT_MATTER_PARAGRAPHS:-1] == texts(old)
    # Nothing changed and nothing out of order: no revision at all.  (A pair the model calls
    # equal but whose order differs, e.g. the preamble swapped before the preface, is shown
    # as a deletion and an insertion, or accept/reject could not be exact.)
    order = [n.eid for n in old.tree.walk()]
    kept = [order.index(c["old"]["eid"]) for c in model["changes"] if c["old"] and c["new"]]
    if all(c["kind"] == "equal" for c in model["changes"]) and kept == sorted(kept):
        assert revisions(data) == []


@SETTINGS
@given(data=st.data())
def test_accept_reject_h2288(h2288, data):
    new = data.draw(edited_tree(h2288))
    check(h2288, new)
    check(new, h2288)


@SETTINGS
@given(data=st.data())
def test_accept_reject_eo650(eo650, data):
    check(eo650, data.draw(edited_tree(eo650)))


@SETTINGS
@given(data=st.data())
def test_accept_reject_a_split_and_a_join(h2288, eo650, data):
    """A paragraph cut at a sentence, and two made one: the paragraph mark between the parts is
    tracked, so each text comes back paragraph for paragraph."""
    doc = data.draw(st.sampled_from([h2288, eo650]))
    new = data.draw(split_tree(doc))[0]
    check(doc, new)
    check(new, doc)
    joined = data.draw(joined_tree(doc))[0]
    check(doc, joined)
