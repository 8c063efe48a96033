"""Find the provisions of one instrument that treat a topic.

A provision matches when a topic pattern occurs in its OWN words (number,
heading, text; children excluded), so every match is reported at the smallest
node that holds it.  Each provision is cut into sentences, each with the lines
it sits on, so a citation can point at the one sentence that bans, voids or
excepts rather than at a whole section.

Provisions that only qualify others ("Nothing in this section shall prohibit
...", "The preceding subsections (b) and (c) shall not apply ...") are found
too, even when they do not use the topic's words, whenever a provision they
qualify matches: savings clauses often decide the real effect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawdiff.parse.provisions import heading_label, instrument_label, lineage, lines_text, parent_map, path_label
from lawdiff.matrix.topics import Topic
from lawdiff.parse.tree import Document, Node

SKIP_TYPES = {"preface", "formula", "longTitle", "summary", "session", "docket"}
ROLE_ORDER = {"rule": 0, "qualifier": 1, "definition": 2, "recital": 3}

# A sentence whose subject is the instrument itself, not the people it governs.
QUALIFIER_SENTENCE = re.compile(
    r"^(?:provided,?\s+(?:however,?\s+)?that\s+)?nothing\s+(?:in|contained\s+in)\s+this\b"
    r"|^(?:the\s+)?(?:preceding|foregoing)\s+(?:sub)?sections?\b[^.]*?\bshall\s+not\s+apply"
    r"|^this\s+(?:section|subsection|act|chapter|order|executive\s+order)\s+shall\s+not\s+(?:apply|be\s+construed)",
    re.I,
)
# Where a savings clause reaches: "nothing in this section" qualifies the whole section.
SCOPE = re.compile(
    r"nothing\s+(?:in|contained\s+in)\s+this\s+(section|subsection|paragraph|act|chapter|executive\s+order|order)\b", re.I
)
# What a savings clause keeps the instrument from doing decides what it can qualify
# ("logic" beside "reach"): "nothing in this section shall prohibit or restrain ..."
# limits prohibitions and restraints, so it cannot qualify a duty to train staff;
# "shall be construed to require ..." limits duties; "to impact or interfere with
# ..." or a verb not listed here limits anything, so nothing real is lost.
SAVED_FROM_VERBS = {
    "prohibit": "restraint", "restrain": "restraint", "restrict": "restraint", "prevent": "restraint",
    "bar": "restraint", "limit": "restraint", "preclude": "restraint", "forbid": "restraint",
    "interfere": "restraint",
    "require": "duty", "compel": "duty", "mandate": "duty", "obligate": "duty",
}
# The verb right after "shall (be construed to)", and each verb coordinated with it:
# ", to diminish", "or to require" (any verb), "prohibit or restrain" (a listed verb).
SAVED_VERB = re.compile(
    r"\bshall\s+(?:be\s+(?:construed|interpreted|deemed)\s+(?:so\s+as\s+)?to\s+)?([a-z]+)"
    r"|(?:,\s*|\b(?:or|and)\s+)(to\s+)?([a-z]+)", re.I)
# How a provision binds: a prohibition or condition ("no officer ... shall", "shall
# not be used", "only if"), or a duty ("shall ensure", "are directed to").
RESTRAINT = re.compile(
    r"\bno\b[^.;]{0,200}?\bshall\b|\bshall\s+not\s+(?!be\s+(?:a|an|the|construed|deemed|interpreted)\b|apply\b)"
    r"|\bmay\s+not\b|\bonly\s+(?:if|when|upon|after)\b|\bnull\s+and\s+void\b|\bprohibit(?:s|ed)?\b", re.I)
DUTY = re.compile(r"\b(?:shall|must)\b(?!\s+not\b)|\b(?:is|are)\s+(?:hereby\s+)?(?:\w+\s+)?(?:directed|required)\s+to\b", re.I)
SIBLINGS = re.compile(r"(?:sub)?sections?\s+((?:\([a-z0-9]+\)(?:,?\s+(?:and|or)\s+|,\s*)?)+)\s*shall\s+not\s+apply", re.I)
ABBREVIATIONS = {"u.s.c.", "u.s.", "no.", "nos.", "sec.", "secs.", "st.", "e.g.", "i.e.", "mr.", "ms.", "dr.", "inc.", "v.", "c.", "ch."}


@dataclass
class Sentence:
    start: int
    """Index of the first word in the node's own words."""
    end: int
    text: str


def sentences(node: Node) -> list[Sentence]:
    """The node's own words cut into sentences; the number and heading come first, on their own."""
    head = len(heading_label(node).split())
    words = node.own_words()
    out: list[Sentence] = []
    if head:
        out.append(Sentence(0, head, " ".join(words[:head])))
    start = head
    for i in range(head, len(words)):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        bare = w.rstrip("”\"’')")
        ends = bare.endswith(".") and w.lower() not in ABBREVIATIONS and not re.fullmatch(r"[A-Z]\.", bare)
        if nxt is None or (ends and re.match(r"[A-Z“\"(]", nxt)):
            out.append(Sentence(start, i + 1, " ".join(words[start : i + 1])))
            start = i + 1
    return out


def own_word_lines(doc: Document, node: Node) -> list[int] | None:
    """The line of each of the node's own words (``doc.line_text``), or None when the words
    cannot be matched one to one against the lines (then only the node's own line span is cited)."""
    found = doc.words_on_lines(*node.lines) if node.lines else None
    if found is None or found[0] != node.words():
        return None
    return found[1][: len(node.own_words())]


def _span(lines: list[int]) -> list[int]:
    return [min(lines), max(lines)]


def saved_from(clause: str) -> set[str]:
    """What the savings clause after "nothing in this ..." keeps the instrument from
    doing: {"restraint"}, {"duty"}, both, or {"any"} when a verb says no more."""
    kinds = set()
    for m in SAVED_VERB.finditer(clause):
        verb = (m.group(1) or m.group(3)).lower()
        if m.group(1) or m.group(2) or verb in SAVED_FROM_VERBS:
            kinds.add(SAVED_FROM_VERBS.get(verb, "any"))
    return kinds or {"any"}


def binds(sentences_: list[str]) -> set[str]:
    """How the sentences bind: {"restraint", "duty"} or a part of it."""
    kinds = set()
    for text in sentences_:
        if RESTRAINT.search(text):
            kinds.add("restraint")
        elif DUTY.search(text):
            kinds.add("duty")
    return kinds


def _role(node: Node, matched_sentences: list[Sentence]) -> str:
    if node.type == "definition":
        return "definition"
    if node.type == "recital":
        return "recital"
    if matched_sentences and all(QUALIFIER_SENTENCE.search(s.text) for s in matched_sentences):
        return "qualifier"
    return "rule"


def locate(doc: Document, topic: Topic) -> list[dict]:
    """The provisions of ``doc`` that treat ``topic``, ranked: rules, then qualifiers,
    definitions and recitals; within each, the strongest match first, then document order."""
    printed = doc.meta.get("line_numbers") == "printed"
    parents = parent_map(doc.tree)
    order = {id(n): i for i, n in enumerate(doc.tree.walk())}
    skipped = {id(d) for n in doc.tree.walk() if n.type in SKIP_TYPES for d in n.walk()}
    found: dict[int, dict] = {}
    nodes: dict[int, Node] = {}
    binding: dict[int, set[str]] = {}
    for node in doc.tree.walk():
        if id(node) in skipped or not node.eid or not node.own_words():
            continue
        own = " ".join(node.own_words())
        hits = topic.matches(own)
        if not hits:
            continue
        sents = sentences(node)
        starts = _char_starts(node.own_words())
        hit_words = {_word_at(starts, m.start()) for _, m in hits}
        matched = [s for s in sents if any(s.start <= w < s.end for w in hit_words)]
        heading_words = len(heading_label(node).split())
        in_heading = any(w < heading_words for w in hit_words)
        distinct = sorted({p.source for p, _ in hits}, key=lambda s: [p.source for p in topic.patterns].index(s))
        score = 2 * len(distinct) + len(hits) + (3 if in_heading else 0)
        found[id(node)] = _provision(doc, node, parents, printed, sents, matched,
                                     role=_role(node, matched), score=score, patterns=distinct)
        nodes[id(node)] = node
        # What a qualifier would have to limit: the matched sentences, or the whole body
        # when only the heading matched (the rule is in the body); a heading with no
        # words of its own below it (a part over its sections) might bind either way.
        body = [s for s in matched if s.start >= heading_words] or [s for s in sents if s.start >= heading_words]
        binding[id(node)] = binds([s.text for s in body]) if body else {"restraint", "duty"}
    _add_qualifiers(doc, found, nodes, parents, printed, binding)
    ranked = sorted(found.values(), key=lambda p: (ROLE_ORDER[p["role"]], -p["score"], order[p["_id"]]))
    for p in ranked:
        del p["_id"]
    return ranked


def provision(doc: Document, node: Node) -> dict:
    """A provision that no pattern found (e.g. one an annotation cites), in the same shape."""
    printed = doc.meta.get("line_numbers") == "printed"
    sents = sentences(node)
    head = len(heading_label(node).split())
    body = [s for s in sents if s.start >= head]
    role = _role(node, body)  # a cited definition stays a definition, a savings section a qualifier
    p = _provision(doc, node, parent_map(doc.tree), printed, sents, [], role=role, score=0, patterns=[])
    del p["_id"]
    return p


def _add_qualifiers(doc, found, nodes, parents, printed, binding) -> None:
    """Savings clauses and "shall not apply" provisions that qualify a matched provision:
    its reach ("this section") must cover the provision, and what it saves from
    (prohibiting, requiring, anything) must be how the provision binds."""
    matched_rules = [nodes[k] for k, p in found.items() if p["role"] == "rule"]
    if not matched_rules:
        return
    for node in doc.tree.walk():
        if not node.eid or not node.text or not (SCOPE.search(node.text) or SIBLINGS.search(node.text)):
            continue
        targets: list[Node] = []
        sents = sentences(node)
        applying: list[Sentence] = []  # the sentences that do the qualifying
        for s in sents:
            for m in SCOPE.finditer(s.text):
                scope = _scope(node, m.group(1).lower(), parents, doc.tree)
                if scope is None:
                    continue
                saves = saved_from(s.text[m.end():])
                hit = [n for n in matched_rules
                       if any(a is scope for a in lineage(n, parents))
                       and ("any" in saves or saves & binding.get(id(n), set()))]
                if hit:
                    # A rule that carries its own exception (H.2288 section 40's
                    # detention-contract clause) shows it beside the rule.
                    targets += [n for n in hit if n is not node]
                    applying.append(s)
            if m := SIBLINGS.search(s.text):
                labels = set(re.findall(r"\([a-z0-9]+\)", m.group(1)))
                parent = parents.get(id(node))
                siblings = [c for c in (parent.children if parent else []) if c.num in labels]
                hit = [n for n in matched_rules if any(a in siblings for a in lineage(n, parents))]
                if hit:
                    targets += hit
                    applying.append(s)
        if not applying:
            continue
        eids = list(dict.fromkeys(t.eid for t in targets))
        if id(node) in found:
            # Found by the topic's words and a qualifier too (EO 650 Section 6): the
            # sentences that qualify are marked beside the one that matched, so the
            # Department of Correction carve-out shows next to the renewal clause.
            found[id(node)]["qualifies"] = [e for e in eids if e != node.eid]
            starts = {s.start for s in applying}
            for passage, s in zip(found[id(node)]["passages"], sents):
                passage["matched"] = passage["matched"] or s.start in starts
            continue
        qual = list({s.start: s for s in applying}.values())
        p = _provision(doc, node, parents, printed, sents, qual, role="qualifier", score=0, patterns=[])
        p["qualifies"] = eids
        found[id(node)] = p
        nodes[id(node)] = node


def _scope(node: Node, unit: str, parents, root: Node) -> Node | None:
    if unit in ("act", "chapter", "order", "executive order"):
        return root
    for a in lineage(node, parents):
        if a.type == unit:
            return a
    return None


def _char_starts(words: list[str]) -> list[int]:
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return starts


def _word_at(starts: list[int], offset: int) -> int:
    lo = 0
    for i, s in enumerate(starts):
        if s <= offset:
            lo = i
        else:
            break
    return lo


def citation(doc: Document, node: Node, lines: list[int] | None, parents=None) -> str:
    """What a reader cites: the numbers on the way down, then the lines, e.g.
    "H.2288 SECTION 3, Section 40, lines 85–97"."""
    parents = parents if parents is not None else parent_map(doc.tree)
    label = path_label(node, parents)
    head = instrument_label(doc.meta)
    text = f"{head} {label}" if label else head
    where = _lines_label(lines, doc.meta.get("line_numbers") == "printed")
    return f"{text}, {where}" if where else text


def _lines_label(lines: list[int] | None, printed: bool) -> str:
    # Lines of lawdiff's copy of a text that prints none (EO 650 on mass.gov) would send a
    # reader looking for numbers that are not there: such a text is cited by its sections.
    if not lines or not printed:
        return ""
    return lines_text(lines)


def _provision(doc, node, parents, printed, sents, matched, *, role, score, patterns) -> dict:
    word_lines = own_word_lines(doc, node)
    if word_lines:
        lines = _span(word_lines)
    else:
        lines = list(node.lines) if node.lines else None
    matched_starts = {s.start for s in matched}
    passages = []
    for s in sents:
        passages.append({
            "text": s.text,
            "lines": _span(word_lines[s.start : s.end]) if word_lines else lines,
            "matched": s.start in matched_starts,
            "qualifier": bool(QUALIFIER_SENTENCE.search(s.text)),
        })
    return {
        "_id": id(node),
        "eid": node.eid,
        "type": node.type,
        "num": node.num,
        "heading": node.heading,
        "term": node.term,
        "lines": lines,
        "line_numbers": "printed" if printed else "source",
        "citation": citation(doc, node, lines, parents),
        "text": node.text,
        "role": role,
        "score": score,
        "patterns": patterns,
        "passages": passages,
        "qualifies": [],
    }
