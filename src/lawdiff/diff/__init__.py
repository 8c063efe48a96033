"""Align + diff stage: two ``Document``s -> the change model (a dict every redline renderer reads).

``align`` pairs provisions (by eid, by content, moves), ``tokens`` diffs the words of
a pair, ``citations`` puts each word on its printed line, and ``changes.compare``
assembles the change model.
"""
