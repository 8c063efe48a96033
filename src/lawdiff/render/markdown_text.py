"""Text inside Markdown that GitHub shows verbatim: the one escaping rule of every Markdown output
(the redline, ``render.markdown``, and the matrix tables, ``render.matrix_tables``).

Escaped, with a backslash (CommonMark lets any ASCII punctuation be escaped, and an escaped
character always shows as itself): ``\\`` and the backtick (escapes, code), ``*`` ``_`` (emphasis),
``[`` ``]`` (links), ``<`` ``>`` (HTML, autolinks), ``~`` (GitHub's strike-through), ``|``
(table cells), ``&`` ("&amp;" would show as "&"), and ``#``: inside a heading's text a ``#``
after a space is read as the heading's closing sequence and dropped ("## Topic #" shows
"Topic").  What opens a block at the start of a paragraph ("1.", "-") is the renderer's
business: ``render.markdown`` keeps such paragraphs paragraphs.
"""

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#&~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
