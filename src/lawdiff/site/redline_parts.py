"""A long redline's page cut into parts of at most ``LIMIT`` bytes: ``<slug>.html``,
``<slug>-2.html``, ...; each part is the redline page of a run of the change model's rows
(side by side, inline and printed), under the whole redline's header, counts and downloads,
its rows keeping the whole page's numbers ("changes 41 to 77 of 310").

Reads a change model and a function that renders a page of it; writes the parts, as text.
A row is never cut, so a part holding one enormous provision may still pass the limit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

LIMIT = 450 * 1024  # bytes of HTML a part may hold: below the site's 500 KB bound


def part_name(slug: str, n: int) -> str:
    return f"{slug}.html" if n == 1 else f"{slug}-{n}.html"


def _cut(sizes: list[int], count: int) -> list[tuple[int, int]]:
    """``count`` runs of consecutive rows, of about equal size."""
    target = sum(sizes) / count
    runs, start, acc = [], 0, 0
    for i, size in enumerate(sizes):
        if acc and acc + size > target and len(runs) < count - 1:
            runs.append((start, i))
            start, acc = i, 0
        acc += size
    runs.append((start, len(sizes)))
    return runs


def render_parts(model: dict, slug: str, render: Callable[[dict, dict | None], str],
                 limit: int | None = None) -> list[str]:
    """``render(model, part)`` -> a page (``render_redline`` with ``part=``); the whole page when
    it is under ``limit`` (default ``LIMIT``), else its parts."""
    limit = limit or LIMIT
    whole = render(model, None)
    size = len(whole.encode())
    changes = model.get("changes", [])
    if size <= limit or len(changes) < 2:
        return [whole]
    sizes = [len(json.dumps(c, ensure_ascii=False, default=str)) + 200 for c in changes]  # what a row costs, roughly
    numbered = [c["kind"] != "equal" for c in changes]
    total = sum(numbered)
    count = min(len(changes), math.ceil(size / (limit * 0.8)))
    while True:
        runs = _cut(sizes, count)
        names = [part_name(slug, n) for n in range(1, len(runs) + 1)]
        pages = []
        for n, (a, b) in enumerate(runs, 1):
            before = sum(numbered[:a])
            part = {"n": n, "count": len(runs), "names": names, "first": a, "numbered": before,
                    "last": before + sum(numbered[a:b]), "total": total, "identical": total == 0}
            pages.append(render({**model, "changes": changes[a:b]}, part))
        if all(len(p.encode()) <= limit for p in pages) or count >= len(changes):
            return pages
        count = min(len(changes), math.ceil(count * 1.5))
