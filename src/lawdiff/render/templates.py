"""The one jinja2 environment every HTML renderer uses: autoescape always on."""

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import jinja2

from lawdiff.parse.provisions import lines_text

# The top-level templates/ folder, installed as the lawdiff.templates package.
TEMPLATES = Path(str(files("lawdiff.templates")))


def ordinal(n: int | str) -> str:
    """193 -> "193rd", 194 -> "194th": "the 193rd General Court"."""
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def web_url(value) -> bool:
    """Only http(s) addresses become links (the manifest and annotations are checked when
    loaded; this keeps a ``javascript:`` URL from any other source off the pages too)."""
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 word", "3 words": a number and its noun, singular for one."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


# The names a plain dict answers as attributes ("get", "items", "__class__" ...).
_DICT_NAMES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """``r.old`` on a plain dict, as jinja2 reads it, but without first trying ``getattr`` and
    catching its AttributeError: a redline page reads 400,000 keys so at 3,000 sections and the
    exceptions were a third of its template time (issue 26).  A name a dict has as an attribute
    (``stats.get``) still goes jinja2's way, so every template reads exactly what it did."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute not in _DICT_NAMES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name: source text never reaches a page raw
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["ordinal"] = ordinal
    env.tests["web_url"] = web_url
    env.filters["counted"] = counted
    env.filters["lines_text"] = lines_text  # "line 91", "lines 85–97"
    return env
