"""The one jinja2 environment every HTML renderer uses: autoescape always on."""

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import jinja2

# The top-level templates/ folder, installed as the lawdiff.templates package.
TEMPLATES = Path(str(files("lawdiff.templates")))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its name: source text never reaches a page raw
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
