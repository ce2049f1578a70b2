"""The archive of fetched reports: every body as it was received, so every finding can be reproduced.

Layout of an archive folder::

    ab/abcdef…              a body, named by its SHA-256 (the same body fetched twice is stored once)
    ab/abcdef….json         its sidecar: sha256, size and, per URL that gave this body, the latest fetch
                            (url, final_url, status, headers, fetched_at, redirects, attempts;
                            at most the last 20 URLs)
    fetch-log.jsonl         one line per URL fetched or failed, in the order they finished

A body streams into a temporary in the archive folder (``.download.PID.HEX.tmp``, removed by the next
run if this one is killed) and is renamed into place once complete; sidecars are written whole
(:func:`gongkai.files.write_atomic`).  One run writes to an archive at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import uuid
from pathlib import Path
from typing import Any, BinaryIO

from gongkai.errors import OutputError
from gongkai.files import remove_stale_temporaries, write_atomic

LOG_NAME = "fetch-log.jsonl"
MAX_SIDECAR_FETCHES = 20
"""Most fetches a sidecar lists (the latest, one per URL): a body many URLs give (a site's "page not
found" served with 200) keeps a small sidecar; the fetch log lists every one."""


class BodyFile:
    """A body being received: written to a temporary and hashed as it comes."""

    def __init__(self, fh: BinaryIO, temp: Path) -> None:
        self._fh = fh
        self.temp = temp
        self.size = 0
        self._hash = hashlib.sha256()

    def write(self, data: bytes) -> None:
        self._fh.write(data)
        self._hash.update(data)
        self.size += len(data)

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def close(self) -> None:
        self._fh.close()


class Archive:
    """An archive folder (created if missing); safe to use from many threads of one process."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock = threading.Lock()
        self._sidecar_locks = tuple(threading.Lock() for _ in range(16))
        self._log_fd: int | None = None
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(str(root), exc.strerror or str(exc)) from exc
        remove_stale_temporaries(root)

    def body_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    @staticmethod
    def sidecar_path(body: Path) -> Path:
        return body.with_name(body.name + ".json")

    def open_body(self) -> BodyFile:
        """A new temporary for a body; give it to :meth:`keep` or :meth:`discard`."""
        temp = self.root / f".download.{os.getpid()}.{uuid.uuid4().hex}.tmp"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except OSError as exc:
            raise OutputError(str(temp), exc.strerror or str(exc)) from exc
        return BodyFile(os.fdopen(fd, "wb"), temp)

    def discard(self, body: BodyFile) -> None:
        body.close()
        body.temp.unlink(missing_ok=True)

    def keep(self, body: BodyFile, fetch: dict[str, Any]) -> Path:
        """Move a complete body into place and record ``fetch`` in its sidecar; returns the body's path."""
        path = self.body_path(body.sha256)
        try:
            body.close()
            path.parent.mkdir(exist_ok=True)
            os.replace(body.temp, path)
        except OSError as exc:
            body.temp.unlink(missing_ok=True)
            raise OutputError(str(path), exc.strerror or str(exc)) from exc
        sidecar = self.sidecar_path(path)
        with self._sidecar_locks[int(body.sha256[:2], 16) % len(self._sidecar_locks)]:
            fetches = [f for f in _read_fetches(sidecar) if f.get("url") != fetch["url"]]
            fetches = [*fetches[max(len(fetches) - MAX_SIDECAR_FETCHES + 1, 0) :], fetch]
            data = {"sha256": body.sha256, "size": body.size, "fetches": fetches}
            try:
                write_atomic(sidecar, _dumps(data, indent=2).encode())
            except OSError as exc:
                raise OutputError(str(sidecar), exc.strerror or str(exc)) from exc
        return path

    def log(self, record: dict[str, Any]) -> None:
        """Append one line to the fetch log (a fetch that gave a body, or a failure)."""
        line = (_dumps(record) + "\n").encode()
        path = self.root / LOG_NAME
        with self._lock:
            try:
                if self._log_fd is None:
                    self._log_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
                os.write(self._log_fd, line)
            except OSError as exc:
                raise OutputError(str(path), exc.strerror or str(exc)) from exc

    def close(self) -> None:
        with self._lock:
            if self._log_fd is not None:
                os.close(self._log_fd)
                self._log_fd = None


def _dumps(data: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=indent is not None)


def _read_fetches(sidecar: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(sidecar.read_bytes())
    except (OSError, ValueError):
        return []  # none yet, or damaged: rewritten whole
    fetches = data.get("fetches") if isinstance(data, dict) else None
    return [f for f in fetches if isinstance(f, dict)] if isinstance(fetches, list) else []


__all__ = ["LOG_NAME", "MAX_SIDECAR_FETCHES", "Archive", "BodyFile"]
