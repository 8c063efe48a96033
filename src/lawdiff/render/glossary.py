"""Defined terms of an instrument, and links from each use of a term to its definition.

A definition applies where ``parse.provisions.definition_scope`` says (the AKN
writer marks terms by the same rule): "As used in this section" limits it to the
enclosing section; a definition in text a bill inserts applies in that inserted
text; anything else in the whole instrument.  Only uses inside that scope link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from lawdiff.parse.provisions import Parents, definition_scope, lineage, parent_map
from lawdiff.parse.tree import Node

QUOTED_TERMS = re.compile(r"^\s*(?:[“\"]([^”\"]+?),?[”\"],?\s*(?:or\s+|and\s+)?)+")
ONE_QUOTED = re.compile(r"[“\"]([^”\"]+?),?[”\"]")


@dataclass
class Term:
    term: str
    aliases: list[str]
    eid: str
    scope: str | None
    """eid of the node the definition applies in; None for the whole instrument."""
    meaning: str
    """The definition's text after the term(s) it defines."""
    lines: list[int] | None


def terms(root: Node) -> list[Term]:
    parents = parent_map(root)
    found = []
    for node in root.walk():
        if node.type != "definition" or not node.term or not node.eid:
            continue
        head = QUOTED_TERMS.match(node.text)
        names = ONE_QUOTED.findall(head.group(0)) if head else []
        names = [n.strip() for n in names] or [node.term]
        meaning = node.text[head.end():] if head else node.text
        found.append(Term(node.term, [n for n in names if n != node.term], node.eid,
                          _scope(node, parents, root), meaning.strip(), node.lines))
    return found


def _scope(defn: Node, parents: Parents, root: Node) -> str | None:
    scope = definition_scope(defn, parents, root)
    return None if scope is root else scope.eid


def _pattern(name: str) -> str:
    words = [re.escape(w) for w in name.split()]
    last = words[-1]
    # plurals of the last word: agency -> agencies, officer -> officers
    if name[-1:] == "y" and not name.isupper():
        last = re.escape(name.split()[-1][:-1]) + "(?:y|ies)"
    elif not name.isupper():
        last += "s?"
    return r"\s+".join(words[:-1] + [last])


class Linker:
    """Wraps uses of defined terms in links, escaping everything else."""

    def __init__(self, root: Node, found: list[Term]):
        self.parents = parent_map(root)
        self.terms = found
        self._compiled = {}
        for t in found:
            names = sorted([t.term, *t.aliases], key=len, reverse=True)
            parts = [(_pattern(n), n.isupper()) for n in names]
            insensitive = "|".join(p for p, upper in parts if not upper)
            sensitive = "|".join(p for p, upper in parts if upper)
            alts = []
            if insensitive:
                alts.append(f"(?i:{insensitive})")
            if sensitive:
                alts.append(sensitive)
            self._compiled[t.eid] = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")

    def _in_scope(self, node: Node, scope: str | None) -> bool:
        return scope is None or any(n.eid == scope for n in lineage(node, self.parents))

    def link(self, node: Node, text: str, marks: dict[int, Markup] | None = None) -> Markup:
        """``text`` escaped, uses of terms linked; ``marks`` {offset: markup} inserted where the
        offsets fall (one inside a term's link goes before the link: links do not nest)."""
        marks = marks or {}
        spans = self._spans(node, text)
        out, pos = [], 0
        for start, end, t in spans + [(len(text), len(text), None)]:
            out.append(_marked(text, pos, start, marks))
            if t is not None:
                for at in sorted(k for k in marks if start <= k < end):  # a line begins at or inside the term
                    out.append(marks[at])
                out.append(Markup('<a class="term" href="#{}" title="Defined term: {}">{}</a>').format(
                    t.eid, t.term, text[start:end]))
            pos = end
        return Markup("").join(out)

    def _spans(self, node: Node, text: str) -> list:
        applicable = [t for t in self.terms if t.eid != node.eid and self._in_scope(node, t.scope)]
        spans: list[tuple[int, int, Term]] = []
        # longest terms first, so "judicial warrant or judicial order" wins over a shorter overlap
        for t in sorted(applicable, key=lambda t: -len(t.term)):
            for m in self._compiled[t.eid].finditer(text):
                if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
                    spans.append((m.start(), m.end(), t))
        spans.sort(key=lambda s: s[0])
        return spans


def _marked(text: str, lo: int, hi: int, marks: dict[int, Markup]) -> Markup:
    """text[lo:hi] escaped, with the marks whose offsets fall in [lo, hi) inserted."""
    out, pos = [], lo
    for at in sorted(k for k in marks if lo <= k < hi):
        out.append(escape(text[pos:at]))
        out.append(marks[at])
        pos = at
    out.append(escape(text[pos:hi]))
    return Markup("").join(out)
