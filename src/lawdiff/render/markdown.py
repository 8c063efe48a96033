"""A change model as a markdown redline, for a terminal or a pull request.

Deleted words are ``~~struck~~``, inserted words **bold** (GitHub-flavoured
markdown), or ``<del>``/``<ins>`` where GitHub's renderer would not let ``~~``/``**``
open or close (a comma struck between two words) or a space at the edge of an edit
would show on the side that lacks it; read back as GitHub renders it, the redline
gives both texts exactly (tests/test_markdown_property.py); characters
markdown would read as markup, ``&`` included, are escaped.  Unchanged
provisions are counted, not printed.
"""

from __future__ import annotations

import re
import unicodedata

from lawdiff.diff.citations import edited_lines
from lawdiff.parse.provisions import spell_lines
from lawdiff.render.markdown_text import escape
from lawdiff.diff.model import KIND_WORDS
from lawdiff.gcpause import no_cycle_collector
from lawdiff.render.page import (line_cite, part_breaks, part_lines, parted, parted_name, ref_label, side_refs,
                                 side_title, span_lines)
from lawdiff.render.templates import counted

# What would open a block at the start of a paragraph: a heading, a list item, a quote,
# a rule ("---"), a setext underline ("==="); "1." alone is an (empty) ordered item too.
_BLOCK_START = re.compile(r"^(?:#|[-+>=]|\d+(?=[.)](?:\s|$)))")


def _where(change: dict, printed: tuple[bool, bool]) -> str:
    """"Section 63(a) · old lines 12–14, new lines 12–15": the provision by a reader's name
    (old → new where it changed), then its lines on each side whose source prints them."""
    old, new = change["old"], change["new"]
    if parted(change):  # a split or join: "(c) → (c) and (d)", each side's lines from its first part to its last
        where = parted_name(change)
        cites = [_cite(s, {"lines": span_lines(side_refs(change, s))}, printed[k]) for k, s in enumerate(("old", "new"))]
    elif old and new:
        names = [ref_label(old), ref_label(new)]
        if names[0] == names[1] and old["num"] != new["num"]:  # an unnumbered name, a changed number
            names = [f"{names[0]} {old['num'] or '(unnumbered)'}", f"{names[1]} {new['num'] or '(unnumbered)'}"]
        where = names[1] if names[0] == names[1] else f"{names[0]} → {names[1]}"
        cites = [_cite("old", old, printed[0]), _cite("new", new, printed[1])]
    else:
        where = ref_label(old or new)
        cites = [_cite("old", old, printed[0]) if old else _cite("new", new, printed[1])]
    cites = [c for c in cites if c]
    return " · ".join([escape(where)] + ([", ".join(cites)] if cites else []))


def _cite(side: str, ref: dict, printed: bool) -> str:
    lines = line_cite(ref.get("lines"), "printed" if printed else "source")
    return f"{side} {lines}" if lines else ""


def _paragraph(text: str) -> str:
    """Keep a paragraph that starts like a heading or list item a paragraph."""
    m = _BLOCK_START.match(text)
    if not m:
        return text
    if m.group(0)[0].isdigit():
        return text[: m.end()] + "\\" + text[m.end():]
    return "\\" + text


def _changed_on(change: dict, printed: tuple[bool, bool]) -> str:
    """"Changed on old lines 49–56, new line 49.": where the edits are, as amendments cite
    them (on each side, the lines of its own edited words and of the other side's
    insertion points); only on a side whose source prints line numbers."""
    if change["kind"] in ("insert", "delete", "equal", "renumber"):
        return ""
    # (a split's or join's parts: also the line where each further part begins)
    old = sorted(set(edited_lines(change, "-", 0)) | set(edited_lines(change, "+", 0)) | part_lines(change, 0)) \
        if printed[0] else []
    new = sorted(set(edited_lines(change, "+", 1)) | set(edited_lines(change, "-", 1)) | part_lines(change, 1)) \
        if printed[1] else []
    parts = [f"old {spell_lines(old)}" if old else "", f"new {spell_lines(new)}" if new else ""]
    if not old and not new:
        return ""
    return "Changed on " + ", ".join(p for p in parts if p) + "."


def _punct(c: str) -> bool:
    return unicodedata.category(c)[0] in "PS"


def _flanks(before: str, core: str, after: str) -> bool:
    """Would ``~~`` or ``**`` around ``core`` open and close emphasis, given the characters
    rendered just before and after?  CommonMark's flanking rules: an opener followed by
    punctuation must follow whitespace or punctuation, a closer after punctuation must be
    followed by whitespace or punctuation (``agency~~,~~**;**`` opens nothing).  cmark-gfm,
    GitHub's renderer, does not count ``~`` as punctuation here: ``~~b~~**(x)**`` and
    ``**(b)**~~c~~`` leave the ``**`` as text, so those take the HTML tags."""
    def loose(c: str) -> bool:
        return not c or c.isspace() or (_punct(c) and c != "~")

    opens = not _punct(core[0]) or loose(before)
    closes = not _punct(core[-1]) or loose(after)
    return opens and closes


def _tokens(tokens: list) -> str:
    out = []
    for k, (op, text) in enumerate(tokens):
        # Keep surrounding spaces outside the markup, or markdown will not see it.
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        tag = "del" if op == "-" else "ins"  # GitHub renders these, and they can hold spaces
        if op == "=" or (not core and not _space_would_stray(tokens, k, text, "")):
            out.append(escape(text))
            continue
        if not core:  # a space only one side has, between words the other side joins
            out.append(f"<{tag}>{text}</{tag}>")
            continue
        before = lead[-1:] or (out[-1][-1:] if out else "")
        if trail:
            after = trail[0]
        elif k + 1 < len(tokens):
            nop, ntext = tokens[k + 1]
            # a marked neighbour starts with its delimiter (or "<" of a tag: punctuation like "*");
            # an escaped character with a backslash
            after = {"-": "~", "+": "*"}[nop] if nop != "=" and ntext[:1].strip() else escape(ntext)[:1]
        else:
            after = ""
        if _flanks(before, core, after) and not _space_would_stray(tokens, k, lead, trail):
            mark = "~~" if op == "-" else "**"
            out.append(f"{lead}{mark}{escape(core)}{mark}{trail}")
        else:
            out.append(f"<{tag}>{escape(text)}</{tag}>")
    return "".join(out)


def _space_would_stray(tokens: list, k: int, lead: str, trail: str) -> bool:
    """Spaces at the edge of a marked token must stand outside ``~~``/``**``, so the other
    side shows them too: harmless where it has a space there anyway, wrong where its words
    touch ("&amp" struck, "the " inserted, ";" kept: the old side must read "&amp;")."""
    if not lead and not trail:
        return False
    other = ("=", "+" if tokens[k][0] == "-" else "-")  # the tokens the other side shows
    before = next((tokens[j][1][-1] for j in range(k - 1, -1, -1) if tokens[j][0] in other and tokens[j][1]), "")
    after = next((tokens[j][1][0] for j in range(k + 1, len(tokens)) if tokens[j][0] in other and tokens[j][1]), "")
    return bool(before) and bool(after) and not before.isspace() and not after.isspace()


def _text(change: dict) -> str:
    """The change's words as markdown paragraphs: one, or for a split one per new part (the
    part's number inserted at its head); a join's struck paragraph break is a struck pilcrow
    with the old part's number."""
    tokens, breaks = change["tokens"], part_breaks(change)
    if not breaks:
        return _paragraph(_tokens(tokens))
    out, start = "", 0
    for at in sorted(breaks) + [len(tokens)]:
        out += _tokens(tokens[start:at])
        if at == len(tokens):
            break
        num = breaks[at].get("num")
        if change["kind"] == "split":
            out += "\n\n" + (f"<ins>{escape(num)}</ins> " if num else "")
        else:
            out += f"<del>¶{' ' + escape(num) if num else ''}</del>" + (" " if tokens[at][0] == "=" else "")
        start = at + 1
    return "\n\n".join(_paragraph(p) for p in out.split("\n\n"))


def render_markdown(model: dict) -> str:
    # The lines are many small acyclic strings: the cycle collector would walk the whole model again and again
    # while they are made (the stage grew 13-15 times for 10 times the sections with it on; issue #26)
    with no_cycle_collector():
        return "\n".join(_markdown(model))


# Characters of the Markdown encoded and written at a time by ``render_markdown_to``.
_BATCH = 1 << 16


def render_markdown_to(fp, model: dict) -> None:
    """``render_markdown(model)`` as UTF-8 written into ``fp`` (a binary file) as it is made, a
    batch of changes at a time: with ``compare_streamed``'s model (``lawdiff diff --format md``),
    neither the changes' dicts nor the text are ever held whole (issue 26: memory)."""
    with no_cycle_collector():
        batch: list[str] = []
        size, sep = 0, ""  # the newline between two batches goes before the second
        for line in _markdown(model):
            batch.append(line)
            size += len(line)
            if size >= _BATCH:
                fp.write((sep + "\n".join(batch)).encode("utf-8"))
                batch, size, sep = [], 0, "\n"
        if batch:
            fp.write((sep + "\n".join(batch)).encode("utf-8"))


def _markdown(model: dict):
    """The Markdown's lines (a change's heading and text one line), in order, to be joined by newlines."""
    old, new, stats = model["old"], model["new"], model["stats"]
    out = [f"# Redline: {escape(side_title(old))} → {escape(side_title(new))}", ""]
    for label, meta in (("Old", old), ("New", new)):
        title = f" — {meta['title']}" if meta.get("title") else ""
        out.append(f"- {label}: {escape(side_title(meta))}{escape(title)} (`{meta.get('source', '')}`)"
                   + ("" if meta.get("line_numbers") == "printed" else "; prints no line numbers, so cited by provision"))
    kinds = ("modify", "insert", "delete", "move", "renumber") + tuple(k for k in ("split", "join") if stats.get(k))
    counts = ", ".join(f"{stats[k]} {KIND_WORDS[k].plain}" for k in kinds + ("equal",))
    out.append(f"- Provisions: {counts}; {counted(stats['words_deleted'], 'word')} deleted, {stats['words_inserted']} inserted")
    if model.get("not_compared"):
        out.append(f"- Not compared: the {' and '.join(model['not_compared'])}, which only one side's source carries")
    if model["degraded"]:
        out.append(f"- **Warning**: {stats['degraded']} provision pair(s) could not be diffed word by word in time; "
                   "their edits are shown coarser (sentence by sentence, or whole) where marked *degraded*: read those against the official texts.")
    out.append("")
    yield from out
    printed = (old.get("line_numbers") == "printed", new.get("line_numbers") == "printed")
    shown = 0
    for change in model["changes"]:
        if change["kind"] != "equal":
            shown += 1
            yield _section(change, printed)
    if not shown:
        yield "No differences."
        yield ""


def _section(change: dict, printed: tuple[bool, bool]) -> str:
    """One change's heading and text, joined here: the page's lines kept one string a change rather
    than five (at 30,000 sections the stage held 135,000 strings at once and grew 13 times for 10
    times the sections; issue #26)."""
    flag = " (degraded)" if change.get("degraded") else ""
    head = f"## {KIND_WORDS[change['kind']].plain.capitalize()}{flag}: {_where(change, printed)}\n\n"
    if change["kind"] == "renumber":
        return head + "Text unchanged.\n"
    if change["kind"] == "move" and all(op == "=" for op, _ in change["tokens"]):
        return head + "Text unchanged:\n\n" + (_paragraph(_tokens(change["tokens"])) or "(no text)") + "\n"
    where = _changed_on(change, printed)
    return head + (where + "\n\n" if where else "") + (_text(change) or "(no text)") + "\n"
