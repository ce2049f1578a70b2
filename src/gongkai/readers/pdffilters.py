"""PDF stream filters decoded in bounded pieces, to measure what a stream decodes to without holding it.

Each decoder takes an iterator of byte chunks and yields decoded chunks of at
most about :data:`CHUNK` bytes, so a chain such as ``[/ASCIIHexDecode
/FlateDecode]`` or ``[/FlateDecode /FlateDecode]`` is measured with a few
megabytes of memory however far it inflates.  Every decoder stops at its own
end-of-data mark (the end of the zlib stream, ``>``, ``~>``, run length 128,
LZW code 257) or at the first damaged byte, as the PDF libraries do.

Filters that only image decoders read (DCT, JPX, JBIG2, CCITT) and ``Crypt``
end the measured chain: what reaches them is what is counted.  A filter name
that is not known is measured as Flate, the only filter that can inflate
without bound, so a misspelt or unresolved name can never hide a bomb.
"""

from __future__ import annotations

import binascii
import zlib
from base64 import a85decode
from collections.abc import Callable, Iterable, Iterator

from gongkai.limits import check_deadline

CHUNK = 1 << 20
Chunks = Iterator[bytes | memoryview]

FLATE = frozenset({"FlateDecode", "Fl"})
TERMINAL = frozenset(
    {"DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF", "Crypt"},
)
_WHITE = b"\x00\t\n\x0c\r "
_NOT_HEX = bytes(b for b in range(256) if b not in b"0123456789abcdefABCDEF")


def _flate(chunks: Chunks, salvage: list[int] | None = None) -> Iterator[bytes]:
    """Inflate; when the data ends early or is damaged, add to ``salvage`` what pdfminer will copy
    recovering it (it then inflates byte by byte, appending to one bytes object: input × output / 2)."""
    d = zlib.decompressobj()
    consumed = produced = 0
    for chunk in chunks:
        data: bytes | memoryview = chunk
        while not d.eof:
            try:
                out = d.decompress(data, CHUNK)
            except zlib.error:
                break  # damaged data: the libraries keep what came before
            before, data = len(data), d.unconsumed_tail
            consumed, produced = consumed + before - len(data), produced + len(out)
            if out:
                yield out
            if (not data and len(out) < CHUNK) or (not out and len(data) == before):
                break  # this chunk is used up; more output needs more input
        if d.eof:
            return
        if data:  # stopped on damage
            break
    if salvage is not None:
        salvage[0] += consumed * produced // 2


def _ascii_hex(chunks: Chunks) -> Iterator[bytes]:
    rest = b""
    for piece in chunks:
        chunk = bytes(piece)
        end = chunk.find(b">")
        digits = rest + chunk[: end if end != -1 else len(chunk)].translate(None, _NOT_HEX)
        even = len(digits) - len(digits) % 2
        if end != -1:
            yield binascii.unhexlify(digits + b"0" if len(digits) % 2 else digits)
            return
        yield binascii.unhexlify(digits[:even])
        rest = digits[even:]
    if rest:
        yield binascii.unhexlify(rest + b"0")


def _aligned(text: bytes) -> int:
    """Length of the longest prefix of ASCII85 text that ends on a group boundary."""
    extra = (len(text) - text.count(b"z")) % 5
    end = len(text)
    while extra:
        end -= 1
        if text[end] != ord("z"):
            extra -= 1
    return end


def _ascii85(chunks: Chunks) -> Iterator[bytes]:
    rest, first = b"", True
    for chunk in chunks:
        text = rest + bytes(chunk).translate(None, _WHITE)
        if first:
            if len(text) < 2:
                rest = text
                continue
            text = text[2:] if text.startswith(b"<~") else text[1:] if text.startswith(b"~") else text
            first = False
        end = text.find(b"~")
        cut = end if end != -1 else _aligned(text)
        try:
            yield a85decode(text[:cut])
        except ValueError:
            return
        if end != -1:
            return
        rest = text[cut:]
    if rest:
        try:
            yield a85decode(rest)
        except ValueError:
            return


def _run_length(chunks: Chunks) -> Iterator[bytes]:
    rest = b""
    for chunk in chunks:
        data = rest + bytes(chunk)
        out = bytearray()
        i = 0
        while i < len(data):
            n = data[i]
            if n == 128:
                yield bytes(out)
                return
            size = n + 2 if n < 128 else 2
            if i + size > len(data):
                break
            out += data[i + 1 : i + size] if n < 128 else data[i + 1 : i + 2] * (257 - n)
            i += size
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
        rest = data[i:]
        yield bytes(out)


def _lzw(chunks: Chunks) -> Iterator[bytes]:
    """LZW as pdfminer decodes it (early change, clear code 256; it reads on past code 257)."""
    table: list[bytes] = [bytes((i,)) for i in range(256)] + [b"", b""]
    prev, bits, buf, held = b"", 9, 0, 0
    out = bytearray()
    for chunk in chunks:
        for byte in chunk:
            buf, held = (buf << 8) | byte, held + 8
            while held >= bits:
                held -= bits
                code = buf >> held
                buf &= (1 << held) - 1
                if code == 256:
                    del table[258:]
                    prev, bits = b"", 9
                    continue
                if code == 257:
                    continue
                if code > len(table) or (not prev and code == len(table)):
                    yield bytes(out)
                    return  # a corrupt code ends the data
                entry = table[code] if code < len(table) else prev + prev[:1]
                if prev and len(table) < 4096:  # codes have at most 12 bits: later entries are never used
                    table.append(prev + entry[:1])
                bits = 12 if len(table) >= 2047 else 11 if len(table) >= 1023 else 10 if len(table) >= 511 else 9
                prev = entry
                out += entry
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
    yield bytes(out)


_DECODERS: dict[str, Callable[[Chunks], Iterator[bytes]]] = {
    "ASCIIHexDecode": _ascii_hex,
    "AHx": _ascii_hex,
    "ASCII85Decode": _ascii85,
    "A85": _ascii85,
    "RunLengthDecode": _run_length,
    "RL": _run_length,
    "LZWDecode": _lzw,
    "LZW": _lzw,
}


def pieces(data: bytes | memoryview, start: int, end: int | None = None) -> Iterator[memoryview]:
    """``data[start:end]`` as views of 64 KiB growing to CHUNK bytes (most streams end in the first)."""
    view = memoryview(data)
    stop = len(view) if end is None else min(end, len(view))
    size = 1 << 16
    while start < stop:
        yield view[start : min(start + size, stop)]
        start += size
        size = min(size * 4, CHUNK)


def measures(filters: Iterable[str | None]) -> bool:
    """Whether the chain decodes anything (a chain of image codecs only is not measured)."""
    chain = list(filters)
    return bool(chain) and chain[0] not in TERMINAL


def measure(chunks: Iterable[bytes | memoryview], filters: Iterable[str | None], limit: int) -> tuple[int, int]:
    """(Bytes the chain decodes ``chunks`` to, counting no further than just past ``limit``;
    bytes pdfminer would copy recovering damaged Flate data in it).

    ``None`` in ``filters`` (a name that could not be read) is measured as Flate.
    """
    salvage = [0]
    stream: Chunks = iter(chunks)
    for name in filters:
        if name in TERMINAL:
            break
        decoder = _DECODERS.get(name or "")
        stream = decoder(stream) if decoder else _flate(stream, salvage)
    total = 0
    for out in stream:
        total += len(out)
        if total > limit:
            break
        check_deadline("（检查 PDF 压缩数据时）")
    return total, salvage[0]


def decoded_size(chunks: Iterable[bytes | memoryview], filters: Iterable[str | None], limit: int) -> int:
    """Bytes the chain decodes ``chunks`` to, counting no further than just past ``limit``."""
    return measure(chunks, filters, limit)[0]
