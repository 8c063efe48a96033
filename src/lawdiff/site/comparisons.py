"""Which redlines the site publishes: pairs the manifest relates, plus pairs users list.

A related pair (``refiled_from``, ``version_of``, ``companion``) is published
when both instruments have text.  Users add comparisons of their own with
``[[comparison]]`` tables in ``corpus/instruments.toml``::

    [[comparison]]
    old = "eo-650#sec_5"                      # corpus id, optionally #eid
    new = "193-h2288#sec_3__qstr_1__sec_40"
    label = "287(g) agreements: EO 650 Section 5 against H.2288 SECTION 3"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawdiff.errors import LawdiffError
from lawdiff.load.manifest import Corpus
from lawdiff.parse.provisions import instrument_name

# An eid as lawdiff writes them (sec_3__qstr_1__sec_40, defn_term-name): with the id rule
# (no "~", no "--"), a redline's page name "<id>~<eid>--<id>~<eid>" reads back one way only.
EID = re.compile(r"^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$")


@dataclass(frozen=True)
class Side:
    id: str
    eid: str | None = None

    @property
    def slug(self) -> str:
        """The side's part of a redline file name: ``eo-650~sec_5``."""
        return f"{self.id}~{self.eid}" if self.eid else self.id

    @property
    def ref(self) -> str:
        return f"{self.id}#{self.eid}" if self.eid else self.id


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    label: str
    relation: str
    """``refiled_from``, ``version_of``, ``companion`` or ``listed`` (a [[comparison]] table)."""

    @property
    def slug(self) -> str:
        return f"{self.old.slug}--{self.new.slug}"


def _side(ref: object, corpus: Corpus, where: str) -> Side:
    if not isinstance(ref, str) or not ref:
        raise LawdiffError(where, f"expected a corpus id like \"eo-650#sec_5\", got {ref!r}")
    id_, _, eid = ref.partition("#")
    if eid and not EID.match(eid):
        raise LawdiffError(where, f"{ref}: {eid!r} is not an eid (letters, digits, '_' and single '-')")
    entry = corpus.entries.get(id_)
    if entry is None:
        raise LawdiffError(where, f"{ref}: no instrument {id_} in the manifest")
    if not entry.get("path"):
        raise LawdiffError(where, f"{ref}: instrument {id_} has no text in the corpus yet")
    return Side(id_, eid or None)


def _short(corpus: Corpus, side: Side) -> str:
    return instrument_name(corpus.entries[side.id])


def comparisons(corpus: Corpus) -> list[Comparison]:
    """Every redline to publish, in manifest order, each unordered pair once."""
    found: list[Comparison] = []
    seen: set[frozenset] = set()

    def add(c: Comparison) -> None:
        key = frozenset((c.old, c.new))
        if key not in seen:
            seen.add(key)
            found.append(c)

    with_text = {e["id"] for e in corpus.with_text()}
    for entry in corpus.entries.values():
        if entry["id"] not in with_text:
            continue
        new = Side(entry["id"])
        for relation in ("version_of", "refiled_from", "companion"):
            for other in entry.get(relation, []):
                if other not in with_text:
                    continue
                old = Side(other)
                if relation == "companion" and list(corpus.entries).index(other) > list(corpus.entries).index(entry["id"]):
                    continue  # a companion pair once, the earlier-listed instrument as "old"
                verb = {"version_of": "version of", "refiled_from": "refiled from", "companion": "companion of"}[relation]
                add(Comparison(old, new, f"{_short(corpus, new)} ({verb} {_short(corpus, old)})", relation))

    path = corpus.root / "instruments.toml"
    for i, table in enumerate(corpus.comparisons, 1):
        where = f"{path} [[comparison]] #{i}"
        old = _side(table.get("old"), corpus, where)
        new = _side(table.get("new"), corpus, where)
        label = table.get("label") or f"{_short(corpus, old)} against {_short(corpus, new)}"
        if not isinstance(label, str) or not label.strip():
            raise LawdiffError(where, "label must be a string")
        add(Comparison(old, new, label, "listed"))
    return found
