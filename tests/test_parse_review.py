"""The parser's rules of issue #23's later rounds read adversarially: a "SECTION n." inside a quotation that says
"... of the General Laws is hereby amended" is the bill's own only after the quotation has text of its own (H.2358's
misnumbered "SECTION 167." after the section it quotes), not when it is the first thing an instruction puts into an
act ("said chapter 200", an act named before).  Records in the API layout, in our own words."""

from __future__ import annotations

from tests.test_parse_quoted_sections import parse, quoted, tops, warnings


def test_an_acts_section_amending_the_general_laws_put_into_said_act_is_quoted():
    doc = parse("SECTION 1. Section 3 of chapter 200 of the acts of 2022 is hereby amended by striking out the word "
                "“may”.",
                "SECTION 2. Said chapter 200 is hereby further amended by inserting after section 40 the following "
                "section:-",
                "SECTION 40A. Section 12 of chapter 32 of the General Laws is hereby amended by striking out the word "
                "“may”.",
                "SECTION 3. This act shall take effect upon passage.")
    assert tops(doc) == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert quoted(doc) == ["SECTION 40A."]
    assert warnings(doc) == []


def test_a_misnumbered_section_after_the_text_a_section_quotes_is_the_bills():
    doc = parse("SECTION 16. Section 15F of chapter 265 of the General Laws is hereby amended by replacing the word "
                "“large” with “small”, as follows:",
                "(a) Whoever keeps a small weapon shall be punished by a fine.",
                "SECTION 167. Section 18B of chapter 265 of the General Laws is hereby amended by replacing the word "
                "“large” with “small”.",
                "SECTION 18. This act shall take effect upon passage.")
    assert tops(doc)[1:] == ["SECTION 167.", "SECTION 18."]
