"""Read stage: source bytes -> ``Reading`` (lines with their printed numbers).

One reader per format, chosen by the content of the bytes rather than by the
file name.  Every reader returns the same ``Reading`` shape.
"""

from .lines import Line, Reading, fold
from .text import read_text
from ..decode import decode

__all__ = ["Line", "Reading", "fold", "read", "read_text"]


def read(data: bytes, source: object) -> Reading:
    """Read ``data`` (the bytes of ``source``, named in errors) into lines."""
    return read_text(decode(data, source))
