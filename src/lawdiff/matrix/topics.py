"""Matrix topics (``corpus/topics.toml``): what each row is about and the patterns that find it."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import regex

from lawdiff.errors import LawdiffError
from lawdiff.files import read_toml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # ids become file names: matrix/<id>.html
MATCH_SECONDS = 2.0
"""Time one pattern may take over one provision.  Patterns are anyone's (topics.toml is edited by
hand), so they run on the ``regex`` engine, which can stop a search: a pattern that backtracks
catastrophically is reported instead of hanging the matrix and the build."""
TOPIC_SECONDS = 2.0
TOPIC_SECONDS_PER_CHAR = 1e-4
"""What all of a topic's patterns may take, in CPU time, over all the provisions one process
searches: ``TOPIC_SECONDS`` plus ``TOPIC_SECONDS_PER_CHAR`` (1 s for each 10,000 characters)
for the text searched so far.  Without it a pattern just under ``MATCH_SECONDS`` on every
provision would take hours over a session's bills.  A fixed budget would not do: the shipped
topics took over 30 s each (wall time, on a loaded machine) over the 193rd session's records."""


@dataclass
class Pattern:
    source: str
    """The phrase or regular expression as written in topics.toml."""
    regex: regex.Pattern


@dataclass
class Topic:
    id: str
    label: str
    description: str = ""
    patterns: list[Pattern] = field(default_factory=list)
    file: str = "topics.toml"
    """Where the topic was read (named in errors)."""
    spent: float = 0.0
    """CPU seconds its patterns have taken so far, against its allowance."""
    searched: int = 0
    """Characters searched so far: the allowance grows with them."""

    def allowance(self) -> float:
        return TOPIC_SECONDS + TOPIC_SECONDS_PER_CHAR * self.searched

    def matches(self, text: str) -> list[tuple[Pattern, regex.Match]]:
        found = []
        self.searched += len(text)
        for p in self.patterns:
            budget = min(MATCH_SECONDS, self.allowance() - self.spent)
            start = time.thread_time()
            try:
                found.extend((p, m) for m in p.regex.finditer(text, timeout=max(budget, 0.001)))
            except TimeoutError:
                shown = p.source.replace("\n", "\\n")  # as written in topics.toml, on one line
                what = (f"{MATCH_SECONDS:g} s on a provision of {len(text):,} characters" if budget == MATCH_SECONDS
                        else f"the topic's {self.allowance():.1f} s for the {self.searched:,} characters searched "
                             f"(here a provision of {len(text):,})")
                raise LawdiffError(self.file, f"topic {self.id}: pattern '{shown}' took over {what}"
                                              " (catastrophic backtracking?); simplify it") from None
            finally:
                self.spent += time.thread_time() - start
        return found


def phrase_regex(phrase: str) -> str:
    """A literal phrase: any whitespace run matches any whitespace run (lines wrap anywhere);
    a phrase starting or ending in a letter or digit does not match inside a longer word."""
    body = r"\s+".join(re.escape(w) for w in phrase.split())
    if re.match(r"\w", phrase):
        body = r"(?<!\w)" + body
    if re.search(r"\w$", phrase):
        body += r"(?!\w)"
    return body


def load_topics(root: Path | str) -> dict[str, Topic]:
    """id -> Topic, in file order."""
    path = Path(root) / "topics.toml"
    data = read_toml(path, "topics file")
    topics: dict[str, Topic] = {}
    tables = data.get("topic", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise LawdiffError(path, "topic must be [[topic]] tables")
    for t in tables:
        tid = t.get("id")
        if not isinstance(tid, str) or not ID.match(tid):
            raise LawdiffError(path, f"topic id {tid!r} is missing or not lower-case letters, digits and hyphens")
        if tid in topics:
            raise LawdiffError(path, f"topic {tid} is listed twice")
        if not t.get("label") or not isinstance(t["label"], str):
            raise LawdiffError(path, f"topic {tid} has no label (a string)")
        if not isinstance(t.get("description", ""), str):
            raise LawdiffError(path, f"topic {tid}: description must be a string")
        patterns = []
        for phrase in _strings(t, "phrases", tid, path):
            if not phrase.strip():
                raise LawdiffError(path, f"topic {tid}: empty phrase")
            patterns.append(Pattern(phrase, regex.compile(phrase_regex(phrase), regex.I)))
        for rx in _strings(t, "regex", tid, path):
            try:
                patterns.append(Pattern(rx, regex.compile(rx, regex.I)))
            except (regex.error, TypeError, ValueError) as e:
                raise LawdiffError(path, f"topic {tid}: bad regular expression {rx!r}: {e}") from None
        if not patterns:
            raise LawdiffError(path, f"topic {tid} has no phrases or regex to find it with")
        topics[tid] = Topic(tid, t["label"], t.get("description", ""), patterns, str(path))
    if not topics:
        raise LawdiffError(path, "no [[topic]] tables")
    return topics


def _strings(table: dict, key: str, tid: str, path: Path) -> list[str]:
    """``phrases`` or ``regex``: a list of strings (a lone string would be read letter by letter)."""
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LawdiffError(path, f"topic {tid}: {key} must be a list of strings, like {key} = [\"...\"]")
    return value
