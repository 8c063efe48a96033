"""One Markdown escaping rule (render.markdown_text.escape), read back as GitHub renders it
(cmark-gfm): any text shows verbatim in a paragraph, a heading and a table cell."""

import cmarkgfm
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lhtml

from lawdiff.render import markdown, matrix_tables
from lawdiff.render.markdown_text import escape

# ASCII punctuation, words, spaces: what could be markup and what is plainly text.
TEXT = st.lists(st.sampled_from(list("\\`*_[]<>|#&~!-+=.:()\"'") + ["amp;", "#x26;", "a", "b", " "]),
                min_size=1, max_size=16).map("".join).filter(lambda s: s.strip() == s and s)


def rendered(md: str, tag: str) -> str:
    html = cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_UNSAFE)
    return lhtml.fromstring(f"<div>{html}</div>").xpath(f"string(.//{tag})")


def test_both_markdown_outputs_escape_alike():
    assert markdown.escape is escape
    assert matrix_tables.md_escape("a|b #c") == escape("a|b #c")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_shows_verbatim(text):
    assert rendered(f"x {escape(text)}", "p") == f"x {text}"  # "x " first: block starts are the renderer's
    assert rendered(f"## x {escape(text)}", "h2") == f"x {text}"
    assert rendered(f"| h |\n|---|\n| x {escape(text)} |", "td") == f"x {text}"


def test_a_heading_keeps_a_trailing_hash():
    # "## Topic #" would close the heading and drop the "#" (the redline's "# Redline: ..." and
    # the matrix's "## label" are headings).
    assert rendered("## Topic #", "h2") == "Topic"
    assert rendered(f"## {escape('Topic #')}", "h2") == "Topic #"
