"""The report as a Word (DOCX) file in the official layout (国办公开办函〔2021〕30号).

Walks :func:`gongkai.render.document.blocks`, which decides what is printed in
what order and the tables' grids; this module only decides how it looks:

* A4, the margins of a 公文 (top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm),
  page numbers "— N —" centred in the footer (a PAGE field);
* title 方正小标宋简体 二号 centred, broken after the agency when it does not fit on one
  line (as the HTML/PDF title breaks); headings 黑体 三号; （一）-level sub-headings
  楷体_GB2312 (a paragraph style for a sub-heading on its own line, a character style for
  one that opens a paragraph); body 仿宋_GB2312 三号 with a two-character first-line
  indent on exact 29 pt lines; signature right-aligned;
* table 3 starts a new page, as in the official template (its heading with it when
  section 三 has no text before the table);
* tables exactly as the grids: merged cells, the template's column widths (fixed
  layout), single black borders, header rows repeated on each page, 宋体 五号 text;
* a draft carries the 草稿 watermark as a picture behind the text, anchored in the
  page header: it shows on every page and never enters the body text.

Paragraph looks are styles (Normal, Title, heading 1, Signature, Table Text), so a
user can restyle the document in Word.  The output is deterministic: core
properties come from the report and the zip entries carry a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Twips

from gongkai.model import AnnualReport
from gongkai.model.grid import Grid, GridCell
from gongkai.model.labels import text_width
from gongkai.render.document import Heading, Paragraph, Signature, Table, Title, blocks, report_title
from gongkai.render.docx_styles import (
    CORE_PROPERTY_MAX,
    LINE,
    ROW_HEIGHT,
    TITLE_EMS,
    W,
    setup_styles,
)
from gongkai.render.watermark import watermark_png

PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGINS = {"top": Cm(3.7), "bottom": Cm(3.5), "left": Cm(2.8), "right": Cm(2.6)}
BAR_FILL = "C6D9F1"
"""Shading of a header bar spanning the whole table (the template's table 2 group titles)."""
CENTRED_LABELS = frozenset({"table2"})
"""Tables whose row labels the template centres; other tables' labels are left-aligned."""
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_ANCHOR = (
    f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="0"'
    ' behindDoc="1" locked="1" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="page"><wp:align>center</wp:align></wp:positionH>'
    '<wp:positionV relativeFrom="page"><wp:align>center</wp:align></wp:positionV></wp:anchor>'
)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _setup_page(doc: Any, report: AnnualReport, draft: bool) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance, section.footer_distance = Cm(1.5), Cm(2.5)
    footer = section.footer.paragraphs[0]
    footer._p.style = "Footer"
    footer.add_run("— ")
    footer._p.append(parse_xml(f'<w:fldSimple {W} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" —")
    if draft:
        _watermark(doc, section)
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's template ships a picture of some other document
            package.rels.pop(rid)
    props = doc.core_properties
    meta = report.metadata
    props.title = report_title(report)[:CORE_PROPERTY_MAX]
    props.author = props.last_modified_by = (meta.signature_agency or meta.agency or "")[:CORE_PROPERTY_MAX]
    props.comments = props.subject = props.keywords = ""
    props.language = "zh-CN"
    props.revision = 1
    if isinstance(meta.signature_date, dt.date):
        stamp = dt.datetime(meta.signature_date.year, meta.signature_date.month, meta.signature_date.day)
        props.created = props.modified = stamp


def _watermark(doc: Any, section: Any) -> None:
    """The 草稿 picture, page-sized, centred on the page and behind the text, anchored in the header."""
    paragraph = section.header.paragraphs[0]
    paragraph._p.style = "Header"
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(watermark_png()), width=PAGE_WIDTH, height=PAGE_HEIGHT)
    inline = run._r.find(f"{qn('w:drawing')}/{qn('wp:inline')}")
    anchor = parse_xml(_ANCHOR)
    anchor.append(inline.find(qn("wp:extent")))
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f"<wp:wrapNone {nsdecls('wp')}/>"))
    inline.find(qn("wp:docPr")).set("name", "Watermark")
    for tag in ("wp:docPr", "wp:cNvGraphicFramePr", "a:graphic"):
        anchor.append(inline.find(qn(tag)))
    inline.getparent().replace(inline, anchor)


def _placements(grid: Grid) -> list[tuple[int, int, GridCell]]:
    """Each grid cell with its top-left (row, column), skipping the slots taken by spans from above."""
    taken: set[tuple[int, int]] = set()
    out: list[tuple[int, int, GridCell]] = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken.update((r + i, c + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            c += cell.colspan
    return out


def _alignment(grid: Grid, cell: GridCell) -> str:
    if cell.kind == "label" and grid.table_id not in CENTRED_LABELS:
        return "left"
    if cell.kind == "head" and (cell.colspan == grid.columns or (cell.rowspan > 1 and cell.colspan > 1)):
        return "left"  # a bar over the whole table, the explanatory note of table 3
    return "center"


def _tc(block: Table, cell: GridCell, column: int, continued: bool) -> str:
    """One ``w:tc``: its width, spans, shading and text; a vertical-merge continuation is empty."""
    grid = block.grid
    props = f'<w:tcW w:w="{sum(grid.widths[column : column + cell.colspan])}" w:type="dxa"/>'
    if cell.colspan > 1:
        props += f'<w:gridSpan w:val="{cell.colspan}"/>'
    if cell.rowspan > 1:
        props += "<w:vMerge/>" if continued else '<w:vMerge w:val="restart"/>'
    if cell.kind == "head" and cell.colspan == grid.columns:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{BAR_FILL}"/>'
    props += '<w:vAlign w:val="center"/>'
    text = "" if continued else block.text(cell.key) if cell.kind == "value" else cell.text
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    paragraph = f'<w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="{_alignment(grid, cell)}"/></w:pPr>{run}</w:p>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph}</w:tc>"


def _table(doc: Any, block: Table) -> None:
    """The grid as a ``w:tbl``: fixed layout at the template's widths, merges as gridSpan and vMerge.

    A table that starts a new page has ``pageBreakBefore`` on its first row's paragraphs
    (Word and LibreOffice honour it there; a table has no page-break property of its own).
    """
    grid = block.grid
    slots: list[dict[int, tuple[GridCell, bool]]] = [{} for _ in grid.rows]
    for r, c, cell in _placements(grid):
        for i in range(cell.rowspan):
            slots[r + i][c] = (cell, i > 0)
    rows = []
    for r, row in enumerate(slots):
        header = "<w:tblHeader/>" if r < grid.head_rows else ""
        cells = "".join(_tc(block, cell, c, continued) for c, (cell, continued) in sorted(row.items()))
        if r == 0 and block.new_page:
            cells = cells.replace('<w:pStyle w:val="TableText"/>', '<w:pStyle w:val="TableText"/><w:pageBreakBefore/>')
        rows.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{ROW_HEIGHT}" w:hRule="atLeast"/>{header}</w:trPr>{cells}</w:tr>'
        )
    columns = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid.widths)
    doc.element.body._insert_tbl(
        parse_xml(
            f'<w:tbl {W}><w:tblPr><w:tblW w:w="{sum(grid.widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
            f' w:noHBand="1" w:noVBand="1"/><w:tblCaption w:val={quoteattr(grid.title)}/></w:tblPr>'
            f"<w:tblGrid>{columns}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )
    )


def _deterministic(data: bytes) -> bytes:
    """The package with every zip entry stamped 1980-01-01 (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME), src.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _title(doc: Any, block: Title) -> None:
    """The title, with a line break after the agency when it does not fit on one line."""
    paragraph = doc.add_paragraph()
    paragraph._p.style = "Title"
    lines = block.lines if text_width(block.text) > TITLE_EMS else [block.text]
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def render_docx(report: AnnualReport, *, draft: bool = False) -> bytes:
    """The report as a .docx in the official layout; ``draft`` adds the 草稿 watermark on every page."""
    doc = Document()
    setup_styles(doc)
    _setup_page(doc, report, draft)
    after_table = False
    for block in blocks(report):
        lines: list[tuple[str, str]] = []
        if isinstance(block, Title):
            _title(doc, block)
        elif isinstance(block, Heading):
            lines.append((block.text, "Heading1"))
        elif isinstance(block, Paragraph):
            lines.append((block.text, "Heading2" if block.lead == len(block.text) else "Normal"))
        elif isinstance(block, Signature):
            lines += [(line, "Signature") for line in block.lines]
        elif isinstance(block, Table):
            _table(doc, block)
        for i, (text, style) in enumerate(lines):
            paragraph = doc.add_paragraph()
            if isinstance(block, Paragraph) and 0 < block.lead < len(block.text):
                paragraph.add_run(block.subheading)._r.get_or_add_rPr().append(
                    parse_xml(f'<w:rStyle {W} w:val="SubheadingChar"/>')
                )
                paragraph.add_run(block.rest)
            else:
                paragraph.add_run(text)
            paragraph._p.style = style
            if isinstance(block, Heading) and block.new_page:
                paragraph.paragraph_format.page_break_before = True
            if i == 0 and style == "Signature":
                paragraph.paragraph_format.space_before = Twips(2 * LINE)
            elif i == 0 and after_table:
                paragraph.paragraph_format.space_before = Twips(LINE // 2)
        after_table = isinstance(block, Table)
    out = io.BytesIO()
    doc.save(out)
    return _deterministic(out.getvalue())
