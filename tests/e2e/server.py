"""A static server for the built site, the way a plain static host serves it.

One server answers three ways, so one build covers them all:
- ``/…``          the site at the root of the origin;
- ``/course/…``   the same files under a sub-path;
- ``/isolated/…`` the same files with COOP/COEP headers (cross-origin isolated,
  so the runner can use Pyodide's interrupt buffer).
"""

from __future__ import annotations

import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SUB_PATH = "/course/"
ISOLATED = "/isolated/"


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    #: When a list: (path, status) of every GET answered is appended to it (tests and the bench count downloads).
    answered: list[tuple[str, int]] | None = None

    def send_response(self, code: int, message: str | None = None) -> None:
        if self.answered is not None and self.command == "GET":
            self.answered.append((self.path.split("?")[0], int(code)))
        super().send_response(code, message)

    def translate_path(self, path: str) -> str:
        for prefix in (SUB_PATH, ISOLATED):
            if path.startswith(prefix):
                path = "/" + path[len(prefix) :]
                break
        return super().translate_path(path)

    def end_headers(self) -> None:
        if self.path.startswith(ISOLATED):
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # keep test output quiet
        pass


class QuietServer(ThreadingHTTPServer):
    """Says nothing when a browser goes away mid-answer (a page closed while Pyodide's wasm was still
    coming): `make bench` printed a traceback for it. Any other error is printed as before."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    def __init__(self, root: Path, port: int = 0) -> None:
        self.root = root  # the folder served
        self.httpd = QuietServer(("127.0.0.1", port), partial(SiteHandler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
