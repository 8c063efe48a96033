"""Load stage: the corpus on disk and on the web -> bytes and ``Document``s.

``manifest`` reads ``corpus/instruments.toml`` and ``manifest_edit`` changes it in
place; ``documents`` turns an id or a path into a ``Document`` (read + parse);
``fetch``, ``api``, ``net`` download official texts (``chain`` and ``versions``
follow a bill through its versions, ``history`` reads its official actions).
"""
