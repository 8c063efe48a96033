"""Parse stage: ``Reading`` (lines with printed numbers) -> ``Document`` (provision tree with eids).

``structure`` finds the provisions (SECTION, subsection, clause, quoted text) in the
lines; ``eids`` names them the Akoma Ntoso way; ``tree`` holds the ``Node`` and
``Document`` classes every later stage reads.  Nothing here touches the disk.
"""
