"""``batch.fetch.fetch_all``'s own cost: URLs per second and peak memory against a local server.

Run from the repository root::

    .venv/bin/python benchmarks/bench_fetch.py                 # 20,000 URLs over 4 hosts
    .venv/bin/python benchmarks/bench_fetch.py --quick         # 2,000 URLs
    .venv/bin/python benchmarks/bench_fetch.py --n 100000 --hosts 8 --per-host 4

Each host is a keep-alive HTTP/1.1 server on 127.0.0.1 (its own port) serving a 7 KB report page at
every path (ending with a comment naming the path: every body is distinct, archived and logged) and
robots.txt; no politeness
delay, so what is measured is gongkai's scheduling, streaming, hashing and archiving, not the network.
A real run is bound by ``delay`` (1 URL per second per host by default), far below this rate.  Peak
memory (``ru_maxrss``) is printed with the URL count: it stays flat as the count grows (bounded
look-ahead window; bodies go to disk as they stream).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PAGE = Path(__file__).resolve().parents[1] / "samples" / "city-sample-2025.html"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        robots = self.path == "/robots.txt"
        body = b"User-agent: *\nDisallow: /private/\n" if robots else self.body + f"<!-- {self.path} -->".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(count: int) -> list[ThreadingHTTPServer]:
    _Handler.body = PAGE.read_bytes() if PAGE.exists() else b"<html><body>" + b"x" * 7000 + b"</body></html>"
    servers = []
    for _ in range(count):
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    n = 2_000 if args.quick else args.n

    from gongkai.batch.fetch import fetch_all
    from gongkai.batch.fetched import Fetched, FetchSettings

    servers = _serve(args.hosts)
    bases = [f"http://127.0.0.1:{s.server_address[1]}" for s in servers]

    def urls() -> Iterator[str]:
        for i in range(n):
            yield f"{bases[i % len(bases)]}/report/{i}.html"

    settings = FetchSettings(delay=0.0, per_host=args.per_host, workers=args.hosts * args.per_host)
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        ok = sum(isinstance(r, Fetched) for r in fetch_all(urls(), Path(folder), settings))
        seconds = time.perf_counter() - start
    for server in servers:
        server.shutdown()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n:,} URLs ({ok:,} fetched) over {args.hosts} hosts, per_host {args.per_host}: "
        f"{seconds:.1f} s, {n / seconds:,.0f} URLs/s; peak RSS {peak_mb:.0f} MB (server threads included)"
    )


if __name__ == "__main__":
    main()
