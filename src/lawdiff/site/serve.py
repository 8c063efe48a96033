"""``lawdiff serve``: preview a built site on localhost."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


def make_server(site: Path | str, port: int = 8000, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """An HTTP server for ``site`` on loopback (port 0 picks a free one)."""
    handler = functools.partial(_Quiet, directory=str(site))
    return ThreadingHTTPServer((host, port), handler)
