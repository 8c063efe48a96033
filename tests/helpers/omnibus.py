"""Omnibus bill pairs with a known true pairing, and a scorer for a change model.

An omnibus bill (a budget, a conference report) is hundreds of formulaic,
near-identical amending sections ("Section 5 of chapter 10 of the General Laws,
as appearing in the 2022 Official Edition, is hereby amended by striking out, in
line 3, ...").  ``generate(n, seed)`` writes such a bill and a new version of it:
some sections struck, some inserted (drawn from the same templates, so they look
like the struck ones), a few moved, about 5 % amended, and every section after a
change renumbered (SECTION k is printed in sequence, as bills are).  It returns
the two printed texts and the truth: which old provision is which new one.

``score(model, old_doc, new_doc, truth)`` reads a change model against the truth:
pairing precision and recall over every provision with words of its own (the
bill's sections and the quoted sections and subsections they insert), spurious
insertions and deletions (a provision on both sides reported as inserted or
deleted), false moves (a pair reported moved that the generator did not move).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import ROOT
LINE_CHARS = 95
HEAD = ("The Commonwealth of Massachusetts\n\nAn Act making appropriations for the fiscal year.\n\n"
        "Be it enacted by the Senate and House of Representatives in General Court assembled, as follows:\n\n")


def _vocabulary() -> list[str]:
    """Sentences of 10-24 words cut from the shipped corpus text, structure markers removed."""
    text = " ".join((ROOT / "corpus" / "raw" / name).read_text(encoding="utf-8")
                    for name in ("193-h2288.txt", "eo-650.txt"))
    words = [w for w in text.split()
             if re.fullmatch(r"[A-Za-z][a-z’'\-]*[,;]?", w) and w.lower() not in ("section", "chapter")]
    rng = random.Random(1)
    out, i = [], 0
    while i < len(words):
        n = rng.randint(10, 24)
        s = " ".join(words[i:i + n]).rstrip(",;")
        out.append(s[0].upper() + s[1:] + ".")
        i += n
    return out


_SENTENCES: list[str] | None = None
WORDS = ["thirty", "sixty", "ninety", "shall", "may", "annually", "quarterly", "municipal", "county",
         "state", "federal", "department", "secretary", "commissioner", "board", "agency", "office"]


def _sentences() -> list[str]:
    global _SENTENCES
    if _SENTENCES is None:
        _SENTENCES = _vocabulary()
    return _SENTENCES


@dataclass
class Section:
    """One generated bill section: its identity, its words, and any quoted provisions it inserts."""

    ident: int
    text: str
    quoted: list[str] = field(default_factory=list)  # lines of the quoted section, after ":-"


def _section(rng: random.Random, ident: int) -> Section:
    s = _sentences()
    c, sec, line = rng.randint(1, 300), rng.randint(1, 120), rng.randint(1, 40)
    form = rng.random()
    if form < 0.35:
        w1, w2 = rng.sample(WORDS, 2)
        return Section(ident, f"Section {sec} of chapter {c} of the General Laws, as appearing in the 2022 "
                              f"Official Edition, is hereby amended by striking out, in line {line}, the word "
                              f"\"{w1}\" and inserting in place thereof the following word:- \"{w2}\".")
    if form < 0.55:
        a = " ".join(rng.choice(s).split()[:rng.randint(3, 7)]).rstrip(".,;")
        b = " ".join(rng.choice(s).split()[:rng.randint(3, 7)]).rstrip(".,;")
        return Section(ident, f"Section {sec} of said chapter {c}, as so appearing, is hereby further amended by "
                              f"striking out, in lines {line} and {line + 1}, the words \"{a}\" and inserting in "
                              f"place thereof the following words:- \"{b}\".")
    if form < 0.70:
        item = f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        x, y = rng.randint(1, 999) * 1000, rng.randint(1, 999) * 1000
        return Section(ident, f"Item {item} of section 2 of chapter {c} of the acts of 2023 is hereby amended by "
                              f"striking out the figure \"${x:,}\" and inserting in place thereof the following "
                              f"figure:- \"${y:,}\".")
    if form < 0.80:
        return Section(ident, f"Section {sec} of chapter {c} of the General Laws is hereby repealed.")
    if form < 0.92:
        parts = [f"(a) {rng.choice(s)} {rng.choice(s)}", f"(b) {rng.choice(s)}"]
        if rng.random() < 0.5:
            parts.append(f"(c) {rng.choice(s)}")
        return Section(ident, f"Chapter {c} of the General Laws is hereby amended by inserting after section "
                              f"{sec} the following section:-", [f"Section {sec}A. " + parts[0]] + parts[1:])
    return Section(ident, " ".join(rng.choice(s) for _ in range(rng.randint(2, 4))))


def _amend(rng: random.Random, sec: Section) -> Section:
    """A word edit in place: a figure, a word, or a proviso added."""
    text, quoted = sec.text, list(sec.quoted)
    what = rng.random()
    numbers = list(re.finditer(r"\b\d+\b", text))
    if what < 0.4 and numbers:
        m = rng.choice(numbers)
        text = text[:m.start()] + str(int(m.group()) + rng.randint(1, 9)) + text[m.end():]
    elif what < 0.7 and quoted:
        k = rng.randrange(len(quoted))
        words = quoted[k].split()
        i = rng.randrange(3, len(words))
        words[i] = rng.choice(WORDS)
        quoted[k] = " ".join(words)
    else:
        end = text.rstrip(".")
        if text.endswith(":-"):
            text = text[:-2] + ", as amended by this act, the following section:-"
        else:
            text = end + "; provided, however, that " + rng.choice(_sentences())[0].lower() + \
                rng.choice(_sentences())[1:]
    return Section(sec.ident, text, quoted)


@dataclass
class Pair:
    old: list[Section]
    new: list[Section]
    moved: set[int]
    amended: set[int]

    def texts(self) -> tuple[bytes, bytes]:
        return _print(self.old), _print(self.new)


def generate(n: int, seed: int = 1, struck: float = 0.02, inserted: float = 0.02, moved: float = 0.005,
             amended: float = 0.05) -> Pair:
    rng = random.Random(seed)
    # No two sections with the same words: which of two identical texts is which is
    # beyond anything that reads them, so such a truth would score chance, not alignment.
    used: set[str] = set()

    def fresh(make):
        for _ in range(100):
            sec = make()
            if sec.text not in used:
                used.add(sec.text)
                return sec
        return None

    old = [fresh(lambda: _section(rng, i)) for i in range(n)]
    new: list[Section] = []
    amended_ids = set()
    for sec in old:
        if rng.random() < struck:
            continue
        if rng.random() < amended:
            edited = fresh(lambda: _amend(rng, sec))
            if edited is not None:
                sec = edited
                amended_ids.add(sec.ident)
        new.append(sec)
        if rng.random() < inserted:
            new.append(fresh(lambda: _section(rng, n + len(new))))
    moved_ids: set[int] = set()
    survivors = [s.ident for s in new if s.ident < n]
    for _ in range(max(1, round(n * moved))):
        if len(new) < 4:
            break
        i = rng.randrange(len(new))
        sec = new.pop(i)
        j = rng.randrange(len(new) + 1)
        while abs(j - i) < 3:
            j = rng.randrange(len(new) + 1)
        new.insert(j, sec)
        if sec.ident < n:
            moved_ids.add(sec.ident)
    del survivors
    return Pair(old, new, moved_ids, amended_ids)


def _wrap(text: str) -> list[str]:
    lines, line = [], []
    for w in text.split():
        if line and sum(len(x) + 1 for x in line) + len(w) > LINE_CHARS:
            lines.append(" ".join(line))
            line = []
        line.append(w)
    if line:
        lines.append(" ".join(line))
    return lines


def _print(sections: list[Section]) -> bytes:
    lines: list[str | None] = []
    for k, sec in enumerate(sections, 1):
        lines += _wrap(f"SECTION {k}. {sec.text}")
        for q in sec.quoted:
            lines += _wrap(q)
        lines.append(None)  # a blank line between sections
    out, number = [], 0
    for line in lines:
        if line is None:
            out.append("\n")
        else:
            number += 1
            out.append(f"{number} {line}\n")
    return (HEAD + "".join(out)).encode()


# ---- scoring -------------------------------------------------------------------------------

def identities(doc, sections: list[Section]) -> dict[str, tuple]:
    """eid -> (section identity, path inside it) for every provision of the body."""
    body = next(c for c in doc.tree.children if c.type == "body")
    found = [c for c in body.children if c.type == "section"]
    if len(found) != len(sections):
        raise ValueError(f"parsed {len(found)} sections, generated {len(sections)}")
    out: dict[str, tuple] = {}
    for node, sec in zip(found, sections):
        for d in node.walk():
            if d.eid:
                out[d.eid] = (sec.ident, d.eid[len(node.eid):])
    return out


def score(model: dict, old_doc, new_doc, pair: Pair) -> dict:
    io, inew = identities(old_doc, pair.old), identities(new_doc, pair.new)
    with_words = {k for d, ids in ((old_doc, io), (new_doc, inew)) for n in d.tree.walk()
                  if n.eid in ids and (n.num or n.heading or n.text) for k in [ids[n.eid]]}
    old_ids = {v for k, v in io.items()} & with_words
    new_ids = {v for k, v in inew.items()} & with_words
    truth = old_ids & new_ids
    found = correct = spurious_ins = spurious_del = false_moves = 0
    for c in model["changes"]:
        o = io.get(c["old"]["eid"]) if c["old"] else None
        n = inew.get(c["new"]["eid"]) if c["new"] else None
        if o is None and n is None:
            continue  # the preface and enacting formula: not generated provisions
        if c["old"] and c["new"]:
            found += 1
            correct += o == n and o is not None
            if c["kind"] == "move" and not (o == n and o[0] in pair.moved):
                false_moves += 1
        elif c["new"]:
            spurious_ins += n in old_ids
        elif c["old"]:
            spurious_del += o in new_ids
    return {"true_pairs": len(truth), "found": found, "correct": correct,
            "precision": correct / found if found else 1.0, "recall": correct / len(truth) if truth else 1.0,
            "spurious_insertions": spurious_ins, "spurious_deletions": spurious_del, "false_moves": false_moves}


def section_texts(sections: list[Section]) -> list[str]:
    return [" ".join([s.text] + s.quoted) for s in sections]


def difflib_pairs(pair: Pair) -> tuple[float, dict]:
    """difflib.SequenceMatcher over the sections' texts (numbers left out, as lawdiff sees them):
    equal blocks pair, and a replace block of equal length pairs in order. Scored on sections."""
    import difflib
    import time
    a, b = section_texts(pair.old), section_texts(pair.new)
    t = time.perf_counter()
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            found += list(zip(range(i1, i2), range(j1, j2)))
    t = time.perf_counter() - t
    truth = {s.ident for s in pair.old} & {s.ident for s in pair.new}
    correct = sum(pair.old[i].ident == pair.new[j].ident for i, j in found)
    return t, {"true_pairs": len(truth), "found": len(found), "correct": correct,
               "precision": correct / len(found) if found else 1.0, "recall": correct / len(truth)}


def long_provision(words: int, seed: int = 3) -> tuple[str, str]:
    """One long provision (a budget's line-item list) and its edit: one word in ten replaced, inserted or deleted."""
    rng = random.Random(seed)
    sentences = _sentences()
    old: list[str] = []
    while len(old) < words:
        old += rng.choice(sentences).split()
    new = list(old[:words])
    for _ in range(words // 10):
        i = rng.randrange(len(new))
        what = rng.random()
        if what < 0.5:
            new[i] = rng.choice(WORDS)
        elif what < 0.75:
            new.insert(i, rng.choice(WORDS))
        else:
            del new[i]
    return " ".join(old[:words]), " ".join(new)
