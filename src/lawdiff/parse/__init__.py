"""Parse stage: ``Reading`` (lines with printed numbers) -> ``Document`` (provision tree with eids).

``structure.parse`` is the entry (``structure.parse_units`` where the caller cut the units
and let the reading go): ``units`` cuts the lines into units (a printed line,
or a paragraph), ``zones`` takes the preface and preamble, ``body`` places each
marker that ``markers`` recognises ("SECTION 2.", "(a)", a defined term) by rank;
``eids`` names the provisions the Akoma Ntoso way; ``tree`` holds the ``Node`` and
``Document`` classes every later stage reads, and ``provisions`` the lookups and
labels they share (parents, a provision by eid, definition scope, line citations).
Nothing here touches the disk.
"""
