"""A change model as a markdown redline, for a terminal or a pull request.

Deleted words are ``~~struck~~``, inserted words **bold** (GitHub-flavoured
markdown); characters markdown would read as markup are escaped.  Unchanged
provisions are counted, not printed.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>~|])")
_BLOCK_START = re.compile(r"^(?:#|[-+>](?=\s)|\d+(?=[.)]\s))")
_LABEL = {"modify": "modified", "insert": "inserted", "delete": "deleted", "move": "moved",
          "renumber": "renumbered", "equal": "unchanged"}


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _title(meta: dict) -> str:
    name = meta.get("number") or meta.get("id") or "?"
    return f"{name} {meta['eid']}" if meta.get("eid") else str(name)


def _lines(ref: dict | None) -> str:
    if not ref or not ref.get("lines"):
        return ""
    a, b = ref["lines"]
    return f"line {a}" if a == b else f"lines {a}–{b}"


def _where(change: dict) -> str:
    old, new = change["old"], change["new"]
    parts = []
    if old and new:
        if old["num"] != new["num"]:
            parts.append(f"{old['num'] or '(unnumbered)'} → {new['num'] or '(unnumbered)'}")
        elif new["num"]:
            parts.append(new["num"])
        if old["eid"] != new["eid"]:
            parts.append(f"`{old['eid']}` → `{new['eid']}`")
        else:
            parts.append(f"`{new['eid']}`")
        cites = [f"old {_lines(old)}" if _lines(old) else "", f"new {_lines(new)}" if _lines(new) else ""]
    else:
        ref = old or new
        if ref["num"]:
            parts.append(ref["num"])
        parts.append(f"`{ref['eid']}`")
        cites = [f"{'old' if old else 'new'} {_lines(ref)}" if _lines(ref) else ""]
    cites = [c for c in cites if c]
    return " · ".join(parts + ([", ".join(cites)] if cites else []))


def _paragraph(text: str) -> str:
    """Keep a paragraph that starts like a heading or list item a paragraph."""
    m = _BLOCK_START.match(text)
    if not m:
        return text
    if m.group(0)[0].isdigit():
        return text[: m.end()] + "\\" + text[m.end():]
    return "\\" + text


def _tokens(tokens: list) -> str:
    out = []
    for op, text in tokens:
        # Keep surrounding spaces outside the markup, or markdown will not see it.
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        if not core or op == "=":
            out.append(escape(text))
        elif op == "-":
            out.append(f"{lead}~~{escape(core)}~~{trail}")
        else:
            out.append(f"{lead}**{escape(core)}**{trail}")
    return "".join(out)


def render_markdown(model: dict) -> str:
    old, new, stats = model["old"], model["new"], model["stats"]
    out = [f"# Redline: {_title(old)} → {_title(new)}", ""]
    for label, meta in (("Old", old), ("New", new)):
        title = f" — {meta['title']}" if meta.get("title") else ""
        out.append(f"- {label}: {escape(_title(meta))}{escape(title)} (`{meta.get('source', '')}`)")
    counts = ", ".join(f"{stats[k]} {_LABEL[k]}" for k in ("modify", "insert", "delete", "move", "renumber", "equal"))
    out.append(f"- Provisions: {counts}; {stats['words_deleted']} words deleted, {stats['words_inserted']} inserted")
    if model["degraded"]:
        out.append(f"- **Warning**: {stats['degraded']} provision pair(s) could not be diffed word by word in time; "
                   "they are shown as a whole deletion and insertion where marked *degraded*.")
    out.append("")
    shown = 0
    for change in model["changes"]:
        if change["kind"] == "equal":
            continue
        shown += 1
        flag = " (degraded)" if change.get("degraded") else ""
        out.append(f"## {_LABEL[change['kind']].capitalize()}{flag}: {_where(change)}")
        out.append("")
        if change["kind"] == "renumber":
            out.append("Text unchanged.")
        else:
            out.append(_paragraph(_tokens(change["tokens"])) or "(no text)")
        out.append("")
    if not shown:
        out.append("No differences.")
        out.append("")
    return "\n".join(out)
