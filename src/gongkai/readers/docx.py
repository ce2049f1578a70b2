"""Word (DOCX) reader: body paragraphs and tables in reading order.

* Paragraphs become text rows; a line break inside a paragraph starts a new
  row, as ``<br>`` does in the HTML reader.  Empty paragraphs are dropped and
  ``paragraph`` in the provenance counts the rows emitted (1-based).
* Text boxes (``w:txbxContent``, e.g. a title in a box) are read where they are
  anchored: their paragraphs come before the text of the anchoring paragraph.
* Tables become cell rows shaped like the HTML reader's ``<td rowspan colspan>``:
  each physical cell once, ``colspan`` from ``gridSpan`` and ``rowspan`` from
  the ``vMerge`` continuation cells below it, which are not emitted.
* A *frame* table (one column, and one row or holding other tables) only lays
  out the page: its content is read as if it stood in the body.  Any other
  table nested in a cell is emitted as its own table right after the row that
  holds it, so a statistics table placed in a layout table keeps its rows.
* Cell text is the cell's paragraphs joined with a space (the HTML reader
  collapses the line breaks between ``<p>`` in a cell the same way).
* Word's automatic numbering is written in front of the paragraph's text
  ("一、总体情况"), see :mod:`gongkai.readers.docx_numbering`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.parser import parse_xml
from docx.package import Package
from docx.parts.document import DocumentPart
from lxml import etree

from gongkai import limits
from gongkai.errors import InputError
from gongkai.limits import DEADLINE_EVERY, ContentBudget, check_deadline, over_limit
from gongkai.model import Provenance
from gongkai.readers.docx_numbering import number_paragraphs
from gongkai.readers.raw import TITLE_LIKE, RawCell, RawDocument, RawRow, clean_text
from gongkai.readers.ziplimits import open_checked

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
_TXBX = _W + "txbxContent"
_BREAKS = {_W + "br", _W + "cr"}
_SPACES = {_W + "tab", _W + "ptab"}
_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "smartTag"}
_SKIP = {_MC + "Fallback", _W + "del", _W + "moveFrom", _W + "rt", _W + "rPr", _W + "pPr", _W + "tcPr", _W + "trPr"}
_VAL = _W + "val"
_OTHER_OOXML = {"xl/workbook.xml": "Excel 工作簿", "ppt/presentation.xml": "PowerPoint 演示文稿"}


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Child elements with ``tag``, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_VAL) not in ("0", "false", "off")


def _inline(p: etree._Element) -> tuple[list[str], list[etree._Element]]:
    """A paragraph's text lines (split at line breaks) and the text boxes anchored in it."""
    lines: list[list[str]] = [[]]
    boxes: list[etree._Element] = []

    def visit(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _T:
                lines[-1].append(child.text or "")
            elif tag in _SPACES:
                lines[-1].append(" ")
            elif tag in _BREAKS:
                lines.append([])
            elif tag == _W + "noBreakHyphen":
                lines[-1].append("-")
            elif tag == _TXBX:
                boxes.append(child)
            elif tag == _W + "r" and _hidden(child):
                continue
            else:
                visit(child)

    visit(p)
    return [t for t in (clean_text("".join(x)) for x in lines) if t], boxes


@dataclass(slots=True)
class _Slot:
    tc: etree._Element
    start: int
    span: int
    merge: str | None
    rowspan: int = 1
    hidden: bool = False


def _int(el: etree._Element | None, default: int) -> int:
    try:
        return max(0, min(int(el.get(_VAL) or default), 1000)) if el is not None else default
    except ValueError:
        return default


def _grid(tbl: etree._Element) -> list[list[_Slot]]:
    """The table's rows of cells with grid positions; vertical merges resolved into rowspans."""
    grid: list[list[_Slot]] = []
    for tr in _children(tbl, _TR):
        col = _int(tr.find(f"{_W}trPr/{_W}gridBefore"), 0)
        slots: list[_Slot] = []
        for tc in _children(tr, _TC):
            span = max(1, _int(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1))
            hmerge = tc.find(f"{_W}tcPr/{_W}hMerge")
            if hmerge is not None and hmerge.get(_VAL) != "restart" and slots:
                slots[-1].span += span  # legacy horizontal merge continuation
            else:
                vm = tc.find(f"{_W}tcPr/{_W}vMerge")
                merge = None if vm is None else ("restart" if vm.get(_VAL) == "restart" else "continue")
                slots.append(_Slot(tc, col, span, merge))
            col += span
        grid.append(slots)
    above: dict[int, _Slot] = {}
    for slots in grid:
        here: dict[int, _Slot] = {}
        for s in slots:
            origin = above.get(s.start) if s.merge == "continue" else None
            if origin is not None:
                origin.rowspan += 1
                s.hidden = True
                here[s.start] = origin
            else:
                here[s.start] = s
        above = here
    return grid


def _is_frame(grid: list[list[_Slot]], tbl: etree._Element) -> bool:
    """One column, and a single cell or other tables inside: a layout frame, not data."""
    if not grid or any(len(slots) > 1 for slots in grid):
        return False
    return len(grid) == 1 or next(tbl.iterdescendants(_TBL), None) is not None


class _Walker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.rows: list[RawRow] = []
        self.paragraphs = 0
        self.tables = 0
        self.budget = ContentBudget()

    def blocks(self, container: etree._Element) -> None:
        for el in container:
            if el.tag == _P:
                lines, boxes = _inline(el)
                for box in boxes:
                    self.blocks(box)
                for line in lines:
                    self.budget.row(0, len(line))
                    self.paragraphs += 1
                    prov = Provenance(file=self.path, paragraph=self.paragraphs)
                    self.rows.append(RawRow([RawCell(line, prov)], "text"))
            elif el.tag == _TBL:
                self.table(el)
            elif el.tag in _WRAPPERS:
                self.blocks(el)

    def table(self, tbl: etree._Element) -> None:
        grid = _grid(tbl)
        if _is_frame(grid, tbl):
            for slots in grid:
                for s in slots:
                    self.blocks(s.tc)
            return
        self.tables += 1
        no = self.tables
        for r, slots in enumerate(grid, 1):
            cells: list[RawCell] = []
            nested: list[etree._Element] = []
            for s in slots:
                if s.hidden:
                    continue
                prov = Provenance(file=self.path, table=no, row=r, column=len(cells) + 1)
                text = " ".join(_cell_texts(s.tc, nested))
                cells.append(RawCell(text, prov, colspan=s.span, rowspan=s.rowspan))
            self.budget.row(len(cells), sum(len(c.text) for c in cells), f"表格{no}第{r}行")
            if cells:
                self.rows.append(RawRow(cells, "cells", table=no))
            for inner in nested:
                self.table(inner)


def _cell_texts(container: etree._Element, nested: list[etree._Element]) -> list[str]:
    """Text pieces of a cell; data tables inside it are added to ``nested`` instead."""
    out: list[str] = []
    for el in container:
        if el.tag == _P:
            lines, boxes = _inline(el)
            for box in boxes:
                out += _cell_texts(box, nested)
            out += lines
        elif el.tag == _TBL:
            grid = _grid(el)
            if _is_frame(grid, el):
                for slots in grid:
                    for s in slots:
                        out += _cell_texts(s.tc, nested)
            else:
                nested.append(el)
        elif el.tag in _WRAPPERS:
            out += _cell_texts(el, nested)
    return out


_OPEN_ERRORS = (
    PackageNotFoundError,
    KeyError,
    ValueError,
    EOFError,
    OSError,
    NotImplementedError,
    zipfile.BadZipFile,
    zlib.error,
    etree.XMLSyntaxError,
    AttributeError,  # python-docx on a damaged part: a relationships file whose root is not <Relationships>
    TypeError,
    IndexError,
)
"""What python-docx raises on a damaged package (it validates nothing before walking the parts)."""


def _check_size(body: etree._Element) -> None:
    """Stop (E119) a body of more paragraphs or table cells than a report could hold, before any work on them.

    Raises:
        InputError: E119 over a limit, E112 past the time limit.
    """
    paragraphs = cells = 0
    for n, el in enumerate(body.iter(_P, _TC), 1):
        if el.tag == _P:
            paragraphs += 1
            if paragraphs > limits.MAX_PARAGRAPHS:
                raise over_limit(f"Word 文档的段落超过 {limits.MAX_PARAGRAPHS:,} 个")
        else:
            cells += 1
            if cells > limits.MAX_CELLS:
                raise over_limit(f"表格单元格超过 {limits.MAX_CELLS:,} 个")
        if n % DEADLINE_EVERY == 0:
            check_deadline()


def read_docx(data: bytes, path: str) -> RawDocument:
    """Read a DOCX file into rows.

    Raises:
        InputError: E109 encrypted, E110 corrupt or not a Word document, E104 another
            Office format, E114 decompression bomb, E119 over a content limit, E112 past the time limit.
    """
    with open_checked(data) as archive:
        names = set(archive.namelist())
        body_size = archive.getinfo("word/document.xml").file_size if "word/document.xml" in names else 0
    if "word/document.xml" not in names:
        for member, kind in _OTHER_OOXML.items():
            if member in names:
                raise InputError("E104", f"不支持读取{kind}（支持 PDF、Word、图片、HTML、Markdown 和纯文本）")
        raise InputError("E110", "文件已损坏：Word 压缩包中缺少正文（word/document.xml）")
    if body_size > limits.MAX_DOCX_XML:  # parsing it would take gigabytes; the declared size is an upper bound
        mib = 1024 * 1024
        raise over_limit(
            f"Word 正文（word/document.xml）解压后 {body_size / mib:.1f} MB，上限 {limits.MAX_DOCX_XML / mib:g} MB"
        )
    try:
        package = Package.open(io.BytesIO(data))
        part = package.main_document_part
        # .docm/.dotx main parts are not DocumentPart objects; their XML is the same
        root = part.element if isinstance(part, DocumentPart) else parse_xml(part.blob)
        title = package.core_properties.title or ""
    except _OPEN_ERRORS as exc:
        raise InputError("E110", "文件已损坏：无法解析 Word 文档内容，文件可能不完整") from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise InputError("E110", "文件已损坏：Word 文档没有正文")
    _check_size(body)
    number_paragraphs(part, body)  # Word list numbers ("一、") become text
    walker = _Walker(path)
    walker.blocks(body)
    hints = {"page_title": clean_text(title)} if TITLE_LIKE.search(title) else {}
    return RawDocument(path=path, format="docx", encoding=None, rows=walker.rows, hints=hints)
