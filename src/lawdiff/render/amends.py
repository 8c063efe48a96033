"""``lawdiff amends`` as text or Markdown: one line (or table row) per instruction, in order."""

from __future__ import annotations

from lawdiff.cite.labels import describe, describe_motion, lines_text
from lawdiff.parse.provisions import instrument_name
from lawdiff.render.markdown_text import escape


def _lines(item: dict) -> str:
    return lines_text((item.get("where") or {}).get("lines"))


def _amendment(a: dict) -> str:
    return f"{a['branch']} amendment {a['number']}" + (f" ({a['sponsor']})" if a["sponsor"] else "") + \
        f", {a['action'] or 'no action recorded'}"


def _floor_text(floor: list[dict]) -> list[str]:
    """The floor amendments' instructions, apart from the bill's own."""
    if not floor:
        return []
    out = ["", f"Floor amendments: {len(floor)}"]
    for a in floor:
        out.append(f"{_amendment(a)}  " + ("; ".join(describe_motion(i) for i in a["instructions"])
                                             or "no instruction to amend the text read"))
        out += [f"    warning: {i['warning']}" for i in a["instructions"] if i.get("warning")]
    return out


def to_text(meta: dict, items: list[dict], floor: list[dict] | None = None) -> str:
    """"SECTION 3  inserts G.L. c. 126 § 40": the instrument, then one line per instruction; then,
    apart, one line per floor amendment (``cite.motions.amendment_instructions``)."""
    out = [f"{instrument_name(meta)}: {len(items)} amending instruction{'s' if len(items) != 1 else ''}"]
    for item in items:
        extra = ", ".join(p for p in (_lines(item), f"as appearing in the {item['as_appearing']}"
                                      if item.get("as_appearing") else "") if p)
        out.append(f"SECTION {item['section']}  {describe(item)}" + (f"  ({extra})" if extra else ""))
        if item.get("warning"):
            out.append(f"    warning: {item['warning']}")
    return "\n".join(out + _floor_text(floor or [])) + "\n"


def to_markdown(meta: dict, items: list[dict], floor: list[dict] | None = None) -> str:
    """A table: SECTION | what it does | where | note."""
    out = [f"# Which laws {escape(instrument_name(meta))} amends", "",
           "| SECTION | What it does | Where | Note |", "|---|---|---|---|"]
    for item in items:
        where = item.get("where") or {}
        place = ", ".join(p for p in (f"after {where['after']}" if where.get("after") else "", _lines(item)) if p)
        out.append(f"| {escape(item['section'])} | {escape(describe(item))} | {escape(place)} | "
                   f"{escape(item.get('warning') or '')} |")
    if not items:
        out.append("| | amends no law | | |")
    if floor:
        out += ["", "## Floor amendments", "", "| Amendment | What it does to the text |", "|---|---|"]
        out += [f"| {escape(_amendment(a))} | {escape('; '.join(describe_motion(i) for i in a['instructions']))} |"
                for a in floor]
    return "\n".join(out) + "\n"
