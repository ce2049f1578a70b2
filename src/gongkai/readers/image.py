"""Image reader: a scanned or photographed report (PNG, JPEG, TIFF, GIF …), read by OCR.

Each frame of a multi-page TIFF (or GIF) is a page.  Large photos and
high-resolution scans are scaled down to about 150 dpi on A4 (the resolution
the OCR models work best at; small images are left as they are); a long
screenshot is cut into page-sized pieces at blank rows.  Pillow reads only the
header before the size is checked, so a small file claiming a huge image (a
decompression bomb) is refused unread.  Pages are read by
:func:`gongkai.readers.scan.scan_page_rows`, which the PDF reader also uses
for pages that are only a picture.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageOps, ImageSequence

from gongkai.errors import InputError
from gongkai.limits import check_deadline
from gongkai.readers.raw import RawDocument, RawRow
from gongkai.readers.scan import scan_page_rows

MAX_PIXELS = 60_000_000
"""Largest frame decoded (60 megapixels: an A4 page at 600 dpi is 35)."""
MAX_FRAMES = 200
"""Most frames (pages) of a multi-page image."""
PAGE_SHORT = 1240
"""Short side of a page in pixels after scaling (A4 at 150 dpi)."""
LARGEST_SHORT = 1654
"""Pages whose short side exceeds this (A4 at 200 dpi) are scaled down to PAGE_SHORT."""
TALL = 2.0
"""A frame taller than this many times A4's proportions is a long screenshot and is cut into pages."""


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
    if w * h > MAX_PIXELS:
        raise InputError(
            "E114",
            f"图片尺寸 {w}×{h} 像素（{w * h / 1e6:.0f} 百万像素）超出上限 {MAX_PIXELS // 1_000_000} 百万像素，疑似压缩炸弹",
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


def _cut(page: NDArray[np.uint8]) -> list[NDArray[np.uint8]]:
    """A long screenshot as page-sized pieces, each cut at the lightest row near its end."""
    h, w = page.shape[:2]
    step = round(w * 1.414)
    if h <= TALL * step:
        return [page]
    brightness = page.mean(axis=1)
    pieces: list[NDArray[np.uint8]] = []
    top = 0
    while h - top > step * 1.2:
        lo, hi = top + int(step * 0.6), top + step
        cut = hi - 1 - int(np.argmax(brightness[lo:hi][::-1]))  # the lowest of the lightest rows
        pieces.append(page[top:cut])
        top = cut
    pieces.append(page[top:])
    return pieces


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
        yield from _cut(_scale(arr))


def read_image(data: bytes, path: str) -> RawDocument:
    """Read a report from an image file by OCR.

    Raises:
        InputError: E110 corrupt or truncated image, E111 more than MAX_FRAMES pages,
            E114 larger than MAX_PIXELS, E115 no text recognised, E112 out of time.
    """
    im = _open(data)
    rows: list[RawRow] = []
    table = 1
    try:
        for number, page in enumerate(_frames(im), start=1):
            check_deadline(f"（第 {number} 页）")
            page_rows, table = scan_page_rows(page, number, path, table)
            rows += page_rows
    finally:
        im.close()
    if not any(r.text.strip() for r in rows):
        raise InputError("E115", "图片中没有识别出文字")
    return RawDocument(path=path, format="image", encoding=None, rows=rows)


__all__ = ["MAX_FRAMES", "MAX_PIXELS", "read_image", "scan_page_rows"]
