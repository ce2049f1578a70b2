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
from typing import Any

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem
from pdfplumber.page import Page
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

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
    if obj.get("stroke"):
        return True
    thin = min(float(obj.get("width", 0)), float(obj.get("height", 0))) <= _RULE
    return not obj.get("fill") or (thin and not _light(obj.get("non_stroking_color")))


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
    shapes: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}
    for obj in _leaves(page.layout._objs):
        if isinstance(obj, LTChar):
            has_chars = True
            text = obj.get_text()
            if text.strip() or text == " ":
                x0, x1 = (obj.x0 + shift, obj.x1 + shift) if shift != 0 else (obj.x0, obj.x1)
                top, bottom = (height - obj.y1) + top0, (height - obj.y0) + top0
                words.append(Word(text, float(x0), float(top), float(x1), float(bottom)))
        elif isinstance(obj, LTCurve):  # lines and rects are curves too
            shape = page.process_object(obj)
            if _visible(shape):
                shapes[shape["object_type"]].append(shape)
    edges = [line_to_edge(s) for s in shapes["line"]]
    edges += [e for s in shapes["rect"] for e in rect_to_edges(s)]
    edges += [e for s in shapes["curve"] for e in curve_to_edges(s)]
    return has_chars, words, [_segment(e) for e in edges]


def _segment(e: dict[str, Any]) -> Segment:
    return Segment(
        "h" if e["orientation"] == "h" else "v", float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])
    )


def _parts_by_pdfplumber(page: Page) -> tuple[bool, list[Word], list[Segment]]:
    words = [
        Word(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
        for c in page.chars
        if c["text"].strip() or c["text"] == " "
    ]
    return bool(page.chars), words, [_segment(e) for e in page.filter(_visible).edges]
