"""A page's words and ruling lines read from its layout are the ones pdfplumber's objects give."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfgen import canvas

from gongkai.readers.pdfpage import load_layout
from gongkai.readers.pdfparts import _parts_by_pdfplumber, page_parts
from tests.hostile_pdf import one_page

SAMPLES = sorted(Path(__file__).resolve().parents[2].joinpath("samples").glob("*.pdf"))


def _drawn(origin: tuple[int, int] = (0, 0)) -> bytes:
    """Text, lines, stroked and filled boxes (thin, wide, pale, dark), a curve and a polygon; MediaBox from ``origin``."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pageCompression=0)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Table 1  12 345")
    c.line(72, 700, 500, 700)
    c.line(300, 650, 300, 720)
    c.line(80, 600, 200, 640)  # neither level nor upright
    for k, (grey, w, h, stroke, fill) in enumerate(
        [(0, 400, 1, 0, 1), (0.95, 400, 20, 0, 1), (0.2, 400, 20, 0, 1), (0.5, 300, 40, 1, 0), (0.97, 2, 80, 0, 1)]
    ):
        c.setFillGray(grey)
        c.rect(72, 500 - 60 * k, w, h, stroke=stroke, fill=fill)
    c.setFillColorCMYK(0.05, 0.02, 0, 0)
    c.rect(300, 100, 100, 2, stroke=0, fill=1)
    c.bezier(100, 100, 150, 200, 200, 0, 250, 100)
    path = c.beginPath()
    path.moveTo(400, 600)
    path.lineTo(500, 600)
    path.lineTo(500, 650)
    path.lineTo(420, 680)
    path.close()
    c.drawPath(path, stroke=1, fill=0)
    c.showPage()
    c.save()
    data = out.getvalue()
    if origin != (0, 0):
        x, y = origin
        data = re.sub(
            rb"/MediaBox \[ 0 0 ([0-9.]+) ([0-9.]+) \]",
            lambda m: b"/MediaBox [ %d %d %.4f %.4f ]" % (x, y, float(m.group(1)) + x, float(m.group(2)) + y),
            data,
        )
    return data


def _both(data: bytes) -> list[tuple[object, object]]:
    pairs = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            load_layout(page)
            pairs.append((page_parts(page), _parts_by_pdfplumber(page)))
    return pairs


@pytest.mark.parametrize("origin", [(0, 0), (30, -20), (-12, 50)])
def test_pdfparts_drawn_page_as_pdfplumber_gives_it(origin: tuple[int, int]) -> None:
    [(fast, plumber)] = _both(_drawn(origin))
    assert fast == plumber
    has_chars, words, segments = fast
    assert has_chars and "".join(w.text for w in words) == "Table 1  12 345"
    assert len(segments) > 10 and {s.orientation for s in segments} == {"h", "v"}


def test_pdfparts_sample_pages_as_pdfplumber_gives_them() -> None:
    assert SAMPLES
    for path in SAMPLES:
        for fast, plumber in _both(path.read_bytes()):
            assert fast == plumber


def _stock_and_ours(data: bytes) -> list[tuple[object, object]]:
    """Each page read by pdfplumber alone, and through our interpreter (lexer, glyph cache) and page_parts."""
    pairs = []
    with pdfplumber.open(io.BytesIO(data)) as stock, pdfplumber.open(io.BytesIO(data)) as ours:
        for page, mine in zip(stock.pages, ours.pages, strict=True):
            load_layout(mine)
            pairs.append((_parts_by_pdfplumber(page), page_parts(mine)))
    return pairs


@pytest.mark.parametrize("name", ["drawn", "drawn-shifted", *(p.name for p in SAMPLES)])
def test_pdfparts_our_interpreter_reads_as_pdfplumber_alone(name: str) -> None:
    data = _drawn((30, -20) if name == "drawn-shifted" else (0, 0)) if name.startswith("drawn") else None
    for stock, ours in _stock_and_ours(data or SAMPLES[0].with_name(name).read_bytes()):
        assert ours == stock


def test_pdfparts_colour_operators_keep_the_operands_of_what_follows() -> None:
    """``scn``/``SCN`` take as many operands as their colour space has components; the rest stay."""
    content = (
        b"/DeviceRGB cs /DeviceCMYK CS 0.1 0.2 0.3 scn 0 0 0 1 SCN 72 700 400 1 re f "
        b"0.95 0.95 0.95 scn 72 600 400 1 re f 9 0.2 sc 72 500 m 500 500 l S "
        b"BT /F1 12 Tf 72 650 Td [(Ta) -300 (ble)] TJ ET"
    )
    [(stock, ours)] = _stock_and_ours(one_page(content))
    assert ours == stock and "".join(w.text for w in stock[1]) == "Table"  # type: ignore[index]
    tops = {s.top for s in stock[2]}  # type: ignore[index]
    assert 842 - 701 in tops and 842 - 601 not in tops  # the dark rule drawn, the pale one not
