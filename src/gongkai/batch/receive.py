"""The pieces of one request: host starts (:class:`Slots`), the attempt's deadline (:class:`Budget`), a body
streamed into the archive within the size cap, and the Chinese failure of a status or a transport error.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from gongkai.batch.archive import Archive
from gongkai.batch.decode import SUPPORTED, DecodeError, Inflater
from gongkai.batch.fetched import Fetched, FetchFailure, FetchSettings, Hop
from gongkai.batch.hostgate import HostGate, Reservation

if TYPE_CHECKING:
    import httpx

_STATUS_NAMES = {
    400: "请求无效",
    401: "需要登录",
    403: "禁止访问",
    404: "页面不存在",
    410: "页面已删除",
    429: "请求过于频繁",
    500: "服务器内部错误",
    502: "网关错误",
    503: "服务暂时不可用",
    504: "网关超时",
}


class Cancelled(Exception):
    """The fetch run was closed while this URL was being fetched."""


class Overtime(Exception):
    """A body was still arriving at the attempt's deadline."""


@dataclass(frozen=True, slots=True)
class Retry:
    """A failure worth another attempt; ``wait``: the server's ``Retry-After`` in seconds, if it gave one."""

    failure: FetchFailure
    wait: float | None = None


class Slots:
    """The host starts of one URL's work: the scheduler's reservation first, then waits on the gate."""

    def __init__(self, gate: HostGate, reservation: Reservation | None, cancelled: threading.Event) -> None:
        self._gate = gate
        self._reservation = reservation
        self._cancelled = cancelled
        self.owner: object = reservation
        """What the scheduler claimed this URL's robots.txt for (its reservation)."""

    @contextmanager
    def request(self, host: str) -> Iterator[None]:
        """Hold a start for ``host`` while the body runs (a request to it); raises :class:`Cancelled`."""
        if self._reservation is not None and self._reservation.host == host:
            self._reservation = None
        elif not self._gate.acquire(host, self._cancelled):
            raise Cancelled
        try:
            yield
        finally:
            self._gate.release(host)

    def close(self) -> None:
        """Give back the reservation if no request used it."""
        if self._reservation is not None:
            self._gate.cancel(self._reservation)
            self._reservation = None


@dataclass(slots=True)
class Budget:
    """What is left of one attempt's time: only requests count, not waits for a host or for robots.txt."""

    seconds: float

    @contextmanager
    def spend(self) -> Iterator[float]:
        """Yields the deadline (a ``time.monotonic`` value) of the request made in the body."""
        start = time.monotonic()
        try:
            yield start + self.seconds
        finally:
            self.seconds -= time.monotonic() - start


def _pieces(resp: httpx.Response) -> Iterator[bytes]:
    """The body's bytes as sent, inflated if gzip or deflate (bounded pieces; other encodings as they are)."""
    encoding = resp.headers.get("content-encoding", "").strip().lower()
    inflater = Inflater(encoding) if encoding in SUPPORTED else None
    for raw in resp.iter_raw():
        if inflater is None:
            yield raw
        else:
            yield from inflater.feed(raw)
    if inflater is not None:
        inflater.finish()


def read_small(resp: httpx.Response, limit: int, deadline: float, cancelled: threading.Event) -> bytes:
    """The first ``limit`` bytes of a body (the rest is not read); raises :class:`Overtime`, :class:`Cancelled`."""
    data = bytearray()
    for piece in _pieces(resp):
        data += piece[: limit - len(data)]
        if len(data) >= limit:
            break
        if cancelled.is_set():
            raise Cancelled
        if time.monotonic() > deadline:
            raise Overtime
    return bytes(data)


def receive_body(
    url: str,
    resp: httpx.Response,
    hops: tuple[Hop, ...],
    deadline: float,
    attempt: int,
    settings: FetchSettings,
    archive: Archive,
    cancelled: threading.Event,
) -> Fetched | FetchFailure | Retry:
    """Stream a 2xx body into the archive: the fetch, or E135 over the size cap, E136 past the deadline."""
    fetched_at = datetime.now(UTC)
    final_url = str(resp.url)
    headers = dict(resp.headers.items())
    cap = settings.max_bytes
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return _too_big(url, resp.status_code, hops, f"服务器声明 {int(declared):,} 字节，", cap)
    body = archive.open_body()
    kept = False
    try:
        for piece in _pieces(resp):
            if body.size + len(piece) > cap:
                return _too_big(url, resp.status_code, hops, "", cap)
            body.write(piece)
            if cancelled.is_set():
                raise Cancelled
            if time.monotonic() > deadline:
                message = f"下载超过时限 {settings.timeout:g} 秒仍未完成（已收到 {body.size:,} 字节），已停止"
                return FetchFailure(url=url, code="E136", message=message, status=resp.status_code, redirects=hops)
        record = {
            "url": url,
            "final_url": final_url,
            "status": resp.status_code,
            "headers": headers,
            "fetched_at": fetched_at.isoformat(),
            "redirects": [hop.to_json() for hop in hops],
            "attempts": attempt,
        }
        path = archive.keep(body, record)
        kept = True
    except DecodeError as exc:
        failure = FetchFailure(url=url, code="E131", message=f"下载的压缩内容已损坏（{exc}）", redirects=hops)
        return Retry(failure)
    finally:
        if not kept:
            archive.discard(body)
    return Fetched(
        url=url,
        final_url=final_url,
        status=resp.status_code,
        headers=headers,
        fetched_at=fetched_at,
        path=path,
        sha256=body.sha256,
        size=body.size,
        redirects=hops,
        attempts=attempt,
    )


def _too_big(url: str, status: int, hops: tuple[Hop, ...], declared: str, cap: int) -> FetchFailure:
    message = f"下载内容{declared}超出大小上限 {cap / 1024 / 1024:g} MB，已停止下载"
    return FetchFailure(url=url, code="E135", message=message, status=status, redirects=hops)


def status_failure(url: str, current: str, status: int, reason: str, hops: list[Hop]) -> FetchFailure:
    """E132 for a status that is neither success nor redirect."""
    name = _STATUS_NAMES.get(status) or reason or "错误"
    where = f"（重定向后的网址 {current[:200]}）" if hops else ""
    message = f"服务器返回错误状态 {status}（{name}）{where}"
    return FetchFailure(url=url, code="E132", message=message, status=status, redirects=tuple(hops))


def request_failure(
    url: str, current: str, exc: Exception, hops: tuple[Hop, ...], timeout: float
) -> FetchFailure | Retry:
    """The failure of a request that got no usable answer: E131 (retried but for a bad certificate) or E137."""
    import httpx

    where = f"（重定向后的网址 {current[:200]}）" if hops else ""
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return FetchFailure(url=url, code="E137", message=f"网址无效（{exc}）{where}", redirects=hops)
    if isinstance(exc, httpx.TimeoutException):
        kind = "连接超时" if isinstance(exc, httpx.ConnectTimeout) else "等待服务器响应超时"
        message = f"{kind}（{timeout:g} 秒）{where}"
        return Retry(FetchFailure(url=url, code="E131", message=message, redirects=hops))
    detail = str(exc) or type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in detail:
        return FetchFailure(url=url, code="E131", message=f"网站的 HTTPS 证书无法验证{where}", redirects=hops)
    kind = "无法连接服务器" if isinstance(exc, httpx.ConnectError) else "传输中断"
    return Retry(FetchFailure(url=url, code="E131", message=f"{kind}（{detail[:200]}）{where}", redirects=hops))


def retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number of seconds or an HTTP date), None if absent or bad."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


__all__ = [
    "Budget",
    "Cancelled",
    "Overtime",
    "Retry",
    "Slots",
    "read_small",
    "receive_body",
    "request_failure",
    "retry_after",
    "status_failure",
]
