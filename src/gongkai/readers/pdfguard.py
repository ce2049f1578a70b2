"""Decompression-bomb check for PDF: measure every Flate stream before any parser inflates it.

pdfminer (under pdfplumber) inflates a whole content stream in memory, so a small
PDF with a stream of gigabytes of zeros would exhaust memory.  This pass inflates
each ``/FlateDecode`` stream in bounded chunks, keeping only the count.
"""

from __future__ import annotations

import re
import zlib

from gongkai.errors import InputError

MAX_STREAM_BYTES = 256 * 1024 * 1024
"""Largest inflated size of one stream."""
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
"""Largest inflated size of all streams together."""
_CHUNK = 1 << 20
_STREAM = re.compile(rb"/FlateDecode[^>]*>>\s*stream\r?\n")


def inflated_size(raw: bytes, limit: int) -> int:
    """Bytes that ``raw`` inflates to, counting no further than just past ``limit``."""
    d = zlib.decompressobj()
    total = 0
    data = raw
    while data and total <= limit:
        try:
            out = d.decompress(data, _CHUNK)
        except zlib.error:
            break  # a damaged stream: the parsers will report or skip it
        total += len(out)
        data = d.unconsumed_tail
        if not out and not data:
            break
    return total


def check_streams(data: bytes) -> None:
    """Raise E114 when a Flate stream inflates beyond the limits."""
    total = 0
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        raw = data[m.end() : end if end != -1 else len(data)]
        size = inflated_size(raw, MAX_STREAM_BYTES)
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
            mb = MAX_STREAM_BYTES // 1024 // 1024 if size > MAX_STREAM_BYTES else MAX_TOTAL_BYTES // 1024 // 1024
            raise InputError("E114", f"PDF 中的压缩数据解压后超过 {mb} MB，疑似压缩炸弹，已拒绝读取")
