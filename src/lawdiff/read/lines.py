"""What every reader produces: the instrument's text as lines.

A reader (text, PDF, HTML) turns source bytes into a ``Reading``: the lines of
the instrument in order, page furniture already removed, printed line numbers
taken out of the text and kept beside it.  The parser works only on this.
"""

import re
from dataclasses import dataclass, field

from lawdiff.errors import LawdiffError


@dataclass(slots=True)
class Line:
    text: str
    """The line's words, whitespace folded; "" for a blank line (a paragraph break)."""
    number: int | None = None
    """The line number printed in the margin, or None where the source prints none."""
    src: int = 0
    """1-based position of the line in the source file (or the reader's own order)."""


@dataclass
class Reading:
    lines: list[Line]
    line_numbers: str = "source"
    """"printed" when the source prints line numbers (bills), else "source"."""
    meta: dict = field(default_factory=dict)
    """What the reader learnt about the document itself (e.g. from a PDF cover page)."""
    body_only: bool = False
    """The source holds the body alone, no title or enacting clause before it (the API's DocumentText)."""


def fold(s: str) -> str:
    """Fold every run of whitespace (including no-break spaces) to one space."""
    return " ".join(s.split())


def is_folded(s: str) -> bool:
    """Is ``s`` already folded (``fold(s) == s``)?  Every whitespace character but the space is
    unprintable, so a printable text needs only the tests for a doubled, leading or trailing
    space: no list of its words is made."""
    if "  " in s or s[:1] == " " or s[-1:] == " ":
        return False
    return s.isprintable() or fold(s) == s


# Characters XML 1.0 cannot carry, even escaped: C0 controls other than tab, newline and carriage
# return; surrogates; U+FFFE and U+FFFF.  They are not text (a terminal escape, a stray byte of a
# binary file, a byte-order mark read the wrong way round), and AKN and Word could not hold them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def text_only(s: str) -> str:
    """``s`` with each character XML cannot carry shown as U+FFFD (the replacement character), so that
    every output (JSON, HTML, AKN, Word) holds the same text and a reader sees where one stood.
    The control characters Python counts as whitespace are folded like any whitespace first."""
    return _NOT_TEXT.sub(REPLACEMENT, s) if _NOT_TEXT.search(s) else s


def refuse_not_text(meta: dict, source: object, output: str) -> None:
    """A one-line error when a field of ``meta`` (from the manifest, not read from the text) holds a
    character ``text_only`` would have replaced: ``output`` (AKN, Word) could not hold it."""
    for key, value in meta.items():
        found = _NOT_TEXT.search(str(value)) if isinstance(value, (str, list, dict)) else None
        if found:
            raise LawdiffError(source, f"field {key!r} holds U+{ord(found.group()):04X}, a control character"
                                       f" {output} cannot hold; remove it from the manifest")


# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): invisible, they
# make a browser, Word or a PDF show the words around them in another order than they are
# read and compared ("bidi" spoofing).  No Massachusetts text needs them (the marks U+200E and
# U+200F, which change no order of words, are kept).  Shown as U+FFFD, like the characters
# XML cannot carry, and counted in ``meta["bidi_controls"]``.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def text_only_reading(reading: Reading) -> Reading:
    """``reading`` with ``text_only`` applied to every line and every string the reader learnt,
    and every bidirectional control shown as U+FFFD (said in ``meta``)."""
    bidi = 0
    # Every character either pattern matches is unprintable (a control, a surrogate, a
    # noncharacter, a format character): a text all printable, as most are, is left as it is
    # after one C pass over it, where each line was scanned twice (issue 26).
    if not all(map(str.isprintable, [line.text for line in reading.lines])):
        for line in reading.lines:
            line.text = text_only(line.text)
            if _BIDI.search(line.text):
                line.text, found = _BIDI.subn(REPLACEMENT, line.text)
                bidi += found
    reading.meta = _text_only_values(reading.meta)
    if bidi:
        reading.meta["bidi_controls"] = (f"{bidi} bidirectional control character(s) (U+202A–U+202E, U+2066–U+2069), "
                                         "which would show words in another order than they are compared, "
                                         "are shown as U+FFFD")
    return reading


def _text_only_values(value):
    if isinstance(value, str):
        return _BIDI.sub(REPLACEMENT, text_only(value))
    if isinstance(value, dict):
        return {k: _text_only_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_text_only_values(v) for v in value)
    return value
