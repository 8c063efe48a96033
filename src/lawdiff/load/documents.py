"""Load an instrument by corpus id or path: bytes -> read -> parse -> ``Document``."""

from __future__ import annotations

from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.files import read_regular
from lawdiff.gcpause import no_cycle_collector
from lawdiff.load.manifest import Corpus, default_corpus_dir
from lawdiff.parse.line_text import LineText, pack
from lawdiff.parse.structure import parse_units
from lawdiff.parse.units import units as units_of
from lawdiff.read import MAX_BYTES, Reading, read
from lawdiff.read.xmlhead import foreign_xml_root, is_akn, refuse_internal_subset
from lawdiff.parse.tree import Document

# hashlib's sha256 is OpenSSL's: importing hashlib maps libcrypto, 3.5 MiB resident in every
# ``lawdiff diff`` for the one digest a file needs (issue 26: memory).  CPython's own (``_sha2``
# from 3.12, ``_sha256`` before) gives the same digest, more slowly (75 ms for an 8.7 MB file
# against 9, of the 2.5 s loading it takes); hashlib's is the fallback where neither is built.
try:
    from _sha2 import sha256 as _sha256
except ImportError:
    try:
        from _sha256 import sha256 as _sha256
    except ImportError:
        from hashlib import sha256 as _sha256


def parse_bytes(data: bytes, source: object, meta: dict | None = None, sha256: str | None = None) -> Document:
    """Parse the bytes of one instrument; ``meta`` is its manifest entry, if it has one;
    ``sha256``: the hash of ``data``, when the caller has just computed it (it is not computed twice)."""
    return _parse_held([data], source, meta, sha256)


def _parse_held(held: list[bytes], source: object, meta: dict | None, sha256: str | None) -> Document:
    """``parse_bytes`` of ``held``'s one item, which it takes out: where the caller keeps no other
    reference (``load_document``), the file's bytes are let go once read, not held through the
    parse (8 MB at 30,000 sections; issue 26: memory)."""
    # Reading and parsing make many small objects that live on (lines, units, the tree), and few
    # cycles; the collector's full passes would walk them all, and any document loaded before,
    # again and again for little to collect (a tenth of loading at 30,000 sections). Paused here,
    # it collects whatever cycles were left once it is restored.
    with no_cycle_collector():
        return _parse_bytes(held, source, meta, sha256)


def _parse_bytes(held: list[bytes], source: object, meta: dict | None, sha256: str | None) -> Document:
    data = held.pop()
    refuse_internal_subset(data, source)
    if is_akn(data):
        from lawdiff.read.akn import read_akn  # lxml: imported for an AKN file only (issue 26: memory)

        return read_akn(data, source, meta)  # already a tree: no line reading or parsing
    if root := foreign_xml_root(data):
        raise LawdiffError(source, f"XML with root <{root}>, not Akoma Ntoso (root <akomaNtoso>)")
    meta = dict(meta or {})
    meta.pop("fetched", None)  # when a file was downloaded is no part of the document: output stays reproducible
    sha256 = sha256 or _sha256(data).hexdigest()
    reading = read(data, source)
    del data
    # What the tree does not need of the reading is taken first (its line texts, packed: 1.2 MB at
    # 30,000 sections where the dict is 5) and its lines let go before the tree is built: a Line and
    # a source position each, 12 MB there, were held through the parse (issue 26: memory).
    lines = line_text(reading)
    packed = pack(lines)
    if packed:
        del lines
    units = units_of(reading)
    found, line_numbers, body_only = reading.meta, reading.line_numbers, reading.body_only
    del reading
    tree, facts = parse_units(units, meta.get("kind") or found.get("kind"), body_only)
    del units
    meta.setdefault("id", Path(str(source)).stem)
    meta.setdefault("kind", facts["kind"])
    for key, value in found.items():
        meta.setdefault(key, value)  # the curated manifest wins over what the reader found
    meta["source"] = str(source)
    meta["sha256"] = sha256
    meta["line_numbers"] = line_numbers
    meta["structure"] = facts["structure"]
    if facts["warnings"]:
        meta["warnings"] = facts["warnings"]
    if packed:
        # The lines' words as places in the tree's words, where they are the same words (not kept twice).
        compact = LineText.derive_packed(*packed, tree)
        if compact is not None:
            return Document(meta=meta, tree=tree, line_text=compact)
        lines = dict(zip(*packed))
    return Document(meta=meta, tree=tree, line_text=lines)


def line_text(reading: Reading) -> dict[int, str]:
    """Line number -> the words on it (``Document.line_text``): the printed number where the source
    prints them, else the line's place in the source; lines without words are left out."""
    printed = reading.line_numbers == "printed"
    out: dict[int, str] = {}
    for line in reading.lines:
        number = line.number if printed else line.src
        if number is not None and line.text:
            out[number] = f"{out[number]} {line.text}" if number in out else line.text
    return out


def load_document(ref: str, corpus: Corpus | None = None) -> Document:
    """``ref`` is a file path or a corpus id (``193-h2288``)."""
    path = Path(ref)
    if path.is_file():
        if corpus is None:
            corpus = _try_corpus()
        entry = corpus.entry_for_path(path) if corpus else None
        return _parse_held([_read_bytes(path)], path, entry, None)
    if path.exists():
        raise LawdiffError(ref, "not a file")
    if corpus is None:
        corpus = _try_corpus()
    entry = corpus.entries.get(ref) if corpus else None
    if entry is None:
        root = corpus.root if corpus else default_corpus_dir()
        if corpus is None or not (root / "instruments.toml").is_file():
            raise LawdiffError(ref, f"no such file or corpus id (no corpus found: no {root / 'instruments.toml'}; "
                                    "--corpus DIR names one)")
        raise LawdiffError(ref, "no such file or corpus id")
    raw = corpus.raw_path(entry)
    if raw is None:
        raise LawdiffError(ref, f"no text in the corpus yet (lawdiff fetch {ref} downloads it)")
    held = [_read_bytes(raw)]
    actual = _sha256(held[0]).hexdigest()
    if entry.get("sha256") and entry["sha256"] != actual:
        raise LawdiffError(raw, f"sha256 {actual} does not match the manifest's {entry['sha256']}")
    return _parse_held(held, raw, entry, actual)


def _read_bytes(path: Path) -> bytes:
    return read_regular(path, MAX_BYTES)


def _try_corpus() -> Corpus | None:
    try:
        return Corpus.load()
    except LawdiffError:
        return None
