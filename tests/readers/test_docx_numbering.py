"""Word automatic numbering: list labels ("一、", "（二）") are read as part of the paragraph text."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph

from gongkai.extract import extract
from gongkai.readers import read_bytes
from gongkai.readers.docx_numbering import chinese_counting, format_number
from tests.docx_layout import W_NS, docx_layout
from tests.readers.test_legacy import T2, T3, T4

NS = f'xmlns:w="{W_NS}"'
_HEADING = re.compile(r"^[一二三四五六]、")


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def _abstract(abstract_id: int, *levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{extra}{"".join(levels)}</w:abstractNum>'


def _num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


CHINESE = _abstract(
    1,
    _lvl(0, "chineseCounting", "%1、"),
    _lvl(1, "chineseCounting", "（%2）"),
    _lvl(2, "decimal", "%3."),
)
"""The usual report outline: 一、 / （一） / 1."""


def _set_numbering(doc: DocumentObject, *parts: str) -> None:
    """Replace the template's numbering definitions (abstractNum first, then num, as the schema wants)."""
    root = doc.part.numbering_part.element
    for child in list(root):
        root.remove(child)
    ordered = sorted(parts, key=lambda x: not x.startswith("<w:abstractNum"))
    root.extend(list(parse_xml(f"<w:numbering {NS}>{''.join(ordered)}</w:numbering>")))


def _number(p: Paragraph | CT_P, num_id: int | None = None, ilvl: int | None = None) -> None:
    el = p._p if isinstance(p, Paragraph) else p
    inner = ("" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>') + (
        "" if num_id is None else f'<w:numId w:val="{num_id}"/>'
    )
    el.get_or_add_pPr().append(parse_xml(f"<w:numPr {NS}>{inner}</w:numPr>"))


def _texts(doc: DocumentObject) -> list[str]:
    out = io.BytesIO()
    doc.save(out)
    return [r.text for r in read_bytes(out.getvalue(), "n.docx").rows]


def _outline(doc: DocumentObject, items: Sequence[tuple[str, int | None, int | None]]) -> list[str]:
    for text, num_id, ilvl in items:
        p = doc.add_paragraph(text)
        if num_id is not None:
            _number(p, num_id, ilvl)
    return _texts(doc)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        *[(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"), (99, "九十九")],
        *[(100, "一百"), (101, "一百〇一"), (110, "一百一十"), (1001, "一千〇一"), (10001, "一万〇一")],
    ],
)
def test_chinese_counting(n: int, text: str) -> None:
    assert chinese_counting(n) == text
    assert format_number(n, "chineseCountingThousand") == text


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (12, "decimalFullWidth", "１２"),
        (1, "decimalEnclosedCircleChinese", "①"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "㉑"),
        (2, "decimalEnclosedParen", "⑵"),
        (3, "ideographTraditional", "丙"),
        (11, "ideographTraditional", "11"),
        (14, "lowerRoman", "xiv"),
        (28, "upperLetter", "BB"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (5, "someFutureFormat", "5"),
    ],
)
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def test_numbered_outline_levels_restart_below_the_level_used() -> None:
    doc = Document()
    _set_numbering(doc, CHINESE, _num(1, 1))
    items: list[tuple[str, int | None, int | None]] = [
        ("总体情况", 1, 0),
        ("制度建设", 1, 1),
        ("平台建设", 1, 1),
        ("要点", 1, 2),
        ("主动公开", 1, 0),
    ]
    items += [("规章", 1, 1), ("要点", 1, 2), ("正文", None, None)]
    assert _outline(doc, items) == [
        "一、总体情况",
        "（一）制度建设",
        "（二）平台建设",
        "1.要点",
        "二、主动公开",
        "（一）规章",
        "1.要点",
        "正文",
    ]


def test_numbering_is_shared_by_nums_of_one_list_until_a_start_override() -> None:
    doc = Document()
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    _set_numbering(doc, CHINESE, _num(1, 1), _num(2, 1), _num(3, 1, restart))
    items = [("甲", 1, 0), ("乙", 2, 0), ("丙", 3, 0), ("丁", 3, 0), ("戊", 1, 0)]
    assert _outline(doc, items) == ["一、甲", "二、乙", "一、丙", "二、丁", "三、戊"]


def test_level_override_replaces_the_level_definition() -> None:
    doc = Document()
    override = f'<w:lvlOverride w:ilvl="0">{_lvl(0, "decimal", "第%1条", start=5)}</w:lvlOverride>'
    _set_numbering(doc, CHINESE, _num(1, 1, override))
    assert _outline(doc, [("甲", 1, 0), ("乙", 1, 0)]) == ["第5条 甲", "第6条 乙"]


def test_multi_level_text_legal_start_and_suffix() -> None:
    doc = Document()
    nothing = '<w:suff w:val="nothing"/>'
    levels = [
        _lvl(0, "chineseCounting", "第%1部分", start=3, extra=nothing),
        _lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
    ]
    _set_numbering(doc, _abstract(1, *levels), _num(1, 1))
    assert _outline(doc, [("总则", 1, 0), ("范围", 1, 1), ("附则", 1, 0)]) == [
        "第三部分总则",
        "3.1 范围",
        "第四部分附则",
    ]


def test_bullets_hidden_numbers_and_removed_numbering_give_no_label() -> None:
    doc = Document()
    hidden = _lvl(0, "decimal", "%1.", extra="<w:rPr><w:vanish/></w:rPr>")
    bullets = _abstract(2, _lvl(0, "bullet", "\uf0b7"))
    _set_numbering(doc, bullets, _abstract(3, hidden), CHINESE, _num(1, 2), _num(2, 3), _num(3, 1))
    items = [("圆点", 1, 0), ("隐藏", 2, 0), ("取消", 0, 0), ("未定义", 9, 0), ("编号", 3, 0)]
    assert _outline(doc, items) == ["圆点", "隐藏", "取消", "未定义", "一、编号"]


def test_empty_numbered_paragraph_counts_but_gives_no_row() -> None:
    doc = Document()
    _set_numbering(doc, CHINESE, _num(1, 1))
    assert _outline(doc, [("", 1, 0), ("第二项", 1, 0)]) == ["二、第二项"]


def test_numbered_paragraph_with_only_hidden_text_gives_no_lone_label() -> None:
    doc = Document()
    _set_numbering(doc, CHINESE, _num(1, 1))
    hidden = doc.add_paragraph()
    hidden.add_run("隐藏").font.hidden = True
    _number(hidden, 1, 0)
    assert _outline(doc, [("第二项", 1, 0)]) == ["二、第二项"]


def test_numbering_through_paragraph_styles() -> None:
    """Heading styles carry the numId (inherited through basedOn); the level is the one naming the style."""
    doc = Document()
    levels = [
        _lvl(0, "chineseCounting", "%1、", extra='<w:pStyle w:val="ReportH1"/>'),
        _lvl(1, "chineseCounting", "（%2）", extra='<w:pStyle w:val="ReportH2"/>'),
    ]
    _set_numbering(doc, _abstract(1, *levels), _num(4, 1))
    styles = doc.styles.element
    styles.append(
        parse_xml(
            f'<w:style {NS} w:type="paragraph" w:styleId="ReportH1"><w:name w:val="report h1"/>'
            '<w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
        )
    )
    styles.append(
        parse_xml(
            f'<w:style {NS} w:type="paragraph" w:styleId="ReportH2"><w:name w:val="report h2"/>'
            '<w:basedOn w:val="ReportH1"/></w:style>'
        )
    )
    for text, style in [
        ("总体情况", "report h1"),
        ("制度", "report h2"),
        ("平台", "report h2"),
        ("主动公开", "report h1"),
    ]:
        doc.add_paragraph(text, style=style)
    doc.add_paragraph("正文")
    assert _texts(doc) == ["一、总体情况", "（一）制度", "（二）平台", "二、主动公开", "正文"]


def test_numbered_paragraphs_in_table_cells() -> None:
    doc = Document()
    _set_numbering(doc, _abstract(1, _lvl(0, "decimalEnclosedCircleChinese", "%1")), _num(1, 1))
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 1).text = "7"
    cell = table.cell(0, 0)
    cell.paragraphs[0].text = "注释"
    _number(cell.paragraphs[0], 1, 0)
    _number(cell.add_paragraph("说明"), 1, 0)
    rows = read_bytes(_save(doc), "c.docx").rows
    assert [[c.text for c in r.cells] for r in rows] == [["① 注释 ② 说明", "7"]]


def _save(doc: DocumentObject) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def numbered_report() -> bytes:
    """The round-trip report with its six headings (and two sub-items of 一) numbered by Word, not typed."""
    doc = Document(io.BytesIO(docx_layout(T2, T3, T4)))
    _set_numbering(doc, CHINESE, _num(7, 1))
    headings = 0
    for p in list(doc.paragraphs):
        if _HEADING.match(p.text):
            p.text = p.text[2:]
            _number(p, 7, 0)
            headings += 1
            for sub in ("平台建设", "制度建设") if headings == 1 else ():
                p._p.addnext(parse_xml(f"<w:p {NS}><w:r><w:t>{sub}</w:t></w:r></w:p>"))
                sub_p = p._p.getnext()
                assert isinstance(sub_p, CT_P)
                _number(sub_p, 7, 1)
    assert headings == 6
    return _save(doc)


def test_report_with_numbered_headings_finds_all_six_sections() -> None:
    raw = read_bytes(numbered_report(), "numbered.docx")
    assert "一、总体情况" not in [p.text for p in Document(io.BytesIO(numbered_report())).paragraphs]
    report = extract(raw)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert [s.title for s in report.sections][:2] == ["一、总体情况", "二、主动公开政府信息情况"]
    assert "（一）制度建设" in report.sections[0].text and "（二）平台建设" in report.sections[0].text
    assert {k: [c.plain() for c in row.values()] for k, row in report.table2.rows.items()} == T2
    assert {k: [c.plain() for c in row.values()] for k, row in report.table3.rows.items()} == T3
    assert {k: [c.plain() for c in row.values()] for k, row in report.table4.rows.items()} == T4
