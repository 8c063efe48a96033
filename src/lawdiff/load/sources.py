"""Where a General Court's records come from: the legislature's API, or a folder of its saved answers.

One interface, so the session import and the version walk have one code path: ``names()``
(every document of the session), ``record_bytes(name)``, ``history_bytes(name)``,
``pdf_bytes(name)``, ``session_laws_bytes(year)`` answer the bytes as sent, or None when the
source has no such thing; ``record``, ``history``, ``session_law`` parse them.  A folder is
in the layout of ``sessions/193``: ``documents/<Bill>.json``, ``history/<Bill>.json``,
``pdf/<Bill>.pdf``, ``sessionlaws-<year>.json``.  Anything malformed is a ``LawdiffError``
naming the file or URL.
"""

from __future__ import annotations

import re
from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.files import read_regular
from lawdiff.load import api, net

MAX_BYTES = 64 * 1024 * 1024
_NAME = re.compile(r"^[HS]\d{1,5}$")
_NOT_FOUND = re.compile(r"^HTTP 404\b")


class Source:
    """What both sources share: parsing and checking the bytes."""

    court: int

    def where(self, what: str, name: str) -> str:
        raise NotImplementedError

    def record(self, name: str) -> dict | None:
        data = self.record_bytes(name)
        if data is None:
            return None
        value = json_answer(data, self.where("record", name))
        if not isinstance(value, dict):
            raise LawdiffError(self.where("record", name), f"not a document record (a JSON {type(value).__name__})")
        return value

    def history(self, name: str) -> list | None:
        data = self.history_bytes(name)
        if data is None:
            return None
        value = json_answer(data, self.where("history", name))
        if not isinstance(value, list):
            raise LawdiffError(self.where("history", name), f"a history is a JSON list, not {type(value).__name__}")
        return value

    def session_laws(self, year: int) -> list | None:
        if year not in self._laws:
            data = self.session_laws_bytes(year)
            value = None if data is None else json_answer(data, self.where("session laws", str(year)))
            if value is not None and not isinstance(value, list):
                raise LawdiffError(self.where("session laws", str(year)), "the session laws of a year are a JSON list")
            self._laws[year] = value
        return self._laws[year]

    def session_law(self, year: int, chapter: int) -> dict | None:
        for law in self.session_laws(year) or []:
            if isinstance(law, dict) and str(law.get("ChapterNumber", "")).strip() == str(chapter) \
                    and law.get("Type", "Acts") == "Acts":
                return law
        return None

    def has_text(self, name: str, record: dict | None) -> bool:
        if name.startswith("acts-"):
            return isinstance(record, dict) and isinstance(record.get("ChapterText"), str) \
                and bool(record["ChapterText"].strip())
        if isinstance(record, dict) and isinstance(record.get("DocumentText"), str) and record["DocumentText"].strip():
            return True
        return self.has_pdf(name)


class FolderSource(Source):
    """``only``: answer for these documents alone (a family of a saved session)."""

    def __init__(self, folder: Path | str, court: int, only: list[str] | None = None):
        self.folder, self.court, self._laws, self.only = Path(folder), court, {}, only
        if not (self.folder / "documents").is_dir():
            raise LawdiffError(self.folder, "not a saved session (no documents/ folder)")
        self._pdfs = {p.stem for p in (self.folder / "pdf").glob("*.pdf")} if (self.folder / "pdf").is_dir() else set()

    def where(self, what: str, name: str) -> str:
        sub = {"record": "documents", "history": "history"}.get(what)
        return str(self.folder / sub / f"{name}.json") if sub else str(self.folder / f"sessionlaws-{name}.json")

    def names(self) -> list[str]:
        return sorted((p.stem for p in (self.folder / "documents").glob("*.json") if _NAME.match(p.stem)
                       and (self.only is None or p.stem in self.only)), key=lambda n: (n[0], int(n[1:])))

    def _read(self, path: Path) -> bytes | None:
        if self.only is not None and path.parent.name != self.folder.name and path.stem.split(".")[0] not in self.only:
            return None
        return read_regular(path, MAX_BYTES) if path.is_file() else None

    def record_bytes(self, name: str) -> bytes | None:
        return self._read(self.folder / "documents" / f"{name}.json")

    def history_bytes(self, name: str) -> bytes | None:
        return self._read(self.folder / "history" / f"{name}.json")

    def has_pdf(self, name: str) -> bool:
        return name in self._pdfs and (self.only is None or name in self.only)

    def pdf_bytes(self, name: str) -> bytes | None:
        return self._read(self.folder / "pdf" / f"{name}.pdf") if name in self._pdfs else None

    def pdf_where(self, name: str) -> str:
        return str(self.folder / "pdf" / f"{name}.pdf")

    def session_laws_bytes(self, year: int) -> bytes | None:
        return self._read(self.folder / f"sessionlaws-{year}.json")


class ApiSource(Source):
    """The legislature's API (``base``: a mirror or a loopback stand-in).  A 404 is "none"."""

    def __init__(self, court: int, base: str | None = None, max_bytes: int = api.MAX_BYTES,
                 timeout: float = api.TIMEOUT):
        api.document_url(court, "H1")  # a court out of range is refused before asking
        self.court, self.base, self.max_bytes, self.timeout, self._laws = court, base, max_bytes, timeout, {}
        self._pdf: dict[str, bytes | None] = {}

    def where(self, what: str, name: str) -> str:
        if what == "record":
            return api.document_url(self.court, name, self.base)
        if what == "history":
            return api.history_url(self.court, name, self.base)
        return api.session_laws_url(int(name), self.base)

    def _get(self, url: str, accept: str | None = "application/json") -> bytes | None:
        try:
            return net.get(url, self.max_bytes, self.timeout, **({"accept": accept} if accept else {})).content
        except LawdiffError as e:
            if _NOT_FOUND.search(e.problem):
                return None
            raise

    def names(self) -> list[str]:
        url = net.rebase(f"{api.API}/GeneralCourts/{self.court}/Documents", self.base)
        data = self._get(url)
        value = json_answer(data, url) if data is not None else []
        if not isinstance(value, list):
            raise LawdiffError(url, "the list of a session's documents is a JSON list")
        names = []
        for item in value:
            number = item.get("BillNumber") if isinstance(item, dict) else item
            if isinstance(number, str) and _NAME.match(number.strip().upper()):
                names.append(number.strip().upper())
        return sorted(dict.fromkeys(names), key=lambda n: (n[0], int(n[1:])))

    def record_bytes(self, name: str) -> bytes | None:
        return self._get(self.where("record", name))

    def history_bytes(self, name: str) -> bytes | None:
        return self._get(self.where("history", name))

    def pdf_where(self, name: str) -> str:
        return net.rebase(f"https://malegislature.gov/Bills/{self.court}/{name}.pdf", self.base)

    def pdf_bytes(self, name: str) -> bytes | None:
        if name not in self._pdf:
            self._pdf[name] = self._get(self.pdf_where(name), None)
        return self._pdf[name]

    def has_pdf(self, name: str) -> bool:
        return self.pdf_bytes(name) is not None

    def session_laws_bytes(self, year: int) -> bytes | None:
        return self._get(self.where("session laws", str(year)))


def json_answer(data: bytes, where: str):
    """``data`` as JSON; whatever Python's reader raises on (malformed, over-long integers, deep
    nesting, lone surrogates) is one line naming ``where`` (``read.api.loads``)."""
    from lawdiff.read.api import loads
    try:
        return loads(data, where)
    except LawdiffError as e:
        raise LawdiffError(where, f"not JSON ({e.problem})") from None


class CorpusSource(Source):
    """The records a corpus holds: each entry of General Court ``court`` (by its number) with its
    API record (``path`` in format ``api-json``, or ``record`` beside a printed text) and its
    ``history``; a session law's entry with its record.  What the corpus lacks is None."""

    def __init__(self, corpus, court: int):
        self.corpus, self.court, self._laws = corpus, court, {}
        self._by_name: dict[str, dict] = {}
        for entry in corpus.entries.values():
            number = str(entry.get("number") or "").replace(".", "").replace(" ", "").upper()
            if entry.get("session") == court and _NAME.match(number):
                self._by_name.setdefault(number, entry)
            elif entry.get("kind") == "act" and (m := re.match(r"^Chapter (\d{1,4}) of the Acts of (\d{4})$",
                                                                 entry.get("number") or "")):
                self._by_name.setdefault(f"acts-{int(m.group(2))}-{int(m.group(1))}", entry)

    def where(self, what: str, name: str) -> str:
        return f"{self.corpus.root}: {name}"

    def entry(self, name: str) -> dict | None:
        return self._by_name.get(name)

    def ids(self) -> dict[str, str]:
        """The API's name of each document and chapter the corpus holds -> its manifest id."""
        return {name: entry["id"] for name, entry in self._by_name.items()}

    def _file(self, entry: dict | None, key: str) -> bytes | None:
        path = self.corpus.root / entry[key] if entry and entry.get(key) else None
        return read_regular(path, MAX_BYTES) if path is not None and path.is_file() else None

    def record_bytes(self, name: str) -> bytes | None:
        entry = self._by_name.get(name)
        if entry and entry.get("record"):
            return self._file(entry, "record")
        return self._file(entry, "path") if entry and entry.get("format") == "api-json" else None

    def history_bytes(self, name: str) -> bytes | None:
        return self._file(self._by_name.get(name), "history")

    def session_law(self, year: int, chapter: int) -> dict | None:
        data = self.record_bytes(f"acts-{year}-{chapter}")
        value = json_answer(data, self.where("record", f"acts-{year}-{chapter}")) if data is not None else None
        return value if isinstance(value, dict) else None

    def has_text(self, name: str, record: dict | None) -> bool:
        entry = self._by_name.get(name)
        return bool(entry and entry.get("path"))

    def has_pdf(self, name: str) -> bool:
        entry = self._by_name.get(name)
        return bool(entry and entry.get("format") == "pdf" and entry.get("path"))
