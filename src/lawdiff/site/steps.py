"""Each instrument's version graph as the steps its page shows: what came from what, when, why.

Reads the records and histories the corpus holds (``load.sources.CorpusSource``), builds each
General Court's version graph once (``lawdiff.versions.graph``), and gives every instrument of
a graph of two texts or more its steps, earliest first: ``{date, relation, evidence, from,
to, redline}`` (each side ``{id, number}``, ``id`` None for a text the corpus does not hold, which has no page;
``redline`` the published redline's slug, when the site publishes one for that pair) and the
cycles found in the evidence.
"""

from __future__ import annotations

from lawdiff.load.manifest import Corpus
from lawdiff.load.sources import CorpusSource
from lawdiff.versions import graph, sentences


def version_steps(corpus: Corpus, published: set[str]) -> dict[str, dict]:
    """id -> ``{"steps": [...], "cycles": [[number, ...], ...]}``; ``published``: the redline slugs."""
    out: dict[str, dict] = {}
    courts = sorted({e["session"] for e in corpus.entries.values() if isinstance(e.get("session"), int)})
    for court in courts:
        source = CorpusSource(corpus, court)
        names = [n for n in source._by_name if not n.startswith("acts-")]
        if not any(source._by_name[n].get("history") or source._by_name[n].get("format") == "api-json"
                   or source._by_name[n].get("record") for n in names):
            continue  # no record or history to read relations from
        evidence = [e for n in names for e in graph.document_evidence(n, source.record(n), source.history(n))]
        for name in source._by_name:
            if name.startswith("acts-") and (law := source.session_law(*map(int, name.split("-")[1:]))):
                evidence += sentences.from_session_law(law)
        g = graph.build(evidence, {n: graph.document_node(n, source.record(n), source.history(n), True)
                                   for n in names})
        # a side links to its page: the texts the corpus holds (an entry without text has none)
        ids = {n: (source._by_name[n]["id"] if n in source._by_name and source._by_name[n].get("path") else None)
               for n in g.nodes}
        for group in graph.components(g):
            members = set(group)
            sub = graph.Graph({n: g.nodes[n] for n in group}, [e for e in g.edges if e.earlier in members])
            steps = [_step(e, ids, published) for e in graph._sorted(sub, sub.edges)]
            cycles = [[graph.number(n) for n in c] for c in sub.cycles()]
            for n in group:
                if ids[n] is not None:
                    out.setdefault(ids[n], {"steps": steps, "cycles": cycles})
    return out


def _step(edge: graph.Edge, ids: dict, published: set[str]) -> dict:
    a, b = ids.get(edge.earlier), ids.get(edge.later)
    slug = f"{a}--{b}" if a and b else None
    return {"date": edge.date, "relation": edge.relation, "evidence": edge.evidence,
            "from": {"id": a, "number": graph.number(edge.earlier)},
            "to": {"id": b, "number": graph.number(edge.later)},
            "redline": slug if slug in published else None}
