"""What every reader produces: the instrument's text as lines.

A reader (text, PDF, HTML) turns source bytes into a ``Reading``: the lines of
the instrument in order, page furniture already removed, printed line numbers
taken out of the text and kept beside it.  The parser works only on this.
"""

import re
from dataclasses import dataclass, field

from lawdiff.errors import LawdiffError


@dataclass
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


def text_only_reading(reading: Reading) -> Reading:
    """``reading`` with ``text_only`` applied to every line and every string the reader learnt."""
    for line in reading.lines:
        line.text = text_only(line.text)
    reading.meta = _text_only_values(reading.meta)
    return reading


def _text_only_values(value):
    if isinstance(value, str):
        return text_only(value)
    if isinstance(value, dict):
        return {k: _text_only_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_text_only_values(v) for v in value)
    return value
