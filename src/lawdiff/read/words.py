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
    # eighth of reading an omnibus bill).  The lines' texts are listed when a first repair is
    # about to change one.  The pairs of lines that continue one another (adjacent lines, or
    # printed lines with only blanks between) are walked here, not yielded by a generator: a step
    # of one for each line was most of the cost where no line ends in a hyphen (issue 26).
    texts: list[str] | None = None
    words: set[str] | None = None

    def document_words() -> set[str]:
        nonlocal words
        if words is None:
            words = {w.lower() for text in texts for w in _WORD.findall(text)}
        return words

    a = None  # the line before, that this one may continue
    for b in lines:
        if not b.text:
            if a is not None and a.number is None:
                a = None  # a blank line ends an unnumbered paragraph
            continue
        if a is not None and a.text.endswith(_HYPHEN_ENDS) and (m := _HYPHENATED_END.search(a.text)) \
                and b.text[:1].isalpha():
            if texts is None:
                texts = [line.text for line in lines]
            rejoin(a, b, m, document_words)
        a = b


def rejoin(a: Line, b: Line, hyphenated: re.Match, words) -> None:
    """Join the word ``a`` ends with, hyphenated (``hyphenated``: ``_HYPHENATED_END``'s match), and the first word
    of ``b``, onto ``a``; ``words()``: the document's words, lower-cased, as printed before any repair (asked for
    only before a lower-case letter)."""
    head = hyphenated.group(1)
    first, _, rest = b.text.partition(" ")
    tail = _WORD.match(first)
    tail_letters = tail.group(0) if tail else ""
    soft = b.text[0].islower()
    if soft:
        known = words()
        soft = (head + tail_letters).lower() in known and f"{head}-{tail_letters}".lower() not in known
    a.text = a.text[: hyphenated.start(1)] + head + ("" if soft else "-") + first
    b.text = rest
