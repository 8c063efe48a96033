"""Akoma Ntoso eIds for a provision tree.

The AKN naming convention: a node's eId is its parent's eId, ``__``, the
element's alias, ``_`` and its cleaned number: ``sec_2__qstr_1__sec_63__subsec_a``
(a budget's line item keeps its account number whole: ``sec_2__item_7004-0070``).
Elements that should be numbered but are not get ``nn`` and a counter
(``sec_nn_1``); others are counted (``rec_1``), except a list's closing words, one per parent
(``subsec_a__wrapup``); a repeated eId gets ``_2``, ``_3``.
The document and its body carry no eId of their own, as in AKN.
"""

import re
from functools import lru_cache

from lawdiff.parse.tree import Node

ALIASES = {
    "section": "sec",
    "lineItem": "item",
    "subsection": "subsec",
    "paragraph": "para",
    "clause": "cl",
    "subclause": "subcl",
    "quotedStructure": "qstr",
    "recitals": "recs",
    "recital": "rec",
    "definition": "defn",
    "longTitle": "longtitle",
    "wrapUp": "wrapup",
}
# At most one in its parent, so never numbered: a list's closing words are ``sec_1__subsec_a__wrapup``.
UNNUMBERED = {"wrapUp"}
NO_EID = {"bill", "act", "doc", "body"}
TOP_LEVEL = {"preface", "preamble"}
NUM_EXPECTED = {"section", "lineItem", "subsection", "paragraph", "clause", "subclause"}


# Compiled once: clean_num is asked for every provision's number several times over.
_OPENING_WORD = re.compile(r"^\W*(?:SECTION|SECITON|SECTON|SECION|Section|Sec|CHAPTER|Chapter)(?:\b|(?=\d))\W*")
_FRACTION = re.compile(r"(\d+[A-Za-z]*) ?(?:½|(\d)/(\d))\W*")
_DECIMAL = re.compile(r"(\d+)\.(\d+)[.:]?")
_HYPHENATED = re.compile(r"(\d+)-(\d+[A-Za-z]*)[.:]?")
_SPLIT_DIGIT = re.compile(r"\d+ \d[A-Z]*\W*")
_LETTER_L = re.compile(r"l\W*")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]")


# A pure function of one string, asked again and again for the same ones ("(a)", "(1)",
# "SECTION 2."): remembered (parsing asks up to 9 times for each provision's number).  The
# bound holds the numbers of a 30,000-section pair (30,142 of them; a smaller bound let the
# second pass over its tree miss every one, 6 % of its reading), about 6 MB at most.
@lru_cache(maxsize=1 << 15)
def clean_num(num: str) -> str:
    """"SECTION 2." -> "2", "(a)" -> "a", "Section 63A." -> "63a"; as people type them too:
    "SECTION 1 3." -> "13", "SECTION 3 ." -> "3", "“CHAPTER 93M." -> "93m"; fractions and decimal
    numbers below."""
    number = _OPENING_WORD.sub("", num.strip())
    # A fraction or a decimal point keeps the number apart from its neighbours' (10A is not 10A½,
    # 501 is not 5.01): "Section 10A ½." -> "10a-1-2", "Section 11F 2/3." -> "11f-2-3",
    # "Section 5.01." -> "5-01"; an article's section, "Section 1-101." -> "1-101" (a line item's
    # "7004-0070" keeps its digits only, as before).
    if m := _FRACTION.fullmatch(number):
        return f"{m.group(1).lower()}-{m.group(2) or 1}-{m.group(3) or 2}"
    if m := _DECIMAL.fullmatch(number):
        return f"{m.group(1)}-{m.group(2)}"
    if "-" in number and (m := _HYPHENATED.fullmatch(number)) and num.lstrip("“\" ").upper().startswith("SECTION"):
        return f"{m.group(1)}-{m.group(2).lower()}"  # "Section 1-101." -> "1-101", never section 1101
    if not number or " " in number.strip(" .:-–—,") and not _SPLIT_DIGIT.fullmatch(number):
        number = num.split()[-1] if num.split() else ""  # whatever else: its last word, as before
    if _LETTER_L.fullmatch(number) and num.lstrip("”\" ").upper().startswith("SECTION"):
        number = "1"  # "SECTION l.": a letter l typed for the digit 1 (H.2801)
    return _NOT_ALNUM.sub("", number).lower()


def slug(term: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", term.lower()).strip("-")


def assign_eids(root: Node) -> None:
    seen: dict[str, int] = {}
    counters: dict[tuple[str, str], int] = {}

    def unique(eid: str, numbered: bool) -> str:
        count = seen[eid] = seen.get(eid, 0) + 1
        if count == 1 and numbered:
            return eid
        return unique(f"{eid}_{count}", True)

    def visit(node: Node, prefix: str) -> None:
        if node.type in NO_EID:
            node.eid = None
            child_prefix = prefix
        elif node.type in TOP_LEVEL and not prefix:
            node.eid = node.type
            child_prefix = node.eid
        else:
            base = (prefix + "__" if prefix else "") + ALIASES.get(node.type, node.type)
            num = clean_num(node.num) if node.num else (slug(node.term) if node.term else "")
            if node.type == "lineItem" and node.num:
                num = node.num  # the account number as printed: ``sec_2__item_7004-0070``
            if node.type in UNNUMBERED:
                node.eid = unique(base, True)
            elif num:
                node.eid = unique(f"{base}_{num}", True)
            elif node.type in NUM_EXPECTED:
                node.eid = unique(f"{base}_nn", False)
            else:
                key = (prefix, node.type)
                counters[key] = counters.get(key, 0) + 1
                node.eid = unique(f"{base}_{counters[key]}", True)
            child_prefix = node.eid
        for child in node.children:
            visit(child, child_prefix)

    visit(root, "")
