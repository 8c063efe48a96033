"""What every browser test does around its pages: serve a folder of built sites on loopback,
and run one headless Chromium (Playwright) for a module's tests."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from lawdiff.site.serve import make_server

CHROMIUM = "/usr/bin/chromium"


@contextmanager
def served(top: Path) -> Iterator[str]:
    """``top`` served on a free loopback port while the block runs: its URL, "http://127.0.0.1:PORT/"."""
    server = make_server(top, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium(args: list[str]):
    """One headless Chromium, launched with ``args``, closed after the block."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        try:
            yield browser
        finally:
            browser.close()
