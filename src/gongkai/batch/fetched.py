"""What fetching a report from the web is told (:class:`FetchSettings`) and what it gives back.

A URL fetched gives a :class:`Fetched` (the body archived, a local file any reader can read); a URL
that could not be fetched gives a :class:`FetchFailure` with a stable per-document code (E131–E137,
``errors.DOCUMENT_ERRORS``) and a Chinese message, so the runner reports it like an unreadable file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from gongkai import __version__
from gongkai.errors import DocumentError
from gongkai.limits import MAX_BYTES

PRODUCT = "gongkai"
"""The user-agent token robots.txt rules are matched against (``User-agent: gongkai``)."""
USER_AGENT = f"{PRODUCT}/{__version__} (+https://pypi.org/project/gongkai/; annual disclosure report checker)"


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchSettings:
    """How politely and how patiently reports are fetched; the defaults suit government sites.

    A *host* is a URL's ``host:port``: the scope of robots.txt, of ``per_host`` and of ``delay``.
    """

    per_host: int = 2
    """Most requests in flight to one host at a time."""
    delay: float = 1.0
    """Least time in seconds between the starts of two requests to one host (robots.txt, retries and
    redirects included); a robots.txt ``Crawl-delay`` for gongkai raises it, up to ``max_crawl_delay``."""
    timeout: float = 30.0
    """Connect and read timeout of one request, and the deadline of one attempt: every redirect of
    it and the whole body within this many seconds (E136 past it: a slow drip is not retried)."""
    retries: int = 3
    """Further attempts after a connection error, a connect or read timeout, 429 or 500/502/503/504."""
    backoff: float = 1.0
    """Wait before the first retry in seconds, doubled each retry, plus up to half again of jitter."""
    max_retry_after: float = 60.0
    """Longest ``Retry-After`` waited for; a server asking for more is not retried (E132)."""
    seed: int = 0
    """Seed of the jitter: with the same seed a URL waits the same times, whatever the thread order."""
    max_bytes: int = MAX_BYTES
    """Largest body kept (the size limit of every input); a longer one is cut off while it streams (E135)."""
    max_redirects: int = 5
    """Most redirects followed for one URL (E134 past it, or at once on a loop)."""
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    """Obey robots.txt (see :mod:`gongkai.batch.robots` for what a missing or failing one means)."""
    max_crawl_delay: float = 30.0
    """Largest robots.txt ``Crawl-delay`` obeyed; a longer one is cut to this."""
    verify_tls: bool = True
    """Check HTTPS certificates (a failing certificate is E131)."""
    workers: int = 16
    """Threads fetching at once, over all hosts."""
    window: int = 1000
    """Most URLs read ahead of the one yielded next (fetched, being fetched or waiting): memory stays
    flat however long the list, and a slow URL holds back at most this many."""

    def __post_init__(self) -> None:
        for name in ("per_host", "workers", "window", "max_bytes"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in ("delay", "backoff", "max_retry_after", "max_crawl_delay", "retries", "max_redirects"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.timeout <= 0:
            raise ValueError("timeout must be positive")


@dataclass(frozen=True, slots=True, kw_only=True)
class Hop:
    """One response of a redirect chain: where it was asked, what it answered, where it sent us."""

    url: str
    status: int
    location: str

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "location": self.location}


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """A report fetched: its body is the file ``path`` (``archive/<sha256[:2]>/<sha256>``), described by
    the sidecar ``path.json``."""

    url: str
    """As given."""
    final_url: str
    """After redirects."""
    status: int
    headers: dict[str, str] = field(hash=False)
    """Of the final response, names in lower case (repeated headers joined with ``, ``); the
    Content-Type is recorded, never trusted: readers sniff the content."""
    fetched_at: datetime
    """When the final response arrived (UTC)."""
    path: Path
    sha256: str
    size: int
    redirects: tuple[Hop, ...] = ()
    attempts: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchFailure:
    """A URL that gave no report: a stable code (E131–E137) and a Chinese message naming the URL's fault."""

    url: str
    code: str
    message: str
    status: int | None = None
    """The last HTTP status received, if any."""
    line: int | None = None
    """The line of a URL list it came from (:func:`gongkai.batch.urls.read_url_list`)."""
    attempts: int = 0
    redirects: tuple[Hop, ...] = ()

    def to_error(self) -> DocumentError:
        """As a per-document error (stage ``read``), for a failed result."""
        return DocumentError(code=self.code, message=self.message)


__all__ = ["PRODUCT", "USER_AGENT", "FetchFailure", "FetchSettings", "Fetched", "Hop"]
