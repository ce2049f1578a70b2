"""One PDF page within limits: how much content pdfminer interprets, how many objects, how long, how many pixels.

pdfplumber interprets a page's content the first time its characters are
asked for, in pure Python that :func:`gongkai.limits.check_deadline` between
pages cannot interrupt.  :func:`load_layout` runs that interpretation itself
with an interpreter that checks the deadline every few operators, measures each
content stream (and each form, every time it is drawn) before running it, and
counts the objects made, so a page of millions of characters or drawing
operators stops at the limit instead of filling memory.  The layout it sets is
the one pdfplumber would have made.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from pdfminer import settings
from pdfminer.layout import LTChar
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFContentParser, PDFGraphicState, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, resolve1, stream_value
from pdfminer.psparser import PSEOF, PSKeyword, PSLiteral, keyword_name
from pdfminer.utils import MATRIX_IDENTITY, Matrix
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent

from gongkai import limits
from gongkai.errors import InputError
from gongkai.limits import check_deadline
from gongkai.readers.pdffilters import decoded_size, pieces
from gongkai.readers.pdflex import FastContentParser, Unsupported, lex

SCAN_DPI = 150
"""Resolution image-only pages are rendered at for OCR."""
MIN_SCAN_DPI = 72
"""A page too large to render at SCAN_DPI within MAX_PIXELS is rendered lower, but not below this
(a report page read at 67 dpi still had every cell right; at 52 dpi 9 % were wrong)."""


_TICK = 64
"""Operators interpreted between two deadline checks."""


def _too_much(number: int, what: str) -> InputError:
    return InputError("E107", f"第 {number} 页{what}，超出上限，已停止读取")


class _Device(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, counting objects and content bytes against the page limits."""

    def __init__(self, page: Page) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        self.number = page.page_number
        self.objects = 0
        self.content = 0
        self.sizes: dict[int, int] = {}
        self.glyphs: dict[tuple[PDFFont, int], tuple[str, float, Any]] = {}

    def render_char(
        self,
        matrix: Matrix,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> float:
        """pdfminer's character (an ``LTChar``, tagged as pdfplumber tags it), each glyph's text and widths looked up once.

        ``to_unichr``, ``char_width`` and ``char_disp`` depend on the font and the code alone.
        """
        glyph = self.glyphs.get((font, cid))
        if glyph is None:
            try:
                text = font.to_unichr(cid)
                assert isinstance(text, str), str(type(text))
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            glyph = self.glyphs[(font, cid)] = (text, font.char_width(cid), font.char_disp(cid))
        item = LTChar(matrix, font, fontsize, scaling, rise, glyph[0], glyph[1], glyph[2], ncs, graphicstate)
        self.cur_item.add(item)
        self.tag_cur_item()
        return item.adv

    def tag_cur_item(self) -> None:
        super().tag_cur_item()
        self.objects += 1
        if self.objects > limits.MAX_PAGE_OBJECTS:
            raise _too_much(self.number, f"的文字和图形超过 {limits.MAX_PAGE_OBJECTS} 个")

    def add_content(self, streams: Sequence[object]) -> None:
        """Count the decoded size of streams about to be interpreted (E107 past the page limit)."""
        for obj in streams:
            stream = resolve1(obj)
            if not isinstance(stream, PDFStream):
                continue
            key = id(stream)
            if key not in self.sizes:
                self.sizes[key] = _stream_size(stream, limits.MAX_PAGE_CONTENT_BYTES - self.content)
            self.content += self.sizes[key]
            if self.content > limits.MAX_PAGE_CONTENT_BYTES:
                mb = limits.MAX_PAGE_CONTENT_BYTES // 1024 // 1024
                raise _too_much(self.number, f"的内容（含重复绘制的表单）解压后超过 {mb} MB")


def _stream_size(stream: PDFStream, limit: int) -> int:
    if stream.data is not None:
        return len(stream.data)
    raw = stream.rawdata or b""
    if stream.decipher is not None and stream.objid is not None and stream.genno is not None:
        raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
    names = [f.name if isinstance(f, PSLiteral) and isinstance(f.name, str) else None for f, _ in stream.get_filters()]
    if not names:
        return len(raw)
    return decoded_size(pieces(raw, 0), names, max(limit, 0))


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter, its streams lexed by :mod:`~gongkai.readers.pdflex`, the deadline checked as it goes."""

    device: _Device

    def render_contents(
        self, resources: dict[object, object], streams: Sequence[object], ctm: Matrix = MATRIX_IDENTITY
    ) -> None:
        self.device.add_content(streams)
        super().render_contents(resources, streams, ctm=ctm)

    def pop(self, n: int) -> list[Any]:
        """pdfminer's ``pop`` (also used by the colour operators), shortening the operand list in place."""
        if n == 0:
            return []
        x = self.argstack[-n:]
        del self.argstack[-n:]
        return x

    def execute(self, streams: Sequence[object]) -> None:
        """pdfminer's ``execute``: the same operators with the same operands, the deadline checked every few operators."""
        where = f"（第 {self.device.number} 页）"
        valid: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in self.parent_stream_ids:
                continue  # an inline stream, or a form drawing itself: pdfminer skips both
            valid.append(stream)
            self.stream_ids.add(stream.objid)
        try:
            objects = FastContentParser(lex(valid, where)).objects()
        except Unsupported:
            try:
                objects = _objects(PDFContentParser(valid))
            except PSEOF:
                return  # an empty page
        operators: dict[PSKeyword, tuple[Callable[..., Any], int] | None] = {}
        count = 0
        stack = self.argstack  # the same list throughout: pop() shortens it in place
        push = stack.append
        for obj in objects:
            if not isinstance(obj, PSKeyword):
                push(obj)
                continue
            count += 1
            if not count % _TICK:
                check_deadline(where)
            if obj not in operators:
                method = "do_" + keyword_name(obj).replace("*", "_a").replace('"', "_w").replace("'", "_q")
                func = getattr(self, method, None)
                operators[obj] = None if func is None else (func, func.__code__.co_argcount - 1)
            found = operators[obj]
            if found is None:
                if settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                continue
            func, nargs = found
            if nargs:
                args = stack[-nargs:]  # pdfminer's pop(nargs), keeping the list
                del stack[-nargs:]
                if len(args) == nargs:
                    func(*args)
            else:
                func()


def _objects(parser: PDFContentParser) -> Iterator[Any]:
    while True:
        try:
            yield parser.nextobject()[1]
        except PSEOF:
            return


def load_layout(page: Page) -> None:
    """Interpret ``page`` within the limits and keep the layout on it, as pdfplumber's ``Page.layout`` would.

    Raises:
        InputError: E107 too much content or too many objects on the page, E112 out of time.
    """
    device = _Device(page)
    _Interpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()  # the attribute pdfplumber's Page.layout caches its result in


def render_scale(width: float, height: float, number: int) -> float:
    """The scale (pixels per point) an image-only page of ``width`` × ``height`` points is rendered at.

    SCAN_DPI, lowered to keep the page within MAX_PIXELS.

    Raises:
        InputError: E107 when even MIN_SCAN_DPI would take more than MAX_PIXELS.
    """
    scale = SCAN_DPI / 72
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > limits.MAX_PIXELS:
        scale = math.sqrt(limits.MAX_PIXELS / area)
    if scale * 72 < MIN_SCAN_DPI - 1e-9:
        mp = limits.MAX_PIXELS // 1_000_000
        raise InputError(
            "E107",
            f"第 {number} 页尺寸 {width:.0f}×{height:.0f} 点，过大，无法在 {mp} 百万像素内以可识别的分辨率"
            f"（至少 {MIN_SCAN_DPI} dpi）渲染进行文字识别",
        )
    return scale
