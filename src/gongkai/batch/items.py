"""A run's inputs as items in input order: a local file to check, or a document that failed before
it could be read (a folder that cannot be listed, a URL that could not be fetched)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gongkai.errors import DocumentError, InputError
from gongkai.paths import display_path
from gongkai.result import DocumentResult

CHUNK = 1 << 20


@dataclass(frozen=True)
class Item:
    """One input of a run."""

    index: int
    shown: str
    """How the document is named in the output: the path as given, or the URL."""
    path: str | None = None
    """The local file a worker reads (a fetched URL: its archived body)."""
    error: DocumentError | None = None
    """Why there is nothing to read (the document fails without a worker)."""
    url: str | None = None
    fetched_at: dt.datetime | None = None
    http_status: int | None = None
    content_type: str | None = None
    sha256: str | None = None
    """Known already (a fetched body); a local file is hashed when the run keeps a store."""

    def failed(self) -> DocumentResult:
        assert self.error is not None
        return DocumentResult(path=self.shown, status="failed", errors=[self.error])


def local_items(inputs: Iterable[tuple[Path, InputError | None]], start: int = 0) -> Iterator[Item]:
    """Items of :func:`gongkai.api.iter_inputs`' files and folders."""
    for i, (path, error) in enumerate(inputs, start):
        shown = display_path(path)
        if error is not None:
            yield Item(i, shown, error=error.to_error())
        else:
            yield Item(i, shown, path=str(path))


def file_digest(path: str) -> tuple[str, int] | None:
    """The SHA-256 and size of a file, or None when it cannot be read (its check will say why)."""
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as fh:
            while block := fh.read(CHUNK):
                digest.update(block)
                size += len(block)
    except OSError:
        return None
    return digest.hexdigest(), size


__all__ = ["Item", "file_digest", "local_items"]
