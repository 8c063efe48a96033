"""``no_cycle_collector()``: Python's cycle collector paused while a stage builds many small objects.

The change model, its dict and the redline page are many small acyclic objects; the collector
would walk the whole heap again and again while they are made, for nothing to collect.  At 30,000
sections ``to_dict`` took 6.2 s with it on and 0.4 s with it off; the redline page takes 10 % less
at 3,000 (issue 26).  Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def no_cycle_collector():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
