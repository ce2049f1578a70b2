"""Render a report as a Word (DOCX) file in the official template's structure, for round-trip tests.

Tables are built like ``official-template-2021-blank.docx``: horizontal merges
(gridSpan), the vertical merges of the applicant-type header, of
``三、本年度办理结果`` and of each outcome group, and header words on two
paragraphs in one cell (商业/企业).  The title can be put in a text box.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.table import Table, _Cell

from gongkai.model.template import TABLE2, TABLE4
from tests.layouts import HEADER_NOTE, T2_GROUPS, T3_ROWS, T4_HEAD, Table2, Table3, Table4

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXTBOX = (
    f'<w:r xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:400pt;height:40pt">'
    "<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>"
    "</v:shape></w:pict></w:r>"
)
_OUTSIDE = ("new_received", "carried_over", "carried_forward")
"""Table-3 rows outside 三、本年度办理结果 (label over three columns)."""


class _Plan:
    """Merges and texts of one table; applied merges first, then texts through one cell lookup (fast)."""

    def __init__(self, rows: int, cols: int) -> None:
        self.rows, self.cols = rows, cols
        self.merges: list[tuple[int, int, int, int]] = []
        self.texts: list[tuple[int, int, tuple[object, ...]]] = []

    def put(self, r: int, c: int, *paragraphs: object) -> None:
        self.texts.append((r, c, paragraphs))

    def merge(self, r0: int, c0: int, r1: int, c1: int, *paragraphs: object) -> None:
        self.merges.append((r0, c0, r1, c1))
        self.put(r0, c0, *paragraphs)

    def build(self, doc: DocumentObject) -> Table:
        table = doc.add_table(rows=self.rows, cols=self.cols)
        for r0, c0, r1, c1 in self.merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        cells = table._cells
        for r, c, paragraphs in self.texts:
            _set(cells[r * self.cols + c], *paragraphs)
        return table


def _set(cell: _Cell, *paragraphs: object) -> None:
    cell.paragraphs[0].text = str(paragraphs[0])
    for extra in paragraphs[1:]:
        cell.add_paragraph(str(extra))


def _table2(doc: DocumentObject, t2: Table2) -> None:
    t = _Plan(sum(2 + len(keys) for _, _, keys in T2_GROUPS), 4)
    r = 0
    for title, heads, keys in T2_GROUPS:
        t.merge(r, 0, r, 3, title)
        t.put(r + 1, 0, "信息内容")
        if len(heads) == 1:
            t.merge(r + 1, 1, r + 1, 3, heads[0])
        else:
            for c, head in enumerate(heads, 1):
                t.put(r + 1, c, head)
        for i, key in enumerate(keys, r + 2):
            t.put(i, 0, TABLE2.row(key).label)
            if len(heads) == 1:
                t.merge(i, 1, i, 3, t2[key][0])
            else:
                for c, v in enumerate(t2[key], 1):
                    t.put(i, c, v)
        r += 2 + len(keys)
    t.build(doc)


def _table3(doc: DocumentObject, t3: Table3) -> None:
    t = _Plan(3 + len(T3_ROWS), 10)
    t.merge(0, 0, 2, 2, HEADER_NOTE)
    t.merge(0, 3, 0, 9, "申请人情况")
    t.merge(1, 3, 2, 3, "自然人")
    t.merge(1, 4, 1, 8, "法人或其他组织")
    t.merge(1, 9, 2, 9, "总计")
    for c, head in enumerate([("商业", "企业"), ("科研", "机构"), ("社会公益组织",), ("法律服务机构",), ("其他",)], 4):
        t.put(2, c, *head)
    outcomes = [i for i, row in enumerate(T3_ROWS, 3) if row.key not in _OUTSIDE]
    t.merge(outcomes[0], 0, outcomes[-1], 0, "三、本年度办理结果")
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(T3_ROWS, 3):
        if row.group:
            groups.setdefault(row.group, []).append(i)
    for group, at in groups.items():
        t.merge(at[0], 1, at[-1], 1, group)
    for i, row in enumerate(T3_ROWS, 3):
        if row.group:
            t.put(i, 2, row.label)
        elif row.key in _OUTSIDE:
            t.merge(i, 0, i, 2, row.label)
        else:
            t.merge(i, 1, i, 2, row.label)
        for c, v in enumerate(t3[row.key], 3):
            t.put(i, c, v)
    t.build(doc)


def _table4(doc: DocumentObject, t4: Table4) -> None:
    t = _Plan(4, 15)
    t.merge(0, 0, 0, 4, "行政复议")
    t.merge(0, 5, 0, 14, "行政诉讼")
    for c, head in enumerate(T4_HEAD):
        t.merge(1, c, 2, c, head)
    t.merge(1, 5, 1, 9, "未经复议直接起诉")
    t.merge(1, 10, 1, 14, "复议后起诉")
    for c, head in enumerate(T4_HEAD * 2, 5):
        t.put(2, c, head)
    values = [v for g in TABLE4.rows for v in t4[g.key]]
    for c, v in enumerate(values):
        t.put(3, c, v)
    t.build(doc)


def add_textbox(doc: DocumentObject, text: str) -> None:
    """A paragraph holding only a (VML) text box with ``text``."""
    p = doc.add_paragraph()
    p._p.append(parse_xml(_TEXTBOX.format(text=text)))


def docx_layout(t2: Table2, t3: Table3, t4: Table4, year: int = 2024, title_in_textbox: bool = False) -> bytes:
    doc = Document()
    title = f"某市某局{year}年政府信息公开工作年度报告"
    if title_in_textbox:
        add_textbox(doc, title)
    else:
        doc.add_paragraph(title)
    doc.add_paragraph(f"本报告所列数据统计期限为{year}年1月1日至{year}年12月31日。")
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("本局依法做好政府信息公开工作。")
    doc.add_paragraph("二、主动公开政府信息情况")
    _table2(doc, t2)
    doc.add_paragraph("三、收到和处理政府信息公开申请情况")
    _table3(doc, t3)
    doc.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    _table4(doc, t4)
    for text in [
        "五、存在的主要问题及改进情况",
        "公开形式较为单一。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]:
        doc.add_paragraph(text)
    doc.add_paragraph("某市某局")
    doc.add_paragraph(f"{year + 1}年1月20日")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


__all__ = ["add_textbox", "docx_layout"]
