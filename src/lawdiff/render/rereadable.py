"""A change model's changes as the renderers that read them more than once, or by index, need them.

Reads the ``"changes"`` of a change model: a list of dicts (``diff.changes.compare``), or the
``ChangeDicts`` of ``diff.changes.compare_streamed``; gives a sequence of the changes' dicts.  The
page reads its changes some six times (its rows' places, the summary on screen and on paper, two
views, the printed text), and a moved provision's stub by index: over the typed changes, a dict made
each time one is read and let go once read costs 0.16 s a reading at 30,000 sections, where the
whole list of dicts held through the page was 72 MB, the page's peak (issue 26: memory).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lawdiff.diff.changes import ChangeDicts, Changes
from lawdiff.diff.model import ChangeKind


def rereadable(changes) -> Sequence:
    """``changes`` as a sequence of dicts that can be read again and by index: a list or tuple as
    it is, ``ChangeDicts`` as ``ChangeList`` (made as read), any other iterable as a list."""
    if isinstance(changes, (list, tuple, ChangeList)):
        return changes
    if isinstance(changes, ChangeDicts):
        return ChangeList(changes.changes)
    return list(changes)


class ChangeList(Sequence):
    """The dicts (``Change.to_dict()``) of typed changes, each made when it is read: a reader that
    keeps one holds it, nothing else does."""

    __slots__ = ("typed",)

    def __init__(self, typed):
        self.typed = typed

    def __len__(self) -> int:
        return len(self.typed)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [c.to_dict() for c in self.typed[k]]
        return self.typed[k].to_dict()

    def __iter__(self):
        for c in self.typed:
            yield c.to_dict()


# What a reading that wants a field or two of every change, or some of the changes, asks: over a
# ``ChangeList`` the typed changes answer it, without a dict each (0.16 s a reading at 30,000 sections).

def places(changes: Sequence) -> Iterator[tuple[str, int | None]]:
    """(kind, old order) of each change, in order: the old order None where it has no old side,
    -1 where its old side has none (a whole document's root, which comes first)."""
    if isinstance(changes, ChangeList):
        typed = changes.typed
        if isinstance(typed, Changes):  # answered without making the changes held as integers
            return ((typed.kind(k).value, typed.old_order(k)) for k in range(len(typed)))
        return ((c.kind.value, None if c.old is None else -1 if c.old.order is None else c.old.order)
                for c in typed)
    return ((c["kind"], old_order(c.get("old"))) for c in changes)


def old_order(ref: dict | None) -> int | None:
    """A change's old ``ref``'s order as ``places`` gives it: None for no old side, -1 for one
    without an order (a whole document's root, which comes first)."""
    if not ref:
        return None
    order = ref.get("order")
    return -1 if order is None else order


def changed(changes: Sequence) -> Iterator[dict]:
    """The changes whose kind is not "equal", in order."""
    if isinstance(changes, ChangeList):
        typed = changes.typed
        if isinstance(typed, Changes):
            return (typed[k].to_dict() for k in range(len(typed)) if typed.kind(k) is not ChangeKind.EQUAL)
        return (c.to_dict() for c in typed if c.kind.value != "equal")
    return (c for c in changes if c["kind"] != "equal")
