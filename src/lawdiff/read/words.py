"""Word-level repairs every reader applies to its lines: rules of underscores, hyphenation.

Shared so that text, PDF and HTML readers treat the same printed words the same way.
"""

import re

from lawdiff.read.lines import Line

_RULE = re.compile(r"^_{3,}$")
_HYPHENATED_END = re.compile(r"(?:^|(?<=\s))([^\W\d_]+)-$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHEN_ENDS = ("-", "-\n")  # where _HYPHENATED_END's "-$" can match


def blank_rules(lines: list[Line]) -> None:
    """A rule of underscores is typography: it separates blocks and holds no words."""
    for line in lines:
        if line.text.startswith("___") and _RULE.match(line.text):
            line.text = ""


def repair_hyphenation(lines: list[Line]) -> None:
    """Join a word hyphenated across two lines onto the first line.

    The hyphen is dropped only where the joined word occurs elsewhere in the
    document and the hyphenated form does not ("investi-gation"); a compound
    ("non-federal", "Inter-Governmental") keeps it.
    """
    # A repair needs a line ending in a hyphen (as _HYPHENATED_END does); the document's word
    # list only a hyphen before a lower-case letter, which bills seldom print (their ":-" is
    # none): built then, from the lines as they were before any repair (issue 26: it was an
    # eighth of reading an omnibus bill).
    texts = [line.text for line in lines]
    if _may_end_hyphenated(texts):
        _repair(lines, texts)


def _may_end_hyphenated(texts: list[str]) -> bool:
    """Might a text end as ``_HYPHENATED_END`` matches, a letter and a hyphen?  Found by scanning
    the texts joined for each hyphen at a text's end, not by a call for each pair of lines: a
    bill's ":-" is none (issue 26).  A letter is alphanumeric, so the test errs only towards yes."""
    joined = "\n".join(texts) + "\n"
    at = joined.find("-\n")
    while at != -1:
        if at and joined[at - 1].isalnum():
            return True
        at = joined.find("-\n", at + 2)
    return False


def _repair(lines: list[Line], texts: list[str]) -> None:
    """``repair_hyphenation`` over every pair of lines; ``texts``: the lines' texts before it."""
    words: set[str] | None = None
    for a, b in _consecutive(lines):
        if not a.text.endswith(_HYPHEN_ENDS):
            continue
        m = _HYPHENATED_END.search(a.text)
        if not m or not b.text[:1].isalpha():
            continue
        head = m.group(1)
        first, _, rest = b.text.partition(" ")
        tail = _WORD.match(first)
        tail_letters = tail.group(0) if tail else ""
        soft = b.text[0].islower()
        if soft:
            if words is None:
                words = {w.lower() for text in texts for w in _WORD.findall(text)}
            soft = (head + tail_letters).lower() in words and f"{head}-{tail_letters}".lower() not in words
        a.text = a.text[: m.start(1)] + head + ("" if soft else "-") + first
        b.text = rest


def _consecutive(lines: list[Line]):
    """Pairs of lines that continue one another: adjacent lines, or printed lines with only blanks between."""
    previous = None
    for line in lines:
        if not line.text:
            if previous is not None and previous.number is None:
                previous = None  # a blank line ends an unnumbered paragraph
            continue
        if previous is not None:
            yield previous, line
        previous = line
