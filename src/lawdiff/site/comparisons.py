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
    words: str = ""
    """What the new text is to the old, as a reader says it: "Senate companion", "new draft",
    "conference report", "refiled as" (``relation_words``); "" for a listed comparison."""

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


def chamber(entry: dict) -> str | None:
    """"House" or "Senate" for a bill numbered H. or S. (its docket HD./SD. too), else None."""
    number = str(entry.get("number") or "")
    if entry.get("kind") != "bill":
        return None
    return {"H": "House", "S": "Senate"}.get(number[:1]) if number[1:2] == "." else None


def relation_words(relation: str, old: dict, new: dict) -> str:
    """What ``new`` is to ``old`` (manifest entries) under ``relation``: a companion is filed in
    the other chamber beside it, not an amendment of it ("Senate companion"); a version is the
    "conference report", the act "enacted as", the other chamber's "Senate version", else a
    "new draft"; a refile is "refiled as"."""
    if relation == "companion":
        return f"{chamber(new)} companion" if chamber(new) else "companion"
    if relation == "refiled_from":
        return "refiled as"
    if relation == "version_of":
        if new.get("kind") == "act":
            return "enacted as"
        if "conference" in str(new.get("title", "")).lower():
            return "conference report"
        if chamber(new) and chamber(old) and chamber(new) != chamber(old):
            return f"{chamber(new)} version"
        return "new draft"
    return ""


def relation_label(words: str, old: str, new: str) -> str:
    """A related pair's name as the index and the page title give it: "S.1510, Senate companion
    of H.2288"; "S.997 refiled as S.1122"; "H.5620, conference report on H.5316"."""
    if words == "refiled as":
        return f"{old} refiled as {new}"
    if words == "enacted as":
        return f"{old} enacted as {new}"
    if words == "conference report":
        return f"{new}, conference report on {old}"
    return f"{new}, {words} of {old}"


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
                words = relation_words(relation, corpus.entries[other], entry)
                add(Comparison(old, new, relation_label(words, _short(corpus, old), _short(corpus, new)), relation, words))

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
