"""The one HTTP layer every download goes through (bills, pages, API records).

``get`` returns the bytes at a URL or raises one ``LawdiffError`` naming the URL:
no traceback whatever the server sends.  What it guarantees, whoever answers:

- one deadline for the whole download (connecting, redirects, retries, headers and
  body): a server that sends a byte every few seconds is stopped when it runs out;
- the body is exactly as long as its Content-Length says (a download cut short is an
  error, never a shorter file) and never longer than ``max_bytes``;
- only http and https are spoken, on the first request and on every redirect;
- a redirect is followed only to the host asked (the official site, or the mirror
  ``--base-url`` names) or to an official host (``OFFICIAL_HOSTS``); and once the first
  connection reached a public address, no later one may reach a loopback, private,
  link-local or otherwise non-public address (checked on each connection's peer, so a name
  that resolves somewhere else the second time is caught too);
- 429 and 5xx answers are tried again a bounded number of times, waiting longer each
  time (or as long as Retry-After asks, when that fits in the deadline).

httpx does the HTTP itself (framing, chunked bodies, malformed answers); it has no
whole-download deadline, so a watchdog shuts the sockets down when the deadline passes.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import math
import re
import socket
import threading
import time
import urllib.parse
import zlib
from dataclasses import dataclass

import httpx

from lawdiff.errors import LawdiffError

USER_AGENT = "lawdiff (+https://github.com/lawdiff/lawdiff; fetches official texts)"
SCHEMES = ("http", "https")
MAX_REDIRECTS = 10
OFFICIAL_HOSTS = ("malegislature.gov", "mass.gov")
"""The official sites, and their subdomains (www.): redirects may lead there, on their usual ports."""
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
TRIES = 4
"""At most this many requests for one URL that keeps answering 429 or 5xx."""
BACKOFF = 1.0
"""Seconds before the second try; doubled before each later one."""


@dataclass
class Answer:
    url: str
    """Where the bytes came from, after redirects (the URL asked for when there was none)."""
    content: bytes
    content_type: str


def check_url(url: str, name: object = None) -> httpx.URL:
    """``url`` parsed, if it is an http(s) URL with a host; else a one-line error naming ``name`` (or the URL)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as e:
        raise LawdiffError(name or url, f"{_one_line(url)!r} is not a valid URL ({_one_line(e)})") from None
    if parsed.scheme not in SCHEMES:
        raise LawdiffError(name or url, f"only http and https URLs are fetched, not {parsed.scheme or 'a relative URL'}")
    if not parsed.host:
        raise LawdiffError(name or url, "URL has no host")
    return parsed


def rebase(url: str, base: str | None) -> str:
    """``url`` with its scheme and host replaced by ``base`` (a mirror, or a test server)."""
    if not base:
        return url
    check_url(base, "--base-url")
    parts = urllib.parse.urlsplit(url)
    base_parts = urllib.parse.urlsplit(base.rstrip("/"))
    return urllib.parse.urlunsplit((base_parts.scheme, base_parts.netloc, base_parts.path + parts.path,
                                    parts.query, ""))


def source_of(official: str, asked: str, final: str, base: str | None) -> str:
    """The URL to record as a text's source: ``official`` when the bytes came from where it was
    asked (``asked``: ``official`` rebased on the mirror ``base``); else where they came from
    after redirects, on the official host again when that was the mirror."""
    if final == asked:
        return official
    if base:
        parts, base_parts = urllib.parse.urlsplit(final), urllib.parse.urlsplit(base.rstrip("/"))
        if (parts.scheme, parts.netloc) == (base_parts.scheme, base_parts.netloc) \
                and parts.path.startswith(base_parts.path):
            home = urllib.parse.urlsplit(official)
            return urllib.parse.urlunsplit((home.scheme, home.netloc, parts.path[len(base_parts.path):],
                                            parts.query, ""))
    return final


def megabytes(value: float, name: str = "--max-mb") -> int:
    """A size cap in MB as bytes: a finite number of at least one byte."""
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value * 1024 * 1024 >= 1):
        raise LawdiffError(name, f"{value!r} is not a size: give a positive number of megabytes")
    return int(value * 1024 * 1024)


def check_timeout(value: float, name: str = "--timeout") -> float:
    """A deadline in seconds: finite and positive."""
    if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
        raise LawdiffError(name, f"{value!r} is not a time: give a positive number of seconds")
    return value


_COMMAND: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar("deadline", default=None)


@contextlib.contextmanager
def deadline(seconds: float):
    """Every download ``get`` starts inside ends within ``seconds`` of entering this, all
    together: ``lawdiff fetch --timeout`` bounds the command, however many downloads
    (API record, history, PDF, page; every instrument named) it takes."""
    check_timeout(seconds)
    token = _COMMAND.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _COMMAND.reset(token)


def get(url: str, max_bytes: int, timeout: float, accept: str = "*/*",
        tries: int = TRIES, backoff: float = BACKOFF) -> Answer:
    """The body at ``url`` (following redirects), within ``timeout`` seconds in all (and
    within what is left of an enclosing ``deadline``)."""
    if not (isinstance(max_bytes, int) and max_bytes >= 1):
        raise LawdiffError(url, f"{max_bytes!r} is not a size limit in bytes")
    check_timeout(timeout)
    check_url(url)
    whole = None
    if command := _COMMAND.get():
        left = command[0] - time.monotonic()
        if left <= 0:
            raise LawdiffError(url, f"not asked: the command's --timeout of {command[1]:g} s had run out")
        if left <= timeout:
            timeout, whole = left, command[1]
    with _Deadline(timeout, url, whole) as deadline, httpx.Client(
            follow_redirects=False, headers={"User-Agent": USER_AGENT, "Accept": accept, "Accept-Encoding": "identity"},
            timeout=timeout) as client:
        try:
            return _get(client, url, max_bytes, deadline, tries, backoff)
        except (httpx.HTTPError, OSError) as e:
            if deadline.expired():
                raise LawdiffError(url, deadline.problem()) from None
            raise LawdiffError(url, _problem(e)) from None


def _get(client: httpx.Client, url: str, max_bytes: int, deadline: _Deadline, tries: int, backoff: float) -> Answer:
    seen = [url]
    attempt = 0
    while True:
        with client.stream("GET", url, timeout=deadline.left(), extensions={"trace": deadline.watch}) as response:
            status = response.status_code
            if status in (301, 302, 303, 307, 308):
                url = _redirect(response, seen)
                _check_redirect_host(seen[0], url, deadline)
                continue
            if status in RETRY_STATUS and attempt + 1 < tries:
                wait = _wait(response, backoff * 2 ** attempt)
                if wait < deadline.left():
                    attempt += 1
                    response.close()
                    time.sleep(wait)
                    continue
            if not 200 <= status < 300:  # an error, or a 3xx that is no redirect (300, 304, 305)
                tried = f" (after {attempt + 1} tries)" if attempt else ""
                raise LawdiffError(seen[0] if len(seen) == 1 else f"{seen[0]} -> {url}",
                                   f"HTTP {status} {_one_line(response.reason_phrase)}{tried}".rstrip())
            data = _body(response, max_bytes, deadline)
            return Answer(url, data, response.headers.get("Content-Type", ""))


def _redirect(response: httpx.Response, seen: list[str]) -> str:
    location = response.headers.get("Location")
    if not location:
        raise LawdiffError(seen[-1], f"HTTP {response.status_code} redirect without a Location")
    try:
        target = response.url.join(location)
    except (httpx.InvalidURL, ValueError) as e:
        raise LawdiffError(seen[-1], f"redirect to a malformed URL ({_one_line(e)})") from None
    if target.scheme not in SCHEMES:
        raise LawdiffError(seen[0], f"redirected to {_one_line(location)[:200]}: only http and https redirects are followed")
    url = str(target)
    if url in seen:
        raise LawdiffError(seen[0], f"redirect loop (HTTP {response.status_code} back to {url})")
    if len(seen) > MAX_REDIRECTS:
        raise LawdiffError(seen[0], f"redirect loop (over {MAX_REDIRECTS} redirects)")
    seen.append(url)
    return url


def _origin(url: httpx.URL) -> tuple[str, int]:
    return url.host.lower(), url.port or (443 if url.scheme == "https" else 80)


def official_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_HOSTS)


def _check_redirect_host(first: str, url: str, deadline: _Deadline) -> None:
    """A redirect stays on the host and port asked (or goes from its http on port 80 to its
    https on 443) or goes to an official site on its usual port; nowhere else."""
    start, target = httpx.URL(first), httpx.URL(url)
    host, port = _origin(target)
    upgrade = host == start.host.lower() and _origin(start)[1] == 80 and (target.scheme, port) == ("https", 443)
    if _origin(start) == (host, port) or upgrade or (official_host(host) and port in (80, 443)):
        if deadline.public and _literal(host) is not None and not public_address(_literal(host)):
            raise LawdiffError(first, f"redirected to {_one_line(url)[:200]}: a public site does not send "
                                      "lawdiff to a loopback, private or link-local address")
        return
    raise LawdiffError(first, f"redirected to {_one_line(url)[:200]}: lawdiff follows redirects only on "
                              f"{start.host} or the official sites ({', '.join(OFFICIAL_HOSTS)})")


def _literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def public_address(address) -> bool:
    """An address anyone on the internet can reach: not loopback, private, link-local, shared
    (100.64/10), reserved, multicast or unspecified (an IPv4-mapped IPv6 address as its IPv4)."""
    address = ipaddress.ip_address(address)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _wait(response: httpx.Response, default: float) -> float:
    """Seconds to wait before trying again: Retry-After when it gives seconds, else ``default``."""
    after = response.headers.get("Retry-After", "").strip()
    return float(after) if after.isdigit() else default


def _body(response: httpx.Response, max_bytes: int, deadline: _Deadline) -> bytes:
    length = response.headers.get("Content-Length")
    declared = int(length) if length and length.strip().isdigit() else None
    if declared is not None and declared > max_bytes:
        raise LawdiffError(response.url, f"file is {declared:,} bytes, over the {max_bytes:,}-byte limit")
    inflater = _Inflater.for_answer(response)
    chunks, size = [], 0
    # Read as sent (httpx would inflate every coding named, whole, before the cap is counted).
    for chunk in _chain(response.iter_raw(), [b""]):
        for piece in inflater.feed(chunk, max_bytes - size + 1):
            size += len(piece)
            if size > max_bytes:
                raise LawdiffError(response.url, f"file is over the {max_bytes:,}-byte limit")
            chunks.append(piece)
        if deadline.expired():
            raise LawdiffError(response.url, deadline.problem())
    data = b"".join(chunks)
    received = response.num_bytes_downloaded  # as sent, before any decoding: what Content-Length counts
    if declared is not None and received != declared:
        raise LawdiffError(response.url, f"download cut short: {received:,} of {declared:,} bytes (Content-Length)")
    if not inflater.complete():
        raise LawdiffError(response.url, "download cut short: the compressed body ends before its end")
    if not data:
        raise LawdiffError(response.url, "empty answer")
    return data


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


class _Inflater:
    """Unpacks a body a server compressed though asked not to (``Accept-Encoding: identity``):
    one gzip or deflate layer, inflated a bounded piece at a time, so a few hundred bytes
    promising gigabytes stop at the size cap.  Any other coding, or layers of codings (a
    nested bomb), is refused: lawdiff never asked for them."""

    def __init__(self, coding: str | None, url: object = ""):
        self.coding, self.url = coding, url
        self.zlib = None if coding is None else zlib.decompressobj(
            zlib.MAX_WBITS | 16 if coding == "gzip" else zlib.MAX_WBITS)
        self.started = False

    @classmethod
    def for_answer(cls, response: httpx.Response) -> _Inflater:
        named = response.headers.get("Content-Encoding", "")
        codings = [c.strip().lower() for c in named.split(",") if c.strip().lower() not in ("", "identity")]
        if not codings:
            return cls(None)
        if len(codings) == 1 and codings[0] in _CODINGS:
            return cls(_CODINGS[codings[0]], response.url)
        raise LawdiffError(response.url, f"the answer is compressed as {_one_line(named)[:100]!r}; "
                                         "only one gzip or deflate layer is read")

    def feed(self, data: bytes, room: int):
        """The bytes ``data`` unpacks to, in pieces of at most ``room`` bytes (b"": the end)."""
        if self.zlib is None:
            if data:
                yield data
            return
        if data and not self.started and self.coding == "deflate" and (data[0] & 0x0F) != 8:
            self.zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent raw, without its zlib wrapper
        self.started = self.started or bool(data)
        while not self.zlib.eof:
            try:
                piece = self.zlib.decompress(data, room)
            except zlib.error as e:
                raise LawdiffError(self.url, f"malformed {self.coding} body ({e})") from None
            data = self.zlib.unconsumed_tail
            if not piece:
                break
            yield piece  # the caller stops once the pieces pass the cap: at most ``room`` more is made
        if self.zlib.eof and (self.zlib.unused_data or data):
            # bytes after the stream's end (a second member, a truncated or padded answer): not
            # the body the coding promised, so nothing of it is kept
            raise LawdiffError(self.url, f"bytes after the end of the {self.coding} stream; not read")

    def complete(self) -> bool:
        return self.zlib is None or self.zlib.eof


_CODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}


class _Deadline:
    """The whole download's deadline.  httpx bounds each socket operation only, so a watchdog
    thread shuts down every socket opened for the download once the deadline has passed."""

    def __init__(self, seconds: float, url: str = "", whole: float | None = None):
        self.url = url
        self.whole = whole
        """The command's --timeout, when it is what ends this download."""
        self.public: bool | None = None
        """Whether the first connection reached a public address: then every later one must."""
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.fired = False
        self.timer = threading.Timer(seconds, self._fire)
        self.timer.daemon = True

    def __enter__(self) -> _Deadline:
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.cancel()

    def left(self) -> float:
        return max(self.end - time.monotonic(), 0.001)

    def expired(self) -> bool:
        return self.fired or time.monotonic() >= self.end

    def problem(self) -> str:
        if self.whole is not None:
            return f"no complete answer within {self.whole:g} s (--timeout, for the whole command)"
        return f"no complete answer within {self.seconds:g} s (--timeout)"

    def watch(self, event: str, info: dict) -> None:
        """httpx's trace hook: note each new connection's socket."""
        if event.endswith(("connect_tcp.complete", "start_tls.complete")) and info.get("return_value") is not None:
            sock = info["return_value"].get_extra_info("socket")
            if sock is not None:
                with self.lock:
                    self.sockets.append(sock)
                    if self.fired:
                        _shut(sock)
                if event.endswith("connect_tcp.complete"):
                    self._check_peer(sock)

    def _check_peer(self, sock: socket.socket) -> None:
        try:
            address = sock.getpeername()[0]
        except (OSError, IndexError):
            return
        public = public_address(address.split("%")[0])
        if self.public is None:
            self.public = public
        elif self.public and not public:
            _shut(sock)
            raise LawdiffError(self.url, f"a connection for this download reached {address}: a public site "
                                         "does not send lawdiff to a loopback, private or link-local address")

    def _fire(self) -> None:
        with self.lock:
            self.fired = True
            for sock in self.sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread; close() would not
    except OSError:
        pass


def _problem(e: BaseException) -> str:
    """One line saying what went wrong on the wire."""
    text = _one_line(e)
    if isinstance(e, httpx.ConnectError):
        return f"cannot connect ({_ERRNO.sub('', text)}); offline?"
    if isinstance(e, httpx.TimeoutException):
        return "no answer in time (--timeout)"
    if isinstance(e, httpx.RemoteProtocolError):
        if short := _SHORT.search(text):
            received, declared = (int(n) for n in short.groups())
            return f"download cut short: {received:,} of {declared:,} bytes (Content-Length)"
        if "without sending complete message body" in text:
            return "download cut short: the server closed the connection before the end of the body"
        return f"malformed HTTP answer ({text})"
    if isinstance(e, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return f"not a valid URL ({text})"
    return f"connection failed ({text})"


_ERRNO = re.compile(r"^\[Errno -?\d+\] ")
_SHORT = re.compile(r"received (\d+) bytes, expected (\d+)")  # h11's words for a body short of its Content-Length


def _one_line(e: object, limit: int = 200) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
