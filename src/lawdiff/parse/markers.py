"""Structure markers: which provision a piece of text opens ("SECTION 2.", "Section 63.", a line
item "7004-0070", "(a)", "(1)", "(i)", "(A)", a defined term in quotes).

Pure functions of the text.  Where a marker's provision stands in the tree (a "(i)" that is
really subsection (i), a clause nested under a subclause) is the body builder's business.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple

# A section put between two others carries a fraction: "Section 10A ½." (H.2734), "Section 24I½.",
# "Section 11F 2/3." (H.4543), "SECTION 46H1/2.".
FRACTION = r"(?: ?½| ?\d/\d)"
# "SECTION 2." and, as real bills also print it: "SECTION 2:", "SECTION 14.Chapter",
# "SECITON 344." (H.4396 of the 193rd), "SECTON 7." (H.548), "SECION 325." (H.160), the number run into
# the word ("SECTION436.", H.142; "SECTION1:", S.1156), "SECTION A1." (H.3), "SECTION 2C.I." (a budget's parts).
# An opening quotation mark before it ("“SECTION 11.", S.26) marks a section of quoted text, which
# the body builder places so (``Body._quoted_mark``).
BILL_SECTION = re.compile(rf"^([“\"]?(?:SECTION|SECITON|SECTON|SECION)(?: |(?=\d))(?:[A-Z]?\d+[A-Z]{{0,8}}(?:\.[IVX]+|{FRACTION})?|[IVXLC]+)[.:])(?=\s|$|[A-Z])")
# A budget's or bond bill's line item: its account number, then its purpose, which opens "For"
# ("7004-0070 For state financial assistance ..."); printed at a line's start, like a SECTION.
LINE_ITEM = re.compile(r"^(\d{4}-\d{4})(?=\s+For\b)")
# Inserted sections carry long suffixes: "Section 2JJJJJJ.", "Section 15AAAAAAA."; a fraction; decimal
# numbers where the law numbers so ("Section 5.01." of the Business Corporation Act, H.3024); an
# opening quotation mark ("“Section 17.", H.4503).
SECTION = re.compile(rf"^([“\"]?(?:Section|Sec\.) \d+(?:\.\d{{1,3}})?[A-Za-z]{{0,10}}{FRACTION}?[.:])(?=\s|$|[A-Z])")
# Only inside quoted text: an inserted section whose number lost its full stop, before its first
# subsection ("Section 54B (a) If a child ...", "Section 12D ½ (a) ...", S.651) or alone on its
# paragraph ("“Section 35QQQ", S.587); and one numbered in Roman figures or by a placeholder letter
# ("“Section X:", H.3064).
SECTION_NO_STOP = re.compile(rf"^([“\"]?Section \d+[A-Z]{{0,10}}{FRACTION}?)(?=\s+\([a-z0-9]{{1,4}}\)\s|\s*$)")
ROMAN_SECTION = re.compile(r"^([“\"]?Section [IVXLC]+[.:])(?=\s|$)")
# Only inside quoted text: a section numbered by its article or part, as uniform acts and charters
# print them ("Section 1-101. SHORT TITLE", "SECTION 2-207. INCONVENIENT FORUM", S.2961; "SECTION 3-9.
# VACANCY IN OFFICE OF MAYOR", S.2696).  Outside a quotation such a number is a citation's.
HYPHENATED_SECTION = re.compile(r"^([“\"]?(?:Section|SECTION) \d{1,3}-\d{1,4}[A-Z]{0,3}[.:])(?=\s|$|[A-Z])")
# Only inside quoted text: an inserted section printed as a bare number ("197A."), and the
# heading of an inserted chapter ("CHAPTER 6D.", "Chapter 6D") that holds its own sections.
BARE_SECTION = re.compile(rf"^(\d{{1,4}}[A-Z]{{1,10}}{FRACTION}?\.)(?=\s+[A-Z(“\"]|$)")
# An inserted chapter's heading may open the quotation ("“CHAPTER 93M.", S.1092) or carry a colon
# ("Chapter 25D: LOCAL CLIMATE ...", H.3693), or a fraction ("Chapter 19D1/2", H.634).
CHAPTER = re.compile(rf"^([“\"]?(?:CHAPTER|Chapter) \d+[A-Z]{{0,3}}{FRACTION}?[.:]?)(?=\s|$)")
# A bill's own section opener as people type it (S.2523, H.200, H.3417, H.2336, S.865): a space
# before the stop ("SECTION 3 ."), a digit typed apart ("SECTION 1 3."), no stop ("SECTION 1"
# alone, "SECTION 2 Chapter 9 ..."), a dash or a comma ("SECTION 1 - Chapter 23B ..."), a doubled
# stop ("SECTION 3.."), a stop and a dash ("SECTION 1:- Section 32 of ...", H.2315), "SECTION. 2", a letter l for the digit 1 ("SECTION l.", H.2801), the closing
# quotation mark of the section before at its start (S.1002), a stop typed before the space ("SECTION 4 .The", H.619).  Each could be a citation or a heading of quoted text, so
# the body takes one only where its number carries the bill's own numbering on (``Marker.loose``).
# "Section 4" typed in small letters needs a stop, or to stand alone on its paragraph.
LOOSE_SECTION = re.compile(r"^([”\"]?(?:SECTION|Section)\.? (\d{1,3}(?: \d)?[A-Z]{0,3}|l)"
                           r"(?: ?(\.{1,3}:?|:)(?: ?[-–—]{1,2})?|( [-–—]|,)|))(?=\s+[A-Z(“\"]|$|(?<=\.)[A-Z])")
# What ends an amending instruction: ":-", also printed ": -", ":--" or with a dash; or a bare
# colon after "the following section", "the following 2 sections", "the following chapter".
QUOTE_OPENS = re.compile(
    r":\s?[-–—]{1,2}$|\bfollowing (?:new |\w+ )?(?:sections?|chapters?|subsections?|paragraphs?|clauses?|"
    r"subclauses?|articles?|parts?|titles?)\s?:\.?$")  # "the following chapter:." (H.1238)
# An instruction that inserts subsections: "... the following subsections:-" (its last printed
# line, which holds at least that word).
QUOTES_SUBSECTIONS = re.compile(r"\bsubsections?\s?:\s?[-–—]{0,2}$", re.I)
# An instruction that inserts one section: the next "SECTION n." after it is the bill's own.
ONE_SECTION = re.compile(r"\bfollowing (?:new )?section\s?:", re.I)
# A marker is followed by a space, or as real bills also print it by the next marker ("(e)(1) Except
# ...", as H.3306 prints it) or by its text with no space ("(a)A carrier", "(2)record each load",
# "(i)with the date", as H.4632 prints them): a capital, or a small letter after a number or a
# roman numeral (after a letter it would be a word: "(s)he"); or by a stop typed after it, then a space
# and a capital ("(a). Definitions:", H.82; "(2).\tSecurities", H.346): the stop is the number's, as in
# "SECTION 2." (``subdivision_label`` gives "a" of both).
SUBDIVISION = re.compile(r"^(\((\d{1,3}[A-Za-z]?|[a-z]{1,4}|[A-Z]{1,2})\)(?:\.(?=\s+[A-Z“\"]))?)"
                         r"(?=\s|$|\(|[A-Z“\"]|(?<=\d\))[a-z]|(?<=[ivx]\))[a-z])")
DEFINITION = re.compile(r"^[“\"]([^”\"]+?),?[”\"],?(?=\s|$)")
DEFINITIONS_INTRO = re.compile(r"following (?:words|terms)[^.]*? (?:shall )?have the following meanings|As used in this", re.I)
# A labelled field of a web page's header: "Date: 01/29/2026", "Issuer: Maura Healey".
FIELD = re.compile(r"^(?:Date|Issuer|Issued|Signed|Effective Date|Filed|Docket|Bill Number|Sponsor|Presented by): \S")
RECITAL = re.compile(r"^WHEREAS\b", re.I)  # "Whereas," opens an emergency preamble
FORMULA = re.compile(r"^(Be it enacted\b|NOW,? THEREFORE\b)")
TERMINAL = re.compile(r"(?:[.:;]|:\s?[-–—]{1,2}|[;,] (?:and|or))[\"”’)]*$")
_CLOSERS = "\"”’)"  # what may follow TERMINAL's stop: closing quotes and brackets
_CLOSERS_OR_NEWLINE = _CLOSERS + "\n"
_TERMINAL_REACH = 6  # TERMINAL's stop is at most 5 characters (", and"), ending where the closers start


_STOP_ENDS = ".:;-–—dr"  # the last character of TERMINAL's stop ("and", "or": d, r)


def terminal(text: str) -> bool:
    """``TERMINAL.search(text)``, looking only at the end of ``text``: a match ends at the end (or
    before a last newline), after its stop and any closing quotes and brackets, so the stop's last
    character is the last one left when those are stripped, and the stop starts at most 5
    characters before it.  A search from the start tried every position of a long provision's
    text (issue 26: 40,000 calls for an omnibus pair)."""
    stripped = text.rstrip(_CLOSERS_OR_NEWLINE)
    if not stripped or stripped[-1] not in _STOP_ENDS:
        return False
    start = len(stripped) - _TERMINAL_REACH
    return TERMINAL.search(text, start if start > 0 else 0) is not None
ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


class MarkerLevel(StrEnum):
    """What a marker opens.  The values are the tree's node types (a bill's own "SECTION n."
    becomes a ``section`` node too; it is told apart only to place it)."""

    BILL_SECTION = "billSection"
    CHAPTER = "chapter"
    SECTION = "section"
    LINE_ITEM = "lineItem"
    SUBSECTION = "subsection"
    PARAGRAPH = "paragraph"
    CLAUSE = "clause"
    SUBCLAUSE = "subclause"


# Depth of a marker's provision below the frame it stands in (the body, or a quoted structure).
LEVELS = {"chapter": 0.5, "section": 1, "lineItem": 1.5, "subsection": 2, "paragraph": 3, "clause": 4, "subclause": 5}


class Marker(NamedTuple):
    """A marker found (a named tuple: made for every unit that opens a provision, and a frozen
    dataclass took four ``object.__setattr__`` calls to make)."""

    level: MarkerLevel
    num: str  # as printed: "SECTION 2.", "(a)"
    rest: str  # the text after it
    loose: str | None = None  # a loosely typed bill section opener: its stop ("." "-" ",", "" for none)


# The first character of every marker pattern below: an opening quote, "S"ection, "C"hapter, "(",
# or a digit (a line item, a bare section number).
MARKER_FIRSTS = "“”\"SC("


def marker(text: str, quoted: bool = False) -> Marker | None:
    """The structure marker at the start of ``text``; ``quoted``: the text stands in an
    amendment's quoted structure, where bare numbers and chapters are markers too."""
    # Each pattern is tried only where the text's first character can start it (as every one of
    # them is anchored at the start, the answer is the same): "(" opens a subdivision only, a
    # digit a line item or a bare section number, a quotation mark, "S" or "C" the rest.
    first = text[:1]
    if first == "(":
        return _subdivision(text)
    if first.isdigit():  # every character ``\d`` matches is a digit to ``isdigit``
        if m := LINE_ITEM.match(text):
            return Marker(MarkerLevel.LINE_ITEM, m.group(1), text[m.end():].lstrip())
        if quoted and (m := BARE_SECTION.match(text)):
            return Marker(MarkerLevel.SECTION, m.group(1), text[m.end():].lstrip())
        return None
    if first not in MARKER_FIRSTS:
        return None  # no pattern below can match: most continuation lines are answered here
    if m := BILL_SECTION.match(text):
        return Marker(MarkerLevel.BILL_SECTION, m.group(1), text[m.end():].lstrip())
    if m := SECTION.match(text):
        return Marker(MarkerLevel.SECTION, m.group(1), text[m.end():].lstrip())
    if quoted and (m := SECTION_NO_STOP.match(text) or ROMAN_SECTION.match(text) or HYPHENATED_SECTION.match(text)):
        return Marker(MarkerLevel.SECTION, m.group(1), text[m.end():].lstrip())
    if quoted and (m := CHAPTER.match(text)):
        return Marker(MarkerLevel.CHAPTER, m.group(1), text[m.end():].lstrip())
    if (m := LOOSE_SECTION.match(text)) and (m.group(3) or "SECTION" in m.group(1) or m.end() == len(text)):
        stop = "." if m.group(3) else {"–": "-", "—": "-"}.get((m.group(4) or "").strip(), (m.group(4) or "").strip())
        return Marker(MarkerLevel.BILL_SECTION, m.group(1), text[m.end():].lstrip(), loose=stop)
    return None


def subdivision_label(num: str) -> str:
    """A subdivision's label: "(a)" and "(a)." -> "a"."""
    return num.rstrip(".").strip("()")


def _subdivision(text: str) -> Marker | None:
    """"(a)", "(1)", "(i)", "(A)" at the start of ``text``."""
    if m := SUBDIVISION.match(text):
        label = m.group(2)
        if label[0].isdigit():
            level = MarkerLevel.PARAGRAPH
        elif label.isupper():
            level = MarkerLevel.SUBCLAUSE
        elif ROMAN.match(label):
            level = MarkerLevel.CLAUSE  # "(i)" after "(h)" is corrected by the builder
        else:
            level = MarkerLevel.SUBSECTION
        return Marker(level, m.group(1), text[m.end():].lstrip())
    return None


def continues(before: str | None, num: str) -> bool:
    """Does section ``num`` follow ``before`` in one run: the next number (7 after 6) or a
    lettered one inserted after it (2A after 2, 2B after 2A)?"""
    a, b = _section_number(before), _section_number(num.upper())
    if a is None or b is None:
        return False
    return b[0] == a[0] + 1 or (b[0] == a[0] and b[1] > a[1])


def _section_number(num: str | None) -> tuple[int, str] | None:
    # An article's section ("SECTION 1-102.") carries no run of its own: 2 does not follow it.
    m = re.search(r"(\d+)([A-Z]*)(-\d)?", num or "")
    return (int(m.group(1)), m.group(2)) if m and not m.group(3) else None


def roman_value(label: str) -> int:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    if not ROMAN.match(label):
        return -1
    total = 0
    for a, b in zip(label, label[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def next_letter(label: str) -> str | None:
    """"h" -> "i", "aa" -> "bb"; None after "z"."""
    if len(set(label)) != 1 or label[0] >= "z":
        return None
    return chr(ord(label[0]) + 1) * len(label)
