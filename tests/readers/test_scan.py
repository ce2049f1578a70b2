"""Scans: rendered report pages read back by OCR identically; rules found; hostile images fail with their codes.

OCR takes about 3 s per full page on one core, so the round trips use a few fixed seeds.
"""

from __future__ import annotations

import io
import socket
import struct
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from gongkai import limits
from gongkai.api import check_path
from gongkai.errors import InputError
from gongkai.extract import extract
from gongkai.model import AnnualReport
from gongkai.readers import RawDocument, read_bytes
from gongkai.readers import image as image_reader
from gongkai.readers.layout import Segment, Word, find_grids
from gongkai.readers.ocr import OcrLine, new_engine
from gongkai.readers.ruling import find_segments, rotate, skew_angle
from gongkai.readers.scan import split_at_rules
from tests.hostile_pdf import check_in_child
from tests.layouts import Table2, Table3, Table4, assert_reads_back
from tests.scan_layout import FONT_PATH as FONT
from tests.scan_layout import degrade, encode, encode_tiff, random_tables, render


def _assert_identical(report: AnnualReport, t2: Table2, t3: Table3, t4: Table4) -> None:
    assert_reads_back(report, t2, t3, t4, variants=True)


def _one_document(docs: list[RawDocument]) -> RawDocument:
    """Pages read as separate image files, joined as one document (table numbers kept distinct)."""
    rows, offset = [], 0
    for doc in docs:
        tables = [r.table for r in doc.rows if r.table is not None]
        for row in doc.rows:
            if row.table is not None:
                row.table += offset
        rows += doc.rows
        offset += max(tables, default=0)
    return RawDocument(path="pages", format="image", encoding=None, rows=rows)


# ----------------------------------------------------------------- round trips
def test_png_pages_read_back_identically() -> None:
    t2, t3, t4 = random_tables(1)
    pages, _ = render(t2, t3, t4)
    docs = [read_bytes(encode(page), f"page{i}.png") for i, page in enumerate(pages, start=1)]
    assert {d.format for d in docs} == {"image"}
    report = extract(_one_document(docs))
    _assert_identical(report, t2, t3, t4)
    cell = report.table3.rows["carried_forward"]["total"]
    assert cell.provenance is not None and cell.provenance.file == "page2.png"
    assert cell.provenance.confidence is not None and 0.8 < cell.provenance.confidence <= 1
    x0, top, x1, bottom = cell.provenance.bbox  # type: ignore[misc]
    assert 0 < x0 < x1 < 1240 and 0 < top < bottom < 1754


def test_multipage_tiff_reads_back_identically() -> None:
    t2, t3, t4 = random_tables(2)
    pages, _ = render(t2, t3, t4)
    raw = read_bytes(encode_tiff(pages), "report.tif")
    assert raw.format == "image"
    report = extract(raw)
    _assert_identical(report, t2, t3, t4)
    assert report.table2.rows["regulations"]["issued"].provenance.page == 1  # type: ignore[union-attr]
    assert report.table4.rows["litigation_direct"]["total"].provenance.page == 2  # type: ignore[union-attr]


def test_degraded_jpeg_scans_read_back_identically() -> None:
    t2, t3, t4 = random_tables(3)
    pages, _ = render(t2, t3, t4)
    scans = [encode(degrade(page, seed=i, angle=0.5), "JPEG", quality=60) for i, page in enumerate(pages)]
    report = extract(_one_document([read_bytes(data, f"scan{i}.jpg") for i, data in enumerate(scans)]))
    _assert_identical(report, t2, t3, t4)


# ------------------------------------------------------------ rules and words
@pytest.mark.parametrize("angle", [0.0, 1.0, -1.0])
def test_rules_give_every_drawn_cell(angle: float) -> None:
    pages, truth = render(*random_tables(4))
    page = pages[1] if angle == 0 else degrade(pages[1], seed=7, angle=angle)
    arr = np.asarray(Image.open(io.BytesIO(encode(page, "JPEG", 60))) if angle else page)
    tilt = skew_angle(arr)
    assert tilt == pytest.approx(angle, abs=0.1)
    if tilt:
        arr = rotate(arr, -tilt)
    found = [box for grid in find_grids(find_segments(arr)) for *_, box in grid.cells]
    drawn = [c.box for c in truth if c.page == 1]
    assert len(found) == len(drawn)
    for box in drawn:
        assert any(all(abs(a - b) <= 4 for a, b in zip(box, f, strict=True)) for f in found), box


def test_rules_ignore_dashes_and_text_strokes() -> None:
    img = Image.new("L", (1240, 600), 255)
    draw = ImageDraw.Draw(img)
    draw.line((100, 100, 140, 100), fill=0, width=2)  # a dash “—” in a cell
    draw.line((300, 80, 300, 105), fill=0, width=2)  # a long stroke of a character
    draw.rectangle((100, 300, 1100, 500), outline=0, width=2)
    segments = find_segments(np.asarray(img))
    assert sorted(s.orientation for s in segments) == ["h", "h", "v", "v"]
    assert all(s.top >= 299 for s in segments)


def test_word_crossing_a_cell_rule_is_cut_there() -> None:
    chars = tuple(
        Word(ch, x, 10, x + 10, 30, confidence=c) for ch, x, c in [("1", 100, 0.9), ("2", 112, 0.7), ("3", 140, 0.99)]
    )
    line = OcrLine(Word("123", 100, 10, 150, 30, confidence=0.86), chars)
    rule = Segment("v", 130, 0, 130, 40)
    left, right = split_at_rules(line, [rule])
    assert (left.text, left.x1, left.confidence) == ("12", 122, 0.8)
    assert (right.text, right.x0, right.confidence) == ("3", 140, 0.99)
    assert split_at_rules(line, [Segment("v", 130, 50, 130, 90)]) == [line.word]  # the rule ends above the line


def test_engine_loads_bundled_models_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    img = Image.new("L", (400, 80), 255)
    ImageDraw.Draw(img).text((20, 20), "总计 128", font=ImageFont.truetype(FONT, 32), fill=0)
    result = new_engine()(np.asarray(img), return_word_box=True)
    assert "".join(result.txts).replace(" ", "") == "总计128"


def test_long_screenshot_cut_between_blocks() -> None:
    pages, truth = render(*random_tables(6))
    tall = np.vstack([np.asarray(p) for p in pages])  # three pages in one long image
    pieces = image_reader._cut(tall)
    assert len(pieces) == 3 and sum(p.shape[0] for p in pieces) == tall.shape[0]
    cuts = np.cumsum([p.shape[0] for p in pieces])[:-1]
    for y in cuts:
        assert tall[y].min() == 255  # a blank row: no text line or table is cut
        page, y_in_page = divmod(int(y), 1754)
        assert not any(c.box[1] < y_in_page < c.box[3] for c in truth if c.page == page)


# ------------------------------------------------------------------- hostile
def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


@pytest.mark.parametrize("size", [(100_000, 100_000), (9_000, 9_000)])
def test_pixel_bomb_refused_unread(size: tuple[int, int]) -> None:
    with pytest.raises(InputError) as exc:
        read_bytes(_png_header(*size), "bomb.png")
    assert exc.value.code == "E114"


def test_truncated_png_is_corrupt() -> None:
    pages, _ = render(*random_tables(5))
    data = encode(pages[0])
    with pytest.raises(InputError) as exc:
        read_bytes(data[: len(data) // 2], "cut.png")
    assert exc.value.code == "E110"


def test_garbage_after_magic_is_corrupt() -> None:
    with pytest.raises(InputError) as exc:
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x13" * 200, "junk.png")
    assert exc.value.code == "E110"


def test_blank_image_has_no_text() -> None:
    with pytest.raises(InputError) as exc:
        read_bytes(encode(Image.new("L", (1240, 1754), 255)), "blank.png")
    assert exc.value.code == "E115"


def test_too_many_tiff_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image_reader, "MAX_FRAMES", 3)
    frames = [Image.new("L", (16, 16), 255) for _ in range(4)]
    with pytest.raises(InputError) as exc:
        read_bytes(encode_tiff(frames), "many.tif")
    assert exc.value.code == "E111"


def test_image_only_pdf_is_read_by_ocr() -> None:
    """A scanned PDF (each page one image, no text layer) goes through OCR page by page."""
    t2, t3, t4 = random_tables(4)
    pages, _ = render(t2, t3, t4)
    out = io.BytesIO()
    rgb = [p.convert("RGB") for p in pages]
    rgb[0].save(out, format="PDF", save_all=True, append_images=rgb[1:], resolution=150)
    raw = read_bytes(out.getvalue(), "scan.pdf")
    assert raw.format == "pdf" and raw.hints["scanned_pages"] == str(len(pages))
    report = extract(raw)
    _assert_identical(report, t2, t3, t4)
    cell = report.table4.rows["administrative_review"]["total"]
    assert cell.provenance is not None and cell.provenance.confidence is not None
    x0, top, x1, bottom = cell.provenance.bbox  # type: ignore[misc]
    assert 0 < x0 < x1 <= 595 and 0 < top < bottom <= 842  # PDF points, like text-layer pages


# ------------------------------------------------------ tiny, thin and long images
@pytest.mark.parametrize("size", [(40, 40), (51, 80), (52, 80), (2, 5000), (100_000, 1)])
def test_small_or_thin_image_has_nothing_to_read(size: tuple[int, int], tmp_path: Path) -> None:
    """Case 06: images up to 51 px wide failed in OpenCV (a kernel of width 0), 100000×1 in the OCR's resize."""
    path = tmp_path / "thin.png"
    path.write_bytes(encode(Image.new("L", size, 255)))
    result = check_path(path, timeout=30)
    assert result.status == "failed" and [e.code for e in result.errors] == ["E115"]
    assert result.seconds < 20
    if min(size) < image_reader.MIN_SIDE:
        assert "过小" in result.errors[0].message and f"{size[0]}×{size[1]}" in result.errors[0].message


def test_one_pixel_wide_image_finishes(tmp_path: Path) -> None:
    """Case 07: a 1×3 PNG was cut into slices forever (the step rounded to one row), memory growing."""
    path = tmp_path / "white_1x3.png"
    path.write_bytes(encode(Image.new("L", (1, 3), 255)))
    child = check_in_child([path], timeout=30, wall=60)
    assert [r["codes"] for r in child["results"]] == [["E115"]]
    assert child["peak_mb"] < 400


@settings(max_examples=40, deadline=None)
@given(h=st.integers(1, 5000), w=st.integers(1, 5000))
def test_page_pieces_tile_the_page_in_bounded_shapes(h: int, w: int) -> None:
    block = max(2, min(h, w) // 8)
    page = ((np.indices((h, w)) // block).sum(axis=0) % 2 * 255).astype(np.uint8)  # a chessboard: ink everywhere
    pieces = image_reader.page_pieces(page)
    if min(h, w) < image_reader.MIN_SIDE:
        assert pieces == []
        return
    scaled = image_reader._scale(page)
    assert sum(p.image.size for p in pieces) == scaled.size
    covered = np.zeros(scaled.shape, dtype=np.int8)
    for p in pieces:
        ph, pw = p.image.shape
        covered[p.y : p.y + ph, p.x : p.x + pw] += 1
        assert np.array_equal(p.image, scaled[p.y : p.y + ph, p.x : p.x + pw])
        assert max(ph, pw) <= 3.5 * min(ph, pw)  # the OCR never has to blow up a strip
    assert covered.min() == covered.max() == 1


def test_blank_pieces_are_not_recognised() -> None:
    page = np.full((5000, 1240), 255, dtype=np.uint8)
    page[100:130, 100:600] = 0  # one line of "text" at the top
    pieces = image_reader.page_pieces(page)
    assert len(pieces) == 1 and pieces[0].y == 0


def test_tall_scanned_pdf_page_keeps_to_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    """An image-only page four A4 pages tall was recognised in one piece, past any deadline; now piece by piece."""
    pages, _ = render(*random_tables(2))
    tall = Image.fromarray(np.vstack([np.asarray(pages[0])] * 4)).convert("RGB")
    out = io.BytesIO()
    tall.save(out, format="PDF", resolution=150)
    seen: list[tuple[int, ...]] = []

    def slow_ocr(image: np.ndarray, page: int, path: str, table: int) -> tuple[list[object], int]:
        seen.append(image.shape)
        deadline = limits._deadline.get()
        assert deadline is not None
        time.sleep(max(0.0, deadline - time.monotonic()) + 0.05)  # this piece uses up the time left
        return [], table

    monkeypatch.setattr(image_reader, "scan_page_rows", slow_ocr)
    with limits.time_limit(3.0), pytest.raises(InputError) as exc:
        read_bytes(out.getvalue(), "tall.pdf")
    assert exc.value.code == "E112" and "第 1 页" in exc.value.message
    assert len(seen) == 1 and seen[0][0] <= 1754  # stopped after the first of four pieces
