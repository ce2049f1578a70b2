"""A PDF page's characters and ruling lines, read from its layout as pdfplumber would give them.

pdfplumber turns every layout object into a dictionary of some thirty attributes
(``Page.objects``), characters included, before ``page.chars`` or ``page.edges``
can be asked for; a page of text spends more time there than in its tables.
:func:`page_parts` makes the :class:`~gongkai.readers.layout.Word` of each
character straight from pdfminer's ``LTChar``, with pdfplumber's own arithmetic
(top = page height − y1, shifted by the MediaBox), and leaves the few lines,
rectangles and curves to pdfplumber (``process_object`` and its edge functions),
so the words and segments are exactly the ones ``page.chars`` and
``page.filter(visible).edges`` give.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem, LTLine, LTRect
from pdfplumber.page import Page
from pdfplumber.utils.pdfinternals import resolve_all

from gongkai.readers.layout import Segment, Word

_RULE = 3.0
"""A filled box at most this thick (points) is a rule; a wider one is a shaded area."""


def _light(color: Any) -> bool:
    """White or a pale tint (a page panel's #f9f9f9, a header cell's 4 % grey): no visible line."""
    if not isinstance(color, (tuple, list)) or not color:
        return False
    values = [float(v) for v in color]
    if len(values) == 4:
        return all(v <= 0.1 for v in values)
    return all(v >= 0.9 for v in values)


def _visible(obj: dict[str, Any]) -> bool:
    """A rect draws a line when stroked, or when it is a thin dark fill (a rule drawn as a box).

    A white or pale fill (a panel's background) draws none, nor does a shaded area such as
    a header cell's background (its colour may be painted with transparency).
    """
    if obj.get("object_type") != "rect":
        return True
    return _visible_rect(
        obj.get("stroke"), obj.get("fill"), obj.get("width", 0), obj.get("height", 0), obj.get("non_stroking_color")
    )


def _visible_rect(stroke: Any, fill: Any, width: Any, height: Any, color: Any) -> bool:
    if stroke:
        return True
    thin = min(float(width), float(height)) <= _RULE
    return not fill or (thin and not _light(color))


def _leaves(objs: Sequence[LTItem]) -> Iterator[LTItem]:
    """Layout objects in pdfplumber's order: a container's children in its place (no layout analysis)."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _leaves(obj._objs)
        else:
            yield obj


def page_parts(page: Page) -> tuple[bool, list[Word], list[Segment]]:
    """Whether ``page`` (its layout loaded) has characters; its words (one a character); its ruling lines.

    A word is every printed character: cells are filled character by character, so a number can
    never run across a ruling line into the next cell.  Space characters the PDF really contains
    are kept (Latin text); other spacing is judged from the gaps.
    """
    if page.pdf.laparams is not None or page.pdf.unicode_norm is not None:
        return _parts_by_pdfplumber(page)  # pdfplumber would add layout boxes or change the text
    height = page.height
    shift, top0 = page.mediabox[0], page.mediabox[1]
    has_chars = False
    words: list[Word] = []
    lines: list[Segment] = []
    rects: list[Segment] = []
    curves: list[Segment] = []
    for obj in _leaves(page.layout._objs):
        if isinstance(obj, LTChar):
            has_chars = True
            text = obj.get_text()
            if text.strip() or text == " ":
                x0, x1 = (obj.x0 + shift, obj.x1 + shift) if shift != 0 else (obj.x0, obj.x1)
                top, bottom = (height - obj.y1) + top0, (height - obj.y0) + top0
                words.append(Word(text, float(x0), float(top), float(x1), float(bottom)))
        elif isinstance(obj, LTCurve) and type(obj) in (LTLine, LTRect, LTCurve):
            if type(obj) is LTCurve:  # pdfplumber: an edge between each two points, page coordinates
                pts = [(page.mediabox[0] + x, page.mediabox[1] + height - y) for x, y in resolve_all(obj.pts)]
                curves += [_curve_edge(p0, p1) for p0, p1 in pairwise(pts)]
                continue
            x0, x1 = (obj.x0 + shift, obj.x1 + shift) if shift != 0 else (obj.x0, obj.x1)
            top, bottom = (height - obj.y1) + top0, (height - obj.y0) + top0
            if type(obj) is LTLine:
                lines.append(_segment("h" if top == bottom else "v", x0, top, x1, bottom))
            elif _visible_rect(obj.stroke, obj.fill, obj.width, obj.height, resolve_all(obj.non_stroking_color)):
                # pdfplumber's rect_to_edges: top, bottom (at top + height), left, right
                rects += [
                    _segment("h", x0, top, x1, top),
                    _segment("h", x0, top + obj.height, x1, bottom),
                    _segment("v", x0, top, x0, bottom),
                    _segment("v", x1, top, x1, bottom),
                ]
        elif isinstance(obj, LTCurve):  # a subclass pdfplumber names otherwise: its own conversion
            return _parts_by_pdfplumber(page)
    return has_chars, words, lines + rects + curves


def _segment(orientation: str, x0: Any, top: Any, x1: Any, bottom: Any) -> Segment:
    return Segment("h" if orientation == "h" else "v", float(x0), float(top), float(x1), float(bottom))


def _curve_edge(p0: tuple[Any, Any], p1: tuple[Any, Any]) -> Segment:
    """pdfplumber's curve_to_edges for one pair of points (an edge neither level nor upright counts as ``v``)."""
    orientation = "v" if p0[0] == p1[0] else ("h" if p0[1] == p1[1] else "")
    return _segment(orientation, min(p0[0], p1[0]), min(p0[1], p1[1]), max(p0[0], p1[0]), max(p0[1], p1[1]))


def _parts_by_pdfplumber(page: Page) -> tuple[bool, list[Word], list[Segment]]:
    words = [
        Word(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
        for c in page.chars
        if c["text"].strip() or c["text"] == " "
    ]
    edges = page.filter(_visible).edges
    return bool(page.chars), words, [_segment(e["orientation"], e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges]
