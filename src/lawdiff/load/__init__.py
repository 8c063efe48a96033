"""Load stage: the corpus on disk and on the web -> bytes and ``Document``s.

``manifest`` reads ``corpus/instruments.toml`` and ``manifest_edit`` changes it in
place; ``documents`` turns an id or a path into a ``Document`` (read + parse; the
document keeps the words of each line, so no later stage reads the file again);
``fetch``, ``api``, ``net`` download official texts (``chain`` and ``versions``
follow a bill through its versions, ``history`` reads its official actions).
"""
