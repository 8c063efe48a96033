"""Cite stage: which law each SECTION of a bill amends.

Reads a parsed ``Document`` (the words of each top-level SECTION up to the text it
inserts, and the eid of that quoted text) and writes a list of instructions, one per
amending instruction, in order (``read.instructions``; the patterns it reads with are in
``grammar.py``):

    {"section": "2", "eid": "sec_2",      # the bill's SECTION as printed, and its provision
     "target": {"code": "G.L." | "Acts" | "Special Acts" | "Constitution" | None, "year": "2023" | None,
                "chapter": "147", "section": "63" | None, "subsection": "(b)" | None,
                "paragraph": ..., "clause": ...},   # None when the words do not say
     "action": "insert" | "strike" | "replace" | "add" | "repeal" | "amend",
     "where": {"after": "section 62", "lines": [27, 28], "words": "…"},  # every line named: [5, 120] is two lines
     "as_appearing": "2022 Official Edition", "inserts": "63", "text": "sec_2__qstr_1",
     "new_text": None,                    # inserted words set off by ":-" on the instruction's line
     "evidence": "<the words read>"}

plus ``warning`` on an instruction it could not read (``target`` None: never a guess), or whose
words it read past a slip it names ("'section 164' of the General Laws read as chapter 164: the words
put a new section into it"; the target given), and ``resolved_from`` (the SECTION that named what
"said chapter ..." refers to).
``labels.py`` says what an instruction does in a few words ("inserts G.L. c. 126 § 40"),
``motions.py`` reads a floor amendment's motion (what it does to the bill, and the laws its
inserted SECTIONs amend), ``index.py`` gathers many documents' instructions into a session citator (one entry per
chapter and section reached) with JSON and CSV writers, and ``apply.py`` applies one
SECTION's instructions to the text of the law they amend, where they apply exactly.
Nothing here touches the disk.
"""

from lawdiff.cite.read import instructions

__all__ = ["instructions"]
