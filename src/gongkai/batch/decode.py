"""A compressed response body (``Content-Encoding: gzip`` or ``deflate``) inflated a bounded piece at a time.

httpx inflates each network chunk whole: 64 KiB of a compression bomb becomes 64 MB at once.  Here no
call returns more than ``limit`` bytes, so a body past the size cap is refused after at most one
chunk of ``CHUNK`` bytes over it, however well it compresses.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

CHUNK = 256 * 1024
"""Most bytes one inflate step produces."""
SUPPORTED = ("gzip", "x-gzip", "deflate")
"""The encodings gongkai asks for (``Accept-Encoding``) and inflates; identity needs nothing."""


class DecodeError(ValueError):
    """The compressed body is damaged."""


class Inflater:
    """Inflates gzip, zlib or raw deflate data fed in pieces."""

    def __init__(self, encoding: str) -> None:
        self._wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._z: Any = None if self._wbits == zlib.MAX_WBITS else zlib.decompressobj(self._wbits)
        self._head = b""
        self._fed = False

    def _start(self, data: bytes) -> bytes:
        """For ``deflate``: zlib-wrapped as the standard says, or raw as some servers send it (first 2 bytes)."""
        data = self._head + data
        if len(data) < 2:
            self._head = data
            return b""
        zlib_header = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        self._wbits = zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS
        self._z = zlib.decompressobj(self._wbits)
        self._head = b""
        return data

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The inflated bytes of ``data``, at most :data:`CHUNK` bytes per piece."""
        self._fed = self._fed or bool(data)
        if self._z is None:
            data = self._start(data)
            if self._z is None:
                return
        while True:
            try:
                out = self._z.decompress(data, CHUNK)
            except zlib.error as exc:
                raise DecodeError(str(exc)) from exc
            data = self._z.unconsumed_tail
            if self._z.eof and self._z.unused_data:  # a further gzip member follows
                data = self._z.unused_data + data
                self._z = zlib.decompressobj(self._wbits)
            if out:
                yield out
            if not data and len(out) < CHUNK:
                return

    def finish(self) -> None:
        """Check that the compressed stream is complete once every piece was fed."""
        if self._fed and (self._z is None or not self._z.eof):
            raise DecodeError("压缩数据不完整")


__all__ = ["CHUNK", "SUPPORTED", "DecodeError", "Inflater"]
