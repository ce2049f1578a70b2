"""Find the ruling lines of tables in a page image (scans and image-only PDF pages).

The page is binarised with an adaptive threshold (uneven lighting, grey paper),
then a morphological opening with a long, thin kernel keeps only runs of ink
longer than any stroke of a character: one mask of horizontal rules, one of
vertical rules.  Each connected piece of a mask becomes a segment; collinear
pieces broken by noise or JPEG artefacts are merged, ends are snapped to the
perpendicular rules they nearly touch, and short pieces that touch no other
rule (a dash “—” in a cell, a stroke of 一) are dropped.

A page scanned slightly askew (up to a few degrees) should first be turned
straight with :func:`skew_angle` and :func:`rotate`; the opening itself
tolerates about 1° (a 2-pixel rule then stays on one pixel row for 100+ pixels).
Coordinates are pixels of the image given, y growing downwards.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from numpy.typing import NDArray

from gongkai.readers.layout import Segment

Image = NDArray[np.uint8]
REFERENCE_WIDTH = 1240
"""Page width in pixels of A4 at 150 dpi: kernel sizes and tolerances scale with width / this."""


def _u8(array: object) -> Image:
    return np.asarray(array, dtype=np.uint8)


def to_gray(image: NDArray[np.uint8]) -> Image:
    """A 2-D uint8 image (RGB, RGBA or already grey)."""
    if image.ndim == 2:
        return image
    if image.shape[2] == 4:
        return _u8(cv2.cvtColor(image, cv2.COLOR_RGBA2GRAY))
    return _u8(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))


def _binary(gray: Image, scale: float) -> Image:
    block = max(15, int(31 * scale)) | 1
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    return _u8(cv2.adaptiveThreshold(smooth, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 15))


def _masks(gray: Image) -> tuple[Image, Image, float]:
    scale = gray.shape[1] / REFERENCE_WIDTH
    binary = _binary(gray, scale)
    length = max(15, int(28 * scale))
    horizontal = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    vertical = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    # close small breaks along each rule (noise, JPEG blocks, a rule drawn in pieces)
    gap = max(3, int(6 * scale))
    horizontal = cv2.morphologyEx(horizontal, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 1)))
    vertical = cv2.morphologyEx(vertical, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, gap)))
    return _u8(horizontal), _u8(vertical), scale


def skew_angle(image: NDArray[np.uint8], limit: float = 5.0) -> float:
    """The page's tilt in degrees (positive: rules rise to the right), from its long horizontal rules.

    0.0 when the page has no long rule or the tilt looks larger than ``limit``.
    """
    gray = to_gray(image)
    scale = gray.shape[1] / REFERENCE_WIDTH
    binary = _binary(gray, scale)
    # a short kernel keeps the steps of a tilted rule; long components are rules
    opened = cv2.morphologyEx(
        binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(1, int(24 * scale)), 1))
    )
    opened = cv2.dilate(opened, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    angles: list[float] = []
    weights: list[float] = []
    for i in range(1, count):
        x, y, w, h, _area = stats[i]
        if w < 300 * scale or h > w * 0.1:
            continue
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == i)
        slope = np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0]
        angles.append(-math.degrees(math.atan(slope)))
        weights.append(float(w))
    if not angles:
        return 0.0
    order = np.argsort(angles)
    cumulative = np.cumsum(np.asarray(weights)[order])
    median = float(np.asarray(angles)[order][np.searchsorted(cumulative, cumulative[-1] / 2)])
    return median if abs(median) <= limit else 0.0


def rotate(image: NDArray[np.uint8], angle: float) -> NDArray[np.uint8]:
    """``image`` turned by ``angle`` degrees counter-clockwise about its centre, corners filled white."""
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    white = (255,) * (1 if image.ndim == 2 else image.shape[2])
    return _u8(
        cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=white)
    )


def _pieces(mask: Image, orientation: str) -> list[tuple[float, float, float]]:
    """(position across, start, end along) of each connected piece of a mask."""
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out: list[tuple[float, float, float]] = []
    for i in range(1, count):
        x, y, w, h, _area = stats[i]
        if orientation == "h":
            out.append((float(centroids[i][1]), float(x), float(x + w - 1)))
        else:
            out.append((float(centroids[i][0]), float(y), float(y + h - 1)))
    return out


def _merge_once(
    pieces: list[tuple[float, float, float]], across: float, along: float
) -> list[tuple[float, float, float]]:
    merged: list[list[float]] = []
    for pos, a, b in sorted(pieces):
        for m in merged:
            if abs(m[0] - pos) <= across and a <= m[2] + along and b >= m[1] - along:
                total = (m[2] - m[1]) + (b - a) or 1.0
                m[0] = (m[0] * (m[2] - m[1]) + pos * (b - a)) / total
                m[1], m[2] = min(m[1], a), max(m[2], b)
                break
        else:
            merged.append([pos, a, b])
    return [(m[0], m[1], m[2]) for m in merged]


def _merge(pieces: list[tuple[float, float, float]], across: float, along: float) -> list[list[float]]:
    """Join pieces on one line (positions within ``across``) whose ends are within ``along``."""
    while True:  # a merge can bring two pieces close enough for another
        merged = _merge_once(pieces, across, along)
        if len(merged) == len(pieces):
            return [list(m) for m in merged]
        pieces = merged


def _snap(lines: list[list[float]], others: list[list[float]], tol: float) -> None:
    """Move each end of ``lines`` onto a perpendicular line it nearly reaches (in place)."""
    for line in lines:
        pos = line[0]
        crossing = [o for o in others if o[1] - tol <= pos <= o[2] + tol]
        for end in (1, 2):
            near = [o[0] for o in crossing if abs(o[0] - line[end]) <= tol]
            if near:
                line[end] = min(near, key=lambda p: abs(p - line[end]))


def _touches(line: list[float], others: list[list[float]], tol: float) -> int:
    """How many of ``line``'s two ends lie on a perpendicular line."""
    return sum(
        any(abs(o[0] - line[end]) <= tol and o[1] - tol <= line[0] <= o[2] + tol for o in others) for end in (1, 2)
    )


def find_segments(image: NDArray[np.uint8]) -> list[Segment]:
    """Horizontal and vertical ruling lines of ``image`` (already straight), merged and snapped."""
    gray = to_gray(image)
    horizontal, vertical, scale = _masks(gray)
    tol = max(4.0, 8.0 * scale)
    hs = _merge(_pieces(horizontal, "h"), 3.0 * scale + 1, tol)
    vs = _merge(_pieces(vertical, "v"), 3.0 * scale + 1, tol)
    _snap(hs, vs, tol)
    _snap(vs, hs, tol)
    short = 150 * scale
    keep_h = [h for h in hs if h[2] - h[1] >= short or _touches(h, vs, 1.0) >= 1]
    keep_v = [v for v in vs if v[2] - v[1] >= short or _touches(v, hs, 1.0) == 2]
    out = [Segment("h", round(h[1], 1), round(h[0], 1), round(h[2], 1), round(h[0], 1)) for h in keep_h]
    out += [Segment("v", round(v[0], 1), round(v[1], 1), round(v[0], 1), round(v[2], 1)) for v in keep_v]
    return out
