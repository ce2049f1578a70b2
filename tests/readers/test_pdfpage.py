"""PDF pages read within limits: content interpreted, objects made, time taken, pixels rendered."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest

from gongkai import limits
from gongkai.errors import InputError
from gongkai.readers import read_bytes
from gongkai.readers.pdfpage import MIN_SCAN_DPI, SCAN_DPI, render_scale
from tests.hostile_pdf import check_in_child, image_page, one_page, pdf, stream


def _code(data: bytes) -> InputError:
    with pytest.raises(InputError) as err:
        read_bytes(data, "x.pdf")
    return err.value


def _forms(depth: int, fan: int, leaf: bytes) -> bytes:
    """A page drawing a form ``fan`` times, which draws the next ``fan`` times … ``depth`` levels deep."""
    font = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    draw = b"/X Do\n" * fan
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X 5 0 R >> %s >> >>" % font,
        stream(b"", draw),
    ]
    for level in range(depth):
        number = 5 + level
        inner = b"/XObject << /X %d 0 R >>" % (number + 1) if level < depth - 1 else b""
        attrs = b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << %s %s >>" % (inner, font)
        objects.append(stream(attrs, draw if level < depth - 1 else leaf))
    return pdf(objects)


def test_pdfpage_form_drawn_a_million_times_is_e107_at_once() -> None:
    data = _forms(6, 10, b"%" + b" " * 4000 + b"\nBT /F1 1 Tf (x) Tj ET")
    assert len(data) < 10_000
    start = time.perf_counter()
    err = _code(data)
    assert err.code == "E107" and "第 1 页" in err.message and "4 MB" in err.message
    assert time.perf_counter() - start < 10


def test_pdfpage_form_drawn_a_few_times_is_read() -> None:
    raw = read_bytes(_forms(2, 3, b"BT /F1 12 Tf 100 700 Td (drawn) Tj ET"), "x.pdf")
    assert [r.text for r in raw.rows] == ["".join(ch * 9 for ch in "drawn")]  # nine draws, one over another


def test_pdfpage_too_many_objects_is_e107(monkeypatch: pytest.MonkeyPatch) -> None:
    content = b"".join(b"BT /F1 10 Tf %d %d Td (abcdefghij) Tj ET\n" % (72, 800 - 12 * i) for i in range(30))
    assert len(read_bytes(one_page(content), "x.pdf").rows) == 30
    monkeypatch.setattr(limits, "MAX_PAGE_OBJECTS", 200)
    err = _code(one_page(content))  # 300 characters
    assert err.code == "E107" and "200" in err.message


def test_pdfpage_deadline_holds_inside_one_page() -> None:
    """Operators that draw nothing still take pdfminer seconds; the deadline is checked at each."""
    content = zlib.compress(b"q Q\n" * 900_000)  # 3.6 MB, under the content limit
    start = time.perf_counter()
    with limits.time_limit(0.5), pytest.raises(InputError) as err:
        read_bytes(one_page(content, b"/Filter /FlateDecode"), "x.pdf")
    assert err.value.code == "E112" and "第 1 页" in err.value.message
    assert time.perf_counter() - start < 5


def test_pdfpage_render_scale_bounded_by_pixels_and_legibility() -> None:
    assert render_scale(595, 842, 1) == SCAN_DPI / 72
    assert render_scale(2384, 3370, 1) == SCAN_DPI / 72  # A0 still fits at 150 dpi
    lowered = render_scale(5000, 5000, 1)
    assert MIN_SCAN_DPI / 72 <= lowered < SCAN_DPI / 72
    assert (5000 * lowered) ** 2 <= limits.MAX_PIXELS * 1.0001
    with pytest.raises(InputError) as err:
        render_scale(14400, 14400, 3)
    assert err.value.code == "E107" and "第 3 页" in err.value.message and "14400×14400" in err.value.message


def test_pdfpage_huge_image_only_pages_are_e107_in_bounded_memory(tmp_path: Path) -> None:
    """Case 14: pages of 14400 and 200000 points were rendered at 150 dpi for OCR (> 8 GB)."""
    paths = []
    for side in (14400, 200000):
        paths.append(tmp_path / f"page_{side}.pdf")
        paths[-1].write_bytes(image_page(side, side))
    child = check_in_child(paths, timeout=60, wall=120)
    for result in child["results"]:
        assert (result["status"], result["codes"]) == ("failed", ["E107"]), result
        assert "渲染" in result["messages"][0] and result["seconds"] < 10
    assert child["peak_mb"] < 400


def test_pdfpage_a4_image_only_page_still_read() -> None:
    raw = read_bytes(image_page(595, 842), "control.pdf")  # the control of case 14: a black box, no text
    assert raw.format == "pdf" and raw.hints["scanned_pages"] == "1"
