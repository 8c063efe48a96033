"""A provision's lineage: which version introduced each phrase, and which struck it.

Reads the manifest's version graph (``version_of``, then ``refiled_from``: the texts one
instrument was drawn from) and the texts in the corpus; each step is the change model of
one version against the next (``changes.compare``, whole documents, so a provision that moved
or was renumbered is followed).  Going back from the asked provision, each step finds the
provision it came from (none: it was inserted there); going forward, every character of
its words carries the version that introduced it, and every struck run says since when it
stood and where it was struck.  Companions are not versions: they are left out.
"""

from __future__ import annotations

from lawdiff.errors import LawdiffError
from lawdiff.parse.provisions import instrument_name

PREDECESSORS = ("version_of", "refiled_from")


def chain(corpus, iid: str) -> list[str]:
    """The versions with text that lead to ``iid``, oldest first, ``iid`` last: at each step
    the first predecessor (in manifest order of the relation) whose text is in the corpus."""
    out = [iid]
    while True:
        entry = corpus.entries[out[0]]
        earlier = [o for r in PREDECESSORS for o in entry.get(r, [])
                   if o in corpus.entries and corpus.entries[o].get("path") and o not in out]
        if not earlier:
            return out
        out.insert(0, earlier[0])


class Versions:
    """One instrument's versions compared once, oldest first: ``docs``, their ``labels``, and
    ``models[k]``, the change model of ``docs[k]`` against ``docs[k + 1]`` (given, when the caller
    already holds them, or computed here).  Every provision of the last text is traced from it
    (``trace``): a page shows them all for one comparison of each step, not one per provision."""

    def __init__(self, docs: list, labels: list[str], models: list[dict] | None = None):
        from lawdiff.diff.changes import compare
        self.docs, self.labels = docs, labels
        self.models = models if models is not None else [compare(docs[k], docs[k + 1]) for k in range(len(docs) - 1)]
        # each step's changes by the eid they have in the later text (the first, as the model orders them)
        self.by_new: list[dict[str, dict]] = []
        for model in self.models:
            found: dict[str, dict] = {}
            for c in model["changes"]:
                # a split's further new provisions (``parts``) are found too, so that ``trace``
                # refuses them rather than reading them as new in that version
                for ref in [c.get("new")] + (c.get("parts") or [] if c["kind"] == "split" else []):
                    if (e := (ref or {}).get("eid")):
                        found.setdefault(e, c)
            self.by_new.append(found)
        self.nodes: list[dict] = []  # each text's provisions by eid, the first as find() gives it (find walks the tree)
        for d in docs:
            self.nodes.append({})
            for n in d.tree.walk():
                if n.eid:
                    self.nodes[-1].setdefault(n.eid, n)

    def trace(self, eid: str) -> dict:
        """{"eids": the provision's eid in each version (None: not yet there), "segments": [{"text",
        "v"}], "struck": [{"text", "v", "struck_in"}]}: ``v`` and ``struck_in`` are version indexes.
        Raises LawdiffError when the models do not rebuild the provision's text."""
        from lawdiff.diff.align import content
        last = len(self.docs) - 1
        eids: list[str | None] = [None] * len(self.docs)
        eids[last] = eid
        steps: list[dict | None] = [None] * len(self.docs)
        for k in range(last, 0, -1):  # back from the provision: the eid it had in each version
            if eids[k] is None:
                break
            change = self.by_new[k - 1].get(eids[k])
            steps[k] = change
            eids[k - 1] = (change.get("old") or {}).get("eid") if change else None
        first = next(k for k, e in enumerate(eids) if e is not None)
        tags = [first] * len(content(self.nodes[first][eids[first]]))
        struck = []
        for k in range(first + 1, len(self.docs)):  # forward: every character carries its version
            change = steps[k]
            if change["kind"] in ("split", "join"):
                # its tokens cover every part: they do not line up with this one provision's words
                raise LawdiffError(eid, f"split or joined in {self.labels[k]}: its history is in that step's redline")
            if change["kind"] == "equal" or not change.get("tokens"):
                continue  # the same words: the same tags
            new_tags, at = [], 0
            for op, piece in change["tokens"]:
                if op == "=":
                    new_tags += tags[at:at + len(piece)]
                    at += len(piece)
                elif op == "-":
                    if piece.strip():
                        struck.append({"text": piece.strip(), "v": tags[at] if at < len(tags) else first,
                                       "struck_in": k})
                    at += len(piece)
                else:
                    new_tags += [k] * len(piece)
            tags = new_tags
            if len(tags) != len(content(self.nodes[k][eids[k]])):  # checked at every step, not the last only
                raise LawdiffError(eid, "the versions' comparison does not rebuild this provision's text")
        final = content(self.nodes[last][eid])
        if len(tags) != len(final):  # the model did not rebuild the text: say nothing rather than wrong
            raise LawdiffError(eid, "the versions' comparison does not rebuild this provision's text")
        segments: list[dict] = []
        for ch, tag in zip(final, tags):
            if segments and segments[-1]["v"] == tag:
                segments[-1]["text"] += ch
            else:
                segments.append({"text": ch, "v": tag})
        return {"eids": eids, "segments": segments, "struck": struck}


def versions_of(corpus, iid: str, load=None) -> tuple[list[str], Versions]:
    """The chain of ``iid`` (``chain``) and its texts compared, each step once."""
    from lawdiff.load.documents import load_document
    load = load or (lambda i: load_document(i, corpus))
    if iid not in corpus.entries or not corpus.entries[iid].get("path"):
        raise LawdiffError(iid, "no instrument with text by that id in the corpus")
    ids = chain(corpus, iid)
    return ids, Versions([load(v) for v in ids], [instrument_name(corpus.entries[v]) for v in ids])


def lineage(corpus, iid: str, eid: str, load=None) -> dict:
    """{"instrument", "eid", "versions": [{"id", "label", "eid"}], "segments": [{"text", "since"}],
    "struck": [{"text", "since", "struck_in"}]}: ``since`` and ``struck_in`` name versions by label."""
    ids, found = versions_of(corpus, iid, load)
    if found.docs[-1].tree.find(eid) is None:
        raise LawdiffError(f"{iid}#{eid}", f"no provision {eid} in {iid}")
    try:
        traced = found.trace(eid)
    except LawdiffError as e:
        raise LawdiffError(f"{iid}#{eid}", e.problem) from None
    labels = found.labels
    return {"instrument": iid, "eid": eid,
            "versions": [{"id": v, "label": lab, "eid": e} for v, lab, e in zip(ids, labels, traced["eids"])],
            "segments": [{"text": s["text"], "since": labels[s["v"]]} for s in traced["segments"]],
            "struck": [{"text": s["text"], "since": labels[s["v"]], "struck_in": labels[s["struck_in"]]}
                       for s in traced["struck"]]}


def lineage_text(found: dict) -> str:
    """The lineage for a reader: the versions, then what each later one put in and took out."""
    versions = found["versions"]
    out = [f"{found['instrument']}#{found['eid']} across {len(versions)} version{'s' if len(versions) != 1 else ''}: "
           + " → ".join(v["label"] + ("" if v["eid"] else " (not yet there)") for v in versions)]
    first = next(v["label"] for v in versions if v["eid"])
    kept = sum(len(s["text"].split()) for s in found["segments"] if s["since"] == first)
    out.append(f"since {first}: {kept} words")
    for s in found["segments"]:
        if s["since"] != first and s["text"].strip():
            out.append(f"since {s['since']}: “{s['text'].strip()}”")
    for s in found["struck"]:
        out.append(f"struck in {s['struck_in']}: “{s['text']}” (since {s['since']})")
    return "\n".join(out) + "\n"
