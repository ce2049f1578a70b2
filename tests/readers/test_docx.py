"""The DOCX reader: body order, merged cells, text boxes, nested tables, and hostile archives."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.api import check_path
from gongkai.errors import InputError
from gongkai.extract import extract
from gongkai.readers import read_bytes, read_path, ziplimits
from gongkai.readers.raw import RawDocument
from tests.docx_layout import W_NS, add_textbox, docx_layout
from tests.extract.test_extract_roundtrip import consistent_tables
from tests.layouts import Table2, Table3, Table4, assert_reads_back

TEMPLATE = Path(__file__).resolve().parents[2] / "samples" / "official-template-2021-blank.docx"


def _save(doc: DocumentObject) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _cells(raw: RawDocument) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.rowspan, c.colspan) for c in r.cells] for r in raw.rows if r.kind == "cells"]


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _error(data: bytes) -> InputError:
    with pytest.raises(InputError) as info:
        read_bytes(data, "bad.docx")
    return info.value


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables=consistent_tables(), title_in_textbox=st.booleans())
def test_docx_roundtrip_reads_every_value_back(tables: tuple[Table2, Table3, Table4], title_in_textbox: bool) -> None:
    t2, t3, t4 = tables
    report = extract(read_bytes(docx_layout(t2, t3, t4, title_in_textbox=title_in_textbox), "report.docx"))
    assert_reads_back(report, t2, t3, t4)
    assert report.metadata.title == "某市某局2024年政府信息公开工作年度报告"


def test_docx_official_template_reads_blank_cells_with_positions() -> None:
    raw = read_path(TEMPLATE)
    assert raw.format == "docx"
    report = extract(raw)
    for table in (report.table2, report.table3, report.table4):
        assert table.found and table.rows
        assert {c.state for row in table.rows.values() for c in row.values()} <= {"blank", "absent"}
    cell = report.table3.rows["granted"]["natural_person"]
    assert cell.provenance is not None and cell.provenance.table == 2
    assert (cell.provenance.row, cell.provenance.column) == (6, 3)
    granted = next(r for r in raw.rows if r.kind == "cells" and r.cells[0].text == "三、本年度办理结果")
    assert (granted.cells[0].rowspan, granted.cells[1].colspan) == (22, 2)
    header = _cells(raw)[14:17]
    assert header[1] == [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)]
    assert header[2][0] == ("商业 企业", 1, 1)
    assert [r.text for r in raw.rows if r.kind == "text"][:2] == ["政府信息公开工作年度报告格式模板", "一、总体情况"]


def test_docx_merged_cells_are_emitted_once_with_spans() -> None:
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(2, 0)).text = "竖"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "横"
    for r in (1, 2):
        table.cell(r, 1).text, table.cell(r, 2).text = f"{r}a", f"{r}b"
    raw = read_bytes(_save(doc), "m.docx")
    assert _cells(raw) == [[("竖", 3, 1), ("横", 1, 2)], [("1a", 1, 1), ("1b", 1, 1)], [("2a", 1, 1), ("2b", 1, 1)]]
    last = raw.rows[-1].cells[1].prov
    assert (last.file, last.table, last.row, last.column) == ("m.docx", 1, 3, 2)


def test_docx_paragraphs_and_tables_keep_body_order() -> None:
    doc = Document()
    doc.add_paragraph("一、总体情况")
    doc.add_paragraph("")
    doc.add_table(rows=1, cols=2).cell(0, 0).text = "表"
    doc.add_paragraph("第一行").add_run().add_break()
    doc.paragraphs[-1].add_run("第二行")
    raw = read_bytes(_save(doc), "o.docx")
    assert [(r.kind, r.text) for r in raw.rows] == [
        ("text", "一、总体情况"),
        ("cells", "表"),
        ("text", "第一行"),
        ("text", "第二行"),
    ]
    assert [r.prov.paragraph for r in raw.rows if r.kind == "text"] == [1, 2, 3]


def test_docx_text_box_paragraphs_are_read_where_anchored() -> None:
    doc = Document()
    add_textbox(doc, "某县2024年政府信息公开工作年度报告")
    doc.add_paragraph("一、总体情况")
    raw = read_bytes(_save(doc), "t.docx")
    assert [r.text for r in raw.rows] == ["某县2024年政府信息公开工作年度报告", "一、总体情况"]


def test_docx_drawingml_text_box_fallback_is_not_read_twice() -> None:
    doc = Document()
    run = (
        f'<w:r xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t>"
        "</w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    doc.add_paragraph("正文")._p.append(parse_xml(run))
    assert [r.text for r in read_bytes(_save(doc), "a.docx").rows] == ["框内", "正文"]


def test_docx_nested_table_becomes_its_own_table_after_its_row() -> None:
    doc = Document()
    outer = doc.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "说明"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "规章", "5"
    outer.cell(1, 0).text = "下一行"
    raw = read_bytes(_save(doc), "n.docx")
    assert [(r.table, [c.text for c in r.cells]) for r in raw.rows] == [
        (1, ["说明", ""]),
        (2, ["规章", "5"]),
        (1, ["下一行", ""]),
    ]


def test_docx_frame_table_content_is_read_as_body() -> None:
    doc = Document()
    frame = doc.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = "一、总体情况"
    frame.add_table(rows=1, cols=2).cell(0, 1).text = "7"
    frame.add_paragraph("六、其他需要报告的事项")
    raw = read_bytes(_save(doc), "f.docx")
    assert [(r.kind, r.table, r.text) for r in raw.rows] == [
        ("text", None, "一、总体情况"),
        ("cells", 1, "7"),
        ("text", None, "六、其他需要报告的事项"),
    ]


def test_docx_deleted_and_hidden_text_is_not_read() -> None:
    doc = Document()
    p = doc.add_paragraph("保留")
    p._p.append(parse_xml(f'<w:del xmlns:w="{W_NS}"><w:r><w:delText>删除</w:delText></w:r></w:del>'))
    p.add_run("隐藏").font.hidden = True
    assert [r.text for r in read_bytes(_save(doc), "d.docx").rows] == ["保留"]


def test_docx_core_title_becomes_a_hint() -> None:
    doc = Document()
    doc.core_properties.title = "某市2024年政务公开工作年度报告"
    doc.add_paragraph("正文")
    assert read_bytes(_save(doc), "h.docx").hints == {"page_title": "某市2024年政务公开工作年度报告"}


def test_docx_compression_ratio_bomb_is_rejected() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (5 * 1024 * 1024)})
    err = _error(data)
    assert err.code == "E114" and "压缩比" in err.message


def test_docx_total_size_bomb_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ziplimits, "MAX_TOTAL", 64 * 1024)
    member = bytes(range(256)) * 300  # ~77 KB, barely compressible
    err = _error(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": member}))
    assert err.code == "E114" and "0.0625 MB" in err.message


def test_docx_too_many_members_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ziplimits, "MAX_MEMBERS", 50)
    members = {f"word/media/{i}.xml": b"" for i in range(51)}
    assert _error(_zip({"[Content_Types].xml": b"<Types/>", **members})).code == "E114"


def test_docx_truncated_file_is_corrupt() -> None:
    doc = Document()
    doc.add_paragraph("正文")
    data = _save(doc)
    err = _error(data[: len(data) // 2])
    assert err.code == "E110" and err.message.startswith("文件已损坏")


def test_docx_archive_without_document_xml_is_corrupt() -> None:
    err = _error(_zip({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"}))
    assert err.code == "E110" and "word/document.xml" in err.message


def test_docx_broken_document_xml_is_corrupt() -> None:
    doc = Document()
    doc.add_paragraph("正文")
    src = zipfile.ZipFile(io.BytesIO(_save(doc)))
    members = {n: src.read(n) for n in src.namelist()}
    members["word/document.xml"] = members["word/document.xml"][:200]
    assert _error(_zip(members)).code == "E110"


def test_docx_spreadsheet_is_unsupported_not_corrupt() -> None:
    err = _error(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}))
    assert err.code == "E104" and "Excel" in err.message


def test_docx_encrypted_member_is_reported_as_encrypted() -> None:
    data = bytearray(_zip({"word/document.xml": b"x"}))
    for magic, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" flag bit
        data[data.index(magic) + at] |= 0x1
    assert _error(bytes(data)).code == "E109"


FUZZ = Path(__file__).resolve().parent / "fuzz"


@pytest.mark.parametrize("name", ["rels_root_renamed.docx", "d_docx_zip_version_25_5.docx"])
def test_docx_damaged_package_fuzz_cases_are_corrupt_not_internal_errors(name: str) -> None:
    """Fuzz cases 04 (the package .rels root renamed: AttributeError in python-docx) and 17 (zip version 25.5)."""
    result = check_path(FUZZ / name)
    assert [e.code for e in result.errors] == ["E110"]
    assert result.errors[0].message.startswith("文件已损坏")


def _rename(tag: bytes, to: bytes) -> Callable[[bytes], bytes]:
    """Rename an element, opening and closing tags alike: still well-formed XML, no longer a package part."""
    return lambda xml: xml.replace(b"<" + tag, b"<" + to).replace(b"</" + tag, b"</" + to)


@pytest.mark.parametrize(
    ("member", "damage"),
    [
        ("_rels/.rels", _rename(b"Relationships", b"Relationshipz")),
        ("word/_rels/document.xml.rels", _rename(b"Relationships", b"Rels")),
        ("word/_rels/document.xml.rels", _rename(b"Relationship", b"Link")),
        ("[Content_Types].xml", _rename(b"Types", b"Typez")),
        ("word/_rels/document.xml.rels", lambda xml: xml.replace(b'Target="', b'Targot="')),
    ],
)
def test_docx_damaged_relationships_are_corrupt(member: str, damage: Callable[[bytes], bytes]) -> None:
    src = zipfile.ZipFile(TEMPLATE)
    members = {n: src.read(n) for n in src.namelist()}
    damaged = damage(members[member])
    assert damaged != members[member]
    members[member] = damaged
    err = _error(_zip(members))
    assert (err.code, err.message[:5]) == ("E110", "文件已损坏")


def test_docx_damaged_deflate_data_is_corrupt() -> None:
    data = bytearray(TEMPLATE.read_bytes())
    info = zipfile.ZipFile(TEMPLATE).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2 : start + info.compress_size // 2 + 16] = b"\xff" * 16
    err = _error(bytes(data))
    assert (err.code, err.message[:5]) == ("E110", "文件已损坏")
