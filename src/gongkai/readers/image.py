"""Image reader: a scanned or photographed report (PNG, JPEG, TIFF, GIF …), read by OCR.

Each frame of a multi-page TIFF (or GIF) is a page.  Large photos and
high-resolution scans are scaled down to about 150 dpi on A4 (the resolution
the OCR models work best at; small images are left as they are); a long
screenshot is cut into page-sized pieces at blank rows (a very wide image into
pieces at blank columns), so the OCR never sees a strip it would have to blow
up; an image narrower than MIN_SIDE pixels, or one without ink, holds nothing
to read and is not recognised at all.  Pillow reads only the
header before the size is checked, so a small file claiming a huge image (a
decompression bomb) is refused unread.  Pages are read by
:func:`gongkai.readers.scan.scan_page_rows`, which the PDF reader also uses
for pages that are only a picture.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps, ImageSequence

from gongkai import limits
from gongkai.errors import InputError
from gongkai.limits import MAX_PIXELS, check_deadline  # MAX_PIXELS kept importable from here
from gongkai.readers.raw import RawDocument, RawRow
from gongkai.readers.scan import scan_page_rows

MAX_FRAMES = 200
"""Most frames (pages) of a multi-page image."""
PAGE_SHORT = 1240
"""Short side of a page in pixels after scaling (A4 at 150 dpi)."""
LARGEST_SHORT = 1654
"""Pages whose short side exceeds this (A4 at 200 dpi) are scaled down to PAGE_SHORT."""
TALL = 2.0
"""A frame taller than this many times A4's proportions is a long screenshot and is cut into pages."""
MIN_SIDE = 16
"""Pages narrower (or lower) than this many pixels hold no readable text and are not recognised."""
INK = 16
"""A piece whose darkest and lightest pixels differ by less than this is blank and is not recognised."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a page ready for OCR, where it lies in the scaled page, and the scale."""

    image: NDArray[np.uint8]
    x: int
    y: int
    factor: float
    """Pixels of the scaled page per pixel of the page given."""


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise InputError("E114", "图片声明的尺寸异常巨大，疑似压缩炸弹，已拒绝读取") from exc
    except Exception as exc:  # Pillow raises many types on broken files
        raise InputError("E110", "图片已损坏或格式无法识别") from exc
    _check_size(im)
    return im


def _check_size(im: Image.Image) -> None:
    w, h = im.size
    if w * h > limits.MAX_PIXELS:
        raise InputError(
            "E114",
            f"图片尺寸 {w}×{h} 像素（{w * h / 1e6:.0f} 百万像素）超出上限 "
            f"{limits.MAX_PIXELS // 1_000_000} 百万像素，疑似压缩炸弹",
        )
    if w < 1 or h < 1:
        raise InputError("E110", "图片尺寸为零")


def _to_array(frame: Image.Image) -> NDArray[np.uint8]:
    """A grey uint8 array of a frame, transparency composed on white, EXIF rotation applied."""
    frame = ImageOps.exif_transpose(frame) or frame
    if frame.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        arr = np.asarray(frame, dtype=np.float64)
        top = float(arr.max()) or 1.0
        return np.asarray(np.clip(arr * 255.0 / top, 0, 255), dtype=np.uint8)
    if "A" in frame.getbands() or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(white, rgba)
    return np.asarray(frame.convert("L"), dtype=np.uint8)


def _scale(page: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Scaled down to PAGE_SHORT when larger than LARGEST_SHORT; small pages are kept as they are.

    Scaling up does not help the OCR: a page at 52 dpi was read 91 % right as it
    was and 73 % right scaled up to 150 dpi; at 67 dpi and more every cell was right.
    """
    short = min(page.shape[:2])
    if short <= LARGEST_SHORT:
        return page
    factor = PAGE_SHORT / short
    size = (max(1, round(page.shape[1] * factor)), max(1, round(page.shape[0] * factor)))
    return np.asarray(cv2.resize(page, size, interpolation=cv2.INTER_AREA), dtype=np.uint8)


def _spans(profile: NDArray[np.float64], across: int) -> list[tuple[int, int]]:
    """Page-sized spans along a page ``across`` pixels wide, each ending at the lightest line near its end.

    ``profile`` is the mean brightness of each line; a span is about A4's proportion of ``across``.
    """
    length = len(profile)
    step = max(MIN_SIDE, round(across * 1.414))
    if length <= TALL * step:
        return [(0, length)]
    spans: list[tuple[int, int]] = []
    top = 0
    while length - top > step * 1.2:
        lo, hi = top + int(step * 0.6), top + step
        cut = hi - 1 - int(np.argmax(profile[lo:hi][::-1]))  # the lowest of the lightest lines
        spans.append((top, cut))
        top = cut
    spans.append((top, length))
    return spans


def _cut(page: NDArray[np.uint8]) -> list[NDArray[np.uint8]]:
    """A long screenshot as page-sized pieces, each cut at the lightest row near its end."""
    return [page[a:b] for a, b in _spans(page.mean(axis=1), page.shape[1])]


def page_pieces(page: NDArray[np.uint8]) -> list[Piece]:
    """A grey page image as the pieces to recognise: scaled (:func:`_scale`), a long page cut into
    page-sized pieces at blank rows, a very wide one at blank columns; none when the page is
    narrower than MIN_SIDE pixels, and no blank piece."""
    if min(page.shape[:2]) < MIN_SIDE:
        return []
    scaled = _scale(page)
    factor = scaled.shape[0] / page.shape[0]
    out: list[Piece] = []
    for top, bottom in _spans(scaled.mean(axis=1), scaled.shape[1]):
        band = scaled[top:bottom]
        for left, right in _spans(band.mean(axis=0), band.shape[0]):
            piece = np.ascontiguousarray(band[:, left:right])
            if int(piece.max()) - int(piece.min()) >= INK:
                out.append(Piece(piece, left, top, factor))
    return out


def _frames(im: Image.Image) -> Iterator[NDArray[np.uint8]]:
    try:
        count = getattr(im, "n_frames", 1)
    except Exception as exc:
        raise InputError("E110", "图片已损坏，无法读出页数") from exc
    if count > MAX_FRAMES:
        raise InputError("E111", f"图片共 {count} 页，超出上限 {MAX_FRAMES} 页")
    frames = ImageSequence.Iterator(im)
    while True:
        try:
            frame = next(frames)
        except StopIteration:
            return
        except Exception as exc:
            raise InputError("E110", "图片已损坏，无法读出下一页") from exc
        _check_size(frame)
        try:
            arr = _to_array(frame)
        except Exception as exc:  # truncated or broken pixel data
            raise InputError("E110", "图片已损坏或被截断，无法解码") from exc
        yield arr


def read_image(data: bytes, path: str) -> RawDocument:
    """Read a report from an image file by OCR.

    Raises:
        InputError: E110 corrupt or truncated image, E111 more than MAX_FRAMES pages,
            E114 larger than MAX_PIXELS, E115 no text recognised (or too small to hold any),
            E112 out of time.
    """
    im = _open(data)
    rows: list[RawRow] = []
    table, number, small = 1, 0, ""
    try:
        for frame in _frames(im):
            if min(frame.shape[:2]) < MIN_SIDE:
                small = f"{frame.shape[1]}×{frame.shape[0]}"
            for piece in page_pieces(frame):
                number += 1
                check_deadline(f"（第 {number} 页）")
                page_rows, table = scan_page_rows(piece.image, number, path, table)
                rows += page_rows
    finally:
        im.close()
    if not any(r.text.strip() for r in rows):
        if small and not number:
            raise InputError("E115", f"图片尺寸 {small} 像素，过小，没有可识别的文字")
        raise InputError("E115", "图片中没有识别出文字")
    return RawDocument(path=path, format="image", encoding=None, rows=rows)


__all__ = ["MAX_FRAMES", "MAX_PIXELS", "Piece", "page_pieces", "read_image", "scan_page_rows"]
