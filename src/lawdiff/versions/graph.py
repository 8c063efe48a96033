"""A measure's version graph: documents and enacted chapters, joined old -> new by evidence.

``build`` gathers ``Evidence`` into a ``Graph``: one version edge per (earlier, later) pair,
the earliest dated evidence that states it (a history action before a pinslip),
and the other relations (study orders, "accompanied by", cross-references) kept apart.
Merges (eight bills -> one draft) and the House/Senate alternation are ordinary graphs; a
cycle in the evidence is found (``cycles``) and kept as data.  ``walk`` follows the evidence
from one document through a source of records; ``component`` cuts the graph holding one
document out of a whole session's.  Everything is iterative and linear in the evidence.
"""

from __future__ import annotations

import heapq
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Protocol

from lawdiff.errors import LawdiffError
from lawdiff.versions import sentences
from lawdiff.versions.sentences import VERSION, Evidence

MAX_TEXTS = 500
"""A walk that names more texts than this has run away (the largest real measure of the
193rd General Court, the budget, has a few dozen)."""


@dataclass
class Node:
    name: str
    """``H4241``, or ``acts-2024-118``."""
    type: str = ""
    """The record's ``LegislationTypeName`` (Bill, Amendment, Order, ...), ``Act`` for a chapter."""
    has_text: bool = False
    date: str | None = None
    """The first dated action of its history (or the day its chapter was signed)."""
    title: str = ""
    known: bool = True
    """False for a document only named by others (no record of it was found)."""

    @property
    def number(self) -> str:
        return number(self.name)


@dataclass(frozen=True)
class Edge:
    earlier: str
    later: str
    relation: str
    date: str | None
    evidence: str
    kind: str = VERSION


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    """Version edges, one per (earlier, later)."""
    others: list[Edge] = field(default_factory=list)
    """Relations of another kind, one per (earlier, later, relation)."""

    def cycles(self) -> list[list[str]]:
        return cycles(self)

    def order(self) -> list[str]:
        return order(self)


class Source(Protocol):
    """Where the records come from (a saved session folder, the API, the corpus)."""

    def record(self, name: str) -> dict | None: ...

    def history(self, name: str) -> list | None: ...

    def session_law(self, year: int, chapter: int) -> dict | None: ...

    def has_text(self, name: str, record: dict | None) -> bool: ...


def number(name: str) -> str:
    """As printed: ``H.4241``, ``Chapter 118 of the Acts of 2024``."""
    if name.startswith("acts-"):
        _, year, chapter = name.split("-")
        return f"Chapter {chapter} of the Acts of {year}"
    return f"{name[0]}.{name[1:]}"


def entry_id(name: str, court: int) -> str:
    """The manifest id: ``193-h4241``, ``acts-2024-118``."""
    return name if name.startswith("acts-") else f"{court}-{name.lower()}"


def document_evidence(name: str, record: dict | None, history: list | None) -> list[Evidence]:
    """What one document's history, pinslip and title say (history first: it is dated)."""
    out = sentences.from_history(name, history) if isinstance(history, list) else []
    if isinstance(record, dict):
        kind = record.get("LegislationTypeName") if isinstance(record.get("LegislationTypeName"), str) else ""
        out += sentences.from_statement(record.get("Pinslip"), name, kind)
        out += sentences.from_statement(record.get("Title"), name, kind)
    return out


def document_node(name: str, record: dict | None, history: list | None, has_text: bool) -> Node:
    if not isinstance(record, dict):
        return Node(name, has_text=has_text, known=False)
    dates = [a["Date"][:10] for a in history or [] if isinstance(a, dict) and isinstance(a.get("Date"), str)
             and re.match(r"\d{4}-\d\d-\d\d", a["Date"])]
    kind, title = record.get("LegislationTypeName"), record.get("Title")
    return Node(name, kind if isinstance(kind, str) else "", has_text, min(dates) if dates else None,
                " ".join(title.split()) if isinstance(title, str) else "")


def build(evidence: Iterable[Evidence], nodes: dict[str, Node] | None = None) -> Graph:
    """The graph of ``evidence``; ``nodes`` describe the documents whose records were read
    (any other document or chapter named gets a node of its own, ``known`` False for a
    document, an ``Act`` for a chapter)."""
    graph = Graph(dict(nodes or {}))
    versions: dict[tuple[str, str], Evidence] = {}
    others: dict[tuple[str, str, str], Evidence] = {}
    for e in evidence:
        table, key = (versions, (e.earlier, e.later)) if e.kind == VERSION else (others, (e.earlier, e.later, e.relation))
        if key not in table or _rank(e) < _rank(table[key]):
            table[key] = e
        for name in (e.earlier, e.later):
            if name not in graph.nodes:
                graph.nodes[name] = Node(name, "Act", True) if name.startswith("acts-") else Node(name, known=False)
    graph.edges = [_edge(e) for e in versions.values()]
    graph.others = [_edge(o) for o in others.values() if (o.earlier, o.later) not in versions]
    for edge in graph.edges:  # a chapter is dated by its signing
        node = graph.nodes[edge.later]
        if edge.relation == sentences.ENACTED and edge.date and (node.date is None or edge.date < node.date):
            node.date = edge.date
    return graph


def _edge(e: Evidence) -> Edge:
    return Edge(e.earlier, e.later, e.relation, e.date, e.said, e.kind)


def _rank(e: Evidence) -> tuple:
    """Which of the sentences stating one step is its evidence: the earliest dated (a history
    action before an undated pinslip), then the later text's own word on where it came from,
    then alphabetical order, so the graph is the same whichever document a walk starts from."""
    return (e.date or "9999", e.by != e.later, e.said, e.relation)


def walk(source: Source, start: str, limit: int = MAX_TEXTS) -> Graph:
    """The graph through document ``start``: its record and history read, then those of every
    text their version evidence names, and so on (breadth first; each text read once)."""
    evidence: list[Evidence] = []
    nodes: dict[str, Node] = {}
    queue, queued = deque([start]), {start}
    while queue:
        name = queue.popleft()
        if len(nodes) >= limit:
            raise LawdiffError(start, f"more than {limit} texts linked to it; stopped")
        if name.startswith("acts-"):
            _, year, chapter = name.split("-")
            law = source.session_law(int(year), int(chapter))
            found = sentences.from_session_law(law) if isinstance(law, dict) else []
            nodes[name] = Node(name, "Act", isinstance(law, dict) and source.has_text(name, law),
                               next((e.date for e in found if e.date), None),
                               " ".join(str(law.get("Title") or "").split()) if isinstance(law, dict) else "",
                               isinstance(law, dict))
        else:
            record, history = source.record(name), source.history(name)
            found = document_evidence(name, record, history)
            nodes[name] = document_node(name, record, history, source.has_text(name, record))
        evidence += found
        for e in found:
            if e.kind != VERSION:
                continue
            for other in (e.earlier, e.later):
                if other not in queued:
                    queued.add(other)
                    queue.append(other)
    return build(evidence, nodes)


def whole(source: Source, names: Iterable[str], years: Iterable[int] = ()) -> Graph:
    """The graph of every document ``names`` (a whole session) and the session laws of ``years``."""
    evidence: list[Evidence] = []
    nodes: dict[str, Node] = {}
    for name in names:
        record, history = source.record(name), source.history(name)
        evidence += document_evidence(name, record, history)
        nodes[name] = document_node(name, record, history, source.has_text(name, record))
    for year in years:
        for law in source.session_laws(year) or []:
            evidence += sentences.from_session_law(law) if isinstance(law, dict) else []
    return build(evidence, nodes)


def components(graph: Graph) -> list[list[str]]:
    """The node sets joined by version edges (texts with no version edge left out), each
    in ``order``'s sense of earliest first."""
    parent: dict[str, str] = {}

    def root(n: str) -> str:
        while parent.setdefault(n, n) != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for edge in graph.edges:
        a, b = root(edge.earlier), root(edge.later)
        if a != b:
            parent[a] = b
    groups: dict[str, list[str]] = {}
    for n in parent:
        groups.setdefault(root(n), []).append(n)
    return sorted((sorted(g, key=lambda n: _when(graph, n)) for g in groups.values()),
                  key=lambda g: _when(graph, g[0]))


def component(graph: Graph, name: str) -> Graph:
    """The part of ``graph`` joined to ``name`` by version edges (either way, however far),
    with the other relations of its documents."""
    if name not in graph.nodes:
        raise LawdiffError(name, "not in the version graph")
    near: dict[str, list[str]] = {}
    for edge in graph.edges:
        near.setdefault(edge.earlier, []).append(edge.later)
        near.setdefault(edge.later, []).append(edge.earlier)
    found, todo = {name}, [name]
    while todo:
        for other in near.get(todo.pop(), ()):
            if other not in found:
                found.add(other)
                todo.append(other)
    others = [o for o in graph.others if o.earlier in found or o.later in found]
    names = found | {n for o in others for n in (o.earlier, o.later)}
    return Graph({n: graph.nodes[n] for n in graph.nodes if n in names},
                 [e for e in graph.edges if e.earlier in found], others)


def cycles(graph: Graph) -> list[list[str]]:
    """Each set of texts the version evidence puts before one another (a strongly connected
    component of more than one text, or a text said to come from itself), earliest first;
    Tarjan's algorithm with an explicit stack."""
    after: dict[str, list[str]] = {}
    for edge in graph.edges:
        after.setdefault(edge.earlier, []).append(edge.later)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    for root in sorted(after):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            nexts = after.get(node, [])
            if i > 0:  # back from nexts[i - 1]
                low[node] = min(low[node], low[nexts[i - 1]])
            while i < len(nexts) and nexts[i] in index:
                if nexts[i] in on_stack:
                    low[node] = min(low[node], index[nexts[i]])
                i += 1
            if i < len(nexts):
                work.append((node, i + 1))
                work.append((nexts[i], 0))
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    out.append(sorted(group, key=lambda n: _when(graph, n)))
    return sorted(out, key=lambda g: _when(graph, g[0]))


def order(graph: Graph) -> list[str]:
    """Every node, each after the texts it came from (Kahn's algorithm; among the ready, the
    earliest dated first); the texts of a cycle, which have no such order, by date at the end
    of what precedes them."""
    before = {n: 0 for n in graph.nodes}
    after: dict[str, list[str]] = {}
    for edge in graph.edges:
        before[edge.later] += 1
        after.setdefault(edge.earlier, []).append(edge.later)
    ready = [(_when(graph, n), n) for n, count in before.items() if count == 0]
    heapq.heapify(ready)
    out: list[str] = []
    placed: set[str] = set()
    while len(out) < len(before):
        if not ready:  # a cycle: its earliest text goes next
            rest = min((_when(graph, n), n) for n in before if n not in placed)
            before[rest[1]] = 0
            heapq.heappush(ready, rest)
        _, node = heapq.heappop(ready)
        if node in placed:
            continue
        placed.add(node)
        out.append(node)
        for nxt in after.get(node, []):
            before[nxt] -= 1
            if before[nxt] == 0 and nxt not in placed:
                heapq.heappush(ready, (_when(graph, nxt), nxt))
    return out


def _when(graph: Graph, name: str) -> tuple:
    node = graph.nodes.get(name)
    return (node.date or "9999" if node else "9999", _sort_key(name))


def _sort_key(name: str) -> tuple:
    if name.startswith("acts-"):
        _, year, chapter = name.split("-")
        return ("~", int(year), int(chapter))
    return (name[0], int(name[1:]), 0)


def to_json(graph: Graph, court: int, ids: dict[str, str] | None = None) -> dict:
    """``{"nodes", "edges", "related", "cycles"}``, ids as in the manifest (``ids``: name -> the
    manifest's id where it has its own), nodes in ``order``."""
    ids = {n: (ids or {}).get(n) or entry_id(n, court) for n in graph.nodes}
    return {
        "nodes": [{"id": ids[n], "number": graph.nodes[n].number, "type": graph.nodes[n].type,
                   "has_text": graph.nodes[n].has_text, "date": graph.nodes[n].date} for n in graph.order()],
        "edges": [_edge_json(e, ids) for e in _sorted(graph, graph.edges)],
        "related": [_edge_json(e, ids) for e in _sorted(graph, graph.others)],
        "cycles": [[ids[n] for n in c] for c in graph.cycles()],
    }


def _edge_json(edge: Edge, ids: dict[str, str]) -> dict:
    return {"from": ids[edge.earlier], "to": ids[edge.later], "relation": edge.relation, "date": edge.date,
            "evidence": edge.evidence}


def _sorted(graph: Graph, edges: list[Edge]) -> list[Edge]:
    place = {n: i for i, n in enumerate(graph.order())}
    return sorted(edges, key=lambda e: (e.date or "9999", place[e.earlier], place[e.later], e.relation))


def to_text(graph: Graph, court: int, ids: dict[str, str] | None = None) -> str:
    """The graph as lines a person reads: the texts in order, each step with its evidence."""
    ids = {n: (ids or {}).get(n) or entry_id(n, court) for n in graph.nodes}
    lines = []
    for n in graph.order():
        node = graph.nodes[n]
        text = "text" if node.has_text else ("no record" if not node.known else "text not published")
        lines.append(f"{node.date or '          '}  {node.number:<34} {ids[n]:<16} {node.type or '-'}, {text}")
    lines.append("")
    lines.append(f"{len(graph.edges)} steps:")
    for e in _sorted(graph, graph.edges):
        lines.append(f"{e.date or '          '}  {number(e.earlier)} -> {number(e.later)}: {e.relation}"
                     f" ({_short(e.evidence)})")
    if graph.others:
        lines.append("")
        lines.append("Related, not versions:")
        for e in _sorted(graph, graph.others):
            lines.append(f"{e.date or '          '}  {number(e.earlier)} -> {number(e.later)}: {e.relation}"
                         f" ({_short(e.evidence)})")
    found = graph.cycles()
    lines.append("")
    lines.append("Cycles in the evidence: " + ("; ".join(" -> ".join(number(n) for n in c + c[:1]) for c in found)
                                                if found else "none"))
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 120) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
