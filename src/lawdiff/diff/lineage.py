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


def lineage(corpus, iid: str, eid: str, load=None) -> dict:
    """{"instrument", "eid", "versions": [{"id", "label", "eid"}], "segments": [{"text", "since"}],
    "struck": [{"text", "since", "struck_in"}]}: ``since`` and ``struck_in`` name versions by label."""
    from lawdiff.diff.align import content
    from lawdiff.diff.changes import compare
    from lawdiff.load.documents import load_document

    load = load or (lambda i: load_document(i, corpus))
    if iid not in corpus.entries or not corpus.entries[iid].get("path"):
        raise LawdiffError(iid, "no instrument with text by that id in the corpus")
    versions = chain(corpus, iid)
    docs = [load(v) for v in versions]
    if docs[-1].tree.find(eid) is None:
        raise LawdiffError(f"{iid}#{eid}", f"no provision {eid} in {iid}")
    labels = [instrument_name(corpus.entries[v]) for v in versions]
    models = [compare(docs[k], docs[k + 1]) for k in range(len(docs) - 1)]
    # back from the asked provision: the eid it had in each version (None: not yet there)
    eids: list[str | None] = [None] * len(versions)
    eids[-1] = eid
    steps: list[dict | None] = [None] * len(versions)
    for k in range(len(versions) - 1, 0, -1):
        if eids[k] is None:
            break
        change = next((c for c in models[k - 1]["changes"] if (c.get("new") or {}).get("eid") == eids[k]), None)
        steps[k] = change
        eids[k - 1] = (change.get("old") or {}).get("eid") if change else None
    first = next(k for k, e in enumerate(eids) if e is not None)
    text = content(docs[first].tree.find(eids[first]))
    tags = [first] * len(text)
    struck = []
    for k in range(first + 1, len(versions)):
        change = steps[k]
        if change["kind"] == "equal" or not change.get("tokens"):
            continue  # the same words: the same tags
        new_tags, at = [], 0
        for op, piece in change["tokens"]:
            if op == "=":
                new_tags += tags[at:at + len(piece)]
                at += len(piece)
            elif op == "-":
                if piece.strip():
                    struck.append({"text": piece.strip(), "since": labels[tags[at]], "struck_in": labels[k]})
                at += len(piece)
            else:
                new_tags += [k] * len(piece)
        tags = new_tags
    final = content(docs[-1].tree.find(eid))
    if len(tags) != len(final):  # the model did not rebuild the text: say nothing rather than wrong
        raise LawdiffError(f"{iid}#{eid}", "the versions' comparison does not rebuild this provision's text")
    segments: list[dict] = []
    for ch, tag in zip(final, tags):
        if segments and segments[-1]["since"] == labels[tag]:
            segments[-1]["text"] += ch
        else:
            segments.append({"text": ch, "since": labels[tag]})
    return {"instrument": iid, "eid": eid,
            "versions": [{"id": v, "label": lab, "eid": e} for v, lab, e in zip(versions, labels, eids)],
            "segments": segments, "struck": struck}


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
