"""What every site page shares: relative links, the stylesheet and script, citations."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from markupsafe import Markup

from .templates import environment

STATIC = Path(str(files("lawdiff.templates"))) / "static"
STATIC_FILES = ("site.css", "site.js")


def instrument_href(root: str, id_: str, eid: str | None = None) -> str:
    return f"{root}instruments/{id_}.html" + (f"#{eid}" if eid else "")


def redline_href(root: str, slug: str) -> str:
    return f"{root}redlines/{slug}.html"


def line_cite(lines: list[int] | None, numbering: str) -> str | None:
    """"lines 85–97" for printed line numbers; None where the source prints none."""
    if not lines or numbering != "printed":
        return None
    first, last = lines
    return f"line {first}" if first == last else f"lines {first}–{last}"


def render_page(template: str, *, root: str | None, **context) -> str:
    """Render a site template.  ``root`` is the relative path from the page to the
    site's top ("" or "../"); None makes a standalone page with CSS and script inlined."""
    inline = None
    if root is None:
        inline = {name: Markup((STATIC / name).read_text(encoding="utf-8").replace("</", "<\\/"))
                  for name in STATIC_FILES}
    return environment().get_template(template).render(
        root=root if root is not None else "", standalone=root is None, inline=inline,
        instrument_href=instrument_href, redline_href=redline_href, **context)


_PARTS = {"formula": "Enacting formula", "longtitle": "Title", "summary": "Summary", "session": "Session",
          "docket": "Docket", "p": "Paragraph", "rec": "Recital", "preamble": "Preamble", "preface": "Front matter"}


def side_title(meta: dict) -> str:
    """A redline side as a title names it: "H.2288", or for one provision
    "H.2288 Section 40 (sec_3__qstr_1__sec_40)": the reader's name, then the eid."""
    name = str(meta.get("number") or meta.get("id") or "?")
    eid = meta.get("eid")
    return f"{name} {ref_label(meta)} ({eid})" if eid else name


def ref_label(ref: dict) -> str:
    """A reader's name for a provision from its eid: "Section 63(a)", "Section 1, definition of
    “Civil arrest”" (the term as printed where the ref carries it), "Recital 3" (the eid
    itself is the fallback)."""
    eid = ref.get("eid") or ""
    section, subdivisions, tail = None, "", None
    for part in eid.split("__"):
        alias, _, value = part.partition("_")
        if alias == "sec":
            section, subdivisions = value, ""
        elif alias in ("subsec", "para", "cl", "subcl"):
            subdivisions += f"({value})"
        elif alias == "defn":
            tail = f"definition of “{ref.get('term') or value.replace('-', ' ')}”"
        elif alias in _PARTS and alias not in ("preamble", "preface"):
            tail = _PARTS[alias] + (f" {value}" if alias == "rec" else "")
    head = f"Section {section}{subdivisions}" if section and not section.startswith("nn") else ""
    label = ", ".join(p for p in (head, tail) if p)
    return label or ref.get("num") or eid
