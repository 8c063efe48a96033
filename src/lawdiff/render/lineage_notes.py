"""What an instrument's page says under each provision about its history across the versions.

Reads the chain's texts compared once (``diff.lineage.Versions``) and, for each step, the
redline the site publishes for it; writes, per provision of the last text whose words changed
across the versions (or that a later version put in), a small dict the instrument template
shows as "History of this provision".  A provision the models cannot trace shows nothing.
"""

from __future__ import annotations

from lawdiff.errors import LawdiffError

PHRASE_MAX = 200  # characters of a put-in or struck phrase shown; the step's redline has the rest


def _phrase(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PHRASE_MAX else text[:PHRASE_MAX].rsplit(" ", 1)[0] + " …"


def notes(versions, ids: list[str], redlines: list[str | None]) -> dict[str, dict]:
    """eid -> ``{"path": [{"id", "label", "there"}], "first": label, "kept": words, "words": words,
    "steps": [{"id", "label", "redline", "new", "put_in": [phrase], "struck": [{"text", "since"}]}]}``
    for each provision of the last text with a history; ``redlines[k]``: the slug of the redline
    of ``ids[k]`` against ``ids[k + 1]``, or None when the site publishes none."""
    labels = versions.labels
    out: dict[str, dict] = {}
    for eid in versions.nodes[-1]:
        try:
            traced = versions.trace(eid)
        except LawdiffError:
            continue  # not rebuilt from the models: say nothing rather than something wrong
        if not traced["segments"] and not traced["struck"]:
            continue  # no words of its own (a container): its provisions carry theirs
        first = next(k for k, e in enumerate(traced["eids"]) if e is not None)
        steps = []
        for k in range(max(first, 1), len(ids)):
            put_in = [_phrase(s["text"]) for s in traced["segments"] if s["v"] == k and s["text"].strip()]
            put_in += [_phrase(s["text"]) for s in traced["struck"] if s["v"] == k and k > first]  # put in, struck later
            struck = [{"text": _phrase(s["text"]), "since": labels[s["v"]]} for s in traced["struck"]
                      if s["struck_in"] == k]
            if k == first or put_in or struck:
                steps.append({"id": ids[k], "label": labels[k], "redline": redlines[k - 1], "new": k == first,
                              "put_in": [] if k == first else put_in, "struck": struck})
        if not steps:
            continue  # the same words in every version
        out[eid] = {"path": [{"id": i, "label": lab, "there": e is not None}
                             for i, lab, e in zip(ids, labels, traced["eids"])],
                    "first": labels[first],
                    "kept": sum(len(s["text"].split()) for s in traced["segments"] if s["v"] == first),
                    "words": sum(len(s["text"].split()) for s in traced["segments"]),
                    "steps": steps}
    return out
