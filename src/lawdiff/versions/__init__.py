"""Versions stage: the legislature's records in, a measure's version graph out.

Reads what ``lawdiff.load`` found: a document's API record (``Pinslip``, ``Title``,
``LegislationTypeName``, ``DocumentText``), its history actions (``DocumentHistoryActions``)
and the session laws' ``OriginBill``.  Writes nothing: ``sentences`` turns each sentence into
``Evidence`` (earlier -> later, relation, date, the words that say so); ``graph`` gathers
evidence into a ``Graph`` of documents and enacted chapters, finds cycles in it (kept and
reported, never a reason to stop), cuts out the graph that holds one document, and walks a
``source`` (anything answering ``record(name)`` and ``history(name)``) from one document
through every text the evidence names.  Pure functions, iterative and linear in the evidence.

Names are the API's (``H4241``, ``S2710``) and ``acts-<year>-<chapter>`` for a session law;
``graph.entry_id`` gives the manifest id (``193-h4241``, ``acts-2024-118``).
"""
