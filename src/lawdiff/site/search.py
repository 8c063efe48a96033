"""The site's search index, in shards that rebuild independently.

Pagefind indexes a whole site at once, so one changed document would re-index
every page.  Instead each instrument page goes to one of ``shard_count`` buckets by
a stable hash of its document id; each bucket is a separate Pagefind index, cached
under the hash of its pages' cache keys (themselves content hashes of each
page's inputs and of the code), so a rebuild re-indexes only the buckets whose
pages changed.  The search page merges the buckets' indexes at search time
(Pagefind's ``mergeIndex``): the first non-empty bucket is the primary bundle at
``pagefind/``, the others are at ``pagefind/shard-NN/``.

Instrument pages are indexed whole; matrix topic pages and redline pages are
indexed too, but only their own words (title, summary, the list of changes):
the instruments' text they quote is marked ``data-pagefind-ignore``, or every
hit would come back once per redline of a refiled bill.  A topic's phrases in
``topics.toml`` are its synonyms (287(g) and 1357(g)): an instrument page whose
text matches a topic names it, with the topic's phrases as an indexed
attribute (``topic_terms``), so a search for either phrase finds both texts and
the topic page, which prints its phrases.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lawdiff.files import copy_file, link_or_copy, read_toml
from lawdiff.matrix.topics import phrase_regex

MAX_SHARDS = 16
PER_SHARD = 64  # documents a shard holds at least, so its word statistics stand for the corpus's
BUNDLE = "pagefind"
TIMEOUT = 600
OPTIONS = ["--force-language", "en", "--keep-index-url", "--silent"]


@dataclass
class SearchIndex:
    """What the site needs to load the index: the merged bundles, relative to the site's top."""
    merge: list[str]  # the non-primary shards' bundle folders, e.g. ["pagefind/shard-07/"]
    shards: int = 0  # non-empty shards
    built: int = 0  # shards indexed by this build (the rest came from the cache)


def shard_count(documents: int) -> int:
    """1, 2, 4, 8 or 16 shards: a power of two, so a shard splits in two as the corpus
    grows (the one build that crosses a step re-indexes everything)."""
    count = 1
    while count < MAX_SHARDS and documents >= 2 * count * PER_SHARD:
        count *= 2
    return count


def shard_of(doc_id: str, count: int = MAX_SHARDS) -> int:
    """The shard of a document among ``count``: a stable hash of its id, never of the machine."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % count


def topic_terms(corpus_root: Path | str) -> list[dict]:
    """[{"id", "label", "phrases"}] from the corpus's topics.toml (its literal phrases only,
    regexes are no search words); [] when the corpus has none."""
    path = Path(corpus_root) / "topics.toml"
    if not path.is_file():
        return []
    return [{"id": t["id"], "label": t["label"], "phrases": list(t.get("phrases", []))}
            for t in read_toml(path, "topics file").get("topic", []) if t.get("id") and t.get("label")]


def topics_in(text: str, terms: list[dict]) -> list[dict]:
    """The topics whose phrases (or label) occur in ``text``, in topics.toml order."""
    found = []
    for t in terms:
        words = [*t["phrases"], t["label"]]
        if any(re.search(phrase_regex(w), text, re.I) for w in words if w.strip()):
            found.append(t)
    return found


def pagefind_binary() -> Path | None:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return None
    found = get_executable()
    return found if found and Path(found).is_file() else None


def _version(binary: Path) -> str:
    proc = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=60)
    return proc.stdout.strip()


def _index_shard(binary: Path, pages: list[tuple[str, Path]], dest: Path) -> bool:
    """Index ``pages`` ((url path in the site, html file)) into the folder ``dest``, whole or not at all."""
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
    try:
        site = tmp / "site"
        for url, html in pages:
            link_or_copy(html, site / url)
        try:
            proc = subprocess.run([str(binary), "--site", str(site), "--output-path", str(tmp / "out"), *OPTIONS],
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except (OSError, subprocess.TimeoutExpired):
            return False
        if proc.returncode != 0 or not (tmp / "out" / "pagefind-entry.json").is_file():
            return False
        try:
            os.rename(tmp / "out", dest)
        except OSError:
            if not dest.is_dir():  # another build that finished first wrote the same shard
                raise
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _copy_tree(src: Path, dest: Path) -> None:
    """A cached shard into the site, copied: an edit of the published file leaves the cache."""
    for path in sorted(src.rglob("*")):
        target = dest / path.relative_to(src)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        copy_file(path, target)


def build_search(site: Path, pages: list[tuple[str, str, str, Path]], cache_root: Path,
                 jobs: int = 1) -> SearchIndex | None:
    """Index ``pages`` ((document id, url path, cache key, html file)) into ``site``.

    Returns None, and writes nothing into ``site``, if Pagefind is missing or fails:
    the site then works without search.
    """
    binary = pagefind_binary()
    if binary is None or not pages:
        return None
    try:
        version = _version(binary)
    except (OSError, subprocess.TimeoutExpired):
        return None
    count = shard_count(len(pages))
    buckets: dict[int, list[tuple[str, str, str, Path]]] = {}
    for page in pages:
        buckets.setdefault(shard_of(page[0], count), []).append(page)
    keys = {}
    for n, members in buckets.items():
        h = hashlib.sha256(f"lawdiff search shard\0{version}\0{OPTIONS}\0".encode())
        for _, url, key, _ in sorted(members, key=lambda p: p[1]):
            h.update(f"{url}\0{key}\0".encode())
        keys[n] = h.hexdigest()
    folder = cache_root / "search"
    folder.mkdir(parents=True, exist_ok=True)
    todo = [n for n in sorted(buckets) if not (folder / keys[n]).is_dir()]
    # each Pagefind run is mostly one thread: run shards side by side on every core
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(todo) or 1))) as pool:
        done = list(pool.map(lambda n: _index_shard(binary, [(u, h) for _, u, _, h in buckets[n]],
                                                    folder / keys[n]), todo))
    if not all(done):
        return None
    order = sorted(buckets)
    _copy_tree(folder / keys[order[0]], site / BUNDLE)
    merge = []
    for n in order[1:]:
        merge.append(f"{BUNDLE}/shard-{n:02d}/")
        _copy_tree(folder / keys[n], site / BUNDLE / f"shard-{n:02d}")
    return SearchIndex(merge=merge, shards=len(order), built=len(todo))
