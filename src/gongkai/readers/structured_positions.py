"""Positions carried inline in an extract JSON (``page``, ``line``, ``bbox`` …) read back as a provenance."""

from __future__ import annotations

import math
from typing import Any

from gongkai.model import Provenance

_POSITIONS = ("page", "line", "char", "paragraph", "table", "row", "column")
_NAMES = ("sheet", "cell")


def _bbox(value: object) -> tuple[float, float, float, float] | None:
    if not isinstance(value, list) or len(value) != 4:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in value):
        return None
    x0, top, x1, bottom = (float(v) for v in value)
    return (x0, top, x1, bottom)


def positions(data: dict[str, object], file: str, *, strict: bool = False) -> Provenance | None:
    """The positions given inline as a provenance: ``page``, ``line`` … (non-negative integers),
    ``bbox`` (four numbers), ``confidence`` (0–1), ``sheet``/``cell`` (short names).

    Without ``strict``, malformed positions are left out and None means none was given; with
    ``strict``, a malformed one gives None (a text line's positions are what joins it to the next).
    """
    fields: dict[str, Any] = {}
    bad = False
    for key in _POSITIONS:
        v = data.get(key)
        if v is None:
            continue
        if type(v) is int and v >= 0:
            fields[key] = v
        else:
            bad = True
    if data.get("bbox") is not None:
        box = _bbox(data["bbox"])
        bad = bad or box is None
        if box is not None:
            fields["bbox"] = box
    conf = data.get("confidence")
    if conf is not None:
        if isinstance(conf, int | float) and not isinstance(conf, bool) and 0 <= conf <= 1:
            fields["confidence"] = float(conf)
        else:
            bad = True
    for key in _NAMES:
        v = data.get(key)
        if v is None:
            continue
        if isinstance(v, str) and 0 < len(v) <= 64:
            fields[key] = v
        else:
            bad = True
    if strict:
        return None if bad else Provenance(file=file, **fields)
    return Provenance(file=file, **fields) if fields else None
