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
