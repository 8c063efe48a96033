"""Accept-all and reject-all give the two texts back exactly, over generated edits of the real trees."""

from docx_revisions import paragraphs, revisions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_diff_property import edited_tree

from lawdiff.changes import compare
from lawdiff.render.docx import FRONT_MATTER_PARAGRAPHS, render_docx

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def texts(doc):
    return [" ".join(p for p in (n.num, n.heading, n.text) if p) for n in doc.tree.walk() if n.num or n.heading or n.text]


def check(old, new):
    model = compare(old, new)
    data = render_docx(model, old, new)
    assert paragraphs(data, accept=True)[FRONT_MATTER_PARAGRAPHS:-1] == texts(new)
    assert paragraphs(data, accept=False)[FRONT_MATTER_PARAGRAPHS:-1] == texts(old)
    changed = [c for c in model["changes"] if c["kind"] != "equal"]
    assert bool(revisions(data)) == bool(changed)


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
