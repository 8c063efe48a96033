"""The words of an amending instruction, as named regular expressions.

Massachusetts drafting follows a small grammar (see ``../shared/facts/instruments.md``):

    INSTRUCTION := SUBJECT ("is"|"are") "hereby" ["further"] ("amended" PREDICATE | "repealed")
    SUBJECT     := LOCATOR {"of"|"in" LOCATOR} [CODE] {", " QUALIFIER ","}
    LOCATOR     := ["said"] [ORDINAL] UNIT [NUMBERS]      "Section 22A", "said chapter 58", "the fifth paragraph"
    CODE        := "of the General Laws" | "of the acts of" YEAR | "of the Constitution" ...
    QUALIFIER   := "as appearing in the 2022 Official Edition" | "as so appearing" | "as amended by ..." | "inserted by ..."
    PREDICATE   := [LOCATOR-PHRASE] "by" CLAUSE {("," | ";" | "and") CLAUSE}
    CLAUSE      := "striking out" OBJECT ["and inserting in place thereof" ...]   (strike | replace)
                 | "inserting" ["after"|"before" ANCHOR] ...                       (insert)
                 | "adding" ...                                                      (add)

Each pattern below reads one of these pieces; ``read.py`` puts them together.  Every
pattern is case-insensitive (drafts print "Chapter", "chapter" and "CHAPTER") except
``NUM``'s letters, which are the capitals of a section number ("22A", "2DDDDDD").
"""

from __future__ import annotations

import re

I = re.IGNORECASE

# A chapter or section number as printed: "40", "22A", "2DDDDDD", "27½", "87DDD1/2", "11B¾", "1-301"
# (the Uniform Commercial Code's), "3-3-1" and "14.04.030" (a charter's, a code's), or a budget item
# "7004-0070", or Roman figures (articles).
NUM = r"(?:\d{4}-\d{4}|[A-Z]-\d+(?:\.\d+)*|[A-Z]\d{1,3}[A-Z]?\b(?=\s*(?:,|and\b|to\b|through\b|of\b|is\b|are\b|$))|\d+(?:[A-Z]+|\s[A-Z]{1,3}(?=\s+of\b|,\s*section\b|\s?[½¼¾]))?(?:\s?[½¼¾]|\s?[13]/[24]|\s?\([13]/[24]\))?[A-Z]*(?:[-.]\d+[A-Z]*){0,3}|[IVXLC]+\b)"
# A label in brackets: "(b)", "(iii)", "(1)"; several stuck together: "(b)(ii)".
LABEL = r"\(\s*[A-Za-z0-9]{1,6}\s*\)"
# A list of numbers: "30, 36 and 98", "(a) and (b)", "6 to 8, inclusive".
NUMS = rf"(?:{NUM}|{LABEL})(?:(?:\s*,\s*|\s+(?:and|or|to|through)\s+|\s*,\s*and\s+)(?:{NUM}|{LABEL}))*"

ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
           r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
           r"penultimate|last|final|\d+(?:st|nd|rd|th))")

# The units a locator names, singular or plural.  "subsection" before "section": the
# alternation takes the first that matches at a position.
UNITS = ("subsections?|sections?|chapters?|subparagraphs?|paragraphs?|subclauses?|clauses?|items?|"
         "articles?|definitions?|sentences?|parts?|titles?")

# One locator: "said section 17", "the fifth paragraph", "Section 13B(b)", "item 7004-0070",
# "the definition of “Accessory dwelling unit”".
LOCATOR = re.compile(
    rf"(?P<said>\bsaid\s+)?(?:(?:the\s+)?(?P<ord>{ORDINAL})\s+)?\b(?P<unit>{UNITS})\b"
    rf"(?:\s+(?:of\s+)?(?P<term>[“\"][^”\"]{{1,120}}[”\"])|\s*(?P<nums>{NUMS})(?P<labels>(?:{LABEL})*))?",
    I)

# The code a locator's chapter belongs to.  "Massachusetts General Laws", "Mass General Laws"
# and "M.G.L." are how careless drafts say it.
GENERAL_LAWS = re.compile(r"\bGenerals?\s+Laws?\b|\bM\.?\s?G\.?\s?L\.?(?=\s|,|$)", I)
ACTS_OF = re.compile(r"\bchapter\s+(?P<chapter>" + NUM + r")\s+of\s+the\s+(?P<special>special\s+)?"
                     r"(?:acts|statutes|resolves|session\s+laws)\s+of\s+(?P<year>\d{4})\b", I)
GL_CHAPTER = re.compile(r"\bchapter\s+(?P<chapter>" + NUM + r")\s+of\s+the\s+(?:Massachusetts\s+|Mass\.?\s+)?"
                        r"General\s+Laws\b", I)
# "Part the Second" (the frame of government) is the Constitution's, named or "said"
CONSTITUTION = re.compile(r"\bConstitution\b|\bPart\s+the\s+(?:First|Second)\b", I)
THIS_ACT = re.compile(r"\bof\s+this\s+act\b", I)

# A law's history ("as amended by chapter 4 of the acts of 2021; and further amended by section 2 of chapter 3 ..."):
# "; and further amended by" an act, no instruction
AMENDED_BY_AN_ACT = r"(?!\s+by\s+(?:sections?|chapters?|St\.|Stat\.|the\s+acts)\b)"
# The verb phrase: "is hereby further amended", "are hereby repealed", "is amended" (drafts
# that leave out "hereby"), "shall be hereby amended" (not "shall be repealed" alone: a repeal to
# come).  ``verb`` says which.
VERB = re.compile(r"\b(?:(?:is|are)\s+(?:hereby\s+)?|shall\s+be\s+hereby\s+|(?:(?<=;\s)|(?<=;))and\s+(?=(?:hereby\s+)?further\s+"
                  rf"(?:amended|repealed|annulled)\b{AMENDED_BY_AN_ACT})(?:hereby\s+)?)"
                  r"(?:further\s+)?(?P<verb>amended|repealed|annulled)\b", I)
# (the last: "...:- 12R.4; and further amended by adding ...", the subject's own next instruction, not the first's place)

# Where the inserted text starts: ":-" and its variants (": -", ":--", ":–"), or a bare colon
# after "the following ..." (a draft that forgot the dash).
QUOTE_START = re.compile(r":\s*[-–—]+|\bfollowing\b[^:“”\"]{0,80}:", I)
COLON_DASH = re.compile(r":\s*[-–—]+")
FOLLOWING_BEFORE = re.compile(r"\bfollowing\b[^:“”\"]{0,80}$", I)

# Qualifiers of a locator, read and then cut out so their own numbers are not taken for the
# target's: "as appearing in the 2022 Official Edition", "as so appearing", "as amended by
# section 102 of chapter 7 of the acts of 2023", "inserted by section 20 of this act".
APPEARING = re.compile(r"\bas\s+(?:most\s+recently\s+)?appearing\s+in\s+(?:the\s+)?(?P<edition>\d{4}\s+Official\s+Edition)", I)
SO_APPEARING = re.compile(r"\bas\s+so\s+appearing\b", I)
QUALIFIER = re.compile(
    r",?\s*\b(?:as\s+(?:most\s+recently\s+|previously\s+|so\s+)?(?:appearing|amended|inserted|added|revised|"
    r"rewritten|affected|enacted)|inserted|added|amended|rewritten|enacted)\b(?:\s+(?:by|in|under|through)\b[^,]*)?(?=,|$)",
    I)

# The verbs of a clause, with the synonyms careless drafts use: "by the insertion of",
# "by placing after", "by replacing ... with", "by including the following definition".
STRIKE_VERBS = r"(?:striking|deleting|removing)"
# "including" only as "by including the following definition": elsewhere it is the words' own ("..., including,
# but not limited to, ...") in text the instruction carries unquoted
INSERT_VERBS = r"(?:inserting|substituting|insertion\s+of|placing|including(?=\s+(?:(?:herein\s+|therein\s+)?the\s+following\b|a\s+new\b|[“\"])))"
ADD_VERBS = r"(?:adding|addition\s+of)"
REPLACE_VERBS = r"(?:replacing|changing)"
ANY_VERB = rf"(?:{STRIKE_VERBS}|{INSERT_VERBS}|{ADD_VERBS}|{REPLACE_VERBS}|repealing)"

# Where a predicate's clauses part: "…, and by adding …", "; and (ii) inserting …", "… and by
# striking …".  Not " and inserting in place thereof", which ends the clause it belongs to.
CLAUSE_START = re.compile(
    r"(?:^|[,;]\s*(?:and\s+)?|\s+and\s+(?:further\s+)?(?=by\b|striking\b|deleting\b|\(\s*[ivx\d]+\s*\))|\s+(?=\(\s*[ivx\d]{1,4}\s*\)\s+(?:by\s+)?"
    r"(?:striking|inserting|adding|deleting))|\s+(?=by\s))"
    r"(?:\(\s*[ivx\d]{1,4}\s*\)\s*)?(?:(?:by|with)\s+(?:further\s+)?)?(?:the\s+)?"
    rf"(?={ANY_VERB}\b)"
    # ("replacing with the following": no object of its own, the struck words' replacement)
    r"(?!inserting,?\s+(?:in\s+(?:the\s+|its\s+|their\s+|each\s+)?(?:place|lieu)|therein|thereof|instead)|substituting\s+(?:in|therefor)"
    r"|replacing\s+with\b"
    r"|adding,?\s+in\s+(?:its\s+|their\s+)?place\b)",
    I)

# A new instruction after inserted words: "... the inserted words. Said section 35A ... is hereby
# further amended by ..." (the inserted text ends where a sentence starts that amends).
# A numbered item ("“the comptroller;” 2) the third sentence ... is amended by ...") only after the words the item before
# inserts, in quotation marks (not "... a fee schedule. 1) The schedule is amended each year ...", inserted law's own).
NEW_INSTRUCTION = re.compile(
    r"(?:(?<=[.;”\"])\s+|(?:(?<=[”\"])|(?<=[”\"][.;]))\s+\d{1,2}\)\s+)"
    r"(?=(?:Said|Section|Sections|Chapter|The|Subsection|Paragraph|Clause|Item)\b[^:]{0,300}?"
    r"\b(?:is|are)\s+(?:hereby\s+)?(?:further\s+)?(?:amended|repealed)\b)")
IN_PLACE = re.compile(r",?\s*and\s+(?:by\s+)?(?:inserting|substituting|adding)\s+(?:in\s+(?:the\s+|its\s+|their\s+|each\s+)?(?:place|lieu)|instead)\b", I)
CLAUSE_VERB = re.compile(r"\b(?:striking|inserting|adding|deleting|substituting)\b", I)

# The clauses themselves.
REPLACE = re.compile(
    rf"^(?:{STRIKE_VERBS}|replacing)(?:\s+out)?[\s,]+(?P<obj>.*?),?\s+(?:and\s+(?:by\s+)?(?:thereby\s+)?(?:inserting|insert|substituting|replacing|in\s+(?:its\s+|their\s+|each\s+)?place"
    # misprinted: "and ierting in place thereof", "and inserted in place thereof"
    r"|(?:inserted|[a-z]{1,3}erting)(?=,?\s+in\s+(?:its\s+|their\s+)?place\s+thereof\b)"
    # "deleting subsection (ii) and adding in its place the following"
    r"|adding(?=,?\s+in\s+(?:its\s+|their\s+)?place\b))\b"
    # "striking out the number “19,” inserting in place thereof": the "and" left out
    r"|(?:by\s+)?(?:inserting|substituting),?\s+(?:in\s+(?:its\s+|their\s+|each\s+)?(?:place|lieu)|thereof)\b"
    # "striking ... the word “fourteen” and inserted instead the word “twenty”"
    r"|and\s+(?:by\s+)?(?:inserting|inserted|substituting)\s+instead\b)"
    rf"|^{REPLACE_VERBS}\s+(?P<obj2>.*?)\s+(?:with|to|by)\b"
    # "by replacing in its entirety a new subsection (b) as follows": what is replaced, with no "with"
    rf"|^replacing\s+(?P<obj3>(?:in\s+its\s+entirety\s+)?.*?)\s+as\s+follows\b",
    I | re.S)
STRIKE = re.compile(rf"^{STRIKE_VERBS}(?:\s+out)?[\s,]+(?P<obj>.*)", I | re.S)
INSERT = re.compile(rf"^{INSERT_VERBS}\b(?P<rest>.*)", I | re.S)
ADD = re.compile(rf"^{ADD_VERBS}\b(?P<rest>.*)", I | re.S)
# "Chapter 147 is hereby amended by repealing sections 32 to 51, inclusive": a repeal inside the unit named
REPEAL = re.compile(r"^repealing\b\s*(?P<obj>.*)", I | re.S)
# "adding as a second paragraph", "adding the following paragraph as a second paragraph": an addition at a named
# place, which is an insertion
AS_NTH = re.compile(rf"\badding\s+(?:the\s+following\s+(?:new\s+)?\w+\s+)?as\s+(?:a|the)\s+(?:new\s+)?{ORDINAL}\s+(?:new\s+)?(?:paragraph|sentence|subsection|clause)"
                    r"|\bthereafter\b", I)
# "inserting at the end thereof", "at the end of the first paragraph", "at the end of said sentence", "at the end the
# following": an addition at the end of a unit (not "at the end of line 5", a place in the printed text). The unit
# is said in the evidence; lawdiff apply adds only at the end of a provision it finds, and refuses the rest.
AT_THE_END = re.compile(r"\bat\s+the\s+(?:end|conclusion)\b(?:\s+(?:thereof|of\s+(?:said\s+|the\s+|each\s+)?(?:[\w-]+\s+){0,2}?"
                        r"(?:section|paragraph|sentence|subsection|subparagraph|clause|subclause|subdivision|definition|item)s?\b)|(?!\s+of\b))", I)
# Predicates with no clause: "is hereby amended to read as follows" (the whole unit rewritten),
# "is amended to include the following section" (an insertion).
TO_READ = re.compile(r"^\s*,?\s*(?:so\s+as\s+)?to\s+(?:read|provide)\s+(?:in\s+its\s+entirety\s+)?as\s+follows", I)
# "is hereby amended as follows: 1. Add : ...", "as follows: Strike paragraph (a) and replace with the following":
# an imperative verb opening what follows the colon (after a list number "1." or "(a)").
AS_FOLLOWS_VERB = re.compile(r"^\s*,?\s*as\s+follows\s*:\s*(?:(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+|\(\w{1,4}\)\s+)?"
                             r"(?P<verb>add|insert|strike|delete|replace)\b(?P<rest>.*)", I | re.S)
# An insertion with its verb left out: "amended in line 89 after the word “products” the following words",
# "amended by, at the end thereof, the following words".
NO_VERB_INSERT = re.compile(r"\b(?:after|before|at\s+the\s+end\s+thereof)\b[^:]*?\bthe\s+following\b", I | re.S)
TO_INCLUDE = re.compile(r"^\s*,?\s*(?:by\s+)?to\s+(?:include|insert|add)\b", I)
# A town's or city's charter (a special act, cited by name): "the charter of the city of Westfield".
# A county's ("the charter of the county of Nantucket") and a home rule charter named by its town ("the town of
# Reading home rule charter", "The Townsend Home Rule Charter") too.
CHARTER = re.compile(r"(?P<name>(?:[A-Z][a-z]+\s+(?:[Cc]ity|[Tt]own)\s+)?[Cc]harter\s+of\s+the\s+(?:[Cc]ity|[Tt]own|[Cc]ounty)\s+(?:known\s+as\s+the\s+(?:[Cc]ity|[Tt]own)\s+)?of\s+"
                     r"[A-Z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*)*|[A-Z][a-z]+\s+(?:[Cc]ity|[Tt]own)\s+[Cc]harter"
                     r"|(?:(?:[Cc]ity|[Tt]own)\s+of\s+)?(?!The\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+[Hh]ome\s+[Rr]ule\s+[Cc]harter)")
# "said charter", and "the charter" with no name after it, as the subject or its locator's end ("The charter is
# further amended in SECTION 2-11", "Section 5 of the charter, as amended"), not "a vote on the charter,"
SAID_CHARTER = re.compile(r"\bsaid\s+charter\b|(?:^\s*|\bof\s+)the\s+charter\b(?=\s*(?:,|$)|\s+(?:is|are)\s)", I)
SAID_ACT = re.compile(r"\bsaid\s+act\b", I)
# The anchor of an insertion: "after section 62", "after the word “x”", "before the first paragraph".
ANCHOR = re.compile(
    r"\b(?:after|before|prior\s+to|following(?=\s+the\s+(?:words?|figures?|definition)\b)|(?<!the\s)following(?=\s+section\s+\d))\s+(?P<anchor>(?:[“\"][^”\"]*[”\"]|.)+?)(?=,|\s+(?:the\s+following|the\s+words?\s+[“\"]|"
    r"the\s+figures?\s+[“\"]|in\s+lines?\b|each\s+time|:)|$)", I | re.S)
LINE_NUMS = r"\d+(?:\s*(?:,|and|to|through|-|–)\s*\d+)*"
"""The numbers of "lines 5, 7 and 9 to 12" (read by ``read.read_lines``)."""
LINES = re.compile(rf"\blines?\s+(?P<nums>{LINE_NUMS})", I)
QUOTED = re.compile(r"[“\"](?P<words>[^”\"]{0,4000})[”\"]")
# What an insertion brings: "the following section", "the following 3 sections", "the following chapter".
NEW_UNITS = re.compile(r"\bfollowing\s+(?:(?!(?:sub)?(?:section|paragraph|clause|sentence|word|definition|item)s?\b)\w+\s+){0,2}?"
                       r"(?:new\s+)?(?P<unit>sections?|chapters?)\b", I)
# (not "the following paragraphs in section 7", "the following subsection in Section 16G": units put in a section)
