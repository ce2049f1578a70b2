"""Reports fetched from the web for the corpus runner: many URLs at once, the results in input order.

::

    for result in fetch_all(read_url_list("urls.txt"), Path("archive"), FetchSettings()):
        if isinstance(result, Fetched):
            check_path(result.path)          # the body as received, a local file
        else:
            result.to_error()                # E131–E137, a Chinese message

Threads fetch (``FetchSettings.workers``); one dispatcher thread hands each URL to a thread only when its
host may take a request (``per_host`` in flight, starts ``delay`` apart, robots.txt known or being
loaded by that URL), so no thread sits waiting for a busy host while another host's URL could go.
At most ``FetchSettings.window`` URLs are read ahead of the one yielded next, so memory stays flat
however long the list; fetching goes on while the caller works on a result, up to that window.

The archive (:mod:`gongkai.batch.archive`) keeps every body, a sidecar per body and a log line per URL.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gongkai.batch.archive import Archive
from gongkai.batch.download import Downloader
from gongkai.batch.fetched import USER_AGENT, Fetched, FetchFailure, FetchSettings, Hop
from gongkai.batch.hostgate import HostGate, Reservation
from gongkai.batch.receive import Cancelled
from gongkai.batch.robots import RobotsCache
from gongkai.batch.urls import host_key, invalid_url, origin_of, read_url_list, url_problem

if TYPE_CHECKING:
    import httpx


@dataclass(eq=False, slots=True)
class _Task:
    seq: int
    url: str
    host: str
    origin: str
    done: threading.Event = field(default_factory=threading.Event)
    result: Fetched | FetchFailure | None = None
    error: BaseException | None = None


def fetch_all(
    urls: Iterable[str | FetchFailure], archive: Path, settings: FetchSettings | None = None
) -> Iterator[Fetched | FetchFailure]:
    """Fetch every URL into ``archive``; yields one result per item of ``urls``, in their order.

    An item that is already a :class:`FetchFailure` (a bad line of :func:`read_url_list`) is yielded in
    its place; a string that is not an http(s) URL gives E137.  The same URL given twice is fetched twice.
    Closing the iterator early stops the fetching (a request under way ends within its timeout).

    Raises:
        OutputError: the archive cannot be created (raised by this call) or written (raised while iterating).
    """
    store = Archive(Path(archive))
    return _ordered(urls, store, settings or FetchSettings())


def _ordered(
    urls: Iterable[str | FetchFailure], store: Archive, settings: FetchSettings
) -> Iterator[Fetched | FetchFailure]:
    import httpx

    client = httpx.Client(
        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate", "Accept": "*/*"},
        follow_redirects=False,
        verify=settings.verify_tls,
        timeout=settings.timeout,
        limits=httpx.Limits(max_connections=settings.workers + 1, max_keepalive_connections=settings.workers),
    )
    run = _Run(settings, store, client)
    try:
        pending: deque[_Task | FetchFailure] = deque()
        items = iter(urls)
        exhausted = False
        seq = 0
        while True:
            while not exhausted and len(pending) < settings.window:
                try:
                    item = next(items)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, FetchFailure):
                    pending.append(item)
                elif (problem := url_problem(item)) is not None:
                    pending.append(invalid_url(item, problem))
                else:
                    seq += 1
                    pending.append(run.submit(_Task(seq, item, host_key(item), origin_of(item))))
            if not pending:
                return
            head = pending.popleft()
            if isinstance(head, FetchFailure):
                store.log(log_record(head, store.root))
                yield head
                continue
            head.done.wait()
            if head.error is not None:
                raise head.error
            assert head.result is not None
            yield head.result
    finally:
        run.close()
        client.close()
        store.close()


class _Run:
    """The dispatcher and the fetching threads of one :func:`fetch_all`."""

    def __init__(self, settings: FetchSettings, store: Archive, client: httpx.Client) -> None:
        self.settings = settings
        self.store = store
        self.condition = threading.Condition()
        self.gate = HostGate(settings.per_host, settings.delay, self.condition)
        self.cancelled = threading.Event()
        self.robots = RobotsCache(self.condition, self.cancelled) if settings.respect_robots else None
        self.downloader = Downloader(client, settings, self.gate, self.robots, store, self.cancelled)
        self.queues: dict[str, deque[_Task]] = {}
        self.running = 0
        self.pool = ThreadPoolExecutor(settings.workers, thread_name_prefix="gongkai-fetch")
        self.dispatcher = threading.Thread(target=self._dispatch, name="gongkai-fetch-dispatch", daemon=True)
        self.dispatcher.start()

    def submit(self, task: _Task) -> _Task:
        with self.condition:
            self.queues.setdefault(task.host, deque()).append(task)
            self.condition.notify_all()
        return task

    def _dispatch(self) -> None:
        try:
            with self.condition:
                while not self.cancelled.is_set():
                    wake = self._dispatch_ready()
                    self.condition.wait(None if math.isinf(wake) else max(wake - time.monotonic(), 0.0))
        except BaseException as exc:  # a bug here must not leave the caller waiting forever
            with self.condition:
                for queue in self.queues.values():
                    for task in queue:
                        task.error = exc
                        task.done.set()
                self.queues.clear()
            raise

    def _dispatch_ready(self) -> float:
        """Hand every URL whose host is free to a thread (earliest in the input first); when to look again."""
        wake = math.inf
        robots = self.robots
        for host in sorted(self.queues, key=lambda h: self.queues[h][0].seq):
            queue = self.queues[host]
            while queue and self.running < self.settings.workers:
                head = queue[0]
                if robots is not None and robots.loading(head.origin):
                    break  # woken when it is loaded
                got = self.gate.try_reserve(host)
                if not isinstance(got, Reservation):
                    wake = min(wake, got)
                    break
                queue.popleft()
                if robots is not None and not robots.known(head.origin):
                    robots.claim(head.origin, got)
                self.running += 1
                self.pool.submit(self._work, head, got)
            if not queue:
                del self.queues[host]
        return wake

    def _work(self, task: _Task, reservation: Reservation) -> None:
        try:
            task.result = self.downloader.fetch(task.url, reservation)
            self.store.log(log_record(task.result, self.store.root))
        except Cancelled:
            task.error = Cancelled()
        except BaseException as exc:
            task.error = exc
        finally:
            with self.condition:
                self.running -= 1
                self.condition.notify_all()
            task.done.set()

    def close(self) -> None:
        """Stop: queued URLs are dropped, threads waiting for a host or a retry give up."""
        self.cancelled.set()
        with self.condition:
            self.queues.clear()
            self.condition.notify_all()
        self.dispatcher.join()
        self.pool.shutdown(wait=True, cancel_futures=True)


def log_record(result: Fetched | FetchFailure, root: Path) -> dict[str, Any]:
    """The fetch-log line of one result."""
    if isinstance(result, Fetched):
        return {
            "url": result.url,
            "ok": True,
            "status": result.status,
            "final_url": result.final_url,
            "sha256": result.sha256,
            "size": result.size,
            "path": str(result.path.relative_to(root)),
            "fetched_at": result.fetched_at.isoformat(),
            "attempts": result.attempts,
        }
    return {
        "url": result.url,
        "ok": False,
        "code": result.code,
        "message": result.message,
        "status": result.status,
        "line": result.line,
        "attempts": result.attempts,
        "redirects": [hop.to_json() for hop in result.redirects],
        "at": datetime.now(UTC).isoformat(),
    }


__all__ = ["USER_AGENT", "FetchFailure", "FetchSettings", "Fetched", "Hop", "fetch_all", "log_record", "read_url_list"]
