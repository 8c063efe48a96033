"""A long instrument's page cut into parts of at most ``LIMIT`` bytes: ``<id>.html`` (the
header, provenance, history, contents and the first provisions), ``<id>-2.html``, ...

Reads the page ``render_instrument(..., marks=True)`` wrote (its comments mark where each
provision starts and ends); writes the parts, as text.  A page is cut
only between provisions: a section cut inside is closed at the end of one part and opened
again (without its id) at the start of the next.  Every ``href="#eid"`` naming a provision
in another part points to that part; a link from elsewhere to ``<id>.html#eid`` for a
provision in a later part is sent there by a short script on the first part (the deepest of
its enclosing provisions that the map names: each provision that is
not in its parent's part), and the contents link each part's provisions directly.
"""

from __future__ import annotations

import json
import re

from lawdiff.render.instrument_html import PART_MARK

LIMIT = 450 * 1024  # bytes of HTML a part may hold: below the site's 500 KB bound, with room for the pager
MARK = re.compile(r"<!--lp([se]):(\d+)-->")
OPEN = re.compile(r'<section class="[^"]*"(?: id="([^"]*)")? data-depth="\d+">')
TEXT_START = re.compile(r'<div class="doc-text[^"]*">\n?')
TEXT_END = "</div>\n</div>\n</article>"
HREF = re.compile(r'href="#(h-)?([^"]+)"')
IDS = re.compile(r' id="([^"]+)"')


def part_name(id_: str, n: int) -> str:
    return f"{id_}.html" if n == 1 else f"{id_}-{n}.html"


def split(html: str, id_: str, limit: int | None = None) -> list[str]:
    """The page ``html`` of instrument ``id_`` as one or more parts, each under ``limit`` bytes
    (default ``LIMIT``) where its provisions allow; the marks removed."""
    limit = limit or LIMIT
    if len(html.encode()) <= limit:
        return [PART_MARK.sub("", html)]
    for reserve in (limit // 16, limit // 4, limit // 2):  # room on the first part for its script's map
        parts = _split(html, id_, limit, reserve)
        if len(parts[0].encode()) <= limit:
            break
    return parts


def _split(html: str, id_: str, limit: int, reserve: int) -> list[str]:
    start = TEXT_START.search(html)
    end = html.rfind(TEXT_END)
    if start is None or end < start.end():
        return [PART_MARK.sub("", html)]
    head, body, tail = html[:start.end()], html[start.end():end], html[end:]
    budget = limit - len(tail.encode()) - 4096  # the pager and the part's heading
    pieces = MARK.split(body)  # text, kind, depth, text, kind, depth, ...
    parts: list[str] = []
    current: list[str] = []
    size = len(head.encode()) + reserve
    stack: list[str] = []  # the opening tags of the provisions open here
    top: dict[str, int] = {}  # id -> its part, for each provision not in its parent's part
    parts_of: list[int] = []  # the part of each provision open here (of its id's nearest holder)
    content = False  # the current part holds a provision of its own, not only reopened tags
    i = 0
    text = pieces[0]
    current.append(text)
    while i + 3 <= len(pieces):
        kind, text = pieces[i + 1], pieces[i + 3]  # pieces[i + 2]: the depth, not needed here
        i += 3
        if kind == "s":
            if content and size + len(text.encode()) > budget:
                current.append("</section>" * len(stack))
                parts.append("".join(current))
                reopened = [OPEN.sub(lambda m: m.group(0).replace(f' id="{m.group(1)}"', "")
                                     .replace('class="prov ', 'class="prov prov-continued '), tag, count=1)
                            for tag in stack]
                current, size, content = reopened, 0, False
            tag = OPEN.match(text)
            here = len(parts) + 1
            if tag and tag.group(1) and here != (parts_of[-1] if parts_of else 1):
                top[tag.group(1)] = here  # a provision in another part than the one that holds it
            stack.append(tag.group(0) if tag else '<section class="prov">')
            parts_of.append(here if tag and tag.group(1) else (parts_of[-1] if parts_of else 1))
            content = True
        elif stack:
            stack.pop()
            parts_of.pop()
        current.append(text)
        size += len(text.encode())
    parts.append("".join(current))
    if len(parts) == 1:
        return [PART_MARK.sub("", html)]
    return _pages(head, parts, tail, id_, top)


def part_of(parts: list[str], eid: str) -> int:
    """The part (1, 2, ...) whose page holds provision ``eid``; 1 when none does."""
    return next((n for n, page in enumerate(parts, 1) if f' id="{eid}"' in page), 1)


def _pages(head: str, parts: list[str], tail: str, id_: str, top: dict[str, int]) -> list[str]:
    count = len(parts)
    where: dict[str, int] = {}
    for n, text in enumerate(parts, 1):
        for found in IDS.findall(text):
            where.setdefault(found, n)
    h1 = re.search(r"<h1>.*?</h1>", head, re.S)
    title = re.search(r"<title>(.*?)</title>", head, re.S)
    main = head.index('<main id="main">') + len('<main id="main">')
    out = []
    for n, text in enumerate(parts, 1):
        pager = ('<nav class="pager parts" aria-label="Parts of this text" data-pagefind-ignore>'
                 f"This text is long: part {n} of {count}. "
                 + " ".join(f"<strong aria-current=\"page\">{k}</strong>" if k == n
                            else f'<a href="{part_name(id_, k)}">{k}</a>' for k in range(1, count + 1))
                 + "</nav>\n")
        if n == 1:
            page = head + pager + text + tail
        else:
            page = (head[:main].replace(title.group(0), f"<title>{title.group(1)} (part {n} of {count})</title>")
                    if title else head[:main])
            page += ('\n<article class="instrument" data-pagefind-body>\n<header class="doc-header">'
                     + (h1.group(0) if h1 else "") + "</header>\n" + pager
                     + '<div class="doc-layout"><div class="doc-text">\n' + text + tail)

        def link(m: re.Match, n: int = n) -> str:
            k = where.get(m.group(2))
            if k is None or k == n:
                return m.group(0)
            return f'href="{part_name(id_, k)}#{m.group(1) or ""}{m.group(2)}"'

        page = HREF.sub(link, page)
        if n == 1:  # a link from another page to a provision of a later part: go there
            script = ("<script>(function(){var p=" + json.dumps(top,
                                                                 separators=(",", ":"))
                      + ",h=decodeURIComponent(location.hash.slice(1)).replace(/^h-/,'');"
                      "if(!h||document.getElementById(h))return;for(var e=h;;){"
                      "if(p[e]){if(p[e]>1)location.replace('" + id_ + "-'+p[e]+'.html'+location.hash);return}"
                      "var k=e.lastIndexOf('__');if(k<0)return;e=e.slice(0,k)}})();</script>\n")
            page = page.replace("</main>", script + "</main>", 1)
        out.append(PART_MARK.sub("", page))
    return out
