"""PDF reader: text-layer pages through pdfplumber, image-only pages through OCR.

pypdfium2 opens the file first (fast, and strict about encryption and damage).
pdfplumber interprets each page within the page limits
(:func:`~gongkai.readers.pdfpage.load_layout`); a page without characters is
image-only and is rendered by pypdfium2 for OCR.  On a text
page, every character becomes a positioned :class:`~gongkai.readers.layout.Word`
and every visible ruling line a :class:`~gongkai.readers.layout.Segment`
(:func:`~gongkai.readers.pdfparts.page_parts`);
:func:`~gongkai.readers.layout.page_rows` rebuilds the ruled tables with their
merged cells and keeps the prose as lines.  Page numbers (``- 3 -``) and running
headers are dropped afterwards.  Bounding boxes are in PDF points from the top-left.

An error raised inside pdfminer, pdfplumber or pypdfium2 while a page is read
means the file is damaged there: the document fails with E110 naming the page.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from types import TracebackType

import pdfplumber
import pypdfium2 as pdfium

from gongkai.errors import InputError
from gongkai.limits import check_deadline, check_pages
from gongkai.readers.layout import page_rows
from gongkai.readers.pdffonts import use_fast_fonts
from gongkai.readers.pdfguard import check_streams
from gongkai.readers.pdfpage import load_layout, render_scale
from gongkai.readers.pdfparts import page_parts
from gongkai.readers.pdfrc4 import use_fast_rc4
from gongkai.readers.raw import RawDocument, RawRow

_LIBRARIES = frozenset({"pdfminer", "pdfplumber", "pypdfium2", "pypdfium2_raw"})
# pdfminer logs a warning for every glyph of a font it cannot measure (browser-printed PDFs have
# many) and for damaged files: not the user's business; a damaged file is reported by our codes.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
use_fast_rc4()
use_fast_fonts()
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(第\s*)?\d{1,4}\s*(页)?[-—–－\s]*(/\s*\d+|共\s*\d+\s*页)?$")
_MARGIN = 0.08


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("E109", "PDF 文件已加密，需要密码才能打开") from exc
        raise InputError("E110", "PDF 文件已损坏，无法打开") from exc


def _scan_rows(page: pdfium.PdfPage, number: int, path: str, table: int) -> tuple[list[RawRow], int]:
    from gongkai.readers.image import page_pieces, scan_page_rows

    width, height = page.get_size()
    scale = render_scale(width, height, number)
    rows: list[RawRow] = []
    for piece in page_pieces(page.render(scale=scale, grayscale=True).to_numpy()):
        check_deadline(f"（第 {number} 页）")
        piece_rows, table = scan_page_rows(piece.image, number, path, table)
        k = 1 / (piece.factor * scale)
        for row in piece_rows:
            for cell in row.cells:
                if cell.prov.bbox is not None:
                    x0, top, x1, bottom = cell.prov.bbox
                    x0, x1, top, bottom = x0 + piece.x, x1 + piece.x, top + piece.y, bottom + piece.y
                    box = (round(x0 * k, 1), round(top * k, 1), round(x1 * k, 1), round(bottom * k, 1))
                    cell.prov = cell.prov.model_copy(update={"bbox": box})
        rows += piece_rows
    return rows, table


def _has_images(page: pdfium.PdfPage) -> bool:
    return any(obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=2))


def _drop_furniture(pages: list[tuple[float, list[RawRow]]]) -> list[RawRow]:
    """Drop page numbers and running headers/footers printed in the page margins."""
    margin_texts: Counter[str] = Counter()
    for height, rows in pages:
        for text in {r.text for r in rows if r.kind == "text" and _in_margin(r, height)}:
            margin_texts[text] += 1
    repeated = {t for t, n in margin_texts.items() if n >= 2 and len(pages) >= 3}
    out: list[RawRow] = []
    for height, rows in pages:
        for r in rows:
            if r.kind == "text" and _in_margin(r, height) and (_PAGE_NUMBER.match(r.text) or r.text in repeated):
                continue
            out.append(r)
    return out


def _in_margin(row: RawRow, height: float) -> bool:
    box = row.prov.bbox
    return box is not None and (box[3] < height * _MARGIN or box[1] > height * (1 - _MARGIN))


def _from_library(exc: BaseException) -> bool:
    """Whether ``exc`` was raised inside (or passed through) the PDF libraries."""
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).split(".")[0] in _LIBRARIES:
            return True
        tb = tb.tb_next
    return False


def read_pdf(data: bytes, path: str) -> RawDocument:
    """Read a PDF's text layer (and OCR its image-only pages) into a RawDocument.

    Raises:
        InputError: E107 a page with too much content or too large to render, E109 encrypted,
            E110 corrupt (the page named), E111 too many pages, E112 time limit,
            E114 decompression bomb, E115 no text and no images.
    """
    page = [0]
    try:
        return _read_pdf(data, path, page)
    except (InputError, MemoryError):
        raise
    except Exception as exc:
        if not _from_library(exc):
            raise
        where = f"第 {page[0]} 页" if page[0] else "页面结构"
        raise InputError("E110", f"PDF 文件已损坏，{where}无法读取：{type(exc).__name__}") from exc


def _read_pdf(data: bytes, path: str, where: list[int]) -> RawDocument:
    check_streams(data)
    doc = _open(data)
    try:
        check_pages(len(doc))
        pages: list[tuple[float, list[RawRow]]] = []
        table, scanned, empty = 1, 0, 0
        try:
            plumber = pdfplumber.open(io.BytesIO(data))
        except Exception as exc:  # pdfminer raises many types on damaged files
            raise InputError("E110", f"PDF 文件结构损坏，无法读取文字层：{type(exc).__name__}") from exc
        with plumber:
            for i, ppage in enumerate(plumber.pages):
                where[0] = i + 1
                check_deadline(f"（第 {i + 1} 页）")
                load_layout(ppage)
                has_chars, words, segments = page_parts(ppage)
                if not has_chars:
                    page = doc[i]
                    if _has_images(page):
                        rows, table = _scan_rows(page, i + 1, path, table)
                        scanned += 1
                    else:
                        rows, empty = [], empty + 1
                    page.close()
                else:
                    rows, table = page_rows(words, segments, page=i + 1, path=path, table_start=table, stream=True)
                pages.append((float(ppage.height), rows))
                ppage.close()
        if empty == len(doc):
            raise InputError("E115", "PDF 中没有文字，也没有可识别的图像")
        hints = {"pages": str(len(doc))}
        if scanned:
            hints["scanned_pages"] = str(scanned)
        return RawDocument(path=path, format="pdf", encoding=None, rows=_drop_furniture(pages), hints=hints)
    finally:
        doc.close()
