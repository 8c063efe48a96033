"""``lawdiff build``: the static comparison site, built whole or not at all.

Each page is a pure function of its inputs (the manifest entries and raw bytes
it reads, the code and templates), so its content hash names it in a cache:
a rebuild re-parses and re-renders only pages whose inputs changed, and the
missing pages are rendered in parallel on every core.  The site is written to
a temporary folder beside ``out_dir`` and swapped in only when complete.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from lawdiff.load import history
from lawdiff.render import jsonout
from lawdiff.site.comparisons import Comparison, comparisons
from lawdiff.load.documents import parse_bytes
from lawdiff.errors import LawdiffError
from lawdiff.files import copy_file, file_type, read_regular
from lawdiff.load.manifest import Corpus
from lawdiff.read import MAX_BYTES
from lawdiff.render.page import STATIC, STATIC_FILES
from lawdiff.render.templates import TEMPLATES

MARKER = ".lawdiff-build"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
IN_PROCESS_MAX = 4  # fewer pages than this render faster without starting workers
# An instrument page traces its provisions across at most this many texts (the longest chain
# of the 193rd session has 4): a page compares at most 3 steps, and beside the redline pages
# (``_model``'s cache keeps 4) a generated chain of 1,000 refiles costs one comparison a page.
LINEAGE_TEXTS = 4


@dataclass
class BuildReport:
    out_dir: Path
    pages: int = 0  # rendered + cached
    rendered: int = 0  # the index page is rendered by every build
    cached: int = 0
    search: bool = False
    search_shards: int = 0  # non-empty index shards
    search_built: int = 0  # shards indexed by this build (the others came from the cache)
    seconds: float = 0.0
    timings: dict = field(default_factory=dict)
    no_pdf: str | None = None  # why the redline pages have no PDF though PDFs were asked for
    problems: list = field(default_factory=list)  # one line each: a download left out (its page does not link it)


def code_fingerprint() -> str:
    """Hash of the code and templates: a page rendered by other code is another page."""
    h = hashlib.sha256()
    for base in (Path(__file__).parents[1], TEMPLATES):
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                h.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str).encode()


# -- the work of one page: pure functions of their spec ------------------------

_parsed: dict[tuple, object] = {}  # per process: a document parsed once serves the pages beside it
PARSED_KEPT = 64


def _document(source: dict):
    key = (source["sha256"], _canonical(source["entry"]))  # the entry too: it is the document's meta
    if key not in _parsed:
        data = read_regular(source["path"], MAX_BYTES)
        if hashlib.sha256(data).hexdigest() != source["sha256"]:
            raise LawdiffError(source["path"], "changed while the site was being built")
        if len(_parsed) >= PARSED_KEPT:
            del _parsed[next(iter(_parsed))]  # the oldest: pages are rendered in document order
        _parsed[key] = parse_bytes(data, source["path"], source["entry"], sha256=source["sha256"])
    return _parsed[key]


_models: dict[bytes, tuple] = {}  # per process: a redline's page and its downloads, one compare()
MODELS_KEPT = 4


def _model_key(spec: dict) -> bytes:
    """What a redline's change model is computed from: its page and its downloads share it."""
    return _canonical([spec["old"]["sha256"], spec["old"]["entry"], spec["old_eid"],
                       spec["new"]["sha256"], spec["new"]["entry"], spec["new_eid"]])


def _model(spec: dict):
    """(old, new, change model) of a redline spec; its page and downloads render side by side."""
    from lawdiff.diff.changes import compare
    key = _model_key(spec)
    if key not in _models:
        old, new = _document(spec["old"]), _document(spec["new"])
        if len(_models) >= MODELS_KEPT:
            del _models[next(iter(_models))]
        model = compare((old, spec["old_eid"]) if spec["old_eid"] else old,
                        (new, spec["new_eid"]) if spec["new_eid"] else new)
        for side in ("old", "new"):  # the file as the manifest names it, not this machine's path
            model[side]["source"] = spec[side]["entry"].get("path", model[side].get("source"))
        _models[key] = (old, new, model)
    return _models[key]


def render_job(spec: dict) -> dict:
    """Render one page from its spec; returns {"html": str, "info": dict}."""
    if spec["page"] == "instrument":
        from lawdiff.cite import instructions
        from lawdiff.render.instrument_html import render_instrument
        from lawdiff.site.citator_pages import citator_info  # what the session citator keeps of the page
        from lawdiff.site.instrument_parts import split
        doc = _document(spec["doc"])
        amending = instructions(doc)  # read once: the page labels its SECTIONs, the citator keeps them
        html = render_instrument(doc, root="../", related=spec["related"],
                                 has_matrices=spec["matrices"], topics=spec.get("topics"),
                                 history=spec.get("history"), official=spec.get("official"),
                                 measure=spec.get("measure"), steps=spec.get("steps"),
                                 amendments=spec.get("amendments"), lineage=_lineage(doc, spec), marks=True,
                                 amending=amending)
        parts = split(html, doc.meta.get("id") or spec["doc"]["entry"]["id"])  # a long text: pages of 450 KB
        result = {"html": parts[0], "info": {**citator_info(amending), **_located(doc, spec, parts)}}
        if len(parts) > 1:  # <id>-2.html, ...: cached beside the first part (``_run_batch``)
            result["info"]["parts"] = len(parts)
            result["extra"] = {str(n): page for n, page in enumerate(parts[1:], 2)}
        return result
    if spec["page"] == "redline" and spec.get("parallel"):
        from lawdiff.render.parallel_html import render_parallel
        old, new = _document(spec["old"]), _document(spec["new"])
        return {"html": render_parallel(old, new, spec["parallel"], label=spec["label"],
                                        has_matrices=spec["matrices"]), "info": {"parallel": True}}
    if spec["page"] in ("redline-json", "redline-docx", "redline-pdf"):  # a redline page's downloads
        old, new, model = _model(spec)
        if spec["page"] == "redline-json":
            return {"html": jsonout.dumps(model) + "\n", "info": {}}
        if spec["page"] == "redline-pdf":  # what `lawdiff diff OLD NEW --format pdf` prints
            from lawdiff.render.pdf import redline_pdf
            return {"html": redline_pdf(model, (old, new)), "info": {}}
        from lawdiff.render.docx import render_docx
        if why := _no_docx(model):  # not published, and not linked from its page (render_job "redline")
            return {"html": "", "info": {"skipped": why}}
        return {"html": render_docx(model), "info": {}}
    if spec["page"] == "redline":
        from lawdiff.render.redline_html import render_redline
        old, new, model = _model(spec)
        info = {"stats": model["stats"], "degraded": model["degraded"],
                "changes": sum(1 for c in model["changes"] if c["kind"] != "equal")}
        downloads = spec.get("downloads", [])
        if _no_docx(model):  # one bad Word file is one line of the report, not a failed session build
            downloads = [d for d in downloads if not d[1].endswith(".docx")]
        from lawdiff.site.redline_parts import render_parts
        parts = render_parts(model, spec["slug"], lambda m, part: render_redline(
            m, root="../", label=spec["label"], has_matrices=spec["matrices"], docs=(old, new), downloads=downloads,
            relation=spec.get("relation"), part=part))
        result = {"html": parts[0], "info": info}
        if len(parts) > 1:  # a long redline: <slug>-2.html, ..., cached beside the first part
            info["parts"] = len(parts)
            result["extra"] = {str(n): page for n, page in enumerate(parts[1:], 2)}
        return result
    raise ValueError(spec["page"])


def _lineage(doc, spec: dict) -> dict | None:
    """Each provision's history across the texts the page's instrument was drawn from
    (``render.lineage_notes``): every step compared once for the whole page, through the
    redline pages' model cache (a worker rendering a redline beside the page compares it once)."""
    if not spec.get("lineage"):
        return None
    from lawdiff.diff.lineage import Versions
    from lawdiff.render.lineage_notes import notes
    found = spec["lineage"]
    sources = found["versions"] + [spec["doc"]]
    models = [_model({"old": a, "new": b, "old_eid": None, "new_eid": None})[2] for a, b in zip(sources, sources[1:])]
    versions = Versions([_document(s) for s in sources[:-1]] + [doc], found["labels"], models)
    return notes(versions, [s["entry"]["id"] for s in sources], found["redlines"])


def _located(doc, spec: dict, parts: list[str]) -> dict:
    """A session's instrument page carries the provisions that treat each topic (its topic pages' data),
    each with the part of a long page that holds it."""
    if not spec.get("locate"):
        return {}
    from lawdiff.site.instrument_parts import part_of
    from lawdiff.site.session_topics import located
    found = located(doc, spec["locate"])
    if len(parts) > 1:
        for provisions in found.values():
            for p in provisions:
                p["part"] = part_of(parts, p["eid"])
    return {"topics": found}


def _no_docx(model: dict) -> str | None:
    """Why no Word redline can be written from ``model`` (a change model that leaves out a
    provision: accept-all would drop its words), or None."""
    from lawdiff.render.docx import _check_complete
    try:
        _check_complete(model)
    except LawdiffError as e:
        return str(e)
    return None


def render_matrix_pages(corpus_root: str, sources: dict | None = None) -> dict:
    """Every matrix page: {"pages": {path: html}, "topics": [{"id", "label"}]}; ``sources``
    (``_sources``): the documents are those the pages were rendered from, not read again."""
    from lawdiff.matrix.build import build_matrix
    from lawdiff.render.matrix_html import render_overview, render_topic_page
    from lawdiff.render.matrix_tables import of_topic, to_csv, to_json
    corpus = Corpus.load(corpus_root)
    from lawdiff.site.session_index import paged
    from lawdiff.site.session_topics import curated
    columns = sorted({i for _, i in curated(corpus.root, corpus.entries)}, key=list(corpus.entries).index) \
        if paged(corpus) else None  # a session's matrix: its curated instruments, not 8,000 columns
    matrix = build_matrix(corpus, instruments=columns, load=(lambda iid: _document(sources[iid])) if sources else None)
    # each page offers its data: matrix.csv/.json beside the overview, <topic>.csv/.json beside a topic
    pages = {"matrix/index.html": render_overview(matrix), "matrix/matrix.csv": to_csv(matrix),
             "matrix/matrix.json": to_json(matrix)}
    from base64 import b64encode
    from lawdiff.matrix.memo import memo
    from lawdiff.render import memo as memo_files
    from lawdiff.render.parallel_html import parallel_pages
    parallels = parallel_pages(Corpus.load(corpus_root))
    for topic in matrix["topics"]:
        pages[f"matrix/{topic['id']}.html"] = render_topic_page(matrix, topic["id"], parallels=parallels)
        pages[f"matrix/{topic['id']}.csv"] = to_csv(of_topic(matrix, topic["id"]))
        pages[f"matrix/{topic['id']}.json"] = to_json(of_topic(matrix, topic["id"]))
        # the memo table to paste into a memo; the Word file's bytes travel as base64 (the pages are cached as JSON)
        table = memo(matrix, topic["id"])
        pages[f"matrix/{topic['id']}-memo.md"] = memo_files.to_markdown(table)
        pages[f"matrix/{topic['id']}-memo.csv"] = memo_files.to_csv(table)
        pages[f"matrix/{topic['id']}-memo.docx"] = {"base64": b64encode(memo_files.to_docx(table)).decode()}
    return {"pages": pages, "topics": [{"id": t["id"], "label": t["label"]} for t in matrix["topics"]]}


def _check_matrix_files(corpus: Corpus) -> None:
    from lawdiff.matrix.annotations import load_annotations
    from lawdiff.matrix.topics import load_topics

    load_annotations(corpus.root, load_topics(corpus.root), corpus.entries)  # no annotations.toml is none


def _matrix_key(code: str, corpus: Corpus, sources: dict) -> str | None:
    """The matrix reads the manifest, topics, annotations and every text: all are in its key."""
    topics = corpus.root / "topics.toml"
    if not topics.exists():
        return None
    from lawdiff.site.session_index import paged
    from lawdiff.site.session_topics import curated
    if paged(corpus) and not curated(corpus.root, corpus.entries):
        return None  # a session without curated instruments: its topic pages, no matrix
    h = hashlib.sha256(code.encode() + b"\0matrix\0")
    for name in ("instruments.toml", "topics.toml", "annotations.toml"):
        path = corpus.root / name
        h.update(name.encode() + b"\0" + (read_regular(path) if path.exists() else b"") + b"\0")
    h.update(_canonical(sorted((i, s["sha256"]) for i, s in sources.items())))
    return h.hexdigest()


def _run_batch(cache_root: str, batch: list[tuple[str, dict]]) -> list[dict]:
    """Render a batch of pages into the cache (workers write the pages themselves, so
    only the small index infos travel back to the parent)."""
    cache = Cache(Path(cache_root))
    infos = []
    for key, spec in batch:
        result = render_job(spec)
        for n, page in result.pop("extra", {}).items():  # a long text's later parts, before the page that marks it done
            cache.put(f"{key}-{n}", {"html": page, "info": {}})
        cache.put(key, result)
        infos.append(result["info"])
    return infos


# -- the cache -------------------------------------------------------------------

class Cache:
    """Rendered pages by content hash: ``<key>.html``, and ``<key>.json`` for what the index
    needs of a page (written first: the page's file marks the entry complete)."""

    def __init__(self, root: Path):
        self.root = root

    def _paths(self, key: str) -> tuple[Path, Path]:
        folder = self.root / key[:2]
        return folder / f"{key}.html", folder / f"{key}.json"

    def get(self, key: str) -> tuple[Path, dict] | None:
        html, info = self._paths(key)
        if not html.exists():
            return None
        try:
            return html, json.loads(info.read_text(encoding="utf-8")) if info.exists() else {}
        except (OSError, ValueError):
            return None

    def put(self, key: str, result: dict) -> Path:
        from lawdiff.files import write_atomic
        html, info = self._paths(key)
        html.parent.mkdir(parents=True, exist_ok=True)
        if result["info"]:
            write_atomic(info, _canonical(result["info"]))
        page = result["html"]  # text, or the bytes of a download (a Word file)
        write_atomic(html, page if isinstance(page, bytes) else page.encode("utf-8"))
        return html


# -- the build -------------------------------------------------------------------

def _sources(corpus: Corpus) -> dict[str, dict]:
    sources = {}
    for entry in corpus.with_text():
        path = corpus.raw_path(entry)
        data = read_regular(path, MAX_BYTES)
        sha = hashlib.sha256(data).hexdigest()
        if entry.get("sha256") and entry["sha256"] != sha:
            raise LawdiffError(path, f"sha256 {sha} does not match the manifest's {entry['sha256']}")
        sources[entry["id"]] = {"path": str(path), "sha256": sha, "entry": entry}
    return sources


def _specs(corpus: Corpus, sources: dict, found: list[Comparison], matrices: bool,
           printer: Callable[[], str | None] = lambda: None) -> list[tuple[str, dict]]:
    """(output path, spec) of every page rendered from the documents; ``matrices``: the
    site has matrix pages, which every header then links to; ``printer()``: the Chromium
    that prints each redline's PDF (asked only when there is a redline), None for no PDFs."""
    from lawdiff.site.search import topic_terms
    from lawdiff.site.steps import version_steps
    pages = []
    from lawdiff.site import session_index, session_topics
    locate = session_topics.topics_key(corpus.root) if session_index.paged(corpus) else None
    if locate:  # a bad topics file stops the build here, in one line, before any page is rendered
        from lawdiff.matrix.topics import load_topics
        load_topics(corpus.root)
    terms = topic_terms(corpus.root) if matrices or locate else []  # the topics' phrases: search synonyms
    published = {c.slug for c in found}
    steps = version_steps(corpus, published)  # each text's version graph, as steps
    from lawdiff.diff.lineage import chain
    from lawdiff.parse.provisions import instrument_name
    links = history.version_links(corpus)  # once: per text, it made planning a session quadratic
    related_of: dict[str, list[dict]] = {}  # each text's redlines, in the comparisons' order
    for c in found:
        for side in dict.fromkeys((c.old.id, c.new.id)):
            related_of.setdefault(side, []).append({"slug": c.slug, "label": c.label})
    for id_, source in sources.items():
        related = related_of.get(id_, [])
        actions = history.load(corpus, corpus.entries[id_]) or []
        spec = {"page": "instrument", "doc": source, "related": related, "matrices": matrices, "topics": terms,
                "history": actions, "official": history.official_status(corpus, corpus.entries[id_], actions),
                "measure": history.measure(corpus, id_, links)}
        if id_ in steps:
            spec["steps"] = steps[id_]
        if len(versions := chain(corpus, id_)[-LINEAGE_TEXTS:]) > 1 and all(v in sources for v in versions):
            # the texts it was drawn from: each provision's history is part of the page (and of its key)
            spec["lineage"] = {"versions": [sources[v] for v in versions[:-1]],
                               "labels": [instrument_name(corpus.entries[v]) for v in versions],
                               "redlines": [s if (s := f"{a}--{b}") in published else None
                                            for a, b in zip(versions, versions[1:])]}
        if locate:  # a session's topic pages: the topics' provisions, located with the page
            spec["locate"] = locate
        if corpus.entries[id_].get("amendments"):
            from lawdiff.load import amendments
            spec["amendments"] = amendments.load(corpus, corpus.entries[id_])
        pages.append((f"instruments/{id_}.html", spec))
    from lawdiff.render.parallel_html import different_instruments, topic_provisions
    for c in found:
        spec = {"page": "redline", "label": c.label, "slug": c.slug, "old": sources[c.old.id], "new": sources[c.new.id],
                "old_eid": c.old.eid, "new_eid": c.new.eid, "matrices": matrices, "relation": [c.relation, c.words]}
        if different_instruments(corpus, c):  # side by side, not a redline
            # the two texts are parsed here, in the plan: the matrix decides which provisions stand
            spec["parallel"] = topic_provisions(corpus, c, lambda iid: _document(sources[iid])) or {
                "topic": None, "old": [c.old.eid] if c.old.eid else [], "new": [c.new.eid] if c.new.eid else []}
            pages.append((f"redlines/{c.slug}.html", spec))
            continue
        # the redline's Word file (tracked changes), its printed PDF and its change model,
        # linked from the page; the downloads' specs leave out the links (not part of them)
        downloads = {"docx": {**spec, "page": "redline-docx"}}
        if printer():  # the Chromium and its fonts are in the key: another of either prints other bytes
            downloads["pdf"] = {**spec, "page": "redline-pdf", "printer": printer()}
        downloads["json"] = {**spec, "page": "redline-json"}
        spec["downloads"] = [[_DOWNLOADS[ext][0], f"{c.slug}.{ext}", _DOWNLOADS[ext][1]] for ext in downloads]
        pages.append((f"redlines/{c.slug}.html", spec))
        pages += [(f"redlines/{c.slug}.{ext}", download) for ext, download in downloads.items()]
    return pages


_DOWNLOADS = {"docx": ("Word", "tracked changes"), "pdf": ("PDF", "the printed layout"),
              "json": ("JSON", "the change model")}


def _key(code: str, spec: dict) -> str:
    """The spec without file paths (they do not change the page), plus the code."""
    def strip(obj):
        if isinstance(obj, dict):
            return {k: strip(v) for k, v in obj.items() if k != "path"}
        if isinstance(obj, list):
            return [strip(v) for v in obj]
        return obj
    return hashlib.sha256(code.encode() + b"\0" + _canonical(strip(spec))).hexdigest()


def _neighbourhood(spec: dict, order: dict) -> tuple:
    """Render a document's page next to the redlines that read it, so a batch parses it once."""
    if spec["page"] == "instrument":
        return (order[spec["doc"]["entry"]["id"]], 0)
    return (order[spec["new"]["entry"]["id"]], 1)


def _render_missing(missing: list[tuple[str, dict]], cache: Cache, jobs: int, progress) -> None:
    """Render every (key, spec) into the cache, in parallel when there is enough to do."""
    if len(missing) < IN_PROCESS_MAX or jobs <= 1:
        for item in missing:
            _run_batch(str(cache.root), [item])
            progress(1)
        return
    batches = _batches(missing, max(1, min(16, len(missing) // (jobs * 8))))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_die_with_parent)
    try:
        futures = {pool.submit(_run_batch, str(cache.root), b): len(b) for b in batches}
        for future in as_completed(futures):
            future.result()
            progress(futures[future])
    except BaseException:  # a page failed, or the build was stopped: the workers stop too
        _stop(pool)
        raise
    pool.shutdown()


def _batches(items: list[tuple[str, dict]], size: int) -> list[list[tuple[str, dict]]]:
    """Batches of about ``size`` neighbouring pages, which share documents: a worker parses each
    one once.  A redline's page and its downloads stay in one batch, so one worker compares the
    two texts once for all of them (cut at a fixed size, a quarter of the redlines of a
    generated corpus were compared twice, in two workers)."""
    def group(spec: dict):
        return _model_key(spec) if spec["page"].startswith("redline") and not spec.get("parallel") else None

    batches: list[list[tuple[str, dict]]] = []
    for item in items:
        if batches and (len(batches[-1]) < size or
                        (group(item[1]) is not None and group(item[1]) == group(batches[-1][-1][1]))):
            batches[-1].append(item)
        else:
            batches.append([item])
    return batches


def _die_with_parent() -> None:
    """Worker initializer: a worker ends when the build's process ends, however it ends (TERM,
    KILL, a crash), instead of rendering on for nobody."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not a handler inherited from the parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    if sys.platform.startswith("linux"):
        try:  # the kernel sends SIGTERM when the parent dies
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    parent = multiprocessing.parent_process()
    if parent is not None and not parent.is_alive():  # it died before prctl took effect
        os._exit(1)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now: ``shutdown()`` would wait for the pages they are rendering."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _replace_dir(tmp: Path, out_dir: Path) -> None:
    """Put the new site ``tmp`` at ``out_dir`` with no moment without a site there: on Linux
    the two folders are exchanged in one step (renameat2), and two builds finishing at once
    each exchange in turn; elsewhere, two renames."""
    for _ in range(10):
        if out_dir.exists():
            if _exchange(tmp, out_dir):
                shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous site
                return
            old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
            try:
                os.rename(out_dir, old)
            except FileNotFoundError:
                continue  # another build moved it away just now
        else:
            old = None
        try:
            os.rename(tmp, out_dir)
        except OSError as e:
            if e.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                if old is not None and not out_dir.exists():
                    os.rename(old, out_dir)
                    old = None
                raise LawdiffError(out_dir, f"cannot put the new site here: {e.strerror or e}") from None
            continue  # another build put its site there first: replace that one
        finally:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        return
    raise LawdiffError(out_dir, "other builds kept replacing it; try again")


_RENAME_EXCHANGE = 2  # <linux/fs.h>
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    # Any failure (a file system without it, b just moved away) falls back to the renames,
    # which report a real problem themselves.
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _remove_stale(out_dir: Path) -> None:
    """Remove the temporary and old folders of builds that were killed (their process is gone)."""
    pattern = re.compile(rf"^\.{re.escape(out_dir.name)}\.(?:tmp|old)-(\d+)$")
    try:
        names = os.listdir(out_dir.parent)
    except OSError:
        return
    for name in names:
        m = pattern.match(name)
        path = out_dir.parent / name
        if m and not _alive(int(m.group(1))) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process: not ours to judge
    return True


def check_out_dir(out_dir: Path, corpus_root: Path) -> Path:
    """``out_dir`` as an absolute path, refused when replacing it would replace the corpus,
    the current folder, or a folder holding either (``--out .``, ``--out ..``, ``--out ~``)."""
    out_dir = Path(os.path.abspath(out_dir))
    resolved = out_dir.resolve()
    for what, folder in (("the corpus folder", corpus_root), ("the current folder", Path.cwd())):
        folder = folder.resolve()
        if resolved == folder or resolved in folder.parents:
            raise LawdiffError(out_dir, f"is {what} or holds it; the site needs a folder of its own, like build/")
    if out_dir.is_symlink():  # the swap would replace the link, not the folder it names
        raise LawdiffError(out_dir, "is a symbolic link; name the folder itself")
    if out_dir.exists() and not out_dir.is_dir():
        raise LawdiffError(out_dir, f"is {file_type(os.stat(out_dir).st_mode)}, not a folder")
    return out_dir


@dataclass
class Plan:
    """What a build will publish: every page's spec and cache key, decided before anything is rendered."""

    sources: dict[str, dict]  # corpus id -> its raw file and entry
    comparisons: list[Comparison]
    pages: list[tuple[str, dict]]  # (path in the site, spec of its render job)
    keys: list[str]  # each page's cache key: its spec and the code that renders it
    matrix_key: str | None  # None: no topics, no matrix pages
    no_pdf: str | None = None  # PDFs were asked for and there is no Chromium to print them: why


def plan(corpus: Corpus, code: str, pdf: bool = True) -> Plan:
    """The pages of the site of ``corpus``; a bad topic or annotation file stops the build here,
    before any page is rendered.  ``pdf``: each redline page offers its PDF, where a Chromium runs."""
    sources = _sources(corpus)
    found = comparisons(corpus)
    matrix_key = _matrix_key(code, corpus, sources)
    if matrix_key:
        _check_matrix_files(corpus)
    found_printer: dict[str, str | None] = {}

    def printer() -> str | None:
        if pdf and "version" not in found_printer:
            from lawdiff.render.pdf import printer as chromium_version
            try:
                found_printer["version"] = chromium_version()
            except LawdiffError as e:
                found_printer["version"], found_printer["why"] = None, str(e)
        return found_printer.get("version")

    pages = _specs(corpus, sources, found, matrices=matrix_key is not None, printer=printer)
    return Plan(sources, found, pages, [_key(code, spec) for _, spec in pages], matrix_key, found_printer.get("why"))


def render(site: Plan, cache: Cache, jobs: int,
           progress: Callable[[int, int], None] | None = None) -> tuple[dict[str, tuple], int]:
    """Render the pages the cache lacks (in worker processes); returns key -> (cached file, info)
    for every page, and how many were rendered.  ``progress(done, total)`` is called as pages finish."""
    hits = {k: cache.get(k) for k in site.keys}
    order = {id_: i for i, id_ in enumerate(site.sources)}
    todo = sorted(((k, spec) for (_, spec), k in zip(site.pages, site.keys) if hits[k] is None),
                  key=lambda item: _neighbourhood(item[1], order))
    done = 0

    def finished(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, len(todo))

    _render_missing(todo, cache, jobs, finished)
    for k in site.keys:
        if hits[k] is None:
            hits[k] = cache.get(k)
            if hits[k] is None:
                raise LawdiffError(cache.root, f"page {k} missing from the cache after rendering")
    return hits, len(todo)


def assemble(site: Plan, hits: dict, cache: Cache, corpus: Corpus, tmp: Path, *, search: bool, jobs: int,
             report: BuildReport) -> None:
    """Write the whole site into ``tmp``: the rendered pages, the static files, the matrix pages,
    the search index and the index page."""
    from lawdiff.render.index_html import render_index

    (tmp / MARKER).write_text("lawdiff site build; replaced whole by the next build\n")
    for (path, _), k in zip(site.pages, site.keys):
        if hits[k][1].get("skipped"):  # a download that could not be made; its page does not link it
            report.problems.append(hits[k][1]["skipped"])
            continue
        copy_file(hits[k][0], tmp / path)  # a page from the cache into the new site, a file of its own
        for n in range(2, hits[k][1].get("parts", 1) + 1):  # a long text's later parts
            copy_file(cache.root / k[:2] / f"{k}-{n}.html", tmp / path.replace(".html", f"-{n}.html"))
    (tmp / "static").mkdir()
    for name in STATIC_FILES:
        shutil.copyfile(STATIC / name, tmp / "static" / name)
    infos = {path: hits[k][1] for (path, _), k in zip(site.pages, site.keys)}
    matrices = []
    if site.matrix_key:
        matrix = cache.get(site.matrix_key)
        if matrix is None:
            result = render_matrix_pages(str(corpus.root), site.sources)
            matrix = (cache.put(site.matrix_key, {"html": "", "info": result}), result)
            report.rendered += len(result["pages"])
        else:
            report.cached += len(matrix[1]["pages"])
        for path, html in matrix[1]["pages"].items():
            (tmp / path).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(html, dict):  # a binary download (the memo's Word file)
                from base64 import b64decode
                (tmp / path).write_bytes(b64decode(html["base64"]))
            else:
                (tmp / path).write_text(html, encoding="utf-8")
        report.pages += len(matrix[1]["pages"])
        matrices = [{"href": "matrix/index.html", "label": "Overview: every topic against every instrument"}] + [
            {"href": f"matrix/{t['id']}.html", "label": t["label"]} for t in matrix[1]["topics"]]
    # the session citator: every bill's instructions, kept in its page's info (citator_pages.py)
    from lawdiff.site.citator_pages import write_pages as write_citator
    citator = write_citator(tmp, corpus, site.pages, infos)
    report.pages += citator
    report.rendered += citator  # written by every build, like the index page
    found_search = None
    if search:
        from lawdiff.site.search import build_search
        t = time.perf_counter()
        # a redline goes to its old document's shard: one changed bill re-indexes few shards
        indexed = [(spec["doc"]["entry"]["id"] if spec["page"] == "instrument" else spec["old"]["entry"]["id"],
                    path, k, hits[k][0]) for (path, spec), k in zip(site.pages, site.keys) if path.endswith(".html")]
        indexed += [(spec["doc"]["entry"]["id"] if spec["page"] == "instrument" else spec["old"]["entry"]["id"],
                     path.replace(".html", f"-{n}.html"), f"{k}-{n}",
                     cache.root / k[:2] / f"{k}-{n}.html")  # a long page's later parts, in its shard
                    for (path, spec), k in zip(site.pages, site.keys) for n in range(2, hits[k][1].get("parts", 1) + 1)]
        if site.matrix_key:  # the topic pages (their key: the matrix's and the page's path)
            indexed += [(path, path, hashlib.sha256(f"{site.matrix_key}\0{path}".encode()).hexdigest(), tmp / path)
                        for path in matrix[1]["pages"] if path.endswith(".html") and path != "matrix/index.html"]
        found_search = build_search(tmp, indexed, cache.root, jobs)
        report.timings["search"] = time.perf_counter() - t
        if found_search:
            report.search = True
            report.search_shards, report.search_built = found_search.shards, found_search.built
    documents = _session_pages(corpus, site, infos, tmp, bool(matrices), report)
    (tmp / "index.html").write_text(
        render_index(corpus, site.comparisons, infos, search=found_search is not None,
                     merge=found_search.merge if found_search else [], matrices=matrices, citator=bool(citator),
                     documents=documents),
        encoding="utf-8")
    report.pages += len(site.pages) + 1
    report.rendered += 1


def _session_pages(corpus: Corpus, site: Plan, infos: dict, tmp: Path, has_matrices: bool,
                   report: BuildReport) -> dict | None:
    """A session's paged index and topic pages (``site/session_index.py``, ``site/session_topics.py``);
    what the index page says of them, or None for a corpus listed on the index page itself."""
    from lawdiff.site import session_index, session_topics
    if not session_index.paged(corpus):
        return None
    located = {spec["doc"]["entry"]["id"]: infos[path] for path, spec in site.pages
               if spec["page"] == "instrument" and spec.get("locate")}
    topics = []
    files = {}
    if any(spec.get("locate") for _, spec in site.pages):
        files.update(session_topics.pages(corpus, located, has_matrices=has_matrices))
        from lawdiff.matrix.topics import load_topics
        topics = [{"id": t.id, "label": t.label} for t in load_topics(corpus.root).values()]
    files.update(session_index.pages(corpus, has_matrices=has_matrices, topics=topics))
    for path, text in files.items():
        (tmp / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp / path).write_text(text, encoding="utf-8")
    report.pages += len(files)
    report.rendered += len(files)
    return {"total": len(corpus.entries), "per_page": session_index.PAGE_SIZE,
            "pages": -(-len(corpus.entries) // session_index.PAGE_SIZE), "topics": topics}


def build_site(corpus: Corpus, out_dir: Path | str = "build", *, jobs: int | None = None, search: bool = True,
               pdf: bool = True, cache_dir: Path | str | None = None,
               progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Build the site of ``corpus`` into ``out_dir``, replaced whole or not at all; returns what
    was done.  ``progress(done, total)`` hears of each page rendered.  ``pdf``: print each
    redline's PDF with headless Chromium; where none runs, the site is built without them
    (no link to a PDF anywhere) and ``BuildReport.no_pdf`` says why."""
    start = time.perf_counter()
    out_dir = check_out_dir(Path(out_dir), corpus.root)
    if out_dir.exists() and not (out_dir / MARKER).exists() and any(out_dir.iterdir()):
        raise LawdiffError(out_dir, "exists and is not a lawdiff build; not replacing it")
    if not out_dir.parent.is_dir():
        raise LawdiffError(out_dir, f"folder {out_dir.parent} does not exist")
    _remove_stale(out_dir)
    cache = Cache(Path(cache_dir) if cache_dir else out_dir.parent / ".cache" / "lawdiff-build")
    jobs = jobs or os.cpu_count() or 1
    report = BuildReport(out_dir=out_dir)

    site = plan(corpus, code_fingerprint(), pdf=pdf)
    report.no_pdf = site.no_pdf
    report.timings["plan"] = time.perf_counter() - start
    hits, rendered = render(site, cache, jobs, progress)
    report.rendered, report.cached = rendered, len(site.pages) - rendered
    report.timings["render"] = time.perf_counter() - start - report.timings["plan"]

    tmp = out_dir.with_name(f".{out_dir.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir()
        assemble(site, hits, cache, corpus, tmp, search=search, jobs=jobs, report=report)
        _replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report.seconds = time.perf_counter() - start
    return report
