"""``give_back()``: hand the C heap's free pages back to the operating system (glibc's
``malloc_trim``), where a stage has just let go of many objects.

Python keeps small objects in its own arenas but a dict's or a list's table of more than 512
bytes comes from ``malloc``; freed, those pages stay in the process, scattered among live ones,
and Python's next small objects come from new arenas beside them.  After the alignment (its
word multisets are tens of thousands of dict tables) the changes were built on top of what it
had freed: 30,000 sections peaked 68 MB higher (issue 26: memory).  A few milliseconds; a no-op
where the C library is not glibc.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys


def _trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others: no malloc_trim
        return None


_MALLOC_TRIM = _trim()


def give_back() -> None:
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)
