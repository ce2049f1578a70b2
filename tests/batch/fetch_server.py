"""A local web server for the fetch tests: real reports, and the hostile answers government sites give.

Every request is recorded (path, start and end on the test's monotonic clock) and the most ``/slow/``
requests waiting at once is counted, so tests can check what the fetcher did from the server's side.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "samples"
"""The real reports bundled with gongkai (the same files as the shared corpus)."""
TYPES = {".pdf": "application/pdf", ".html": "text/html; charset=utf-8", ".docx": "application/octet-stream"}
ROBOTS = "User-agent: *\nDisallow: /private/\n\nUser-agent: othercrawler\nDisallow: /\n"


@functools.cache
def bomb() -> bytes:
    """24 MB of zeros, gzipped to 24 KB."""
    return gzip.compress(b"\0" * (24 * 1024 * 1024), compresslevel=9)


@dataclass(frozen=True)
class Hit:
    path: str
    start: float
    end: float
    user_agent: str


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, robots_status: int = 200, robots_text: str = ROBOTS) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.robots_status = robots_status
        self.robots_text = robots_text
        self.hits: list[Hit] = []
        self.counts: Counter[str] = Counter()
        self.active = 0
        self.most_active = 0
        """Most /slow/ requests waiting at once: the wait lies within the client's request, so this
        never counts more requests than the client had in flight (the handler's whole run would)."""
        self.waits: list[tuple[float, float]] = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]


class _Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        site = self.server
        with site.lock:
            site.counts[self.path] += 1
            count = site.counts[self.path]
        start = time.monotonic()
        try:
            self._route(count)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with site.lock:
                site.hits.append(Hit(self.path, start, time.monotonic(), self.headers.get("User-Agent", "")))

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/plain", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _file(self, name: str, content_type: str | None = None) -> None:
        path = CORPUS / name
        self._send(200, path.read_bytes(), content_type or TYPES.get(path.suffix, "text/plain; charset=utf-8"))

    def _route(self, count: int) -> None:
        site = self.server
        parts = self.path.split("?")[0].strip("/").split("/")
        head, rest = parts[0], parts[1:]
        routes: dict[str, Callable[[], None]] = {
            "robots.txt": lambda: self._send(site.robots_status, site.robots_text.encode()),
            "files": lambda: self._file(rest[0]),
            "private": lambda: self._file(rest[0]),
            "as-html": lambda: self._file(rest[0], "text/html; charset=utf-8"),
            "octet": lambda: self._file(rest[0], "application/octet-stream"),
            "slow": lambda: self._slow(float(rest[0]), rest[1]),
            "moved": lambda: self._send(301, Location=f"/files/{rest[0]}"),
            "relative": lambda: self._send(302, Location=f"../files/{rest[0]}"),
            "loop": lambda: self._send(302, Location="/loop/b" if rest[0] == "a" else "/loop/a"),
            "chain": lambda: self._chain(int(rest[0])),
            "status": lambda: self._send(int(rest[0]), b"<html><body>error</body></html>", "text/html"),
            "flaky": lambda: self._send(503) if count <= int(rest[0]) else self._file(rest[1]),
            "busy": lambda: self._send(429, Retry_After=rest[0]) if count == 1 else self._file(rest[1]),
            "drip": self._drip,
            "stall": self._stall,
            "endless": self._endless,
            "bomb": lambda: self._send(200, bomb(), "application/pdf", Content_Encoding="gzip"),
            "gzip": lambda: self._gzip(rest[0]),
            "toprivate": lambda: self._send(302, Location=f"/private/{rest[0]}"),
            "elsewhere": lambda: self._send(302, Location="ftp://example.org/report.pdf"),
        }
        routes.get(head, lambda: self._send(404))()

    def _slow(self, seconds: float, name: str) -> None:
        site = self.server
        with site.lock:
            site.active += 1
            site.most_active = max(site.most_active, site.active)
            start = time.monotonic()
        site.stop.wait(seconds)
        with site.lock:
            site.active -= 1
            site.waits.append((start, time.monotonic()))
        self._file(name)

    def _chain(self, n: int) -> None:
        if n == 0:
            self._file("city-sample-2025.html")
        else:
            self._send(302, Location=f"/chain/{n - 1}")

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        for _ in range(1000):
            if self.server.stop.wait(0.05):
                return
            self.wfile.write(b"x")
            self.wfile.flush()

    def _stall(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"%PDF-")
        self.wfile.flush()
        self.server.stop.wait(30)

    def _endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf")
        self.end_headers()  # no length: the body ends when the connection does
        chunk = b"%PDF-1.7 " + b"0" * (256 * 1024)
        for _ in range(4096):  # 1 GB at most, in case the client never stops
            if self.server.stop.is_set():
                return
            self.wfile.write(chunk)

    def _gzip(self, name: str) -> None:
        self._send(200, gzip.compress((CORPUS / name).read_bytes()), "text/html", Content_Encoding="gzip")


@contextmanager
def serving(**options: object) -> Iterator[Site]:
    """A :class:`Site` on 127.0.0.1 and a random port, served from a thread for the ``with`` body."""
    site = Site(**options)  # type: ignore[arg-type]
    thread = threading.Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.stop.set()
        site.shutdown()
        site.server_close()
        thread.join(5)
