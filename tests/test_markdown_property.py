"""The Markdown redline read back as GitHub renders it (cmark-gfm) gives both texts exactly,
whatever punctuation the edits start or end with."""

import cmarkgfm
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lhtml

from lawdiff.render.markdown import _paragraph, _tokens
from lawdiff.diff.tokens import word_diff

# Words as bills print them: section signs, parentheses, curly quotes, dashes, figures.
WORDS = ["the", "agency", "§", "7(26)", "(a)", "“DHS”", "sheriff’s", ",", ";", "—", "90", "1357(g)",
         "*", "_x_", "~", "<b>", "&amp;", "[1]", "law.", "(i)", ":-", "“", "”", "#", "No. #5"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)


def sides(markdown: str) -> tuple[str, str]:
    """(old, new): the rendered paragraph without its insertions, then without its deletions."""
    html = cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
    out = []
    for drop in ("strong|.//ins", "del|.//s"):
        root = lhtml.fromstring(f"<div>{html}</div>")
        for el in root.xpath(f".//{drop}"):
            el.drop_tree()
        out.append(" ".join(root.text_content().split()))
    return out[0], out[1]


@settings(max_examples=400, deadline=None)
@given(TEXT, TEXT)
def test_markdown_redline_reads_back_to_both_texts(old, new):
    tokens = [list(t) for t in word_diff(old, new).tokens]
    assert sides(_paragraph(_tokens(tokens))) == (" ".join(old.split()), " ".join(new.split()))


def test_an_insertion_opening_with_punctuation_after_a_deletion():
    """"paragraph 26 of section 7" replaced by "§ 7(26)": both must show as marked."""
    markdown = _tokens([["=", "under "], ["-", "paragraph 26 of section 7"], ["+", "§ 7(26)"], ["=", " of"]])
    assert sides(markdown) == ("under paragraph 26 of section 7 of", "under § 7(26) of")


def test_a_deletion_opening_with_punctuation_after_an_insertion():
    markdown = _tokens([["=", "under "], ["+", "section 7"], ["-", "(26)"], ["=", " of"]])
    assert sides(markdown) == ("under (26) of", "under section 7 of")
    markdown = _tokens([["=", "under "], ["+", "(b)"], ["-", "c"], ["=", " of"]])
    assert sides(markdown) == ("under c of", "under (b) of")
