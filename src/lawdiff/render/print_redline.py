"""The printed redline: a table of every change up front, then the text as the bill prints it.

Where a side's source prints line numbers and its words can be found on them
(``citations.WordLines``, from ``Document.line_text``), each provision is laid out
one printed line per row, the line's number in the margin and a change bar
beside every line with an edit; struck words stand on the new line where they
were taken out.  Elsewhere (EO 650, API text, a document without its source) a
provision is one paragraph, cited by name.  Unchanged provisions are folded
into one line per run unless ``context`` is "all".

The same layout serves ``lawdiff diff --format pdf`` and the site's print
stylesheet: the screen tables are hidden on paper and this is shown instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markupsafe import Markup

from lawdiff.diff.align import has_content
from lawdiff.diff.citations import WordLines, edited_lines, located_run
from lawdiff.parse.provisions import line_span, lines_text, spell_lines
from lawdiff.diff.model import KIND_WORDS
from lawdiff.render.rereadable import changed, places, rereadable
from lawdiff.render.page import (escape_text, html_text, mark, mark_text, part_breaks, part_lines, parted, parted_name,
                                 parts_phrase, ref_label, side_refs, span_lines)

CONTEXTS = ("changes", "all")
_CHUNK = re.compile(r"\s*\S+\s*|\s+")
GIST_WORDS = 8  # words of each side of one edit shown in the summary
GIST_EDITS = 3  # edits described per provision; the rest are counted


def print_layout(model: dict, docs=None, context: str = "changes", lazy: bool = False) -> dict:
    """{"summary": [row, ...], "blocks": [block, ...], "printed": [bool, bool]}.

    ``lazy``: "blocks" is an iterator that lays each block out when it is asked for, for a
    reader that reads them once, in order (the page): the whole layout held at once, a row and
    its HTML for every printed line, was a tenth of the page's memory (issue 26); and "summary"
    an iterable that makes its rows each time it is read."""
    printed = [model[side].get("line_numbers") == "printed" for side in ("old", "new")]
    changes = rereadable(model.get("changes", []))
    summary = _Summary(changes, printed)
    blocks = _blocks(changes, _Finder(model, docs, printed), printed, context)
    if lazy:
        return {"summary": summary, "blocks": blocks, "printed": printed}
    return {"summary": list(summary), "blocks": list(blocks), "printed": printed}


class _Summary:
    """The summary's rows, made again each time they are read (the page writes the table twice,
    on screen and on paper): held through the page they were 31 MB at 30,000 sections, most of
    its memory after the rows (issue 26).  True when there is a row, as the list was."""

    __slots__ = ("changes", "printed")

    def __init__(self, changes, printed: list[bool]):
        self.changes, self.printed = changes, printed

    def __iter__(self):
        return (_summary_row(number, change, self.printed) for number, change in enumerate(changed(self.changes), 1))

    def __bool__(self) -> bool:
        return any(kind != "equal" for kind, _ in places(self.changes))


def _blocks(changes: list[dict], finder: _Finder, printed: list[bool], context: str):
    run = []
    n = 0
    for change in changes:
        if change["kind"] == "equal" and context != "all":
            run.append(change)
            continue
        if run:
            yield _folded(run, printed)
            run = []
        number = None
        if change["kind"] != "equal":
            n += 1
            number = n
        rows = finder.rows(change)
        yield {"folded": False, "number": number, "kind": KIND_WORDS[change["kind"]].title, "label": _name(change), "rows": rows,
               "changed": change["kind"] != "equal", "side": "new" if change.get("new") else "old",
               "html": None if rows is not None else _paragraph(change)}
    if run:
        yield _folded(run, printed)


def _name(change: dict) -> str:
    old, new = change.get("old"), change.get("new")
    if parted(change):  # a split or join: "(2) → (2) and (3)"
        return parted_name(change)
    if old and new and ref_label(old) != ref_label(new):
        return f"{ref_label(old)} → {ref_label(new)}"
    return ref_label(new or old)


def _folded(run: list[dict], printed: list[bool]) -> dict:
    """One line for a run of unchanged provisions: how many, from which to which, their lines."""
    first, last = (run[0].get("new") or run[0]["old"]), (run[-1].get("new") or run[-1]["old"])
    span = ref_label(first) if len(run) == 1 else f"{ref_label(first)} to {ref_label(last)}"
    lines = [c["new"]["lines"] for c in run if c.get("new") and c["new"].get("lines")]
    where = f", {lines_text([lines[0][0], lines[-1][1]])}" if printed[1] and lines else ""
    count = f"{len(run)} unchanged provision{'' if len(run) == 1 else 's'}"
    return {"folded": True, "text": f"{count}: {span}{where}"}


# -- the summary table -------------------------------------------------------------

def _summary_row(number: int, change: dict, printed: list[bool]) -> dict:
    return {"number": number, "label": _name(change), "kind": KIND_WORDS[change["kind"]].title,
            "old_lines": _side_lines(change, 0, printed[0]), "new_lines": _side_lines(change, 1, printed[1]),
            "gist": gist(change)}


def _side_lines(change: dict, side: int, printed: bool) -> str:
    """The lines of one side where the change is, as printed; "—" where that side has no such
    provision, "by provision" where its source prints no line numbers."""
    ref = change.get("old" if side == 0 else "new")
    if not ref:
        return "—"
    if not printed:
        return "by provision"
    if change["kind"] in ("modify", "move", "split", "join"):  # (the others are cited whole: their edits not sought)
        edited = set(edited_lines(change, "-", side)) | set(edited_lines(change, "+", side))
        edited = sorted(edited | part_lines(change, side))  # a split's parts: where each begins
        if edited:
            return spell_lines(edited).split(" ", 1)[1]  # "91", "49–56, 88": the column says "lines"
    lines = span_lines(side_refs(change, ("old", "new")[side]))  # a split's parts: first line to last
    return line_span(*lines) if lines else "—"


def gist(change: dict) -> str:
    """What changed, in a few words: "“within 90 days” → “within 60 days”" for each edit
    (with a word of context either side), "Inserted: “...”", "Renumbered SECTION 3. → SECTION 4."."""
    kind, old, new = change["kind"], change.get("old"), change.get("new")
    words = "".join(t for _, t in change.get("tokens", []))
    if kind == "insert":
        return f"Inserted: “{_clip(words)}”" if words else "Inserted (no text)"
    if kind == "delete":
        return f"Struck: “{_clip(words)}”" if words else "Struck (no text)"
    parts = []
    if old and new and old.get("num") != new.get("num"):
        parts.append(f"Renumbered {old.get('num') or '(unnumbered)'} → {new.get('num') or '(unnumbered)'}")
    if kind == "move":
        parts.insert(0, f"Moved from {ref_label(old)}")
    if parts_phrase(change):
        parts.insert(0, parts_phrase(change))
    edits = _edits(change.get("tokens", []))
    for before, after in edits[:GIST_EDITS]:
        parts.append(f"“{before}” → “{after}”")
    if len(edits) > GIST_EDITS:
        parts.append(f"and {len(edits) - GIST_EDITS} more edit{'' if len(edits) - GIST_EDITS == 1 else 's'}")
    return "; ".join(parts) or "Text unchanged"


def _edits(tokens: list) -> list[tuple[str, str]]:
    """Each run of edited tokens as (old words, new words), with one unchanged word either side."""
    out = []
    k = 0
    while k < len(tokens):
        if tokens[k][0] == "=":
            k += 1
            continue
        j = k
        while j < len(tokens) and tokens[j][0] != "=":
            j += 1
        left = tokens[k - 1][1] if k else ""
        right = tokens[j][1] if j < len(tokens) else ""
        left_word = left.rstrip().rsplit(None, 1)[-1] if left.strip() else ""
        right_word = right.lstrip().split(None, 1)[0] if right.strip() else ""
        lead = left[len(left.rstrip()):] if left_word else ""
        trail = right[: len(right) - len(right.lstrip())] if right_word else ""
        gone = "".join(t for o, t in tokens[k:j] if o == "-")
        added = "".join(t for o, t in tokens[k:j] if o == "+")
        before = " ".join((left_word + lead + gone + trail + right_word).split())
        after = " ".join((left_word + lead + added + trail + right_word).split())
        out.append((_clip(before), _clip(after)))
        k = j
    return out


def _clip(text: str) -> str:
    words = text.split()
    return " ".join(words[:GIST_WORDS]) + (" …" if len(words) > GIST_WORDS else "")


# -- the text, line by printed line ---------------------------------------------------

# How far past its order a ref's node is looked for before every node is indexed by eid.
_NEAR = 256


class _Nodes:
    """A side's nodes, found for the refs of its changes.  A ref's ``order`` counts the provisions
    with words of the tree compared, in document order: its node is that one of the list of them,
    where the eid says so (8 bytes a node; a dict of every node by eid, for both sides, was half of
    the page's own memory at 30,000 sections, 5 MB; issue 26).  Front matter that was not compared
    (``not_compared``) comes first and shifts every order by as many: a node not at its order is
    looked for a little further on and the shift kept; failing that (a document's root, which has
    no order), every node by eid, as before."""

    __slots__ = ("root", "worded", "shift", "by_eid")

    def __init__(self, root):
        self.root = root
        self.worded = [n for n in root.walk() if has_content(n)] if root is not None else []
        self.shift = 0
        self.by_eid = None

    def get(self, ref: dict):
        eid, order, worded = ref["eid"], ref.get("order"), self.worded
        if order is not None and eid is not None:
            k = order + self.shift
            if 0 <= k < len(worded) and worded[k].eid == eid:
                return worded[k]
            for k in range(order, min(len(worded), order + _NEAR)):
                if worded[k].eid == eid:
                    self.shift = k - order
                    return worded[k]
        if self.by_eid is None:
            self.by_eid = {n.eid: n for n in self.root.walk()} if self.root is not None else {}
        return self.by_eid.get(eid)


class _Finder:
    """Where each word of a change stands on its printed lines, when the documents say."""

    def __init__(self, model: dict, docs, printed: list[bool]):
        self.sides = []
        for i, side in enumerate(("old", "new")):
            doc = docs[i] if docs else None
            if doc is None or not printed[i]:
                self.sides.append(None)
                continue
            eid = model[side].get("eid")
            root = doc.tree.find(eid) if eid else doc.tree
            self.sides.append((WordLines(doc, keep=64), _Nodes(root)))  # a change asks for its own nodes only

    def _located(self, side: int, refs: list[dict]):
        """The words' places over the provisions ``refs`` of one side (a split's parts joined
        by one space, as its tokens are), or None."""
        if not refs or self.sides[side] is None:
            return None
        lines, nodes = self.sides[side]
        found = [nodes.get(r) for r in refs]
        return None if None in found else located_run(found if len(found) > 1 else found[0], lines)[0]

    def rows(self, change: dict) -> list[dict] | None:
        """[{"line", "changed", "html"}, ...], one per printed line, or None if not located."""
        side = 1 if change.get("new") else 0
        refs = side_refs(change, "new" if side else "old")
        located = self._located(side, refs)
        if located is None:
            return None
        starts, _, lines = located
        # The words where the printed line changes (their offsets): unchanged text is cut there
        # only, not word by word (issue 26; see _unchanged).
        turns = [starts[0]] + [starts[k] for k in range(1, len(lines)) if lines[k] != lines[k - 1]]
        shown = "=+" if side else "=-"
        breaks = part_breaks(change)
        pieces: list[tuple[int, str, str]] = []  # (line, op, text); op "#": a part's number, as markup
        at, line = 0, lines[0]
        pending = None  # a part's number, put before the part's first word (on its line)
        for k, (op, text) in enumerate(change.get("tokens", [])):
            if k in breaks:
                num = breaks[k].get("num")
                if len(refs) > 1:  # the shown side is parted: the part starts on its own line
                    pending = _mark("ins" if change["kind"] == "split" else "del", num) if num else None
                    at += len(text) if op in shown else 0
                    continue
                # the shown side is one paragraph: the other side's paragraph break, marked before
                # the word that opened the other side's part
                pending = _mark("del" if change["kind"] == "join" else "ins", "¶" + (f" {num}" if num else ""))
            if op not in shown:  # the other side's words stand where they were taken out
                pieces.append((line, op, text))
                continue
            if op == "=" and pending is None \
                    and (found := _unchanged(text, at, line, starts, lines, turns, pieces)) is not None:
                line = found
                at += len(text)
                continue
            for m in _CHUNK.finditer(text):
                chunk = m.group(0)
                word = at + m.start() + (len(chunk) - len(chunk.lstrip()))
                if chunk.strip():
                    line = lines[max(bisect_right(starts, word) - 1, 0)]
                    if pending is not None:
                        pieces.append((line, "#", pending + Markup(" ")))
                        pending = None
                pieces.append((line, op, chunk))
            at += len(text)
        # Each row's HTML as plain strings, marked safe once at the end: a Markup per word made
        # 2.5 million objects at 3,000 sections (issue 26).
        rows: list[dict] = []
        parts: list[list[str]] = []
        for line_no, op, text in pieces:
            if not rows or rows[-1]["line"] != line_no:
                rows.append({"line": line_no, "changed": False, "html": None})
                parts.append([])
            row = rows[-1]
            if op == "#":
                parts[-1].append(str(text))  # already markup
                row["changed"] = True
            elif op == "=":
                parts[-1].append(escape_text(text))
            else:
                parts[-1].append(mark_text("del" if op == "-" else "ins", text, spaces=True))
                row["changed"] = row["changed"] or bool(text.strip())
        num = _num_text(change)
        if parts and num:  # the provision's number opens its first line
            parts[0].insert(0, num + " ")
        for row, html in zip(rows, parts):
            row["html"] = Markup("".join(html))
        if rows and num:
            old, new = change.get("old"), change.get("new")
            rows[0]["changed"] = rows[0]["changed"] or bool(old and new and old.get("num") != new.get("num"))
        elif num:
            rows.append({"line": lines[0], "changed": change["kind"] != "equal", "html": Markup(num)})
        if change["kind"] in ("insert", "delete", "move"):  # the whole provision is the change
            for row in rows:
                row["changed"] = True
        return rows


def _unchanged(text: str, at: int, line: int, starts: list[int], lines: list[int], turns: list[int],
               pieces: list) -> int | None:
    """Unchanged words (at offset ``at``) as pieces of ``rows``, one per printed line they stand
    on: what the chunk by chunk loop gives, its pieces on one line joined (their HTML is escaped
    text, the same joined or not).  A chunk takes the line of its first word character; the
    lines change only at ``turns`` (word starts), so the text is cut at those inside it.  Returns
    the line of the last word (``line`` for text of spaces only), or None, adding nothing, where
    a turn does not fall where a chunk starts (the chunk loop then does it)."""
    if not text:
        return line
    first = len(text) - len(text.lstrip())
    if first == len(text):  # only spaces: they stay on the line before
        pieces.append((line, "=", text))
        return line
    end, k, cuts = at + len(text), bisect_right(turns, at), [0]
    while k < len(turns) and turns[k] < end:
        c = turns[k] - at
        if not text[c - 1].isspace() or text[c].isspace() or c < first:
            return None
        cuts.append(c)
        k += 1
    cuts.append(len(text))
    for a, b in zip(cuts, cuts[1:]):
        if a < b:
            line = lines[max(bisect_right(starts, at + max(a, first)) - 1, 0)]
            pieces.append((line, "=", text[a:b]))
    return line


def _mark(tag: str, text: str) -> Markup:
    return mark(tag, text, spaces=True)


def _num_text(change: dict) -> str:
    """The provision's number as HTML (a plain string): struck and inserted where it changed."""
    old = (change.get("old") or {}).get("num")
    new = (change.get("new") or {}).get("num")
    if change.get("old") and change.get("new") and old != new:
        return " ".join(mark_text(t, n, spaces=True) for t, n in (("del", old), ("ins", new)) if n)
    if change["kind"] == "delete" and old:
        return mark_text("del", old, spaces=True)
    if change["kind"] == "insert" and new:
        return mark_text("ins", new, spaces=True)
    return html_text(new or old or "")


def _paragraph(change: dict) -> Markup:
    """A provision not laid out by line: its number and words inline, both sides marked (a
    split's or join's paragraph break a pilcrow, inserted or struck, before the part's number)."""
    out: list[str] = []
    breaks = part_breaks(change)
    tag = "ins" if change["kind"] == "split" else "del"
    for k, (op, text) in enumerate(change.get("tokens", [])):
        out.append(escape_text(text) if op == "=" else mark_text("del" if op == "-" else "ins", text, spaces=True))
        if k in breaks:
            num = breaks[k].get("num")
            out.append(mark_text(tag, "¶" + (f" {num}" if num else ""), spaces=True) + " ")
    num = _num_text(change)
    return Markup((num + " " if num else "") + "".join(out))
