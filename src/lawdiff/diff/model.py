"""The change model as types: what ``compare`` produces and every redline renderer reads.

A ``ChangeModel`` holds the two compared sides (``Side``), what was left out
(``not_compared``), counts (``Stats``) and one ``Change`` per provision with
words of its own, in the new document's order (a deleted provision where it
stood in the old one).  A ``Change`` pairs an old and a new ``Ref`` (either may
be absent) with the word diff of their content (``tokens``).  A split or a join
is one change: its further provisions on the parted side are in ``parts``.

``to_dict()`` gives the JSON that ``lawdiff diff --format json`` prints (the
keys in the order written here); ``from_dict()`` reads it back.  The JSON
Schema of that output is ``change-model.schema.json`` beside this module;
``SCHEMA`` names its version and every model carries it.

``KIND_WORDS`` is the one table of what a person reads for each kind of change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from importlib.resources import files

SCHEMA = "urn:lawdiff:change-model:2"
"""The model's version: the schema file's ``$id`` and every model's ``"schema"``."""

SCHEMA_FILE = "change-model.schema.json"


def schema_text() -> str:
    """The JSON Schema of ``ChangeModel.to_dict()``, shipped with the package."""
    return (files("lawdiff.diff") / SCHEMA_FILE).read_text(encoding="utf-8")


class ChangeKind(StrEnum):
    """What happened to one provision between the old and the new document."""

    EQUAL = "equal"  # the same number and words
    MODIFY = "modify"  # words changed (the number may have too: see Change.renumbered)
    INSERT = "insert"  # only in the new document
    DELETE = "delete"  # only in the old document
    MOVE = "move"  # its place changed (other parent, or out of order among its siblings); may carry edits
    RENUMBER = "renumber"  # words unchanged, number changed
    SPLIT = "split"  # one old provision became two or more adjacent new ones (diff/splits.py)
    JOIN = "join"  # two or more adjacent old provisions became one new one


@dataclass(frozen=True)
class KindWords:
    """The words a person reads for one kind of change, by output."""

    title: str
    """The badge on the site's redline and the printed redline ("Amended", "Struck");
    lower-cased in the site's counts ("2 amended")."""
    plain: str
    """Markdown's heading word and counts ("modified", "deleted")."""
    note: str | None
    """The opening word of a Word comment ("Changed: Section 40 ..."); None where Word
    writes none of this kind (``equal`` has no comment, a move names both its ends)."""


KIND_WORDS: dict[ChangeKind, KindWords] = {
    ChangeKind.EQUAL: KindWords("Unchanged", "unchanged", None),
    ChangeKind.MODIFY: KindWords("Amended", "modified", "Changed"),
    ChangeKind.INSERT: KindWords("Inserted", "inserted", "Inserted"),
    ChangeKind.DELETE: KindWords("Struck", "deleted", "Deleted"),
    ChangeKind.MOVE: KindWords("Moved", "moved", None),
    ChangeKind.RENUMBER: KindWords("Renumbered", "renumbered", "Renumbered"),
    ChangeKind.SPLIT: KindWords("Split", "split", "Split"),
    ChangeKind.JOIN: KindWords("Joined", "joined", "Joined"),
}
"""Kind -> its words: one table for the site, print, Markdown and Word (keyed by the enum,
which also finds the plain string: ``KIND_WORDS["modify"]``)."""

# What a side of the model keeps of the document's meta, in this order.
META_KEYS = ("id", "title", "number", "kind", "session", "date", "source", "sha256", "line_numbers")


@dataclass(frozen=True)
class Side:
    """One compared document (or one provision of it), from the parsed document's meta.

    Every field but ``eid`` is None where the document's meta does not have it,
    and then left out of the JSON."""

    id: str | None = None
    """The corpus id ("193-h2288") or the file's stem."""
    title: str | None = None
    """The instrument's title, as printed."""
    number: str | None = None
    """Its number as a reader writes it ("H.2288")."""
    kind: str | None = None
    """The document type: "bill", "act", "executive-order", "document"."""
    session: object = None
    """The legislative session (the General Court's number), where known."""
    date: object = None
    """Its date (ISO), where known; Word's revision dates come from it."""
    source: str | None = None
    """The file it was read from."""
    sha256: str | None = None
    """The sha256 of that file's bytes."""
    line_numbers: str | None = None
    """"printed" (lines cite the numbers the text prints) or "source" (lines of the file)."""
    eid: str | None = None
    """The compared provision, or None for the whole document (always in the JSON)."""

    @classmethod
    def from_meta(cls, meta: dict, eid: str | None) -> Side:
        return cls(**{k: meta.get(k) for k in META_KEYS}, eid=eid)

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in META_KEYS if getattr(self, k) is not None}
        out["eid"] = self.eid
        return out

    @classmethod
    def from_dict(cls, d: dict) -> Side:
        return cls.from_meta(d, d.get("eid"))


@dataclass(frozen=True, slots=True)
class Ref:
    """One provision on one side of a change."""

    eid: str | None
    """Its Akoma Ntoso eId in that document ("sec_3__qstr_1__sec_40"); None for a whole
    document's root (compared against one provision of the other side)."""
    num: str | None
    """Its number as printed ("Section 40."), or None."""
    term: str | None
    """A definition's defined term as printed, else None."""
    lines: tuple[int, int] | None
    """[first, last] line of its own words, children excluded (printed lines, or source
    lines when the side's ``line_numbers`` is "source"); None where none is known."""
    type: str
    """Its Akoma Ntoso element: "section", "subsection", "definition", "paragraph", ..."""
    order: int | None
    """Its place among the side's provisions with words (0, 1, 2, ... in document order,
    every one of them in the model): the old order of a model read in the new order.
    None for a node without words (a whole document's root, as for ``eid``)."""
    depth: int
    """How many provisions with words of their own enclose it below the compared root
    (containers such as a quoted structure do not count): a section 0, its subsection 1."""

    def to_dict(self) -> dict:
        return {"eid": self.eid, "num": self.num, "term": self.term,
                "lines": list(self.lines) if self.lines is not None else None,
                "type": self.type, "order": self.order, "depth": self.depth}

    @classmethod
    def from_dict(cls, d: dict | None) -> Ref | None:
        if d is None:
            return None
        lines = d.get("lines")
        return cls(d["eid"], d.get("num"), d.get("term"), tuple(lines) if lines else None,
                   d["type"], d["order"], d["depth"])


Token = tuple[str, str]
"""(op, text): op "=" (in both), "-" (old only), "+" (new only)."""
TokenLines = tuple[int | None, int | None]
"""(old line, new line) of one token; None where that side is not located."""


@dataclass(frozen=True, slots=True)
class Change:
    """One provision's change: its old and new place and the word diff of its content."""

    kind: ChangeKind
    """What happened (see ``ChangeKind``)."""
    old: Ref | None
    """The provision in the old document; None for an insertion."""
    new: Ref | None
    """The provision in the new document; None for a deletion."""
    tokens: tuple[Token, ...]
    """The word diff of the content (heading and own text joined by one space; the number
    is in ``num``): the "=" and "-" texts give the old content exactly, "=" and "+" the new.
    For a split the new content is that of ``new`` and each of ``parts``, in order, joined
    by one space; for a join the old content likewise."""
    heading: tuple[str | None, str | None]
    """(old heading, new heading): where the heading ends inside the content."""
    degraded: bool
    """The word diff ran out of time: edits are shown coarser than they are."""
    renumbered: bool
    """Both sides exist and their numbers differ (whatever else changed)."""
    matched_by: str | None
    """The alignment pass that paired old and new ("text", "number", "similar", "heading",
    "position", "root"); None for an insertion or deletion."""
    token_lines: tuple[TokenLines, ...] | None
    """Per token, the line its first word stands on in each version (for a token a side
    lacks, the line of the word it follows there); None if neither side is located."""
    token_last_lines: tuple[TokenLines, ...] | None
    """The same for each token's last word."""
    displaced: bool
    """A pair whose old place does not follow the new order although it is no move of its
    own (it came along inside a moved provision, or was paired by number out of order): a
    renderer that shows one text, as Word does, shows it moved from its old place."""
    parts: tuple[Ref, ...] = ()
    """A split's further new provisions (a join's further old ones), in document order after
    ``new`` (``old``); they have no change of their own.  Empty for every other kind."""
    breaks: tuple[int, ...] = ()
    """Parallel to ``parts``: the index in ``tokens`` of the one-space token ("=" or "+" for a
    split, "=" or "-" for a join) that joins that part to the one before it on the parted
    side, where one paragraph ends and the next begins."""

    def content(self, side: str) -> str:
        """The provision's content on ``side`` ("old" or "new"), rebuilt from the tokens."""
        ops = "=-" if side == "old" else "=+"
        return "".join(text for op, text in self.tokens if op in ops)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind.value,
            "old": self.old.to_dict() if self.old is not None else None,
            "new": self.new.to_dict() if self.new is not None else None,
            "tokens": [[op, text] for op, text in self.tokens],
            "heading": list(self.heading),
            "degraded": self.degraded,
            "renumbered": self.renumbered,
            "matched_by": self.matched_by,
            "token_lines": _lines_list(self.token_lines),
            "token_last_lines": _lines_list(self.token_last_lines),
            "displaced": self.displaced,
            # Only a split or join has parts: every other change's JSON stays as it was.
            **({"parts": [p.to_dict() for p in self.parts], "breaks": list(self.breaks)} if self.parts else {}),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Change:
        return cls(ChangeKind(d["kind"]), Ref.from_dict(d["old"]), Ref.from_dict(d["new"]),
                   tuple((op, text) for op, text in d["tokens"]), tuple(d["heading"]), d["degraded"],
                   d["renumbered"], d["matched_by"], _lines_tuple(d.get("token_lines")),
                   _lines_tuple(d.get("token_last_lines")), d["displaced"],
                   tuple(Ref.from_dict(p) for p in d.get("parts", ())), tuple(d.get("breaks", ())))


def _lines_list(lines):
    return [list(pair) for pair in lines] if lines is not None else None


def _lines_tuple(lines):
    return tuple(tuple(pair) for pair in lines) if lines is not None else None


STAT_KEYS = ("equal", "modify", "insert", "delete", "move", "renumber", "split", "join", "renumbered",
             "degraded", "words_deleted", "words_inserted")


@dataclass(frozen=True)
class Stats:
    """Counts over the changes."""

    equal: int
    """Changes of each kind: ``equal`` to ``join`` (these eight add up to the changes)."""
    modify: int
    insert: int
    delete: int
    move: int
    renumber: int
    """Changes whose only difference is the number (kind ``renumber``)."""
    split: int
    """Provisions split into two or more (kind ``split``: one change each, however many parts)."""
    join: int
    """Runs of provisions joined into one (kind ``join``)."""
    renumbered: int
    """Changes whose number changed, whatever else did (``renumber``, and a ``modify`` or
    ``move`` with a new number): not a twin of ``renumber``, a superset of it."""
    degraded: int
    """Changes whose word diff ran out of time."""
    words_deleted: int
    """Words in "-" tokens."""
    words_inserted: int
    """Words in "+" tokens."""

    @classmethod
    def of(cls, changes: list[Change]) -> Stats:
        kinds = {k: 0 for k in ChangeKind}
        for c in changes:
            kinds[c.kind] += 1
        return cls(*(kinds[k] for k in ChangeKind),
                   renumbered=sum(1 for c in changes if c.renumbered),
                   degraded=sum(1 for c in changes if c.degraded),
                   words_deleted=sum(_words(c, "-") for c in changes),
                   words_inserted=sum(_words(c, "+") for c in changes))

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in STAT_KEYS}

    @classmethod
    def from_dict(cls, d: dict) -> Stats:
        return cls(**{k: d[k] for k in STAT_KEYS})


def _words(change: Change, op: str) -> int:
    return sum(len(t.split()) for o, t in change.tokens if o == op)


@dataclass(frozen=True)
class ChangeModel:
    """Everything a redline shows: the two sides and every provision's change."""

    old: Side
    """The old document (or provision)."""
    new: Side
    """The new document (or provision)."""
    not_compared: tuple[str, ...]
    """Top-level zones left out ("preface", "preamble") because only one side's source
    carries them (the legislature's API record holds a bill's body alone)."""
    changes: tuple[Change, ...]
    """One per provision with words of its own, in the new order; a deleted one where it
    stood in the old order (after the change of the old provision before it)."""
    stats: Stats
    """Counts over ``changes``."""

    @property
    def degraded(self) -> bool:
        """Some change's word diff ran out of time."""
        return self.stats.degraded > 0

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "degraded": self.degraded,
            "not_compared": list(self.not_compared),
            "stats": self.stats.to_dict(),
            "changes": [c.to_dict() for c in self.changes],
        }

    @classmethod
    def from_dict(cls, d: dict) -> ChangeModel:
        return cls(Side.from_dict(d["old"]), Side.from_dict(d["new"]), tuple(d.get("not_compared", ())),
                   tuple(Change.from_dict(c) for c in d["changes"]), Stats.from_dict(d["stats"]))
