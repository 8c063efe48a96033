"""Load stage: the corpus on disk and on the web -> bytes and ``Document``s.

``manifest`` reads ``corpus/instruments.toml`` and ``manifest_edit`` changes it in
place; ``documents`` turns an id or a path into a ``Document`` (read + parse; the
document keeps the words of each line, so no later stage reads the file again);
``fetch``, ``api``, ``net`` download official texts (``chain`` fetches
every text of a bill's version graph, ``history`` reads its official actions); ``sources``
answers a General Court's records from the API or a saved folder.
"""
