"""Render a random consistent report as a real PDF with reportlab, for round-trip tests.

The tables are the official structure of :func:`tests.layouts.html_layout` (merged
cells, the group cell 三、本年度办理结果 printed as vertical text), ruled with a grid,
labels wrapped inside their cells, table 3 running over a page break, and a page
number ``- N -`` at the foot of each page.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from lxml import html as lhtml
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tests.layouts import Table2, Table3, Table4, document, html_layout

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
WIDTH = A4[0] - 40 * mm


@cache
def _font() -> str:
    pdfmetrics.registerFont(TTFont("WQY", FONT_PATH, subfontIndex=0))
    return "WQY"


def _styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=_font(), fontSize=11, leading=16, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=_font(), fontSize=8, leading=10, wordWrap="CJK")
    return body, cell


def _grid(table: Any) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """An HTML table as a full matrix of texts plus its (row, col, rowspan, colspan) spans."""
    taken: set[tuple[int, int]] = set()
    cells: dict[tuple[int, int], str] = {}
    spans: list[tuple[int, int, int, int]] = []
    width = 0
    for r, tr in enumerate(table.findall("tr")):
        c = 0
        for td in tr.findall("td"):
            while (r, c) in taken:
                c += 1
            rs, cs = int(td.get("rowspan", 1)), int(td.get("colspan", 1))
            cells[(r, c)] = td.text_content()
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            if rs > 1 or cs > 1:
                spans.append((r, c, rs, cs))
            c += cs
            width = max(width, c)
    height = max(r for r, _ in taken) + 1
    return [[cells.get((r, c), "") for c in range(width)] for r in range(height)], spans


def _table(matrix: list[list[str]], spans: list[tuple[int, int, int, int]], cell: ParagraphStyle) -> Table:
    ncols = len(matrix[0])
    # table 3 has three label columns, then seven numbers
    widths = [8 * mm, 22 * mm, 45 * mm] + [(WIDTH - 75 * mm) / 7] * 7 if ncols == 10 else [WIDTH / ncols] * ncols
    data: list[list[Any]] = []
    for row in matrix:
        out: list[Any] = []
        for text in row:
            if text == "三、本年度办理结果":
                text = "<br/>".join(text)
            out.append(Paragraph(text, cell) if text else "")
        data.append(out)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    style += [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in spans]
    return Table(data, colWidths=widths, style=TableStyle(style), splitInRow=0)


def _page_number(canvas: Any, doc: Any) -> None:
    canvas.setFont(_font(), 10)
    canvas.drawCentredString(A4[0] / 2, 12 * mm, f"- {doc.page} -")


def pdf_report(t2: Table2, t3: Table3, t4: Table4) -> bytes:
    body, cell = _styles()
    story: list[Any] = []
    tables = lhtml.fragment_fromstring(html_layout(t2, t3, t4), create_parent="div")
    for part in document(t2, t3, t4, "@@TABLES@@").split("\n\n"):
        if part != "@@TABLES@@":
            story.append(Paragraph(part, body))
            continue
        for el in tables:
            if el.tag == "p":
                story.append(Paragraph(el.text_content(), body))
            else:
                story.append(_table(*_grid(el), cell))
                story.append(Spacer(1, 4 * mm))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm)
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return out.getvalue()
