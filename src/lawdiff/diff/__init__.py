"""Align + diff stage: two ``Document``s -> the change model every redline renderer reads.

``align`` pairs provisions (by content first, numbers only confirm; moves), ``splits``
finds among the pairs a provision split into adjacent ones or several joined, ``tokens``
diffs the words of a pair, ``citations`` puts each word on its printed line (from the
``Document``'s own ``line_text``: nothing is read again), and ``changes.compare``
assembles the model, whose types and labels are in ``model`` and whose JSON Schema is
``change-model.schema.json``.
"""
