"""What every reader produces: the instrument's text as lines.

A reader (text, PDF, HTML) turns source bytes into a ``Reading``: the lines of
the instrument in order, page furniture already removed, printed line numbers
taken out of the text and kept beside it.  The parser works only on this.
"""

from dataclasses import dataclass, field


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
