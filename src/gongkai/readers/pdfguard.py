"""Decompression-bomb check for PDF: measure what every stream decodes to before any parser decodes it.

pdfminer (under pdfplumber) and PDFium decode a whole content stream in
memory, so a small PDF with a stream of gigabytes of spaces would exhaust
memory.  This pass finds every ``stream`` in the file (:mod:`pdfsyntax`),
reads its ``/Filter`` as the parsers do (a name or an array, ``#xx`` escapes,
references followed, pdfminer's short key ``/F`` too) and runs the whole filter
chain in bounded pieces (:mod:`pdffilters`), keeping only the count.

Image streams are data for the page renderer: their decoded size counts
against the total only beyond the raster their ``/Width`` and ``/Height``
declare, and an image declaring (or, for JPEG, holding) more than
:data:`gongkai.limits.MAX_PIXELS` pixels is refused, as an image file is.
In an encrypted file (an owner password only: the parsers open it) the streams
are measured again after decryption.
"""

from __future__ import annotations

import io
import re
from typing import Any

from gongkai import limits
from gongkai.errors import InputError
from gongkai.limits import check_deadline
from gongkai.readers.pdffilters import TERMINAL, decoded_size, measure, measures, pieces
from gongkai.readers.pdfrc4 import use_fast_rc4
from gongkai.readers.pdfsyntax import Name, Objects, StreamSite, decode_name, stream_sites

MAX_STREAM_BYTES = 256 * 1024 * 1024
"""Largest decoded size of one stream."""
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
"""Largest decoded size of all streams together (image data within its declared raster not counted)."""
MAX_SALVAGE = 300_000_000_000
"""Most bytes pdfminer may copy recovering damaged Flate data (about five seconds' work that nothing can
interrupt: it inflates such a stream byte by byte, growing one bytes object)."""
_EOL = re.compile(rb"[ \t]*(\r\n|\n|\r)")
_ENCRYPT = re.compile(rb"/(?:Encrypt|[^\x00\t\n\x0c\r ()<>\[\]{}/%]*#[0-9A-Fa-f]{2}[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)")
_CHANNELS = {"DeviceGray": 1, "CalGray": 1, "G": 1, "DeviceRGB": 3, "CalRGB": 3, "RGB": 3}
Decipher = Any


def inflated_size(raw: bytes, limit: int) -> int:
    """Bytes that Flate data ``raw`` inflates to, counting no further than just past ``limit``."""
    return decoded_size(pieces(raw, 0), ["FlateDecode"], limit)


def _names(value: Any, objects: Objects) -> list[str | None]:
    value = objects.resolve(value)
    items = value if isinstance(value, list) else [value]
    out: list[str | None] = []
    for item in items:
        item = objects.resolve(item)
        out.append(str(item) if isinstance(item, Name) else None)
    return out


def filter_chains(attrs: dict[str, Any] | None, objects: Objects) -> list[list[str | None]]:
    """The filter chains a parser may apply: pdfminer reads ``/F`` before ``/Filter``, PDFium ``/Filter``.

    A stream whose dictionary could not be read is measured as Flate.
    """
    if attrs is None:
        return [[None]]
    chains: list[list[str | None]] = []
    for key in ("F", "Filter"):
        if key in attrs and attrs[key] is not None:
            chain = _names(attrs[key], objects)
            if chain and chain not in chains:
                chains.append(chain)
    return chains


def _data_start(data: bytes, keyword: int) -> list[int]:
    """Where the stream data may start: after the end of line that follows ``stream``
    (and, when other bytes stand before it, right after the keyword too)."""
    after = keyword + len(b"stream")
    m = _EOL.match(data, after)
    if m:
        return [m.end()]
    eol = min((i for i in (data.find(b"\n", after), data.find(b"\r", after)) if i != -1), default=-1)
    return [after] if eol == -1 else [after, eol + 1]


def _image_raster(attrs: dict[str, Any], objects: Objects) -> int | None:
    """Bytes of the raster an image stream declares, or None when it is not an image."""
    if objects.resolve(attrs.get("Subtype")) != "Image":
        return None
    w, h = objects.resolve(attrs.get("Width")), objects.resolve(attrs.get("Height"))
    if not isinstance(w, int) or not isinstance(h, int) or w < 0 or h < 0:
        return 0
    _check_pixels(w, h)
    if objects.resolve(attrs.get("ImageMask")) is True:
        return (w + 7) // 8 * h
    bits = objects.resolve(attrs.get("BitsPerComponent"))
    bits = bits if isinstance(bits, int) and 1 <= bits <= 16 else 8
    space = objects.resolve(attrs.get("ColorSpace"))
    channels = _CHANNELS.get(str(space), 4) if isinstance(space, Name) else 4
    return (w * channels * bits + 7) // 8 * h


def _check_pixels(w: int, h: int) -> None:
    if w * h > limits.MAX_PIXELS:
        raise InputError(
            "E114",
            f"PDF 中的图像尺寸 {w}×{h} 像素超出上限 {limits.MAX_PIXELS // 1_000_000} 百万像素，疑似压缩炸弹，已拒绝读取",
        )


def _jpeg_size(data: bytes, start: int) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, read from its first markers."""
    if not data.startswith(b"\xff\xd8", start):
        return None
    pos = start + 2
    for _ in range(64):
        if data[pos : pos + 1] != b"\xff" or pos + 9 > len(data):
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[pos + 7 : pos + 9], "big"), int.from_bytes(data[pos + 5 : pos + 7], "big")
        pos += 2 + int.from_bytes(data[pos + 2 : pos + 4], "big")
    return None


def _raw_end(data: bytes, start: int) -> int:
    end = data.find(b"endstream", start)
    end = len(data) if end == -1 else end
    while end > start and data[end - 1 : end] in (b"\n", b"\r"):
        end -= 1
    return end


def _plain(data: bytes, start: int, site: StreamSite, decipher: Decipher | None) -> tuple[bytes, int]:
    """The stream's data as the parsers read it (decrypted when ``decipher`` is given) and where it starts."""
    if decipher is None or site.ref is None:
        return data, start
    raw = data[start : _raw_end(data, start)]
    try:
        return decipher(site.ref.num, site.ref.gen, raw, site.attrs), 0
    except Exception:  # undecryptable data is measured as it stands
        return raw, 0


def _measure(data: bytes, site: StreamSite, objects: Objects, decipher: Decipher | None) -> tuple[int, int | None, int]:
    """(decoded size of the stream, its declared raster size if it is an image, pdfminer's salvage work)."""
    attrs = site.attrs
    raster = _image_raster(attrs, objects) if attrs is not None else None
    chains = filter_chains(attrs, objects)
    size = salvage = 0
    for start in _data_start(data, site.keyword):
        plain, at = _plain(data, start, site, decipher)
        if raster is not None and chains and chains[0][:1] in (["DCTDecode"], ["DCT"]):
            jpeg = _jpeg_size(plain, at)
            if jpeg:
                _check_pixels(*jpeg)
        for chain in chains:
            if measures(chain):
                got, work = measure(pieces(plain, at), chain, MAX_STREAM_BYTES)
                size, salvage = max(size, got), max(salvage, work)
    return size, raster, salvage


def _decipher(data: bytes) -> Decipher | None:
    """pdfminer's decryption function when the file is encrypted and opens without a password."""
    if not any(m.group() == b"/Encrypt" or _is_encrypt(m.group()) for m in _ENCRYPT.finditer(data)):
        return None
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    use_fast_rc4()
    try:
        return PDFDocument(PDFParser(io.BytesIO(data))).decipher
    except Exception:  # a password is needed, or damage: the reader reports it
        return None


def _is_encrypt(raw: bytes) -> bool:
    return decode_name(raw[1:]) == "Encrypt"


def check_streams(data: bytes) -> None:
    """Raise E114 when a stream decodes beyond the limits (or an image is too large).

    Streams are measured as written; in an encrypted file, once more decrypted (cross-reference
    streams, which are never encrypted, are read by the parsers before anything else).
    """
    objects = Objects(data)
    sites = stream_sites(data)
    _check(data, sites, objects, None)
    decipher = _decipher(data)
    if decipher is not None:
        plain = [s for s in sites if s.attrs is None or objects.resolve(s.attrs.get("Type")) != "XRef"]
        _check(data, plain, objects, decipher)


def _check(data: bytes, sites: list[StreamSite], objects: Objects, decipher: Decipher | None) -> None:
    total = 0
    for site in sites:
        check_deadline("（检查 PDF 压缩数据时）")
        size, raster, salvage = _measure(data, site, objects, decipher)
        total += size if raster is None else max(0, size - raster)
        if raster is None and salvage > MAX_SALVAGE:
            raise InputError(
                "E110", f"PDF 中有一段压缩数据已损坏（解压出 {size // 1024} KB 后中断），修复读取耗时过长，已停止读取"
            )
        if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
            mb = (MAX_STREAM_BYTES if size > MAX_STREAM_BYTES else MAX_TOTAL_BYTES) // 1024 // 1024
            raise InputError("E114", f"PDF 中的压缩数据解压后超过 {mb} MB，疑似压缩炸弹，已拒绝读取")


__all__ = ["MAX_STREAM_BYTES", "MAX_TOTAL_BYTES", "TERMINAL", "check_streams", "filter_chains", "inflated_size"]
