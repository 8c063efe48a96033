"""Matrix topics (``corpus/topics.toml``): what each row is about and the patterns that find it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LawdiffError
from .files import read_toml

ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # ids become file names: matrix/<id>.html


@dataclass
class Pattern:
    source: str
    """The phrase or regular expression as written in topics.toml."""
    regex: re.Pattern


@dataclass
class Topic:
    id: str
    label: str
    description: str = ""
    patterns: list[Pattern] = field(default_factory=list)

    def matches(self, text: str) -> list[tuple[Pattern, re.Match]]:
        return [(p, m) for p in self.patterns for m in p.regex.finditer(text)]


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
    for t in data.get("topic", []):
        tid = t.get("id")
        if not isinstance(tid, str) or not ID.match(tid):
            raise LawdiffError(path, f"topic id {tid!r} is missing or not lower-case letters, digits and hyphens")
        if tid in topics:
            raise LawdiffError(path, f"topic {tid} is listed twice")
        if not t.get("label"):
            raise LawdiffError(path, f"topic {tid} has no label")
        patterns = []
        for phrase in t.get("phrases", []):
            if not isinstance(phrase, str) or not phrase.strip():
                raise LawdiffError(path, f"topic {tid}: empty phrase")
            patterns.append(Pattern(phrase, re.compile(phrase_regex(phrase), re.I)))
        for rx in t.get("regex", []):
            try:
                patterns.append(Pattern(rx, re.compile(rx, re.I)))
            except (re.error, TypeError) as e:
                raise LawdiffError(path, f"topic {tid}: bad regular expression {rx!r}: {e}") from None
        if not patterns:
            raise LawdiffError(path, f"topic {tid} has no phrases or regex to find it with")
        topics[tid] = Topic(tid, t["label"], t.get("description", ""), patterns)
    if not topics:
        raise LawdiffError(path, "no [[topic]] tables")
    return topics
